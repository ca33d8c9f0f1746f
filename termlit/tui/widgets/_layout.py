"""Containers: ``st.container`` (vertical, or a wrapping row), ``st.columns``
and their columns, ``st.space`` and ``st.bottom``."""

from __future__ import annotations

from typing import Any

from fractions import Fraction

from textual.containers import Horizontal, HorizontalScroll, Vertical, VerticalScroll
from textual.css.scalar import Unit
from textual.geometry import NULL_OFFSET, Region, Size, Spacing
from textual.layout import ArrangeResult, Layout, WidgetPlacement
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = [
    "BottomView", "ColumnView", "ColumnsView", "ContainerView", "FlowBox", "FlowLayout", "SpaceFill", "gap_cells", "gap_lines",
]


#: Cells across (columns) and lines down (rows) for Streamlit's gap sizes.
_GAP_CELLS = {None: 0, "xxsmall": 1, "xsmall": 1, "small": 1, "medium": 2, "large": 4, "xlarge": 6, "xxlarge": 8}
_GAP_LINES = {None: 0, "xxsmall": 0, "xsmall": 0, "small": 0, "medium": 1, "large": 2, "xlarge": 3, "xxlarge": 4}


def gap_cells(gap: Any) -> int:
    """A gap across, in cells: a named size, or pixels (8 a cell)."""
    if isinstance(gap, int) and not isinstance(gap, bool):
        return max(0, round(gap / 8))
    return _GAP_CELLS.get(gap, 1)


def gap_lines(gap: Any) -> int:
    """A gap down, in lines: a named size, or pixels (16 a line)."""
    if isinstance(gap, int) and not isinstance(gap, bool):
        return max(0, round(gap / 16))
    return _GAP_LINES.get(gap, 0)


#: The fewest cells an element that stretches takes in a horizontal container.
MIN_STRETCH = 12


class FlowLayout(Layout):
    """Elements side by side, left to right, onto the next row when the
    next one does not fit (``wrap``), as Streamlit's horizontal containers.

    Each element takes its natural width (an element that stretches takes
    at least :data:`MIN_STRETCH` cells, and shares what is left of its row
    with the other stretching ones); ``gap`` cells between elements and
    ``row_gap`` lines between rows; ``align`` places each row ("left",
    "center", "right", "distribute") and ``valign`` each element in its row
    ("top", "center", "bottom", "distribute": as tall as the row).
    """

    name = "flow"

    def __init__(self, gap: int = 1, row_gap: int = 0, align: str = "left", valign: str = "top", wrap: bool = True) -> None:
        self.gap, self.row_gap, self.align, self.valign, self.wrap = gap, row_gap, align, valign, wrap

    def arrange(self, parent: Widget, children: list[Widget], size: Size, greedy: bool = True) -> ArrangeResult:
        parent.pre_layout(self)
        viewport = parent.app.viewport_size
        width = max(1, size.width)
        fr = Fraction(width)
        items: list[tuple[Widget, int, bool, Spacing]] = []
        for child in children:
            styles = child.styles
            stretch = styles.width is None or styles.width.is_fraction or styles.width.unit == Unit.PERCENT
            box = child._get_box_model(Size(width, size.height), viewport, fr, Fraction(max(size.height, 1)), constrain_width=self.wrap, greedy=False)
            margin = box.margin
            natural = int(box.width) + margin.width
            if stretch:
                natural = max(natural if isinstance(child, SpaceFill) else min(natural, width), MIN_STRETCH if not isinstance(child, SpaceFill) else 0)
            items.append((child, min(natural, width) if self.wrap else natural, stretch, margin))
        rows: list[list[list]] = []
        row: list[list] = []
        used = 0
        for child, w, stretch, margin in items:
            need = w if not row else used + self.gap + w
            if row and self.wrap and need > width:
                rows.append(row)
                row, used = [], 0
                need = w
            row.append([child, w, stretch, margin])
            used = need
        if row:
            rows.append(row)
        placements: list[WidgetPlacement] = []
        y = 0
        for row in rows:
            spare = width - (sum(item[1] for item in row) + self.gap * (len(row) - 1))
            stretchers = [item for item in row if item[2]]
            if spare > 0 and stretchers:
                share, extra = divmod(spare, len(stretchers))
                for i, item in enumerate(stretchers):
                    item[1] += share + (1 if i < extra else 0)
                spare = 0
            heights = []
            for child, w, _stretch, margin in row:
                box = child._get_box_model(Size(w, size.height), viewport, Fraction(w), Fraction(max(size.height, 1)))
                heights.append(int(box.height) + margin.height)
            row_height = max(heights) if heights else 0
            gap = self.gap
            x = 0
            spare = max(spare, 0)
            if self.align == "center":
                x = spare // 2
            elif self.align == "right":
                x = spare
            elif self.align == "distribute" and len(row) > 1:
                gap = self.gap + spare // (len(row) - 1)
            for (child, w, _stretch, margin), h in zip(row, heights):
                top = 0
                if self.valign == "center":
                    top = (row_height - h) // 2
                elif self.valign == "bottom":
                    top = row_height - h
                elif self.valign == "distribute":
                    h = row_height
                region = Region(x + margin.left, y + top + margin.top, max(0, w - margin.width), max(0, h - margin.height))
                placements.append(WidgetPlacement(region, NULL_OFFSET, margin, child, 0, False, False, False))
                x += w + gap
            y += row_height + self.row_gap
        return placements


