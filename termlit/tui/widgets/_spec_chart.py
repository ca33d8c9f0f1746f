"""Charts translated from Vega-Lite, Plotly and ECharts specs: one or more
panels (small multiples) of chart data, drawn by plotext off the UI thread
like the built-in charts (the same binning: a million points cost what the
cells they light cost)."""

from __future__ import annotations

from typing import Any

import numpy as np
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from termlit.common.specs import Chart, Panel
from termlit.runtime.tree import Element
from termlit.tui._plot import draw_chart
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._chart import DEFAULT_HEIGHT, PIXELS_PER_LINE

__all__ = ["SpecChartView", "draw_spec_chart"]

#: Lines of one panel among several.
PANEL_HEIGHT = 10


def _layout(chart: Chart, width: int, height: int) -> tuple[int, int, int]:
    """(columns, panel width, panel height) for a chart in ``width`` x ``height`` cells."""
    columns = max(min(chart.columns, len(chart.panels), max(width // 30, 1)), 1)
    rows = -(-len(chart.panels) // columns)
    title_lines = 1 if len(chart.panels) > 1 else 0
    panel_height = max((height - (1 if chart.title else 0)) // rows - title_lines, 4)
    return columns, max((width - 2 * (columns - 1)) // columns, 10), panel_height


def chart_height(chart: Chart, props: dict[str, Any], width: int) -> int:
    """Lines the chart takes at ``width`` cells."""
    height = props.get("height")
    if isinstance(height, int) and not isinstance(height, bool):
        return max(height // PIXELS_PER_LINE, 5)
    if len(chart.panels) <= 1:
        return DEFAULT_HEIGHT + (1 if chart.title else 0) + (len(chart.notes))
    columns = max(min(chart.columns, len(chart.panels), max(width // 30, 1)), 1)
    rows = -(-len(chart.panels) // columns)
    return rows * (PANEL_HEIGHT + 1) + (1 if chart.title else 0) + len(chart.notes)


def draw_spec_chart(chart: Chart, width: int, height: int) -> Group:
    """Every panel of ``chart`` drawn into ``width`` x ``height`` cells."""
    columns, panel_width, panel_height = _layout(chart, width, height - len(chart.notes))
    parts: list[Any] = []
    if chart.title:
        parts.append(Text(chart.title, style="bold", justify="center", no_wrap=True))
    grid = Table.grid(padding=(0, 2))
    for _ in range(columns):
        grid.add_column(width=panel_width, no_wrap=True)
    row: list[Any] = []
    for panel in chart.panels:
        if panel.grid is not None:
            drawing = draw_heatmap(panel, panel_width, panel_height)
        else:
            drawing = Text.from_ansi(draw_chart(panel.kind, panel.data, panel.props, panel_width, panel_height),
                                     no_wrap=True)
            drawing.rstrip()
        if len(chart.panels) > 1:
            drawing = Text.assemble(Text(panel.title, style="bold", no_wrap=True), "\n", drawing)
        row.append(drawing)
        if len(row) == columns:
            grid.add_row(*row)
            row = []
    if row:
        grid.add_row(*row, *[""] * (columns - len(row)))
    parts.append(grid)
    parts.extend(Text(note, style="dim italic") for note in chart.notes)
    return Group(*parts)


#: A dark-to-light ramp (blue, teal, green, yellow) for heatmap values.
_RAMP = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]


def _shade(value: float) -> str:
    """The ramp's colour at ``value`` in 0..1."""
    if not np.isfinite(value):
        return "#303030"
    at = min(max(value, 0.0), 1.0) * (len(_RAMP) - 1)
    low = int(at)
    high = min(low + 1, len(_RAMP) - 1)
    t = at - low
    r, g, b = (round(a + (c - a) * t) for a, c in zip(_RAMP[low], _RAMP[high]))
    return f"#{r:02x}{g:02x}{b:02x}"


def draw_heatmap(panel: Panel, width: int, height: int) -> Text:
    """A heatmap: one coloured block per value (rows and columns thinned to
    fit), row labels on the left, the value range underneath."""
    grid = np.asarray(panel.grid, dtype="float64")
    label_width = min(max((len(label) for label in panel.grid_y), default=0), 10)
    room = max(width - label_width - 1, 1)
    col_step = max(-(-grid.shape[1] // room), 1)
    row_step = max(-(-grid.shape[0] // max(height - 2, 1)), 1)
    shown = grid[::row_step, ::col_step]
    cell = max(min(room // max(shown.shape[1], 1), 6), 1)
    finite = shown[np.isfinite(shown)]
    low, high = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    span = (high - low) or 1.0
    text = Text(no_wrap=True)
    for r in range(shown.shape[0]):
        label = panel.grid_y[r * row_step] if r * row_step < len(panel.grid_y) else ""
        text.append(label[:label_width].rjust(label_width) + " ", style="dim")
        for value in shown[r]:
            text.append(" " * cell, style=f"on {_shade((value - low) / span)}")
        text.append("\n")
    text.append(" " * (label_width + 1) + f"{low:.4g} ", style="dim")
    for i in range(8):
        text.append(" ", style=f"on {_shade(i / 7)}")
    text.append(f" {high:.4g}", style="dim")
    return text


class SpecChartView(ElementView, Widget):
    """A translated chart; redrawn off the UI thread when its spec or size changes."""

    DEFAULT_CSS = """
    SpecChartView { height: 14; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self.picture: Group | None = None
        self._shown: tuple | None = None
        self._wanted: tuple | None = None

    def apply_props(self, props: dict[str, Any]) -> None:
        self._schedule()

    def on_mount(self) -> None:
        self._schedule()

    def on_resize(self) -> None:
        self._schedule()

    def _key(self) -> tuple:
        props = self.element.props
        return (id(props["chart"]), self.size.width, chart_height(props["chart"], props, self.size.width or 80))

    def _schedule(self) -> None:
        props = self.element.props
        chart: Chart = props["chart"]
        width = self.size.width or 80
        lines = chart_height(chart, props, width)
        if self.styles.height is None or self.styles.height.value != lines:
            self.styles.height = lines
        if self.size.width <= 0 or self.size.height <= 0:
            return
        key = self._key()
        if key == self._wanted:
            return
        self._wanted = key
        height = lines

        def work() -> tuple[tuple, Any]:
            try:
                return key, draw_spec_chart(chart, width, height)
            except Exception as exc:  # a value plotext cannot draw: say so in place of the chart
                return key, Text(f"This chart cannot be drawn: {exc}", style="italic")

        self.run_worker(work, thread=True, exclusive=True, group="chart", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS:
            key, picture = event.worker.result
            if key == self._key():
                self._shown, self.picture = key, picture
                self.refresh()

    @property
    def drawn(self) -> bool:
        return self._shown == self._key()

    def render(self) -> Any:
        if self.picture is None:
            return Text("drawing…", style="dim italic")
        return self.picture
