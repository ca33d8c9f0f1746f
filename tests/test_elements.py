"""The first elements and widgets: values, return types and clear errors."""

from __future__ import annotations

import pandas as pd
import pytest

from termlit.testing import AppTest


def run(src: str) -> AppTest:
    return AppTest.from_string(src).run()


def test_text_elements_carry_their_bodies():
    at = run(
        """
        import termlit as st
        st.title("T")
        st.header("H", divider=True)
        st.subheader("S")
        st.markdown("**m**")
        st.caption("c")
        st.text("t")
        st.code("x = 1", language="python", line_numbers=True)
        st.divider()
        st.json({"a": [1, 2]})
        """
    )
    assert [at.title[0].value, at.header[0].value, at.subheader[0].value] == ["T", "H", "S"]
    assert at.markdown[0].value == "**m**" and at.caption[0].value == "c" and at.text[0].value == "t"
    assert at.code[0].value == "x = 1" and at.code[0].props["line_numbers"] is True
    assert len(at.divider) == 1
    assert '"a"' in at.json[0].value


def test_write_dispatches_by_type():
    at = run(
        """
        import pandas as pd
        import termlit as st
        st.write("one", "two")
        st.write(pd.DataFrame({"x": [1, 2]}))
        st.write({"k": 1})
        st.write(ValueError("bad"))
        st.write(3.5)
        """
    )
    assert at.markdown[0].value == "one two"
    assert isinstance(at.dataframe[0].value, pd.DataFrame) and list(at.dataframe[0].value["x"]) == [1, 2]
    assert '"k": 1' in at.json[0].value
    assert at.exception[0].value == "bad"
    assert at.markdown[1].value == "`3.5`"  # a number is inline code, as Streamlit writes it


def test_empty_is_a_replaceable_placeholder_and_elements_return_handles():
    at = run(
        """
        import termlit as st
        slot = st.empty()
        st.text("below")
        slot.text("first")
        slot.markdown("second")
        note = st.text("old")
        note.text("new")
        with st.empty():
            st.text("a")
            st.text("b")
        """
    )
    assert at.main.children[0].value == "second"
    assert at.text.values == ["below", "new", "b"]


def test_containers_columns_and_sidebar_nest_elements():
    at = run(
        """
        import termlit as st
        c1, c2 = st.columns([2, 1])
        c1.text("left")
        with c2:
            st.text("right")
        box = st.container(border=True)
        box.text("boxed")
        st.sidebar.text("side")
        """
    )
    assert [col.text[0].value for col in at.columns] == ["left", "right"]
    assert at.columns[0].props["weight"] == pytest.approx(2 / 3)
    assert at.container[0].text[0].value == "boxed"
    assert at.sidebar.text[0].value == "side"


def test_button_is_true_only_in_the_run_after_the_click():
    at = run("import termlit as st\nst.text(str(st.button('go')))\n")
    assert at.text[0].value == "False"
    at.button[0].click().run()
    assert at.text[0].value == "True"
    at.run()
    assert at.text[0].value == "False"


def test_checkbox_check_and_uncheck():
    at = run("import termlit as st\nst.text(repr(st.checkbox('c', value=True)))\n")
    assert at.text[0].value == "True"
    at.checkbox[0].uncheck().run()
    assert at.text[0].value == "False"
    at.checkbox[0].check().run()
    assert at.text[0].value == "True"


def test_slider_int_float_and_range_types():
    at = run(
        """
        import termlit as st
        a = st.slider("int")
        b = st.slider("float", 0.0, 2.0, 0.5, step=0.25)
        c = st.slider("range", 0, 100, (20, 80))
        st.text(f"{a!r} {b!r} {c!r}")
        """
    )
    assert at.text[0].value == "0 0.5 (20, 80)"
    assert (at.slider[0].min, at.slider[0].max, at.slider[0].step) == (0, 100, 1)
    at.slider[1].set_value(1.75)
    at.slider[2].set_range(10, 30)
    at.run()
    assert at.text[0].value == "0 1.75 (10, 30)"


