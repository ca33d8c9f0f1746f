"""st.menu_button, st.pagination, st.skeleton, link buttons as widgets, button
shortcuts, icon_position and wrap: in AppTest and on the terminal screen."""

from __future__ import annotations

import pytest
from conftest import run_async, running, settle

from termlit.common.shortcuts import APP_KEYS, ShortcutError, parse_shortcut
from termlit.elements.widgets.menus import visible_pages
from termlit.testing import AppTest
from termlit.testing.element_tree import AudioInput, CameraInput, LinkButton, MenuButton, PageLink, Pagination
from termlit.testing.screen import screen_text

NEW = """
import streamlit as st
lb = st.link_button("Go", "https://example.com", key="lb", on_click="rerun")
st.write("lb", lb)
mb = st.menu_button("Menu", ["Copy", "Paste"], key="mb")
st.write("mb", mb)
pg = st.pagination(10, key="pg", default=2)
st.write("pg", pg)
st.page_link("https://example.com", label="Ext")
a = st.audio_input("Rec")
c = st.camera_input("Cam")
"""


def test_menu_button_pagination_and_link_button_in_apptest():
    at = AppTest.from_string(NEW).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["lb `False`", "mb `None`", "pg `2`"]
    assert isinstance(at.link_button[0], LinkButton) and at.link_button[0].value == "Go"
    assert isinstance(at.menu_button[0], MenuButton) and at.menu_button[0].options == ["Copy", "Paste"]
    assert isinstance(at.pagination[0], Pagination) and at.pagination[0].num_pages == 10
    assert at.pagination[0].default == 2
    assert isinstance(at.page_link[0], PageLink) and at.page_link[0].value == "Ext"
    at.menu_button[0].click("Paste")
    at.pagination[0].select(5)
    at.link_button[0].click()
    at.run()
    assert [m.value for m in at.markdown] == ["lb `True`", "mb Paste", "pg `5`"]
    assert at.menu_button[0].value == "Paste"  # what this run got
    at.run()  # the menu button's pick and the link press last one run; the page stays
    assert [m.value for m in at.markdown] == ["lb `False`", "mb `None`", "pg `5`"]
    at.menu_button[0].click_index(0).run()
    assert at.markdown[1].value == "mb Copy"
    with pytest.raises(ValueError):
        at.pagination[0].set_value(11)
    with pytest.raises(ValueError):
        at.menu_button[0].click("Cut")


def test_camera_and_audio_inputs_are_their_own_kinds():
    at = AppTest.from_string(NEW).run()
    assert isinstance(at.audio_input[0], AudioInput) and at.audio_input[0].sample_rate == 16000
    assert isinstance(at.camera_input[0], CameraInput) and len(at.file_uploader) == 0
    at.camera_input[0].upload("me.jpg", b"jpeg").run()
    assert at.camera_input[0].value.name == "me.jpg" and at.camera_input[0].value.type == "image/jpeg"
    at.audio_input[0].set_value(("a.wav", b"RIFF", "audio/wav")).run()
    assert at.audio_input[0].value.getvalue() == b"RIFF"


def test_link_button_ignore_is_an_element_and_callbacks_run():
    at = AppTest.from_string("""
import streamlit as st
def hit():
    st.session_state.hits = st.session_state.get("hits", 0) + 1
el = st.link_button("Plain", "https://a.b")
st.write(type(el).__name__)
st.link_button("Counted", "https://a.b", on_click=hit, key="c")
""").run()
    assert at.markdown[0].value == "DeltaGenerator"
    with pytest.raises(RuntimeError, match="on_click='ignore'"):
        at.link_button[0].click()
    at.link_button[1].click().run()
    assert at.session_state["hits"] == 1


def test_pagination_bind_and_visible_pages():
    at = AppTest.from_string('import streamlit as st\nst.pagination(20, key="p", bind="query-params")')
    at.query_params["p"] = "7"
    at.run()
    assert at.pagination[0].value == 7
    assert visible_pages(7, 20, 7) == [1, None, 5, 6, 7, 8, 9, None, 20]
    assert visible_pages(1, 3, 7) == [1, 2, 3]
    assert visible_pages(3, 9, 0) == []
    at = AppTest.from_string("import streamlit as st\nst.pagination(3, default=4)").run()
    assert "default must be a page between 1 and num_pages (3)" in at.exception[0].value


