"""The rerun runtime, seen through AppTest: what a script shows and remembers."""

from __future__ import annotations

import sys
import threading

import pytest
from conftest import write_file

from termlit.runtime import RunStatus, ScriptRunner, ScriptSource, walk
from termlit.testing import AppTest


def test_each_run_executes_the_script_afresh_in_a_new_namespace():
    at = AppTest.from_string(
        """
        import termlit as st
        try:
            seen += 1
        except NameError:
            seen = 1
        st.text(f"globals start empty: {seen}")
        """
    ).run()
    assert at.text[0].value == "globals start empty: 1"
    at.run()
    assert at.text[0].value == "globals start empty: 1"


def test_magic_writes_bare_expressions_at_any_depth_but_not_docstrings_or_calls():
    at = AppTest.from_string(
        '''
        """Module docstring: not shown."""
        import termlit as st

        "top-level string"
        x = 41
        x + 1

        def helper():
            """Function docstring: not shown."""
            "inside a function"

        helper()
        for i in range(2):
            f"loop {i}"
        with st.sidebar:
            "in the sidebar"
        print("calls are not written")
        '''
    ).run()
    # a number is written as st.write writes it: inline code, as in Streamlit
    assert at.main.markdown.values == ["top-level string", "`42`", "inside a function", "loop 0", "loop 1"]
    assert at.sidebar.markdown.values == ["in the sidebar"]
    assert all("docstring" not in v for v in at.markdown.values)


def test_user_exception_becomes_an_element_with_user_frames_and_the_next_run_recovers():
    at = AppTest.from_string(
        """
        import termlit as st
        st.markdown("before")
        if not st.session_state.get("fixed"):
            {}["missing"]
        st.markdown("after")
        """
    ).run()
    assert at.run_status is RunStatus.FINISHED
    assert at.markdown.values == ["before"]
    (exc,) = at.exception
    assert exc.type == "exception" and exc.props["type"] == "KeyError"
    assert "'missing'" in exc.value
    assert any('["missing"]' in line for line in exc.stack_trace)
    assert not any("termlit" in line.split('"')[1] for line in exc.stack_trace if line.strip().startswith("File"))
    at.session_state["fixed"] = True
    at.run()
    assert at.markdown.values == ["before", "after"]
    assert len(at.exception) == 0


def test_syntax_error_shows_file_line_and_caret(write_app):
    path = write_app("import termlit as st\nst.title('x')\nvalue = (1,\n")
    at = AppTest.from_file(path).run()
    (exc,) = at.exception
    assert exc.is_syntax_error
    assert exc.props["lineno"] == 3
    text = "\n".join(exc.stack_trace)
    assert str(path) in text and "^" in text and "SyntaxError" in text


def test_script_edit_is_picked_up_on_next_run(write_app):
    path = write_app("import termlit as st\nst.text('one')\n")
    at = AppTest.from_file(path).run()
    assert at.text[0].value == "one"
    write_file(path, "import termlit as st\nst.text('two')\n")
    at.run()
    assert at.text[0].value == "two"


def test_st_stop_ends_the_run_and_keeps_what_was_shown():
    at = AppTest.from_string(
        """
        import termlit as st
        st.text("shown")
        st.stop()
        st.text("never")
        """
    ).run()
    assert at.text.values == ["shown"]
    assert at.run_status is RunStatus.STOPPED


def test_st_rerun_runs_again_and_state_carries_over():
    at = AppTest.from_string(
        """
        import termlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        if st.session_state.n < 3:
            st.rerun()
        st.text(f"runs: {st.session_state.n}")
        """
    ).run()
    assert at.text.values == ["runs: 3"]


def test_endless_st_rerun_is_stopped_with_a_clear_message():
    at = AppTest.from_string(
        """
        import termlit as st
        st.text("looping")
        st.rerun()
        """,
        default_timeout=20,
    ).run()
    assert at.run_status is RunStatus.STOPPED
    (exc,) = at.exception
    assert "st.rerun()" in exc.value and "in a row" in exc.value


def test_timeout_raises_a_clear_error():
    at = AppTest.from_string("while True:\n    pass\n", default_timeout=0.3)
    with pytest.raises(RuntimeError, match=r"timed out after 0.3 s"):
        at.run()


def test_from_function_passes_args_and_kwargs():
    def app(greeting, name="world"):
        import termlit as st

        st.text(f"{greeting}, {name}")

    at = AppTest.from_function(app, args=("hi",), kwargs={"name": "ada"}).run()
    assert at.text[0].value == "hi, ada"


