"""st.dataframe / st.table over lazy sources, in the real app: the table
fetches only the window in view, counts in the background, and sorts and
searches in the database."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from conftest import run_async, running

from termlit.errors import StreamlitAPIException
from termlit.testing import AppTest
from termlit.testing.screen import screen_text
from termlit.tui.widgets._dataframe import DataFrameView
from termlit.tui.widgets._lazy_table import LazyTableView

ROWS = 5000


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "lazy.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table items (id integer primary key, name text, amount real)")
        conn.executemany(
            "insert into items values (?, ?, ?)",
            [(i, f"item {i}" if i != 4321 else "it's 100% _odd_", (i * 37) % 1000) for i in range(ROWS)],
        )
    return path


def lazy_app(write_app, db, call="st.dataframe(conn.table('items'))"):
    return write_app(f"""
        import termlit as st
        conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
        st.write("lazy table")
        {call}
    """)


async def _until(pilot, check, what):
    for _ in range(300):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what}")


async def _table(pilot):
    for _ in range(10):
        await pilot.press("tab")
        if isinstance(pilot.app.focused, LazyTableView):
            table = pilot.app.focused
            await _until(pilot, lambda: table.total is not None and table.fetching is None, "rows counted and loaded")
            await pilot.pause()
            return table
    raise AssertionError("Tab never reached the lazy table")


def rows_on_screen(app) -> list[str]:
    return [line for line in screen_text(app).splitlines() if "│" in line]


def test_the_table_shows_a_window_and_the_count(write_app, db):
    async def scenario():
        async with running(lazy_app(write_app, db), size=(80, 24)) as (app, pilot):
            table = await _table(pilot)
            text = screen_text(app)
            assert "row 1 of 5,000" in text and "item 3" in text
            assert len(table.chunk) <= 60  # the window and a margin, not the table
            await pilot.press("pagedown")
            await pilot.pause()
            assert "row 11 of 5,000" in screen_text(app)
            await pilot.press("G")
            await _until(pilot, lambda: "item 4999" in screen_text(app), "the last row on screen")
            assert "row 5,000 of 5,000" in screen_text(app)
            assert table.chunk_offset > 4000 and len(table.chunk) <= 60  # only the new window
            await pilot.press("g")
            await _until(pilot, lambda: "item 0 " in screen_text(app), "the first row again")

    run_async(scenario())


def test_sort_and_search_run_in_the_database(write_app, db):
    async def scenario():
        async with running(lazy_app(write_app, db), size=(80, 24)) as (app, pilot):
            table = await _table(pilot)
            await pilot.press("right", "right", "right_square_bracket")  # amount, descending
            await _until(pilot, lambda: table.fetching is None and len(table.chunk), "sorted rows")
            await pilot.pause()
            assert "↓ amount" in screen_text(app)
            assert set(table.chunk["amount"].head(5)) == {999.0}
            await pilot.press("slash", *"item 12", "enter")
            await _until(pilot, lambda: table.total is not None and table.fetching is None, "the matches counted")
            await pilot.pause()
            assert table.total == 111  # item 12, 120-129, 1200-1299
            text = screen_text(app)
            assert "of 111" in text and "matching “item 12”" in text
            # a hostile string is data: it matches the one row containing it
            await pilot.press("slash", *"'s 100% _o", "enter")
            await _until(pilot, lambda: table.total is not None and table.fetching is None, "the match counted")
            await pilot.pause()
            assert table.total == 1 and "it's 100% _odd_" in screen_text(app)
            await pilot.press("slash", *"'; drop table items; --", "enter")
            await _until(pilot, lambda: table.total is not None, "no match counted")
            await pilot.pause()
            assert "no matching rows" in screen_text(app)
            await pilot.press("slash", "enter")  # nothing typed: every row again
            await _until(pilot, lambda: table.total == ROWS, "every row")
        with sqlite3.connect(db) as conn:
            assert conn.execute("select count(*) from items").fetchone()[0] == ROWS

    run_async(scenario())


def test_a_rerun_with_the_same_source_keeps_the_place(write_app, db):
    path = lazy_app(write_app, db)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            table = await _table(pilot)
            await pilot.press("pagedown", "pagedown")
            await pilot.pause()
            app.runner.request_rerun()
            await pilot.pause(0.3)
            assert app.focused is table and table.cursor_row == 20

    run_async(scenario())


def test_st_table_of_a_lazy_source_reads_its_first_rows(db, tmp_path):
    with sqlite3.connect(db) as conn:
        conn.execute("create table many as select * from items")
    at = AppTest.from_string(f"""
