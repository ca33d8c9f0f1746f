"""The pages in the terminal, driven by keys through Pilot: the sidebar menu,
the page picker (also with the sidebar hidden at 80 columns), the top row,
page links, and the top bar naming the page."""

from __future__ import annotations

from conftest import EXAMPLES, run_async, running, settle

from termlit.testing.screen import screen_text
from termlit.tui.widgets._navigation import PageLinkView, PageMenu, PagePicker, PageTabs

MULTIPAGE = EXAMPLES / "multipage" / "streamlit_app.py"


def _topbar(app) -> str:
    return screen_text(app).splitlines()[0]


async def _press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def test_the_sidebar_menu_switches_pages_and_the_top_bar_names_the_page():
    async def go():
        async with running(MULTIPAGE) as (app, pilot):
            screen = screen_text(app)
            assert "👋 Welcome" in _topbar(app)
            assert "Overview" in screen and "Reports" in screen and "▌👋 Welcome" in screen
            app.query_one(PageMenu).focus()
            await _press(pilot, "down", "enter")
            assert "▥ Sales" in _topbar(app)  # a Material icon drawn as a glyph
            assert ":material" not in screen_text(app)
            assert app.runner.session.page == "sales"

    run_async(go())


def test_the_entrypoint_widget_keeps_its_value_and_a_page_widget_resets():
    async def go():
        async with running(MULTIPAGE) as (app, pilot):
            app.query_one(PageMenu).focus()
            await _press(pilot, "down", "enter", "tab")  # the menu, then the region
            await _press(pilot, "enter", "down", "enter")  # region: South
            await _press(pilot, "tab", "right", "right")  # months: 5
            assert "South: 5 months" in screen_text(app)
            await _press(pilot, "ctrl+p", *"stock", "enter")
            assert "📦 stock" in _topbar(app)
            await _press(pilot, "ctrl+p", *"sales", "enter")
            text = screen_text(app)
            assert "South: 3 months" in text  # region kept, months back to 3

    run_async(go())


def test_the_page_picker_works_with_the_sidebar_hidden_at_80_columns():
    async def go():
        async with running(MULTIPAGE, size=(80, 24)) as (app, pilot):
            await _press(pilot, "ctrl+b")
            assert app.sidebar_area.has_class("-hidden")
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, PagePicker)
            await _press(pilot, *"ord", "enter")
            assert not isinstance(app.screen, PagePicker)
            assert "🛒 Orders" in _topbar(app) and app.sidebar_area.has_class("-hidden")
            await _press(pilot, "ctrl+p", "escape")
            assert "🛒 Orders" in _topbar(app)

    run_async(go())


def test_a_page_link_opens_its_page_and_a_button_switches_pages(write_app):
    async def go():
        async with running(MULTIPAGE) as (app, pilot):
            links = list(app.query(PageLinkView))
            links[1].focus()  # "Place an order"
            await _press(pilot, "enter")
            assert "🛒 Orders" in _topbar(app)
            button = next(w for w in app.query("ButtonView"))
            button.focus()
            await _press(pilot, "enter")  # Place the order: st.switch_page("thanks.py")
            assert "Ordered: 1 bolts for the North region." in screen_text(app)
            assert "thanks" in _topbar(app)

    run_async(go())


def test_an_external_link_is_copied_not_run(write_app):
    async def go():
        async with running(MULTIPAGE) as (app, pilot):
            links = list(app.query(PageLinkView))
            links[2].focus()
            await _press(pilot, "enter")
            assert app.clipboard == "https://docs.streamlit.io/develop/concepts/multipage-apps"
            assert "👋 Welcome" in _topbar(app)

    run_async(go())


def test_the_top_row_lists_the_pages_and_opens_one(write_app):
    path = write_app("""
        import termlit as st
        def first(): st.markdown("first page")
        def second(): st.markdown("second page")
        st.navigation({"": [st.Page(first)], "More": [st.Page(second, icon="🔥")]}, position="top").run()
    """)

    async def go():
        async with running(path) as (app, pilot):
            tabs = app.query_one(PageTabs)
            row = screen_text(app).splitlines()[1]
            assert "first" in row and "More ›" in row and "🔥 second" in row
            assert not app.query_one(PageMenu).has_class("-shown")
            tabs.focus()
            await _press(pilot, "right", "enter")
            assert "second page" in screen_text(app)

    run_async(go())


def test_a_single_page_app_has_no_menu_and_no_page_picker(write_app):
    path = write_app("import termlit as st\nst.markdown('alone')\n")

    async def go():
        async with running(path) as (app, pilot):
            await _press(pilot, "ctrl+p")
            assert not isinstance(app.screen, PagePicker)
            assert "Pages" not in screen_text(app).splitlines()[-1]

    run_async(go())


def test_a_page_that_is_gone_is_said_in_a_toast(write_app):
    path = write_app("""
        import termlit as st
        def home(): st.markdown("home")
        def extra():
            if st.button("drop me"):
                st.session_state.dropped = True
                st.rerun()
        pages = [st.Page(home)] + ([] if st.session_state.get("dropped") else [st.Page(extra)])
        st.navigation(pages).run()
    """)

    async def go():
        async with running(path) as (app, pilot):
            said: list[str] = []
            notify = app.notify
            app.notify = lambda message, **kw: (said.append(message), notify(message, **kw))  # toasts are off under Pilot
            await _press(pilot, "ctrl+p", *"extra", "enter")
            next(w for w in app.query("ButtonView")).focus()
            await _press(pilot, "enter")
            assert "home" in screen_text(app)
            assert [m for m in said if m.startswith("Page not found: 'extra'")]

    run_async(go())
