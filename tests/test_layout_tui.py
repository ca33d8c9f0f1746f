"""Containers, forms, fragments, dialogs and long runs, by keyboard (Pilot)."""

from __future__ import annotations

from conftest import EXAMPLES, run_async, running, settle

from termlit.testing.screen import screen_text
from termlit.tui.widgets._containers import TabsView


async def _tab_to(pilot, predicate, limit: int = 30):
    for _ in range(limit):
        await pilot.press("tab")
        if predicate(pilot.app.focused):
            return pilot.app.focused
    raise AssertionError("Tab never reached the widget")


def test_tabs_switch_with_arrows_and_expander_toggles_with_enter():
    async def scenario():
        async with running(EXAMPLES / "layout.py", size=(100, 50)) as (app, pilot):
            text = screen_text(app)
            assert "Tabs switch with" in text and 'region: "north"' not in text
            await _tab_to(pilot, lambda w: w is not None and isinstance(w.parent, type(w.parent)) and any(isinstance(a, TabsView) for a in w.ancestors))
            await pilot.press("right")
            await pilot.pause()
            text = screen_text(app)
            assert 'region: "north"' in text and "Tabs switch with" not in text
            await _tab_to(pilot, lambda w: type(w).__name__ == "CollapsibleTitle")
            assert "Hidden until opened" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert "Hidden until opened" not in screen_text(app)
            await pilot.press("ctrl+r")  # a rerun keeps the user's choice
            await settle(pilot)
            assert "Hidden until opened" not in screen_text(app)

    run_async(scenario())


def test_popover_and_dialog_by_keyboard():
    async def scenario():
        async with running(EXAMPLES / "layout.py", size=(100, 50)) as (app, pilot):
            assert "Shown when the button is pressed" not in screen_text(app)
            titles = 0
            while titles < 2:  # the expander's title, then the popover's
                await pilot.press("tab")
                if type(app.focused).__name__ == "CollapsibleTitle":
                    titles += 1
            await pilot.press("enter")
            await pilot.pause()
            assert "Shown when the button is pressed" in screen_text(app)
            await _tab_to(pilot, lambda w: getattr(w, "label", None) is not None and "Open a dialog" in str(w.label))
            await pilot.press("enter")
            await settle(pilot)
            assert "Dialogs open in a window" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert "Dialogs open in a window" not in screen_text(app)

    run_async(scenario())


def test_form_waits_for_submit_and_enter_in_a_field_submits():
    async def scenario():
        async with running(EXAMPLES / "forms.py", size=(80, 40)) as (app, pilot):
            runs = app.runner.run_count
            await pilot.press("tab", *"Ada", "tab")  # typing and leaving the field: no rerun
            await pilot.press("space", "space")  # the select opens and closes... then the checkbox
            await pilot.pause(0.2)
            assert app.runner.run_count == runs
            assert "0 members" in screen_text(app)
            await _tab_to(pilot, lambda w: type(w).__name__ == "CheckboxView")
            await pilot.press("space")
            await pilot.pause(0.2)
            assert app.runner.run_count == runs
            await _tab_to(pilot, lambda w: type(w).__name__ == "TextField")
            await pilot.press("enter")  # Enter in a text field presses the submit button
            await settle(pilot)
            text = screen_text(app)
            assert "Welcome, Ada!" in text and "1 members" in text

    run_async(scenario())


def test_fragment_button_reruns_only_its_fragment():
    async def scenario():
        async with running(EXAMPLES / "fragments.py", size=(80, 24)) as (app, pilot):
            assert "The whole app ran 1 times." in screen_text(app)
            await _tab_to(pilot, lambda w: "Add one" in str(getattr(w, "label", "")))
            await pilot.press("enter")
            await settle(pilot)
            text = screen_text(app)
            assert "Count: 1" in text and "The whole app ran 1 times." in text
            await _tab_to(pilot, lambda w: type(w).__name__ == "SliderControl")
            await pilot.press("right")
            await settle(pilot)
            assert "The whole app ran 2 times." in screen_text(app)

    run_async(scenario())


def test_a_long_run_shows_progress_and_dims_what_it_has_not_reached_yet(write_app):
    path = write_app(
        """
        import time
        import termlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.text(f"run {st.session_state.runs} started")
        bar = st.progress(0)
        for i in range(1, 11):
            time.sleep(0.1 if st.session_state.runs > 1 else 0)
            bar.progress(i * 10)
        st.text("tail element")
        """
    )

    async def scenario():
        async with running(path, size=(80, 12)) as (app, pilot):
            assert "tail element" in screen_text(app)
            await pilot.press("ctrl+r")
            seen_partial = False
            for _ in range(200):
                await pilot.pause(0.02)
                text = screen_text(app)
                if "run 2 started" in text and "100%" not in text:
                    seen_partial = True
                    stale = [v for v in app.main_area.views if v.has_class("-stale")]
                    assert [v.element.props.get("body") for v in stale] == ["tail element"]
                    break
            assert seen_partial
            await settle(pilot)
            assert "100%" in screen_text(app)
            assert not [v for v in app.main_area.views if v.has_class("-stale")]

    run_async(scenario())


