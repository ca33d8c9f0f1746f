"""``st.grid``: cells in rows of equal columns, as many as fit the terminal."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from textual.containers import HorizontalScroll, Vertical
from textual.geometry import NULL_OFFSET, Region, Size, Spacing
from textual.layout import ArrangeResult, Layout, WidgetPlacement
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._layout import gap_cells, gap_lines

__all__ = ["CellLayout", "GridCellView", "GridCells", "GridView"]


class CellLayout(Layout):
    """The cells of a grid: ``columns`` equal columns with ``gap`` cells
    between them and ``row_gap`` lines between rows. Cells go left to right,
    row by row, each in the first free place after the one before (with
    ``dense``, the first free place from the top); a cell spans
    ``spans[id(cell)]`` = (columns, rows). A row is as tall as its tallest
    cell (``row_height`` lines, when set), and a cell fills the rows it spans."""

    name = "cells"

    def __init__(self) -> None:
        self.columns, self.gap, self.row_gap, self.row_height = 1, 1, 0, None
        self.dense = False
        self.spans: dict[int, tuple[int, int]] = {}

    def place(self, children: list[Widget], count: int) -> list[tuple[Widget, int, int, int, int]]:
        """(cell, column, row, column span, row span) for each cell."""
        taken: set[tuple[int, int]] = set()
        out = []
        cursor = (0, 0)
        for child in children:
            columns, rows = self.spans.get(id(child), (1, 1))
            columns = max(1, min(columns, count))
            row, column = (0, 0) if self.dense else cursor
            while True:
                if column + columns > count:
                    row, column = row + 1, 0
                    continue
                cells = {(row + r, column + c) for r in range(rows) for c in range(columns)}
                if not cells & taken:
                    break
                column += 1
            taken |= cells
            out.append((child, column, row, columns, rows))
            cursor = (row, column + columns)
        return out

    def arrange(self, parent: Widget, children: list[Widget], size: Size, greedy: bool = True) -> ArrangeResult:
        parent.pre_layout(self)
        viewport = parent.app.viewport_size
        count = max(1, self.columns)
        width = max(count, size.width)
        cell, extra = divmod(max(count, width - self.gap * (count - 1)), count)
        # Column n starts at starts[n] and is widths[n] cells wide (the spare cells go to the first ones).
        widths = [cell + (1 if n < extra else 0) for n in range(count)]
        starts = [sum(widths[:n]) + self.gap * n for n in range(count)]
        placed = self.place(children, count)
        if not placed:
            return []
        heights = [0] * (max(row + rows for _c, _x, row, _s, rows in placed))
        wanted = []
        for child, column, row, columns, rows in placed:
            w = starts[column + columns - 1] + widths[column + columns - 1] - starts[column]
            if self.row_height is not None:
                h = self.row_height * rows + self.row_gap * (rows - 1)
            else:
                box = child._get_box_model(Size(w, size.height), viewport, Fraction(w), Fraction(max(size.height, 1)))
                h = int(box.height)
            wanted.append(h)
            if rows == 1:
                heights[row] = max(heights[row], h)
        for (child, column, row, columns, rows), h in zip(placed, wanted):
            if rows > 1:  # a tall cell makes its last row taller if its rows are too short for it
                have = sum(heights[row:row + rows]) + self.row_gap * (rows - 1)
                heights[row + rows - 1] += max(0, h - have)
        tops = [sum(heights[:n]) + self.row_gap * n for n in range(len(heights))]
        placements: list[WidgetPlacement] = []
        for child, column, row, columns, rows in placed:
            w = starts[column + columns - 1] + widths[column + columns - 1] - starts[column]
            h = tops[row + rows - 1] + heights[row + rows - 1] - tops[row]
            placements.append(
                WidgetPlacement(Region(starts[column], tops[row], w, h), NULL_OFFSET, Spacing(), child, 0, False, False, False)
            )
        return placements


#: ``min_column_width="auto"`` in cells (Streamlit: about 200 pixels; text is denser in a terminal).
AUTO_MIN_COLUMN = 20


class GridCells(Widget):
    """The cells of a grid, laid out by its :class:`CellLayout`."""

    DEFAULT_CSS = """
    GridCells { height: auto; width: 1fr; }
    """

    def __init__(self, *children: Widget) -> None:
        super().__init__(*children)
        self.cells = CellLayout()

    @property
    def layout(self) -> Layout:  # type: ignore[override]
        return self.cells


class GridView(ElementView, Vertical):
    """``st.grid``: cells in rows of equal columns; as many columns as fit
    (at most ``columns``) with ``wrap``, so a narrow terminal shows fewer;
    with ``wrap=False`` the columns stay and the grid scrolls sideways when
    they would be narrower than ``min_column_width``.
    A cell from ``grid.cell(column_span=..., row_span=...)`` spans columns
    ("all": its own row; a span never goes past the columns shown) and rows;
    ``dense`` lets later cells fill holes. The cells of a row are as tall
    as its tallest (``vertical_alignment`` places a cell's content in it)."""

    DEFAULT_CSS = """
    GridView { height: auto; margin: 0 0 1 0; }
    GridView > HorizontalScroll { height: auto; }
    GridView.-border GridCells > * { border: round $foreground 30%; padding: 0 1; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        self.body = GridCells(*children)
        self.cells = self.body.cells
        self._scrolls = not element.props.get("wrap", True)
        super().__init__(HorizontalScroll(self.body) if self._scrolls else self.body)
        self.apply_props(element.props)

    @property
    def child_host(self) -> Widget:
        return self.body

    def can_update(self, element: Element) -> bool:
        """A grid that starts or stops wrapping is built anew."""
        return (not element.props.get("wrap", True)) == self._scrolls

    def apply_props(self, props: dict[str, Any]) -> None:
        self.set_class(bool(props.get("border")), "-border")
        self.cells.row_gap = gap_lines(props.get("row_gap", "small"))
        self.cells.gap = gap_cells(props.get("column_gap", "small"))
        row_height = props.get("row_height", "content")
        self.cells.row_height = max(1, round(row_height / 16)) if isinstance(row_height, int) else None
        height = props.get("height")
        if isinstance(height, int):
            self.styles.height = height
            self.styles.overflow_y = "auto"
        self._arrange_cells()

    def _min_cells(self) -> int:
        minimum = self.element.props.get("min_column_width", "auto")
        return AUTO_MIN_COLUMN if not isinstance(minimum, int) else max(1, round(minimum / 8))

    def column_count(self, width: int) -> int:
        """How many columns show in ``width`` cells."""
        props = self.element.props
        gap = gap_cells(props.get("column_gap", "small"))
        fit = max(1, (width + gap) // (self._min_cells() + gap))
        wanted = props.get("columns", "auto")
        if wanted == "auto":
            return min(24, fit)
        return max(1, min(wanted, fit)) if props.get("wrap", True) else wanted

    def on_mount(self) -> None:
        self._arrange_cells()

    def on_resize(self) -> None:
        self._arrange_cells()

    def children_changed(self) -> None:
        self._arrange_cells()

    def _arrange_cells(self) -> None:
        width = self.size.width or (self.app.size.width - 4 if self.is_attached else 76)
        count = self.column_count(width)
        self.cells.columns = count
        if self._scrolls:  # the columns keep their least width; the row scrolls
            least = count * self._min_cells() + self.cells.gap * (count - 1)
            self.body.styles.width = max(width, least)
        valign = {"center": "middle", "bottom": "bottom"}.get(self.element.props.get("vertical_alignment"), "top")
        spans = {}
        for child in self.body.children:
            if isinstance(child, GridCellView):
                wanted = child.element.props.get("column_span", 1)
                spans[id(child)] = (count if wanted == "all" else int(wanted), int(child.element.props.get("row_span", 1)))
                child.styles.align_vertical = valign
        self.cells.spans = spans
        self.cells.dense = bool(self.element.props.get("dense"))
        self.body.refresh(layout=True)


class GridCellView(ElementView, Vertical):
    """One ``grid.cell()``: several elements in one cell."""

    DEFAULT_CSS = """
    GridCellView { height: auto; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)
