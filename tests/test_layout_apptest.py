"""st.bottom, st.grid, st.space, horizontal containers and the containers
that track their state (tabs, expander, popover), read through AppTest; the
facts Streamlit's AppTest reports are checked side by side with it."""

from __future__ import annotations

import textwrap

import pytest
from test_apptest_streamlit import same

from termlit.testing import AppTest
from termlit.testing.element_tree import AppTestError, Grid, Space


def run(script: str, **query: str) -> AppTest:
    at = AppTest.from_string(textwrap.dedent(script))
    at.query_params.update(query)
    return at.run()


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


# -- st.space --------------------------------------------------------------------


def test_space_sizes_read_as_streamlit_reports_them():
    script = """
    import streamlit as st
    st.space()
    st.space("large")
    st.space(30)
    st.space("stretch")
    """
    assert same(script, lambda at: [(s.type, s.value, s.size) for s in at.space]) == [
        ("space", "small", "small"), ("space", "large", "large"), ("space", 30, 30), ("space", "stretch", "stretch"),
    ]
    at = run(script)
    assert all(isinstance(s, Space) for s in at.space)
    assert repr(at.space[2]) == "Space(size=30)"


def test_a_bad_space_size_names_the_sizes():
    at = run("import termlit as st\nst.space('huge')")
    assert "st.space: size must be one of" in at.exception[0].value and "'stretch'" in at.exception[0].value


# -- st.grid ----------------------------------------------------------------------


GRID = """
import streamlit as st
g = st.grid(3, gap=("small", 12), border=True, min_column_width=150)
g.write("one")
with g.cell(column_span=2):
    st.write("two")
    st.write("three")
"""


def test_grid_attributes_match_streamlit():
    def probe(at):
        g = at.grid[0]
        return (g.type, g.column_count, g.wrap, g.border, g.min_column_width, g.gap, g.vertical_alignment,
                g.dense, g.width, g.height, g.row_height, len(g.children))

    assert same(GRID, probe) == ("grid_container", 3, True, True, 150, ("small", 12), "top", False, "stretch",
                                 "content", "content", 2)
    assert same("import streamlit as st\nst.grid().write('x')", lambda at: (at.grid[0].column_count, at.grid[0].gap)) == (
        "auto", "small"
    )
    assert isinstance(run(GRID).grid[0], Grid)


def test_grid_cells_hold_what_is_written_into_them():
    at = run(GRID)
    cell = at.grid[0].children[1]
    assert [m.value for m in cell.markdown] == ["two", "three"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.grid(3).cell(column_span=4)", "more than the grid's 3 columns"),
        ("st.grid().cell(column_span=0)", "column_span must be a positive int or 'all'"),
        ("st.grid(wrap=False)", "wrap=False needs a number of columns"),
        ("st.grid(25)", "columns must be 'auto' or an int from 1 to 24"),
        ("st.grid(gap=(1, 2, 3))", "(row_gap, column_gap)"),
    ],
)
def test_grid_mistakes_say_what_to_do(call, message):
    at = run(f"import termlit as st\n{call}")
    assert message in at.exception[0].value


# -- containers and columns ------------------------------------------------------


def test_container_layout_arguments_are_checked():
    at = run("import termlit as st\nst.container(wrap=False)")
    assert "wrap=False only applies to a horizontal container" in at.exception[0].value
    at = run("import termlit as st\nst.container(horizontal=True, horizontal_alignment='middle')")
    assert "horizontal_alignment must be one of 'left', 'center', 'right', 'distribute'" in at.exception[0].value
    at = run("import termlit as st\nst.container(gap='tiny')")
    assert "gap must be one of" in at.exception[0].value


def test_horizontal_container_keeps_its_elements_in_order():
    at = run("""
    import termlit as st
    with st.container(horizontal=True, gap=None, vertical_alignment="center"):
        st.button("a")
        st.button("b")
    """)
    box = at.main.children[0]
    assert box.props["horizontal"] is True and box.props["gap"] is None
    assert [b.label for b in box.button] == ["a", "b"]


def test_columns_report_their_gap_as_streamlit_does():
    script = "import streamlit as st\nst.columns(2, gap='large', wrap=False)\nst.columns(2)"
    assert same(script, lambda at: [c.gap for c in at.columns]) == ["large", "large", "small", "small"]


# -- st.bottom ---------------------------------------------------------------------


