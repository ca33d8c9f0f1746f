"""Text, data display and column config as Streamlit 1.67 has them, in
AppTest: what a script's call keeps, and the errors a bad value gets. Where
Streamlit's own AppTest can say the same, the test runs both."""

from __future__ import annotations

import pandas as pd
import pytest

from termlit.common.numfmt import format_number, format_number_text
from termlit.testing import AppTest
from termlit.tui.widgets._cells import cell_colors, column_alignment, format_cells


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def both(src: str):
    """The script under termlit's AppTest and under Streamlit's."""
    theirs = pytest.importorskip("streamlit.testing.v1").AppTest.from_string(src.replace("termlit", "streamlit"))
    return run(src), theirs.run()


# -- text -----------------------------------------------------------------------


def test_headings_keep_icon_alignment_and_wrap_as_streamlit_does():
    ours, theirs = both(
        """
        import termlit as st
        st.title("Hello", icon="🚀", text_alignment="center", wrap=False)
        st.header("Part", icon=":material/home:")
        st.subheader("Sub", icon="")
        """
    )
    for at in (ours, theirs):
        assert not at.exception
        assert [h.icon for h in (at.title[0], at.header[0], at.subheader[0])] == ["🚀", ":material/home:", ""]
    title = ours.title[0]
    assert (title.value, title.text_alignment, title.wrap) == ("Hello", "center", False)
    assert (ours.header[0].text_alignment, ours.header[0].wrap) == ("left", True)


def test_text_markdown_and_caption_keep_alignment_wrap_and_anchors():
    at = run(
        """
        import termlit as st
        st.text("t", text_alignment="right")
        st.markdown("# H", anchors=False, text_alignment="justify")
        st.caption("c", wrap=False)
        """
    )
    assert (at.text[0].text_alignment, at.text[0].wrap) == ("right", True)
    assert at.markdown[0].text_alignment == "justify" and at.markdown[0].props["anchors"] is False
    assert at.caption[0].wrap is False and at.caption[0].text_alignment == "left"


def test_a_bad_alignment_or_icon_says_what_to_use():
    at = run('import termlit as st\nst.text("t", text_alignment="middle")')
    assert "text_alignment='middle'" in at.exception[0].value and "'justify'" in at.exception[0].value
    at = run('import termlit as st\nst.title("t", icon="rocket")')
    assert "st.title" in at.exception[0].value and ":material/" in at.exception[0].value


def test_alerts_take_a_title():
    ours, theirs = both(
        """
        import termlit as st
        st.error("Disk full", title="Oops")
        st.info("plain")
        """
    )
    assert theirs.error[0].proto.title == "Oops" == ours.error[0].title
    assert ours.error[0].value == "Disk full" and ours.info[0].title == ""


def test_badge_is_streamlits_badge_markdown_with_help():
    ours, theirs = both(
        """
        import termlit as st
        st.badge("New [beta]", icon="✨", color="yellow", help="tip")
        """
    )
    assert ours.markdown[0].value == theirs.markdown[0].value == ":yellow-badge[✨ New \\[beta\\]]"
    assert ours.markdown[0].help == theirs.markdown[0].help == "tip"


def test_help_width_and_progress_width_by_position():
    at = run(
        """
        import termlit as st
        st.help(st.metric, width=300)
        st.progress(50, "half", 200)
        """
    )
    assert at.get("help") and at.progress[0].value == 50
    assert at.progress[0].props["width"] == 200
    at = run('import termlit as st\nst.progress(5, "x", "content")')
    assert "st.progress: width" in at.exception[0].value


# -- metric -------------------------------------------------------------------------


def test_metric_keeps_value_and_delta_as_written_and_colours_by_sign():
    script = """
        import termlit as st
        st.metric("Rev", 1234.567, delta=-12.5, format="dollar", delta_arrow="up",
                  delta_description="vs last", icon="🔥", chart_data=[1, 2, "3"])
        st.metric("Zero", 5, delta=0)
        st.metric("Off", 5, delta=3, delta_arrow="off")
        """
    ours, theirs = both(script)
    for mine, their in zip(ours.metric, theirs.metric):
        assert (mine.value, mine.delta, mine.color) == (their.value, their.delta, their.color)
    rev = ours.metric[0]
    assert (rev.format, rev.delta_description, rev.icon) == ("dollar", "vs last", "🔥")
    assert rev.delta_arrow == "up" and rev.color == 0  # the arrow is forced up; a negative delta stays red
    assert rev.chart_data == [1.0, 2.0, 3.0]
    assert ours.metric[1].delta_arrow == "off" and ours.metric[2].delta_arrow == "off"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ('st.metric("m", 1, delta_arrow="left")', "delta_arrow must be"),
        ('st.metric("m", 1, chart_type="pie")', "chart_type must be"),
        ('st.metric("m", 1, chart_data=[1, "x"])', "'x'"),
    ],
)
def test_metric_bad_options_are_named(call, words):
    at = run(f"import termlit as st\n{call}")
    assert words in at.exception[0].value


