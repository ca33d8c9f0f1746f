"""st.session_state and widget identity, as a script sees them."""

from __future__ import annotations

import pytest

from termlit.testing import AppTest


def test_item_and_attribute_access_in_del_iteration_to_dict():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state["a"] = 1
        st.session_state.b = 2
        del st.session_state["a"]
        st.session_state.c = 3
        del st.session_state.c
        st.text(f"{'a' in st.session_state} {'b' in st.session_state} {sorted(st.session_state)} {st.session_state.to_dict()} {len(st.session_state)}")
        """
    ).run()
    assert at.text[0].value == "False True ['b'] {'b': 2} 1"


@pytest.mark.parametrize(
    "access, error",
    [("st.session_state['nope']", "KeyError"), ("st.session_state.nope", "AttributeError")],
)
def test_missing_keys_raise_naming_the_key(access, error):
    at = AppTest.from_string(f"import termlit as st\n{access}\n").run()
    (exc,) = at.exception
    assert exc.props["type"] == error
    assert '"nope"' in exc.value


def test_counter_survives_reruns_and_callbacks_get_args_and_kwargs():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("count", 0)
        def add(step, *, times=1):
            st.session_state.count += step * times
        st.button("add", on_click=add, args=(2,), kwargs={"times": 3})
        st.text(str(st.session_state.count))
        """
    ).run()
    assert at.text[0].value == "0"
    at.button[0].click().run()
    assert at.text[0].value == "6"
    at.run()  # a plain rerun: the button is False again, the count stays
    assert at.text[0].value == "6"
    assert at.button[0].value is False


def test_callbacks_run_before_the_script_in_the_order_of_the_changes():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("log", [])
        def note(name):
            st.session_state.log.append(name)
        st.checkbox("a", on_change=note, args=("a",))
        st.text_input("b", on_change=note, args=("b",))
        st.slider("c", on_change=note, args=("c",))
        st.text(",".join(st.session_state.log))
        """
    ).run()
    at.slider[0].set_value(5)
    at.checkbox[0].check()
    at.text_input[0].input("hey")
    at.run()
    assert at.text[0].value == "c,a,b"
    at.run()  # nothing changed: no callback
    assert at.text[0].value == "c,a,b"


def test_key_binds_the_value_into_session_state_and_a_preset_value_wins_over_default():
    at = AppTest.from_string(
        """
        import termlit as st
        if "speed" not in st.session_state:
            st.session_state.speed = 7
        v = st.slider("Speed", 0, 10, 2, key="speed")
        st.text(f"{v} {st.session_state.speed}")
        """
    ).run()
    assert at.text[0].value == "7 7"
    at.slider(key="speed").set_value(9).run()
    assert at.text[0].value == "9 9"
    assert at.session_state.speed == 9


def test_apptest_session_state_is_writable_before_the_first_run():
    at = AppTest.from_string(
        """
        import termlit as st
        name = st.text_input("Name", key="name")
        st.text(f"hello {name}")
        """
    )
    at.session_state["name"] = "ada"
    at.run()
    assert at.text[0].value == "hello ada"
    assert at.text_input(key="name").value == "ada"


def test_writing_a_widget_key_after_the_widget_exists_is_an_error():
    at = AppTest.from_string(
        """
        import termlit as st
        st.checkbox("c", key="c")
        st.session_state.c = True
        """
    ).run()
    (exc,) = at.exception
    assert exc.props["type"] == "StreamlitAPIException"
    assert "st.session_state.c" in exc.value and "cannot be changed after the widget" in exc.value


def test_a_button_value_cannot_be_set_through_session_state():
    at = AppTest.from_string(
        """
        import termlit as st
        st.button("go", key="go")
        """
    ).run()
    with pytest.raises(Exception, match="cannot be set through st.session_state"):
        at.session_state["go"] = True


def test_duplicate_widgets_are_an_error_naming_kind_and_label_and_suggesting_key():
    at = AppTest.from_string(
        """
        import termlit as st
        st.slider("Level")
        st.slider("Level")
        """
    ).run()
    (exc,) = at.exception
    assert exc.props["type"] == "DuplicateWidgetID"
    assert "`slider`" in exc.value and "'Level'" in exc.value and "key=" in exc.value
    fixed = AppTest.from_string(
        """
        import termlit as st
        st.slider("Level", key="a")
        st.slider("Level", key="b")
        """
    ).run()
    assert len(fixed.exception) == 0 and len(fixed.slider) == 2


def test_same_key_on_two_widgets_is_an_error():
    at = AppTest.from_string(
        """
        import termlit as st
        st.checkbox("one", key="k")
        st.text_input("two", key="k")
        """
    ).run()
    assert "key 'k'" in at.exception[0].value


def test_identity_without_key_follows_label_and_parameters():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("label", "A")
        v = st.slider(st.session_state.label, 0, 10)
        st.text(str(v))
        """
    ).run()
    at.slider[0].set_value(4).run()
    assert at.text[0].value == "4"
    at.session_state["label"] = "B"  # a new label: a new widget, back to its default
    at.run()
    assert at.text[0].value == "0"


def test_identity_with_key_survives_a_label_change():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("label", "A")
        v = st.slider(st.session_state.label, 0, 10, key="s")
        st.text(str(v))
        """
    ).run()
    at.slider[0].set_value(4).run()
    at.session_state["label"] = "B"
    at.run()
    assert at.text[0].value == "4"


def test_state_of_widgets_not_rendered_is_dropped_but_user_keys_stay():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("show", True)
        st.session_state.setdefault("mine", "kept")
        if st.session_state.show:
            st.text_input("Name", key="name")
        st.text(str(st.session_state.to_dict()))
        """
    ).run()
    at.text_input[0].input("ada").run()
    assert at.session_state["name"] == "ada"
    at.session_state["show"] = False
    at.run()
    assert "name" not in at.session_state
    assert at.session_state["mine"] == "kept"
    at.session_state["show"] = True
    at.run()
    assert at.text_input[0].value == ""  # it came back with its default


def test_widget_state_survives_an_interrupted_or_failed_run():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("fail", False)
        if st.session_state.fail:
            raise RuntimeError("boom")
        st.text_input("Name", key="name")
        """
    ).run()
    at.text_input[0].input("ada").run()
    at.session_state["fail"] = True
    at.run()
    assert at.exception[0].value == "boom"
    at.session_state["fail"] = False
    at.run()
    assert at.text_input[0].value == "ada"


def test_two_sessions_never_share_query_params_or_client_info():
    """Each session (a user: an AppTest here, an SSH channel later) has its
    own st.query_params and st.context, even in one process."""
    writer = AppTest.from_string(
        """
        import termlit as st
        st.query_params["tab"] = "sales"
        st.context.headers["X-Seen"] = "yes"
        st.context.cookies["id"] = "42"
        """
    ).run()
    reader = AppTest.from_string(
        """
        import termlit as st
        st.text(f"{st.query_params.to_dict()} {st.context.headers} {st.context.cookies}")
        """
    ).run()
    assert reader.text[0].value == "{} {} {}"
    writer.run()
    assert len(writer.exception) == 0
