"""Pickers with 100,000 options: they open, move, filter and pick like small
ones, and draw only what is on screen."""

from __future__ import annotations

import random
from collections.abc import Sequence

from conftest import run_async, running, settle, wait_for_text

from termlit.common.filtering import OptionMatcher, filter_options
from termlit.testing.screen import screen_text

MANY = 'opts = [f"option {i}" for i in range(100_000)]\n'


def test_selectbox_of_100k_options_opens_pages_and_filters(write_app):
    from termlit.tui.widgets._drop_down import DropDownRows

    path = write_app("import termlit as st\n" + MANY + """
s = st.selectbox("Pick one", opts)
st.write(f"picked={s}")
""")

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            await pilot.press("tab", "enter")
            await pilot.pause()
            screen = screen_text(app)
            assert "option 5" in screen and "option 11" in screen and "option 40" not in screen
            rows = app.query_one(DropDownRows)
            page = rows.scrollable_content_region.height
            await pilot.press("pagedown", "enter")
            await settle(pilot)
            assert f"picked=option {page}" in screen_text(app)
            await pilot.press("enter", "end")
            await pilot.pause()
            assert "option 99999" in screen_text(app) and "option 5\n" not in screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert "picked=option 99999" in screen_text(app)
            await pilot.press(*"77777")  # typing opens the filter list
            await wait_for_text(pilot, "option 77777")
            await pilot.pause(0.2)
            screen = screen_text(app)
            assert "╭─ Pick one" in screen and "option 77777" in screen and "option 12" not in screen
            await pilot.press("enter")
            await settle(pilot)
            assert "picked=option 77777" in screen_text(app)

    run_async(go())


def test_multiselect_picks_two_of_100k_options(write_app):
    from termlit.tui.widgets._lazy_options import LazyRows

    path = write_app("import termlit as st\n" + MANY + """
m = st.multiselect("Pick many", opts)
st.write(f"picked={m}")
""")

    async def go():
        async with running(path, size=(80, 30)) as (app, pilot):
            await pilot.press("tab", "enter")
            await pilot.pause()
            screen = screen_text(app)
            assert "☐ option 0" in screen and "☐ option 9" in screen and "Select all" not in screen
            await pilot.click(LazyRows, offset=(3, 1))  # the focus it takes does not move the rows
            await pilot.pause()
            assert "☑ option 1" in screen_text(app) and "☑ option 0" not in screen_text(app)
            await pilot.press(*"99999")
            await pilot.pause(0.2)
            screen = await wait_for_text(pilot, "option 99999")
            assert "option 5\n" not in screen
            await pilot.press("enter")
            await pilot.pause()
            assert "☑ option 99999" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            assert "picked=['option 1', 'option 99999']" in screen_text(app)

    run_async(go())


def test_horizontal_radio_and_pills_of_100k_options_move_by_pages(write_app):
    path = write_app("import termlit as st\n" + MANY + """
r = st.radio("Radio", opts, horizontal=True)
st.write(f"radio={r}")
p = st.pills("Pills", opts)
st.write(f"pills={p}")
""")

    async def go():
        async with running(path, size=(100, 40)) as (app, pilot):
            radio, pills = screen_text(app).split("Pills")
            assert "◉ option 0" in radio and "○ option 19" in radio and "option 20 " not in radio
            assert "99,980 more ›" in radio and "‹" not in radio
            assert "[ option 19 ]" in pills and "99,980 more ›" in pills
            await pilot.press("tab", "left")  # wraps round to the last option
            await pilot.pause()
            radio = screen_text(app).split("Pills")[0]
            assert "‹ 99,980 more" in radio and "option 99999" in radio and "option 0 " not in radio
            await pilot.press("enter")
            await settle(pilot)
            assert "radio=option 99999" in screen_text(app)
            await pilot.press(*["right"] * 21, "enter")  # option 0, then 20: the second page
            await settle(pilot)
            radio = screen_text(app).split("Pills")[0]
            assert "radio=option 20" in radio and "‹ 20 more" in radio and "99,960 more ›" in radio
            await pilot.press("tab", "right", "enter")
            await settle(pilot)
            assert "pills=option 1" in screen_text(app)
            await pilot.press("end", "enter")
            await settle(pilot)
            screen = screen_text(app)
            assert "pills=option 99999" in screen and "[✓ option 99999]" in screen

    run_async(go())


