"""Text fields: ``st.text_input`` (one line) and ``st.text_area`` (several)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.common.textrules import TEXT_TYPES, check_live, check_validate
from termlit.errors import StreamlitAPIException

__all__ = ["text_area", "text_input"]

#: Streamlit sizes a text area in pixels; a terminal row stands for this many.
PIXELS_PER_ROW = 24


@api
def text_input(
    label: str, value: str | None = "", max_chars: int | None = None, key: Key | None = None,
    type: str = "default", help: str | None = None, autocomplete: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    placeholder: str | None = None, disabled: bool = False, required: bool = False,
    label_visibility: str = "visible", icon: str | None = None, validate: str | tuple[str, str] | None = None,
    live: str | bool = False, width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> str | None:
    """A one-line text field; its value is committed on Enter or leaving it
    (with ``live``: also after a pause in typing). ``validate`` (a regular
    expression, or one with a message) keeps values that do not match from
    being committed; ``type="email"`` and ``"url"`` check their format unless
    ``validate=""``."""
    common = WidgetArgs("text_input", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    if type not in TEXT_TYPES:
        raise StreamlitAPIException(
            f"{common.where} got type={type!r}; use one of {', '.join(map(repr, TEXT_TYPES))}."
        )
    rule = check_validate(common.where, validate, type)
    delay = check_live(common.where, live)
    default, limit, coerce = _text_value(common, value, max_chars)
    return widget(
        common,
        default=default,
        props={
            "max_chars": limit, "type": type, "placeholder": placeholder, "required": bool(required),
            "icon": icon, "validate": rule, "live": delay,
        },
        params={"value": default, "max_chars": max_chars, "type": type, "help": help, "placeholder": placeholder},
        key_params=("max_chars", "type"),
        coerce=coerce,
    )


@api
def text_area(
    label: str, value: Any = "", height: int | str | None = None, max_chars: int | None = None,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    placeholder: str | None = None, disabled: bool = False, required: bool = False,
    label_visibility: str = "visible", width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> str | None:
    """Multi-line text. Enter starts a new line; ctrl+enter (or ctrl+j, which
    every terminal sends), Esc or leaving the field applies the text.

    ``height`` is in pixels as in Streamlit (at least 68); the terminal shows
    about one row per 24 pixels. "content" fits the text; default 3 rows.
    """
    common = WidgetArgs("text_area", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    if height is None or height == "stretch":
        rows = 3
    elif height == "content":
        rows = 0  # grows with the text
    elif isinstance(height, int) and not isinstance(height, bool):
        if height < 68:
            raise StreamlitAPIException(
                f"{common.where}: height={height} is too small; it is in pixels and must be at "
                "least 68 (about 3 rows). Use e.g. height=150 for 6 rows."
            )
        rows = max(3, round(height / PIXELS_PER_ROW))
    else:
        raise StreamlitAPIException(
            f"{common.where}: height must be a number of pixels (>= 68), 'content' or 'stretch', got {height!r}."
        )
    default, limit, coerce = _text_value(common, value, max_chars)
    return widget(
        common,
        default=default,
        props={"max_chars": limit, "rows": rows, "placeholder": placeholder, "required": bool(required)},
        params={"value": default, "max_chars": max_chars, "height": height, "help": help, "placeholder": placeholder},
        key_params=("max_chars",),
        coerce=coerce,
    )


def _text_value(
    common: WidgetArgs, value: Any, max_chars: Any
) -> tuple[str | None, int | None, Callable[[Any], Any]]:
    """The default of a text widget, its length limit (``max_chars``; 0 or
    None: no limit, as in Streamlit) and the check for remembered values."""
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0):
        raise StreamlitAPIException(
            f"{common.where}: max_chars must be a positive int, or None (or 0) for no limit, got {max_chars!r}."
        )
    limit = max_chars or None
    default = None if value is None else str(value)
    if limit is not None and default is not None and len(default) > limit:
        raise StreamlitAPIException(
            f"{common.where}: the default value is {len(default)} characters, longer than "
            f"max_chars={limit}. Shorten it or raise max_chars."
        )

    def coerce(v: Any) -> Any:
        return None if v is None else str(v)[:limit]

    return default, limit, coerce
