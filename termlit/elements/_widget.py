"""The one path every widget takes: identity, state, callbacks, element."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.ids import widget_id
from termlit.runtime.state import WidgetMeta

__all__ = ["widget", "check_label_visibility", "check_key"]

_LABEL_VISIBILITY = ("visible", "hidden", "collapsed")


def check_key(key: Any) -> str | None:
    if key is None:
        return None
    if isinstance(key, (str, int)) and not isinstance(key, bool):
        return str(key)
    raise StreamlitAPIException(
        f"A widget key must be a string or an integer, got {type(key).__name__} {key!r}."
    )


def check_label_visibility(value: str) -> str:
    if value not in _LABEL_VISIBILITY:
        raise StreamlitAPIException(
            f"Unsupported label_visibility {value!r}: use one of 'visible', 'hidden' "
            "or 'collapsed'."
        )
    return value


def widget(
    kind: str,
    *,
    label: str,
    key: Any,
    default: Any,
    props: dict[str, Any],
    params: dict[str, Any] | None = None,
    key_params: tuple[str, ...] = (),
    on_change: Callable[..., Any] | None = None,
    args: tuple | list | None = None,
    kwargs: dict[str, Any] | None = None,
    trigger: bool = False,
    coerce: Callable[[Any], Any] | None = None,
    help: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
) -> Any:
    """Register a widget in this run, emit its element, return its value."""
    if not isinstance(label, str):
        label = str(label)
    key = check_key(key)
    check_label_visibility(label_visibility)
    if on_change is not None and not callable(on_change):
        raise StreamlitAPIException(
            f"The callback of st.{kind}('{label}') must be callable, got "
            f"{type(on_change).__name__}."
        )
    ctx = get_run_context()
    wid = widget_id(kind, key=key, label=label, params=params, key_params=key_params)
    meta = WidgetMeta(
        wid=wid,
        kind=kind,
        label=label,
        key=key,
        callback=on_change,
        args=tuple(args or ()),
        kwargs=dict(kwargs or {}),
        trigger=trigger,
    )
    value = ctx.register_widget(meta, default, coerce)
    element_props = dict(props)
    element_props.update(
        label=label,
        key=key,
        value=value,
        help=help,
        disabled=bool(disabled),
        label_visibility=label_visibility,
    )
    ctx.emit(kind, element_props, id=wid)
    return value
