"""Faults that must not end the app: widget edge cases, script faults, the terminal.

Each test fails on a termlit that lets the fault through (a crash, a hang,
a stale screen).
"""

from __future__ import annotations

from conftest import run_async, running, settle
from textual import events
from textual.widgets._select import SelectOverlay

from termlit.testing.screen import screen_text


async def _wait_for(pilot, needle: str, tries: int = 500) -> str:
    """The screen's text once ``needle`` is on it."""
    for _ in range(tries):
        await pilot.pause(0.01)
        text = screen_text(pilot.app)
        if needle in text:
            return text
    raise AssertionError(f"{needle!r} never appeared:\n{screen_text(pilot.app)}")


def test_selectbox_drop_down_pages_before_it_is_laid_out(write_app):
    # PgUp/PgDn reaching the drop-down before it has a height raised KeyError
    # in Textual's OptionList._move_page and ended the app.
    path = write_app(
        """
        import termlit as st
        c = st.selectbox("Colour", [f"c{i}" for i in range(40)])
        st.text(f"picked={c}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            overlay = app.query_one(SelectOverlay)
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
            text = await _wait_for(pilot, "picked=c")
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
            await _wait_for(pilot, "data.csv")
            picker = app.screen
            picker.dismiss([files / "data.csv"])
            picker.dismiss([files / "data.csv"])  # the second Enter, already queued
            text = await _wait_for(pilot, "f=data.csv")
            assert app.is_running and len(app.screen_stack) == 1
            # The same with keys: Enter on the file, twice in one burst.
            await pilot.press("enter")
            await _wait_for(pilot, "Esc: cancel")
            await pilot.press("down")
            for key in ("enter", "enter"):
                app.post_message(events.Key(key, None))
            await pilot.pause(0.2)
            assert app.is_running and len(app.screen_stack) == 1

    run_async(scenario())
