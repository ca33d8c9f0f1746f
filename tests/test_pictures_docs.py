"""The examples in Streamlit's own API reference for each picture call draw
something (no notice, no error) — ported here as they are written there."""

from __future__ import annotations

import textwrap

import pytest
from PIL import Image

from termlit.testing import AppTest

pytest.importorskip("matplotlib")
pytest.importorskip("plotly")
pytest.importorskip("altair")


def run(script: str):
    """Run a doc example (``import streamlit as st`` loads termlit, as under
    ``termlit run``)."""
    from termlit.compat import streamlit_alias

    with streamlit_alias():
        at = AppTest.from_string(textwrap.dedent(script), default_timeout=60)
        at.run()
    assert not at.exception, at.exception[0].value if at.exception else ""
    assert not at.get("notice"), [n.props["message"] for n in at.get("notice")]
    return at


def test_image(tmp_path, monkeypatch):
    Image.new("RGB", (64, 40), (240, 160, 60)).save(tmp_path / "sunrise.jpg")
    monkeypatch.chdir(tmp_path)
    at = run("""
        import streamlit as st
        st.image(
            "sunrise.jpg",
            caption="Sunrise by the mountains",
            alt="Sunrise over a mountain ridge",
        )
    """)
    (shown,) = at.get("image")
    assert shown.props["pictures"][0].size == (64, 40)
    assert shown.props["pictures"][0].caption == "Sunrise by the mountains"


def test_logo(tmp_path, monkeypatch):
    images = tmp_path / "images"
    images.mkdir()
    for name, color in (("horizontal_red", "red"), ("icon_red", "red"), ("horizontal_blue", "blue"),
                        ("icon_blue", "blue")):
        Image.new("RGB", (40, 10), color).save(images / f"{name}.png")
    monkeypatch.chdir(tmp_path)
    at = run("""
        import streamlit as st

        HORIZONTAL_RED = "images/horizontal_red.png"
        ICON_RED = "images/icon_red.png"
        HORIZONTAL_BLUE = "images/horizontal_blue.png"
        ICON_BLUE = "images/icon_blue.png"

        options = [HORIZONTAL_RED, ICON_RED, HORIZONTAL_BLUE, ICON_BLUE]
        sidebar_logo = st.selectbox("Sidebar logo", options, 0)
        main_body_logo = st.selectbox("Main body logo", options, 1)

        st.logo(sidebar_logo, icon_image=main_body_logo)
        st.sidebar.markdown("Hi!")
    """)
    assert at.get("logo")[0].props["pictures"][0].size == (40, 10)


def test_pyplot():
    at = run("""
        import matplotlib.pyplot as plt
        import streamlit as st
        from numpy.random import default_rng as rng

        arr = rng(0).normal(1, 1, size=100)
        fig, ax = plt.subplots()
        ax.hist(arr, bins=20)

        st.pyplot(fig, alt="Histogram of sample values, roughly normal")
    """)
    (shown,) = at.get("image")
    full, cells = shown.props["pictures"][0], shown.props["cell_pictures"][0]
    assert full.size == (640, 480) and "x:" in cells.caption and "y:" in cells.caption


def test_altair_chart():
    at = run("""
        import altair as alt
        import pandas as pd
        import streamlit as st
        from numpy.random import default_rng as rng

        df = pd.DataFrame(rng(0).standard_normal((60, 3)), columns=["a", "b", "c"])

        chart = (
            alt.Chart(df)
            .mark_circle()
            .encode(x="a", y="b", size="c", color="c", tooltip=["a", "b", "c"])
        )

        st.altair_chart(chart, alt="Scatter plot of a vs b sized by c")
    """)
    panel = at.get("altair_chart")[0].props["chart"].panels[0]
    assert panel.kind == "scatter" and sum(len(s.x) for s in panel.data.series) == 60
    assert len(panel.data.series) == 5  # a quantitative colour in five ranges