def test_from_file_resolves_relative_to_the_calling_test():
    at = AppTest.from_file("../examples/hello.py").run()
    assert at.title[0].value == "Hello, termlit"


def test_script_folder_is_importable_and_argv_untouched_by_apptest(write_app, tmp_path):
    (tmp_path / "helpers_mod.py").write_text("VALUE = 'from helper'\n")
    path = write_app(
        "import sys\nimport termlit as st\nimport helpers_mod\n"
        "st.text(helpers_mod.VALUE)\nst.text(repr(sys.argv))\n"
    )
    argv = list(sys.argv)
    at = AppTest.from_file(path).run()
    assert at.text[0].value == "from helper"
    assert at.text[1].value == repr(argv)  # the script sees the test process's argv
    assert sys.argv == argv


def test_containers_made_after_a_form_in_the_same_run_show_their_elements():
    at = AppTest.from_string(
        """
        import termlit as st
        with st.form("signup"):
            name = st.text_input("Name")
            st.form_submit_button("Send")
        left, right = st.columns(2)
        left.text("left")
        with right:
            st.text("right")
        with st.container():
            st.text("boxed")
        with st.expander("More"):
            st.text("folded")
        """
    ).run()
    assert len(at.exception) == 0
    assert at.text.values == ["left", "right", "boxed", "folded"]
    assert [len(column) for column in at.columns] == [1, 1]
    assert at.expander[0].text[0].value == "folded"


def test_a_container_inside_a_form_belongs_to_the_form():
    at = AppTest.from_string(
        """
        import termlit as st
        with st.form("f"):
            with st.container():
                name = st.text_input("Name")
            st.form_submit_button("Send")
        st.text(f"name={name}")
        """
    ).run()
    at.text_input[0].input("Ada").run()
    assert at.text[0].value == "name="  # held until the form is sent
    at.form_submit_button[0].click().run()
    assert at.text[0].value == "name=Ada"


# -- the worker: interruption and coalescing --------------------------------------


def _runner(source: str, **names) -> ScriptRunner:
    runner = ScriptRunner(ScriptSource(source=source), main_module=False)
    runner.extra_globals.update(names)
    return runner


def test_a_change_during_a_run_interrupts_it_at_the_next_st_call_and_coalesces():
    in_loop, release = threading.Event(), threading.Event()
    runner = _runner(
        """
import termlit as st
st.session_state.setdefault("starts", 0)
st.session_state.starts += 1
v = st.slider("v", 0, 10, 0)
st.text("looping")
in_loop.set()
release.wait(10)
st.text(f"done with {v}")
""",
        in_loop=in_loop,
        release=release,
    )
    runner.start()
    try:
        assert in_loop.wait(5)
        partial = runner.take_update()  # the tree so far: the slider and the first text
        (slider,) = [e for e in walk(partial.main) if e.kind == "slider"]
        for value in (3, 4, 5):  # three quick changes: one rerun serves them all
            runner.set_widget_value(slider.id, value)
        release.set()  # the run goes on to its next st.* call, and stops there
        assert runner.wait_idle(10)
        result = runner.last_result
        assert result.status is RunStatus.FINISHED
        texts = [e.props["body"] for e in result.main.children if e.kind == "text"]
        assert texts == ["looping", "done with 5"]
        assert runner.state["starts"] == 2
    finally:
        runner.shutdown()


def test_request_stop_interrupts_a_busy_script_without_st_calls():
    busy = threading.Event()
    runner = _runner("import termlit as st\nst.text('busy')\nbusy.set()\nwhile True:\n    pass\n", busy=busy)
    runner.start()
    try:
        assert busy.wait(5)
        assert runner.request_stop(force_after=0.2)
        assert runner.wait_idle(5)
        assert runner.last_result.status is RunStatus.STOPPED
        assert [e.props["body"] for e in runner.last_result.main.children] == ["busy"]
    finally:
        runner.shutdown()


def test_partial_trees_are_available_while_a_long_run_is_in_flight():
    shown, release = threading.Event(), threading.Event()
    runner = _runner(
        "import termlit as st\nst.text('first')\nshown.set()\nrelease.wait(10)\nst.text('second')\n",
        shown=shown,
        release=release,
    )
    runner.start()
    try:
        assert shown.wait(5)
        partial = runner.take_update()
        assert partial is not None and not partial.final
        assert [e.props["body"] for e in partial.main.children] == ["first"]
        assert runner.take_update() is None  # nothing new since it was taken
        release.set()
        assert runner.wait_idle(5)
        final = runner.take_update()
        assert final.final and [e.props["body"] for e in final.main.children] == ["first", "second"]
    finally:
        runner.shutdown()