def test_slider_values_out_of_range_give_way_to_the_default():
    at = run("import termlit as st\nst.text(repr(st.slider('s', 0, 10, 3)))\n")
    at.slider[0].set_value(50).run()
    assert at.text[0].value == "3"  # as Streamlit 1.67 resets a value outside the bounds


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.slider('s', 5, 5)", "both 5"),
        ("st.slider('s', 0, 1.0)", "mixes int"),
        ("st.number_input('n', 5, 1)", "greater than max_value"),
        ("st.number_input('n', 0.0, 1.0, 2.0)", "outside"),
        ("st.selectbox('x', ['a'], index=3)", "out of range"),
        ("st.selectbox('x', 'abc')", "not a single string"),
        ("st.button('b', type='huge')", "type='huge'"),
        ("st.checkbox('c', label_visibility='gone')", "label_visibility"),
        ("st.text_input('t', 'toolong', max_chars=3)", "max_chars=3"),
    ],
)
def test_invalid_arguments_raise_clear_errors_in_the_app(call, message):
    at = run(f"import termlit as st\n{call}\n")
    (exc,) = at.exception
    assert exc.props["type"] in ("StreamlitAPIException", "StreamlitValueError")
    assert message in exc.value


def test_text_input_value_placeholder_password_and_max_chars():
    at = run(
        """
        import termlit as st
        a = st.text_input("a", "x")
        b = st.text_input("b", type="password", max_chars=4)
        c = st.text_input("c", value=None)
        st.text(f"{a!r} {b!r} {c!r}")
        """
    )
    assert at.text[0].value == "'x' '' None"
    assert at.text_input[1].props["type"] == "password"
    at.text_input[1].input("toolong")  # longer than max_chars: refused, as the UI refuses it
    at.text_input[0].input("typed")
    at.run()
    assert at.text[0].value == "'typed' '' None"


def test_number_input_types_follow_the_arguments():
    at = run(
        """
        import termlit as st
        a = st.number_input("int", 0, 10, 5)
        b = st.number_input("float", value=1.5, step=0.5)
        c = st.number_input("none", value=None)
        d = st.number_input("min default", min_value=3)
        st.text(f"{a!r} {b!r} {c!r} {d!r}")
        """
    )
    assert at.text[0].value == "5 1.5 None 3"
    at.number_input[0].increment()
    at.number_input[1].decrement()
    at.run()
    assert at.text[0].value == "6 1.0 None 3"
    at.number_input[0].set_value(99).run()  # clamped to max
    assert at.text[0].value.startswith("10 ")


def test_selectbox_returns_the_option_object_and_supports_none_and_format_func():
    at = run(
        """
        import termlit as st
        opts = [{"id": 1, "name": "one"}, {"id": 2, "name": "two"}]
        a = st.selectbox("a", opts, format_func=lambda o: o["name"])
        b = st.selectbox("b", ["x", "y"], index=None, placeholder="pick")
        st.text(f"{a['id']} {b!r}")
        """
    )
    assert at.text[0].value == "1 None"
    assert at.selectbox[0].options == ["one", "two"]
    at.selectbox[0].select_index(1)
    at.selectbox[1].select("y")
    at.run()
    assert at.text[0].value == "2 'y'"


def test_selectbox_keyed_value_no_longer_in_options_falls_back_to_default():
    at = run(
        """
        import termlit as st
        st.session_state.setdefault("opts", ["a", "b", "c"])
        v = st.selectbox("pick", st.session_state.opts, key="pick")
        st.text(repr(v))
        """
    )
    at.selectbox[0].select("c").run()
    at.session_state["opts"] = ["a", "b"]
    at.run()
    assert at.text[0].value == "'a'"


def test_set_page_config_sets_the_title():
    at = run("import termlit as st\nst.set_page_config(page_title='Sales', page_icon='📈')\n")
    assert at.title_text == "📈 Sales"


def test_elements_work_outside_a_run_in_bare_mode():
    import termlit as st

    assert st.slider("bare", 0, 10, 4) == 4
    assert st.button("bare") is False
    st.markdown("nothing breaks")


def test_color_picker_returns_the_hex_code_as_given_and_rejects_bad_values():
    at = run("import termlit as st\nst.text(st.color_picker('c', '#F00'))\n")
    assert at.text[0].value == "#F00"  # as Streamlit returns it
    at.color_picker[0].pick("12AB9f").run()
    assert at.text[0].value == "#12AB9f"
    bad = run("import termlit as st\nst.color_picker('c', 'red')\n")
    assert "not a hex colour" in bad.exception[0].value


def test_rerun_and_ignore_callback_strings_mean_no_callback():
    at = run("import termlit as st\nst.text(repr(st.checkbox('c', on_change='rerun')))\nst.slider('s', on_change='ignore')\n")
    assert not at.exception
    at.checkbox[0].check().run()
    assert at.text[0].value == "True"
