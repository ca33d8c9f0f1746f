"""Multipage rules that Streamlit's AppTest cannot show (the menu's rules, the
page-not-found fall-back, a switch_page loop, page links followed headless,
switch_page in a callback), checked with termlit's AppTest."""

from __future__ import annotations

import pytest

from pages_helpers import App, errors, texts

from termlit.common.icons import check_icon, icon_glyph, split_leading_emoji
from termlit.errors import StreamlitAPIException
from termlit.runtime.pages import page_name, page_sort_key


@pytest.fixture
def app(tmp_path):
    return App("termlit", tmp_path)


def test_switch_page_in_a_callback_goes_to_the_page(app):
    # Streamlit's AppTest makes a new page registry for every run, so its
    # callbacks find no page; a live session keeps it, as termlit does.
    app.write("app.py", "import streamlit as st\nst.navigation([st.Page('a.py'), st.Page('b.py')]).run()\n")
    app.write("a.py", "import streamlit as st\nst.button('go', on_click=lambda: st.switch_page('b.py'))\n")
    app.write("b.py", "import streamlit as st\nst.markdown('b')\n")
    at = app.start()
    at.button[0].click().run()
    assert texts(at) == ["b"] and at.navigation.current == "b"


def test_pages_that_switch_to_each_other_are_stopped_with_a_message(app):
    app.write("app.py", "import streamlit as st\nst.navigation([st.Page('a.py'), st.Page('b.py')]).run()\n")
    app.write("a.py", "import streamlit as st\nst.markdown('a')\nst.switch_page('b.py')\n")
    app.write("b.py", "import streamlit as st\nst.markdown('b')\nst.switch_page('a.py')\n")
    at = app.start()
    assert at.run_status.value == "stopped"
    assert "st.switch_page() was called 100 times in a row" in errors(at)[0]
    assert "'a' → 'b'" in errors(at)[0] or "'b' → 'a'" in errors(at)[0]


def test_a_page_that_is_gone_falls_back_to_the_default_page(app):
    app.write("app.py", """
        import streamlit as st
        def home(): st.markdown("home")
        def extra(): st.markdown("extra")
        pages = [st.Page(home)] + ([st.Page(extra)] if st.session_state.get("extra", True) else [])
        st.navigation(pages).run()
    """)
    at = app.start()
    at.switch_page("extra").run()
    assert texts(at) == ["extra"] and at.navigation.not_found is None
    at.session_state["extra"] = False
    at.run()
    assert texts(at) == ["home"]
    assert at.navigation.not_found == "extra" and at.navigation.current == "home"
    at.run()
    assert at.navigation.not_found is None  # said once


@pytest.mark.parametrize(
    "navigation, shown",
    [
        ("[st.Page(a)]", False),
        ("[st.Page(a), st.Page(b)]", True),
        ("[st.Page(a), st.Page(b, visibility='hidden')]", False),
        ("st.navigation_pages, position='hidden'", False),
        ("st.navigation_pages, position='top'", True),
    ],
)
def test_the_menu_shows_with_two_pages_or_more_unless_hidden(app, navigation, shown):
    pages = "[st.Page(a), st.Page(b)]"
    call = navigation.replace("st.navigation_pages", pages)
    app.write("app.py", f"import streamlit as st\ndef a(): pass\ndef b(): pass\nst.navigation({call}).run()\n")
    assert app.start().navigation.shows_menu is shown


@pytest.mark.parametrize("where", ["config", "env"])
def test_show_sidebar_navigation_false_hides_the_sidebar_menu_but_not_the_top_row(app, where, monkeypatch):
    if where == "config":
        app.write(".streamlit/config.toml", "[client]\nshowSidebarNavigation = false\n")
    else:
        monkeypatch.setenv("STREAMLIT_CLIENT_SHOW_SIDEBAR_NAVIGATION", "false")
    app.write("app.py", """
        import streamlit as st
        def a(): pass
        def b(): pass
        st.navigation([st.Page(a), st.Page(b)], position=st.session_state.get("at", "sidebar")).run()
    """)
    at = app.start()
    assert at.navigation.position == "hidden" and not at.navigation.shows_menu
    at.session_state["at"] = "top"
    assert at.run().navigation.shows_menu


def test_following_a_page_link_clears_the_query_params_or_sets_the_links(app):
    app.write("app.py", """
        import streamlit as st
        st.navigation([st.Page("a.py"), st.Page("b.py")]).run()
    """)
    app.write("a.py", """
        import streamlit as st
        st.query_params["x"] = "1"
        st.page_link("b.py")
        st.page_link("b.py", label="With", query_params={"team": ["red", "blue"]})
    """)
    app.write("b.py", "import streamlit as st\nst.markdown(f'b {dict(st.query_params)}')\nst.page_link('a.py')\n")
    at = app.start()
    at.page_link[0].click().run()
    assert texts(at) == ["b {}"]
    at.page_link[0].click().run()
    at.page_link[1].click().run()
    assert texts(at) == ["b {'team': ['red', 'blue']}"]