def test_vega_lite_chart():
    at = run("""
        import pandas as pd
        import streamlit as st
        from numpy.random import default_rng as rng

        df = pd.DataFrame(rng(0).standard_normal((60, 3)), columns=["a", "b", "c"])

        st.vega_lite_chart(
            df,
            {
                "mark": {"type": "circle", "tooltip": True},
                "encoding": {
                    "x": {"field": "a", "type": "quantitative"},
                    "y": {"field": "b", "type": "quantitative"},
                    "size": {"field": "c", "type": "quantitative"},
                    "color": {"field": "c", "type": "quantitative"},
                },
            },
            alt="Scatter plot of a vs b sized by c",
        )
    """)
    assert at.get("vega_lite_chart")[0].props["chart"].points == 60


def test_plotly_chart_distplot():
    pytest.importorskip("scipy")
    import plotly.figure_factory as ff

    if not hasattr(ff, "create_distplot"):
        pytest.skip("this Plotly has no figure_factory.create_distplot (the example needs Plotly < 6)")
    at = run("""
        import plotly.figure_factory as ff
        import streamlit as st
        from numpy.random import default_rng as rng

        hist_data = [
            rng(0).standard_normal(200) - 2,
            rng(1).standard_normal(200),
            rng(2).standard_normal(200) + 2,
        ]
        group_labels = ["Group 1", "Group 2", "Group 3"]

        fig = ff.create_distplot(
            hist_data, group_labels, bin_size=[0.1, 0.25, 0.5]
        )

        st.plotly_chart(
            fig, alt="Distribution of three groups of random samples"
        )
    """)
    distplot = at.get("plotly_chart")[0].props["chart"]
    assert len(distplot.panels) == 2  # histograms with their curves, and the rug below


def test_plotly_chart_config():
    at = run("""
        import plotly.graph_objects as go
        import streamlit as st

        fig = go.Figure()
        fig.add_trace(
            go.Scatter(
                x=[1, 2, 3, 4, 5],
                y=[1, 3, 2, 5, 4]
            )
        )

        st.plotly_chart(fig, config = {'scrollZoom': False})
    """)
    line = at.get("plotly_chart")[0].props["chart"]
    assert line.panels[0].data.series[0].y.tolist() == [1, 3, 2, 5, 4]


ECHARTS = [
    """
    import streamlit as st

    st.echarts_chart(
        {
            "xAxis": {"type": "category", "data": ["A", "B", "C", "D", "E"]},
            "yAxis": {"type": "value"},
            "series": [{"type": "bar", "data": [5, 20, 36, 10, 10]}],
        },
        alt="Bar chart of categories A through E",
    )
    """,
    """
    import pandas as pd
    import streamlit as st

    df = pd.DataFrame(
        {
            "product": ["Matcha", "Milk Tea", "Cocoa"],
            "2015": [43.3, 83.1, 86.4],
            "2016": [85.8, 73.4, 65.2],
        }
    )

    st.echarts_chart(
        {
            "legend": {},
            "tooltip": {},
            "dataset": {"source": df},
            "xAxis": {"type": "category"},
            "yAxis": {},
            "series": [{"type": "bar"}, {"type": "bar"}],
        }
    )
    """,
    """
    import pandas as pd
    import streamlit as st

    df = pd.DataFrame(
        {
            "quarter": ["Q1", "Q2", "Q3", "Q4"],
            "Revenue": [820, 932, 901, 934],
            "Cost": [500, 610, 550, 700],
        }
    )

    st.echarts_chart(
        {
            "legend": {"top": 28},
            "tooltip": {"trigger": "axis"},
            "toolbox": {
                "left": 0,
                "feature": {
                    "magicType": {"type": ["line", "bar"]},
                    "restore": {},
                },
            },
            "dataZoom": [{"type": "inside"}, {"type": "slider"}],
            "dataset": {"source": df},
            "xAxis": {"type": "category"},
            "yAxis": {"type": "value"},
            "series": [{"type": "line"}, {"type": "bar"}],
        }
    )
    """,
    """
    import pandas as pd
    import streamlit as st

    df = pd.DataFrame(
        {
            "day": ["Mon", "Tue", "Wed", "Thu", "Fri"],
            "sales": [120, 200, 150, 80, 70],
        }
    )

    event = st.echarts_chart(
        {
            "dataset": {"source": df},
            "xAxis": {"type": "category"},
            "yAxis": {"type": "value"},
            "series": [{"type": "bar", "selectedMode": "multiple"}],
        },
        key="sales",
        on_select="rerun",
    )

    rows = [
        i for group in event.selection.selected for i in group["data_indices"]
    ]
    st.dataframe(df.iloc[rows])
    """,
]


