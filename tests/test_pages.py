"""The rules of multipage apps, each run under termlit's AppTest and under
Streamlit 1.67's own AppTest (the ``streamlit`` parameter), so termlit is
checked against the real thing. Rules Streamlit's AppTest cannot show are in
test_pages_termlit.py."""

from __future__ import annotations

import pytest

from pages_helpers import BACKENDS, errors, make_app, texts


@pytest.fixture(params=BACKENDS)
def app(request, tmp_path):
    return make_app(request, tmp_path)


THREE_PAGES = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
shared = st.sidebar.slider("Shared", 0, 10, 1, key="shared")

def my_report():
    st.markdown("report page")
    st.checkbox("Detail", key="detail")

pg = st.navigation({
    "Main": [st.Page("home.py"), st.Page(my_report)],
    "More": ["pages_x/02_📊_data view.py", st.Page("other.py", title="Other", icon=":material/home:")],
})
st.markdown(f"page={pg.title}|{pg.url_path}|{pg.icon}")
pg.run()
st.markdown("after the page")
"""


def write_three_pages(app):
    app.write("app.py", THREE_PAGES)
    app.write("home.py", """
        import streamlit as st
        st.markdown(f"home {__name__} {__file__}")
        st.checkbox("Tick", key="tick")
        st.checkbox("No key")
    """)
    app.write("pages_x/02_📊_data view.py", """
        import streamlit as st
        st.markdown(f"data {__name__}")
    """)
    app.write("other.py", """
        import streamlit as st
        st.markdown("other")
        st.checkbox("Tick", key="tick")
    """)


# -- which page, and what it is called -----------------------------------------------


def test_the_first_page_is_the_default_and_file_pages_see_main_and_their_file(app):
    write_three_pages(app)
    at = app.start()
    assert not errors(at)
    home = app.folder / "home.py"
    assert texts(at) == ["page=home||", f"home __main__ {home}", "after the page"]


def test_default_true_wins_over_the_first_page(app):
    app.write("app.py", """
        import streamlit as st
        def first(): st.markdown("first")
        def second(): st.markdown("second")
        pg = st.navigation([st.Page(first), st.Page(second, default=True)])
        st.markdown(f"{pg.title}|{pg.url_path}")
        pg.run()
    """)
    assert texts(app.start()) == ["second|", "second"]


def test_titles_icons_and_url_paths_are_inferred_from_file_and_function_names(app):
    write_three_pages(app)
    at = app.start()
    at.switch_page("pages_x/02_📊_data view.py").run()
    assert texts(at)[:2] == ["page=data view|data_view|📊", "data __main__"]
    at.switch_page("other.py").run()
    assert texts(at)[0] == "page=Other|other|:material/home:"


def test_url_path_given_is_trimmed_of_spaces_and_slashes(app):
    app.write("app.py", """
        import streamlit as st
        p = st.Page(lambda: None, title="T", url_path=" /reports/ ")
        st.markdown(p.url_path)
    """)
    assert texts(app.start()) == ["reports"]


@pytest.mark.parametrize(
    "source, words",
    [
        ("st.navigation([])", ["page"]),
        ("st.navigation([st.Page(lambda: None, title='a', default=True), "
         "st.Page(lambda: None, title='b', url_path='b', default=True)])", ["default"]),
        ("def a(): pass\ndef b(): pass\nst.navigation([st.Page(a, url_path='same'), st.Page(b, url_path='same')])",
         ["same", "url_path"]),
        ("st.Page('missing.py')", ["missing.py"]),
        ("st.Page(lambda: None, title='x', url_path='a/b')", ["a/b"]),
        ("st.Page(lambda: None, title='x', url_path='  ')", ["url_path", "default"]),
        ("class C:\n    def __call__(self): pass\nst.Page(C())", ["title"]),
        ("def ___(): pass\nst.Page(___)", ["title"]),
        ("st.Page('https://example.org')", ["title"]),
        ("st.Page('https://example.org', title='Ex', default=True)", ["default"]),
        ("st.navigation([st.Page(lambda: None, title='x')], position='left')", ["position"]),
        ("st.navigation([st.Page(lambda: None, title='x')], expanded=-1)", ["expanded"]),
        ("st.navigation([1])", ["int"]),
        ("st.Page(lambda: None, title='x', icon='x')", ["icon"]),
        ("st.Page(lambda: None, title='x', icon=':smile:')", ["shortcode"]),
    ],
)
def test_bad_pages_are_errors_that_say_what_is_wrong(app, source, words):
    app.write("app.py", "import streamlit as st\n" + source + "\n")
    found = errors(app.start())
    assert len(found) == 1
    assert all(word.lower() in found[0].lower() for word in words), found[0]


def test_a_page_runs_once_and_only_the_page_navigation_returned(app):
    app.write("app.py", """
        import streamlit as st
        def hi(): st.markdown("hi")
        def bye(): st.markdown("bye")
        other = st.Page(bye)
        pg = st.navigation([st.Page(hi), other])
        pg.run()
        try:
            pg.run()
        except Exception as exc:
            st.markdown(f"second run: {type(exc).__name__}")
        other.run()
    """)
    at = app.start()
    assert texts(at) == ["hi", "second run: StreamlitAPIException"]
    assert "cannot" in errors(at)[0]


# -- state across pages ------------------------------------------------------------------


def test_entrypoint_widgets_keep_their_value_and_page_widgets_reset(app):
    write_three_pages(app)
    at = app.start()
    at.sidebar.slider(key="shared").set_value(7)
    at.checkbox(key="tick").check()
    at.checkbox[1].check()
    at.run()
    assert at.session_state["tick"] is True
    at.switch_page("pages_x/02_📊_data view.py").run()
    assert at.session_state["shared"] == 7 and "tick" not in at.session_state
    at.switch_page("home.py").run()
    assert [c.value for c in at.checkbox] == [False, False]
    assert at.sidebar.slider(key="shared").value == 7


def test_the_same_key_on_two_pages_is_two_widgets(app):
    write_three_pages(app)
    at = app.start()
    at.checkbox(key="tick").check().run()
    at.switch_page("other.py").run()
    assert texts(at)[1] == "other"
    assert at.checkbox(key="tick").value is False


def test_keys_the_script_sets_are_kept_on_every_page(app):
    write_three_pages(app)
    at = app.start()
    at.switch_page("other.py").run()
    at.switch_page("home.py").run()
    assert at.session_state["runs"] == 3


PERSIST = """
import streamlit as st
pg = st.navigation([st.Page("a.py"), st.Page("b.py")])
pg.run()
"""
PERSIST_A = """
import streamlit as st
st.text_input("Kept", key="kept", persist_state="session")
show = st.checkbox("Show", key="show")
if show:
    st.text_input("Page", key="on_page", persist_state="page")
    st.text_input("Plain", key="plain")