def test_skeleton_standalone_and_as_context_manager():
    at = AppTest.from_string("""
import streamlit as st
ph = st.skeleton()
st.write(type(ph).__name__)
with st.skeleton(height=48):
    st.write("inside")
ph.write("filled")
""").run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["filled", "SkeletonPlaceholder", "inside"]
    assert [n.type for n in at.main.children.values()] == ["markdown", "markdown", "empty", "markdown"]


@pytest.mark.parametrize("text, key", [
    ("Ctrl+K", "ctrl+k"), ("cmd+shift+o", "ctrl+shift+o"), ("F11", "f11"), ("Enter", "enter"),
    ("Option+4", "alt+4"), ("Shift+A", "A"), ("Esc", "escape"),
])
def test_shortcuts_are_parsed_as_terminal_keys(text, key):
    assert parse_shortcut(text) == key


@pytest.mark.parametrize("text", ["C", "Ctrl+R", ".", "Hyper+K", ""])
def test_bad_shortcuts_are_refused(text):
    with pytest.raises(ShortcutError):
        parse_shortcut(text)


def test_a_shortcut_on_termlits_own_key_is_an_error_naming_both():
    at = AppTest.from_string('import streamlit as st\nst.button("Side", shortcut="Ctrl+B")').run()
    message = at.exception[0].value
    assert "st.button('Side')" in message and "Ctrl+B" in message and APP_KEYS["ctrl+b"] in message
    at = AppTest.from_string('import streamlit as st\nst.button("A", shortcut="K")\nst.button("B", shortcut="k")').run()
    assert "already the shortcut of st.button('A')" in at.exception[0].value


def test_app_keys_match_the_apps_bindings():
    from termlit.tui.app import TermlitApp
    from termlit.tui.chrome import PageScreen

    bound = {k.strip() for b in [*TermlitApp.BINDINGS, *PageScreen.BINDINGS] for k in b.key.split(",")}
    assert bound == set(APP_KEYS)


def test_bad_icon_position_and_wrap_are_clear_errors():
    at = AppTest.from_string('import streamlit as st\nst.button("x", icon="*", icon_position="top")').run()
    assert "icon_position must be 'left' or 'right'" in at.exception[0].value
    at = AppTest.from_string('import streamlit as st\nst.checkbox("x", wrap="yes")').run()
    assert "wrap must be True, False or None" in at.exception[0].value


def test_shortcut_presses_the_button_and_shows_in_the_footer(write_app):
    path = write_app("""
        import termlit as st
        st.text_input("Name")
        if st.button("Save", shortcut="Ctrl+S", icon="*", icon_position="right"):
            st.write("saved!")
        st.write("end")
    """)

    async def go():
        async with running(path, size=(80, 20)) as (app, pilot):
            screen = screen_text(app)
            assert "Save * [Ctrl+S]" in screen
            assert "Ctrl+S Save" in screen.splitlines()[-1]
            await pilot.press("tab")  # into the text field: the shortcut still works
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "saved!" in screen_text(app)

    run_async(go())


def test_menu_button_and_pagination_by_keyboard(write_app):
    path = write_app("""
        import termlit as st
        pick = st.menu_button("Export", ["CSV", "JSON"])
        st.write(f"picked {pick}")
        page = st.pagination(12)
        st.write(f"page {page}")
        st.checkbox("a very long label " * 8, wrap=True)
        st.pills("b very long label " * 8, ["x"], wrap=False)
        with st.skeleton():
            pass
        st.skeleton(height=24)
    """)

    async def go():
        async with running(path, size=(60, 30)) as (app, pilot):
            screen = screen_text(app)
            assert "Export ▾" in screen and "‹ [1] 2 3 4 5 6 … 12 ›" in screen
            assert "░" in screen
            assert sum("b very long label" in line for line in screen.splitlines()) == 1
            assert next(line for line in screen.splitlines() if "b very long label" in line).endswith("…")
            assert sum("a very long label" in line for line in screen.splitlines()) >= 2, screen  # wrapped
            await pilot.press("tab", "enter")
            await pilot.pause()
            assert "CSV" in screen_text(app)  # the open menu
            await pilot.press("down", "enter")
            await settle(pilot)
            assert "picked JSON" in screen_text(app)
            await pilot.press("tab", "end")
            await settle(pilot)
            screen = screen_text(app)
            assert "page 12" in screen and "[12]" in screen

    run_async(go())