@pytest.mark.parametrize("script", ECHARTS, ids=["bar", "dataset", "zoom-toolbox", "selection"])
def test_echarts_chart(script):
    at = run(script)
    (chart,) = (node.props["chart"] for node in at.get("echarts_chart"))
    assert chart.panels[0].data.series


def test_map_all_three_examples():
    at = run("""
        import pandas as pd
        import streamlit as st
        from numpy.random import default_rng as rng

        df = pd.DataFrame(
            rng(0).standard_normal((1000, 2)) / [50, 50] + [37.76, -122.4],
            columns=["lat", "lon"],
        )

        st.map(df, alt="Sample points near San Francisco")
        st.map(df, size=20, color="#0044ff")

        df = pd.DataFrame(
            {
                "col1": rng(0).standard_normal(1000) / 50 + 37.76,
                "col2": rng(1).standard_normal(1000) / 50 + -122.4,
                "col3": rng(2).standard_normal(1000) * 100,
                "col4": rng(3).standard_normal((1000, 4)).tolist(),
            }
        )

        st.map(df, latitude="col1", longitude="col2", size="col3", color="col4")
    """)
    plain, blue, coloured = (node.props["chart"] for node in at.get("map"))
    points = plain.panels[0].data.series[1]
    assert len(points.x) == 1000 and points.color == "#ff4b4b"
    assert blue.panels[0].data.series[1].color == "#0044ff"
    assert len(coloured.panels[0].data.series) > 2  # one series per colour of col4


def test_pydeck_chart():
    pytest.importorskip("pydeck")
    at = run("""
        import pandas as pd
        import pydeck as pdk
        import streamlit as st
        from numpy.random import default_rng as rng

        df = pd.DataFrame(
            rng(0).standard_normal((1000, 2)) / [50, 50] + [37.76, -122.4],
            columns=["lat", "lon"],
        )

        st.pydeck_chart(
            pdk.Deck(
                map_style=None,  # Use Streamlit theme to pick map style
                initial_view_state=pdk.ViewState(
                    latitude=37.76,
                    longitude=-122.4,
                    zoom=11,
                    pitch=50,
                ),
                layers=[
                    pdk.Layer(
                        "HexagonLayer",
                        data=df,
                        get_position="[lon, lat]",
                        radius=200,
                        elevation_scale=4,
                        elevation_range=[0, 1000],
                        pickable=True,
                        extruded=True,
                    ),
                    pdk.Layer(
                        "ScatterplotLayer",
                        data=df,
                        get_position="[lon, lat]",
                        get_color="[200, 30, 0, 160]",
                        get_radius=200,
                    ),
                ],
            ),
            alt="Hexagon and scatter map of sample points near San Francisco",
        )
    """)
    chart = at.get("pydeck_chart")[0].props["chart"]
    points = chart.panels[0].data.series[1]
    assert len(points.x) == 1000 and points.color == "#c81e00"
    assert chart.notes == ["The HexagonLayer layer is not drawn in the terminal."]


