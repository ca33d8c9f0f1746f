"""Bursts of keys: many presses in one go end where the last press asked,
with the work of one, not of each (a held key, a paste, a fast link)."""

from __future__ import annotations

from conftest import EXAMPLES, run_async, running, settle
from textual import events

from termlit.testing.screen import screen_text
from termlit.tui.footer import KeyFooter
from termlit.tui.keys import KeyHelp

KEYS = {"tab": "\t", "f1": None, "ctrl+b": None, "question_mark": "?", "escape": "\x1b", "q": "q"}


def _burst(app, key: str, times: int) -> None:
    """``times`` presses of ``key`` queued at once, as a terminal sends a burst."""
    for _ in range(times):
        app.post_message(events.Key(key, KEYS[key]))


def _count_pushes(app) -> list[str]:
    pushed: list[str] = []
    push = app.push_screen

    def counting(screen, *args, **kwargs):
        pushed.append(type(screen).__name__)
        return push(screen, *args, **kwargs)

    app.push_screen = counting
    return pushed


def test_a_burst_of_f1_opens_the_key_help_once_and_an_even_one_leaves_it_closed():
    async def scenario():
        async with running(EXAMPLES / "hello.py") as (app, pilot):
            pushed = _count_pushes(app)
            _burst(app, "f1", 7)
            await pilot.pause(0.2)
            assert isinstance(app.screen, KeyHelp) and "rerun the script" in screen_text(app)
            assert pushed == ["KeyHelp"]
            _burst(app, "f1", 3)  # the help has these keys too: three presses close it
            await pilot.pause(0.2)
            assert not isinstance(app.screen, KeyHelp) and "rerun the script" not in screen_text(app)
            _burst(app, "question_mark", 6)
            await pilot.pause(0.2)
            assert not isinstance(app.screen, KeyHelp) and pushed == ["KeyHelp"]
            await pilot.press("f1")
            await pilot.pause(0.1)
            await pilot.press("escape")
            await pilot.pause(0.1)
            assert not isinstance(app.screen, KeyHelp) and len(app.screen_stack) == 1

    run_async(scenario())


def test_f1_then_escape_in_one_burst_ends_with_the_help_closed():
    async def scenario():
        async with running(EXAMPLES / "hello.py") as (app, pilot):
            _burst(app, "f1", 1)
            _burst(app, "escape", 1)  # arrives before the toggle has settled
            await pilot.pause(0.2)
            assert not isinstance(app.screen, KeyHelp) and len(app.screen_stack) == 1
            _burst(app, "question_mark", 1)
            _burst(app, "q", 1)
            await pilot.pause(0.2)
            assert not isinstance(app.screen, KeyHelp) and len(app.screen_stack) == 1

    run_async(scenario())


def test_a_burst_of_ctrl_b_ends_in_the_state_of_its_last_press():
    async def scenario():
        async with running(EXAMPLES / "hello.py", size=(80, 24)) as (app, pilot):
            assert "Settings" in screen_text(app)
            _burst(app, "ctrl+b", 5)
            await pilot.pause(0.2)
            assert "Settings" not in screen_text(app)
            _burst(app, "ctrl+b", 4)
            await pilot.pause(0.2)
            assert "Settings" not in screen_text(app)
            await pilot.press("ctrl+b")
            await pilot.pause(0.2)
            assert "Settings" in screen_text(app)

    run_async(scenario())


def test_a_burst_of_tabs_rebuilds_the_footer_a_few_times_and_it_shows_the_last_focus():
    async def scenario():
        async with running(EXAMPLES / "hello.py") as (app, pilot):
            footer = app.query_one(KeyFooter)
            rebuilds: list[int] = []
            recompose = footer.recompose

            async def counting():
                rebuilds.append(1)
                await recompose()

            footer.recompose = counting
            _burst(app, "tab", 40)
            await settle(pilot)
            await pilot.pause(0.2)
            assert 1 <= len(rebuilds) <= 5
            focused = app.focused
            assert focused is not None
            # The footer shows the keys of the widget focused last, as one Tab would.
            shown = {key.description for key in footer.query("FooterKey")}
            wanted = {b.description for _n, b, _e, _t in app.screen.active_bindings.values() if b.show}
            assert shown == wanted and shown

    run_async(scenario())


def test_ctrl_b_held_on_an_empty_sidebar_is_one_toast_and_toasts_are_bounded(write_app):
    """Each ctrl+b on an app with nothing in its sidebar says so: held down,
    that is one toast on screen, not hundreds (a pile of toasts stalled the
    app for many seconds); different toasts show the newest five."""
    path = write_app("import termlit as st\nst.text('main only')\n")

    async def scenario():
        async with running(path, size=(80, 24), notifications=True) as (app, pilot):
            for _ in range(150):  # ctrl+b between other keys: each press is a toggle
                app.post_message(events.Key("ctrl+b", None))
                app.post_message(events.Key("down", None))
            await pilot.pause(0.5)
            assert screen_text(app).count("nothing in its sidebar") == 1
            assert len(app._notifications) == 1
            for n in range(8):
                app.notify(f"note {n}", timeout=30)
            await pilot.pause(0.3)
            text = screen_text(app)
            shown = [n for n in range(8) if f"note {n}" in text]
            assert shown == [3, 4, 5, 6, 7], text
            await pilot.press("down")  # still answering keys
            assert app.is_running

    run_async(scenario())


def test_a_toast_expiring_while_a_new_one_arrives_does_not_end_the_app(write_app):
    """Textual's toast collection drops expired toasts whenever it is counted;
    ``list()`` of it counts it after starting to walk it, so a toast expiring
    in between raised "dictionary changed size during iteration" and ended
    the app (found by the soak: ctrl+b toasts expiring during a burst)."""
    from textual.notifications import Notification

    class ExpiresOnSecondLook(Notification):
        looks = 0

        @property
        def has_expired(self) -> bool:
            type(self).looks += 1
            return type(self).looks > 1

    path = write_app("import termlit as st\nst.text('main only')\n")

    async def scenario():
        async with running(path, size=(80, 24), notifications=True) as (app, pilot):
            old = ExpiresOnSecondLook("old toast", "", "information", 1)
            app._notifications._notifications[old.identity] = old
            app.notify("new toast", timeout=30)
            await pilot.pause(0.3)
            assert app.is_running and "new toast" in screen_text(app)
            await pilot.press("down")  # still answering keys

    run_async(scenario())
