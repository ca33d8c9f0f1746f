"""``st.metric``: a number, its change, and a sparkline."""

from __future__ import annotations

import textwrap
from typing import Any

from termlit.common.icons import check_icon
from termlit.elements import _types
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.errors import StreamlitAPIException

__all__ = ["metric"]


def _direction(delta_text: str) -> str | None:
    """"down" for a negative delta, None for zero (no arrow, grey), else "up"."""
    text = delta_text.strip()
    number = text.split()[0].rstrip("%") if text else ""
    try:
        if float(number.replace(",", "")) == 0:
            return None
    except ValueError:
        pass
    return "down" if text.startswith("-") else "up"


def _metric_text(value: Any, *, delta: bool = False) -> str:
    """A metric's value or delta as shown, in Streamlit's form: a number as
    ``str()`` writes it (numpy numbers too), a string as given (a delta
    dedented)."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return textwrap.dedent(value) if delta else value
    if callable(getattr(value, "item", None)):
        value = value.item()
    return str(value)


_DELTA_ARROWS = ("auto", "up", "down", "off")
_CHART_TYPES = ("line", "bar", "area")


def _sparkline(label: str, chart_data: Any) -> list[float] | None:
    """A metric's ``chart_data`` as floats (the first column of a table)."""
    if chart_data is None:
        return None
    if _types.is_dataframe_like(chart_data) and hasattr(chart_data, "columns"):
        frame = chart_data
        values = list(frame.iloc[:, 0]) if len(frame.columns) else []
    elif hasattr(chart_data, "tolist"):
        values = list(chart_data.tolist())
    else:
        values = list(chart_data)
    floats = []
    for value in values:
        try:
            floats.append(float(value))
        except (TypeError, ValueError):
            raise StreamlitAPIException(
                f"st.metric('{label}'): chart_data holds {value!r} ({type(value).__name__}), which is not a "
                "number; give a sequence of numbers."
            ) from None
    return floats or None


@api
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    *,
    help: str | None = None,
    icon: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: Any = "stretch",
    height: Any = "content",
    chart_data: Any = None,
    chart_type: str = "line",
    delta_arrow: str = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> DeltaGenerator:
    """A big number with a label and an optional change (delta) below it.

    ``delta_color``: "normal" (up is good: green), "inverse" (up is bad: red)
    or "off" (grey); the colour follows the delta's sign. ``delta_arrow``:
    "auto" (the sign's arrow, none for zero), "up", "down" or "off" (no
    arrow). ``format`` (a named number format such as "dollar" or
    "compact", or printf like "%.2f") shapes a numeric value and delta as
    they are shown; the element keeps them as written. ``icon`` goes next to
    the label, ``delta_description`` after the delta, and ``chart_data``
    (numbers) draws a sparkline of ``chart_type`` "line", "bar" or "area".
    """
    where = f"st.metric('{label}')"
    if delta_color not in ("normal", "inverse", "off"):
        raise StreamlitAPIException(
            f"{where}: delta_color must be 'normal', 'inverse' or 'off', got {delta_color!r}."
        )
    if delta_arrow not in _DELTA_ARROWS:
        raise StreamlitAPIException(
            f"{where}: delta_arrow must be 'auto', 'up', 'down' or 'off', got {delta_arrow!r}."
        )
    if chart_type not in _CHART_TYPES:
        raise StreamlitAPIException(f"{where}: chart_type must be 'line', 'bar' or 'area', got {chart_type!r}.")
    if format is not None and not isinstance(format, str):
        raise StreamlitAPIException(f"{where}: format must be a string such as 'dollar' or '%.2f', got {format!r}.")
    delta_text = None if delta is None or delta == "" else _metric_text(delta, delta=True)
    direction = None if delta_text is None else _direction(delta_text)
    arrow = direction if delta_arrow == "auto" else None if delta_arrow == "off" else delta_arrow
    return emit(
        "metric",
        {
            "label": str(label),
            "body": _metric_text(value),
            "delta": delta_text,
            "direction": direction,
            "arrow": arrow,
            "delta_color": delta_color,
            "delta_description": None if delta_description is None else str(delta_description),
            "format": format,
            "icon": check_icon(icon, "st.metric") or None,
            "chart_data": _sparkline(str(label), chart_data),
            "chart_type": chart_type,
            "help": help,
            "label_visibility": label_visibility,
            "border": bool(border),
        },
    )[1]
