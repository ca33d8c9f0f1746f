"""Charts: data semantics in AppTest, the binned picture, and the UI."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from rich.text import Text
from conftest import EXAMPLES, run_async, running, settle

from termlit.common.chartdata import axis_limits, prepare
from termlit.testing import AppTest
from termlit.testing.screen import screen_text
from termlit.tui._plot import draw_chart, dress, plotext_problem, rgb
from termlit.tui._plotext import braille_chars, new_figure

needs_plotext5 = pytest.mark.skipif(plotext_problem() is not None, reason=str(plotext_problem()))


def test_encodings_and_series_in_apptest():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        wide = pd.DataFrame({"a": [1, 2, 3], "b": [3, 2, 1]})
        long = pd.DataFrame({"x": [1, 2, 3, 4], "y": [1, 4, 9, 16], "who": ["p", "q", "p", "q"]})
        st.line_chart(wide)
        st.scatter_chart(long, x="x", y="y", color="who", size="y")
        st.scatter_chart(long, x="x", y="y", color="#ff4b4b")
        st.bar_chart(long, x="who", y="y", horizontal=True, stack=False)
        st.area_chart(wide, y=["a"], x_label="step", y_label="level")
        """
    ).run()
    assert not at.exception
    line = at.line_chart[0]
    assert line.chart_type == "line" and [s.name for s in line.series] == ["a", "b"]
    assert list(line.series[0].x) == [0, 1, 2]  # the index is x
    scatter = at.scatter_chart[0]
    assert scatter.encodings["color"] == "who" and scatter.encodings["size"] == "y"
    assert [(s.name, list(s.x)) for s in scatter.series] == [("p", [1, 3]), ("q", [2, 4])]
    assert at.scatter_chart[1].series[0].color == "#ff4b4b"
    bar = at.bar_chart[0]
    assert bar.encodings["horizontal"] is True and bar.encodings["stack"] is False
    area = at.area_chart[0]
    assert area.encodings["x_label"] == "step" and [s.name for s in area.series] == ["a"]
    assert area.value is at.area_chart[0].value


def test_a_missing_column_is_a_clear_error():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        st.line_chart(pd.DataFrame({"a": [1]}), x="nope")
        """
    ).run()
    assert "x='nope' is not a column" in at.exception[0].message


def test_dates_and_categories_on_x():
    days = pd.DataFrame({"v": [1.0, 2.0, 3.0]}, index=pd.date_range("2024-01-01", periods=3))
    data = prepare(days)
    assert data.x_kind == "datetime" and data.series[0].x[1] - data.series[0].x[0] == 86400
    fruit = pd.DataFrame({"f": ["fig", "plum", "fig"], "n": [1, 2, 3]})
    data = prepare(fruit, x="f", y="n")
    assert data.x_kind == "category" and data.categories == ["fig", "plum"]
    assert list(data.series[0].x) == [0, 1, 0]


def _plain(kind, frame, width=80, height=20):
    """Plot every point with plotext, same limits and dressing."""
    props = {"chart": kind, "data": frame, "x": "x", "y": "y"}
    data = prepare(frame, x="x", y="y")
    s = data.series[0]
    ys = [s.y] + ([np.zeros(1)] if kind == "area" else [])
    figure = new_figure(width, height)
    dress(figure, props, data, axis_limits([s.x]), axis_limits(ys), width)
    if kind == "scatter":
        figure.scatter(s.x.tolist(), s.y.tolist(), marker="braille", color=rgb(s.color))
    else:
        figure.plot(s.x.tolist(), s.y.tolist(), marker="braille", color=rgb(s.color), fillx=kind == "area")
    return draw_chart(kind, data, props, width, height), figure.build()


@needs_plotext5
def test_the_plotext_adapter_keeps_its_promises():
    """What termlit takes from plotext's private parts (tui/_plotext.py)."""
    figure = new_figure(30, 8)
    figure.scatter([0, 1], [0, 1], marker="braille")
    built = figure.build()
    lines = Text.from_ansi(built).plain.splitlines()
    assert len(lines) == 8 and {len(line) for line in lines} == {30}  # its own size, not the terminal's
    assert not re.search(r"\x1b\[[34]", built)  # the "clear" theme: no colours of its own
    assert "⠈" in lines[1] and "⡀" in lines[5]  # the two points, in braille
    assert "⠈" not in new_figure(30, 8).build()  # a new figure shares nothing with the last
    chars = braille_chars()
    assert len(chars) == 256 and chars[0] == " "  # no dot: an empty cell
    assert len(set(chars[1:])) == 255 and all("\u2800" < c <= "\u28ff" for c in chars[1:])
    # bit k is dot k, rows from the top, two dots a row
    assert [chars[1 << k] for k in range(8)] == ["⠁", "⠈", "⠂", "⠐", "⠄", "⠠", "⡀", "⢀"]