def test_required_field_keeps_its_last_value_and_blocks_its_form(write_app):
    path = write_app("""
        import termlit as st
        name = st.text_input("Name", "Ada", required=True)
        st.write(f"name={name}")
        with st.form("f"):
            city = st.text_input("City", value=None, required=True)
            st.form_submit_button("Send")
        st.write(f"city={city}")
    """)

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            await pilot.press("tab", "ctrl+u", "enter")  # clear the name: refused
            await settle(pilot)
            screen = screen_text(app)
            assert "name=Ada" in screen and "A value is required." in screen
            await pilot.press("tab", "tab")  # on to the submit button, past the empty city
            await pilot.press("enter")
            await settle(pilot)
            screen = screen_text(app)
            assert "city=None" in screen, screen
            assert screen.count("A value is required.") == 2  # under Name, and now under City
            await pilot.press("shift+tab", *"Oslo", "tab", "enter")
            await settle(pilot)
            assert "city=Oslo" in screen_text(app)

    run_async(go())


def test_validate_refuses_values_that_do_not_match(write_app):
    path = write_app("""
        import termlit as st
        code = st.text_input("Code", validate=(r"^\\d{3}$", "Three digits."))
        mail = st.text_input("Mail", type="email")
        st.write(f"code={code!r} mail={mail!r}")
    """)

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            await pilot.press("tab", *"12a", "enter")
            await settle(pilot)
            screen = screen_text(app)
            assert "code=''" in screen and "Three digits." in screen
            await pilot.press("backspace", "3", "enter")
            await settle(pilot)
            screen = screen_text(app)
            assert "code='123'" in screen and "Three digits." not in screen
            await pilot.press("tab", *"nobody", "enter")
            await settle(pilot)
            assert "mail=''" in screen_text(app) and "email address" in screen_text(app)

    run_async(go())


def test_live_text_input_commits_while_typing(write_app):
    path = write_app("""
        import termlit as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        q = st.text_input("Search", live="0ms")
        plain = st.text_input("Plain")
        st.write(f"q={q!r} plain={plain!r} runs={st.session_state.runs}")
    """)

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            await pilot.press("tab", "a")
            await settle(pilot)
            assert "q='a'" in screen_text(app)
            await pilot.press("b")
            await settle(pilot)
            screen = screen_text(app)
            assert "q='ab'" in screen and "runs=3" in screen  # a rerun per key
            await pilot.press("tab", "x")
            await settle(pilot)
            assert "plain=''" in screen_text(app)  # not live: waits for Enter
            await pilot.press("enter")
            await settle(pilot)
            assert "plain='x'" in screen_text(app)

    run_async(go())


def test_live_is_checked():
    at = AppTest.from_string('import streamlit as st\nst.text_input("x", live=300)').run()
    assert "a bare number is not taken" in at.exception[0].value
    at = AppTest.from_string('import streamlit as st\nst.text_input("x", live="2min")').run()
    assert "between 0 and 1 minute" in at.exception[0].value
    at = AppTest.from_string('import streamlit as st\nst.text_input("x", validate="[")').run()
    assert "is not a regular expression" in at.exception[0].value


