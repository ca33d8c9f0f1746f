"""Horizontal containers, grids, space, st.bottom, autoscroll, drawers and
the containers that track their state, as drawn in the terminal (Pilot)."""

from __future__ import annotations

import textwrap

from conftest import EXAMPLES, run_async, running, settle

from termlit.testing.screen import screen_text
from termlit.tui.widgets._containers import TabsView


def _app(tmp_path, source: str):
    path = tmp_path / "app.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def _views(app, kind: str):
    from termlit.tui.widgets._base import ElementView

    return [w for w in app.screen.query("*") if isinstance(w, ElementView) and w.element.kind == kind]


def _line_of(app, text: str) -> int:
    for y, line in enumerate(screen_text(app).splitlines()):
        if text in line:
            return y
    raise AssertionError(f"{text!r} is not on screen")


async def _tab_to(pilot, predicate, limit: int = 40):
    for _ in range(limit):
        await pilot.press("tab")
        if pilot.app.focused is not None and predicate(pilot.app.focused):
            return pilot.app.focused
    raise AssertionError("Tab never reached the widget")


def test_tracked_tabs_rerun_with_the_new_tab_and_the_script_can_switch_them():
    async def scenario():
        async with running(EXAMPLES / "layout_new.py", size=(100, 40)) as (app, pilot):
            text = screen_text(app)
            assert "The overview runs only" in text and "Rows: 3" not in text
            await _tab_to(pilot, lambda w: type(w).__name__ == "ContentTabs")
            runs = app.runner.run_count
            await pilot.press("right")
            await settle(pilot)
            assert app.runner.run_count == runs + 1
            text = screen_text(app)
            assert "Rows: 3" in text and "The overview runs only" not in text
            assert "Changes: tab: Data" in text
            # Back to the first tab by keyboard, then the script's button picks "Data" again.
            await pilot.press("left")
            await settle(pilot)
            assert "The overview runs only" in screen_text(app)
            await _tab_to(pilot, lambda w: "Show the data tab" in str(getattr(w, "label", "")))
            await pilot.press("enter")
            await settle(pilot)
            text = screen_text(app)
            assert "Rows: 3" in text
            tabs = app.screen.query_one(TabsView)
            assert tabs.active == "tab-2"
            # A switch the script made is not sent back as the user's: one log line per user switch.
            assert "Changes: tab: Data, tab: Overview" in text

    run_async(scenario())


def test_a_tracked_expander_runs_its_callback_and_its_content_when_opened():
    async def scenario():
        async with running(EXAMPLES / "layout_new.py", size=(100, 40)) as (app, pilot):
            assert "Opened: this part ran" not in screen_text(app)
            await _tab_to(pilot, lambda w: type(w).__name__ == "CollapsibleTitle")
            await pilot.press("enter")
            await settle(pilot)
            text = screen_text(app)
            assert "Opened: this part ran because the expander is open." in text
            assert "details: open" in text
            await pilot.press("enter")
            await settle(pilot)
            text = screen_text(app)
            assert "Opened: this part ran" not in text and "details: closed" in text

    run_async(scenario())


def test_a_horizontal_container_wraps_when_the_terminal_is_narrow(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        with st.container(horizontal=True):
            for name in ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]:
                st.button(name)
    """)

    async def scenario(size):
        async with running(path, size=size) as (app, pilot):
            return {_line_of(app, name) for name in ["Alpha", "Foxtrot"]}

    assert len(run_async(scenario((120, 20)))) == 1  # one row
    assert len(run_async(scenario((40, 20)))) == 2  # Foxtrot went to another row


def test_a_row_that_does_not_wrap_scrolls_sideways(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        with st.container(horizontal=True, wrap=False):
            for name in ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]:
                st.button(name)
    """)

    async def scenario():
        async with running(path, size=(40, 20)) as (app, pilot):
            before = screen_text(app)
            await _tab_to(pilot, lambda w: "Foxtrot" in str(getattr(w, "label", "")))
            await pilot.pause()
            return before, screen_text(app)

    before, after = run_async(scenario())
    assert "Alpha" in before and "Bravo" in before and "Foxtrot" not in before
    line = next(line for line in after.splitlines() if "Foxtrot" in line)
    assert "Alpha" not in line  # scrolled to the focused button, still one row


def test_horizontal_alignment_and_stretching_space_place_the_elements(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        with st.container(horizontal=True, horizontal_alignment="right"):
            st.button("Right")
        with st.container(horizontal=True):
            st.button("Left")
            st.space("stretch")
            st.button("Far")
    """)

    async def scenario():
        async with running(path, size=(80, 20)) as (app, pilot):
            lines = screen_text(app).splitlines()
            right = next(line for line in lines if "Right" in line)
            far = next(line for line in lines if "Far" in line)
            return right.index("Right"), far.index("Left"), far.index("Far")

    right, left, far = run_async(scenario())
    assert right > 60 and far > 60 and left < 10


def test_grid_shows_fewer_columns_when_narrow_and_a_full_width_cell(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        g = st.grid(3, border=True)
        for name in ["one", "two", "three"]:
            g.write(name)
        with g.cell(column_span="all"):
            st.write("everything")
    """)

    async def scenario(size):
        async with running(path, size=size) as (app, pilot):
            return [_line_of(app, name) for name in ["one", "two", "three", "everything"]]

    one, two, three, everything = run_async(scenario((100, 30)))
    assert one == two == three and everything > one
    one, two, three, everything = run_async(scenario((40, 30)))
    assert one < two < three < everything  # one column