class Counted(Sequence):
    """Labels made on demand, counting how many were asked for."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.made = 0

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, i):
        self.made += 1
        return f"item {i}"


def test_lazy_rows_draws_only_the_rows_on_screen():
    from textual.app import App

    from termlit.tui.widgets._lazy_options import LazyRows

    labels = Counted(1_000_000)
    picked = []

    class One(App):
        def compose(self):
            yield LazyRows(labels)

        def on_lazy_rows_selected(self, event):
            picked.append(event.index)

    async def go():
        app = One()
        async with app.run_test(size=(40, 12)) as pilot:
            rows = app.query_one(LazyRows)
            rows.focus()
            await pilot.press("down", "pagedown", "end", "up", "enter")
            await pilot.pause()
            assert picked == [999_998]
            assert "item 999998" in screen_text(app) and "item 5\n" not in screen_text(app)
            await pilot.press("home", "pagedown", "enter")
            await pilot.pause()
            assert picked[-1] == rows.scrollable_content_region.height
        assert labels.made < 2_000  # a few screens of rows, not a million

    run_async(go())


def _oracle(labels, query, mode):
    """What filtering answered before it went step by step."""
    if not query or mode is None:
        return list(range(len(labels)))
    q = query.lower()
    if mode == "prefix":
        return [i for i, label in enumerate(labels) if label.lower().startswith(q)]
    if mode == "contains":
        return [i for i, label in enumerate(labels) if q in label.lower()]
    scored = []
    for i, label in enumerate(labels):
        pos, score, low = -1, 0, label.lower()
        for ch in q:
            found = low.find(ch, pos + 1)
            if found < 0:
                break
            score += found - pos - 1 if pos >= 0 else found
            pos = found
        else:
            scored.append((score, i))
    return [i for _score, i in sorted(scored)]


def test_option_matcher_answers_as_filtering_did_step_by_step_and_narrowing():
    rnd = random.Random(3)
    labels = ["".join(rnd.choice("abcAB .x-[]^\\İ") for _ in range(rnd.randint(0, 10))) for _ in range(12_000)]
    for mode in ("fuzzy", "contains", "prefix", None):
        matcher = OptionMatcher(labels, mode)
        query = ""
        for _ in range(60):
            grow = rnd.random() < 0.6 and len(query) < 4
            query = query + rnd.choice("abAx .-[]^\\") if grow else "".join(rnd.choice("abx .") for _ in range(2))
            matcher.start(query)
            steps = 0
            while not matcher.step(0.0):  # the smallest steps: one block, or 2,000 candidates
                steps += 1
                assert len(matcher.preview(5)) <= 5
            want = _oracle(labels, query, mode)
            assert list(matcher.matches) == want, (mode, query)
            assert filter_options(labels, query, mode) == want
    assert filter_options(["Banana", "Bandana", "Cabana", "Apple"], "bna", "fuzzy") == [0, 1, 2]


def test_keys_in_a_burst_act_in_the_order_they_were_pressed(write_app):
    # Enter and PgDn were bindings: in a burst they acted after the letters
    # typed behind them, on the list those letters filtered.
    from textual import events

    from termlit.tui.widgets._multiselect import MultiselectPicker

    path = write_app("""
        import termlit as st
        city = st.selectbox("City", ["Oslo", "Osaka", "Boston", "Lisbon"], filter_mode="contains")
        st.write(f"city={city}")
        many = st.multiselect("Many", [f"m{i}" for i in range(40)], select_all=False)
        st.write(f"many={many}")
    """)

    def burst(app, *keys):
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))

    async def go():
        async with running(path, size=(80, 30)) as (app, pilot):
            await pilot.press("tab")
            burst(app, "b", "o", "s", "enter")  # typed on the closed selectbox, faster than the list opens
            await settle(pilot)
            assert "city=Boston" in screen_text(app)
            await pilot.press("tab", "enter")
            await pilot.pause()
            assert isinstance(app.screen, MultiselectPicker)
            burst(app, "down", "enter", "3", "9")
            await pilot.pause(0.3)
            assert app.screen.chosen == [1]  # m1, not the first match of "39"
            await pilot.press("enter", "escape")
            await settle(pilot)
            assert "many=['m1', 'm39']" in screen_text(app)

    run_async(go())


def test_find_indexes_answers_as_find_index_does():
    from termlit.common.values import find_index, find_indexes

    rnd = random.Random(5)
    pool = [0, 1, 1.0, True, False, None, "a", "b", "1", 2.5, float("nan"), -0.0, 0.0, (1,)]
    for _ in range(300):
        options = [rnd.choice(pool) for _ in range(rnd.randint(0, 12))]
        if rnd.random() < 0.2:
            options.append([1])  # unhashable: looked up by a scan
        values = [rnd.choice(pool + options) for _ in range(rnd.randint(0, 10))]
        assert find_indexes(options, values) == [find_index(options, v) for v in values], (options, values)
    many = [f"option {i}" for i in range(100_000)]
    chosen = [f"option {i}" for i in range(99_000, 100_000)]  # equal, not the same objects
    assert find_indexes(many, chosen) == list(range(99_000, 100_000))


def test_many_chips_show_the_page_of_the_cursor(write_app):
    path = write_app("""
        import termlit as st
        opts = [f"o{i}" for i in range(100)]
        m = st.multiselect("Many", opts, default=opts[:60])
        st.write(f"n={len(m)} last={m[-1]}")
    """)

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            screen = screen_text(app)
            assert "[o0 ×]" in screen and "[o19 ×]" in screen and "[o20 ×]" not in screen
            assert "40 more ›" in screen
            await pilot.press("tab", "end")
            await pilot.pause()
            screen = screen_text(app)
            assert "‹ 40 more" in screen and "[o59 ×]" in screen and "[o0 ×]" not in screen
            await pilot.press("delete")
            await settle(pilot)
            assert "n=59 last=o58" in screen_text(app)

    run_async(go())