def test_filter_modes():
    from termlit.common.filtering import filter_options, shows_select_all

    labels = ["Banana", "Bandana", "Cabana", "Apple"]
    assert filter_options(labels, "ban", "prefix") == [0, 1]
    assert filter_options(labels, "ban", "contains") == [0, 1, 2]
    assert filter_options(labels, "bna", "fuzzy") == [0, 1, 2]  # in-order letters
    assert filter_options(labels, "bna", "contains") == []
    assert filter_options(labels, "an", None) == [0, 1, 2, 3]
    assert shows_select_all(1000, 5) and not shows_select_all(1000, 1001) and shows_select_all(True, 5000)
    assert not shows_select_all(False, 5) and not shows_select_all(True, 1)
    at = AppTest.from_string('import streamlit as st\nst.selectbox("x", [1], filter_mode=None, accept_new_options=True)')
    assert "cannot go with accept_new_options" in at.run().exception[0].value


def test_multiselect_filter_and_select_all_in_the_picker(write_app):
    path = write_app("""
        import termlit as st
        picked = st.multiselect("Fruit", ["apple", "apricot", "banana", "grape"], filter_mode="prefix")
        st.write(f"picked={picked}")
        few = st.multiselect("Few", ["a", "b", "c"], select_all=False, filter_mode=None)
        st.write(f"few={few}")
    """)

    async def go():
        async with running(path, size=(80, 30)) as (app, pilot):
            await pilot.press("tab", "enter")
            await pilot.pause()
            screen = screen_text(app)
            assert "Select all (4)" in screen
            await pilot.press(*"ap")
            await pilot.pause()
            screen = screen_text(app)
            assert "Select 2 matches" in screen and "banana" not in screen and "grape" not in screen
            await pilot.press("enter", "escape")
            await settle(pilot)
            assert "picked=['apple', 'apricot']" in screen_text(app)
            await pilot.press("tab", "enter")
            await pilot.pause()
            screen = screen_text(app)
            assert "Select all" not in screen and "Type to filter" not in screen
            await pilot.press("down", "enter", "escape")
            await settle(pilot)
            assert "few=['b']" in screen_text(app)

    run_async(go())


CHAT_FILES = """
import streamlit as st
v = st.chat_input("Say", accept_file=True, file_type=["txt"])
if v is not None:
    st.write(f"text={v.text!r} files={[f.name for f in v['files']]} {type(v).__name__}")
m = st.chat_input("Multi", accept_file="multiple", key="m")
if m:
    st.write(f"multi={m.text!r} {[f.getvalue() for f in m.files]}")
"""


def test_chat_input_upload_in_apptest():
    at = AppTest.from_string(CHAT_FILES).run()
    assert not at.markdown
    at.chat_input[0].upload("a.txt", b"hi", "text/plain").set_value("yo").run()
    assert at.markdown[0].value == "text='yo' files=['a.txt'] ChatInputValue"
    at.chat_input[0].upload("b.txt", b"ho").run()  # a file alone is a message too
    assert at.markdown[0].value == "text='' files=['b.txt'] ChatInputValue"
    at.run()
    assert not at.markdown
    at.chat_input[1].upload("a.txt", b"1").upload("b.txt", b"2").set_value("x").run()
    assert at.markdown[0].value == "multi='x' [b'1', b'2']"
    at.chat_input[1].set_value("plain").run()
    assert at.markdown[0].value == "multi='plain' []"
    plain = AppTest.from_string('import streamlit as st\nst.chat_input("p")').run()
    with pytest.raises(RuntimeError, match="takes no files"):
        plain.chat_input[0].upload("a.txt", b"x")


def test_chat_input_attaches_files_with_ctrl_o(write_app, tmp_path, monkeypatch):
    files = tmp_path / "files"
    files.mkdir()
    (files / "notes.txt").write_text("hello")
    monkeypatch.chdir(files)
    script = CHAT_FILES.replace('m = st.chat_input("Multi", accept_file="multiple", key="m")', "m = None")
    path = write_app(script.replace("import streamlit as st", "import termlit as st"))

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            await pilot.press("tab", *"hi", "ctrl+o")
            await pilot.pause(0.3)
            await pilot.press("down", "enter")
            await pilot.pause()
            assert "📎 notes.txt" in screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            screen = screen_text(app)
            assert "text='hi' files=['notes.txt'] ChatInputValue" in screen and "📎" not in screen

    run_async(go())


