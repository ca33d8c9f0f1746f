"""Plotly figures as chart data.

Traces drawn: ``scatter``/``scattergl`` (lines, markers or both), ``bar``
(vertical or ``orientation="h"``; the layout's ``barmode`` stacks or groups),
``histogram`` (counted here, with ``nbinsx`` and ``histnorm``), ``box`` (a
whisker from min to max with the quartiles and median marked), ``heatmap``,
``pie`` (as bars of each slice's share) and ``candlestick`` (close as a line,
highs and lows as points). The layout's title, axis titles and trace names
(the legend) are kept; traces on other axes (subplots) become panels of
their own. Any other trace type raises
:class:`~termlit.common.specs.Unsupported` naming it.
"""

from __future__ import annotations

import base64
import re
from typing import Any

import numpy as np

from termlit.common.chartdata import ChartData, Series
from termlit.common.specs import Chart, Panel, Unsupported, categories_of, numbers_of, series

__all__ = ["figure_dict", "rasterise", "translate"]


def figure_dict(figure: Any) -> dict[str, Any]:
    """A figure (or its dict, or a list of traces) as a plain dict."""
    if hasattr(figure, "to_plotly_json"):
        return figure.to_plotly_json()
    if isinstance(figure, dict):
        return figure
    if isinstance(figure, (list, tuple)):
        return {"data": [t.to_plotly_json() if hasattr(t, "to_plotly_json") else t for t in figure]}
    raise Unsupported(f"a figure of type {type(figure).__name__}")


def rasterise(figure: Any) -> bytes | None:
    """The figure as PNG through Plotly's image export, when Kaleido is installed."""
    try:
        import kaleido  # noqa: F401  # lazy: optional renderer
    except ImportError:
        return None
    try:
        import plotly.io as pio  # lazy: the figure is a Plotly figure

        return pio.to_image(figure, format="png")
    except Exception:  # the export needs a browser Kaleido may not find
        return None


