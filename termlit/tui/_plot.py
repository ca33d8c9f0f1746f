"""Draw a chart's series with plotext, after reducing them to the dots they light.

:func:`draw_chart` is pure (series and size in, ANSI text out) and runs off the
UI thread. Each drawing uses a plotext figure of its own
(:func:`~termlit.tui._plotext.new_figure`). Steps for scatter, line and area:

1. fix the axis limits from the data (as plotext would choose them);
2. build the empty frame once to learn how many cells the plot area has
   (tick labels take room, so this is read from plotext, not guessed);
3. reduce each series to one point per lit braille dot
   (:func:`~termlit.common.chartdata.bin_scatter` / ``bin_line``) and plot those.

Bars are few by nature: repeated x values are summed, and numeric x with more
distinct values than the plot has room for is bucketed.

A lazy chart's data comes already binned, with its axes fixed
(``ChartData.limits``) or its bars summed (``ChartData.bars``);
:func:`plot_cells` tells it the plot area to bin to.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from rich.color import Color, ColorParseError

from termlit.common.chartdata import ChartData, Series, axis_limits, bin_line, bin_scatter, dot_index, dot_value
from termlit.tui._plotext import DOTS_X, DOTS_Y, braille_chars, new_figure, plotext_problem

__all__ = ["braille_cells", "draw_chart", "dress", "plot_cells", "plotext_problem", "rgb"]

#: plotext does not say it is thread-safe: charts drawn by several workers
#: at once take turns.
_lock = threading.Lock()


def rgb(color: str | None) -> Any:
    """A colour as plotext takes it: an (r, g, b) tuple."""
    if color is None:
        return None

    try:
        r, g, b = Color.parse(str(color)).get_truecolor()
    except ColorParseError:
        return None
    return (r, g, b)


def _ticks(data: ChartData, lo: float, hi: float, width: int) -> tuple[list[float], list[str]] | None:
    """x ticks for dates and categories (numbers keep plotext's own)."""
    if data.x_kind == "datetime":
        import pandas as pd

        count = max(2, min(5, width // 16))
        ticks = list(np.linspace(lo, hi, count))
        span = hi - lo
        fmt = "%Y-%m-%d" if span >= 3 * 86400 else "%m-%d %H:%M" if span >= 3600 else "%H:%M:%S"
        labels = [pd.Timestamp(t, unit="s").strftime(fmt) for t in ticks]
        return ticks, labels
    if data.x_kind == "category":
        names = data.categories
        if not names:
            return None
        step = max(1, int(np.ceil(len(names) / max(width // 10, 1))))
        ticks = list(range(0, len(names), step))
        return [float(t) for t in ticks], [names[t][:12] for t in ticks]
    return None


def dress(figure, props: dict[str, Any], data: ChartData, xlim, ylim, width: int) -> None:
    figure.xlim(*xlim)
    figure.ylim(*ylim)
    x_label = props.get("x_label")
    y_label = props.get("y_label")
    if x_label is None:
        x_label = data.x_title or None
    if y_label is None:
        y_label = data.y_title or None
    if x_label:
        figure.xlabel(str(x_label))
    if y_label:
        figure.ylabel(str(y_label))
    ticks = _ticks(data, *xlim, width)
    if ticks is not None:
        figure.xticks(*ticks)


def _plot_area(text: str) -> tuple[int, int] | None:
    """Cells across and down inside the frame of a built plot."""
    lines = text.split("\n")
    for top, line in enumerate(lines):
        if "┌" in line and "┐" in line:
            left, right = line.index("┌"), line.rindex("┐")
            for bottom in range(top + 1, len(lines)):
                if "└" in lines[bottom]:
                    return right - left - 1, bottom - top - 1
    return None


def _stacked(series: list[Series], mode: Any) -> list[Series]:
    """Cumulative series (stacked areas) when every series shares one x."""
    if len(series) < 2 or mode in (False, "layered"):
        return series
    first = series[0].x
    if any(len(s.x) != len(first) or (s.x is not first and not np.array_equal(s.x, first)) for s in series):
        return series
    ys = np.vstack([np.nan_to_num(s.y) for s in series])
    if mode == "normalize":
        total = ys.sum(axis=0)
        total[total == 0] = 1
        ys = ys / total
    elif mode == "center":
        ys = ys - ys.sum(axis=0) / 2
    tops = np.cumsum(ys, axis=0)
    return [Series(s.name, s.x, tops[i], s.color) for i, s in enumerate(series)]


def draw_chart(kind: str, data: ChartData, props: dict[str, Any], width: int, height: int) -> str:
    """The chart as ANSI text, ``width`` x ``height`` cells."""
    problem = plotext_problem()
    if problem is not None:
        return problem
    with _lock:
        if kind == "bar":
            return _draw_bars(data, props, width, height)
        return _draw_points(kind, data, props, width, height)


def plot_cells(data: ChartData, props: dict[str, Any], width: int, height: int) -> tuple[int, int] | None:
    """Cells across and down of the plot area of a chart of ``data`` (whose
    ``limits`` are set) at ``width`` x ``height``: what a lazy chart bins to."""
    problem = plotext_problem()
    if problem is not None or data.limits is None:
        return None
    with _lock:
        return _cells(data, props, *data.limits, width, height)


def _cells(data: ChartData, props: dict[str, Any], xlim, ylim, width: int, height: int) -> tuple[int, int] | None:
    frame = new_figure(width, height)
    dress(frame, props, data, xlim, ylim, width)
    frame.scatter([xlim[0], xlim[1]], [ylim[0], ylim[1]], marker="braille")
    return _plot_area(frame.build())


def _draw_points(kind: str, data: ChartData, props: dict[str, Any], width: int, height: int) -> str:
    series = data.series
    if data.limits is not None:
        xlim, ylim = data.limits
    else:
        if kind == "area":
            series = _stacked(series, props.get("stack", True))
        xlim = axis_limits([s.x for s in series])
        ys = [s.y for s in series]
        if kind == "area":
            ys.append(np.zeros(1))
        ylim = axis_limits(ys)
    area = _cells(data, props, xlim, ylim, width, height)
    figure = new_figure(width, height)
    dress(figure, props, data, xlim, ylim, width)
    legend = props.get("legend", True) and len(series) > 1 or isinstance(props.get("color"), str) and "data" in props and props.get("color") in {
        str(c) for c in props["data"].columns
    }
    chart_kind = kind
    for s in series:
        x, y = s.x, s.y
        kind = s.mark or chart_kind
        if area is not None:
            dots_x, dots_y = area[0] * DOTS_X, area[1] * DOTS_Y
            if kind == "scatter":
                x, y = bin_scatter(x, y, xlim, ylim, dots_x, dots_y)
            else:
                x, y = bin_line(x, y, xlim, ylim, dots_x, dots_y)
        label = s.name if legend else None
        color = rgb(s.color)
        if kind == "scatter" and area is not None and not legend:
            # One point per cell with that cell's braille character as its
            # marker: the same picture, a quarter or less of the points.
            cells_x, cells_y, marks = braille_cells(x, y, xlim, ylim, *area)
            figure.scatter(cells_x, cells_y, marker=marks, color=color)
            continue
        x, y = x.tolist(), y.tolist()
        if kind == "scatter":
            figure.scatter(x, y, marker="braille", color=color, label=label)
        else:
            figure.plot(x, y, marker="braille", color=color, label=label, fillx=kind == "area")
    return figure.build()


def braille_cells(
    x: np.ndarray, y: np.ndarray, xlim, ylim, width: int, height: int
) -> tuple[list[float], list[float], list[str]]:
    """Dots (already one per lit dot) grouped into cells: each cell's position
    and the braille character of its dots, as plotext would draw them."""
    cols = dot_index(x, *xlim, width * DOTS_X).astype(np.int64)
    rows = dot_index(y, *ylim, height * DOTS_Y).astype(np.int64)
    cell = (cols // DOTS_X) * height + rows // DOTS_Y
    # Bit of each dot: rows from the top of the cell, two dots a row.
    bit = (DOTS_Y - 1 - rows % DOTS_Y) * DOTS_X + cols % DOTS_X
    patterns = np.zeros(width * height, dtype=np.int64)
    np.bitwise_or.at(patterns, cell, 1 << bit)
    lit = np.flatnonzero(patterns)
    table = braille_chars()
    marks = [table[p] for p in patterns[lit].tolist()]
    cells_x = dot_value(lit // height, *xlim, width).tolist()
    cells_y = dot_value(lit % height, *ylim, height).tolist()
    return cells_x, cells_y, marks


def _bar_groups(data: ChartData, width: int, horizontal: bool) -> tuple[list[str], list[np.ndarray]]:
    """Bar labels and one row of heights per series (x repeated: summed)."""
    import pandas as pd

    xs = np.concatenate([s.x for s in data.series]) if data.series else np.empty(0)
    finite = xs[np.isfinite(xs)]
    room = max(width // 3, 4)
    uniques = np.unique(finite)
    if data.x_kind == "number" and len(uniques) > room:
        edges = np.linspace(uniques[0], uniques[-1], room + 1)
        keys = edges[:-1]
        labels = [f"{k:.4g}" for k in keys]

        def bucket(x: np.ndarray) -> np.ndarray:
            return np.clip(np.searchsorted(edges, x, side="right") - 1, 0, room - 1)
    else:
        keys = uniques
        if data.x_kind == "category":
            labels = [data.categories[int(k)] for k in keys]
        elif data.x_kind == "datetime":
            labels = [pd.Timestamp(k, unit="s").strftime("%Y-%m-%d") for k in keys]
        else:
            labels = [f"{k:g}" for k in keys]

        def bucket(x: np.ndarray) -> np.ndarray:
            return np.searchsorted(keys, x)
    heights = []
    for s in data.series:
        keep = np.isfinite(s.x) & np.isfinite(s.y)
        sums = np.bincount(bucket(s.x[keep]), weights=s.y[keep], minlength=len(keys))
        heights.append(sums[: len(keys)])
    return labels, heights


def _draw_bars(data: ChartData, props: dict[str, Any], width: int, height: int) -> str:
    horizontal = bool(props.get("horizontal"))
    # Series marked as lines or points (a layer of a translated chart) are
    # drawn over the bars, at the bars' places.
    over = [s for s in data.series if s.mark] if data.x_kind == "category" and not horizontal else []
    if over:
        data = ChartData([s for s in data.series if not s.mark], data.x_kind, data.categories, data.x_title,
                         data.y_title)
    if data.bars is not None:
        labels, heights = data.bars
    else:
        labels, heights = _bar_groups(data, width if not horizontal else height * 3, horizontal)
    figure = new_figure(width, height)
    orientation = "horizontal" if horizontal else "vertical"
    x_label, y_label = props.get("x_label"), props.get("y_label")
    if x_label is None:
        x_label = data.x_title or None
    if y_label is None:
        y_label = data.y_title or None
    if horizontal:
        x_label, y_label = y_label, x_label
    if x_label:
        figure.xlabel(str(x_label))
    if y_label:
        figure.ylabel(str(y_label))
    if not labels:
        return figure.build()
    colors = [rgb(s.color) for s in data.series]
    names = [s.name for s in data.series]
    if len(heights) == 1:
        figure.bar(labels, heights[0].tolist(), color=colors[0], orientation=orientation, width=0.6)
    elif props.get("stack") is False or props.get("stack") == "layered":
        figure.multiple_bar(labels, [h.tolist() for h in heights], color=colors, labels=names, orientation=orientation)
    else:
        if props.get("stack") == "normalize":
            total = np.sum(heights, axis=0)
            total[total == 0] = 1
            heights = [h / total for h in heights]
        figure.stacked_bar(labels, [h.tolist() for h in heights], color=colors, labels=names, orientation=orientation)
    if over:
        keys = np.unique(np.concatenate([s.x[np.isfinite(s.x)] for s in data.series]))
        for s in over:
            keep = np.isfinite(s.x) & np.isfinite(s.y)
            places = (np.searchsorted(keys, s.x[keep]) + 1).tolist()
            if s.mark == "scatter":
                figure.scatter(places, s.y[keep].tolist(), marker="braille", color=rgb(s.color), label=s.name)
            else:
                figure.plot(places, s.y[keep].tolist(), marker="braille", color=rgb(s.color), label=s.name)
    return figure.build()
