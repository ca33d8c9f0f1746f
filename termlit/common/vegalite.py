"""Vega-Lite specs (and so Altair charts) as chart data.

The common grammar is covered: marks ``line``, ``trail``, ``point``,
``circle``, ``square``, ``tick``, ``text``, ``bar`` (stacked, grouped with
``xOffset`` or ``stack: null``, horizontal when y is the category), ``area``
and ``rule``; encodings ``x``, ``y``, ``color``, ``shape`` and ``detail``
(one series per value; a quantitative colour is cut into five ranges),
``size``, ``opacity`` and ``tooltip`` accepted and not drawn; aggregates
``count``, ``sum``, ``mean``/``average``, ``median``, ``min``, ``max``,
``distinct``; ``bin``; ``timeUnit``; ``layer``; ``facet``/``row``/``column``
and ``concat``/``hconcat``/``vconcat`` as small multiples; filters by
``equal``/``oneOf``/``range``/``lt``/``lte``/``gt``/``gte``; data inline
(``values``) or named (``datasets``, or the frames passed along). Anything
else raises :class:`~termlit.common.specs.Unsupported` naming it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from termlit.common.chartdata import ChartData
from termlit.common.specs import Chart, Panel, Unsupported, categories_of, numbers_of, series

__all__ = ["translate"]

_POINTS = {"point": "scatter", "circle": "scatter", "square": "scatter", "tick": "scatter", "text": "scatter",
           "line": "line", "trail": "line", "area": "area", "bar": "bar", "rule": "rule"}
_AGGREGATES = {"count", "sum", "mean", "average", "median", "min", "max", "distinct"}
_IGNORED = {"size", "opacity", "fillOpacity", "strokeOpacity", "tooltip", "href", "text", "order", "strokeWidth",
            "key", "description", "url", "strokeDash", "angle"}
_SORTED_UNITS = {"month": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
                 "day": ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]}
#: Most small multiples one chart draws.
MAX_PANELS = 12


def translate(spec: dict[str, Any], datasets: dict[str, Any] | None = None) -> Chart:
    """The chart a Vega-Lite ``spec`` draws. ``datasets`` maps data names
    (``{"name": ...}`` in the spec) to DataFrames; the spec's own
    ``datasets`` are read too."""
    named = dict(datasets or {})
    for name, values in (spec.get("datasets") or {}).items():
        named.setdefault(name, values)
    title = _title(spec.get("title"))
    panels, columns = _panels(spec, None, named)
    if not panels:
        raise Unsupported("a spec with no mark")
    return Chart(panels[:MAX_PANELS], title, columns)


def _title(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text", "")
    if isinstance(value, list):
        value = " ".join(map(str, value))
    return "" if value is None else str(value)


def _frame(data: Any, inherited: Any, named: dict[str, Any]) -> Any:
    import pandas as pd  # lazy: pandas loads with the first chart

    if data is None:
        return inherited
    if isinstance(data, pd.DataFrame):
        return data
    if not isinstance(data, dict):
        raise Unsupported(f"data of type {type(data).__name__}")
    if "values" in data:
        values = data["values"]
        return values if isinstance(values, pd.DataFrame) else pd.DataFrame(values)
    if "name" in data:
        if data["name"] not in named:
            raise Unsupported(f"data named {data['name']!r} that the spec does not hold")
        found = named[data["name"]]
        return found if isinstance(found, pd.DataFrame) else pd.DataFrame(found)
    if "url" in data:
        raise Unsupported(f"data from a URL ({data['url']})")
    if "sequence" in data or "sphere" in data or "graticule" in data:
        raise Unsupported("generated data")
    return inherited


def _panels(spec: dict[str, Any], inherited: Any, named: dict[str, Any]) -> tuple[list[Panel], int]:
    frame = _frame(spec.get("data"), inherited, named)
    frame = _transform(frame, spec.get("transform") or [])
    for key, columns in (("hconcat", None), ("vconcat", 1), ("concat", spec.get("columns"))):
        if key in spec:
            panels: list[Panel] = []
            for part in spec[key]:
                found, _ = _panels(part, frame, named)
                panels.extend(found)
            count = len(spec[key]) if columns is None else (columns or min(len(panels), 3))
            return panels, max(min(count, 3), 1)
    if "facet" in spec and "spec" in spec:
        facet = spec["facet"]
        by = facet.get("row") or facet.get("column") or facet
        return _facets(spec["spec"], frame, by, named, 1 if "row" in facet else 3)
    encoding = spec.get("encoding") or {}
    for channel in ("row", "column", "facet"):
        if channel in encoding:
            inner = dict(spec, encoding={k: v for k, v in encoding.items() if k != channel})
            return _facets(inner, frame, encoding[channel], named, 1 if channel == "row" else 3)
    if "layer" in spec:
        layers = []
        for part in spec["layer"]:
            merged = dict(part)
            merged["encoding"] = {**encoding, **(part.get("encoding") or {})}
            layers.append((merged, _transform(_frame(part.get("data"), frame, named), part.get("transform") or [])))
        return [_panel(layers, _title(spec.get("title")))], 1
    if "mark" not in spec:
        for key in ("repeat", "resolve"):
            if key in spec:
                raise Unsupported(f"'{key}'")
        return [], 1
    return [_panel([(spec, frame)], _title(spec.get("title")))], 1


def _facets(spec: dict[str, Any], frame: Any, by: dict[str, Any], named: dict[str, Any],
            columns: int) -> tuple[list[Panel], int]:
    if frame is None or "field" not in by:
        raise Unsupported("a facet without a field")
    field = by["field"]
    panels = []
    for value, group in frame.groupby(field, sort=True):
        for panel in _panels(dict(spec, data=None), group, named)[0]:
            panel.title = f"{field} = {value}"
            panels.append(panel)
    return panels, max(min(columns, len(panels)), 1)


def _transform(frame: Any, steps: list[dict[str, Any]]) -> Any:
    for step in steps:
        if set(step) == {"filter"} and isinstance(step["filter"], dict) and "field" in step["filter"]:
            test = step["filter"]
            column = frame[test["field"]]
            if "equal" in test:
                frame = frame[column == test["equal"]]
            elif "oneOf" in test:
                frame = frame[column.isin(test["oneOf"])]
            elif "range" in test:
                low, high = test["range"]
                frame = frame[(column >= low) & (column <= high)]
            else:
                for word, keep in (("lt", column.__lt__), ("lte", column.__le__), ("gt", column.__gt__),
                                   ("gte", column.__ge__)):
                    if word in test:
                        frame = frame[keep(test[word])]
                        break
                else:
                    raise Unsupported(f"the filter {test}")
            continue
        raise Unsupported(f"the transform {next(iter(step), '?')!r}")
    return frame


def _mark(spec: dict[str, Any]) -> str:
    mark = spec.get("mark")
    kind = mark.get("type") if isinstance(mark, dict) else mark
    if kind not in _POINTS:
        raise Unsupported(f"the mark {kind!r}")
    return kind


def _field(channel: Any) -> dict[str, Any]:
    if channel is None:
        return {}
    if isinstance(channel, list):
        return {}
    return channel if isinstance(channel, dict) else {"field": str(channel)}


def _panel(layers: list[tuple[dict[str, Any], Any]], title: str) -> Panel:
    units = [_unit(spec, frame) for spec, frame in layers]
    kinds = {unit["kind"] for unit in units if unit["kind"] != "rule"}
    # One x axis for every layer: categories and dates are shared.
    x_kind = next((unit["x_kind"] for unit in units if unit["x_kind"] != "number"), "number")
    categories: list[str] = []
    if x_kind == "category":
        for unit in units:
            for name in unit["x_names"]:
                if name not in categories:
                    categories.append(name)
        for unit in units:
            unit["x"] = _recode(unit["x"], unit["x_names"], categories)
    panel_kind = "bar" if "bar" in kinds else "line" if not kinds else ("scatter" if kinds == {"scatter"} else "line")
    result = []
    for unit in units:
        for name, x, y in unit["series"](unit["x"]):
            result.append(series(name, x, y, len(result), None if unit["kind"] in (panel_kind, "rule") else
                                 unit["kind"], unit.get("color")))
        if unit["kind"] == "rule":
            result[-1:] = []  # rules are drawn below, across the other layers
    xs = [s.x for s in result]
    for unit in units:
        if unit["kind"] == "rule":
            for name, x, y in unit["series"](unit["x"]):
                result.append(_rule(name, x, y, xs, len(result)))
    first = units[0]
    data = ChartData(result, x_kind, categories, first["x_title"], first["y_title"])
    horizontal = any(unit["horizontal"] for unit in units)
    if horizontal:
        data.x_title, data.y_title = first["x_title"], first["y_title"]
    stack = all(unit["stack"] for unit in units)
    return Panel(data, panel_kind, title, horizontal, stack)


def _recode(x: np.ndarray, names: list[str], categories: list[str]) -> np.ndarray:
    if not names:
        return x
    index = np.array([categories.index(n) for n in names], dtype="float64")
    valid = np.isfinite(x)
    out = np.full(len(x), np.nan)
    out[valid] = index[x[valid].astype(np.int64)]
    return out


def _rule(name: str, x: np.ndarray, y: np.ndarray, xs: list[np.ndarray], index: int):
    """A rule at a y value spans the x of the other layers."""
    finite = [v[np.isfinite(v)] for v in xs if len(v)]
    finite = [v for v in finite if len(v)]
    low = min(float(v.min()) for v in finite) if finite else 0.0
    high = max(float(v.max()) for v in finite) if finite else 1.0
    level = float(np.nanmean(y)) if len(y) else 0.0
    return series(name, np.array([low, high]), np.array([level, level]), index, "line")


def _unit(spec: dict[str, Any], frame: Any) -> dict[str, Any]:
    import pandas as pd  # lazy: pandas loads with the first chart

    kind = _POINTS[_mark(spec)]
    encoding = spec.get("encoding") or {}
    for channel in encoding:
        if channel not in ("x", "y", "x2", "y2", "color", "fill", "stroke", "shape", "detail", "xOffset",
                           "yOffset") and channel not in _IGNORED:
            raise Unsupported(f"the encoding channel {channel!r}")
    if frame is None:
        frame = pd.DataFrame({"__row": [0]})
    x_def, y_def = _field(encoding.get("x")), _field(encoding.get("y"))
    group_def = _field(encoding.get("color") or encoding.get("fill") or encoding.get("stroke")
                       or encoding.get("shape") or encoding.get("detail"))
    offset = "xOffset" in encoding or "yOffset" in encoding
    # Which axis holds the categories (bars lie flat when y does).
    horizontal = kind == "bar" and _is_discrete(y_def, frame) and not _is_discrete(x_def, frame)
    if horizontal:
        x_def, y_def = y_def, x_def
    table = pd.DataFrame(index=frame.index)
    keys = []
    for role, definition in (("x", x_def), ("g", group_def)):
        if definition.get("field") and not definition.get("aggregate"):
            table[role] = _values(frame, definition)
            keys.append(role)
    value_def = y_def
    aggregate = value_def.get("aggregate")
    if x_def.get("aggregate") and not aggregate:
        raise Unsupported("an aggregate on the category axis")
    if "value" in value_def or "datum" in value_def:
        table["y"] = float(value_def.get("value", value_def.get("datum")))
    elif aggregate == "count" and not value_def.get("field"):
        table["y"] = 1.0
    elif value_def.get("field"):
        table["y"] = _values(frame, value_def) if aggregate not in ("count", "distinct") else frame[value_def["field"]]
    elif kind == "rule" and ("value" in x_def or "datum" in x_def or x_def.get("field")):
        raise Unsupported("a vertical rule")
    else:
        table["y"] = 0.0
    if aggregate:
        if aggregate not in _AGGREGATES:
            raise Unsupported(f"the aggregate {aggregate!r}")
        how = {"average": "mean", "distinct": "nunique", "count": "count"}.get(aggregate, aggregate)
        if keys:
            table = table.groupby(keys, sort=False, dropna=False)["y"].agg(how).reset_index()
        else:
            table = pd.DataFrame({"y": [table["y"].agg(how)]})
    elif kind == "bar" and "x" in keys:
        table = table.groupby(keys, sort=False, dropna=False)["y"].sum().reset_index()
    x_values = table["x"] if "x" in table else pd.Series(np.zeros(len(table)), index=table.index)
    x_kind, x_numbers, x_names = _axis(x_values, x_def, frame)
    if kind in ("line", "area") and "x" in table:
        order = np.argsort(x_numbers, kind="stable")
        table, x_numbers = table.iloc[order], x_numbers[order]
    y_numbers = numbers_of(table["y"])
    groups = table["g"] if "g" in table else None
    order = None
    if groups is not None and group_def.get("type") == "quantitative" and groups.nunique() > 6:
        ranges = pd.cut(pd.to_numeric(groups), 5, precision=2)
        order = [str(r) for r in ranges.cat.categories]
        groups = ranges.astype(str)

    def split(x: np.ndarray):
        if groups is None:
            yield (_label(value_def) or "value", x, y_numbers)
            return
        for value in order or sorted(pd.unique(groups), key=lambda v: _natural(str(v))):
            mask = (groups == value).to_numpy()
            yield (str(value), x[mask], y_numbers[mask])

    stack = value_def.get("stack", True) not in (None, False) and not offset
    color = group_def.get("value") if "value" in group_def else None
    mark = spec.get("mark")
    if isinstance(mark, dict) and isinstance(mark.get("color"), str):
        color = mark["color"]
    return {"kind": kind, "x": x_numbers, "x_kind": x_kind, "x_names": x_names, "series": split,
            "x_title": _label(x_def), "y_title": _label(value_def), "horizontal": horizontal, "stack": stack,
            "color": color}


def _label(definition: dict[str, Any]) -> str:
    if "title" in definition and definition["title"] is not None:
        return str(definition["title"])
    field = definition.get("field", "")
    aggregate = definition.get("aggregate")
    if aggregate == "count" and not field:
        return "Count of Records"
    if aggregate:
        return f"{aggregate.capitalize()} of {field}"
    if definition.get("bin"):
        return f"{field} (binned)"
    return str(field)


def _is_discrete(definition: dict[str, Any], frame: Any) -> bool:
    if definition.get("type") in ("nominal", "ordinal"):
        return True
    if definition.get("type") in ("quantitative", "temporal") or definition.get("aggregate") or not definition:
        return False
    field = definition.get("field")
    return field is not None and frame is not None and field in frame and frame[field].dtype.kind in "OSUb"


def _values(frame: Any, definition: dict[str, Any]) -> Any:
    import pandas as pd  # lazy: pandas loads with the first chart

    field = definition["field"]
    if field not in frame:
        raise Unsupported(f"the field {field!r}, which is not a column of the data")
    values = frame[field]
    unit = definition.get("timeUnit")
    if unit:
        unit = unit.get("unit", "") if isinstance(unit, dict) else str(unit)
        moments = pd.to_datetime(values)
        if unit.startswith("utc"):
            unit = unit[3:]
        if "year" in unit:
            finest = next((f for u, f in (("seconds", "s"), ("minutes", "min"), ("hours", "h"), ("date", "D"),
                                         ("month", "M"), ("quarter", "Q")) if u in unit), "Y")
            return moments.dt.to_period(finest).dt.to_timestamp() if finest not in ("s", "min", "h", "D") \
                else moments.dt.floor(finest)
        if unit == "month":
            return moments.dt.strftime("%b")
        if unit == "day":
            return moments.dt.strftime("%a")
        if unit == "hours":
            return moments.dt.hour
        if unit == "date":
            return moments.dt.day
        if unit == "quarter":
            return "Q" + moments.dt.quarter.astype(str)
        raise Unsupported(f"the time unit {unit!r}")
    bin_def = definition.get("bin")
    if bin_def:
        numbers = numbers_of(values)
        maxbins = bin_def.get("maxbins", 10) if isinstance(bin_def, dict) else 10
        return pd.Series(_bin_starts(numbers, maxbins), index=values.index)
    if definition.get("type") == "temporal" and values.dtype.kind not in "M":
        return pd.to_datetime(values)
    return values


def _bin_starts(values: np.ndarray, maxbins: int) -> np.ndarray:
    """Each value's bin start, with Vega-Lite's "nice" steps (1, 2 or 5 x 10^k)."""
    finite = values[np.isfinite(values)]
    if not len(finite):
        return values
    low, high = float(finite.min()), float(finite.max())
    span = (high - low) or 1.0
    raw = span / max(maxbins, 1)
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = np.floor(low / step) * step
    return start + np.floor((values - start) / step) * step


def _axis(values: Any, definition: dict[str, Any], frame: Any) -> tuple[str, np.ndarray, list[str]]:
    """(kind, numbers, category names) for the x values."""
    kind = values.dtype.kind
    if definition.get("timeUnit") and kind not in "Miuf":
        unit = definition["timeUnit"]
        unit = unit.get("unit", "") if isinstance(unit, dict) else str(unit)
        order = _SORTED_UNITS.get(unit)
        present = set(map(str, values))
        codes, names = categories_of(values, [n for n in order if n in present] if order else sorted(present))
        return "category", codes, names
    if kind == "M" or definition.get("type") == "temporal":
        return "datetime", numbers_of(values), []
    if definition.get("type") in ("nominal", "ordinal") or kind not in "iufb":
        sort = definition.get("sort")
        present = list(dict.fromkeys(map(str, values)))
        if isinstance(sort, list):
            wanted = [str(v) for v in sort]
            order = [v for v in wanted if v in present] + [v for v in present if v not in wanted]
        else:
            order = sorted(present, key=_natural, reverse=sort == "descending")
        codes, names = categories_of(values, order)
        return "category", codes, names
    return "number", numbers_of(values), []


def _natural(text: str) -> tuple:
    try:
        return (0, float(text), "")
    except ValueError:
        return (1, 0.0, text)
