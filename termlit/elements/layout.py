"""Layout: the sidebar, ``st.bottom``, containers (vertical or a wrapping
row), columns, grids, space and placeholders. The containers that open and
close (tabs, expanders, popovers) are in :mod:`termlit.elements.dynamic`."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements._widget import _check_key
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.tree import Element

__all__ = ["GridContainer", "bottom", "columns", "container", "empty", "grid", "sidebar", "space"]

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
    rows when the terminal is too narrow for them (``wrap=False``: one row
    that scrolls sideways). ``height`` in rows gives a box that scrolls;
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