def test_an_entrypoint_that_fails_before_navigation_keeps_the_last_menu(app):
    app.write("app.py", """
        import streamlit as st
        if st.session_state.get("fail"):
            st.Page("gone.py")
        st.navigation([st.Page("a.py"), st.Page("b.py")]).run()
    """)
    app.write("a.py", "import streamlit as st\nst.markdown('a')\n")
    app.write("b.py", "import streamlit as st\nst.markdown('b')\n")
    at = app.start()
    at.switch_page("b.py").run()
    at.session_state["fail"] = True
    at.run()
    assert "gone.py" in errors(at)[0]
    assert at.navigation is not None and at.navigation.current == "b"
    at.session_state["fail"] = False
    at.run()
    assert texts(at) == ["b"]


def test_a_page_made_from_a_function_is_switched_to_by_its_url_path(app):
    app.write("app.py", """
        import streamlit as st
        def first(): st.markdown("first")
        def second_page(): st.markdown("second")
        st.navigation([st.Page(first), st.Page(second_page)]).run()
    """)
    at = app.start()
    at.switch_page("second_page").run()
    assert texts(at) == ["second"]
    with pytest.raises(ValueError, match="Known pages"):
        at.switch_page("third")


def test_a_widget_belongs_to_its_page_and_entrypoint_widgets_to_none(app):
    app.write("app.py", """
        import streamlit as st
        st.checkbox("Everywhere")
        def one(): st.checkbox("Same")
        def two(): st.checkbox("Same")
        st.navigation([st.Page(one), st.Page(two)]).run()
    """)
    at = app.start()
    entry, on_one = at.checkbox[0].id, at.checkbox[1].id
    at.switch_page("two").run()
    assert at.checkbox[0].id == entry and at.checkbox[1].id != on_one


def test_a_fragment_on_a_page_reruns_alone(app):
    app.write("app.py", """
        import streamlit as st
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        def counter():
            @st.fragment
            def part():
                n = st.number_input("n", 0, 10, key="n")
                st.markdown(f"n={n} full={st.session_state.full}")
            part()
        def other(): pass
        st.navigation([st.Page(counter), st.Page(other)]).run()
    """)
    at = app.start()
    at.number_input(key="n").set_value(4).run()
    assert texts(at) == ["n=4 full=1"]
    at.number_input(key="n").increment().run()
    assert texts(at) == ["n=5 full=1"]


def test_set_page_config_on_a_page_names_that_page(app):
    app.write("app.py", "import streamlit as st\nst.navigation([st.Page('a.py'), st.Page('b.py')]).run()\n")
    app.write("a.py", "import streamlit as st\nst.set_page_config(page_title='Alpha', page_icon='🅰️')\n")
    app.write("b.py", "import streamlit as st\n")
    at = app.start()
    assert at.title_text == "🅰️ Alpha"
    at.switch_page("b.py").run()
    assert at.title_text is None and at.navigation.current_page.title == "b"


def test_an_entrypoint_calling_navigation_beside_a_pages_folder_uses_its_own_pages(app):
    app.write("app.py", "import streamlit as st\ndef mine(): st.markdown('mine')\nst.navigation([st.Page(mine)]).run()\n")
    app.write("pages/ignored.py", "import streamlit as st\nst.markdown('ignored')\n")
    at = app.start()
    assert texts(at) == ["mine"]
    assert [p.key for p in at.run().navigation.pages] == ["mine"]


def test_switch_page_to_the_script_of_a_single_page_app_reruns_it(app):
    app.write("app.py", """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        if st.session_state.n == 1:
            st.switch_page("app.py")
        st.markdown(f"n={st.session_state.n}")
    """)
    assert texts(app.start()) == ["n=2"]


# -- names and icons -------------------------------------------------------------------


def test_page_names_and_order_follow_the_file_names(tmp_path):
    names = ["10_🎈_Ten_ten.py", "2 second  page.py", "1-first.py", "zeta.py", "03_.py", "Alpha.py", "123.py"]
    ordered = sorted((tmp_path / n for n in names), key=page_sort_key)
    assert [page_name(p) for p in ordered] == [
        ("", "first"), ("", "second_page"), ("", "03"), ("🎈", "Ten_ten"), ("", "123"), ("", "Alpha"), ("", "zeta")]


@pytest.mark.parametrize(
    "text, expected",
    [("📊_data", ("📊", "data")), ("❤️ love", ("❤️", "love")), ("👍🏽ok", ("👍🏽", "ok")),
     ("🇫🇷-France", ("🇫🇷", "France")), ("plain", ("", "plain")), ("éclair", ("", "éclair"))],
)
def test_a_leading_emoji_is_taken_off_a_name(text, expected):
    assert split_leading_emoji(text) == expected


def test_icons_show_as_terminal_glyphs_never_as_codes():
    assert icon_glyph(":material/home:") == "⌂"
    assert icon_glyph(":material/no_such_icon:") == ""
    assert icon_glyph("🔥") == "🔥" and icon_glyph("") == ""
    assert check_icon(" :material/bar_chart: ", "st.Page") == ":material/bar_chart:"
    with pytest.raises(StreamlitAPIException, match="Material"):
        check_icon(":material/Bad-Name:", "st.Page")