def test_space_adds_lines_and_bottom_stays_at_the_bottom(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        st.write("above")
        st.space("large")
        st.write("below")
        for i in range(40):
            st.write(f"line {i}")
        st.bottom.write("pinned line")
    """)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            gap = _line_of(app, "below") - _line_of(app, "above")
            pinned = _line_of(app, "pinned line")
            await pilot.press("pagedown")
            await pilot.pause()
            return gap, pinned, _line_of(app, "pinned line")

    gap, pinned, after_scroll = run_async(scenario())
    assert gap == 4  # "large" is three blank lines between the two
    assert pinned >= 21 and after_scroll == pinned  # above the footer, whatever the scroll


def test_autoscroll_keeps_a_fixed_height_container_at_its_end(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        with st.container(height=6, autoscroll=True):
            for i in range(30):
                st.text(f"row {i}")
        with st.container(height=6):
            for i in range(30):
                st.text(f"item {i}")
    """)

    async def scenario():
        async with running(path, size=(80, 30)) as (app, pilot):
            await pilot.pause()
            return screen_text(app)

    text = run_async(scenario())
    assert "row 29" in text and "row 0" not in text
    assert "item 0" in text and "item 29" not in text


def test_a_dialog_on_the_right_is_a_full_height_drawer(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        @st.dialog("Filters", icon="⚙", position="right")
        def filters():
            st.write("in the drawer")
        filters()
    """)

    async def scenario():
        async with running(path, size=(100, 30)) as (app, pilot):
            await settle(pilot)
            body = app.screen.body
            return screen_text(app), body.region

    text, region = run_async(scenario())
    assert "⚙ Filters" in text and "in the drawer" in text
    # Every row but the last, where the drawer's key footer is.
    assert region.right == 100 and region.height == 29
    assert text.splitlines()[-1].split() == ["f1", "Keys", "esc", "Close"]


def test_step_expanders_and_a_tab_panel_with_a_height(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        with st.expander("Parse the question", type="step", expanded=True):
            st.write("parsed")
        st.expander("Answer", type="compact")
        (tab,) = st.tabs(["Log"], height=4)
        with tab:
            for i in range(20):
                st.text(f"entry {i}")
    """)

    async def scenario():
        async with running(path, size=(80, 30)) as (app, pilot):
            return screen_text(app)

    text = run_async(scenario())
    assert "○ Parse the question" in text and "▏ parsed" in text  # a step: placeholder icon, a rule down its side
    assert "Answer" in text and "○ Answer" not in text
    # Four rows: the tab's top padding and three entries; the rest scroll.
    assert "entry 0" in text and "entry 2" in text and "entry 3" not in text


def test_a_cell_spanning_two_rows_has_two_cells_beside_it(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        g = st.grid(3, border=True)
        with g.cell(row_span=2):
            st.write("tall")
        for name in ["aa", "bb", "cc", "dd", "ee"]:
            g.write(name)
    """)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            return {name: _line_of(app, name) for name in ["tall", "aa", "bb", "cc", "dd", "ee"]}

    lines = run_async(scenario())
    assert lines["tall"] == lines["aa"] == lines["bb"]
    assert lines["cc"] == lines["dd"] > lines["aa"]  # beside the tall cell, in its second row
    assert lines["ee"] > lines["cc"]  # below it: the next free place


def test_a_tracked_popover_reruns_with_its_state(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        count = st.session_state.setdefault("count", [0])
        def changed():
            count[0] += 1
        menu = st.popover("Menu", key="menu", on_change=changed)
        with menu:
            st.write("menu content")
        st.write(f"open={menu.open} changes={count[0]}")
    """)

    async def scenario():
        async with running(path, size=(80, 20)) as (app, pilot):
            first = screen_text(app)
            await _tab_to(pilot, lambda w: type(w).__name__ == "CollapsibleTitle")
            await pilot.press("enter")
            await settle(pilot)
            return first, screen_text(app)

    first, after = run_async(scenario())
    assert "open=False changes=0" in first and "menu content" not in first
    assert "open=True changes=1" in after and "menu content" in after


def test_a_grid_that_does_not_wrap_keeps_its_columns_and_scrolls(tmp_path):
    path = _app(tmp_path, """
        import termlit as st
        g = st.grid(4, wrap=False, border=True)
        for name in ["one", "two", "three", "four"]:
            g.write(name)
    """)

    async def scenario():
        async with running(path, size=(60, 12)) as (app, pilot):
            return screen_text(app)

    text = run_async(scenario())
    line = next(line for line in text.splitlines() if "one" in line)
    assert "two" in line and "four" not in text  # one row of four columns, the last out of view