def test_number_formats_follow_the_docstring_examples():
    assert [format_number(1234.567, f) for f in ("plain", "localized", "percent", "dollar", "euro", "yen")] == [
        "1234.567", "1,234.567", "123456.70%", "$1,234.57", "€1,234.57", "¥1,235",
    ]
    assert [format_number(1234.567, f) for f in ("compact", "scientific", "engineering", "%d", "%,d", "%.2f")] == [
        "1.2K", "1.235E3", "1.235E3", "1234", "1,234", "1234.57",
    ]
    assert format_number(1234.0, "bytes") == "1.2KB" and format_number(-5, "accounting") == "(5.00)"
    assert format_number_text("+3", "%.1f") == "+3.0" and format_number_text("abc", "dollar") == "abc"


# -- tables ---------------------------------------------------------------------------


def test_table_hides_a_default_index_and_the_header_of_unnamed_data():
    at = run(
        """
        import pandas as pd
        import termlit as st
        st.table(pd.DataFrame({"a": [1, 2]}))
        st.table(pd.DataFrame({"a": [1, 2]}, index=["x", "y"]))
        st.table([[1, 2], [3, 4]])
        st.table(pd.DataFrame({"a": [1]}), hide_index=False, hide_header=True, border="horizontal",
                 alt="  ", height=100)
        """
    )
    first, named, unnamed, forced = at.table
    assert first.props["show_index"] is False and named.props["show_index"] is True
    assert first.props["hide_header"] is False and unnamed.props["hide_header"] is True
    assert forced.props["show_index"] is True and forced.props["hide_header"] is True
    assert forced.props["border"] == "horizontal" and forced.alt == "" and forced.props["height"] == 100


def test_table_border_must_be_true_false_or_horizontal():
    at = run('import termlit as st\nst.table({"a": [1]}, border="vertical")')
    assert "border must be True, False or 'horizontal'" in at.exception[0].value


def test_charts_keep_alt_and_blank_alt_is_none():
    at = run(
        """
        import termlit as st
        st.line_chart({"a": [1, 2]}, alt="Load over time")
        st.bar_chart({"a": [1, 2]}, alt="   ")
        st.area_chart({"a": [1, 2]})
        st.scatter_chart({"a": [1, 2], "b": [2, 3]}, x="a", y="b", alt="Points")
        """
    )
    assert [c.alt for c in at.get("line_chart") + at.get("bar_chart") + at.get("area_chart")] == [
        "Load over time", "", "",
    ]
    assert at.get("scatter_chart")[0].alt == "Points"


# -- dataframe and data editor ---------------------------------------------------------


def test_selection_default_is_the_first_selection_until_the_user_changes_it():
    script = """
        import termlit as st
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2, 3]})
        multi = st.dataframe(df, on_select="rerun", key="m",
                             selection_default={"selection": {"rows": [2, 0, 2, 9, "x"]}})
        single = st.dataframe(df, on_select="rerun", selection_mode="single-row", key="s",
                              selection_default={"selection": {"rows": [2, 0]}})
        st.text(f"{multi.selection.rows} {single.selection.rows}")
        """
    ours, theirs = both(script)
    assert theirs.session_state["m"]["selection"]["rows"] == [2, 0] == ours.session_state["m"]["selection"]["rows"]
    assert ours.text[0].value == "[2, 0] [2]"
    ours.dataframe[0].select_rows([1]).run()
    assert ours.text[0].value == "[1] [2]"
    ours.run()
    assert ours.text[0].value == "[1] [2]"  # the default never comes back over the user's choice


def test_selection_default_needs_on_select():
    at = run('import termlit as st\nst.dataframe({"a": [1]}, selection_default={"selection": {"rows": [0]}})')
    assert "selection_default needs on_select" in at.exception[0].value
    at = run('import termlit as st\nst.dataframe({"a": [1]}, on_select="rerun", selection_default=[0])')
    assert "selection_default must be a dict" in at.exception[0].value


def test_dataframe_and_data_editor_keep_placeholder_and_alt():
    at = run(
        """
        import termlit as st
        st.dataframe({"a": [1, None]}, placeholder="-", alt=" Scores ")
        st.data_editor({"a": [1, None]}, placeholder="", alt="Edit me")
        """
    )
    shown, editor = at.dataframe
    assert (shown.props["placeholder"], shown.props["alt"]) == ("-", "Scores")
    assert (editor.props["placeholder"], editor.props["alt"]) == ("", "Edit me")
    at = run('import termlit as st\nst.dataframe({"a": [1]}, placeholder=0)')
    assert "placeholder must be a string" in at.exception[0].value


# -- column config ---------------------------------------------------------------------