import termlit as st
conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
st.table(conn.table("many"))
""").run()
    assert len(at.table[0].value) == 200  # the cap, not the table
    from termlit.tui.widgets._table import render_table
    from rich.console import Console

    console = Console(width=100, record=True)
    console.print(render_table(at.table[0]._element.props))
    assert "Showing the first 200 of 5,000 rows" in console.export_text()

    at = AppTest.from_string(f"""
import termlit as st
conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
st.table(conn.query("select * from items where amount < :a", params={{"a": 10}}, lazy=True))
""").run()
    assert not at.exception
    assert len(at.table[0].value) == 50


def test_lazy_parameter_as_streamlit(db):
    def app(lazy, on_select="ignore"):
        return AppTest.from_string(f"""
import termlit as st
conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
st.dataframe(conn.table("items"), lazy={lazy}, on_select={on_select!r})
""").run()

    at = app(None)
    assert at.dataframe[0].source is not None and at.dataframe[0].value.shape == (ROWS, 3)
    eager = app(False)  # a capped preview of the source, loaded
    assert eager.dataframe[0].source is None and len(eager.dataframe[0].value) == ROWS
    for lazy in (None, True):  # a selection stays lazy too (Streamlit refuses lazy=True with on_select)
        selecting = app(lazy, "rerun")
        assert not selecting.exception and selecting.dataframe[0].source is not None
    frame = AppTest.from_string("import termlit as st, pandas as pd\nst.dataframe(pd.DataFrame({'a': [1]}), lazy=True)").run()
    assert not frame.exception and frame.dataframe[0].value["a"].tolist() == [1]
    styler = AppTest.from_string(
        "import termlit as st, pandas as pd\nst.dataframe(pd.DataFrame({'a': [1]}).style, lazy=True)").run()
    assert "not supported for a pandas Styler" in styler.exception[0].message
    with pytest.raises(StreamlitAPIException, match="True, False or None"):
        from termlit.elements.data import lazy_source

        lazy_source(None, "yes")


def test_an_eager_and_a_lazy_table_replace_each_other(write_app, db, tmp_path):
    flag = tmp_path / "lazy.flag"
    path = write_app(f"""
        import pathlib, pandas as pd
        import termlit as st
        conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
        if pathlib.Path({str(flag)!r}).exists():
            st.dataframe(conn.table("items"))
        else:
            st.dataframe(pd.DataFrame({{"x": [1, 2]}}))
    """)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            assert type(app.query_one(DataFrameView)) is DataFrameView
            flag.write_text("1")
            app.runner.request_rerun()
            for _ in range(200):
                await asyncio.sleep(0.02)
                await pilot.pause()
                if app.query(LazyTableView):
                    break
            assert app.query(LazyTableView)

    run_async(scenario())


def test_the_bigtable_example_creates_its_database_once_and_shows_it_lazily(tmp_path, monkeypatch):
    from conftest import EXAMPLES

    monkeypatch.setenv("BIGTABLE_ROWS", "2500")
    monkeypatch.setenv("BIGTABLE_DB", str(tmp_path / "big.db"))
    at = AppTest.from_file(EXAMPLES / "bigtable.py", default_timeout=60).run()
    assert not at.exception
    assert (tmp_path / "big.db").exists() and not (tmp_path / "big.partial").exists()
    table, city = at.dataframe[0].source, at.dataframe[1].source
    with sqlite3.connect(tmp_path / "big.db") as conn:
        (highest,) = conn.execute("select max(amount) from sales").fetchone()
    assert table.count() == 2500 and table.primary_key == ["id"]
    assert table.window(0, 1, sort=[("amount", False)])["amount"].tolist() == [highest]
    lisbon = city.count()
    at.selectbox[0].set_value("Oslo").run()
    oslo = at.dataframe[1].source
    assert set(oslo.window(0, 50)["city"]) == {"Oslo"} and oslo.count() + lisbon < 2500
    assert at.dataframe[1].source.count("kettle") == oslo.count("KETTLE")


def test_apptest_shows_a_lazy_table_without_loading_it(db):
    at = AppTest.from_string(f"""
import termlit as st
conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
st.dataframe(conn.table("items"))
""").run()
    assert repr(at.dataframe[0]) == "Dataframe(type='dataframe', source=SQLSource(id, name, amount))"


def test_calls_that_cannot_page_a_lazy_table_say_how_to_load_it(db):
    at = AppTest.from_string(f"""
