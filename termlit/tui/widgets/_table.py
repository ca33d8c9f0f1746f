"""``st.table``: a static table of every row, up to a cap."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.images.render import PIXELS_PER_CELL
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._chart import PIXELS_PER_LINE
from termlit.tui.widgets._cells import MAX_CELL, cell_colors, column_alignment, format_cells

__all__ = ["TableView"]

def _box(border: Any) -> dict[str, Any]:
    """rich Table options for ``border``: True (around and between cells),
    "horizontal" (lines between rows only) or False (none)."""
    if border == "horizontal":
        return {"box": box.HORIZONTALS, "show_lines": True, "show_edge": False}
    if border is False:
        return {"box": None, "show_lines": False, "show_edge": False}
    return {"box": box.HEAVY_HEAD, "show_lines": False, "show_edge": True}


def render_table(props: dict[str, Any]) -> RenderableType:
    """A rich Table of the first ``row_cap`` rows, and a note for the rest."""
    frame = props["data"]
    cap = int(props.get("row_cap", 200))
    head = frame.iloc[:cap]
    table = Table(pad_edge=True, header_style="bold", expand=False, show_header=not props.get("hide_header"),
                  **_box(props.get("border", True)))
    columns = list(props.get("columns", range(frame.shape[1])))
    labels = list(props.get("labels", [str(c) for c in frame.columns]))
    count = len(columns)
    formats = list(props.get("formats") or [None] * count)
    kinds = list(props.get("kinds") or [None] * count)
    options = list(props.get("type_options") or [None] * count)
    alignments = list(props.get("alignments") or [None] * count)
    show_index = props.get("show_index", True)
    body: list[list[Text]] = []
    if show_index:
        table.add_column(props.get("index_label", ""), style="dim", no_wrap=True)
        body.append([Text(str(v)) for v in head.index])
    for n, (position, label) in enumerate(zip(columns, labels)):
        values = head.iloc[:, position]
        texts, missing, numeric = format_cells(values, formats[n], kinds[n], options[n])
        colors = cell_colors(values, kinds[n], options[n]) or [None] * len(texts)
        justify = column_alignment(alignments[n], kinds[n], numeric)
        table.add_column(label, justify=justify, overflow="ellipsis", max_width=MAX_CELL * 2)
        body.append([
            Text(t, style="dim italic" if m else (Style(color=c) if c else ""))
            for t, m, c in zip(texts, missing, colors)
        ])
    for row in zip(*body):
        table.add_row(*row)
    total = int(props.get("total_rows", len(frame)))
    if total > cap:
        note = Text(
            f"Showing the first {cap:,} of {total:,} rows: st.table draws every row, "
            "so use st.dataframe for large data.",
            style="dim italic",
        )
        return Group(table, note)
    return table


class TableView(ElementView, VerticalScroll):
    """``st.table``: all rows drawn at once (capped). A table given a
    ``height`` in pixels (or "stretch") scrolls inside it: Tab reaches it
    then, and the arrow keys scroll."""

    DEFAULT_CSS = """
    TableView { height: auto; width: auto; max-width: 100%; margin: 0 0 1 0; overflow-x: hidden; }
    TableView > Static { width: 100%; height: auto; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self.shown = render_table(element.props)
        self.body = Static(self.shown)
        self._fit_size(element.props)

    def compose(self) -> ComposeResult:
        yield self.body

    def _fit_size(self, props: dict[str, Any]) -> None:
        height, width = props.get("height"), props.get("width")
        fixed = isinstance(height, int) and not isinstance(height, bool)
        if fixed:
            self.styles.height = max(height // PIXELS_PER_LINE, 3)
        elif height == "stretch":
            self.styles.height = "1fr"
        else:
            self.styles.height = "auto"
        self.styles.overflow_y = "auto" if fixed or height == "stretch" else "hidden"
        self.can_focus = fixed or height == "stretch"
        # As wide as its columns (and the scroll bar, when it scrolls).
        self.styles.width = _measure(self.shown) + (2 if self.can_focus else 0)
        if isinstance(width, int) and not isinstance(width, bool):
            self.styles.max_width = max(width // PIXELS_PER_CELL, 10)
        self.tooltip = props.get("alt")

    def apply_props(self, props: dict[str, Any]) -> None:
        self.shown = render_table(props)
        self._fit_size(props)
        self.body.update(self.shown)


_MEASURING = Console(width=10_000, file=io.StringIO(), color_system=None)


def _measure(renderable: RenderableType) -> int:
    """The cells ``renderable`` takes at most (a table: its natural width)."""
    return Measurement.get(_MEASURING, _MEASURING.options, renderable).maximum
