"""The input widgets through AppTest: values, return types, state and clear errors."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta

import pytest

from termlit.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def test_toggle_is_a_bool_with_callbacks_and_key_state():
    at = run(
        """
        import termlit as st
        st.session_state.setdefault("flips", 0)
        def flipped(n):
            st.session_state.flips += n
        on = st.toggle("Dark", key="dark", on_change=flipped, args=(1,))
        st.text(f"on={on!r} flips={st.session_state.flips}")
        """
    )
    assert at.text[0].value == "on=False flips=0"
    at.toggle[0].set_value(True).run()
    assert at.text[0].value == "on=True flips=1"
    assert at.session_state.dark is True


def test_radio_returns_the_option_index_none_captions_and_horizontal():
    at = run(
        """
        import termlit as st
        a = st.radio("Pet", [{"n": 1}, {"n": 2}], format_func=lambda o: f"#{o['n']}")
        b = st.radio("Size", ["S", "M"], index=None, horizontal=True, captions=["small", "medium"])
        st.text(f"a={a} b={b}")
        """
    )
    assert at.text[0].value == "a={'n': 1} b=None"
    assert at.radio[0].options == ["#1", "#2"] and at.radio[0].index == 0
    assert at.radio[1].props["horizontal"] is True and at.radio[1].props["captions"] == ["small", "medium"]
    at.radio[1].set_value("M").run()
    at.radio[0].set_index(1).run()
    assert at.text[0].value == "a={'n': 2} b=M"


def test_multiselect_returns_a_list_respects_defaults_and_max_selections():
    at = run(
        """
        import termlit as st
        picked = st.multiselect("Fruit", ["apple", "pear", "fig"], default="pear", max_selections=2)
        st.text(f"{picked!r}")
        """
    )
    assert at.text[0].value == "['pear']"
    at.multiselect[0].select("fig").run()
    assert at.text[0].value == "['pear', 'fig']"
    at.multiselect[0].unselect("pear").run()
    assert at.text[0].value == "['fig']"
    at.multiselect[0].set_value(["apple", "pear", "fig"]).run()  # over the limit: cut to 2
    assert at.text[0].value == "['apple', 'pear']"


def test_select_slider_single_and_range_return_options():
    at = run(
        """
        import termlit as st
        one = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
        low, high = st.select_slider("Span", options=range(1, 6), value=(4, 2))
        st.text(f"{one} {low} {high}")
        """
    )
    assert at.text[0].value == "M 2 4"
    at.select_slider[1].set_range(5, 1).run()
    at.select_slider[0].set_value("XL").run()
    assert at.text[0].value == "XL 1 5"


def test_text_area_value_none_placeholder_and_max_chars():
    at = run(
        """
        import termlit as st
        t = st.text_area("Notes", "line 1\\nline 2", height=120, max_chars=30, placeholder="write")
        n = st.text_area("Empty", value=None)
        st.text(f"{t!r} {n!r}")
        """
    )
    assert at.text[0].value == "'line 1\\nline 2' None"
    assert at.text_area[0].props["rows"] == 5
    at.text_area[0].input("x" * 31).run()  # too long: refused, as in the UI
    assert at.text_area[0].value == "line 1\nline 2"
    at.text_area[0].input("a\nb").run()
    assert at.text[0].value == "'a\\nb' None"


def test_max_chars_zero_means_no_limit_and_negative_is_an_error_for_both_text_widgets():
    # As in Streamlit: 0 (like None) sets no limit; a negative limit is refused.
    at = run(
        """
        import termlit as st
        a = st.text_input("A", "abc", max_chars=0)
        b = st.text_area("B", "long text", max_chars=0)
        st.text(f"{a} {b}")
        """
    )
    assert not at.exception and at.text[0].value == "abc long text"
    at.text_input[0].input("abcdef").run()
    assert at.text[0].value == "abcdef long text"
    for call in ("st.text_input('A', max_chars=-1)", "st.text_area('B', value=None, max_chars=-1)"):
        (exc,) = run(f"import termlit as st\n{call}\n").exception
        assert "max_chars must be a positive int" in exc.value


def test_option_pickers_need_a_callable_format_func_but_pills_take_none():
    # As in Streamlit: format_func=None is an error for selectbox, radio,
    # multiselect and select_slider; pills and segmented_control show str().
    for call in ("selectbox('S', ['a'], format_func=None)", "radio('R', ['a'], format_func=None)",
                 "multiselect('M', ['a'], format_func=None)", "select_slider('L', ['a'], format_func=None)"):
        (exc,) = run(f"import termlit as st\nst.{call}\n").exception
        assert exc.props["type"] == "StreamlitAPIException"
        assert "format_func must be a function" in exc.value
    at = run("import termlit as st\nst.pills('P', [1, 2], format_func=None)\n")
    assert not at.exception and at.pills[0].props["labels"] == ["1", "2"]


def test_none_in_session_state_clears_every_multi_choice_widget():
    at = run(
        """
        import termlit as st
        if "m" not in st.session_state:
            st.session_state.m = None
            st.session_state.p = None
        m = st.multiselect("M", ["a", "b"], default=["a"], key="m")
        p = st.pills("P", ["a", "b"], default=["a"], selection_mode="multi", key="p")
        st.text(f"{m!r} {p!r}")
        """
    )
    assert at.text[0].value == "[] []"


def test_date_input_single_range_bounds_and_format():
    at = run(
        """
        import termlit as st
        from datetime import date
        d = st.date_input("Day", date(2024, 2, 29), min_value=date(2024, 1, 1), max_value="2024-12-31",
                          format="DD.MM.YYYY")
        r = st.date_input("Trip", (date(2024, 5, 1), date(2024, 5, 3)))
        e = st.date_input("Maybe", None)
        st.text(f"{d!r} {r!r} {e!r}")
        """
    )
    assert at.text[0].value == (
        "datetime.date(2024, 2, 29) (datetime.date(2024, 5, 1), datetime.date(2024, 5, 3)) None"
    )
    assert at.date_input[0].max == date(2024, 12, 31)
    at.date_input[1].set_value((date(2024, 6, 2), date(2024, 6, 1))).run()
    assert at.date_input[1].value == (date(2024, 6, 1), date(2024, 6, 2))
    at.date_input[0].set_value(date(2030, 1, 1)).run()  # outside the bounds: back to the default
    assert at.date_input[0].value == date(2024, 2, 29)


def test_default_date_is_today_and_identity_does_not_change_with_the_clock():
    at = run("import termlit as st\nst.text(repr(st.date_input('D')))\nst.text(repr(st.time_input('T')))")
    assert at.text[0].value == repr(date.today())
    assert at.time_input[0].value.second == 0
    wid = at.time_input[0].id
    at.run()
    assert at.time_input[0].id == wid


def test_time_input_step_increment_and_datetime_input():
    at = run(
        """
        import termlit as st
        from datetime import datetime, time, timedelta
        t = st.time_input("At", time(8, 45), step=timedelta(minutes=30))
        dt = st.datetime_input("When", datetime(2024, 1, 1, 9, 0), min_value=datetime(2024, 1, 1))
        st.text(f"{t} {dt}")
        """
    )
    assert at.text[0].value == "08:45:00 2024-01-01 09:00:00"
    at.time_input[0].increment().run()
    assert at.time_input[0].value == time(9, 15)
    at.datetime_input[0].set_value(datetime(2024, 3, 1, 18, 30)).run()
    assert at.text[0].value == "09:15:00 2024-03-01 18:30:00"


def test_date_time_and_datetime_sliders():
    at = run(
        """
        import termlit as st
        from datetime import date, datetime, time, timedelta
        d = st.slider("Day", value=date(2024, 1, 10))
        t = st.slider("Hours", value=(time(9), time(17)), step=timedelta(minutes=30), format="h:mm A")
        dt = st.slider("When", min_value=datetime(2024, 1, 1), max_value=datetime(2024, 2, 1),
                       value=datetime(2024, 1, 5, 12), step=timedelta(hours=6))
        st.text(f"{d!r} | {t!r} | {dt!r}")
        """
    )
    s = at.slider
    assert (s[0].min, s[0].max) == (date(2023, 12, 27), date(2024, 1, 24))
    assert s[1].min == time(0, 0) and s[1].step == timedelta(minutes=30)
    assert at.text[0].value == (
        "datetime.date(2024, 1, 10) | (datetime.time(9, 0), datetime.time(17, 0)) | "
        "datetime.datetime(2024, 1, 5, 12, 0)"
    )
    s[1].set_range(time(18), time(8)).run()
    assert at.slider[1].value == (time(8), time(18))
    s[0].set_value(date(2025, 1, 1)).run()  # beyond max: the default, as in Streamlit 1.67
    assert at.slider[0].value == date(2024, 1, 10)


def test_pills_and_segmented_control_single_and_multi():
    at = run(
        """
        import termlit as st
        p = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["b"])
        s = st.segmented_control("Mode", ["x", "y"], format_func=str.upper)
        st.text(f"{p!r} {s!r}")
        """
    )
    assert at.text[0].value == "['b'] None"
    assert at.segmented_control[0].options == ["X", "Y"]
    at.pills[0].select("c").run()
    at.segmented_control[0].select("y").run()
    assert at.text[0].value == "['b', 'c'] 'y'"
    assert at.pills[0].indices == [1, 2]
    at.segmented_control[0].unselect("y").run()
    assert at.text[0].value == "['b', 'c'] None"


def test_feedback_returns_an_index_or_none():
    at = run(
        """
        import termlit as st
        a = st.feedback()
        b = st.feedback("stars", default=4)
        c = st.feedback("faces", key="mood")
        st.text(f"{a} {b} {c}")
        """
    )
    assert at.text[0].value == "None 4 None"
    at.feedback[0].set_value(1).run()
    at.feedback(key="mood").set_value(0).run()
    assert at.text[0].value == "1 4 0"


def test_download_button_is_true_once_after_a_save_and_holds_its_bytes():
    at = run(
        """
        import io
        import termlit as st
        calls = []
        def make():
            return b"lazy"
        a = st.download_button("CSV", "a,b\\n1,2\\n", file_name="data.csv", mime="text/csv")
        b = st.download_button("Blob", make)
        c = st.download_button("File", io.BytesIO(b"xyz"), file_name="x.bin")
        st.text(f"{a} {b} {c}")
        """
    )
    assert at.text[0].value == "False False False"
    assert at.download_button[0].data == b"a,b\n1,2\n" and at.download_button[0].file_name == "data.csv"
    assert at.download_button[1].data == b"lazy" and at.download_button[1].file_name == "download"
    assert at.download_button[2].data == b"xyz"
    at.download_button[0].click().run()
    assert at.text[0].value == "True False False"
    at.run()
    assert at.text[0].value == "False False False"


def test_file_uploader_returns_uploaded_files_filtered_by_type(tmp_path):
    csv = tmp_path / "data.csv"
    csv.write_text("a,b\n1,2\n")
    at = run(
        """
        import termlit as st
        one = st.file_uploader("Data", type="csv")
        many = st.file_uploader("Many", type=["txt", ".CSV"], accept_multiple_files=True)
        if one is not None:
            st.text(f"{one.name} {one.size} {one.type} {one.read()!r} {one.getvalue()!r}")
        st.text(f"{[f.name for f in many]}")
        """
    )
    assert at.text[0].value == "[]"
    at.file_uploader[0].upload(csv).run()
    assert at.text[0].value == "data.csv 8 text/csv b'a,b\\n1,2\\n' b'a,b\\n1,2\\n'"
    at.file_uploader[1].upload("a.txt", "hi").upload("b.csv", b"x").run()
    assert at.text[1].value == "['a.txt', 'b.csv']"
    f = at.file_uploader[1].value[0]
    assert f.read() == b"hi" and f.seek(0) == 0 and f.read(1) == b"h"
    at.file_uploader[0].upload("image.png", b"\x89PNG").run()  # wrong type: refused
    assert at.file_uploader[0].value is None
    at.file_uploader[1].clear().run()
    assert at.text[0].value == "[]"


def test_chat_input_gives_the_message_once_and_chat_message_holds_elements():
    at = run(
        """
        import termlit as st
        st.session_state.setdefault("seen", [])
        def sent():
            st.session_state.seen.append(st.session_state.box)
        msg = st.chat_input("Ask", key="box", on_submit=sent)
        with st.chat_message("user"):
            st.write(f"msg={msg!r}")
        st.chat_message("Robo", avatar="R").text("custom")
        """
    )
    assert at.chat_input[0].placeholder == "Ask"
    assert at.chat_message[0].markdown[0].value == "msg=None"
    at.chat_input[0].set_value("hello").run()
    assert at.chat_message[0].markdown[0].value == "msg='hello'"
    assert at.session_state.seen == ["hello"]
    assert at.chat_message[0].props["avatar"] == "🧑"
    assert at.chat_message[1].props["avatar"] == "R" and at.chat_message[1].text[0].value == "custom"
    at.run()
    assert at.chat_message[0].markdown[0].value == "msg=None"


def test_every_new_widget_works_in_the_sidebar_and_with_disabled_and_help():
    at = run(
        """
        import termlit as st
        st.sidebar.toggle("T", disabled=True, help="h1")
        st.sidebar.radio("R", ["a"], label_visibility="collapsed")
        """
    )
    assert at.sidebar.toggle[0].disabled and at.sidebar.toggle[0].help == "h1"
    assert at.sidebar.radio[0].props["label_visibility"] == "collapsed"


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.radio('R', ['a'], index=2)", "st.radio('R'): index 2 is out of range"),
        ("st.radio('R', ['a'], captions=['x', 'y'])", "2 captions for 1 options"),
        ("st.multiselect('M', ['a'], default=['z'])", "st.multiselect('M'): the default value 'z' is not one"),
        ("st.multiselect('M', ['a', 'b'], ['a', 'b'], max_selections=1)", "max_selections=1"),
        ("st.select_slider('S', [])", "st.select_slider('S'): options is empty"),
        ("st.select_slider('S', ['a'], value='q')", "'q' is not one of the options"),
        ("st.text_area('A', height=10)", "st.text_area('A'): height=10 is too small"),
        ("st.text_area('A', 'long', max_chars=2)", "max_chars=2"),
        ("st.date_input('D', date(2020, 1, 1), min_value=date(2021, 1, 1))", "outside"),
        ("st.date_input('D', min_value=date(2022, 1, 1), max_value=date(2021, 1, 1))", "is after max_value"),
        ("st.date_input('D', format='MM/YY')", "format='MM/YY' is not supported"),
        ("st.date_input('D', 'soon')", "value='soon' is not a date"),
        ("st.time_input('T', step=5)", "between 60 seconds"),
        ("st.time_input('T', 'noon')", "is not a time"),
        ("st.datetime_input('X', datetime(2020, 1, 1), max_value=datetime(2019, 1, 1))", "is outside"),
        ("st.slider('S', value=date(2024, 1, 1), step=1)", "timedelta"),
        ("st.slider('S', 0, value=time(1))", "mixes value types"),
        ("st.pills('P', [])", "st.pills('P'): options is empty"),
        ("st.pills('P', ['a'], selection_mode='many')", "selection_mode must be 'single' or 'multi'"),
        ("st.segmented_control('G', ['a', 'b'], default=['a', 'b'])", "selection_mode='single'"),
        ("st.feedback('hearts')", "'thumbs', 'faces' or 'stars'"),
        ("st.feedback('thumbs', default=2)", "0..1"),
        ("st.download_button('D', data=3)", "st.download_button('D'): data of type int"),
        ("st.file_uploader('F', accept_multiple_files='directory')", "'directory' is not supported"),
        ("st.file_uploader('F', type=[3])", "type must be an extension"),
        ("st.toggle('T', label_visibility='nope')", "label_visibility"),
        ("st.chat_input('C', max_chars=0)", "max_chars must be a positive int"),
        ("st.chat_message('')", "needs a name"),
    ],
)
def test_invalid_arguments_raise_clear_errors(call, message):
    at = run(f"import termlit as st\nfrom datetime import date, datetime, time\n{call}\n")
    (exc,) = at.exception
    assert exc.props["type"] in ("StreamlitAPIException", "StreamlitValueError")
    assert message in exc.value


def test_uploaded_file_behaves_like_a_binary_file():
    from termlit.elements import UploadedFile

    f = UploadedFile("notes.txt", b"hello")
    assert isinstance(f, io.BytesIO) and f.type == "text/plain" and f.size == 5
    assert f.read(2) == b"he" and f.getvalue() == b"hello"


def test_the_widgets_example_shows_every_input_widget():
    from conftest import EXAMPLES

    at = AppTest.from_file(EXAMPLES / "widgets.py").run()
    assert not at.exception
    kinds = {
        "button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "slider", "select_slider",
        "text_input", "text_area", "number_input", "date_input", "time_input", "datetime_input",
        "color_picker", "pills", "segmented_control", "feedback", "download_button", "file_uploader",
        "chat_input", "chat_message",
    }
    assert all(len(at.get(kind)) for kind in kinds), [k for k in kinds if not len(at.get(k))]
    at.chat_input[0].set_value("hi").run()
    assert "Good question about “hi”" in at.chat_message[-1].markdown[0].value
    at.multiselect[0].select("Car").run()
    assert "with Breakfast, Car." in at.markdown[0].value
