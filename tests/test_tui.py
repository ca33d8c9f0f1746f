"""The Textual shell driven by keyboard alone (Pilot)."""

from __future__ import annotations

from conftest import EXAMPLES, run_async, running, settle

from termlit.testing.screen import screen_text
from termlit.tui.widgets._slider import SliderControl


async def _focus(pilot, widget_type, limit: int = 20):
    for _ in range(limit):
        await pilot.press("tab")
        if isinstance(pilot.app.focused, widget_type):
            return pilot.app.focused
    raise AssertionError(f"Tab never reached a {widget_type.__name__}")


def test_tab_to_slider_right_changes_value_and_text_and_focus_stays():
    async def scenario():
        async with running(EXAMPLES / "hello.py") as (app, pilot):
            assert "At 50 km/h" in screen_text(app)
            slider = await _focus(pilot, SliderControl)
            await pilot.press("right")
            await settle(pilot)
            text = screen_text(app)
            assert "At 55 km/h" in text and "55" in text
            assert app.focused is slider  # the very same widget, still focused
            await pilot.press("shift+right")
            await settle(pilot)
            assert "At 105 km/h" in screen_text(app)
            assert app.focused is slider

    run_async(scenario())


def test_rerun_updates_changed_widgets_in_place_and_leaves_others_alone(write_app):
    path = write_app(
        """
        import termlit as st
        st.title("Fixed title")
        v = st.slider("v", 0, 10, 2)
        st.markdown(f"value {v}")
        st.text("static")
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            before = {view.element_id: view for view in app.main_area.views}
            counts = app.reconciler.counts
            mounted = counts.mounted
            slider = await _focus(pilot, SliderControl)
            await pilot.press("right")
            await settle(pilot)
            after = {view.element_id: view for view in app.main_area.views}
            assert before.keys() == after.keys()
            assert all(before[k] is after[k] for k in before)  # nothing re-mounted
            assert counts.mounted == mounted
            assert counts.updated == 2  # the slider's value and the markdown's text
            assert "value 3" in screen_text(app)
            assert app.focused is slider

    run_async(scenario())


def test_every_first_widget_works_by_keyboard(write_app):
    path = write_app(
        """
        import termlit as st
        st.session_state.setdefault("clicks", 0)
        def click():
            st.session_state.clicks += 1
        st.button("Press", on_click=click)
        c = st.checkbox("Tick")
        t = st.text_input("Name")
        n = st.number_input("Count", 0, 10, 3)
        s = st.selectbox("Pick", ["red", "green", "blue"])
        st.text(f"clicks={st.session_state.clicks} tick={c} name={t} count={n} pick={s}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 40)) as (app, pilot):
            await pilot.press("tab", "enter")  # the button
            await settle(pilot)
            assert "clicks=1" in screen_text(app)
            await pilot.press("tab", "space")  # the checkbox
            await settle(pilot)
            assert "tick=True" in screen_text(app)
            await pilot.press("tab", *"ada", "enter")  # the text field
            await settle(pilot)
            assert "name=ada" in screen_text(app)
            await pilot.press("tab", "right", "right")  # the number: two steps up
            await settle(pilot)
            assert "count=5" in screen_text(app)
            await pilot.press("end", "ctrl+u", *"42", "enter")  # typed beyond max: clamped, with a note
            await settle(pilot)
            text = screen_text(app)
            assert "count=10" in text and "above the maximum" in text
            await pilot.press("tab", "enter", "down", "enter")  # the select: next option
            await settle(pilot)
            assert "pick=green" in screen_text(app)

    run_async(scenario())


def test_script_error_is_shown_and_the_app_keeps_working(write_app):
    path = write_app(
        """
        import termlit as st
        boom = st.checkbox("Break it")
        if boom:
            raise ValueError("the script failed")
        st.text("all good")
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            await pilot.press("tab", "space")
            await settle(pilot)
            text = screen_text(app)
            assert "ValueError: the script failed" in text and "all good" not in text
            await pilot.press("space")
            await settle(pilot)
            text = screen_text(app)
            assert "all good" in text and "ValueError" not in text

    run_async(scenario())


def test_ctrl_r_reruns_and_ctrl_c_stops_a_running_script_then_quits(write_app):
    path = write_app(
        """
        import time
        import termlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.text(f"run {st.session_state.runs}")
        if st.session_state.runs == 3:
            st.text("slow part")
            while True:
                time.sleep(0.01)
                st.empty()
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert "run 2" in screen_text(app)
            await pilot.press("ctrl+r")
            for _ in range(200):
                await pilot.pause(0.01)
                if "slow part" in screen_text(app):
                    break
            text = screen_text(app)
            assert "slow part" in text and "Running" in text  # partial output and the indicator
            await pilot.press("ctrl+c")
            await settle(pilot)
            text = screen_text(app)
            assert "Stopped" in text and "run 3" in text
            await pilot.press("ctrl+c")
            await pilot.pause(0.1)
        assert app.return_code == 0

    run_async(scenario())


def test_help_keys_sidebar_toggle_and_small_terminal():
    async def scenario():
        async with running(EXAMPLES / "hello.py", size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "Speed (km/h)" in text and "Settings" in text  # 80 columns: sidebar shown
            await pilot.press("question_mark")
            await pilot.pause()
            assert "rerun the script" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert "rerun the script" not in screen_text(app)
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert "Settings" not in screen_text(app)
            await pilot.press("ctrl+b")
            await pilot.pause()
            assert "Settings" in screen_text(app)

    run_async(scenario())


def test_help_text_of_the_focused_widget_is_shown(write_app):
    path = write_app(
        """
        import termlit as st
        st.slider("Level", help="How loud it gets")
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            assert "How loud it gets" not in screen_text(app)
            await _focus(pilot, SliderControl)
            await pilot.pause()
            assert "How loud it gets" in screen_text(app)

    run_async(scenario())


def test_color_picker_by_keyboard_palette_typed_hex_and_bad_input(write_app):
    path = write_app(
        """
        import termlit as st
        c = st.color_picker("Colour", "#ff4b4b")
        st.text(f"picked {c}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 12)) as (app, pilot):
            await pilot.press("tab", "right")  # next colour of the palette
            await settle(pilot)
            assert "picked #ff8700" in screen_text(app)
            await pilot.press("end", "ctrl+u", *"#123", "enter")
            await settle(pilot)
            assert "picked #112233" in screen_text(app)
            await pilot.press("end", "ctrl+u", *"zz", "enter")
            await settle(pilot)
            text = screen_text(app)
            assert "not a hex colour" in text and "picked #112233" in text

    run_async(scenario())


def _count_renders(monkeypatch, cls) -> list[int]:
    """How many times widgets of ``cls`` are drawn (render is what paints them)."""
    calls = [0]
    render = cls.render

    def counting(self):
        calls[0] += 1
        return render(self)

    monkeypatch.setattr(cls, "render", counting)
    return calls


def test_one_slider_step_paints_the_slider_once(monkeypatch):
    renders = _count_renders(monkeypatch, SliderControl)

    async def scenario():
        async with running(EXAMPLES / "hello.py") as (app, pilot):
            await _focus(pilot, SliderControl)
            await settle(pilot)
            for key, shown in (("right", "At 55 km/h"), ("right", "At 60 km/h"), ("left", "At 55 km/h")):
                renders[0] = 0
                await pilot.press(key)
                await settle(pilot)
                assert shown in screen_text(app)
                assert renders[0] == 1  # the step itself; the run's echo of it draws nothing

    run_async(scenario())


def test_a_slow_run_echoing_the_step_does_not_paint_the_slider_again(write_app, monkeypatch):
    path = write_app(
        """
        import time
        import termlit as st
        v = st.slider("v", 0, 100, 50)
        st.text(f"v={v}")
        time.sleep(0.1)  # the run's result comes long after the slider moved
        """
    )
    renders = _count_renders(monkeypatch, SliderControl)

    async def scenario():
        async with running(path) as (app, pilot):
            await _focus(pilot, SliderControl)
            await settle(pilot)
            renders[0] = 0
            await pilot.press("right")
            await settle(pilot)
            assert "v=51" in screen_text(app)
            assert renders[0] == 1

    run_async(scenario())


def test_a_run_that_started_before_a_change_does_not_undo_it(write_app):
    path = write_app(
        """
        import time
        import termlit as st
        v = st.slider("v", 0, 100, 50)
        if v == 52:
            time.sleep(0.4)
        st.text(f"v={v}")
        if v == 51:
            time.sleep(0.4)  # the user moves on while this run sleeps
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            slider = await _focus(pilot, SliderControl)
            await settle(pilot)
            first = app.runner.run_count
            await pilot.press("right")  # 51: a run starts and sleeps
            await pilot.pause(0.1)
            await pilot.press("right")  # 52, while the run with 51 is still going
            for _ in range(200):  # until the run with 51 is on screen
                if app.last_applied is not None and app.last_applied.run_id == first + 1:
                    break
                await pilot.pause(0.01)
            text = screen_text(app)
            assert "v=51" in text  # that run's own output is shown...
            assert slider.value == (52,) and " 52" in text  # ...but not its older value of the slider
            await settle(pilot)
            assert "v=52" in screen_text(app) and slider.value == (52,)

    run_async(scenario())


def test_key_help_lists_the_keys_of_the_focused_widget_and_of_the_app():
    async def scenario():
        async with running(EXAMPLES / "hello.py") as (app, pilot):
            await pilot.press("question_mark")
            await pilot.pause()
            text = screen_text(app)
            assert "Everywhere" in text and "rerun the script" in text and "the next widget" in text
            assert "one step up" not in text  # nothing has focus yet
            await pilot.press("escape")
            await _focus(pilot, SliderControl)
            await pilot.press("f1")
            await pilot.pause()
            text = screen_text(app)
            assert "st.slider" in text and "one step up" in text and "rerun the script" in text
            assert text.index("st.slider") < text.index("Everywhere")  # the widget's own keys first

    run_async(scenario())


def test_the_footer_names_the_focused_element():
    async def scenario():
        async with running(EXAMPLES / "hello.py", size=(100, 30)) as (app, pilot):
            footer = screen_text(app).splitlines()[-1]
            assert "·" not in footer  # nothing focused: no name
            await pilot.press("tab")
            await settle(pilot)
            assert screen_text(app).splitlines()[-1].lstrip().startswith("Distance unit · selectbox")
            for _ in range(3):
                await pilot.press("tab")
            await settle(pilot)
            assert screen_text(app).splitlines()[-1].lstrip().startswith("Speed (km/h) · slider")

    run_async(scenario())