"""


def test_persist_state_page_keeps_a_hidden_value_on_its_page_only(app):
    app.write("app.py", PERSIST)
    app.write("a.py", PERSIST_A)
    app.write("b.py", "import streamlit as st\nst.markdown('b')\n")
    at = app.start()
    at.checkbox(key="show").check().run()
    at.text_input(key="on_page").input("P")
    at.text_input(key="plain").input("N")
    at.run()
    at.checkbox(key="show").uncheck().run()
    at.checkbox(key="show").check().run()
    assert at.text_input(key="on_page").value == "P"
    assert at.text_input(key="plain").value == ""
    at.switch_page("b.py").run()
    assert "on_page" not in at.session_state
    at.switch_page("a.py").run()
    at.checkbox(key="show").check().run()
    assert at.text_input(key="on_page").value == ""


def test_persist_state_session_keeps_the_value_across_pages(app):
    app.write("app.py", PERSIST)
    app.write("a.py", PERSIST_A)
    app.write("b.py", "import streamlit as st\nst.markdown(f\"b sees {st.session_state.get('kept')}\")\n")
    at = app.start()
    at.text_input(key="kept").input("S").run()
    at.switch_page("b.py").run()
    assert texts(at) == ["b sees S"]
    at.switch_page("a.py").run()
    assert at.text_input(key="kept").value == "S"


@pytest.mark.parametrize(
    "call, words",
    [("st.checkbox('a', persist_state='page')", ["key"]),
     ("st.slider('a', key='k', persist_state='forever')", ["persist_state", "session"])],
)
def test_persist_state_needs_a_key_and_one_of_its_values(app, call, words):
    app.write("app.py", f"import streamlit as st\n{call}\n")
    found = errors(app.start())
    assert found and all(word in found[0] for word in words), found


# -- switching pages -----------------------------------------------------------------------


SWITCH = """
import streamlit as st
pg = st.navigation([st.Page("a.py"), st.Page("b.py"), st.Page("https://example.org", title="Docs")])
pg.run()
"""
SWITCH_A = """
import streamlit as st
st.markdown(f"a {dict(st.query_params)}")
if st.button("plain"):
    st.switch_page("b.py")
if st.button("with params"):
    st.switch_page("b.py", query_params={"team": "blue"})
if st.button("set params"):
    st.query_params["x"] = "1"
if st.button("missing"):
    st.switch_page("nowhere.py")
if st.button("external"):
    st.switch_page(st.Page("https://example.org", title="Docs"))
