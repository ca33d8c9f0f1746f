"""Charts over lazy sources: the engine bins, the chart draws the bins.

A chart of a :class:`~termlit.sources.TableSource` never loads its rows. At
script time :func:`plan` checks the encodings against the source's columns
(and refuses what cannot be answered in the engine, naming ``.to_pandas()``
as the way out). The viewer then asks, off the UI thread:

1. :func:`limits` — one query for the x and y ranges (and, for colour
   columns and bars, the first distinct values), as the eager chart would
   fix its axes from every point;
2. :func:`binned` (scatter, line, area) — one ``GROUP BY`` on the dot cells
   of the plot at its current size, or :func:`bars` — one ``GROUP BY`` on the
   bar keys (sums per x value, or per bucket when x has too many values).

Both give a :class:`~termlit.common.chartdata.ChartData` whose points sit on
their dots' own positions (see :mod:`termlit.common.chartdata`), so plotext
draws the very dots the eager chart of the same rows would. A line keeps,
per dot column, its first, lowest, highest and last dot (the first and last
by x: a line over a lazy source is drawn in x order). Bars of a text x are
ordered by value (the engine's order, not the rows'), the first
``CATEGORY_CAP`` of them, and the axis title says when some were left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from termlit.common.chartdata import PALETTE, ChartData, Series, _color_text, _is_color_value, axis_limits, dot_value
from termlit.errors import StreamlitAPIException
from termlit.sources import Bins, ChartQuery

__all__ = ["CATEGORY_CAP", "COLOR_CAP", "Limits", "Plan", "bars", "binned", "limits", "plan", "skeleton"]

#: Bars of a text x over a lazy source: at most this many (the first, by value).
CATEGORY_CAP = 100
#: Values of a colour column over a lazy source: at most this many series.
COLOR_CAP = 40

_HINT = "load the rows first with `.to_pandas()` (a polars LazyFrame: `.collect()`) and chart that"


@dataclass(frozen=True)
class Plan:
    """What a lazy chart asks its source, fixed when the script calls it."""

    chart: str
    query: ChartQuery
    #: A colour per y column (wide form), or () to use the palette.
    colors: tuple[str, ...] = ()
    x_title: str = ""
    y_title: str = ""


@dataclass
class Limits:
    """The axes the data spans, and the distinct values that name series or bars."""

    xlim: tuple[float, float]
    ylim: tuple[float, float]
    colors: list[Any] = field(default_factory=list)
    #: Bars: the first distinct x values (one more than the cap when there are more).
    values: list[Any] = field(default_factory=list)


def _refuse(kind: str, problem: str) -> StreamlitAPIException:
    return StreamlitAPIException(f"st.{kind} over a lazy source: {problem}; {_HINT}.")


def plan(kind: str, chart: str, source: Any, encodings: dict[str, Any]) -> Plan:
    """The queries for ``st.<kind>(source, **encodings)``, or a clear error."""
    kinds = {name: source.kind(name) for name in source.columns}
    x, y, color, size = encodings.get("x"), encodings.get("y"), encodings.get("color"), encodings.get("size")
    if x is None:
        raise _refuse(kind, "x= must name a column (a lazy table has no index to use as x)")
    x = str(x)
    if isinstance(size, str):
        raise _refuse(kind, f"size={size!r} (a size per point) is not supported")
    color_column = str(color) if isinstance(color, str) and str(color) in kinds else None
    fixed: list[Any] = []
    if color is not None and color_column is None:
        fixed = list(color) if isinstance(color, (list, tuple)) and not _is_color_value(color) else [color]
    used = {x} | ({color_column} if color_column else set())
    if y is None:
        ys = [c for c in kinds if c not in used and kinds[c] == "number"]
    else:
        ys = [str(n) for n in (y if isinstance(y, (list, tuple)) else [y])]
    if not ys:
        raise _refuse(kind, "there is no numeric column to draw: name one with y=")
    for name in ys:
        if kinds.get(name) == "datetime":
            raise _refuse(kind, f"y={name!r} is a date/time column; only numbers can be y")
    if fixed and len(fixed) not in (1, len(ys)):
        raise StreamlitAPIException(
            f"color has {len(fixed)} colours for {len(ys)} y columns: give one, or one per column."
        )
    x_kind = kinds[x]
    if x_kind == "category" and chart != "bar":
        raise _refuse(kind, f"x={x!r} is a text column, which only st.bar_chart groups in the engine")
    stack = False
    if chart == "area" and len(ys) > 1 and color_column is None:
        mode = encodings.get("stack")
        if mode in ("normalize", "center"):
            raise _refuse(kind, f"stack={mode!r} is not supported (stack=True, False or 'layered' are)")
        stack = mode not in (False, "layered")
    colors = tuple(_color_text(fixed[0] if len(fixed) == 1 else fixed[i]) for i in range(len(ys))) if fixed else ()
    return Plan(chart, ChartQuery(x, tuple(ys), color_column, x_kind, stack), colors, x,
                ys[0] if len(ys) == 1 else "")


def limits(source: Any, p: Plan) -> Limits:
    """The ranges query (and the distinct values a colour column or bars need)."""
    q = p.query
    ranges = source.ranges(q)
    xlim = axis_limits([np.array([v for v in ranges["x"] if v is not None], dtype="float64")])
    ys = [np.array([v for v in pair if v is not None], dtype="float64") for pair in ranges["y"]]
    if p.chart == "area":
        ys.append(np.zeros(1))
    colors: list[Any] = []
    if q.color is not None:
        colors = source.distinct(q.color, "category", COLOR_CAP + 1)
        if len(colors) > COLOR_CAP:
            raise StreamlitAPIException(
                f"st.{p.chart}_chart over a lazy source: color={q.color!r} has more than {COLOR_CAP} values "
                f"(one series each); filter the source, or {_HINT}."
            )
    values = source.distinct(q.x, q.x_kind, CATEGORY_CAP + 1) if p.chart == "bar" else []
    return Limits(xlim, axis_limits(ys), colors, values)


def _series_names(p: Plan, lim: Limits) -> list[tuple[Any, int, str, str]]:
    """(colour value or None, y index, name, colour) for every series, as the eager chart names them."""
    ys = p.query.ys
    out: list[tuple[Any, int, str, str]] = []
    if p.query.color is not None:
        as_colors = all(isinstance(v, str) and v.startswith("#") for v in lim.colors)
        for value in lim.colors:
            for i, name in enumerate(ys):
                label = str(value) if len(ys) == 1 else f"{value} {name}"
                out.append((value, i, label, str(value) if as_colors else PALETTE[len(out) % len(PALETTE)]))
        return out
    for i, name in enumerate(ys):
        out.append((None, i, name, p.colors[i] if p.colors else PALETTE[i % len(PALETTE)]))
    return out


def skeleton(p: Plan, lim: Limits, series: list[Series] | None = None, **extra: Any) -> ChartData:
    """The chart's frame (axes, titles, kind of x) with ``series`` (none: no points yet)."""
    kind = "number" if p.query.x_kind == "category" else p.query.x_kind
    return ChartData(series or [], kind, [], p.x_title, p.y_title, limits=(lim.xlim, lim.ylim), **extra)


