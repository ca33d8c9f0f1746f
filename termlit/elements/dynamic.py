"""Streamlit's dynamic containers: ``st.tabs``, ``st.expander`` and
``st.popover``, which can track their open state.

By default they do not: every tab's content runs and ``.open`` is None.
With ``on_change="rerun"``, a callback, or ``bind="query-params"`` (with a
``key``), the container is registered like a widget: its state (the
selected tab's label, or whether it is open) is in
``st.session_state[key]``, ``.open`` reads it, and a user's change runs the
callback and reruns the script.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termlit.elements._bind import INVALID, check_bind, read_bound, write_bound
from termlit.elements._checks import check_button_type
from termlit.elements._dg import DeltaGenerator, api
from termlit.elements._widget import _check_key
from termlit.elements.layout import _check_choice, _check_height
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.ids import widget_id
from termlit.runtime.state import WidgetMeta
from termlit.runtime.tree import Element

__all__ = ["ExpanderContainer", "PopoverContainer", "TabContainer", "expander", "popover", "tabs"]


class _Tracked(DeltaGenerator):
    """A container whose open state the script can read (``.open``)."""

    __slots__ = ("_open",)

    def __init__(self, node: Element, is_open: bool | None) -> None:
        super().__init__(node=node)
        self._open = is_open

    @property
    def open(self) -> bool | None:
        """Whether the container is open (the selected tab), or None when it
        does not track its state (``on_change="ignore"`` and no ``bind``)."""
        return self._open


class ExpanderContainer(_Tracked):
    """What ``st.expander`` returns: a container with ``.open``."""

    __slots__ = ()


class PopoverContainer(_Tracked):
    """What ``st.popover`` returns: a container with ``.open``."""

    __slots__ = ()


class TabContainer(_Tracked):
    """One tab of ``st.tabs``: a container with ``.open`` (selected or not)."""

    __slots__ = ()


def _check_on_change(where: str, on_change: Any) -> Any:
    if on_change in ("ignore", "rerun", None) or callable(on_change):
        return on_change
    raise StreamlitAPIException(
        f"{where}: on_change must be 'ignore', 'rerun' or a callable, got {type(on_change).__name__} "
        f"{on_change!r}."
    )


def _tracked_value(
    kind: str,
    label: str,
    *,
    key: Any,
    on_change: Any,
    args: Any,
    kwargs: Any,
    bind: Any,
    default: Any,
    params: dict[str, Any],
    where: str,
    parse: Any,
    coerce: Any,
) -> tuple[str | None, Any]:
    """Register a container that tracks its state as a widget would: its id
    and value, or ``(None, None)`` when it does not track its state."""
    on_change = _check_on_change(where, on_change)
    key = _check_key(key)
    bound = check_bind(bind, key, where)
    if on_change in ("ignore", None) and not bound:
        return None, None
    ctx = get_run_context()
    if bound:
        asked = read_bound(ctx.session.query_params, key, kind, default, {}, parse)
        if asked is not INVALID:
            ctx.state[key] = asked
    wid = widget_id(kind, key=key, label=label, params=params, page=ctx.widget_page)
    meta = WidgetMeta(
        wid=wid,
        kind=kind,
        label=label,
        key=key,
        callback=on_change if callable(on_change) else None,
        args=tuple(args or ()),
        kwargs=dict(kwargs or {}),
        fragment=ctx.current_fragment,
        default=default,
        page=ctx.widget_page,
    )
    value = ctx.register_widget(meta, default, coerce)
    if bound:
        write_bound(ctx.session.query_params, key, value, default, {})
    return wid, value


def _emit_tracked(kind: str, props: dict[str, Any], wid: str | None) -> Element:
    element, _slot = get_run_context().emit(kind, props, element_id=wid, container=True)
    return element


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(value)


def _parse_bool(text: str) -> bool:
    """A bound open state in the query parameters: "true" or "false" (any case)."""
    if text.lower() == "true":
        return True
    if text.lower() == "false":
        return False
    raise ValueError(text)


@api
def tabs(
    tabs: Sequence[str],
    *,
    width: Any = "stretch",
    height: Any = "content",
    default: str | None = None,
    key: Any = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: Any = None,
) -> list[TabContainer]:
    """Tabs: one container per label; ←/→ on the tab bar switch between them.

    By default every tab's content runs. With ``on_change="rerun"``, a
    callback, or ``bind="query-params"`` (with ``key``), the tabs track the
    selected one: each tab's ``.open`` says whether it is selected (so the
    script can skip the work of hidden tabs), ``st.session_state[key]`` is
    the selected label, and switching tabs runs the callback and reruns.
    ``height`` in rows makes the tab panel scroll."""
    labels = tabs
    names = [str(label) for label in labels] if not isinstance(labels, str) else None
    if not names:
        raise StreamlitAPIException(
            "st.tabs needs a non-empty list of labels, e.g. st.tabs(['Chart', 'Data'])."
        )
    if default is not None and default not in names:
        raise StreamlitAPIException(f"st.tabs: default={default!r} is not one of the labels {names}.")
    rows = _check_height("st.tabs", height)
    if bind is not None and (len(set(names)) != len(names) or not all(names)):
        raise StreamlitAPIException(
            f"st.tabs: with bind='query-params' the labels must be non-empty and unique, got {names}."
        )
    first = default if default is not None else names[0]

    def coerce(value: Any) -> str:
        if value not in names:
            raise ValueError(value)
        return value

    def parse(text: str) -> str:
        return coerce(text)

    wid, selected = _tracked_value(
        "tabs", ",".join(names), key=key, on_change=on_change, args=args, kwargs=kwargs, bind=bind,
        default=first, params={"labels": names, "default": default}, where="st.tabs", parse=parse, coerce=coerce,
    )
    props = {"labels": names, "default": default, "height": rows, "key": key, "value": selected, "tracked": wid is not None}
    row = _emit_tracked("tabs", props, wid)
    ctx = get_run_context()
    handles = []
    for name in names:
        tab, _slot = ctx.emit("tab", {"label": name}, container=True, target=row)
        handles.append(TabContainer(tab, None if wid is None else name == selected))
    return handles


_EXPANDER_TYPES = ("default", "compact", "step")


@api
def expander(
    label: str,
    expanded: bool = False,
    *,
    key: Any = None,
    icon: str | None = None,
    type: str = "default",
    width: Any = "stretch",
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: Any = None,
) -> ExpanderContainer:
    """A section that opens and closes (Enter on its title).

    With ``on_change="rerun"``, a callback, or ``bind="query-params"`` (with
    ``key``) it tracks its state: ``.open`` and ``st.session_state[key]``
    say whether it is open, and opening or closing it runs the callback and
    reruns. ``type="compact"`` draws a bare title line, ``"step"`` a step
    of a timeline (a ``│`` down the side of its content)."""
    label = str(label)
    _check_choice(f"st.expander('{label}')", "type", type, _EXPANDER_TYPES)
    wid, is_open = _tracked_value(
        "expander", label, key=key, on_change=on_change, args=args, kwargs=kwargs, bind=bind,
        default=bool(expanded), params={"expanded": bool(expanded)}, where=f"st.expander('{label}')",
        parse=_parse_bool, coerce=_as_bool,
    )
    props = {
        "label": label, "expanded": bool(expanded) if wid is None else bool(is_open), "icon": icon,
        "type": type, "key": key, "tracked": wid is not None,
    }
    return ExpanderContainer(_emit_tracked("expander", props, wid), is_open)


@api
def popover(
    label: str,
    *,
    type: str = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    wrap: bool | None = None,
    key: Any = None,
    on_change: Any = "ignore",
    args: Any = None,
    kwargs: Any = None,
) -> PopoverContainer:
    """A button that shows its contents when pressed (Enter), hides them when
    pressed again. With ``on_change="rerun"`` or a callback (and ``key``)
    it tracks its state: ``.open`` and ``st.session_state[key]`` say whether
    it is open, and opening or closing it runs the callback and reruns.
    ``wrap=False`` keeps a long label on one line (cut at the edge)."""
    label = str(label)
    check_button_type(f"st.popover('{label}')", type)
    wid, is_open = _tracked_value(
        "popover", label, key=key, on_change=on_change, args=args, kwargs=kwargs, bind=None,
        default=False, params={}, where=f"st.popover('{label}')", parse=_parse_bool, coerce=_as_bool,
    )
    props = {
        "label": label, "help": help, "icon": icon, "disabled": bool(disabled), "type": type,
        "wrap": wrap, "key": key, "tracked": wid is not None, "expanded": bool(is_open),
    }
    return PopoverContainer(_emit_tracked("popover", props, wid), is_open)