def test_typing_on_a_selectbox_filters_its_options(write_app):
    path = write_app("""
        import termlit as st
        city = st.selectbox("City", ["Oslo", "Osaka", "Boston", "Lisbon"], filter_mode="contains")
        st.write(f"city={city}")
        tag = st.selectbox("Tag", ["red", "green"], index=None, accept_new_options=True)
        st.write(f"tag={tag}")
        fixed = st.selectbox("Fixed", ["a", "b"], filter_mode=None)
        st.write(f"fixed={fixed}")
    """)

    async def go():
        async with running(path, size=(80, 30)) as (app, pilot):
            await pilot.press("tab", *"sb")
            await pilot.pause()
            screen = screen_text(app)
            assert "Lisbon" in screen and "Boston" not in screen and "Osaka" not in screen
            await pilot.press("enter")
            await settle(pilot)
            assert "city=Lisbon" in screen_text(app)
            await pilot.press("tab", *"blue")
            await pilot.pause()
            assert "Add: blue" in screen_text(app), screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert "tag=blue" in screen_text(app)
            await pilot.press("tab", "b")  # no filtering: typing does nothing
            await settle(pilot)
            assert "Type to filter" not in screen_text(app) and "fixed=a" in screen_text(app)

    run_async(go())


def test_keys_typed_before_the_filter_list_opens_go_into_one_list(write_app):
    from textual import events
    from textual.widgets import Input

    from termlit.tui.widgets._option_filter import FilterPicker
    from termlit.tui.widgets._selectbox import SelectboxView

    path = write_app("""
        import termlit as st
        st.selectbox("City", ["Oslo", "Osaka", "Boston", "Lisbon"], filter_mode="contains")
    """)

    async def go():
        async with running(path, size=(80, 24)) as (app, pilot):
            view = app.query_one(SelectboxView)
            for letter in "osa":  # a burst: all three reach the selectbox before the list is up
                view.post_message(events.Key(letter, letter))
            await settle(pilot)
            pickers = [s for s in app.screen_stack if isinstance(s, FilterPicker)]
            assert len(pickers) == 1
            assert pickers[0].query_one("#filter", Input).value == "osa"
            assert [pickers[0].labels[i] for i in pickers[0].rows] == ["Osaka"]

    run_async(go())


def test_menu_button_cannot_be_in_a_form():
    at = AppTest.from_string(
        'import streamlit as st\nwith st.form("f"):\n    st.menu_button("m", ["a"])\n    st.form_submit_button()'
    ).run()
    assert "cannot be used inside the form 'f'" in at.exception[0].value


def test_button_labels_are_plain_text(write_app):
    path = write_app("""
        import termlit as st
        st.button("Go", shortcut="K")
        st.menu_button("Menu [x]", ["a"])
    """)

    async def go():
        async with running(path, size=(60, 12)) as (app, pilot):
            screen = screen_text(app)
            assert "Go [K]" in screen and "Menu [x] ▾" in screen

    run_async(go())


def test_on_change_ignore_waits_for_the_next_rerun(write_app):
    path = write_app("""
        import termlit as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        quiet = st.checkbox("Quiet", on_change="ignore")
        st.button("Refresh")
        st.write(f"quiet={quiet} runs={st.session_state.runs}")
    """)

    async def go():
        async with running(path, size=(60, 12)) as (app, pilot):
            await pilot.press("tab", "enter")
            await settle(pilot)
            assert "quiet=False runs=1" in screen_text(app)  # no rerun
            await pilot.press("tab", "enter")
            await settle(pilot)
            assert "quiet=True runs=2" in screen_text(app)  # the next rerun has it

    run_async(go())
    at = AppTest.from_string('import streamlit as st\nst.write(st.checkbox("q", on_change="ignore"))').run()
    at.checkbox[0].check().run()  # AppTest runs anyway, as Streamlit's does
    assert at.checkbox[0].value is True and at.markdown[0].value == "`True`"
