"""``st.color_picker``: a hex colour, typed or stepped through a palette."""

from __future__ import annotations

from typing import Any

from termlit.common.colors import normalize_color
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.errors import StreamlitAPIException

__all__ = ["color_picker"]


@api
def color_picker(
    label: str, value: str | None = None, key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    disabled: bool = False, label_visibility: str = "visible", width: Any = "content",
    bind: BindOption = None, persist_state: PersistState = None,
) -> str:
    """Pick a colour: type a hex code or step through a palette with ←/→.
    Returns the hex code as Streamlit does: the default as given ("#FFF"
    stays "#FFF"), a picked colour as ``"#rrggbb"``."""
    common = WidgetArgs("color_picker", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    try:
        default = _hex_code(value if value is not None else "#000000")
    except ValueError:
        raise StreamlitAPIException(
            f"{common.where}: value={value!r} is not a hex colour. "
            "Use '#rrggbb' or '#rgb', e.g. '#ff4b4b'."
        ) from None
    return widget(
        common, default=default, props={}, params={"value": normalize_color(default), "help": help}, coerce=_hex_code
    )


def _hex_code(value: Any) -> str:
    """A colour as given, with its "#"; raises ValueError when it is none."""
    normalize_color(value)
    text = value.strip()
    return text if text.startswith("#") else f"#{text}"
