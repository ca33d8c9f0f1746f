"""``bind="query-params"``: widget values kept in st.query_params."""

from __future__ import annotations

import datetime

import pytest

from termlit.testing import AppTest

SCRIPT = """
import datetime
import streamlit as st
c = st.checkbox("C", key="c", bind="query-params")
n = st.number_input("N", key="n", bind="query-params", value=3)
t = st.text_input("T", key="t", bind="query-params")
s = st.selectbox("S", [1, 2, 3], format_func=lambda x: f"n{x}", key="s", bind="query-params")
m = st.multiselect("M", ["x", "y", "z"], key="m", bind="query-params")
sl = st.slider("SL", 0, 10, (2, 5), key="sl", bind="query-params")
d = st.date_input("D", datetime.date(2024, 1, 1), key="d", bind="query-params")
tm = st.time_input("TM", datetime.time(8, 0), key="tm", bind="query-params")
dt = st.datetime_input("DT", datetime.datetime(2024, 1, 1, 8, 0), key="dt", bind="query-params")
st.session_state["out"] = [c, n, t, s, m, sl, d, tm, dt]
"""

DEFAULTS = [False, 3, "", 1, [], (2, 5), datetime.date(2024, 1, 1), datetime.time(8, 0),
            datetime.datetime(2024, 1, 1, 8, 0)]


def test_values_are_read_from_query_params_at_start():
    at = AppTest.from_string(SCRIPT)
    at.query_params.update({
        "c": "true", "n": "7", "t": "x", "s": "n2", "m": ["y", "z"], "sl": ["3", "4"],
        "d": "2020-05-06", "tm": "10:15", "dt": "2020-01-02T03:04",
    })
    at.run()
    assert not at.exception
    assert at.session_state["out"] == [
        True, 7, "x", 2, ["y", "z"], (3, 4), datetime.date(2020, 5, 6), datetime.time(10, 15),
        datetime.datetime(2020, 1, 2, 3, 4),
    ]
    assert at.checkbox[0].value is True and at.selectbox[0].value == 2


def test_invalid_query_values_are_ignored_and_removed():
    at = AppTest.from_string(SCRIPT)
    at.query_params.update({"c": "bogus", "n": "abc", "s": "2", "m": ["q"], "dt": "2020-01-02 03:04", "t": "ok"})
    at.run()
    assert at.session_state["out"][:2] == [False, 3]
    assert at.session_state["out"][3:5] == [1, []]
    assert at.query_params == {"t": "ok"}


def test_changes_are_written_and_defaults_remove_the_parameter():
    at = AppTest.from_string(SCRIPT).run()
    assert at.query_params == {}
    at.checkbox[0].check()
    at.selectbox[0].select(3)
    at.multiselect[0].select("x").select("z")
    at.slider[0].set_value((1, 9))
    at.time_input[0].set_value(datetime.time(9, 30))
    at.run()
    assert at.query_params == {"c": "true", "s": "n3", "m": ["x", "z"], "sl": ["1", "9"], "tm": "09:30"}
    at.checkbox[0].uncheck()
    at.run()
    assert "c" not in at.query_params
    # A value the user picks is not undone by the parameter it wrote.
    at.selectbox[0].select(2)
    at.run()
    assert at.selectbox[0].value == 2 and at.query_params["s"] == "n2"


def test_a_changed_parameter_updates_the_widget():
    at = AppTest.from_string(SCRIPT).run()
    at.query_params["n"] = "11"
    at.run()
    assert at.number_input[0].value == 11
    assert at.session_state["out"][1] == 11


def test_a_parameter_outside_the_bounds_is_dropped():
    at = AppTest.from_string('import streamlit as st\nst.slider("x", 0, 10, 5, key="x", bind="query-params")')
    at.query_params["x"] = "50"
    at.run()
    assert at.slider[0].value == 5 and "x" not in at.query_params


def test_option_widgets_and_session_state_write_the_parameter():
    at = AppTest.from_string("""
import streamlit as st
if "r" not in st.session_state:
    st.session_state.r = "b"
st.radio("R", ["a", "b"], key="r", bind="query-params")
st.pills("P", ["a", "b"], key="p", bind="query-params", selection_mode="multi")
st.feedback("stars", key="f", bind="query-params")
st.select_slider("SS", ["lo", "mid", "hi"], key="ss", bind="query-params")
st.color_picker("CP", key="cp", bind="query-params")
st.toggle("TG", key="tg", bind="query-params")
st.text_area("TA", key="ta", bind="query-params")
st.segmented_control("SC", ["a", "b"], key="sc", bind="query-params")
""")
    at.query_params.update({"p": ["a", "b"], "f": "3", "ss": "mid", "cp": "#00ff00", "tg": "True", "ta": "a\nb",
                            "sc": "b"})
    at.run()
    assert not at.exception
    assert at.radio[0].value == "b" and at.query_params["r"] == "b"
    assert at.session_state["p"] == ["a", "b"] and at.session_state["f"] == 3
    assert at.select_slider[0].value == "mid" and at.color_picker[0].value == "#00ff00"
    assert at.toggle[0].value is True and at.text_area[0].value == "a\nb"
    assert at.session_state["sc"] == "b"
    assert at.query_params["tg"] == "True"  # valid text stays as given


def test_bound_parameter_cannot_be_set_through_query_params():
    at = AppTest.from_string("""
import streamlit as st
st.checkbox("C", key="c", bind="query-params")
if st.button("set"):
    st.query_params["c"] = "true"
""").run()
    at.button[0].click().run()
    assert "bound to a widget" in at.exception[0].value


@pytest.mark.parametrize("call, message", [
    ('st.checkbox("x", bind="query-params")', "needs a key"),
    ('st.checkbox("x", key="k", bind="url")', "bind='url' is not supported"),
])
def test_bad_bind_is_a_clear_error(call, message):
    at = AppTest.from_string(f"import streamlit as st\n{call}").run()
    assert message in at.exception[0].value


def test_bind_and_persist_state_together():
    script = """
import streamlit as st
if st.checkbox("show", value=True, key="show"):
    st.number_input("N", value=0, key="n", bind="query-params", persist_state="session")
"""
    at = AppTest.from_string(script).run()
    at.number_input[0].set_value(4).run()
    at.checkbox[0].uncheck().run()
    at.checkbox[0].check().run()
    assert at.number_input[0].value == 4 and at.query_params["n"] == "4"