def test_bottom_holds_what_is_written_to_it_and_the_main_chat_input():
    at = run("""
    import termlit as st
    st.write("page")
    left, right = st.columns(2)
    with left:
        st.bottom.write("pinned")
    st.chat_input("Say something")
    """)
    bottom = [b for b in at.main.children.values() if b.kind == "bottom"]
    assert len(bottom) == 1
    assert [m.value for m in bottom[0].markdown] == ["pinned"]
    assert len(bottom[0].chat_input) == 1 and at.chat_input[0].placeholder == "Say something"


def test_a_chat_input_inside_a_container_stays_there():
    at = run("""
    import termlit as st
    with st.container():
        st.chat_input("inline")
    """)
    assert all(b.kind != "bottom" for b in at.main.children.values())
    assert len(at.main.children[0].chat_input) == 1


# -- tabs, expanders and popovers that track their state ---------------------------


TABS = """
import streamlit as st
ran = []
cat, dog = st.tabs(["Cat", "Dog"], key="animal", on_change="rerun")
if cat.open:
    ran.append("cat")
if dog.open:
    ran.append("dog")
plain = st.tabs(["A", "B"])
st.write(f"{ran} {plain[0].open} {st.session_state.animal}")
"""


def test_tabs_that_track_say_which_is_open_and_follow_session_state():
    def probe(at):
        first = texts(at)
        at.session_state["animal"] = "Dog"
        at.run()
        return first, texts(at)

    assert same(TABS, probe) == (["['cat'] None Cat"], ["['dog'] None Dog"])


def test_expander_and_popover_that_track_say_whether_they_are_open():
    script = """
    import streamlit as st
    e = st.expander("More", key="more", on_change="rerun")
    p = st.popover("Menu", key="menu", on_change=lambda: None)
    st.write(f"{e.open} {p.open} {st.expander('Plain').open}")
    """

    def probe(at):
        first = texts(at)
        at.session_state["more"] = True
        at.run()
        return first, texts(at)

    assert same(script, probe) == (["False False None"], ["True False None"])


def test_the_default_tab_is_the_first_open_one():
    script = """
    import streamlit as st
    a, b = st.tabs(["A", "B"], default="B", key="t", on_change="rerun")
    st.write(f"{a.open} {b.open}")
    """
    assert same(script, texts) == ["False True"]


def test_a_tracked_tab_switch_from_the_terminal_runs_the_callback_with_its_args():
    at = run("""
    import termlit as st
    log = st.session_state.setdefault("log", [])
    def changed(tag, *, where):
        log.append((tag, where, st.session_state.t))
    st.tabs(["A", "B"], key="t", on_change=changed, args=("tabs",), kwargs={"where": "top"})
    st.write(repr(log))
    """)
    at.tabs[1].select().run()  # what ←/→ on the tab bar do in the terminal
    assert texts(at) == ["[('tabs', 'top', 'B')]"]


def test_tracked_expanders_open_and_untracked_containers_say_how_to_track():
    at = run("""
    import termlit as st
    log = st.session_state.setdefault("log", [])
    e = st.expander("More", key="more", on_change=lambda: log.append(st.session_state.more))
    st.write(f"{e.open} {log}")
    st.expander("Plain")
    st.tabs(["X", "Y"])
    """)
    at.expander[0].set_open(True).run()
    assert texts(at) == ["True [True]"]
    with pytest.raises(AppTestError, match="does not track its state: give it a key"):
        at.expander[1].set_open(True)
    with pytest.raises(AppTestError, match="does not track which tab is selected"):
        at.tabs[1].select()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.tabs(['A'], bind='query-params')", "bind='query-params' needs a key"),
        ("st.expander('E', on_change=3)", "on_change must be 'ignore', 'rerun' or a callable"),
        ("st.tabs(['A', 'A'], key='k', bind='query-params')", "labels must be non-empty and unique"),
        ("st.expander('E', key='k', bind='url')", "bind='url' is not supported. Use bind='query-params'"),
        ("st.expander('E', type='fancy')", "type must be one of 'default', 'compact', 'step'"),
    ],
)
def test_tracking_mistakes_say_what_to_do(call, message):
    at = run(f"import termlit as st\n{call}")
    assert message in at.exception[0].value


