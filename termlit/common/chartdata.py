"""Chart data: from the user's frame and encodings to plain numeric series,
and from a million points to the few thousand braille dots they light.

Nothing here knows about the screen library: the viewer asks for series once
per (data, encodings) and for dots once per (series, plot size). Both steps
are numpy-only.

Dot mapping. A value ``v`` on an axis with limits ``(lo, hi)`` split into
``bins`` dots lands on dot ``floor(round(0.5 + (bins - 1) * (v - lo) / (hi - lo), 8))``
— the mapping plotext 5 uses. Reducing points to one per lit dot, placed at
the dot's own value ``lo + i * (hi - lo) / (bins - 1)``, therefore lights
exactly the dots that plotting every point would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from termlit.errors import StreamlitAPIException

__all__ = [
    "PALETTE",
    "Series",
    "ChartData",
    "axis_limits",
    "bin_line",
    "bin_scatter",
    "chart_data",
    "dot_index",
    "dot_value",
    "prepare",
]

#: Series colours when the data does not name them (readable on dark and light).
PALETTE = [
    "#1f77f4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
]


@dataclass
class Series:
    """One line / point cloud / bar set: numeric x and y, a name and a colour."""

    name: str
    x: np.ndarray
    y: np.ndarray
    color: str | None = None
    size: np.ndarray | None = None
    #: "line", "scatter" or "area" when this series is drawn unlike its
    #: chart (a layer of a translated chart); None: as the chart.
    mark: str | None = None


@dataclass
class ChartData:
    """What a chart draws, in numbers: its series and how to label its x axis."""

    series: list[Series]
    #: "number", "datetime" (x in seconds since the epoch) or "category"
    #: (x = 0..k-1, ``categories`` holds the names).
    x_kind: str = "number"
    categories: list[str] = field(default_factory=list)
    x_title: str = ""
    y_title: str = ""
    #: The axes' (lo, hi) when fixed by the data source (a lazy chart: its
    #: series are already binned, not every point); None: from the series.
    limits: tuple[tuple[float, float], tuple[float, float]] | None = None
    #: Bars already summed by the source: (labels, one row of heights per
    #: series); None: summed from the series.
    bars: tuple[list[str], list[np.ndarray]] | None = None

    @property
    def points(self) -> int:
        return sum(len(s.x) for s in self.series)


def _is_color_value(value: Any) -> bool:
    if not isinstance(value, str):
        return isinstance(value, (tuple, list)) and len(value) in (3, 4)
    return value.startswith("#") or value.isalpha()


def _to_numbers(values: Any) -> tuple[np.ndarray, str, list[str]]:
    """An x column as floats, with its kind and (for categories) the names."""
    import pandas as pd

    series = pd.Series(values) if not isinstance(values, pd.Series) else values
    kind = series.dtype.kind
    if kind == "M" or isinstance(series.dtype, pd.DatetimeTZDtype):
        as_ns = series.astype("datetime64[ns]") if kind == "M" else series.dt.tz_convert(None).astype("datetime64[ns]")
        numbers = as_ns.to_numpy().astype("int64").astype("float64") / 1e9
        numbers[as_ns.isna().to_numpy()] = np.nan
        return numbers, "datetime", []
    if kind in "iufb":
        return series.to_numpy(dtype="float64", na_value=np.nan), "number", []
    codes, uniques = pd.factorize(series, sort=False)
    numbers = codes.astype("float64")
    numbers[codes < 0] = np.nan
    return numbers, "category", [str(u) for u in uniques]


def prepare(
    frame: Any,
    *,
    x: Any = None,
    y: Any = None,
    color: Any = None,
    size: Any = None,
    chart: str = "line",
) -> ChartData:
    """Series for ``frame`` under Streamlit's chart rules.

    * ``x`` a column (default: the index); ``y`` a column or a list of columns
      (default: every other column) — wide form, one series per y column;
    * ``color`` a colour (or a list, one per y column), or a column whose values
      split the rows into one series each — long form;
    * ``size`` a number or a column (scatter).
    """
    import pandas as pd

    columns = [str(c) for c in frame.columns]
    by_name = {str(c): c for c in frame.columns}

    def column(name: Any, role: str) -> Any:
        if str(name) not in by_name:
            raise StreamlitAPIException(
                f"{role}={name!r} is not a column of the data (columns: {', '.join(columns[:12])})."
            )
        return frame[by_name[str(name)]]

    if x is None:
        x_values = frame.index
        x_title = "" if frame.index.name is None else str(frame.index.name)
    else:
        x_values = column(x, "x")
        x_title = str(x)
    color_column = None
    fixed_colors: list[Any] = []
    if color is not None:
        if isinstance(color, str) and color in by_name:
            color_column = color
        elif isinstance(color, (list, tuple)) and not _is_color_value(color):
            fixed_colors = list(color)
        else:
            fixed_colors = [color]
    size_column = size if isinstance(size, str) and size in by_name else None
    used = {str(x)} if x is not None else set()
    if color_column is not None:
        used.add(str(color_column))
    if size_column is not None:
        used.add(str(size_column))
    if y is None:
        y_names = [c for c in columns if c not in used and frame[by_name[c]].dtype.kind in "iufb"]
    elif isinstance(y, (list, tuple)):
        y_names = [str(n) for n in y]
    else:
        y_names = [str(y)]
    for name in y_names:
        column(name, "y")

    x_numbers, x_kind, categories = _to_numbers(pd.Series(np.asarray(x_values)) if x is None else x_values)
    if x is None and isinstance(frame.index, pd.DatetimeIndex):
        x_numbers, x_kind, categories = _to_numbers(pd.Series(frame.index))
    size_values = None
    if size_column is not None:
        size_values = frame[by_name[size_column]].to_numpy(dtype="float64", na_value=np.nan)
    elif isinstance(size, (int, float)) and not isinstance(size, bool):
        size_values = None

    def ys(name: str) -> np.ndarray:
        return frame[by_name[name]].to_numpy(dtype="float64", na_value=np.nan)

    result: list[Series] = []
    if color_column is not None:
        groups, names = pd.factorize(frame[by_name[color_column]], sort=True)
        as_colors = all(_is_color_value(n) and str(n).startswith("#") for n in names)
        for g, group_name in enumerate(names):
            mask = groups == g
            for name in y_names:
                label = str(group_name) if len(y_names) == 1 else f"{group_name} {name}"
                result.append(
                    Series(
                        label,
                        x_numbers[mask],
                        ys(name)[mask],
                        color=str(group_name) if as_colors else PALETTE[len(result) % len(PALETTE)],
                        size=None if size_values is None else size_values[mask],
                    )
                )
    else:
        if fixed_colors and len(fixed_colors) not in (1, len(y_names)):
            raise StreamlitAPIException(
                f"color has {len(fixed_colors)} colours for {len(y_names)} y columns: give one, or one per column."
            )
        for i, name in enumerate(y_names):
            if fixed_colors:
                shade = fixed_colors[0] if len(fixed_colors) == 1 else fixed_colors[i]
            else:
                shade = PALETTE[i % len(PALETTE)]
            result.append(Series(name, x_numbers, ys(name), color=_color_text(shade), size=size_values))
    y_title = y_names[0] if len(y_names) == 1 else ""
    return ChartData(result, x_kind, categories, x_title, y_title)


def _color_text(color: Any) -> str:
    if isinstance(color, (tuple, list)):
        parts = [int(round(c * 255)) if isinstance(c, float) and c <= 1 else int(c) for c in color[:3]]
        return "#{:02x}{:02x}{:02x}".format(*parts)
    return str(color)


# -- limits and dots ------------------------------------------------------------


def axis_limits(arrays: list[np.ndarray]) -> tuple[float, float]:
    """The (lo, hi) an axis spans: finite min and max, widened when flat (as
    plotext does)."""
    lo, hi = np.inf, -np.inf
    for values in arrays:
        if len(values):
            finite = values[np.isfinite(values)]
            if len(finite):
                lo = min(lo, float(finite.min()))
                hi = max(hi, float(finite.max()))
    if lo == np.inf:
        return -1.0, 1.0
    if lo == hi:
        return (0.5 * lo, 1.5 * lo) if lo != 0 else (-1.0, 1.0)
    return lo, hi


def dot_index(values: np.ndarray, lo: float, hi: float, bins: int) -> np.ndarray:
    """The dot each value lands on (see the module docstring)."""
    change = 0.5 + (bins - 1) * (values - lo) / (hi - lo)
    return np.floor(np.round(change, 8))


def dot_value(index: np.ndarray, lo: float, hi: float, bins: int) -> np.ndarray:
    """A value that lands on dot ``index`` (its dot's own position)."""
    if bins <= 1:
        return np.full(len(index), lo, dtype="float64")
    return lo + index * ((hi - lo) / (bins - 1))


def bin_scatter(
    x: np.ndarray, y: np.ndarray, xlim: tuple[float, float], ylim: tuple[float, float], width: int, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """One point per lit dot of a ``width`` x ``height`` dot grid."""
    keep = np.isfinite(x) & np.isfinite(y)
    if not keep.all():
        x, y = x[keep], y[keep]
    if not len(x):
        return x, y
    cols = dot_index(x, *xlim, width)
    rows = dot_index(y, *ylim, height)
    inside = (cols >= 0) & (cols < width) & (rows >= 0) & (rows < height)
    # A boolean grid of the dots: O(points), where sorting out duplicates is not.
    lit = np.zeros(width * height, dtype=bool)
    lit[cols[inside].astype(np.int64) * height + rows[inside].astype(np.int64)] = True
    cells = np.flatnonzero(lit)
    return dot_value(cells // height, *xlim, width), dot_value(cells % height, *ylim, height)


def bin_line(
    x: np.ndarray, y: np.ndarray, xlim: tuple[float, float], ylim: tuple[float, float], width: int, height: int
) -> tuple[np.ndarray, np.ndarray]:
    """The points of a line, reduced without changing the dots it lights.

    Consecutive points on the same dot column draw vertical strokes whose
    union is the column's span from their lowest to their highest dot; keeping
    the run's first, lowest, highest and last point (in order) keeps that span
    and the strokes to the neighbouring runs. Points are snapped to their dots.
    """
    keep = np.isfinite(x) & np.isfinite(y)
    if not keep.all():
        x, y = x[keep], y[keep]
    n = len(x)
    if n == 0:
        return x, y
    cols = dot_index(x, *xlim, width).astype(np.int64)
    rows = dot_index(y, *ylim, height).astype(np.int64)
    if n <= 4 * width:
        return dot_value(cols, *xlim, width), dot_value(rows, *ylim, height)
    starts = np.flatnonzero(np.diff(cols, prepend=cols[0] - 1))
    ends = np.append(starts[1:], n) - 1
    lows = np.minimum.reduceat(rows, starts)
    highs = np.maximum.reduceat(rows, starts)
    # Positions of a low and a high inside each run: argmin per run via a
    # stable sort of (run, row) keys.
    run_of = np.repeat(np.arange(len(starts)), ends - starts + 1)
    low_at = _first_where(run_of, rows, lows, len(starts))
    high_at = _first_where(run_of, rows, highs, len(starts))
    picks = np.stack([starts, low_at, high_at, ends], axis=1)
    picks.sort(axis=1)
    flat = picks.ravel()
    # Drop a pick equal to the one before it (same index).
    distinct = np.ones(len(flat), dtype=bool)
    distinct[1:] = flat[1:] != flat[:-1]
    flat = flat[distinct]
    return dot_value(cols[flat], *xlim, width), dot_value(rows[flat], *ylim, height)


def _first_where(run_of: np.ndarray, rows: np.ndarray, target: np.ndarray, runs: int) -> np.ndarray:
    """For each run, the first position whose row equals that run's target."""
    hits = np.flatnonzero(rows == target[run_of])
    first = np.full(runs, -1, dtype=np.int64)
    # hits are ascending: writing in reverse leaves the first hit of each run.
    first[run_of[hits[::-1]]] = hits[::-1]
    return first


def chart_data(props: dict[str, Any]) -> ChartData:
    """The series a chart element (its props) draws."""
    return prepare(
        props["data"], x=props.get("x"), y=props.get("y"), color=props.get("color"),
        size=props.get("size"), chart=props["chart"],
    )
