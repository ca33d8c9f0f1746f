"""Forms, fragments, dialogs, containers, status elements and Streamlit
compatibility, through AppTest."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from termlit.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


# -- forms -------------------------------------------------------------------------


def test_form_values_wait_for_submit_and_submit_is_true_only_in_its_run():
    at = AppTest.from_file(EXAMPLES / "forms.py").run()
    at.text_input[0].input("Ada")
    at.checkbox[0].check()
    at.run()  # no submit: nothing arrives
    assert at.subheader[0].value == "0 members" and not at.success
    at.text_input[0].input("Ada")
    at.checkbox[0].check()
    at.selectbox[0].select("Team")
    at.form_submit_button[0].click().run()
    assert at.success[0].value == "Welcome, Ada!"
    assert at.markdown.values == ["- Ada (30, Team)"]
    # clear_on_submit: the widgets are back to their defaults
    assert at.text_input[0].value == "" and at.checkbox[0].value is False
    assert at.selectbox[0].value == "Free"
    at.run()
    assert not at.success and at.subheader[0].value == "1 members"


@pytest.mark.parametrize(
    "src, message",
    [
        ("with st.form('a'):\n    st.text_input('x', on_change=print)\n    st.form_submit_button()", "only the st.form_submit_button can have a callback"),
        ("with st.form('a'):\n    with st.form('b'):\n        pass", "Forms cannot be nested"),
        ("st.form_submit_button()", "must be inside an st.form"),
        ("with st.form('a'):\n    st.button('b')\n    st.form_submit_button()", "cannot be used inside the form"),
        ("st.form('a')\nst.form('a')", "two forms with the key 'a'"),
    ],
)
def test_form_misuse_gets_clear_errors(src, message):
    at = run("import termlit as st\n" + src)
    assert message in at.exception[0].value


def test_a_form_without_submit_button_shows_an_error_in_the_form():
    at = run("import termlit as st\nwith st.form('lonely'):\n    st.text_input('x')\n")
    assert "has no submit button" in at.form[0].error[0].value


# -- fragments and dialogs ------------------------------------------------------------


FRAGMENT_APP = """
import termlit as st
st.session_state.setdefault("full", 0)
st.session_state.setdefault("part", 0)
st.session_state.full += 1
st.text(f"full {st.session_state.full}")

@st.fragment
def panel(prefix):
    st.session_state.part += 1
    v = st.slider("inner", 0, 10, key="inner")
    st.text(f"{prefix} inner={v} part={st.session_state.part}")
    if v == 7 and st.session_state.part < 6:
        st.rerun(scope="fragment")