class FlowBox(Widget):
    """The body of a horizontal container: lays its children out with a
    :class:`FlowLayout`."""

    DEFAULT_CSS = """
    FlowBox { height: auto; width: 1fr; }
    """

    def __init__(self, *children: Widget, flow: FlowLayout) -> None:
        super().__init__(*children)
        self.flow = flow

    @property
    def layout(self) -> Layout:  # type: ignore[override]
        return self.flow


class _Row(HorizontalScroll, can_focus=False):
    """A row that does not wrap: it scrolls to the element that has focus."""


class ContainerView(ElementView, Vertical):
    """``st.container``: a group, with a border when asked; ``height=``
    (rows) scrolls, and ``autoscroll`` keeps it scrolled to its end.
    ``horizontal=True`` puts the elements in a row that wraps (with
    ``wrap=False``, one row that scrolls sideways)."""

    DEFAULT_CSS = """
    ContainerView { height: auto; }
    ContainerView.-border { border: round $foreground 30%; padding: 0 1; }
    ContainerView > VerticalScroll { height: auto; }
    ContainerView.-stretch { height: 1fr; }
    ContainerView.-stretch > VerticalScroll { height: 1fr; }
    ContainerView .flow-row { height: auto; }
    ContainerView FlowBox.-row { width: auto; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        props = element.props
        height = props.get("height")
        self._horizontal = bool(props.get("horizontal"))
        self._flow = FlowBox(*children, flow=FlowLayout()) if self._horizontal else None
        inner = [self._flow] if self._flow is not None else children
        if self._flow is not None and not props.get("wrap", True):
            # One row: as wide as its elements, scrolled sideways when wider than the page.
            self._flow.add_class("-row")
            inner = [_Row(self._flow, classes="flow-row")]
        self._scroll = VerticalScroll(*inner) if height else None
        super().__init__(*([self._scroll] if self._scroll else inner))
        self.apply_props(props)

    def can_update(self, element: Element) -> bool:
        """A container that turns horizontal, or gets or loses its height, is built anew."""
        old, new = self.element.props, element.props
        return all(bool(old.get(name, True)) == bool(new.get(name, True)) for name in ("horizontal", "height", "wrap"))

    @property
    def child_host(self) -> Widget:
        if self._flow is not None:
            return self._flow
        return self._scroll if self._scroll is not None else self

    def apply_props(self, props: dict[str, Any]) -> None:
        self.set_class(bool(props.get("border")), "-border")
        height = props.get("height")
        self.set_class(height == "stretch", "-stretch")
        if self._scroll is not None and isinstance(height, int):
            self._scroll.styles.height = height
        gap = props.get("gap", "small")
        halign = props.get("horizontal_alignment", "left")
        valign = props.get("vertical_alignment", "top")
        if self._flow is not None:
            flow = self._flow.flow
            flow.gap, flow.row_gap = gap_cells(gap), gap_lines(gap)
            flow.align, flow.valign, flow.wrap = halign, valign, bool(props.get("wrap", True))
            self._flow.refresh(layout=True)
        else:
            host = self.child_host
            host.styles.align_horizontal = halign if halign in ("center", "right") else "left"
            host.styles.align_vertical = {"center": "middle", "bottom": "bottom"}.get(valign, "top")
        self._anchor()

    def _autoscrolls(self, props: dict[str, Any]) -> bool:
        if self._scroll is None or not isinstance(props.get("height"), int):
            return False
        wanted = props.get("autoscroll")
        if wanted is None:
            return any(child.kind == "chat_message" for child in self.element.children or ())
        return bool(wanted)

    def _anchor(self) -> None:
        """Keep the box scrolled to its end as content comes (until the user
        scrolls up, as Textual's anchoring does)."""
        if self._scroll is not None and self._autoscrolls(self.element.props):
            self._scroll.anchor()

    def on_mount(self) -> None:
        self._anchor()

    def children_changed(self) -> None:
        """The reconciler mounted or removed children: chat messages may
        have come, which turn on autoscroll by default."""
        self._anchor()


class SpaceFill(ElementView, Widget):
    """``st.space``: blank lines in a column or the page, blank cells in a
    horizontal container; ``"stretch"`` takes what is left."""

    DEFAULT_CSS = """
    SpaceFill { height: 1; width: 1fr; }
    """

    #: Lines down for each size (Streamlit: 0.25rem ... 8rem).
    LINES = {"xxsmall": 1, "xsmall": 1, "small": 1, "medium": 2, "large": 3, "xlarge": 4, "xxlarge": 6}
    #: Cells across for each size.
    CELLS = {"xxsmall": 1, "xsmall": 1, "small": 2, "medium": 4, "large": 6, "xlarge": 8, "xxlarge": 12}

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()

    def on_mount(self) -> None:
        self.apply_props(self.element.props)

    def render(self) -> str:
        return ""

    def apply_props(self, props: dict[str, Any]) -> None:
        size = props.get("size", "small")
        across = isinstance(self.parent, FlowBox)
        if across:
            self.styles.height = 1
            if size == "stretch":
                self.styles.width = "1fr"
            else:
                self.styles.width = max(1, round(size / 8)) if isinstance(size, int) else self.CELLS.get(size, 2)
        else:
            self.styles.width = "1fr"
            if size == "stretch":
                self.styles.height = "1fr"
            else:
                self.styles.height = max(1, round(size / 16)) if isinstance(size, int) else self.LINES.get(size, 1)


class BottomView(ElementView, Vertical):
    """``st.bottom``: a strip docked at the bottom of the main area, above
    the key footer; the chat input of the main area is in it."""

    DEFAULT_CSS = """
    BottomView { dock: bottom; height: auto; max-height: 50%; background: $surface; }
    BottomView > ChatInputView { dock: none; }
    """

    focus_last = True

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)


