"""Charts of other libraries as termlit's chart data: the Vega-Lite grammar,
Plotly traces, ECharts series, maps and diagrams; and what is not covered."""

from __future__ import annotations

import re
import sys

import numpy as np
import pandas as pd
import pytest

from termlit.common import echarts, plotly, vegalite
from termlit.common.chartdata import chart_data
from termlit.common.diagrams import Unreadable, draw, parse_dot, parse_mermaid
from termlit.common.maps import basemap, map_chart
from termlit.common.specs import Unsupported
from termlit.testing import AppTest
from termlit.tui._plot import draw_chart

SALES = pd.DataFrame({"day": ["Mon", "Tue", "Mon", "Tue", "Wed", "Wed"], "shop": list("aabbab"),
                      "units": [3, 5, 4, 1, 2, 6]})


def unit(mark, encoding, data=SALES, **more):
    return vegalite.translate({"mark": mark, "encoding": encoding, "data": {"name": "d"}, **more}, {"d": data})


def test_bars_sum_per_category_stack_by_colour_and_group_with_an_offset():
    chart = unit("bar", {"x": {"field": "day", "type": "nominal"}, "y": {"field": "units", "aggregate": "sum"},
                         "color": {"field": "shop"}})
    panel = chart.panels[0]
    assert panel.kind == "bar" and panel.stack and panel.data.categories == ["Mon", "Tue", "Wed"]
    a, b = panel.data.series
    assert (a.name, b.name) == ("a", "b")
    assert dict(zip(a.x.tolist(), a.y.tolist())) == {0.0: 3.0, 1.0: 5.0, 2.0: 2.0}
    grouped = unit("bar", {"x": {"field": "day"}, "y": {"field": "units", "aggregate": "sum"},
                           "color": {"field": "shop"}, "xOffset": {"field": "shop"}})
    assert grouped.panels[0].stack is False


def test_a_category_on_y_lays_bars_flat():
    panel = unit("bar", {"y": {"field": "day", "type": "nominal"}, "x": {"field": "units", "aggregate": "mean"}})
    (series,) = panel.panels[0].data.series
    assert panel.panels[0].horizontal and series.y.tolist() == [3.5, 3.0, 4.0]


def test_aggregates_count_median_min_max_distinct():
    def values(aggregate, field="units"):
        chart = unit("bar", {"x": {"field": "day"}, "y": {"field": field, "aggregate": aggregate}})
        return chart.panels[0].data.series[0].y.tolist()

    assert values("count", None) == [2, 2, 2]
    assert values("median") == [3.5, 3.0, 4.0]
    assert values("min") == [3, 1, 2] and values("max") == [4, 5, 6]
    assert values("distinct", "shop") == [2, 2, 2]
    with pytest.raises(Unsupported, match="the aggregate 'variance'"):
        values("variance")


def test_bin_counts_values_into_nice_steps():
    data = pd.DataFrame({"v": [0.5, 1.2, 1.9, 2.1, 7.5, 9.9]})
    chart = unit("bar", {"x": {"field": "v", "bin": {"maxbins": 5}}, "y": {"aggregate": "count"}}, data)
    (series,) = chart.panels[0].data.series
    assert dict(zip(series.x.tolist(), series.y.tolist())) == {0.0: 3.0, 2.0: 1.0, 6.0: 1.0, 8.0: 1.0}