def test_bound_tabs_and_expander_start_from_the_query_parameters_and_write_them_back():
    script = """
    import termlit as st
    a, b = st.tabs(["A", "B"], key="tab", bind="query-params")
    e = st.expander("E", key="open", bind="query-params")
    st.write(f"{b.open} {e.open}")
    """
    at = run(script, tab="B", open="True")  # any case, as Streamlit reads it
    assert texts(at) == ["True True"]
    assert at.query_params == {"tab": "B", "open": "true"}
    at.session_state["tab"] = "A"
    at.run()
    assert texts(at) == ["False True"] and "tab" not in at.query_params  # the default: removed
    at = run(script, tab="Z", open="1")  # not a tab, not true/false: ignored and removed
    assert texts(at) == ["False False"] and at.query_params == {}


def test_bound_values_from_the_query_parameters_match_streamlit():
    script = """
    import streamlit as st
    e = st.expander("E", key="open", bind="query-params")
    t = st.tabs(["A", "B"], key="tab", bind="query-params")
    st.write(f"{e.open} {t[1].open}")
    """

    def probe(query):
        def read(at):
            at.query_params.update(query)
            at.run()
            return texts(at), dict(at.query_params)
        return read

    assert same(script, probe({"open": "true", "tab": "B"})) == (["True True"], {"open": "true", "tab": "B"})
    assert same(script, probe({"open": "1", "tab": "Z"})) == (["False False"], {})


# -- dialogs, fragments, status ----------------------------------------------------


def test_dialog_position_and_icon_and_status_type():
    at = run("""
    import termlit as st
    @st.dialog("Settings", icon="⚙", position="right")
    def settings():
        st.write("inside")
    settings()
    with st.status("Working", type="compact"):
        st.write("step")
    """)
    assert at.dialog[0].props["position"] == "right" and at.dialog[0].props["icon"] == "⚙"
    assert at.status[0].props["type"] == "compact"
    at = run("import termlit as st\nst.dialog('x', position='top')")
    assert "position must be 'center', 'left' or 'right'" in at.exception[0].value


def test_fragment_key_must_be_unique_and_parallel_runs_in_line():
    at = run("""
    import termlit as st
    order = []
    @st.fragment(parallel=True, key="one")
    def one():
        order.append("one")
    one()
    order.append("script")
    one()  # the same function: the same key is fine
    st.write(" ".join(order))
    """)
    assert not at.exception
    assert texts(at) == ["one script one"]
    at = run("""
    import termlit as st
    @st.fragment(key="k")
    def a(): pass
    @st.fragment(key="k")
    def b(): pass
    a(); b()
    """)
    assert "The fragment key 'k' is used by two fragment functions" in at.exception[0].value
    at = run("import termlit as st\nst.fragment(key='app')")
    assert "reserved" in at.exception[0].value


def test_a_fragment_rerun_writes_into_the_same_bottom_strip():
    at = run("""
    import termlit as st
    @st.fragment
    def part():
        st.button("again")
        st.bottom.write("from the fragment")
    part()
    """)
    at.button[0].click().run()
    assert not at.exception
    bottoms = [b for b in at.main.children.values() if b.kind == "bottom"]
    assert len(bottoms) == 1
    assert [m.value for m in bottoms[0].markdown] == ["from the fragment", "from the fragment"]


KEYED = """
import termlit as st
runs = st.session_state.setdefault("runs", {"app": 0, "charts": 0})
runs["app"] += 1

@st.fragment(key="charts")
def charts():
    runs["charts"] += 1
    st.write(f"charts ran {runs['charts']}")

charts()
st.button("Refresh charts", on_click=lambda: st.rerun("charts"))
st.button("Unknown", on_click=lambda: st.rerun("nope"))
st.write(f"app ran {runs['app']}")
"""


def test_rerun_with_a_fragment_key_from_a_callback_reruns_only_that_fragment():
    at = run(KEYED)
    assert texts(at) == ["charts ran 1", "app ran 1"]
    at.button[0].click().run()
    assert texts(at) == ["charts ran 2", "app ran 1"]  # the page outside the fragment did not run
    at.button[1].click().run()
    assert "st.rerun('nope'): no fragment has that key" in at.exception[0].value


def test_rerun_with_a_fragment_key_in_the_script_body_says_where_it_works():
    at = run("""
    import termlit as st
    @st.fragment(key="k")
    def f(): pass
    f()
    st.rerun("k")
    """)
    assert "only from a widget callback" in at.exception[0].value