def test_columns_stack_on_a_narrow_terminal(write_app):
    path = write_app(
        """
        import termlit as st
        a, b, c = st.columns(3)
        a.text("Alpha")
        b.text("Beta")
        c.text("Gamma")
        """
    )

    async def scenario():
        async with running(path, size=(100, 12)) as (app, pilot):
            line = next(l for l in screen_text(app).splitlines() if "Alpha" in l)
            assert "Beta" in line and "Gamma" in line
        async with running(path, size=(40, 12)) as (app, pilot):
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert not any("Alpha" in l and "Beta" in l for l in lines)
            assert any("Gamma" in l for l in lines)

    run_async(scenario())


def test_json_is_a_tree_that_opens_and_closes_by_keyboard(write_app):
    path = write_app(
        """
        import termlit as st
        st.json({"name": "ada", "nested": {"x": 1}}, expanded=False)
        """
    )

    async def scenario():
        async with running(path, size=(60, 12)) as (app, pilot):
            assert "2 keys" in screen_text(app) and "name" not in screen_text(app)
            await pilot.press("tab", "space")
            await pilot.pause()
            text = screen_text(app)
            assert 'name: "ada"' in text and "x: 1" not in text
            await pilot.press("shift+right")
            await pilot.pause()
            assert "x: 1" in screen_text(app)

    run_async(scenario())


def test_an_element_the_ui_cannot_draw_shows_an_error_and_the_app_goes_on(write_app, monkeypatch):
    from termlit.tui import widgets as registry
    from termlit.tui.widgets._static import TextView

    class Broken(TextView):
        def __init__(self, element):
            if element.props["body"] == "bad":
                raise ValueError("cannot draw this")
            super().__init__(element)

        def apply_props(self, props):
            if props["body"] == "bad":
                raise ValueError("cannot draw this")
            super().apply_props(props)

    monkeypatch.setitem(registry._loaded, "fragile", Broken)
    path = write_app(
        """
        import termlit as st
        from termlit.runtime.context import get_run_context
        bad = st.checkbox("Break")
        get_run_context().emit("fragile", {"body": "bad" if bad else "fine"})
        st.text("after")
        """
    )

    async def scenario():
        async with running(path, size=(80, 12)) as (app, pilot):
            assert "fine" in screen_text(app)
            await pilot.press("tab", "space")
            await settle(pilot)
            text = screen_text(app)
            assert "st.fragile could not be shown: cannot draw this" in text and "after" in text
            await pilot.press("space")
            await settle(pilot)
            assert "fine" in screen_text(app) and "could not be shown" not in screen_text(app)

    run_async(scenario())


def test_json_keeps_what_the_user_opened_when_a_rerun_changes_a_value(write_app):
    path = write_app(
        """
        import termlit as st
        st.session_state.setdefault("n", 0)
        if st.button("more"):
            st.session_state.n += 1
        st.json({"n": st.session_state.n, "nested": {"x": 1}}, expanded=False)
        """
    )

    async def scenario():
        async with running(path, size=(60, 14)) as (app, pilot):
            await pilot.press("tab", "tab", "space")  # open the document's root
            await pilot.pause()
            assert "n: 0" in screen_text(app)
            await pilot.press("shift+tab", "enter")  # the button: n becomes 1
            await settle(pilot)
            text = screen_text(app)
            assert "n: 1" in text and "n: 0" not in text  # still open, with the new value

    run_async(scenario())


def test_a_focused_widget_is_never_left_under_the_docked_chat_input():
    async def scenario():
        async with running(EXAMPLES / "widgets.py", size=(80, 24)) as (app, pilot):
            chat = app.screen.query_one("ChatInputView")
            hidden = []
            for _ in range(26):  # once round every widget of the page
                await pilot.press("tab")
                await settle(pilot)
                focused = app.focused
                if focused is None or chat in focused.ancestors_with_self:
                    continue
                for _ in range(20):  # the scroll lands a frame after the focus (a busy machine: a few)
                    if not focused.region.overlaps(chat.region):
                        break
                    await pilot.pause(0.05)
                else:
                    hidden.append(f"{type(focused).__name__} at {focused.region}")
            assert not hidden, f"under the chat input at {chat.region}: {hidden}"

    run_async(scenario())