import termlit as st
conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
st.line_chart(conn.table("items"), x="id", y="amount")  # charts bin in the database
st.map(conn.table("items"))
""").run()
    assert len(at.exception) == 1 and len(at.get("line_chart")) == 1
    assert "cannot page a lazy table (SQLSource)" in at.exception[0].message
    assert "source.window(0, 10_000)" in at.exception[0].message


def test_cache_data_keeps_a_lazy_query_not_its_rows(db, tmp_path, monkeypatch):
    import pickle

    (tmp_path / ".streamlit").mkdir(exist_ok=True)
    (tmp_path / ".streamlit" / "secrets.toml").write_text(f'[connections.shop]\nurl = "sqlite:///{db}"\n')
    calls = tmp_path / "calls.txt"
    script = tmp_path / "cached_lazy.py"
    script.write_text(f"""
import pathlib
import termlit as st

@st.cache_data
def cheap_items(limit):
    calls = pathlib.Path({str(calls)!r})
    calls.write_text(calls.read_text() + "x" if calls.exists() else "x")
    conn = st.connection("shop", type="sql")
    return conn.query("select * from items where amount < :a", params={{"a": limit}}, lazy=True)

@st.cache_data
def every_item():
    return st.connection("shop", type="sql").table("items")

st.dataframe(cheap_items(10))
st.dataframe(every_item())
""")
    monkeypatch.chdir(tmp_path)
    first = AppTest.from_file(str(script)).run()
    second = AppTest.from_file(str(script)).run()  # another session: a hit, unpickled
    assert not first.exception and not second.exception
    assert calls.read_text() == "x"  # computed once
    query, table = second.dataframe[0].source, second.dataframe[1].source
    cheap = [i for i in range(ROWS) if (i * 37) % 1000 < 10]
    assert query.count() == len(cheap) and table.count() == ROWS  # the hits still run in the database
    assert query.window(0, 3, sort=[("id", True)])["id"].tolist() == cheap[:3]
    saved = pickle.dumps(table)
    assert len(saved) < 1000 and b"item 1" not in saved  # the recipe, not the rows


def test_cache_data_of_a_lazy_table_from_a_connection_given_a_url_says_why_not(db):
    at = AppTest.from_string(f"""
import termlit as st
@st.cache_data
def items():
    return st.connection("lazy", type="sql", url="sqlite:///{db}").table("items")
st.dataframe(items())
""").run()
    message = at.exception[0].message
    assert "given arguments in code" in message and "st.cache_resource" in message


def selecting_app(write_app, db, call):
    return write_app(f"""
        import termlit as st
        conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
        event = {call}
        st.write(f"picked rows={{event.selection.rows}} keys={{event.selection.get('row_keys')}}")
    """)


def test_a_lazy_selection_gives_positions_and_primary_keys(write_app, db):
    path = selecting_app(write_app, db, "st.dataframe(conn.table('items'), on_select='rerun', key='t')")

    async def scenario():
        async with running(path, size=(90, 24)) as (app, pilot):
            table = await _table(pilot)
            assert "picked rows=[] keys=[]" in screen_text(app)
            await pilot.press("down", "space")
            await _until(pilot, lambda: "picked rows=[1] keys=[{'id': 1}]" in screen_text(app), "row 2 picked")
            await pilot.press("G")  # far past the first window: the new one is fetched, then picked
            await _until(pilot, lambda: table.cursor_row == ROWS - 1 and table.fetching is None, "the last row")
            await pilot.press("space")
            await _until(pilot, lambda: f"keys=[{{'id': 1}}, {{'id': {ROWS - 1}}}]" in screen_text(app),
                         "the last row picked too")
            assert "2 selected" in screen_text(app)
            assert app.runner.session.state["t"]["selection"]["rows"] == [1, ROWS - 1]
            await pilot.press("g", "down", "space")  # Space again: row 2 unpicked
            await _until(pilot, lambda: f"picked rows=[{ROWS - 1}] keys=[{{'id': {ROWS - 1}}}]" in screen_text(app),
                         "row 2 unpicked")
            # sorted by amount, descending: the positions are those of the order shown, the keys the rows'
            await pilot.press("right", "right", "right_square_bracket")
            await _until(pilot, lambda: "picked rows=[] keys=[]" in screen_text(app), "the selection cleared")
            assert "1 selected row cleared: the sort changed" in screen_text(app)
            await _until(pilot, lambda: table.fetching is None and len(table.chunk), "sorted rows")
            await pilot.press("down", "space")
            second = int(table.chunk["id"].iloc[1])
            assert table.chunk["amount"].iloc[1] == 999.0
            await _until(pilot, lambda: f"picked rows=[1] keys=[{{'id': {second}}}]" in screen_text(app),
                         "the second row of the sorted order picked")
            await pilot.press("slash", *"item 12", "enter")  # a search clears it too
            await _until(pilot, lambda: "picked rows=[] keys=[]" in screen_text(app), "cleared by the search")

    run_async(scenario())


def test_a_lazy_selection_without_a_key_and_a_first_selection(write_app, db):
    path = selecting_app(write_app, db, (
        "st.dataframe(conn.query('select name, amount from items where amount >= :a', params={'a': 990}, "
        "lazy=True), on_select='rerun', selection_mode='single-row')"))

    async def scenario():
        async with running(path, size=(90, 24)) as (app, pilot):
            await _table(pilot)
            await pilot.press("down", "down", "space", "down", "space")  # single-row: the second replaces the first
            await _until(pilot, lambda: "picked rows=[3] keys=None" in screen_text(app), "row 4 picked, no keys")

    run_async(scenario())
    at = AppTest.from_string(f"""
