"""Charts: ``st.scatter_chart``, ``st.line_chart``, ``st.area_chart``, ``st.bar_chart``.

An element keeps a reference to the data and the encodings (x, y, color,
size, labels); nothing is computed during the script run beyond checking the
column names. The viewer turns data into series and series into the dots of
its current size off the UI thread (see :mod:`termlit.common.chartdata`),
so a million points cost a rerun nothing.

A lazy source (a DuckDB relation or scanned file, a polars ``LazyFrame``,
``conn.table()`` / ``conn.query(..., lazy=True)``; see :mod:`termlit.sources`)
stays in its engine: the element keeps the source and a plan of its queries
(:mod:`termlit.common.lazychart`), and the viewer asks the engine for the
bins its picture lights, at its size. What the engine cannot answer (a size
per point, no x column, ...) is a clear error naming ``.to_pandas()``.
"""

from __future__ import annotations

from typing import Any

from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements.data import alt_text, to_dataframe
from termlit.errors import StreamlitAPIException

__all__ = ["area_chart", "bar_chart", "line_chart", "scatter_chart"]

_STACKS = (None, True, False, "normalize", "center", "layered")


def _check_columns(kind: str, frame: Any, encodings: dict[str, Any]) -> None:
    """Every column the encodings name is a column of ``frame``."""
    names = {str(c) for c in frame.columns}
    x, y, color, size = encodings["x"], encodings["y"], encodings["color"], encodings.get("size")

    def need(role: str, value: Any) -> None:
        if str(value) not in names:
            shown = ", ".join(sorted(names)[:12]) or "none"
            raise StreamlitAPIException(
                f"st.{kind}: {role}={value!r} is not a column of the data (columns: {shown})."
            )

    if x is not None:
        need("x", x)
    for name in (y if isinstance(y, (list, tuple)) else [] if y is None else [y]):
        need("y", name)
    if isinstance(size, str):
        need("size", size)
    if isinstance(color, str) and not color.startswith("#") and color in names:
        return
    if isinstance(color, str) and not color.startswith("#") and not color.isalpha():
        need("color", color)


def _lazy(kind: str, chart: str, data: Any, encodings: dict[str, Any]) -> dict[str, Any] | None:
    """A lazy chart's props (the source, its key and plan), or None for in-memory data."""
    from termlit import sources  # lazy: only lazy data needs it (no engine is loaded here)

    if data is None or not sources.is_lazy(data):
        return None
    from termlit.common.lazychart import plan  # lazy: numpy loads with the first lazy chart

    try:
        source = sources.as_source(data)
        schema = source.schema
    except (TypeError, FileNotFoundError, ValueError) as exc:
        raise StreamlitAPIException(f"st.{kind} cannot read this data: {exc}") from None
    _check_columns(kind, schema, encodings)
    return {"chart": chart, "data": source, "source_key": source.key, "lazy": plan(kind, chart, source, encodings)}


def _chart(kind: str, chart: str, data: Any, **encodings: Any) -> DeltaGenerator:
    for name in ("width", "height"):
        check_size(f"st.{kind}", name, encodings.get(name), ("stretch", "content"))
    if encodings.get("stack") not in _STACKS:
        raise StreamlitAPIException(f"st.{kind}: stack must be one of {_STACKS}; got {encodings['stack']!r}.")
    lazy = _lazy(kind, chart, data, encodings)
    if lazy is None:
        frame = to_dataframe(data)
        _check_columns(kind, frame, encodings)
        lazy = {"chart": chart, "data": frame}
    y = encodings["y"]
    props = {**lazy, **encodings}
    props["y"] = list(y) if isinstance(y, (list, tuple)) else y
    return emit(kind, props)[1]


@api
def scatter_chart(
    data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None,
    color: Any = None, size: Any = None, width: Any = None, height: Any = None, use_container_width: bool = True,
    alt: str | None = None,
) -> DeltaGenerator:
    """A scatter plot; ``color`` is a colour or a column (one series per value),
    ``size`` a number or a column. ``alt`` describes the chart: its tooltip,
    and the text shown where it is not drawn."""
    return _chart(
        "scatter_chart", "scatter", data, x=x, y=y, x_label=x_label, y_label=y_label,
        color=color, size=size, width=width, height=height, use_container_width=use_container_width,
        alt=alt_text(alt),
    )


@api
def line_chart(
    data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None,
    color: Any = None, width: Any = None, height: Any = None, use_container_width: bool = True,
    alt: str | None = None,
) -> DeltaGenerator:
    """A line chart: one line per y column (wide form) or per value of the
    ``color`` column (long form); the index is x unless ``x`` names a column."""
    return _chart(
        "line_chart", "line", data, x=x, y=y, x_label=x_label, y_label=y_label,
        color=color, width=width, height=height, use_container_width=use_container_width,
        alt=alt_text(alt),
    )


@api
def area_chart(
    data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None,
    color: Any = None, stack: Any = None, width: Any = None, height: Any = None, use_container_width: bool = True,
    alt: str | None = None,
) -> DeltaGenerator:
    """A line chart filled down to the x axis."""
    return _chart(
        "area_chart", "area", data, x=x, y=y, x_label=x_label, y_label=y_label,
        color=color, stack=stack, width=width, height=height, use_container_width=use_container_width,
        alt=alt_text(alt),
    )


@api
def bar_chart(
    data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None, y_label: str | None = None,
    color: Any = None, horizontal: bool = False, sort: Any = True, stack: Any = None,
    width: Any = None, height: Any = None, use_container_width: bool = True,
    alt: str | None = None,
) -> DeltaGenerator:
    """Bars per x value (summed when x repeats); several series stack unless
    ``stack=False`` puts them side by side; ``horizontal=True`` lays them flat."""
    return _chart(
        "bar_chart", "bar", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color,
        horizontal=bool(horizontal), sort=sort, stack=stack, width=width, height=height,
        use_container_width=use_container_width, alt=alt_text(alt),
    )