def test_new_column_types_and_alignment_reach_the_table():
    at = run(
        """
        import termlit as st
        cc = st.column_config
        st.data_editor(
            {"a": ["https://x/a.mp3"], "v": ["data:video/mp4;base64,AA"], "b": ["Go"], "m": ["**x**"],
             "s": [["p", "q"]], "n": [1.5], "p": [0.3]},
            column_config={
                "a": cc.AudioColumn("Audio"), "v": cc.VideoColumn(), "b": cc.ButtonColumn(type="primary"),
                "m": cc.MarkdownColumn(alignment="right"), "s": cc.MultiselectColumn(options=["p", "q"]),
                "n": cc.NumberColumn(alignment="left"), "p": cc.ProgressColumn(step=0.1, color="auto"),
            },
        )
        """
    )
    props = at.dataframe[0].props
    assert props["kinds"] == ["audio", "video", "button", "markdown", "multiselect", "number", "progress"]
    assert props["alignments"] == [None, None, None, "right", None, "left", None]
    assert props["type_options"][6] == {"step": 0.1, "color": "auto"}
    assert "b" in props["locked"]  # button columns are read-only in a data editor


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ('cc.TextColumn(alignment="middle")', "alignment must be 'left', 'center', 'right' or None"),
        ('cc.ProgressColumn(color="pink")', "color 'pink' is not one of"),
        ("cc.ProgressColumn(step=0)", "step must be a positive number"),
        ('cc.ButtonColumn(type="big")', "type must be"),
    ],
)
def test_bad_column_options_are_named(call, words):
    at = run(f"import termlit as st\ncc = st.column_config\n{call}")
    assert words in at.exception[0].value


def test_cells_of_the_new_column_types():
    texts = lambda values, kind, options=None, placeholder=None: format_cells(  # noqa: E731
        pd.Series(values), None, kind, options or {}, placeholder)[0]
    assert texts([0.25, 1.0, None], "progress", {"step": 0.1}, "–") == ["██░░░░░░ 0.2", "████████ 1.0", "–"]
    assert texts([50], "progress", {}) == ["████░░░░ 50"]  # ints run 0..100
    assert texts([[":material/edit: Edit", "Del"]], "button") == ["[ ✎ Edit ] [ Del ]"]
    assert texts([["a", "b"]], "multiselect", {"format_func": str.upper}) == ["A, B"]
    assert texts(["# Hi *there* [docs](https://x)"], "markdown") == ["Hi there docs"]
    assert texts(["data:audio/mp3;base64,AA", "https://x/a.mp3"], "audio") == ["audio/mp3", "https://x/a.mp3"]
    assert texts([None, 1.5], None, None, "n/a") == ["n/a", "1.5000"]
    assert cell_colors(pd.Series([10, 80]), "progress", {"color": "auto"}) == ["red", "green"]
    assert cell_colors(pd.Series([10, 80]), "progress", {"color": "auto-inverse"}) == ["green", "red"]
    assert column_alignment(None, "button", False) == "center" and column_alignment(None, None, True) == "right"


# -- AppTest element classes -----------------------------------------------------------


def test_apptest_html_and_image_as_streamlit_reports_them():
    script = """
        import termlit as st
        st.html("<b>hi</b> there")
        st.image("https://example.com/x.png", caption="c")
        """
    ours, theirs = both(script)
    assert ours.html[0].value == theirs.html[0].value == "<b>hi</b> there"
    assert ours.image[0].value == theirs.image[0].value == ["https://example.com/x.png"]
    assert ours.image[0].captions == theirs.image[0].captions == ["c"]
    from termlit.testing.element_tree import Html, Image

    assert isinstance(ours.html[0], Html) and isinstance(ours.image[0], Image)


def test_button_column_clicks_call_back_and_hold_the_click_for_one_run():
    at = run(
        """
        import termlit as st
        import pandas as pd
        df = pd.DataFrame({"name": ["Alice", "Bob"], "view": ["View", "Open"], "acts": [["Edit", "Del"], ["Edit"]]})
        def handle():
            click = st.session_state.view_click
            st.session_state.log = f"row {click.row} {click['label']}"
        st.dataframe(df, column_config={
            "view": st.column_config.ButtonColumn("", on_click=handle, key="view_click"),
            "acts": st.column_config.ButtonColumn("Actions", key="acts"),
            "name": st.column_config.ButtonColumn("Name"),
        })
        st.text(f"{st.session_state.get('log')} | {st.session_state.view_click} | {st.session_state.acts}")
        """
    )
    assert at.text[0].value == "None | None | None"
    at.dataframe[0].click_button("", 1).run()
    assert at.text[0].value == "row 1 Open | {'row': 1, 'label': 'Open'} | None"
    at.run()
    assert at.text[0].value == "row 1 Open | None | None"  # the click lasts one run
    at.dataframe[0].click_button("Actions", 0).run()
    assert at.text[0].value.endswith("| None | {'row': 0, 'label': 'Edit'}")
    with pytest.raises(ValueError, match="not a ButtonColumn with a key"):
        at.dataframe[0].click_button("Name", 0)