import termlit as st
conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
event = st.dataframe(conn.table("items"), on_select="rerun",
                     selection_default={{"selection": {{"rows": [3, 4998, {ROWS + 5}]}}}})
st.write(f"rows={{event.selection.rows}} keys={{event.selection.row_keys}}")
""").run()
    assert not at.exception
    assert at.markdown[0].value == "rows=[3, 4998] keys=[{'id': 3}, {'id': 4998}]"  # past the end: left out
    at.dataframe[0].select_rows([10, 11]).run()
    assert at.markdown[0].value == "rows=[10, 11] keys=[{'id': 10}, {'id': 11}]"


def test_a_lazy_table_selects_a_required_row_cells_and_columns(write_app, db):
    path = write_app(f"""
        import termlit as st
        conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
        e = st.dataframe(conn.table("items"), on_select="rerun", key="t",
                         selection_mode=["single-row-required", "multi-cell"])
        st.write(f"rows={{e.selection.rows}} keys={{e.selection.row_keys}} cells={{e.selection.cells}}")
        c = st.dataframe(conn.table("items"), on_select="rerun", key="c", selection_mode="multi-column")
        st.write(f"columns={{c.selection.columns}}")
    """)

    async def scenario():
        async with running(path, size=(120, 40)) as (app, pilot):
            assert "rows=[0] keys=[{'id': 0}] cells=[]" in screen_text(app)  # required: the first row, read first
            table = await _table(pilot)
            await pilot.press("down", "down", "right", "x", "shift+down")
            await _until(pilot, lambda: "cells=[(2, 'name'), (3, 'name')]" in screen_text(app), "two cells")
            await pilot.press("space")
            await _until(pilot, lambda: "rows=[3] keys=[{'id': 3}]" in screen_text(app), "the row replaced")
            await pilot.press("right_square_bracket")  # by name, descending ("item 999" first): positions change
            await _until(pilot, lambda: "rows=[0] keys=[{'id': 999}] cells=[]" in screen_text(app),
                         "cells cleared, and the required row is the new first row")
            assert "2 selected cells cleared: the sort changed; row 1 selected" in screen_text(app)
            columns = await _table(pilot)
            assert columns is not table
            await pilot.press("right", "right", "c")
            await _until(pilot, lambda: "columns=['amount']" in screen_text(app), "a column picked")

    run_async(scenario())


def test_rows_the_script_writes_show_after_its_rerun(write_app, db):
    path = write_app(f"""
        import sqlite3
        import termlit as st
        conn = st.connection("lazy", type="sql", url="sqlite:///{db}")
        if st.button("Write"):
            with sqlite3.connect({str(db)!r}) as raw:
                raw.execute("update items set name = 'renamed' where id = 0")
                raw.execute("insert into items values (5000, 'added', 1.0)")
        st.dataframe(conn.table("items"))
    """)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            table = await _table(pilot)
            assert "item 0 " in screen_text(app)
            await pilot.press("shift+tab", "enter")  # the button: its run writes, then shows the table
            await _until(pilot, lambda: "renamed" in screen_text(app), "the renamed row in view")
            await _until(pilot, lambda: table.total == ROWS + 1, "the added row counted")
            assert "of 5,001" in screen_text(app)

    run_async(scenario())
