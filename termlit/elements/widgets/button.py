"""Buttons: ``st.button``, ``st.download_button`` and ``st.link_button``.

A pressed button is True in the run right after the press, else False;
:func:`press_button` is that widget, which ``st.form_submit_button`` uses too.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from termlit.common.files import download_bytes
from termlit.common.shortcuts import APP_KEYS, ShortcutError, parse_shortcut, shortcut_label
from termlit.elements._checks import check_button_type, check_wrap
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.runtime.context import get_run_context
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs, widget
from termlit.errors import StreamlitAPIException

__all__ = ["button", "button_look", "check_shortcut", "download_button", "link_button", "press_button"]


@api
def button(
    label: str, key: Key | None = None, help: str | None = None,
    on_click: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    type: str = "secondary", icon: str | None = None, icon_position: str = "left", disabled: bool = False,
    use_container_width: bool | None = None, width: Any = "content", shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """A button: True in the run right after it was pressed, else False.
    ``shortcut`` presses it from anywhere in the app."""
    common = WidgetArgs(
        "button", label, key=key, help=help, on_change=on_click, args=args, kwargs=kwargs, disabled=disabled
    )
    return press_button(common, type=type, icon=icon, look=button_look(common, icon_position, shortcut, wrap))


def button_look(common: WidgetArgs, icon_position: Any, shortcut: Any, wrap: Any) -> dict[str, Any]:
    """The props every kind of button shares besides type and icon: where the
    icon goes, the key that presses it (checked against termlit's own keys)
    and whether its label wraps."""
    if icon_position not in ("left", "right"):
        raise StreamlitAPIException(
            f"{common.where}: icon_position must be 'left' or 'right', got {icon_position!r}."
        )
    return {"icon_position": icon_position, "shortcut": check_shortcut(common.where, shortcut),
            "wrap": check_wrap(common.where, wrap)}


def check_shortcut(where: str, shortcut: Any) -> str | None:
    """The key name of a button's ``shortcut`` (None: none)."""
    if shortcut is None:
        return None
    try:
        key = parse_shortcut(shortcut)
    except ShortcutError as e:
        raise StreamlitAPIException(f"{where}: shortcut {e}.") from None
    if key in APP_KEYS:
        raise StreamlitAPIException(
            f"{where}: shortcut={shortcut!r} is {shortcut_label(key)}, termlit's own key for "
            f"{APP_KEYS[key]}. Choose another shortcut."
        )
    ctx = get_run_context()
    taken = ctx.shortcuts
    if key in taken and not ctx.bare:
        raise StreamlitAPIException(
            f"{where}: shortcut={shortcut!r} is already the shortcut of {taken[key]}. "
            "Give each button its own shortcut."
        )
    taken[key] = where
    return key


def press_button(
    common: WidgetArgs,
    *,
    type: str,
    icon: str | None,
    props: dict[str, Any] | None = None,
    params: dict[str, Any] | None = None,
    look: dict[str, Any] | None = None,
) -> bool:
    """A widget that is True only in the run after it was pressed; ``props``
    and ``params`` add to what every button has (type, icon, help), ``look``
    is :func:`button_look`'s."""
    check_button_type(common.where, type)
    return bool(
        widget(
            common,
            default=False,
            props={**(props or {}), **(look or {}), "type": type, "icon": icon},
            params={**(params or {}), "help": common.help, "type": type, "icon": icon},
            trigger=True,
        )
    )


@api
def download_button(
    label: str, data: Any, file_name: str | None = None, mime: str | None = None,
    key: Key | None = None, help: str | None = None,
    on_click: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    type: str = "secondary", icon: str | None = None, icon_position: str = "left", disabled: bool = False,
    use_container_width: bool | None = None, width: Any = "content", shortcut: str | None = None,
    wrap: bool | None = None,
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
        look=button_look(common, icon_position, shortcut, wrap),
    )


@api
def link_button(
    label: str, url: str, *, key: Key | None = None, on_click: Callback | str = "ignore",
    args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    help: str | None = None, type: str = "secondary", icon: str | None = None, icon_position: str = "left",
    disabled: bool = False, use_container_width: bool | None = None, width: Any = "content",
    shortcut: str | None = None, wrap: bool | None = None,
) -> bool | DeltaGenerator:
    """A button that opens ``url`` (in the terminal's browser, and shows the
    address). With ``on_click="ignore"`` (the default) it is an element and the
    call returns it; with ``"rerun"`` or a callback it is a widget that is
    True in the run after it was pressed, like ``st.button``."""
    common = WidgetArgs(
        "link_button", label, key=key, help=help, on_change=None if on_click in ("ignore", "rerun") else on_click,
        args=args, kwargs=kwargs, disabled=disabled,
    )
    if not isinstance(url, str) or not url.strip():
        raise StreamlitAPIException(f"{common.where}: url must be the address to open, got {url!r}.")
    if not (on_click in ("ignore", "rerun") or callable(on_click)):
        raise StreamlitAPIException(
            f"{common.where}: on_click must be 'ignore', 'rerun' or a callable, got {on_click!r}."
        )
    look = button_look(common, icon_position, shortcut, wrap)
    check_button_type(common.where, type)
    if on_click == "ignore":
        if key is not None and (not isinstance(key, (str, int)) or isinstance(key, bool)):
            raise StreamlitAPIException(f"A widget key must be a string or an integer, got {key!r}.")
        return emit(
            "link_button",
            {**look, "label": str(label), "url": url, "help": help, "type": type, "icon": icon,
             "disabled": bool(disabled), "key": None if key is None else str(key), "widget": False},
        )[1]
    return press_button(common, type=type, icon=icon, props={"url": url, "widget": True},
                        params={"url": url}, look=look)
