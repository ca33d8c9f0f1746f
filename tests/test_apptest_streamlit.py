"""The same script under Streamlit's AppTest and termlit's, side by side: what
a test reads (element types, values, attributes, errors) is the same.

Each case is a script (``import streamlit as st``: termlit's AppTest runs it
on termlit) and a probe: what the test reads from an AppTest after driving
it. The probe runs on both; the results must be equal. Skipped when
Streamlit is not installed.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from enum import Enum
from typing import Any

import pytest

import termlit
from termlit.testing import AppTest

SKIP_REASON = 'Streamlit is not installed; `pip install -e ".[test]"` installs the version to compare with'


def _their_apptest():
    if sys.modules.get("streamlit") is termlit:
        pytest.fail("`import streamlit` gives termlit here: something left the streamlit alias installed")
    testing = pytest.importorskip("streamlit.testing.v1", reason=SKIP_REASON)
    return testing.AppTest


_components: list[Any] = []


def _their(source: str) -> Any:
    """Streamlit's AppTest of ``source``. Each AppTest looks for installed
    components on its first run (~0.4 s); they share what the first found."""
    at = _their_apptest().from_string(source)
    if _components:
        at._bidi_component_manager = _components[0]
    return at


def both(script: str, probe: Callable[[Any], Any]) -> tuple[Any, Any]:
    """``probe`` of Streamlit's AppTest and of termlit's, each run on ``script``."""
    source = textwrap.dedent(script)
    at = _their(source).run()
    if not _components:
        _components.append(at._bidi_component_manager)
    theirs = probe(at)
    ours = probe(AppTest.from_string(source).run())
    return theirs, ours


def same(script: str, probe: Callable[[Any], Any]) -> Any:
    theirs, ours = both(script, probe)
    assert ours == theirs
    return ours


def raised(action: Callable[[], Any]) -> Any:
    """The type and message of what ``action`` raises (None when nothing)."""
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - compared, not handled
        return type(exc).__name__, str(exc)
    return None


def contents(at: Any) -> list[tuple[str, Any]]:
    """Every element of the page as (type, value), in order."""
    out = []
    for node in at.main:
        if hasattr(node, "children"):
            continue
        value = node.value
        out.append((node.type, value if isinstance(value, (str, int, float, bool, type(None), tuple, list)) else None))
    return out


# -- elements and their attributes ---------------------------------------------------------


TEXT_APP = r"""
import streamlit as st
st.title("T")
st.header("H", anchor="h")
st.subheader("S", anchor=False)
st.markdown("**m**", unsafe_allow_html=True)
st.caption("cap")
st.divider()
st.latex(r"\int x")
st.json(["hi", {"foo": "bar"}])
st.json('{"a": 1}')
st.json({"a": [1, 2], "s": {1, 2}}, expanded=False)
st.metric("M", 9500, 1000)
st.metric("M2", 1234.5, "-5%")
st.metric("M3", "12 kg", 0, delta_color="inverse")
st.code("x=1", language="sql", line_numbers=True)
st.text("t")
st.exception(ValueError("bad"))
st.error("e", icon="🚨")
"""


def test_text_elements_have_streamlits_types_values_and_attributes():
    same(TEXT_APP, contents)
    same(TEXT_APP, lambda at: [(h.tag, h.anchor, h.hide_anchor) for h in (at.title[0], at.header[0], at.subheader[0])])
    same(TEXT_APP, lambda at: [(m.allow_html, m.is_caption) for m in (at.markdown[0], at.caption[0])])
    same(TEXT_APP, lambda at: [(m.value, m.delta, m.color) for m in at.metric])
    same(TEXT_APP, lambda at: [j.expanded for j in at.json])
    same(TEXT_APP, lambda at: (at.code[0].language, at.code[0].show_line_numbers, at.error[0].icon))
    same(TEXT_APP, lambda at: (at.exception[0].message, at.exception[0].is_markdown, at.exception[0].is_warning))


def test_an_exception_with_markdown_is_marked_so():
    script = """
    import streamlit as st
    from streamlit.errors import MarkdownFormattedException
    st.exception(MarkdownFormattedException("**bold** news"))
    raise MarkdownFormattedException("*raised*")
    """
    same(script, lambda at: [(e.value, e.is_markdown) for e in at.exception])


def test_element_lists_index_count_compare_and_look_up_by_key():
    script = """
    import streamlit as st
    st.button("Next", key="submit")
    st.button("Back", key="cancel")
    st.markdown("one")
    st.markdown("two")
    """
    same(script, lambda at: (at.button.len, len(at.button), at.button[-1].label, at.button("cancel").label,
                             at.markdown.values, at.markdown[1:].values, at.markdown == at.markdown))
    same(script, lambda at: raised(lambda: at.button(key="nope")))
    same(script, lambda at: raised(lambda: at.markdown[5]) is not None)


def test_an_unknown_attribute_is_an_attribute_error():
    script = "import streamlit as st\nst.title('x')\n"
    same(script, lambda at: (raised(lambda: at.no_such_thing)[0], raised(lambda: at.title[0].no_such_thing)[0]))


def test_button_lists_form_submit_buttons_too():
    script = """
    import streamlit as st
    st.button("plain")
    with st.form("f"):
        st.text_input("name")
        submitted = st.form_submit_button("Send")
    st.write(f"submitted {submitted}")
    """
    same(script, lambda at: ([(b.label, b.type) for b in at.button], [b.label for b in at.form_submit_button]))
    same(script, lambda at: at.button[1].click().run().markdown[0].value)


# -- st.write --------------------------------------------------------------------------------


def test_write_joins_strings_and_the_text_of_plain_values_into_one_markdown():
    script = """
    import streamlit as st
    from collections import namedtuple
    st.write("Celsius", -100.0)
    st.write(1, None, True, "end")
    st.write("has `ticks`", "x`y`z")
    st.write(3 + 4j)
    class Plain:
        def __str__(self):
            return "line one\\nline two"
    st.write(Plain())
    st.write({"a": 1}, [1, 2], namedtuple("P", "x y")(1, 2), (1, 2))
    st.write(st.session_state)
    """
    same(script, contents)


def test_write_of_session_state_and_widget_events_is_json():
    script = """
    import streamlit as st
    st.session_state.n = 3
    st.write(st.session_state)
    st.write(st.query_params)
    """
    same(script, contents)


def test_write_of_functions_classes_and_modules_is_help():
    script = """
    import math
    import streamlit as st
    def f(x):
        "doc"
    st.write(f)
    st.write(math)
    st.write(ValueError)
    st.write(object())
    """
    same(script, lambda at: [n.type for n in at.main.children.values()])


# -- values as Streamlit returns them ---------------------------------------------------------


def test_number_input_types_steps_and_formats():
    script = """
    import streamlit as st
    a = st.number_input("a")
    b = st.number_input("b", value=1.5)
    c = st.number_input("c", 0, 10)
    d = st.number_input("d", value=None)
    e = st.number_input("e", min_value=1.0)
    f = st.number_input("f", value=5, step=2)
    st.write(repr(a), repr(b), repr(c), repr(d), repr(e), repr(f))
    """
    same(script, lambda at: (at.markdown[0].value, [n.step for n in at.number_input], [n.min for n in at.number_input]))
    same(script, lambda at: at.number_input[0].increment().run().markdown[0].value)
    same(script, lambda at: at.number_input[3].increment().run().markdown[0].value)  # empty stays empty


@pytest.mark.parametrize(
    "call",
    [
        "st.slider('s', 0, 10, 20)",  # the value widens the bounds
        "st.slider('s', 10, 0, 5)",  # bounds the wrong way round are swapped
        "st.slider('s', 0.0, 1.0, (0.2, 2.0))",
        "st.slider('s', 0, 10, (8, 2))",  # a range the wrong way round is put in order
        "st.slider('s', max_value=-5)",
        "st.slider('s', min_value=200)",
        "st.slider('s', 0.5)",
    ],
)
def test_slider_defaults_and_bounds_follow_streamlit_1_67(call):
    script = f"import streamlit as st\nv = {call}\nst.write(repr(v))\n"
    same(script, lambda at: (at.markdown[0].value, at.slider[0].min, at.slider[0].max))


def test_a_slider_value_outside_its_bounds_gives_way_to_the_default():
    script = "import streamlit as st\nst.write(repr(st.slider('s', 0, 10, 3)))\n"
    same(script, lambda at: at.slider[0].set_value(50).run().markdown[0].value)


def test_color_picker_returns_the_hex_code_as_given():
    script = """
    import streamlit as st
    st.write(repr(st.color_picker("g", "#FFF")), repr(st.color_picker("h", "#AbCdEf")), repr(st.color_picker("i")))
    """
    same(script, lambda at: at.markdown[0].value)
    same(script, lambda at: at.color_picker[2].pick("12AB9f").run().markdown[0].value)


def test_selecting_an_option_that_does_not_exist_raises_at_the_run():
    script = """
    import streamlit as st
    a = st.selectbox("a", ["x", "y"])
    b = st.radio("b", ["x", "y"])
    c = st.multiselect("c", ["x", "y"])
    d = st.select_slider("d", ["x", "y"])
    st.write(repr(a), repr(b), repr(c), repr(d))
    """
    same(script, lambda at: raised(lambda: at.selectbox[0].select("z")) is None)  # not yet: at the run
    same(script, lambda at: raised(lambda: at.selectbox[0].select("z").run()))
    same(script, lambda at: raised(lambda: at.radio[0].set_value("z").run()))
    same(script, lambda at: at.multiselect[0].select("z").run().markdown[0].value)  # dropped, no error
    same(script, lambda at: at.select_slider[0].set_value("z").run().markdown[0].value)
    same(script, lambda at: raised(lambda: at.selectbox[0].select_index(5))[0])


class Color(Enum):
    """Stands for the class an earlier run of the script defined: same
    qualified name, same members, another class object."""

    RED = 1
    GREEN = 2


ENUM_APP = """
import streamlit as st
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
choice = st.selectbox("c", list(Color), key="c")
st.write(f"{choice is Color.GREEN}")
"""


@pytest.mark.parametrize("mode", ["nameOnly", "nameAndValue", "off"])
def test_enum_choices_are_coerced_as_runner_enum_coercion_says(mode):
    from streamlit.testing.v1.util import patch_config_options as their_patch

    from termlit.testing.util import patch_config_options as our_patch

    def run(new, patch):
        at = new(ENUM_APP)
        at.session_state["c"] = Color.GREEN
        with patch({"runner.enumCoercion": mode}):
            at.run()
        return at.markdown[0].value

    theirs = run(_their, their_patch)
    assert run(AppTest.from_string, our_patch) == theirs
    assert theirs == ("False" if mode == "off" else "True")


# -- AppTest's own state ------------------------------------------------------------------------


def test_session_state_set_between_runs_reaches_the_widget():
    script = """
    import streamlit as st
    v = st.slider("s", 0, 10, key="speed")
    st.write(f"speed {v}")
    """

    def probe(at):
        at.session_state["speed"] = 7
        at.run()
        return at.markdown[0].value, at.slider[0].value, at.session_state.speed

    same(script, probe)


def test_query_params_go_in_before_a_run_and_come_out_after():
    script = """
    import streamlit as st
    st.write(f"got {st.query_params.get('a')}")
    st.query_params["b"] = ["x", "y"]
    st.query_params["c"] = 3
    """

    def probe(at):
        at.query_params["a"] = "1"
        at.run()
        return at.markdown[0].value, at.query_params

    same(script, probe)


def test_user_and_context_read_what_the_test_gives():
    script = """
    import streamlit as st
    st.write(f"{st.user.to_dict()} {st.context.locale} {st.context.timezone} {st.context.theme.type}")
    """

    def probe(at):
        at.run()
        first = at.markdown[0].value
        at.user = {"is_logged_in": True, "name": "Ada"}
        at.context = {"locale": "de-DE", "timezone": "Europe/Berlin", "theme": "light"}
        at.run()
        return first, at.markdown[0].value, raised(lambda: setattr(at, "context", {"nope": 1}) or at.run())[0]

    same(script, probe)


def test_a_callback_writing_into_the_previous_runs_container_shows_first_in_it():
    script = """
    import streamlit as st
    st.write("top")
    c = st.container()
    def cb():
        c.write("from callback")
    st.button("go", on_click=cb)
    with c:
        st.write("body")
    st.write("end")
    """
    assert same(script, lambda at: at.button[0].click().run().container[0].markdown.values) == [
        "from callback", "body",
    ]
    same(script, lambda at: at.button[0].click().run().run().container[0].markdown.values)


def test_options_have_streamlits_defaults_and_scripts_set_only_client_options():
    script = """
    import streamlit as st
    st.write(repr(st.get_option("runner.magicEnabled")), repr(st.get_option("theme.primaryColor")))
    st.write(repr(st.get_option("client.showErrorDetails")))
    st.set_option("server.port", 1)
    """
    same(script, lambda at: (at.markdown.values, at.exception[0].value.split(".")[0]))


@pytest.mark.parametrize("details", ["full", "stacktrace", "type", "none", True, False])
def test_show_error_details_hides_what_it_says(details):
    from streamlit.testing.v1.util import patch_config_options as their_patch

    from termlit.testing.util import patch_config_options as our_patch

    script = "import streamlit as st\nst.exception(KeyError('shown'))\nraise ValueError('secret 42')\n"

    def shown(new, patch):
        at = new(script)
        with patch({"client.showErrorDetails": details}):
            at.run()
        caught, uncaught = at.exception
        return caught.value, "secret 42" in uncaught.value, bool(uncaught.stack_trace)

    assert shown(AppTest.from_string, our_patch) == shown(_their, their_patch)


def test_file_uploader_takes_streamlits_file_tuples():
    script = """
    import streamlit as st
    uploaded = st.file_uploader("Upload a file")
    if uploaded:
        st.write(f"Uploaded: {uploaded.name}")
    """
    same(script, lambda at: at.file_uploader[0].set_value(("data.csv", b"col1,col2\n1,2", "text/csv")).run().markdown[0].value)
    same(script, lambda at: at.file_uploader[0].upload("notes.txt", b"hi").run().markdown[0].value)


def test_a_disabled_widget_cannot_be_changed():
    script = "import streamlit as st\nst.checkbox('c', disabled=True, key='c')\n"
    same(script, lambda at: raised(lambda: at.checkbox[0].check())[0])


def test_containers_list_their_children_by_position_and_find_keys():
    script = """
    import streamlit as st
    with st.container(key="box"):
        st.text("a")
        st.button("b", key="bee")
    st.sidebar.text("side")
    """
    same(script, lambda at: (len(at.main), sorted(at.main.children), [n.type for n in at.container[0].children.values()]))
    same(script, lambda at: (at.get_by_key("bee").label, raised(lambda: at.get_by_key("none"))[0], at.sidebar.text[0].value))


def test_from_function_passes_its_arguments():
    def script(greeting, name="you"):
        import streamlit as st

        st.write(f"{greeting}, {name}")

    their = _their_apptest().from_function(script, args=("Hi",), kwargs={"name": "Ada"})
    if _components:
        their._bidi_component_manager = _components[0]
    ours = AppTest.from_function(script, args=("Hi",), kwargs={"name": "Ada"})
    assert ours.run().markdown[0].value == their.run().markdown[0].value == "Hi, Ada"


# -- dataframe selection modes -------------------------------------------------------------

SELECTION_APP = """
import pandas as pd
import streamlit as st
df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
cases = {
    "all": dict(selection_mode=["multi-row", "multi-column", "multi-cell"]),
    "columns": dict(selection_mode="multi-column", selection_default={"selection": {"columns": ["b", "zz", "a"]}}),
    "one_column": dict(selection_mode="single-column", selection_default={"selection": {"columns": ["b", "a"]}}),
    "required": dict(selection_mode="single-row-required"),
    "required_given": dict(selection_mode="single-row-required", selection_default={"selection": {"rows": [2]}}),
    "required_past_end": dict(selection_mode="single-row-required", selection_default={"selection": {"rows": [9]}}),
    "multi_cell_default": dict(selection_mode="multi-cell", selection_default={"selection": {"cells": [[0, "a"]]}}),
    "one_cell": dict(selection_mode="single-cell",
                     selection_default={"selection": {"cells": [[0, "zz"], [7, "a"], [1, "a"]]}}),
    "rows_not_asked": dict(selection_mode="multi-column", selection_default={"selection": {"rows": [1]}}),
    "required_and_columns": dict(selection_mode=["single-row-required", "multi-column"]),
    "none": dict(selection_mode=[]),
}
for name, kwargs in cases.items():
    event = st.dataframe(df, on_select="rerun", key=name, **kwargs)
    st.write(f"{name}: {event!r} {event.selection.cells!r}")
st.write(repr(st.dataframe(pd.DataFrame({"a": []}), on_select="rerun", selection_mode="single-row-required")))
"""


def test_every_selection_mode_and_its_default_gives_what_streamlit_gives():
    events = same(SELECTION_APP, lambda at: [m.value for m in at.markdown])
    assert "required: {'selection': {'rows': [0], 'columns': [], 'cells': []}} []" in events
    assert any("(1, 'a')" in e for e in events)


@pytest.mark.parametrize("mode", ["rows", ["single-row", "multi-row"], ["single-column", "multi-column"]])
def test_a_selection_mode_streamlit_refuses_is_refused(mode):
    script = f"""
    import streamlit as st
    st.dataframe([1, 2], on_select="rerun", selection_mode={mode!r})
    """
    theirs, ours = both(script, lambda at: len(at.exception))
    assert theirs == ours == 1
