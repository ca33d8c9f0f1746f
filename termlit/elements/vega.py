"""Charts of other libraries, drawn as termlit's own charts:
``st.altair_chart``, ``st.vega_lite_chart``, ``st.plotly_chart`` and
``st.echarts_chart``.

Each spec is translated during the run into chart data
(:mod:`termlit.common.vegalite`, :mod:`~termlit.common.plotly`,
:mod:`~termlit.common.echarts`); the UI bins and draws it like the built-in
charts. A spec the translation does not cover is rasterised when a renderer
is installed (vl-convert for Vega-Lite, Kaleido for Plotly) and shown as a
picture, else a notice names the part that is not drawn.
"""

from __future__ import annotations

import threading
from typing import Any

from termlit.common.images import picture
from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements.data import to_dataframe
from termlit.errors import StreamlitAPIException

__all__ = ["altair_chart", "echarts_chart", "plotly_chart", "vega_lite_chart"]

#: Altair's data transformers are process-wide: one chart at a time swaps them.
_altair_lock = threading.Lock()


def _check(where: str, width: Any, height: Any, on_select: Any) -> None:
    check_size(where, "width", width, ("stretch", "content"))
    check_size(where, "height", height, ("stretch", "content"))
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise StreamlitAPIException(f'{where}: on_select must be "ignore", "rerun" or a callable; got {on_select!r}.')


def _show(kind: str, chart: Any, width: Any, height: Any) -> DeltaGenerator:
    return emit(kind, {"chart": chart, "width": width, "height": height})[1]


def _unshown(kind: str, where: str, problem: Exception, how: str) -> DeltaGenerator:
    message = f"{where}: the terminal does not draw {problem}. {how}"
    return emit("notice", {"call": where, "message": message})[1]


def _from_png(kind: str, png: bytes, width: Any) -> DeltaGenerator:
    shot = picture(png)
    return emit("image", {"pictures": (shot,), "width": width if width is not None else "stretch", "alt": kind})[1]


def _vega(kind: str, where: str, spec: dict[str, Any], datasets: dict[str, Any], width: Any,
          height: Any) -> DeltaGenerator:
    from termlit.common import vegalite  # lazy: numpy and pandas load with the first chart
    from termlit.common.specs import Unsupported  # lazy: as above

    try:
        return _show(kind, vegalite.translate(spec, datasets), width, height)
    except Unsupported as problem:
        try:
            import vl_convert  # lazy: optional renderer for what the translation does not cover
        except ImportError:
            return _unshown(kind, where, problem, 'pip install "termlit-tui[pictures]" draws it as a picture.')
        return _from_png(kind, vl_convert.vegalite_to_png(_inline(spec, datasets), scale=1), width)


def _inline(spec: dict[str, Any], datasets: dict[str, Any]) -> dict[str, Any]:
    """The spec with named frames put back as inline values (for vl-convert)."""
    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            data = node.get("data")
            out = {k: walk(v) for k, v in node.items() if k != "data"}
            if isinstance(data, dict) and data.get("name") in datasets:
                frame = datasets[data["name"]]
                out["data"] = {"values": frame.to_dict("records") if hasattr(frame, "to_dict") else frame}
            elif data is not None:
                out["data"] = walk(data)
            return out
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(spec)


def _selection(on_select: Any, empty: dict[str, Any]) -> Any:
    from termlit.common.specs import SelectionState  # lazy: numpy loads with the first chart

    return SelectionState(selection=SelectionState(empty)) if on_select != "ignore" else None


def _altair_spec(chart: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The chart's spec, with each DataFrame it holds named instead of
    written out (a million rows stay a frame)."""
    import altair as alt  # lazy: the user's chart is an Altair chart, so Altair is there

    frames: dict[str, Any] = {}

    def keep(data: Any) -> dict[str, str]:
        name = f"termlit_{len(frames)}"
        frames[name] = data
        return {"name": name}

    with _altair_lock:
        registry = alt.data_transformers
        if "termlit" not in registry.names():
            registry.register("termlit", lambda data: _holder.keep(data))
        _holder.keep = keep
        with registry.enable("termlit"):
            spec = chart.to_dict(validate=False)
    return spec, frames


class _Holder:
    keep: Any = None


_holder = _Holder()


@api
def altair_chart(
    altair_chart: Any,
    *,
    width: Any = None,
    height: Any = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
) -> Any:
    """Draw an Altair chart as a terminal chart (see the module docstring)."""
    _check("st.altair_chart", width, height, on_select)
    spec, frames = _altair_spec(altair_chart)
    handle = _vega("altair_chart", "st.altair_chart", spec, frames, width, height)
    return _selection(on_select, {}) or handle


@api
def vega_lite_chart(
    data: Any = None,
    spec: dict[str, Any] | None = None,
    *,
    width: Any = None,
    height: Any = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
    **kwargs: Any,
) -> Any:
    """Draw a Vega-Lite spec (``data`` a frame, or in the spec) as a terminal chart."""
    _check("st.vega_lite_chart", width, height, on_select)
    if spec is None and isinstance(data, dict):
        data, spec = None, data
    if spec is None:
        raise StreamlitAPIException("st.vega_lite_chart: give a spec (a dict).")
    spec = {**spec, **kwargs}
    datasets: dict[str, Any] = {}
    if data is not None:
        datasets["termlit_data"] = to_dataframe(data)
        spec = {**spec, "data": {"name": "termlit_data"}}
    handle = _vega("vega_lite_chart", "st.vega_lite_chart", spec, datasets, width, height)
    return _selection(on_select, {}) or handle


@api
def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool | None = None,
    *,
    width: Any = "stretch",
    height: Any = "content",
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    selection_mode: Any = ("points", "box", "lasso"),
    config: dict[str, Any] | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> Any:
    """Draw a Plotly figure as a terminal chart: scatter/line, bar, histogram,
    box, heatmap, pie (as bars of shares) and candlestick traces."""
    _check("st.plotly_chart", width, height, on_select)
    from termlit.common import plotly as plotly_spec  # lazy: numpy and pandas load with the first chart
    from termlit.common.specs import Unsupported  # lazy: as above

    empty = {"points": [], "point_indices": [], "box": [], "lasso": []}
    try:
        handle = _show("plotly_chart", plotly_spec.translate(plotly_spec.figure_dict(figure_or_data)), width, height)
    except Unsupported as problem:
        png = plotly_spec.rasterise(figure_or_data)
        if png is None:
            handle = _unshown("plotly_chart", "st.plotly_chart", problem,
                              "Installing kaleido draws it as a picture.")
        else:
            handle = _from_png("plotly_chart", png, width)
    return _selection(on_select, empty) or handle


@api
def echarts_chart(
    spec: dict[str, Any],
    *,
    width: Any = "stretch",
    height: Any = "content",
    theme: str | None = "streamlit",
    key: Any = None,
    on_select: Any = "ignore",
    renderer: str = "canvas",
    alt: str | None = None,
) -> Any:
    """Draw an ECharts option dict (line, bar, scatter, pie, heatmap series)
    as a terminal chart."""
    _check("st.echarts_chart", width, height, on_select)
    from termlit.common import echarts as echarts_spec  # lazy: numpy loads with the first chart
    from termlit.common.specs import Unsupported  # lazy: as above

    try:
        handle = _show("echarts_chart", echarts_spec.translate(spec), width, height)
    except Unsupported as problem:
        handle = _unshown("echarts_chart", "st.echarts_chart", problem, "")
    return _selection(on_select, {"selected": [], "areas": []}) or handle
