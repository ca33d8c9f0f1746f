"""ECharts options as chart data.

Series drawn: ``line`` (``areaStyle`` fills it), ``bar`` (series with the
same ``stack`` stack; a category y axis lays them flat), ``scatter``,
``pie`` (as bars of each slice's share) and ``heatmap``; data as lists of
values, ``[x, y]`` pairs, ``{"value": ..., "name": ...}`` items, or a
``dataset.source`` (a DataFrame or rows with a header row: the first column
is the category axis, each series takes the next column). ``title.text``
and axis names are kept. Another series type raises
:class:`~termlit.common.specs.Unsupported` naming it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from termlit.common.chartdata import ChartData
from termlit.common.specs import Chart, Panel, Unsupported, categories_of, numbers_of, series

__all__ = ["translate"]

_MARKS = {"line": "line", "bar": None, "scatter": "scatter", "effectScatter": "scatter"}


def _first(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        return value[0] if value else {}
    return value or {}


def _source(option: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """The dataset's column names and columns."""
    dataset = _first(option.get("dataset"))
    source = dataset.get("source")
    if source is None:
        return [], []
    if hasattr(source, "columns"):
        return [str(c) for c in source.columns], [list(source[c]) for c in source.columns]
    if isinstance(source, dict):
        return [str(k) for k in source], [list(v) for v in source.values()]
    rows = list(source)
    if rows and isinstance(rows[0], dict):
        names = list(rows[0])
        return [str(n) for n in names], [[row.get(n) for row in rows] for n in names]
    header, body = (rows[0], rows[1:]) if rows and all(isinstance(v, str) for v in rows[0]) else (
        [f"column {i}" for i in range(len(rows[0]) if rows else 0)], rows)
    return [str(h) for h in header], [[row[i] for row in body] for i in range(len(header))]


def _value(item: Any) -> Any:
    return item.get("value") if isinstance(item, dict) else item


def translate(option: dict[str, Any]) -> Chart:
    """The chart an ECharts ``option`` draws."""
    x_axis, y_axis = _first(option.get("xAxis")), _first(option.get("yAxis"))
    all_series = option.get("series") or []
    if isinstance(all_series, dict):
        all_series = [all_series]
    if not all_series:
        raise Unsupported("an option with no series")
    types = {s.get("type", "line") for s in all_series}
    for kind in types:
        if kind not in _MARKS and kind not in ("pie", "heatmap"):
            raise Unsupported(f"the series type {kind!r}")
    title = str(_first(option.get("title")).get("text") or "")
    if "heatmap" in types:
        return Chart([_heatmap(all_series[0], x_axis, y_axis)], title)
    horizontal = y_axis.get("type") == "category" and x_axis.get("type") != "category"
    category_axis = y_axis if horizontal else x_axis
    names, columns = _source(option)
    categories = [str(v) for v in (category_axis.get("data") or [])]
    if not categories and columns and (category_axis.get("type") == "category" or "pie" in types):
        categories = [str(v) for v in columns[0]]
    result = []
    for index, spec in enumerate(all_series):
        kind = spec.get("type", "line")
        name = str(spec.get("name") or (names[index + 1] if index + 1 < len(names) else f"series {index}"))
        data = spec.get("data")
        if data is None and columns:
            data = columns[index + 1] if index + 1 < len(columns) else []
        data = list(data or [])
        if kind == "pie":
            labels = [str(item.get("name", i)) if isinstance(item, dict) else (categories[i] if i < len(categories)
                      else str(i)) for i, item in enumerate(data)]
            values = numbers_of([_value(item) for item in data])
            total = np.nansum(values) or 1.0
            codes, categories = categories_of(labels)
            result.append(series(name, codes, 100 * values / total, index))
            continue
        values = [_value(item) for item in data]
        if values and isinstance(values[0], (list, tuple)):
            xs, ys = [v[0] for v in values], numbers_of([v[1] for v in values])
            if categories or any(isinstance(v, str) for v in xs):
                x, categories = categories_of(xs, categories or None)
            else:
                x = numbers_of(xs)
        else:
            ys = numbers_of(values)
            x = np.arange(len(ys), dtype="float64")
        mark = _MARKS.get(kind)
        if kind == "line" and spec.get("areaStyle") is not None:
            mark = "area"
        result.append(series(name, x, ys, index, mark))
    bars = [s for s in result if s.mark is None]
    x_kind = "category" if categories else "number"
    kind = "bar" if bars else ("scatter" if all(s.mark == "scatter" for s in result) else "line")
    stacks = {s.get("stack") for s in all_series}
    data = ChartData(result, x_kind, categories, str(x_axis.get("name") or ""), str(y_axis.get("name") or ""))
    if "pie" in types:
        data.y_title = "share (%)"
    if horizontal:
        data.x_title, data.y_title = data.y_title, data.x_title
    return Chart([Panel(data, kind, "", horizontal, stacks != {None} and len(stacks) == 1)], title)


def _heatmap(spec: dict[str, Any], x_axis: dict[str, Any], y_axis: dict[str, Any]) -> Panel:
    xs = [str(v) for v in x_axis.get("data") or []]
    ys = [str(v) for v in y_axis.get("data") or []]
    cells = [_value(item) for item in spec.get("data") or []]
    if not xs:
        xs = [str(v) for v in sorted({c[0] for c in cells})]
    if not ys:
        ys = [str(v) for v in sorted({c[1] for c in cells})]
    grid = np.full((len(ys), len(xs)), np.nan)
    for x, y, value in cells:
        col = x if isinstance(x, int) and x < len(xs) else xs.index(str(x))
        row = y if isinstance(y, int) and y < len(ys) else ys.index(str(y))
        grid[row, col] = float(value) if value not in (None, "-") else np.nan
    data = ChartData([], "category", xs, str(x_axis.get("name") or ""), str(y_axis.get("name") or ""))
    return Panel(data, "heatmap", "", grid=grid, grid_x=xs, grid_y=ys)