def binned(source: Any, p: Plan, lim: Limits, dots_x: int, dots_y: int) -> ChartData:
    """Scatter, line and area: the lit dots of a ``dots_x`` x ``dots_y`` plot, one query."""
    cells = source.aggregate(p.query, x=Bins(*lim.xlim, dots_x), y=Bins(*lim.ylim, dots_y),
                             ends=p.chart != "scatter")
    series = []
    for value, i, name, color in _series_names(p, lim):
        mine = cells[cells["s"] == i]
        if value is not None:
            mine = mine[mine["color"] == value]
        if p.chart == "scatter":
            xi, yi = mine["xi"].to_numpy(), mine["yi"].to_numpy()
        else:
            xi, yi = _line_dots(mine)
        series.append(Series(name, dot_value(xi.astype("float64"), *lim.xlim, dots_x),
                             dot_value(yi.astype("float64"), *lim.ylim, dots_y), color=color))
    return skeleton(p, lim, series)


def _line_dots(cells: Any) -> tuple[np.ndarray, np.ndarray]:
    """Per dot column, in x order: the first, lowest, highest and last dot."""
    if not len(cells):
        return np.empty(0), np.empty(0)
    cells = cells.sort_values(["xi", "yi"])
    by = cells.groupby("xi", sort=True)
    first = cells.loc[by["x_lo"].idxmin(), "yi"].to_numpy()
    last = cells.loc[by["x_hi"].idxmax(), "yi"].to_numpy()
    low, high = by["yi"].min().to_numpy(), by["yi"].max().to_numpy()
    columns = np.asarray(by["yi"].min().index, dtype="int64")
    rows = np.stack([first, low, high, last], axis=1).ravel()
    return np.repeat(columns, 4), rows


def bars(source: Any, p: Plan, lim: Limits, room: int) -> ChartData:
    """Bars: sums per x value, or per one of ``room`` buckets of a numeric x with more values; one query."""
    import pandas as pd

    q = p.query
    values, edges, title = lim.values, None, p.x_title
    if q.x_kind == "category":
        if len(values) > CATEGORY_CAP:
            values = values[:CATEGORY_CAP]
            title = f"{p.x_title} (first {CATEGORY_CAP} values)"
        sums = source.aggregate(q, values=values if len(lim.values) > CATEGORY_CAP else None)
        keys = list(values)
        labels = [str(v) for v in keys]
    elif len(values) > (room if q.x_kind == "number" else CATEGORY_CAP):
        edges = np.linspace(lim.xlim[0], lim.xlim[1], room + 1)
        sums = source.aggregate(q, edges=edges.tolist())
        keys = list(range(room))
        labels = [_bar_label(k, q.x_kind, "{:.4g}") for k in edges[:-1]]
    else:
        sums = source.aggregate(q)
        keys = [float(v) for v in values]
        labels = [_bar_label(k, q.x_kind, "{:g}") for k in keys]
    if q.x_kind == "category":
        sums["key"] = sums["key"].map(str)
        keys = labels
    place = {k: i for i, k in enumerate(keys)}
    series, heights = [], []
    for value, i, name, color in _series_names(p, lim):
        mine = sums if value is None else sums[sums["color"] == value]
        row = np.zeros(len(keys))
        at = mine["key"].map(place)
        ok = at.notna().to_numpy()
        np.add.at(row, at[ok].astype("int64").to_numpy(), pd.to_numeric(mine[f"y{i}"]).fillna(0).to_numpy()[ok])
        heights.append(row)
        series.append(Series(name, np.empty(0), np.empty(0), color=color))
    data = skeleton(p, lim, series, bars=(labels, heights))
    data.x_title = title
    return data


def _bar_label(key: float, kind: str, fmt: str) -> str:
    if kind == "datetime":
        import pandas as pd

        return pd.Timestamp(key, unit="s").strftime("%Y-%m-%d")
    return fmt.format(key)
