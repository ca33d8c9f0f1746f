"""What the chart-library translators make: panels of chart data.

A spec from Vega-Lite (:mod:`.vegalite`), Plotly (:mod:`.plotly`) or
ECharts (:mod:`.echarts`) becomes a :class:`Chart`: one or more
:class:`Panel` (several for facets and concatenations, drawn as small
multiples), each a :class:`~termlit.common.chartdata.ChartData` the
built-in charts draw, so binning and speed are theirs. A part of a spec the
translation does not cover raises :class:`Unsupported` naming it. A chart's
selection event (``on_select``) is a :class:`SelectionState`, read as
``event.selection.points`` like a dataframe's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from termlit.common.chartdata import PALETTE, ChartData, Series
from termlit.common.frames import DataframeState as SelectionState

__all__ = ["Chart", "Panel", "SelectionState", "Unsupported", "categories_of", "color_at", "numbers_of", "series"]


class Unsupported(Exception):
    """A part of a spec the terminal translation does not draw; the message names it."""


@dataclass
class Panel:
    """One plot: its series (each may say its own ``mark``), how bars stand,
    and its title."""

    data: ChartData
    #: "line", "scatter", "area" or "bar": the mark of series that name none.
    kind: str = "line"
    title: str = ""
    horizontal: bool = False
    #: Bars or areas of several series: True stacked, False side by side.
    stack: Any = True
    #: A heatmap instead of series: rows of values, with their labels.
    grid: Any = None
    grid_x: list[str] = field(default_factory=list)
    grid_y: list[str] = field(default_factory=list)
    #: Whether several series get a legend.
    legend: bool = True

    @property
    def props(self) -> dict[str, Any]:
        """The chart props the plot drawing reads."""
        return {"chart": self.kind, "horizontal": self.horizontal, "stack": self.stack,
                "x_label": self.data.x_title or None, "y_label": self.data.y_title or None,
                "legend": self.legend}


@dataclass
class Chart:
    """A translated chart: its panels, laid out ``columns`` to a row."""

    panels: list[Panel]
    title: str = ""
    columns: int = 1
    #: Names of what the translation left out (shown under the chart).
    notes: list[str] = field(default_factory=list)

    @property
    def points(self) -> int:
        return sum(panel.data.points for panel in self.panels)


def color_at(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def numbers_of(values: Any) -> np.ndarray:
    """Values as floats (NaN where they are not numbers)."""
    import pandas as pd  # lazy: pandas loads with the first chart

    array = np.asarray(values)
    if array.dtype.kind in "iufb":
        return array.astype("float64")
    if array.dtype.kind == "M":
        return array.astype("datetime64[ns]").astype("int64").astype("float64") / 1e9
    return pd.to_numeric(pd.Series(array), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def categories_of(values: Any, order: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """Category codes (as floats) and names, in first-seen order unless
    ``order`` gives it."""
    names = [str(v) for v in values]
    if order is None:
        order = list(dict.fromkeys(names))
    index = {name: i for i, name in enumerate(order)}
    codes = np.array([index.get(name, np.nan) for name in names], dtype="float64")
    return codes, order


def series(name: str, x: np.ndarray, y: np.ndarray, index: int, mark: str | None = None,
           color: str | None = None) -> Series:
    return Series(name, x, y, color=color or color_at(index), mark=mark)