@needs_plotext5
@pytest.mark.parametrize("kind", ["scatter", "line", "area"])
def test_binned_points_light_exactly_the_dots_of_every_point(kind):
    rng = np.random.default_rng(5)
    n = 20_000
    if kind == "scatter":
        frame = pd.DataFrame({"x": rng.normal(size=n), "y": rng.normal(size=n)})
    else:
        frame = pd.DataFrame({"x": np.arange(n, dtype=float), "y": np.cumsum(rng.normal(size=n))})
    ours, plain = _plain(kind, frame)
    assert ours == plain
    ours, plain = _plain(kind, frame, 43, 11)
    assert ours == plain


@needs_plotext5
def test_colour_example_recolours_the_scatter():
    async def scenario():
        async with running(EXAMPLES / "colors.py", size=(80, 24)) as (app, pilot):
            chart = await _drawn(pilot)
            assert "⠁" in screen_text(app) or any("\u2800" <= ch <= "\u28ff" for ch in screen_text(app))
            assert _colours(chart) == {(255, 75, 75)}
            picker = next(v for v in app.main_area.views if v.element.kind == "color_picker")
            app.runner.set_widget_value(picker.element_id, "#00aa00")
            await settle(pilot)
            chart = await _drawn(pilot)
            assert _colours(chart) == {(0, 170, 0)}

    run_async(scenario())


def _colours(chart) -> set[tuple[int, int, int]]:
    found = set()
    for span in chart.picture.spans:
        color = span.style.color if hasattr(span.style, "color") else None
        if color is not None and color.triplet is not None:
            found.add(tuple(color.triplet))
    return found


async def _drawn(pilot):
    from termlit.tui.widgets._chart import ChartView

    for _ in range(300):
        views = list(pilot.app.query(ChartView))
        if views and all(v.drawn for v in views):
            return views[0]
        await pilot.pause(0.02)
    raise AssertionError("the chart was never drawn")


@needs_plotext5
def test_every_chart_kind_draws_and_redraws_on_resize(write_app):
    path = write_app(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [4, 1, 3, 2], "g": ["a", "b", "a", "b"]})
        st.line_chart(df, x="x", y="y")
        st.area_chart(df, x="x", y="y")
        st.bar_chart(df, x="g", y="y")
        st.scatter_chart(df, x="x", y="y", color="g")
        """
    )

    async def scenario():
        async with running(path, size=(80, 60)) as (app, pilot):
            from termlit.tui.widgets._chart import ChartView

            await _drawn(pilot)
            views = list(app.query(ChartView))
            assert len(views) == 4
            assert all("cannot be drawn" not in v.picture.plain for v in views)
            widths = {len(v.picture.plain.splitlines()[0]) for v in views}
            await pilot.resize_terminal(60, 60)
            await pilot.pause()
            await _drawn(pilot)
            assert {len(v.picture.plain.splitlines()[0]) for v in views} != widths
            assert "a" in views[3].picture.plain and "b" in views[3].picture.plain  # the legend

    run_async(scenario())