def _array(value: Any) -> Any:
    """Plotly's typed arrays (``{"dtype", "bdata"}``) as numpy; others as given."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value.get("dtype", "f8"))
        shape = value.get("shape")
        if shape:
            array = array.reshape([int(n) for n in str(shape).split(",")])
        return array
    return value


def _text(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text")
    return "" if value is None else str(value)


def _axis_values(values: Any) -> tuple[str, np.ndarray, list[str]]:
    import pandas as pd  # lazy: pandas loads with the first chart

    values = _array(values)
    array = np.asarray(values)
    if array.dtype.kind in "iufb":
        return "number", array.astype("float64"), []
    if array.dtype.kind == "M":
        return "datetime", numbers_of(array), []
    first = array[0] if len(array) else None
    if isinstance(first, str) and re.match(r"\d{4}[-/]\d\d?([-/]\d\d?)?([ T]|$)", first):
        try:
            return "datetime", numbers_of(pd.to_datetime(pd.Series(array), format="mixed").to_numpy()), []
        except (ValueError, TypeError):
            pass
    codes, names = categories_of(array)
    return "category", codes, names


def translate(figure: dict[str, Any]) -> Chart:
    """The chart a Plotly figure dict draws."""
    layout = figure.get("layout") or {}
    traces = figure.get("data") or []
    if not traces:
        raise Unsupported("a figure with no traces")
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for trace in traces:
        groups.setdefault((trace.get("xaxis", "x"), trace.get("yaxis", "y")), []).append(trace)
    panels = [_panel(axes, group, layout) for axes, group in groups.items()]
    return Chart(panels, _text(layout.get("title")), 1)


def _axis_title(layout: dict[str, Any], axis: str) -> str:
    name = axis[0] + "axis" + axis[1:]
    return _text((layout.get(name) or {}).get("title"))


def _panel(axes: tuple[str, str], traces: list[dict[str, Any]], layout: dict[str, Any]) -> Panel:
    kinds = {trace.get("type", "scatter") for trace in traces}
    if "heatmap" in kinds:
        return _heatmap(traces[0], layout, axes)
    result: list[Series] = []
    x_kind, categories = "number", []
    bar = False
    horizontal = False
    for trace in traces:
        kind = trace.get("type", "scatter")
        name = str(trace.get("name") or f"trace {len(result)}")
        if kind in ("scatter", "scattergl"):
            y = numbers_of(_array(trace.get("y", [])))
            x_kind, x, categories = _x(trace.get("x"), len(y), x_kind, categories)
            mode = trace.get("mode") or ("lines" if len(y) > 20 else "lines+markers")
            mark = "line" if "lines" in mode else "scatter"
            result.append(series(name, x, y, len(result), mark, _color(trace)))
        elif kind in ("bar", "histogram", "pie"):
            bar = True
            if kind == "pie":
                labels, values = trace.get("labels") or [], numbers_of(_array(trace.get("values", [])))
                total = np.nansum(values) or 1.0
                codes, categories = categories_of(labels)
                x_kind = "category"
                result.append(series(name, codes, 100 * values / total, len(result)))
                continue
            if kind == "histogram":
                x_values, y_values = _histogram(trace)
                horizontal = horizontal or trace.get("orientation") == "h"
            else:
                horizontal = horizontal or trace.get("orientation") == "h"
                x_values, y_values = (trace.get("y"), trace.get("x")) if horizontal else (trace.get("x"),
                                                                                         trace.get("y"))
            y = numbers_of(_array(y_values if y_values is not None else []))
            x_kind, x, categories = _x(x_values, len(y), x_kind, categories)
            result.append(series(name, x, y, len(result), None, _color(trace)))
        elif kind == "box":
            result.extend(_box(trace, len(result), categories))
            x_kind = "category"
        elif kind in ("candlestick", "ohlc"):
            x_kind, x, categories = _x(trace.get("x"), len(trace.get("close", [])), x_kind, categories)
            for field, mark in (("close", "line"), ("high", "scatter"), ("low", "scatter")):
                result.append(series(f"{name} {field}", x, numbers_of(_array(trace.get(field, []))),
                                     len(result), mark))
        else:
            raise Unsupported(f"the trace type {kind!r}")
    mode = layout.get("barmode", "group")
    x_title, y_title = _axis_title(layout, axes[0]), _axis_title(layout, axes[1])
    if horizontal:
        x_title, y_title = y_title, x_title
    data = ChartData(result, x_kind, categories, x_title, y_title)
    kind = "bar" if bar else ("scatter" if all(s.mark == "scatter" for s in result) else "line")
    if kind == "bar" and any(t.get("type") == "pie" for t in traces):
        data.y_title = data.y_title or "share (%)"
    return Panel(data, kind, "", horizontal, mode in ("stack", "relative"))


def _x(values: Any, count: int, kind: str, categories: list[str]) -> tuple[str, np.ndarray, list[str]]:
    """x values as numbers, sharing categories with the traces before."""
    if values is None:
        return kind, np.arange(count, dtype="float64"), categories
    found, numbers, names = _axis_values(values)
    if found == "category":
        merged = list(categories)
        for name in names:
            if name not in merged:
                merged.append(name)
        codes, _ = categories_of([names[int(i)] for i in numbers], merged)
        return "category", codes, merged
    return (found if kind == "number" else kind), numbers, categories


def _color(trace: dict[str, Any]) -> str | None:
    for part in ("line", "marker"):
        color = (trace.get(part) or {}).get("color")
        if isinstance(color, str):
            return color
    return None


def _histogram(trace: dict[str, Any]) -> tuple[Any, Any]:
    horizontal = trace.get("orientation") == "h" or ("y" in trace and "x" not in trace)
    values = numbers_of(_array(trace.get("y" if horizontal else "x", [])))
    values = values[np.isfinite(values)]
    size = ((trace.get("ybins" if horizontal else "xbins")) or {}).get("size")
    if size:
        edges = np.arange(values.min(), values.max() + size, size) if len(values) else np.array([0, 1])
    else:
        bins = int(trace.get("nbinsx") or trace.get("nbinsy") or 0) or "auto"
        edges = np.histogram_bin_edges(values, bins=bins)
    counts, edges = np.histogram(values, bins=edges)
    norm = trace.get("histnorm") or ""
    counts = counts.astype("float64")
    if norm in ("probability", "percent"):
        counts = counts / max(counts.sum(), 1) * (100 if norm == "percent" else 1)
    elif "density" in norm:
        counts = counts / max(counts.sum(), 1) / np.diff(edges)
    return np.round(edges[:-1], 6), counts


def _box(trace: dict[str, Any], index: int, categories: list[str]) -> list[Series]:
    values = numbers_of(_array(trace.get("y", trace.get("x", []))))
    values = values[np.isfinite(values)]
    name = str(trace.get("name") or f"trace {index}")
    if name not in categories:
        categories.append(name)
    position = float(categories.index(name))
    if not len(values):
        return []
    low, q1, median, q3, high = np.percentile(values, [0, 25, 50, 75, 100])
    return [
        series(f"{name} range", np.array([position, position]), np.array([low, high]), index, "line"),
        series(f"{name} quartiles", np.full(3, position), np.array([q1, median, q3]), index + 1, "scatter"),
    ]


def _heatmap(trace: dict[str, Any], layout: dict[str, Any], axes: tuple[str, str]) -> Panel:
    grid = np.asarray(_array(trace.get("z", [])), dtype="float64")
    if grid.ndim != 2:
        raise Unsupported("a heatmap whose z is not a table")
    xs = [str(v) for v in (trace.get("x") if trace.get("x") is not None else range(grid.shape[1]))]
    ys = [str(v) for v in (trace.get("y") if trace.get("y") is not None else range(grid.shape[0]))]
    data = ChartData([], "category", xs, _axis_title(layout, axes[0]), _axis_title(layout, axes[1]))
    return Panel(data, "heatmap", "", grid=grid, grid_x=xs, grid_y=ys)