panel("P")
o = st.slider("outer", 0, 10)
st.text(f"outer={o}")
"""


def test_a_widget_inside_a_fragment_reruns_only_the_fragment():
    at = run(FRAGMENT_APP)
    assert at.text.values == ["full 1", "P inner=0 part=1", "outer=0"]
    at.slider(key="inner").set_value(5).run()
    assert at.text.values == ["full 1", "P inner=5 part=2", "outer=0"]  # the app did not rerun
    at.slider[1].set_value(3).run()  # outside: the whole app, the fragment keeps its value
    assert at.text.values == ["full 2", "P inner=5 part=3", "outer=3"]


def test_rerun_with_fragment_scope_reruns_the_fragment():
    at = run(FRAGMENT_APP)
    at.slider(key="inner").set_value(7).run()
    assert at.text.values[0] == "full 1"
    assert at.text.values[1] == "P inner=7 part=6"


def test_fragment_rerun_scope_outside_a_fragment_or_bad_run_every_are_errors():
    assert "scope" in run("import termlit as st\nst.rerun(scope='nope')").exception[0].value
    bad = run("import termlit as st\n@st.fragment(run_every='soon')\ndef f():\n    pass\n")
    assert "not a duration" in bad.exception[0].value


def test_dialog_opens_reruns_alone_and_closes_with_rerun():
    at = AppTest.from_string(
        """
        import termlit as st
        @st.dialog("Rate")
        def rate():
            stars = st.slider("Stars", 1, 5, 3)
            st.text(f"give {stars}")
            if st.button("Save"):
                st.session_state.rating = stars
                st.rerun()
        if st.button("Open"):
            rate()
        st.text(f"rating {st.session_state.get('rating')}")
        """
    ).run()
    assert not at.dialog
    at.button[0].click().run()
    assert at.dialog[0].props["title"] == "Rate"
    at.dialog[0].slider[0].set_value(5).run()
    assert at.dialog[0].text[0].value == "give 5"
    at.dialog[0].button[0].click().run()
    assert not at.dialog and at.text.values == ["rating 5"]


# -- containers and status --------------------------------------------------------------


def test_layout_example_reaches_every_container_through_apptest():
    at = AppTest.from_file(EXAMPLES / "layout.py").run()
    assert not at.exception
    assert at.sidebar.header[0].value == "Sidebar"
    assert [c.metric[0].label for c in at.columns] == ["Visitors", "Bounce", "Uptime"]
    assert [t.props["label"] for t in at.tabs] == ["Summary", "Data"]
    assert '"region"' in at.tabs[1].json[0].value
    assert at.expander[0].props["expanded"] is True
    assert at.container[0].markdown[0].value == "A **bordered** container."
    assert len(at.container[1].text) == 8 and at.container[1].props["height"] == 4
    assert at.info[0].value.startswith("An st.empty placeholder")
    assert at.popover[0].markdown[0].value == "Shown when the button is pressed."
    at.sidebar.checkbox[0].uncheck().run()
    assert at.expander[0].props["expanded"] is False
    at.get("button")[-1].click().run()
    assert at.dialog[0].markdown[0].value.startswith("Dialogs open")


def test_status_progress_spinner_and_toast():
    at = AppTest.from_file(EXAMPLES / "progress.py").run()
    assert at.info[0].value.startswith("Press the button")
    at.slider[0].set_value(5)
    at.number_input[0].set_value(0.0)
    at.button[0].click().run()
    (bar,) = at.get("progress")
    assert bar.props["value"] == 100 and bar.props["text"] == "Step 5 of 5"
    assert at.status[0].props["state"] == "complete" and at.status[0].props["label"] == "Done"
    assert at.status[0].markdown.values[-1] == "Checkpoint at step 5"
    assert not at.get("spinner")  # gone when its block ended
    assert at.toast[0].value == "Job finished"
    assert at.success[0].value == "Finished 5 steps"


def test_status_turns_to_error_when_its_block_raises():
    at = run("import termlit as st\nwith st.status('Work'):\n    raise RuntimeError('x')\n")
    assert at.status[0].props["state"] == "error"


@pytest.mark.parametrize("value, shown", [(0, 0), (57, 57), (0.5, 50), (1.0, 100)])
def test_progress_takes_int_percent_or_float_fraction(value, shown):
    at = run(f"import termlit as st\nst.progress({value!r})")
    assert at.get("progress")[0].props["value"] == shown


@pytest.mark.parametrize("value", [101, -1, 1.5, "half"])
def test_progress_rejects_out_of_range_values(value):
    assert "st.progress" in run(f"import termlit as st\nst.progress({value!r})").exception[0].value


def test_write_stream_echo_latex_help():
    at = run(
        """
        import termlit as st
        def words():
            yield "Hello "
            yield "world"
        text = st.write_stream(words)
        st.text(f"returned {text!r}")
        with st.echo():
            answer = 6 * 7
        st.latex(r"\\int_0^1 x\\,dx")
        st.help(len)
        """
    )
    assert at.markdown[0].value == "Hello world"
    assert at.text[0].value == "returned 'Hello world'"
    assert at.code[0].value == "answer = 6 * 7"
    assert at.latex[0].value == "$$\n" + r"\int_0^1 x\,dx" + "\n$$"  # as Streamlit reports it
    assert at.help[0].props["name"] == "len"


# -- unmodified Streamlit apps -----------------------------------------------------------


def test_an_unmodified_streamlit_app_runs_with_notices_for_what_the_terminal_cannot_show():
    from termlit.compat import streamlit_alias

    with streamlit_alias():
        at = AppTest.from_string(
            """
            import streamlit as st
            from streamlit import session_state
            import streamlit.components.v1 as components
            st.set_page_config(page_title="Sales", layout="wide")
            st.title("Sales")
            st.iframe("https://example.com")
            st.plotly_chart(object())
            components.html("<b>hi</b>")
            n = st.slider("n", 0, 10, 2)
            st.write(f"n is {n}")
            """
        ).run()
        assert not at.exception
        notices = [n.props["message"] for n in at.get("notice")]
        assert notices[0].startswith("st.iframe is not shown in the terminal")
        assert any("plotly_chart" in n for n in notices) and any("components.v1.html" in n for n in notices)
        assert at.markdown[0].value == "n is 2" and at.title_text == "Sales"
        missing = AppTest.from_string("import streamlit.web.cli\n").run()
        assert "has no 'streamlit.web'" in missing.exception[0].value
    import sys

    assert getattr(sys.modules.get("streamlit"), "__name__", "streamlit") != "termlit"


def test_badge_link_button_query_params_and_context():
    at = run(
        """
        import termlit as st
        st.badge("New", color="green")
        st.link_button("Docs", "https://example.com/docs")
        st.query_params["page"] = 2
        st.text(f"{st.query_params.to_dict()} {st.context.headers} {st.query_params.get_all('page')}")
        """
    )
    assert at.markdown[0].value == ":green-badge[New]"
    assert at.link_button[0].value == "Docs" and at.link_button[0].url == "https://example.com/docs"
    assert at.text[0].value == "{'page': '2'} {} ['2']"
    at.run()  # query params live as long as the session
    assert at.text[0].value.startswith("{'page': '2'}")
    assert "color must be one of" in run("import termlit as st\nst.badge('x', color='pink')").exception[0].value


def test_an_error_inside_a_fragment_shows_inside_it_and_the_page_stays():
    at = run(
        """
        import termlit as st
        st.text("page")
        @st.fragment
        def part():
            if st.checkbox("fail"):
                raise RuntimeError("fragment broke")
            st.text("part ok")
        part()
        st.text("end")
        """
    )
    at.checkbox[0].check().run()
    assert at.fragment[0].exception[0].value == "fragment broke"
    assert at.text.values == ["page", "end"]


def test_column_config_helpers_set_labels_formats_widths_and_hide_columns():
    at = run(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"price": [1.234, 2.5], "name": ["a", "b"], "secret": [1, 2]})
        st.dataframe(df, column_config={
            "price": st.column_config.NumberColumn("Price", format="$%.2f"),
            "name": st.column_config.TextColumn("Name", width="small"),
            "secret": None,
        })
        """
    )
    props = at.dataframe[0].props
    assert props["labels"] == ["Price", "Name"]
    assert props["formats"][0] == "$%.2f" and props["widths"][1] is not None
