"""Buttons: ``st.button``, ``st.download_button`` and ``st.link_button``.

A pressed button is True in the run right after the press, else False;
:func:`press_button` is that widget, which ``st.form_submit_button`` uses too.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from termlit.common.files import download_bytes
from termlit.elements._checks import check_button_type
from termlit.elements._dg import DeltaGenerator, api
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs, widget
from termlit.elements.text import markdown
from termlit.errors import StreamlitAPIException

__all__ = ["button", "download_button", "link_button", "press_button"]


@api
def button(
    label: str, key: Key | None = None, help: str | None = None,
    on_click: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    type: str = "secondary", icon: str | None = None, disabled: bool = False,
    use_container_width: bool | None = None, width: Any = "content",
) -> bool:
    """A button: True in the run right after it was pressed, else False."""
    common = WidgetArgs(
        "button", label, key=key, help=help, on_change=on_click, args=args, kwargs=kwargs, disabled=disabled
    )
    return press_button(common, type=type, icon=icon)


def press_button(
    common: WidgetArgs,
    *,
    type: str,
    icon: str | None,
    props: dict[str, Any] | None = None,
    params: dict[str, Any] | None = None,
) -> bool:
    """A widget that is True only in the run after it was pressed; ``props``
    and ``params`` add to what every button has (type, icon, help)."""
    check_button_type(common.where, type)
    return bool(
        widget(
            common,
            default=False,
            props={**(props or {}), "type": type, "icon": icon},
            params={**(params or {}), "help": common.help, "type": type, "icon": icon},
            trigger=True,
        )
    )


@api
def download_button(
    label: str, data: Any, file_name: str | None = None, mime: str | None = None,
    key: Key | None = None, help: str | None = None,
    on_click: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    type: str = "secondary", icon: str | None = None, disabled: bool = False,
    use_container_width: bool | None = None, width: Any = "content",
) -> bool:
    """A button that saves ``data`` to a file. Pressing it asks where (default:
    ``file_name`` in the current directory) and asks again before overwriting.
    True in the run after a save, else False."""
    common = WidgetArgs(
        "download_button", label, key=key, help=help, on_change=on_click, args=args, kwargs=kwargs, disabled=disabled
    )
    if callable(data) and not hasattr(data, "read"):
        payload: Any = data  # called when the user saves, as Streamlit does on click
    elif isinstance(data, (str, bytes, bytearray, memoryview)) or hasattr(data, "read"):
        payload = download_bytes(data)  # a file may be closed by the time the user saves
    else:
        raise StreamlitAPIException(
            f"{common.where}: data of type {data.__class__.__name__} cannot be downloaded. Pass str, "
            "bytes, a file-like object or a function returning one; for a DataFrame use "
            "df.to_csv().encode('utf-8')."
        )
    if file_name is None:
        file_name = "download.txt" if isinstance(data, str) else "download"
        guess = mimetypes.guess_extension(mime) if mime else None
        if guess and not file_name.endswith(guess):
            file_name = "download" + guess
    file_name = str(file_name)
    return press_button(
        common,
        type=type,
        icon=icon,
        props={"data": payload, "file_name": file_name, "mime": mime},
        params={"file_name": file_name, "mime": mime},
    )


@api
def link_button(
    label: str, url: str, *, help: str | None = None, type: str = "secondary", icon: str | None = None,
    disabled: bool = False, use_container_width: bool | None = None, width: Any = "content",
) -> DeltaGenerator:
    """A link: the terminal shows the label and the address to open."""
    shown = f"{icon} {label}" if icon else str(label)
    return markdown(f"**{shown}** → [{url}]({url})")
