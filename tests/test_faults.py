"""Faults that must not end the app: widget edge cases, script faults, the terminal.

Each test fails on a termlit that lets the fault through (a crash, a hang,
a stale screen).
"""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import run_async, running, settle, wait_for_text
from textual import events

from termlit.testing.screen import screen_text
from termlit.tui.widgets._drop_down import DropDownRows


def test_selectbox_drop_down_pages_before_it_is_laid_out(write_app):
    # PgUp/PgDn reaching the drop-down before it has a height raised KeyError
    # in Textual's OptionList._move_page and ended the app; the drop-down's
    # list pages by UNLAID_PAGE options until it has a height.
    path = write_app(
        """
        import termlit as st
        c = st.selectbox("Colour", [f"c{i}" for i in range(40)])
        st.text(f"picked={c}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            overlay = app.query_one(DropDownRows)
            assert overlay.scrollable_content_region.height == 0  # closed: never laid out
            overlay.highlighted = 0
            overlay.action_page_down()
            assert overlay.highlighted == 10
            overlay.action_page_up()
            assert overlay.highlighted == 0
            # Opened and paged in one burst, as a fast typist or a paste does.
            await pilot.press("tab")
            for key in ("enter", "pagedown", "pagedown", "pageup", "pagedown"):
                app.post_message(events.Key(key, None))
            await settle(pilot)
            assert app.is_running
            await pilot.press("enter")
            text = await wait_for_text(pilot, "picked=c")
            assert app.is_running and "picked=c" in text

    run_async(scenario())


def test_file_picker_dismissed_twice_keeps_the_app(write_app, tmp_path, monkeypatch):
    # Enter pressed twice quickly on a file dismissed the picker twice:
    # ScreenStackError ended the app.
    files = tmp_path / "files"
    files.mkdir()
    (files / "data.csv").write_text("a,b\n1,2\n")
    monkeypatch.chdir(files)
    path = write_app(
        """
        import termlit as st
        f = st.file_uploader("Data", type="csv")
        st.text(f"f={f.name if f else None}")
        """
    )

    async def scenario():
        async with running(path, size=(90, 30)) as (app, pilot):
            await pilot.press("tab", "enter")
            await wait_for_text(pilot, "data.csv")
            picker = app.screen
            picker.dismiss([files / "data.csv"])
            picker.dismiss([files / "data.csv"])  # the second Enter, already queued
            await wait_for_text(pilot, "f=data.csv")
            assert app.is_running and len(app.screen_stack) == 1
            # The same with keys: Enter on the file, twice in one burst.
            await pilot.press("enter")
            await wait_for_text(pilot, "Esc: cancel")
            await pilot.press("down")
            for key in ("enter", "enter"):
                app.post_message(events.Key(key, None))
            await pilot.pause(0.2)
            assert app.is_running and len(app.screen_stack) == 1

    run_async(scenario())


# -- script faults (the runner's worker thread, as `termlit run` uses it) -----


def _runner(source: str, **names):
    from termlit.runtime import ScriptRunner, ScriptSource

    runner = ScriptRunner(ScriptSource(source=source), main_module=False)
    runner.extra_globals.update(names)
    return runner


def _shown(result) -> str:
    from termlit.runtime import walk

    return "\n".join(str(e.props) for e in walk(result.main))


def test_a_script_raising_keyboard_interrupt_is_an_error_and_the_next_change_reruns():
    runner = _runner(
        """
import termlit as st
v = st.slider("v", 0, 10, 0)
if v == 0:
    raise KeyboardInterrupt("from the script")
if v == 1:
    raise GeneratorExit()
st.text(f"v={v}")
"""
    )
    runner.start()
    try:
        assert runner.wait_idle(10)
        shown = _shown(runner.last_result)
        assert "KeyboardInterrupt" in shown and "from the script" in shown
        slider = next(e for e in runner.last_result.main.children if e.kind == "slider")
        runner.set_widget_value(slider.id, 1)
        assert runner.wait_idle(10) and "GeneratorExit" in _shown(runner.last_result)
        runner.set_widget_value(slider.id, 5)
        assert runner.wait_idle(10)
        assert "v=5" in _shown(runner.last_result)
    finally:
        runner.shutdown()


def test_ctrl_c_on_a_run_blocked_in_a_call_abandons_it_and_the_next_change_runs():
    import threading

    from termlit.runtime import RunStatus

    blocked, release = threading.Event(), threading.Event()
    runner = _runner(
        """
import termlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.text(f"run {st.session_state.runs}")
if st.session_state.runs == 1:
    blocked.set()
    release.wait(60)  # blocked in C: no exception reaches it
st.text("done")
""",
        blocked=blocked,
        release=release,
    )
    runner.start()
    try:
        assert blocked.wait(10)
        assert runner.request_stop(force_after=0.1, abandon_after=0.2)
        assert runner.wait_idle(10)
        result = runner.last_result
        assert result.status is RunStatus.STOPPED and not runner.is_running
        shown = _shown(result)
        assert "run 1" in shown and "ScriptBlocked" in shown and "ctrl+c" in shown
        runner.request_rerun()  # ctrl+r, or any widget change
        assert runner.wait_idle(10)
        shown = _shown(runner.last_result)
        assert "run 2" in shown and "done" in shown and runner.last_result.status is RunStatus.FINISHED
        release.set()  # the old run wakes up: it stops without touching the screen
        runner.request_rerun()
        assert runner.wait_idle(10)
        assert "run 3" in _shown(runner.last_result)
    finally:
        release.set()
        runner.shutdown()


def test_termlit_run_exits_non_zero_when_the_app_ends_on_an_error(write_app, monkeypatch):
    from textual.app import App

    from termlit import cli
    from termlit.compat import uninstall_streamlit_alias
    from termlit.tui.app import TermlitApp

    path = write_app("import termlit as st\nst.text('hi')\n")

    def broken_mount(self):
        raise RuntimeError("a fault in the app itself")

    monkeypatch.setattr(TermlitApp, "on_mount", broken_mount)
    monkeypatch.setattr(TermlitApp, "run", lambda self: App.run(self, headless=True))
    monkeypatch.setattr(cli, "guard_stdin", lambda: None)
    monkeypatch.setattr(cli, "_need_terminal", lambda command: None)
    monkeypatch.setattr(sys, "argv", ["termlit"])
    try:
        assert cli.main(["run", str(path), "--no-watch"]) == 1
    finally:
        uninstall_streamlit_alias()  # `termlit run` installs it for good: not for the tests after this one


# -- a widget that fails takes only itself off the screen ----------------------


def test_a_widget_failing_in_a_key_paint_mount_or_message_handler_leaves_the_app_up(write_app, monkeypatch):
    from termlit.tui.widgets._button import ButtonView
    from termlit.tui.widgets._checkbox import CheckboxView
    from termlit.tui.widgets._toggle import ToggleView

    path = write_app(
        """
        import termlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        t = st.toggle("Flip me")
        b = st.button("Press me")
        c = st.checkbox("Tick me")
        n = st.number_input("Count", 0, 10, 0)
        st.text(f"runs={st.session_state.runs} n={n}")
        """
    )
    faults = {"paint": False}

    def flip_fails(self):
        raise ValueError("a bug in the key handler")

    def press_fails(self, event):
        raise KeyError("a bug in the message handler")

    def mount_fails(self):
        raise RuntimeError("a bug in the mount handler")

    original_render = ToggleView.render

    def render(self):
        if faults["paint"]:
            raise ZeroDivisionError("a bug in the paint")
        return original_render(self)

    monkeypatch.setattr(ToggleView, "action_flip", flip_fails)
    monkeypatch.setattr(ToggleView, "render", render)
    monkeypatch.setattr(ButtonView, "on_button_pressed", press_fails)
    monkeypatch.setattr(CheckboxView, "on_mount", mount_fails, raising=False)

    async def scenario():
        async with running(path, size=(90, 40)) as (app, pilot):
            text = await wait_for_text(pilot, "st.checkbox stopped working")  # the mount fault
            assert "RuntimeError" in text and "runs=1" in text
            await pilot.press("tab", "space")  # the toggle's key handler fails
            text = await wait_for_text(pilot, "st.toggle stopped working")
            assert "ValueError" in text and "Press me" in text
            await pilot.press("enter")  # focus moved on, to the button: its message handler fails
            text = await wait_for_text(pilot, "st.button stopped working")
            assert "KeyError" in text
            await pilot.press("right")  # focus moved on to the number input: it still works and reruns
            text = await wait_for_text(pilot, "n=1")
            # (the rerun built the checkbox afresh: its mount failed once more)
            assert app.is_running and {f.split()[0] for f in app.faults} == {"st.checkbox", "st.toggle", "st.button"}
            assert "Traceback" in app.faults[0] and "a bug in the mount handler" in app.faults[0]
            # The next run builds the failed widgets afresh; a paint fault is caught too.
            monkeypatch.setattr(CheckboxView, "on_mount", lambda self: None)
            await pilot.press("ctrl+r")
            text = await wait_for_text(pilot, "Tick me")
            assert "stopped working" not in text
            faults["paint"] = True
            app.query_one(ToggleView).refresh()
            text = await wait_for_text(pilot, "ZeroDivisionError")
            assert "st.toggle stopped working" in text and "Tick me" in text
            assert app.is_running and "runs=" in text

    run_async(scenario())


# -- secrets in messages ------------------------------------------------------


def test_secrets_under_signing_and_hmac_keys_and_url_encoded_passwords_are_masked():
    from termlit.common.masking import mask, register_from_mapping

    register_from_mapping({
        "app": {"signing_key": "sig-5ecret-value", "hmac_key": "hm4c-value", "title": "Sales"},
        "connections": {"db": {"url": "postgresql://ann:p%40ss%2Fw0rd@db.example/sales"}},
        "plain": {"password": "s3cret pass/word"},
    })
    message = (
        "signing with sig-5ecret-value and hm4c-value failed; driver: password 'p@ss/w0rd' "
        "rejected; url postgresql://ann:s3cret%20pass%2Fword@h/db; title Sales"
    )
    shown = mask(message)
    for secret in ("sig-5ecret-value", "hm4c-value", "p@ss/w0rd", "s3cret%20pass%2Fword", "p%40ss"):
        assert secret not in shown
    assert "title Sales" in shown  # not a credential: left as it is


def test_a_radio_with_100000_options_draws_only_a_window_and_answers_keys(write_app):
    from termlit.tui.widgets._options import OptionsControl

    path = write_app(
        """
        import termlit as st
        r = st.radio("Pick", [f"option {i}" for i in range(100_000)], index=5)
        st.text(f"r={r}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 30)) as (app, pilot):
            control = app.query_one(OptionsControl)
            assert control.size.height <= 20  # not one line per option
            text = screen_text(app)
            assert "◉ option 5" in text and "↓ 99,985 more" in text and "r=option 5" in text
            await pilot.press("tab", "end", "enter")
            text = await wait_for_text(pilot, "r=option 99999")
            assert "◉ option 99999" in text and "↑ 99,985 more" in text
            await pilot.press("home", "down", "down", "enter")
            text = await wait_for_text(pilot, "r=option 2")
            assert "◉ option 2" in text

    run_async(scenario())


def test_a_timer_set_in_the_past_does_not_freeze_the_app():
    """Textual sets a timer of a toast's time left when it mounts; a toast
    mounted a moment after its notification expired (a busy app) gave a
    negative interval, and Textual's timer then spun forever (the soak found
    it). Run in a process of its own, so a freeze is a timeout here and not
    a hung test run."""
    import subprocess

    script = f"""
import asyncio, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from conftest import EXAMPLES, running
from termlit.tui.keys import KeyHelp

async def main():
    async with running(EXAMPLES / "hello.py") as (app, pilot):
        fired = []
        app.set_timer(-0.0007, lambda: fired.append(1))  # what a late toast asks for
        await pilot.pause(0.2)
        await pilot.press("f1")
        await pilot.pause(0.3)
        print("answered" if fired and isinstance(app.screen, KeyHelp) else "no help")

asyncio.run(main())
"""
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        raise AssertionError("the app froze on a timer set in the past") from None
    assert done.stdout.strip().endswith("answered"), done.stdout[-500:] + done.stderr[-2000:]


# -- windows over windows (what the soak found) ------------------------------

_TABLE_AND_SELECTBOX = """
    import pandas as pd
    import termlit as st
    city = st.selectbox("City", ["Oslo", "Riga", "Quito"])
    st.dataframe(pd.DataFrame({"n": range(5)}))
    st.text(f"city={city}")
    """


def test_a_key_queued_for_a_covered_page_opens_no_window_over_the_one_on_top(write_app):
    # A burst routes keys to the focused widget's queue before they are
    # handled: a letter queued on the selectbox, handled after Enter on the
    # table opened the row, opened the selectbox's list over the row (and a
    # queued Enter opened a row over a list). Three windows deep, Esc twice
    # left one open with F1 dead under it.
    from textual.widgets import Select

    from termlit.tui.widgets._dataframe import DataFrameView
    from termlit.tui.widgets._option_filter import FilterPicker
    from termlit.tui.widgets._row_detail import RowDetail

    path = write_app(_TABLE_AND_SELECTBOX)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            table = app.query_one(DataFrameView)
            table.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, RowDetail)
            app.query_one(Select).post_message(events.Key("r", "r"))  # queued before the row opened
            await pilot.pause(0.2)
            assert [type(s).__name__ for s in app.screen_stack] == ["PageScreen", "RowDetail"]
            await pilot.press("escape")
            await pilot.pause()
            assert len(app.screen_stack) == 1
            await pilot.press("shift+tab", "r")  # on the selectbox, shown: its list opens
            await wait_for_text(pilot, "╭─ City")
            assert isinstance(app.screen, FilterPicker)
            await pilot.press("enter")
            await wait_for_text(pilot, "city=Riga")
            assert len(app.screen_stack) == 1

    run_async(scenario())


def test_f1_shows_the_keys_in_every_window_and_esc_goes_back(write_app):
    from termlit.tui.keys import KeyHelp
    from termlit.tui.widgets._dataframe import DataFrameView
    from termlit.tui.widgets._option_filter import FilterPicker
    from termlit.tui.widgets._row_detail import RowDetail

    path = write_app(_TABLE_AND_SELECTBOX)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            app.query_one(DataFrameView).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, RowDetail) and app.focused is None
            footer = screen_text(app).splitlines()[-1].split()
            assert footer == ["f1", "Keys", "esc", "Close"]  # the row's keys, not the page's
            await pilot.press("f1")
            text = await wait_for_text(pilot, "Esc closes this help")
            assert isinstance(app.screen, KeyHelp) and "close the row" in text
            await pilot.press("escape")
            await pilot.pause(0.3)
            assert isinstance(app.screen, RowDetail)
            await pilot.press("escape", "shift+tab", "r")
            await wait_for_text(pilot, "╭─ City")
            assert isinstance(app.screen, FilterPicker)  # the focus in its filter box
            await pilot.press("f1")
            await wait_for_text(pilot, "╭─ Keys")
            helped = [what for _name, rows in app.screen.sections for _keys, what in rows]
            assert isinstance(app.screen, KeyHelp) and "close without picking" in helped  # scrolled to
            await pilot.press("escape")
            await pilot.pause(0.3)
            assert isinstance(app.screen, FilterPicker)

    run_async(scenario())