def test_time_units_truncate_or_name_parts_of_dates():
    data = pd.DataFrame({"when": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-02"]), "v": [1, 2, 3]})
    monthly = unit("line", {"x": {"field": "when", "timeUnit": "yearmonth", "type": "temporal"},
                            "y": {"field": "v", "aggregate": "sum"}}, data)
    assert monthly.panels[0].data.x_kind == "datetime" and monthly.panels[0].data.series[0].y.tolist() == [3, 3]
    names = unit("bar", {"x": {"field": "when", "timeUnit": "month"}, "y": {"field": "v", "aggregate": "sum"}}, data)
    assert names.panels[0].data.categories == ["Jan", "Mar"]


def test_layers_share_the_axis_and_a_rule_spans_them():
    spec = {"data": {"name": "d"}, "layer": [
        {"mark": "line", "encoding": {"x": {"field": "x"}, "y": {"field": "y"}}},
        {"mark": "point", "encoding": {"x": {"field": "x"}, "y": {"field": "y"}}},
        {"mark": "rule", "encoding": {"y": {"field": "y", "aggregate": "mean"}}},
    ]}
    data = pd.DataFrame({"x": [0, 1, 2, 3], "y": [1.0, 3.0, 2.0, 6.0]})
    (panel,) = vegalite.translate(spec, {"d": data}).panels
    line, points, rule = panel.data.series
    assert (line.mark, points.mark, rule.mark) == (None, "scatter", "line")
    assert rule.x.tolist() == [0, 3] and rule.y.tolist() == [3.0, 3.0]


def test_facets_and_concatenations_are_small_multiples():
    faceted = unit("bar", {"x": {"field": "day"}, "y": {"field": "units"}, "column": {"field": "shop"}})
    assert [p.title for p in faceted.panels] == ["shop = a", "shop = b"] and faceted.columns == 2
    spec = {"data": {"name": "d"}, "vconcat": [{"mark": "bar", "encoding": {"x": {"field": "day"}, "y": {"field": "units"}}},
                                              {"mark": "point", "encoding": {"x": {"field": "day"}, "y": {"field": "units"}}}]}
    stacked = vegalite.translate(spec, {"d": SALES})
    assert len(stacked.panels) == 2 and stacked.columns == 1


def test_inline_values_and_filters():
    spec = {"data": {"values": [{"k": "a", "v": 1}, {"k": "b", "v": 5}, {"k": "c", "v": 9}]},
            "transform": [{"filter": {"field": "v", "gte": 5}}],
            "mark": "bar", "encoding": {"x": {"field": "k"}, "y": {"field": "v"}}}
    assert vegalite.translate(spec).panels[0].data.categories == ["b", "c"]


def test_what_is_outside_the_grammar_is_named():
    with pytest.raises(Unsupported, match="the mark 'arc'"):
        unit("arc", {"theta": {"field": "units"}})
    with pytest.raises(Unsupported, match="the transform 'calculate'"):
        unit("bar", {"x": {"field": "day"}}, transform=[{"calculate": "datum.units * 2", "as": "u2"}])
    with pytest.raises(Unsupported, match="data from a URL"):
        vegalite.translate({"data": {"url": "cars.json"}, "mark": "point"})


def test_an_unsupported_spec_is_a_notice_or_with_vl_convert_a_picture(monkeypatch):
    script = """
    import altair as alt
    import pandas as pd
    import termlit as st
    st.altair_chart(alt.Chart(pd.DataFrame({"v": [1, 2, 3]})).mark_arc().encode(theta="v"))
    """
    with monkeypatch.context() as patched:
        patched.setitem(sys.modules, "vl_convert", None)  # as if the extra were not installed
        at = AppTest.from_string(script, default_timeout=30).run()
    (notice,) = at.get("notice")
    assert "does not draw the mark 'arc'" in notice.props["message"] and "termlit-tui[pictures]" in notice.props["message"]
    pytest.importorskip("vl_convert")
    at = AppTest.from_string(script, default_timeout=60).run()
    assert not at.get("notice") and at.get("image")[0].props["pictures"][0].size[0] > 50


def test_an_altair_scatter_of_many_points_lights_the_same_cells_as_st_scatter_chart():
    pytest.importorskip("altair")
    import altair as alt

    rng = np.random.default_rng(5)
    frame = pd.DataFrame({"a": rng.normal(size=200_000), "b": rng.normal(size=200_000)})
    at = AppTest.from_string("", default_timeout=30)
    del at
    from termlit.elements.vega import _altair_spec

    spec, frames = _altair_spec(alt.Chart(frame).mark_point().encode(x="a", y="b"))
    assert frames["termlit_0"] is frame  # the frame is named, not written out
    panel = vegalite.translate(spec, frames).panels[0]
    ours = draw_chart("scatter", panel.data, panel.props, 80, 20)
    theirs = draw_chart("scatter", chart_data({"chart": "scatter", "data": frame, "x": "a", "y": "b"}),
                        {"chart": "scatter", "data": frame, "x": "a", "y": "b"}, 80, 20)

    def dots(text: str) -> list[str]:
        return [re.sub(r"[^\u2800-\u28ff]", " ", re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in text.splitlines()]

    assert dots(ours) == dots(theirs) and any(line.strip() for line in dots(ours))


# -- Plotly ---------------------------------------------------------------------------


def test_plotly_traces_become_series_with_titles_and_names():
    figure = {
        "data": [
            {"type": "bar", "x": ["a", "b"], "y": [3, 4], "name": "2023"},
            {"type": "bar", "x": ["a", "b"], "y": [5, 1], "name": "2024"},
            {"type": "scatter", "x": ["a", "b"], "y": [4, 2], "mode": "lines", "name": "mean"},
        ],
        "layout": {"title": {"text": "Sales"}, "barmode": "stack", "xaxis": {"title": {"text": "shop"}},
                   "yaxis": {"title": {"text": "units"}}},
    }
    chart = plotly.translate(figure)
    (panel,) = chart.panels
    assert chart.title == "Sales" and panel.kind == "bar" and panel.stack
    assert [s.name for s in panel.data.series] == ["2023", "2024", "mean"] and panel.data.series[2].mark == "line"
    assert (panel.data.x_title, panel.data.y_title) == ("shop", "units")


def test_plotly_histogram_box_pie_heatmap_and_candlestick():
    values = np.arange(100.0)
    (hist,) = plotly.translate({"data": [{"type": "histogram", "x": values, "nbinsx": 4}]}).panels
    assert hist.data.series[0].y.tolist() == [25, 25, 25, 25]
    (box,) = plotly.translate({"data": [{"type": "box", "y": values, "name": "v"}]}).panels
    assert box.data.series[1].y.tolist() == [24.75, 49.5, 74.25]
    (pie,) = plotly.translate({"data": [{"type": "pie", "labels": ["x", "y"], "values": [1, 3]}]}).panels
    assert pie.data.series[0].y.tolist() == [25.0, 75.0] and pie.data.categories == ["x", "y"]
    (heat,) = plotly.translate({"data": [{"type": "heatmap", "z": [[1, 2], [3, 4]], "x": ["p", "q"]}]}).panels
    assert heat.grid.tolist() == [[1, 2], [3, 4]] and heat.grid_x == ["p", "q"]
    (candles,) = plotly.translate({"data": [{"type": "candlestick", "x": [1, 2], "open": [1, 2], "high": [3, 4],
                                             "low": [0, 1], "close": [2, 3]}]}).panels
    assert [s.name for s in candles.data.series] == ["trace 0 close", "trace 0 high", "trace 0 low"]
    with pytest.raises(Unsupported, match="the trace type 'scatter3d'"):
        plotly.translate({"data": [{"type": "scatter3d", "x": [1], "y": [1], "z": [1]}]})


def test_plotly_on_select_returns_streamlits_empty_event():
    pytest.importorskip("plotly")
    at = AppTest.from_string("""
        import plotly.graph_objects as go
        import termlit as st
        event = st.plotly_chart(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])), on_select="rerun", key="p")
        st.text(repr((event.selection.points, event["selection"]["box"], sorted(event.selection))))
    """).run()
    assert at.text[0].value == "([], [], ['box', 'lasso', 'point_indices', 'points'])"


# -- ECharts --------------------------------------------------------------------------


def test_echarts_pie_heatmap_stacks_and_pairs():
    (pie,) = echarts.translate({"series": [{"type": "pie", "data": [{"value": 1, "name": "a"},
                                                                    {"value": 1, "name": "b"}]}]}).panels
    assert pie.kind == "bar" and pie.data.series[0].y.tolist() == [50.0, 50.0]
    (heat,) = echarts.translate({"xAxis": {"type": "category", "data": ["a", "b"]},
                                 "yAxis": {"type": "category", "data": ["x"]},
                                 "series": [{"type": "heatmap", "data": [[0, 0, 5], [1, 0, 7]]}]}).panels
    assert heat.grid.tolist() == [[5, 7]]
    stacked = echarts.translate({"xAxis": {"data": ["a", "b"]}, "series": [
        {"type": "bar", "stack": "t", "data": [1, 2]}, {"type": "bar", "stack": "t", "data": [3, 4]}]})
    assert stacked.panels[0].stack
    (scatter,) = echarts.translate({"series": [{"type": "scatter", "data": [[1, 2], [3, 4]]}]}).panels
    assert scatter.kind == "scatter" and scatter.data.series[0].x.tolist() == [1, 3]
    with pytest.raises(Unsupported, match="the series type 'sankey'"):
        echarts.translate({"series": [{"type": "sankey"}]})


# -- maps -----------------------------------------------------------------------------


def test_the_basemap_is_shipped_and_a_map_zooms_to_its_points():
    rings = basemap()
    assert len(rings) == 287 and sum(len(r) for r in rings) == 10560
    chart = map_chart(np.array([2.3, 2.4]), np.array([48.8, 48.9]))
    coast, points = chart.panels[0].data.series
    assert points.x.tolist() == [2.3, 2.4]
    assert coast.x.min() >= 1.0 and coast.x.max() <= 3.7  # zoomed to Paris, not the world
    world = map_chart(np.array([-120.0, 140.0]), np.array([40.0, -30.0]))
    assert world.panels[0].data.series[0].x.min() < -100 and len(world.panels[0].data.series[0].x) > 1000


def test_map_colour_columns_and_errors():
    at = AppTest.from_string("""
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"LAT": [1.0, 2.0, 3.0], "LON": [1.0, 2.0, 3.0], "c": ["#ff0000", "#00ff00", "#ff0000"]})
        st.map(df, color="c")
        st.map(pd.DataFrame({"x": [1]}))
    """).run()
    series = at.get("map")[0].props["chart"].panels[0].data.series[1:]
    assert [(s.color, len(s.x)) for s in series] == [("#ff0000", 2), ("#00ff00", 1)]
    assert "needs a latitude column" in at.exception[0].value


# -- diagrams -------------------------------------------------------------------------


def _text(rows) -> str:
    return "\n".join("".join(ch for ch, _ in row) for row in rows)


def test_dot_labels_chains_and_direction():
    graph = parse_dot('digraph G { rankdir=LR; a [label="Start here"]; a -> b -> c [label="go"]; // note\n }')
    assert graph.direction == "LR" and graph.nodes["a"].label == "Start here"
    assert graph.edges == [("a", "b", "go"), ("b", "c", "go")]
    drawn = _text(draw(graph))
    assert "│ Start here │" in drawn and "▶" in drawn and "go" in drawn
    undirected = parse_dot("graph { x -- y }")
    assert not undirected.directed and undirected.edges == [("x", "y", "")]


def test_mermaid_shapes_and_links():
    graph = parse_mermaid("flowchart TD\n  A((Round)) -.-> B{Choose}\n  B -- maybe --> C[Box]; C ==> A")
    assert [graph.nodes[n].shape for n in "ABC"] == ["round", "decision", "box"]
    assert ("B", "C", "maybe") in graph.edges and ("C", "A", "") in graph.edges
    drawn = _text(draw(graph))
    assert "╭" in drawn and "▼" in drawn and "▲" in drawn  # the cycle C -> A points back up
    with pytest.raises(Unreadable, match="sequenceDiagram"):
        parse_mermaid("sequenceDiagram\n  A->>B: hi")


def test_a_diagram_that_cannot_be_read_is_shown_as_its_source():
    at = AppTest.from_string('import termlit as st\nst.mermaid_chart("pie title Pets\\n  \\"Dogs\\" : 3")').run()
    assert not at.exception and not at.get("diagram")
    assert "does not draw Mermaid pie diagrams" in at.caption[0].value
    assert at.code[0].value.startswith("pie title Pets")


def test_st_write_draws_charts_figures_and_images():
    pytest.importorskip("altair")
    pytest.importorskip("matplotlib")
    at = AppTest.from_string("""
        import altair as alt
        import matplotlib.figure
        import pandas as pd
        from PIL import Image
        import termlit as st
        figure = matplotlib.figure.Figure()
        figure.add_subplot().plot([1, 2, 3])
        st.write(alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a", y="a"), figure,
                 Image.new("RGB", (4, 4)))
    """, default_timeout=30).run()
    assert not at.exception
    assert len(at.get("altair_chart")) == 1 and len(at.get("image")) == 2