"""


def _switch_app(app):
    app.write("app.py", SWITCH)
    app.write("a.py", SWITCH_A)
    app.write("b.py", "import streamlit as st\nst.markdown(f'b {dict(st.query_params)}')\n")
    return app.start()


def test_switch_page_runs_the_page_and_sets_or_clears_its_query_params(app):
    at = _switch_app(app)
    at.button[2].click().run()
    assert at.query_params["x"] == "1"
    at.button[0].click().run()
    assert texts(at) == ["b {}"]
    at.switch_page("a.py").run()
    at.button[1].click().run()
    assert texts(at) == ["b {'team': 'blue'}"]


def test_at_switch_page_keeps_the_query_params(app):
    at = _switch_app(app)
    at.button[2].click().run()
    at.switch_page("b.py").run()
    assert texts(at) == ["b {'x': '1'}"]


@pytest.mark.parametrize("button, words", [(3, ["nowhere.py"]), (4, ["external"])])
def test_switch_page_to_an_unknown_or_external_page_is_an_error(app, button, words):
    at = _switch_app(app)
    at.button[button].click().run()
    found = errors(at)
    assert found and all(word in found[0].lower() for word in words), found


def test_at_switch_page_refuses_files_that_are_no_page(app):
    at = _switch_app(app)
    with pytest.raises(ValueError):
        at.switch_page("nothing_here.py")
    app.write("stray.py", "import streamlit as st\n")
    with pytest.raises(ValueError):
        at.switch_page("stray.py")


def test_page_links_take_the_page_title_and_external_links_need_a_label(app):
    app.write("app.py", """
        import streamlit as st
        b = st.Page("b.py", title="Bee", icon="🐝")
        pg = st.navigation([st.Page("a.py"), b])
        st.page_link("b.py")
        st.page_link(b)
        st.page_link("a.py", label="Back", icon="🔙")
        st.page_link("https://example.org", label="Example")
        st.page_link("https://example.org")
    """)
    app.write("a.py", "import streamlit as st\n")
    app.write("b.py", "import streamlit as st\n")
    at = app.start()
    assert [link.value for link in at.page_link] == ["Bee", "Bee", "Back", "Example"]
    assert "label" in errors(at)[0]


def test_a_page_link_to_a_file_that_is_no_page_is_an_error(app):
    app.write("app.py", "import streamlit as st\nst.navigation([st.Page('a.py')])\nst.page_link('stray.py')\n")
    app.write("a.py", "import streamlit as st\n")
    app.write("stray.py", "import streamlit as st\n")
    assert "stray.py" in errors(app.start())[0]


# -- bad pages -------------------------------------------------------------------------------


def test_a_page_with_a_syntax_error_or_an_exception_shows_it_in_its_place(app):
    app.write("app.py", """
        import streamlit as st
        pg = st.navigation([st.Page("ok.py"), st.Page("bad.py"), st.Page("boom.py")])
        pg.run()
        st.markdown("after the page")
    """)
    app.write("ok.py", "import streamlit as st\nst.markdown('ok')\n")
    app.write("bad.py", "import streamlit as st\nst.markdown('bad'\n")
    app.write("boom.py", "import streamlit as st\nst.markdown('boom')\nraise ValueError('kaboom')\n")
    at = app.start()
    at.switch_page("bad.py").run()
    assert texts(at) == [] and len(errors(at)) == 1
    at.switch_page("boom.py").run()
    assert texts(at) == ["boom"] and errors(at) == ["kaboom"]
    at.switch_page("ok.py").run()
    assert texts(at) == ["ok", "after the page"] and not errors(at)


# -- the pages/ folder ----------------------------------------------------------------------------


def test_a_pages_folder_makes_pages_ordered_and_named_by_their_files(app):
    app.write("streamlit_app.py", """
        import streamlit as st
        st.markdown(f"main {__name__}")
        st.checkbox("Main box", key="main_box")
        for name in ["10_🎈_Ten_ten.py", "2 second  page.py", "1-first.py", "zeta.py", "03_.py", "🐍snake.py"]:
            st.page_link(f"pages/{name}")
        st.page_link("streamlit_app.py")
    """)
    for name in ["10_🎈_Ten_ten.py", "2 second  page.py", "1-first.py", "zeta.py", "03_.py", "🐍snake.py",
                 "__init__.py", ".hidden.py"]:
        app.write(f"pages/{name}", f"import streamlit as st\nst.markdown('page {name}')\n"
                                   "if st.button('home'):\n    st.switch_page('streamlit_app.py')\n")
    app.write("pages/notes.txt", "not a page")
    at = app.start("streamlit_app.py")
    assert [link.value for link in at.page_link] == [
        "Ten ten", "second page", "first", "zeta", "03", "snake", "streamlit app"]
    at.checkbox(key="main_box").check().run()
    at.switch_page("pages/zeta.py").run()
    assert texts(at) == ["page zeta.py"]
    assert "main_box" not in at.session_state  # only the page's file ran
    at.button[0].click().run()
    assert texts(at) == ["main __main__"] and at.checkbox(key="main_box").value is False
