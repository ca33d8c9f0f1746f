"""What a rerun covers: the whole app or only fragments, decided by the runner
alone, so AppTest and the terminal UI (the runner's worker) agree."""

from __future__ import annotations

import threading

from termlit.runtime import ScriptRunner, ScriptSource, walk
from termlit.testing import AppTest

TWO_FRAGMENTS = """
import termlit as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
st.text(f"app runs: {st.session_state.app_runs}")

@st.fragment
def one():
    v = st.slider("one", 0, 10, 0)
    st.text(f"one is {v}")

@st.fragment
def two():
    v = st.slider("two", 0, 10, 0)
    st.text(f"two is {v}")

one()
two()
"""


def _texts(root) -> list[str]:
    return [e.props["body"] for e in walk(root) if e.kind == "text"]


def test_apptest_reruns_only_the_two_fragments_whose_widgets_changed():
    at = AppTest.from_string(TWO_FRAGMENTS).run()
    at.slider[0].set_value(3)
    at.slider[1].set_value(4)
    at.run()
    assert at.text.values == ["app runs: 1", "one is 3", "two is 4"]


def test_the_worker_reruns_the_same_two_fragments_as_apptest():
    runner = ScriptRunner(ScriptSource(source=TWO_FRAGMENTS), main_module=False)
    runner.start()
    try:
        assert runner.wait_idle(5)
        one, two = [e for e in walk(runner.last_result.main) if e.kind == "slider"]
        runner.set_widget_value(one.id, 3)
        runner.set_widget_value(two.id, 4)
        assert runner.wait_idle(5)
        assert _texts(runner.last_result.main) == ["app runs: 1", "one is 3", "two is 4"]
    finally:
        runner.shutdown()


def test_a_widget_outside_the_fragments_reruns_the_whole_app():
    at = AppTest.from_string(TWO_FRAGMENTS + "st.checkbox('outside')\n").run()
    at.slider[0].set_value(3)
    at.checkbox[0].check()
    at.run()
    assert at.text.values == ["app runs: 2", "one is 3", "two is 0"]


def test_a_fragment_stopped_by_another_fragments_change_runs_again():
    """A change in fragment two while fragment one's rerun is in flight stops
    that rerun; the next run covers both, so one's new value is shown."""
    in_one, release = threading.Event(), threading.Event()
    runner = ScriptRunner(
        ScriptSource(
            source=TWO_FRAGMENTS.replace(
                '    st.text(f"one is {v}")',
                '    if v == 3:\n        in_one.set()\n        release.wait(10)\n    st.text(f"one is {v}")',
            )
        ),
        main_module=False,
    )
    runner.extra_globals.update(in_one=in_one, release=release)
    runner.start()
    try:
        assert runner.wait_idle(5)
        one, two = [e for e in walk(runner.last_result.main) if e.kind == "slider"]
        runner.set_widget_value(one.id, 3)
        assert in_one.wait(5)  # fragment one is rerunning now
        runner.set_widget_value(two.id, 4)
        release.set()
        assert runner.wait_idle(5)
        assert _texts(runner.last_result.main) == ["app runs: 1", "one is 3", "two is 4"]
    finally:
        runner.shutdown()
