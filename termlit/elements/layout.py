"""Layout: the sidebar, containers, columns and placeholders."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

from termlit.elements._bind import check_bind
from termlit.elements._bind import initial as bind_initial
from termlit.elements._bind import write as bind_write
from termlit.elements._checks import check_button_type
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements._widget import _check_key
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.ids import widget_id
from termlit.runtime.state import WidgetMeta
from termlit.runtime.tree import Element

__all__ = [
    "ExpanderContainer", "GridContainer", "PopoverContainer", "TabContainer", "bottom", "columns", "container",
    "empty", "expander", "grid", "popover", "sidebar", "space", "tabs",
]

#: ``st.sidebar``: everything called on it (or inside ``with st.sidebar:``)
#: goes to the sidebar, which ``ctrl+b`` shows and hides.
sidebar = DeltaGenerator("sidebar")

_GAPS = ("small", "medium", "large", None)


@api
def empty() -> DeltaGenerator:
    """A placeholder holding at most one element; each call on it replaces it."""
    return emit("empty", {})[1]


#: Streamlit's gap and space sizes (rem), for checks and for AppTest.
SIZES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
_H_ALIGN = ("left", "center", "right", "distribute")
_V_ALIGN = ("top", "center", "bottom", "distribute")


def _check_gap(where: str, gap: Any) -> Any:
    if gap is None or gap in SIZES:
        return gap
    if isinstance(gap, numbers.Integral) and not isinstance(gap, bool) and gap >= 0:
        return int(gap)
    raise StreamlitAPIException(
        f"{where}: gap must be one of {', '.join(map(repr, SIZES))}, a number of pixels (>= 0) "
        f"or None; got {gap!r}."
    )


def _check_choice(where: str, name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise StreamlitAPIException(
            f"{where}: {name} must be one of {', '.join(map(repr, allowed))}; got {value!r}."
        )
    return value


def _check_height(where: str, height: Any) -> int | str | None:
    """``height``: "content" (None), "stretch", or rows (a positive int)."""
    if height is None or height == "content":
        return None
    if height == "stretch":
        return "stretch"
    if isinstance(height, bool) or not isinstance(height, int) or height < 1:
        raise StreamlitAPIException(
            f"{where}: height must be a positive int (rows), 'content' or 'stretch', got {height!r}."
        )
    return height


@api
def container(
    *,
    border: bool | None = None,
    key: str | None = None,
    width: Any = "stretch",
    height: Any = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: Any = "small",
    autoscroll: bool | None = None,
) -> DeltaGenerator:
    """A group of elements; ``with st.container():`` puts elements in it.

    ``horizontal=True`` lays the elements out in a row that wraps onto more
    rows when the terminal is too narrow for them (``wrap=False``: one row,
    cut at the edge). ``height`` in rows gives a box that scrolls;
    ``autoscroll`` keeps such a box scrolled to its end as content is added
    (by default when it holds chat messages). ``gap`` is the space between
    the elements (about a cell per 8 pixels across, a line per 16 down).
    """
    where = "st.container"
    rows = _check_height(where, height)
    if not wrap and not horizontal:
        raise StreamlitAPIException(
            f"{where}: wrap=False only applies to a horizontal container; pass horizontal=True "
            "or leave wrap at its default."
        )
    _check_choice(where, "horizontal_alignment", horizontal_alignment, _H_ALIGN)
    _check_choice(where, "vertical_alignment", vertical_alignment, _V_ALIGN)
    gap = _check_gap(where, gap)
    if autoscroll not in (None, True, False):
        raise StreamlitAPIException(f"{where}: autoscroll must be True, False or None, got {autoscroll!r}.")
    fixed = isinstance(rows, int)
    props = {
        "border": bool(border) if border is not None else fixed,
        "height": rows,
        "key": key,
        "horizontal": bool(horizontal),
        "wrap": bool(wrap),
        "horizontal_alignment": horizontal_alignment,
        "vertical_alignment": vertical_alignment,
        "gap": gap,
        "autoscroll": autoscroll,
    }
    return emit("container", props, container=True)[1]


@api
def space(size: Any = "small") -> DeltaGenerator:
    """Empty space in the direction of the parent container: lines in a
    column or the page, cells in a horizontal container. ``"stretch"`` fills
    what is left of a row; pixels count about 16 a line, 8 a cell."""
    if size != "stretch" and size not in SIZES:
        if isinstance(size, bool) or not isinstance(size, numbers.Integral) or size < 0:
            raise StreamlitAPIException(
                f"st.space: size must be one of {', '.join(map(repr, (*SIZES, 'stretch')))} or a "
                f"number of pixels (>= 0), got {size!r}."
            )
        size = int(size)
    return emit("space", {"size": size})[1]


@api
def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: Any = "stretch",
    wrap: bool = True,
) -> list[DeltaGenerator]:
    """Side-by-side columns: ``spec`` is a count or a list of relative widths.

    With ``wrap=True`` (the default) the columns stack, one under the other,
    when the terminal is too narrow for them; ``wrap=False`` keeps them side
    by side at any width."""
    if isinstance(spec, numbers.Integral) and not isinstance(spec, bool):
        if spec < 1:
            raise StreamlitAPIException(f"st.columns: the number of columns must be at least 1, got {spec}.")
        weights = [1.0] * int(spec)
    else:
        try:
            weights = [float(w) for w in spec]
        except (TypeError, ValueError):
            raise StreamlitAPIException(
                f"st.columns: spec must be an int or a list of positive numbers, got {spec!r}."
            ) from None
        if not weights or any(w <= 0 for w in weights):
            raise StreamlitAPIException(
                f"st.columns: widths must be positive numbers, got {list(spec)!r}."
            )
    gap = _check_gap("st.columns", gap)
    _check_choice("st.columns", "vertical_alignment", vertical_alignment, ("top", "center", "bottom"))
    row, _handle = emit(
        "columns",
        {"gap": gap, "weights": weights, "border": border, "vertical_alignment": vertical_alignment, "wrap": bool(wrap)},
        container=True,
    )
    ctx = get_run_context()
    total = sum(weights)
    handles = []
    for w in weights:
        column, _slot = ctx.emit("column", {"weight": w / total, "border": border, "gap": gap}, container=True, target=row)
        handles.append(DeltaGenerator(node=column))
    return handles


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
    bound = check_bind(where, bind, key)
    if on_change in ("ignore", None) and not bound:
        return None, None
    ctx = get_run_context()
    start = bind_initial(key, default, parse) if bound else default
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
    value = ctx.register_widget(meta, start, coerce)
    if bound:
        bind_write(key, value, default)
    return wid, value


def _emit_tracked(kind: str, props: dict[str, Any], wid: str | None) -> Element:
    element, _slot = get_run_context().emit(kind, props, element_id=wid, container=True)
    return element


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(value)


def _parse_bool(text: str) -> bool:
    if text.lower() in ("true", "1"):
        return True
    if text.lower() in ("false", "0"):
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


class GridContainer(DeltaGenerator):
    """What ``st.grid`` returns: each element written to it is a cell;
    :meth:`cell` makes a cell that holds several elements or spans tracks."""

    __slots__ = ("_columns",)

    def __init__(self, node: Element, columns: int | str) -> None:
        super().__init__(node=node)
        self._columns = columns

    def __enter__(self) -> GridContainer:
        super().__enter__()
        return self

    def cell(self, *, column_span: int | str = 1, row_span: int = 1) -> DeltaGenerator:
        """The next cell of the grid, as a container: ``column_span`` columns
        wide (``"all"``: a row of its own), ``row_span`` rows tall."""
        if column_span != "all":
            if isinstance(column_span, bool) or not isinstance(column_span, numbers.Integral) or column_span < 1:
                raise StreamlitAPIException(
                    f"grid.cell: column_span must be a positive int or 'all', got {column_span!r}."
                )
            if self._columns != "auto" and column_span > self._columns:
                raise StreamlitAPIException(
                    f"grid.cell: column_span={column_span} is more than the grid's {self._columns} columns."
                )
        if isinstance(row_span, bool) or not isinstance(row_span, numbers.Integral) or row_span < 1:
            raise StreamlitAPIException(f"grid.cell: row_span must be a positive int, got {row_span!r}.")
        ctx = get_run_context()
        cell, _slot = ctx.emit(
            "grid_cell", {"column_span": column_span, "row_span": int(row_span)}, container=True,
            target=self._target(ctx),
        )
        return DeltaGenerator(node=cell)


@api
def grid(
    columns: int | str = "auto",
    *,
    min_column_width: int | str = "auto",
    wrap: bool = True,
    gap: Any = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    row_height: int | str = "content",
    width: Any = "stretch",
    height: Any = "content",
    key: Any = None,
    dense: bool = False,
) -> GridContainer:
    """A grid of cells for cards, metric walls and galleries: each element
    written to it is a cell, ``grid.cell()`` groups several or spans tracks.

    ``columns`` is the most columns (``"auto"``: as many as fit); with
    ``wrap=True`` the grid uses fewer when cells would be narrower than
    ``min_column_width`` (pixels, about 8 a cell; ``"auto"``: 200 pixels).
    ``gap`` is one size or ``(row_gap, column_gap)``."""
    where = "st.grid"
    if columns != "auto":
        if isinstance(columns, bool) or not isinstance(columns, numbers.Integral) or not 1 <= columns <= 24:
            raise StreamlitAPIException(f"{where}: columns must be 'auto' or an int from 1 to 24, got {columns!r}.")
        columns = int(columns)
    elif not wrap:
        raise StreamlitAPIException(
            f"{where}: wrap=False needs a number of columns to keep; pass e.g. st.grid(3, wrap=False)."
        )
    if min_column_width != "auto" and (
        isinstance(min_column_width, bool) or not isinstance(min_column_width, numbers.Integral) or min_column_width < 1
    ):
        raise StreamlitAPIException(
            f"{where}: min_column_width must be 'auto' or a positive number of pixels, got {min_column_width!r}."
        )
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise StreamlitAPIException(f"{where}: gap as a tuple must be (row_gap, column_gap), got {gap!r}.")
        gaps = (_check_gap(where, gap[0]), _check_gap(where, gap[1]))
    else:
        gaps = (_check_gap(where, gap),) * 2
    _check_choice(where, "vertical_alignment", vertical_alignment, ("top", "center", "bottom"))
    if row_height != "content" and (
        isinstance(row_height, bool) or not isinstance(row_height, numbers.Integral) or row_height < 1
    ):
        raise StreamlitAPIException(f"{where}: row_height must be 'content' or a positive number of pixels, got {row_height!r}.")
    rows = _check_height(where, height)
    props = {
        "columns": columns, "min_column_width": min_column_width, "wrap": bool(wrap),
        "row_gap": gaps[0], "column_gap": gaps[1], "vertical_alignment": vertical_alignment,
        "border": bool(border), "row_height": row_height, "width": width,
        "height": "content" if rows is None else rows, "key": _check_key(key), "dense": bool(dense),
    }
    element, _handle = emit("grid", props, container=True)
    return GridContainer(element, columns)


#: The id of the bottom container, the same in every run.
BOTTOM_ID = "bottom"


class _Bottom(DeltaGenerator):
    """``st.bottom``: the strip pinned to the bottom of the page, above the
    key footer, where ``st.chat_input`` lives; made on first use in a run."""

    __slots__ = ()

    def _target(self, ctx: Any) -> Element:
        if ctx.bare:
            return ctx.main
        made = ctx.made(BOTTOM_ID)
        if made is not None:
            return made
        element, _slot = ctx.emit("bottom", {}, element_id=BOTTOM_ID, container=True, target=ctx.main)
        return element

    def __repr__(self) -> str:
        return "DeltaGenerator(bottom)"


#: ``st.bottom``: everything called on it (or inside ``with st.bottom:``)
#: shows in the strip at the bottom of the page, which stays in view while
#: the page scrolls.
bottom = _Bottom("bottom")