#: A column narrower than this many cells makes the columns stack.
MIN_COLUMN_WIDTH = 16


class ColumnsView(ElementView, Horizontal):
    """``st.columns``: side-by-side columns sized by their weights; on a
    terminal too narrow for them they stack, one under the other."""

    DEFAULT_CSS = """
    ColumnsView { height: auto; }
    ColumnsView.-stacked { layout: vertical; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)
        self.apply_props(element.props)

    def apply_props(self, props: dict[str, Any]) -> None:
        for gap in ("small", "medium", "large"):  # kept for themes that style them
            self.set_class(props.get("gap") == gap, f"-gap-{gap}")
        self._space_columns()

    def on_mount(self) -> None:
        self._space_columns()

    def children_changed(self) -> None:
        self._space_columns()

    def _space_columns(self) -> None:
        gap = gap_cells(self.element.props.get("gap", "small"))
        stacked = self.has_class("-stacked")
        for column in self.children:
            column.styles.margin = (0, 0, 0, 0) if stacked else (0, gap, 0, 0)

    def on_resize(self) -> None:
        props = self.element.props
        weights = props.get("weights") or [1]
        narrowest = self.size.width * min(weights) / sum(weights)
        stacked = narrowest < MIN_COLUMN_WIDTH and props.get("wrap", True)
        if stacked != self.has_class("-stacked"):
            self.set_class(stacked, "-stacked")
            for column in self.children:
                if isinstance(column, ColumnView):
                    column.stack(stacked)
            self._space_columns()


class ColumnView(ElementView, Vertical):
    """One column of ``st.columns``."""

    DEFAULT_CSS = """
    ColumnView { height: auto; width: 1fr; }
    ColumnView.-border { border: round $foreground 30%; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)
        self.apply_props(element.props)

    _stacked = False

    def apply_props(self, props: dict[str, Any]) -> None:
        self.styles.width = "1fr" if self._stacked else f"{props['weight'] * 100:.3f}fr"
        self.set_class(bool(props.get("border")), "-border")

    def stack(self, stacked: bool) -> None:
        self._stacked = stacked
        self.apply_props(self.element.props)