def test_graphviz_chart_object_and_dot():
    pytest.importorskip("graphviz")
    at = run('''
        import streamlit as st
        import graphviz

        # Create a graphlib graph object
        graph = graphviz.Digraph()
        graph.edge("run", "intr")
        graph.edge("intr", "runbl")
        graph.edge("runbl", "run")
        graph.edge("run", "kernel")
        graph.edge("kernel", "zombie")
        graph.edge("kernel", "sleep")
        graph.edge("kernel", "runmem")
        graph.edge("sleep", "swap")
        graph.edge("swap", "runswap")
        graph.edge("runswap", "new")
        graph.edge("runswap", "runmem")
        graph.edge("new", "runmem")
        graph.edge("sleep", "runmem")

        st.graphviz_chart(graph, alt="Flow chart of process states")

        st.graphviz_chart("""
            digraph {
                run -> intr
                intr -> runbl
                runbl -> run
                run -> kernel
                kernel -> zombie
                kernel -> sleep
                kernel -> runmem
                sleep -> swap
                swap -> runswap
                runswap -> new
                runswap -> runmem
                new -> runmem
                sleep -> runmem
            }
        """)
    ''')
    first, second = at.get("diagram")
    drawn = ["".join(ch for ch, _ in row) for row in first.props["rows"]]
    for name in ("run", "intr", "runbl", "kernel", "zombie", "sleep", "swap", "runswap", "new", "runmem"):
        assert any(f"│ {name} │" in line for line in drawn), name
    assert first.props["rows"] == second.props["rows"]


def test_mermaid_chart():
    at = run("""
        import streamlit as st

        st.mermaid_chart(
            '''
            graph LR
                A[Start] --> B{Decision}
                B -->|Yes| C[OK]
                B -->|No| D[Cancel]
            ''',
            alt="Decision flow from start to cancel",
        )
    """)
    drawn = "\n".join("".join(ch for ch, _ in row) for row in at.get("diagram")[0].props["rows"])
    for text in ("Start", "Decision", "OK", "Cancel", "Yes", "No", "▶"):
        assert text in drawn


def test_media_examples(tmp_path, monkeypatch):
    (tmp_path / "cat-purr.mp3").write_bytes(b"ID3" + b"\x00" * 100)
    (tmp_path / "myaudio.ogg").write_bytes(b"OggS" + b"\x00" * 50)
    (tmp_path / "myvideo.mp4").write_bytes(b"\x00" * 2048)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n")
    monkeypatch.chdir(tmp_path)
    at = run("""
        import numpy as np
        import streamlit as st

        st.audio("cat-purr.mp3", format="audio/mpeg", loop=True, alt="A cat purring contentedly")
        audio_file = open("myaudio.ogg", "rb")
        audio_bytes = audio_file.read()
        st.audio(audio_bytes, format="audio/ogg")
        sample_rate = 44100  # 44100 samples per second
        seconds = 2  # Note duration of 2 seconds
        frequency_la = 440  # Our played note will be 440 Hz
        t = np.linspace(0, seconds, seconds * sample_rate, False)
        note_la = np.sin(frequency_la * t * 2 * np.pi)
        st.audio(note_la, sample_rate=sample_rate)

        video_file = open("myvideo.mp4", "rb")
        video_bytes = video_file.read()
        st.video(video_bytes, alt="A timelapse of a city skyline at sunset")
        st.video("https://example.com/not-youtube.mp4", subtitles="subtitles.vtt")

        st.pdf("report.pdf", alt="Q3 2026 financial report")
        st.html(
            "<p><span style='text-decoration: line-through double red;'>Oops</span>!</p>"
        )
        picture = st.camera_input("Take a picture")
        if picture:
            st.image(picture)
        audio_value = st.audio_input("Record a voice message")
        if audio_value:
            st.audio(audio_value)
    """)
    media = [node.props for node in at.get("media")]
    assert [m["media"] for m in media] == ["audio", "audio", "audio", "video", "video", "pdf"]
    assert media[0]["name"] == "cat-purr.mp3" and media[0]["mime"] == "audio/mpeg" and media[0]["size"] == 103
    assert media[2]["seconds"] == pytest.approx(2.0)
    assert media[4]["url"] == "https://example.com/not-youtube.mp4" and media[4]["data"] is None
    assert media[5]["pages"] == 1
    assert at.html[0].value.startswith("<p><span") and at.html[0].props["body"] == "Oops!"
    assert [w.label for w in [*at.camera_input, *at.audio_input]] == ["Take a picture", "Record a voice message"]
