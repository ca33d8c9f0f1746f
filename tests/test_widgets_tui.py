"""Every input widget driven by keyboard alone (Pilot), checked by what the screen shows."""

from __future__ import annotations

from conftest import run_async, running, settle, wait_for_text
from rich.cells import cell_len
from rich.console import Console

from termlit.testing.screen import screen_text
from termlit.tui.widgets._grid import Grid, GridColumn
from termlit.tui.widgets._multiselect import Chips
from termlit.tui.widgets._options import OptionItems
from termlit.tui.widgets._progress import ProgressBar
from termlit.tui.widgets._slider import SliderTrack
from termlit.tui.widgets._toggle import Switch


async def press(pilot, *keys: str) -> str:
    """Press keys, wait for the rerun, return the screen text."""
    await pilot.press(*keys)
    await settle(pilot)
    return screen_text(pilot.app)


def test_toggle_radio_pills_segments_feedback_and_select_slider_by_keyboard(write_app):
    path = write_app(
        """
        import termlit as st
        t = st.toggle("Dark mode")
        r = st.radio("Fruit", ["apple", "pear", "fig"], captions=["red", "green", "purple"])
        h = st.radio("Size", ["S", "M", "L"], index=None, horizontal=True)
        p = st.pills("Tags", ["a", "b", "c"], selection_mode="multi")
        s = st.segmented_control("Mode", ["x", "y"], default="x")
        f = st.feedback("stars")
        ss = st.select_slider("Level", ["low", "mid", "high"])
        st.text(f"t={t} r={r} h={h} p={p} s={s} f={f} ss={ss}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 40)) as (app, pilot):
            text = screen_text(app)
            assert "○━━ off Dark mode" in text and "purple" in text
            assert "t=False r=apple h=None p=[] s=x f=None ss=low" in text
            text = await press(pilot, "tab", "space")
            assert "━━● on  Dark mode" in text and "t=True" in text
            text = await press(pilot, "tab", "down", "down", "enter")
            assert "◉ fig" in text and "r=fig" in text
            text = await press(pilot, "tab", "right", "space")
            assert "◉ M" in text and "h=M" in text
            text = await press(pilot, "tab", "enter", "right", "right", "enter")
            assert "[✓ a]" in text and "[✓ c]" in text and "p=['a', 'c']" in text
            text = await press(pilot, "enter")  # the cursor is on c: unpick it
            assert "p=['a']" in text
            text = await press(pilot, "tab", "right", "enter")
            assert "✓ y" in text and "s=y" in text
            text = await press(pilot, "enter")  # picked again: cleared
            assert "s=None" in text
            text = await press(pilot, "tab", "end", "enter")
            assert "★  ★  ★  ★  ★" in text and "f=4" in text
            text = await press(pilot, "left", "left", "space")
            assert "★  ★  ★  ☆  ☆" in text and "f=2" in text
            text = await press(pilot, "tab", "right")
            assert "ss=mid" in text
            text = await press(pilot, "end")
            assert "ss=high" in text

    run_async(scenario())


def test_multiselect_picker_filters_adds_removes_and_limits(write_app):
    path = write_app(
        """
        import termlit as st
        m = st.multiselect("Fruit", ["apple", "banana", "cherry", "date"], ["banana"], max_selections=2)
        st.text(f"m={m}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 30)) as (app, pilot):
            assert "[banana ×]" in screen_text(app)
            await pilot.press("tab", "enter")
            await pilot.pause()
            text = screen_text(app)
            assert "☐ apple" in text and "☑ banana" in text
            await pilot.press(*"che")  # filter
            await pilot.pause()
            text = screen_text(app)
            assert "☐ cherry" in text and "apple" not in text
            text = await press(pilot, "enter", "escape")
            assert "[banana ×] [cherry ×]" in text and "m=['banana', 'cherry']" in text
            await pilot.press("enter", "down", "down", "down", "enter")  # a third one: over the limit
            await pilot.pause()
            assert "at most 2" in screen_text(app)
            text = await press(pilot, "escape")
            assert "m=['banana', 'cherry']" in text
            text = await press(pilot, "delete")  # the chip under the cursor: banana
            assert "m=['cherry']" in text and "[banana ×]" not in text

    run_async(scenario())


def test_text_area_applies_on_ctrl_j_and_ctrl_enter_keeps_newlines_and_max_chars(write_app):
    path = write_app(
        """
        import termlit as st
        t = st.text_area("Notes", "hi", max_chars=12)
        st.text(f"t={t!r}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 20)) as (app, pilot):
            await pilot.press("tab", "end", "enter", *"there")
            await pilot.pause()
            assert "t='hi'" in screen_text(app)  # Enter is a new line, not a submit
            text = await press(pilot, "ctrl+j")
            assert "t='hi\\nthere'" in text
            text = await press(pilot, "!", "ctrl+enter")
            assert "t='hi\\nthere!'" in text
            await pilot.press(*"123456")
            await pilot.pause()
            text = screen_text(app)
            assert "At most 12 characters" in text
            assert "there!123" in text and "there!1234" not in text
            text = await press(pilot, "escape")
            assert "t='hi\\nthere!123'" in text

    run_async(scenario())


def test_date_time_and_datetime_inputs_step_and_take_typed_values(write_app):
    path = write_app(
        """
        import termlit as st
        from datetime import date, datetime, time
        d = st.date_input("Day", date(2024, 1, 31), min_value=date(2024, 1, 1), max_value=date(2024, 12, 31))
        r = st.date_input("Trip", (date(2024, 5, 1), date(2024, 5, 3)), format="DD.MM.YYYY")
        t = st.time_input("At", time(8, 30))
        dt = st.datetime_input("When", datetime(2024, 1, 1, 9, 0))
        st.text(f"d={d} r={r[0]}..{r[1]} t={t} dt={dt}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "2024/01/31" in text and "01.05.2024" in text and "3 days" in text
            text = await press(pilot, "tab", "right")
            assert "d=2024-02-01" in text and "Thu" in text
            text = await press(pilot, "pageup", "up")
            assert "d=2024-03-08" in text
            text = await press(pilot, "home")
            assert "d=2024-01-01" in text
            await pilot.press("end")  # typing: End moves the cursor once the text differs
            text = await press(pilot, "ctrl+u", *"2025-06-01", "enter")  # beyond max: clamped, with a note
            assert "d=2024-12-31" in text and "latest allowed" in text
            text = await press(pilot, "ctrl+u", *"tomorrow", "enter")
            assert "is not a valid date" in text and "d=2024-12-31" in text
            text = await press(pilot, "tab", "ctrl+u", *"10.05.2024", "enter")  # the start passes the end: held
            assert "r=2024-05-03..2024-05-03" in text and "1 day" in text and "latest allowed here" in text
            text = await press(pilot, "tab", "up")  # the end date: a week later
            assert "r=2024-05-03..2024-05-10" in text and "8 days" in text
            text = await press(pilot, "tab", "right", "up")
            assert "t=09:45:00" in text
            text = await press(pilot, "ctrl+u", *"7:05 pm", "enter")
            assert "t=19:05:00" in text
            text = await press(pilot, "tab", "right", "up", "pagedown")
            assert "dt=2023-12-02 09:15:00" in text

    run_async(scenario())


def test_date_slider_steps_by_day_and_shows_its_format(write_app):
    path = write_app(
        """
        import termlit as st
        from datetime import date, time, timedelta
        d = st.slider("Day", value=date(2024, 1, 10), format="MMM D")
        t = st.slider("Hours", value=(time(9), time(17)), step=timedelta(minutes=30))
        st.text(f"d={d} t={t[0]}-{t[1]}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 16)) as (app, pilot):
            assert "Jan 10" in screen_text(app)
            text = await press(pilot, "tab", "right", "shift+right")
            assert "d=2024-01-21" in text and "Jan 21" in text
            text = await press(pilot, "tab", "space", "left", "left")  # the upper thumb
            assert "t=09:00:00-16:00:00" in text and "09:00 – 16:00" in text

    run_async(scenario())


def test_file_uploader_picks_files_from_a_keyboard_file_tree(write_app, tmp_path, monkeypatch):
    files = tmp_path / "files"
    files.mkdir()
    (files / "data.csv").write_text("a,b\n1,2\n")
    (files / "notes.txt").write_text("hello")
    (files / "sub").mkdir()
    (files / "sub" / "inner.csv").write_text("x\n")
    monkeypatch.chdir(files)
    path = write_app(
        """
        import termlit as st
        f = st.file_uploader("Data", type="csv")
        many = st.file_uploader("Many", accept_multiple_files=True)
        st.text(f"f={f.name if f else None} {f.getvalue() if f else b''!r} many={[x.name for x in many]}")
        """
    )

    async def scenario():
        async with running(path, size=(90, 30)) as (app, pilot):
            await pilot.press("tab", "enter")
            text = await wait_for_text(pilot, "data.csv")
            assert "notes.txt" not in text  # filtered by type
            await pilot.press("down", "down")  # past the folder "sub", onto data.csv
            text = await press(pilot, "enter")
            assert "f=data.csv b'a,b\\n1,2\\n'" in text and "• data.csv  8 B" in text
            await pilot.press("tab", "enter")
            await wait_for_text(pilot, "notes.txt")
            await pilot.press("down", "down", "enter", "down", "enter")  # mark both files
            await wait_for_text(pilot, "2 marked")
            text = await press(pilot, "ctrl+s")
            assert "many=['data.csv', 'notes.txt']" in text
            text = await press(pilot, "delete")
            assert "many=[]" in text
            await pilot.press("enter")
            await wait_for_text(pilot, "notes.txt")
            text = await press(pilot, "escape")  # cancelled: nothing changes
            assert "many=[]" in text

    run_async(scenario())


def test_download_button_asks_for_a_path_confirms_overwrite_and_says_where(write_app, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    path = write_app(
        """
        import termlit as st
        st.session_state.setdefault("saves", 0)
        def saved():
            st.session_state.saves += 1
        pressed = st.download_button("Save report", lambda: "report body", file_name="report.txt", on_click=saved)
        st.text(f"pressed={pressed} saves={st.session_state.saves}")
        """
    )

    async def scenario():
        async with running(path, size=(90, 24)) as (app, pilot):
            await pilot.press("tab", "enter")
            await wait_for_text(pilot, "report.txt")
            text = await press(pilot, "enter")
            assert (out / "report.txt").read_text() == "report body"
            assert "pressed=True saves=1" in text and "Saved 11 B to" in text
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("enter")  # the file exists: asks first
            await pilot.pause()
            assert "already exists" in screen_text(app)
            text = await press(pilot, "enter")
            assert "saves=2" in text
            await pilot.press("enter", "ctrl+u", *"nowhere/x.txt", "enter")
            await pilot.pause()
            assert "does not exist" in screen_text(app)
            text = await press(pilot, "escape", "ctrl+r")  # cancelled: no press
            assert "pressed=False saves=2" in text

    run_async(scenario())


def test_chat_input_sends_on_enter_and_messages_show_avatars(write_app):
    path = write_app(
        """
        import termlit as st
        st.session_state.setdefault("log", [("assistant", "Hi! Ask me anything.")])
        msg = st.chat_input("Say something")
        if msg:
            st.session_state.log += [("user", msg), ("assistant", f"You said: {msg}")]
        for who, text in st.session_state.log:
            with st.chat_message(who):
                st.write(text)
        st.text(f"msg={msg!r}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 20)) as (app, pilot):
            text = screen_text(app)
            assert "Say something" in text and "🤖" in text and "Hi! Ask me anything." in text
            text = await press(pilot, "tab", *"hey", "enter")
            assert "msg='hey'" in text and "🧑" in text and "You said: hey" in text
            lines = text.splitlines()
            assert "Say something" in lines[-3]  # docked at the bottom, emptied
            text = await press(pilot, "ctrl+r")
            assert "msg=None" in text and "You said: hey" in text

    run_async(scenario())


def _drawn(renderable, width: int) -> list[str]:
    """What a bare Rich console prints for ``renderable`` at ``width`` cells."""
    console = Console(width=width, color_system=None, record=True, legacy_windows=False)
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


def test_controls_draw_with_a_bare_rich_console_measuring_cells_not_characters():
    # A label of wide characters: the track makes room for its cells.
    (line,) = _drawn(SliderTrack([0.5], "日本語"), 30)
    assert cell_len(line) == 30 and line.endswith("  日本語") and "◉" not in line and "●" in line
    (line,) = _drawn(SliderTrack([0.0, 1.0], "1 – 9", active=1), 20)
    assert line.startswith("●") and line.rstrip().endswith("◉  1 – 9")
    assert _drawn(Switch(True, "Dark mode"), 30) == ["━━● on  Dark mode"]
    assert _drawn(Switch(False, None), 30) == ["○━━ off"]
    # Pills wrap by cells: two pills of 8 cells and a gap of 2 take 18.
    pills = OptionItems("pills", ["猫猫", "犬犬", "鳥鳥"], frozenset({1}), cursor=None)
    assert _drawn(pills, 18) == ["[ 猫猫 ]  [✓ 犬犬]", "[ 鳥鳥 ]"]
    assert _drawn(pills, 17) == ["[ 猫猫 ]", "[✓ 犬犬]", "[ 鳥鳥 ]"]
    radio = _drawn(OptionItems("radio", ["a", "b"], frozenset({0}), cursor=1, captions=["one", ""]), 20)
    assert radio == ["  ◉ a", "    one", "› ○ b"]
    assert _drawn(Chips(["apple", "fig"], None, "Choose"), 40) == ["[apple ×] [fig ×]  ▾"]
    assert _drawn(ProgressBar(50, "Half way"), 16) == ["Half way", "█████░░░░░  50%"]


def test_a_table_window_draws_with_a_bare_rich_console():
    grid = Grid(
        columns=[GridColumn("n", 3, True, ["1", "22"], [False, False]),
                 GridColumn("word", 4, False, ["日本", "NaN"], [False, True])],
        page=3, status="row 1 of 2", index=["0", "1"], index_width=1, cursor=(0, 1),
    )
    lines = _drawn(grid, 24)
    assert lines[0].rstrip() == "   │   n  word"
    assert lines[1].rstrip() == "›0 │   1  日本"
    assert lines[2].rstrip() == " 1 │  22   NaN"  # missing values align right
    assert lines[3].strip() == "" and lines[4].rstrip() == " row 1 of 2"
    assert {cell_len(line) for line in lines} == {24}


def test_the_chat_input_comes_last_in_the_tab_order(write_app):
    path = write_app(
        """
        import termlit as st
        st.button("first")
        for i in range(40):
            st.text(f"line {i}")
        st.button("last")
        st.chat_input("Say something")
        """
    )

    async def scenario():
        async with running(path, size=(80, 20)) as (app, pilot):
            seen = []
            for _ in range(4):
                await pilot.press("tab")
                seen.append(type(app.focused).__name__ + ":" + str(getattr(app.focused, "label", "")))
            assert seen == ["ButtonView:first", "ButtonView:last", "ChatField:", "ButtonView:first"]

    run_async(scenario())


def test_a_selectbox_of_numpy_values_keeps_its_choice_across_reruns(write_app):
    path = write_app(
        """
        import numpy as np
        import termlit as st
        n = st.selectbox("Number", np.array([10, 20, 30]))
        st.text(f"n={n}")
        """
    )

    async def scenario():
        async with running(path, size=(60, 12)) as (app, pilot):
            text = await press(pilot, "tab", "enter", "down", "enter")
            assert "n=20" in text
            text = await press(pilot, "ctrl+r")  # new option objects, equal to the old ones
            assert "n=20" in text and "20" in text.split("n=20")[0]  # the box still shows it

    run_async(scenario())
