"""Selecting columns and cells in a table, and a row that must stay selected
(``selection_mode`` beyond rows), through the real app's keys."""

from __future__ import annotations

import random
import sqlite3
import sys
import textwrap
import time

import pytest
from conftest import run_async, running, settle
from ptydrive import PtyApp, storm_keys
from test_storm import _answers_a_key

from termlit.testing import AppTest
from termlit.testing.screen import screen_text
from termlit.tui.widgets._dataframe import DataFrameView

APP = """
import pandas as pd
import termlit as st
df = pd.DataFrame({{"a": [10, 20, 30, 40], "b": [1, 2, 3, 4], "c": list("wxyz")}})
event = st.dataframe(df, on_select="rerun", key="t", selection_mode={modes!r})
st.write(f"rows={{event.selection.rows}} columns={{event.selection.columns}} cells={{event.selection.cells}}")
"""


async def _table(pilot) -> DataFrameView:
    for _ in range(10):
        await pilot.press("tab")
        if isinstance(pilot.app.focused, DataFrameView):
            return pilot.app.focused
    raise AssertionError("Tab never reached the table")


def _drive(write_app, modes, steps):
    """Press each step's keys on the table; the script's line after each."""
    path = write_app(APP.format(modes=modes))
    seen = []

    async def scenario():
        async with running(path, size=(90, 24)) as (app, pilot):
            await _table(pilot)
            for keys in steps:
                await pilot.press(*keys)
                await settle(pilot)
                seen.append(next(line.strip() for line in screen_text(app).splitlines() if "rows=" in line))
                seen.append(screen_text(app))

    run_async(scenario())
    return seen[0::2], seen[1::2]


def test_c_selects_columns_by_their_names_and_sorting_is_off(write_app):
    lines, screens = _drive(write_app, ["multi-column"], [
        ["right", "c"], ["right", "c"], ["left", "c"], ["left_square_bracket"],
    ])
    assert lines[0] == "rows=[] columns=['b'] cells=[]"
    assert lines[1] == "rows=[] columns=['b', 'c'] cells=[]"
    assert lines[2] == "rows=[] columns=['c'] cells=[]"  # c again: unselected
    assert "● c" in screens[2] and "● b" not in screens[2]  # the header marks the selected column
    assert "1 column selected" in screens[2]
    assert "Sort" not in screens[3] and "↑" not in screens[3]  # [ does not sort, and the footer offers no sort


def test_a_single_column_selection_moves_with_c(write_app):
    lines, _ = _drive(write_app, "single-column", [["c"], ["right", "c"]])
    assert lines == ["rows=[] columns=['a'] cells=[]", "rows=[] columns=['b'] cells=[]"]


def test_space_on_a_cell_only_table_selects_the_cell_and_again_unselects_it(write_app):
    lines, screens = _drive(write_app, "single-cell", [["down", "right", "space"], ["down", "x"], ["x"]])
    assert lines == ["rows=[] columns=[] cells=[(1, 'b')]", "rows=[] columns=[] cells=[(2, 'b')]",
                     "rows=[] columns=[] cells=[]"]
    assert "1 cell selected" in screens[0]


def test_shift_arrows_widen_a_multi_cell_range(write_app):
    lines, screens = _drive(write_app, ["multi-row", "multi-cell"], [
        ["x"], ["shift+down", "shift+right"], ["shift+up"], ["space"],
    ])
    assert lines[0] == "rows=[] columns=[] cells=[(0, 'a')]"
    assert lines[1] == "rows=[] columns=[] cells=[(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]"
    assert lines[2] == "rows=[] columns=[] cells=[(0, 'a'), (0, 'b')]"
    assert "2 cells selected" in screens[2]
    assert lines[3] == "rows=[0] columns=[] cells=[(0, 'a'), (0, 'b')]"  # Space: the row, with a row mode


def test_a_required_row_starts_selected_and_stays_so(write_app):
    lines, screens = _drive(write_app, "single-row-required", [["space"], ["down", "down", "space"]])
    assert lines[0] == "rows=[0] columns=[] cells=[]"  # picked before any key; Space on it keeps it
    assert "one row stays selected" in screens[0]
    assert lines[1] == "rows=[2] columns=[] cells=[]"


def test_keys_for_what_the_table_does_not_select_say_so(write_app):
    lines, screens = _drive(write_app, "multi-row", [["c"], ["x"]])
    assert lines == ["rows=[] columns=[] cells=[]"] * 2
    assert "columns are not selectable" in screens[0] and "cells are not selectable" in screens[1]


def test_a_sorted_table_names_cells_by_their_position_in_the_data(write_app):
    lines, _ = _drive(write_app, "single-cell", [["right_square_bracket", "x"]])
    assert lines == ["rows=[] columns=[] cells=[(3, 'a')]"]  # the top row sorted descending is the last one


def test_apptest_selects_columns_and_cells_as_the_keys_do():
    at = AppTest.from_string(APP.format(modes=["multi-row", "multi-column", "single-cell"])).run()
    at.dataframe[0].select_columns(["c", "a"]).run()
    at.dataframe[0].select_cells([(2, "b")]).run()
    at.dataframe[0].select_rows([3]).run()
    assert at.markdown[0].value == "rows=[3] columns=['c', 'a'] cells=[(2, 'b')]"
    with pytest.raises(ValueError, match="no column 'zz'"):
        at.dataframe[0].select_columns(["zz"])
    with pytest.raises(ValueError, match="single-cell"):
        at.dataframe[0].select_cells([(0, "a"), (1, "a")])
    only_rows = AppTest.from_string(APP.format(modes="multi-row")).run()
    with pytest.raises(ValueError, match="does not select columns"):
        only_rows.dataframe[0].select_columns(["a"])


SHIFT_ARROWS = [b"\x1b[1;2A", b"\x1b[1;2B", b"\x1b[1;2C", b"\x1b[1;2D"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
@pytest.mark.parametrize("lazy", [False, True], ids=["in-memory", "lazy"])
def test_a_key_storm_on_tables_selecting_everything_leaves_the_app_up_and_answering(tmp_path, lazy):
    """Seeded keys (with c, x, Space and Shift+arrows) and resizes, through the real ``termlit run``."""
    db = tmp_path / "t.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t (id integer primary key, name text, amount real)")
        conn.executemany("insert into t values (?, ?, ?)", [(i, f"n{i}", i * 1.5) for i in range(3000)])
    data = (f"st.connection('d', type='sql', url='sqlite:///{db}').table('t')" if lazy
            else f"pd.read_sql('select * from t', sqlite3.connect({str(db)!r}))")
    script = tmp_path / "app.py"
    script.write_text(textwrap.dedent(f"""
        import sqlite3
        import pandas as pd
        import termlit as st
        for key, modes in (("a", ["multi-row", "multi-column", "multi-cell"]), ("b", ["single-row-required", "single-cell"]),
                           ("c", "single-column")):
            e = st.dataframe({data}, on_select="rerun", key=key, selection_mode=modes)
            st.write(key, len(e.selection.rows), len(e.selection.columns), len(e.selection.cells))
    """))
    rnd = random.Random(7)
    with PtyApp(script, columns=80, rows=24) as app:
        assert app.wait_for("termlit", 60), app.text()[-2000:]
        app.wait_quiet(0.3, 30)
        for n, name in enumerate(storm_keys(11, 3000)):
            app.press(name)
            if rnd.random() < 0.15:
                app.send(rnd.choice(SHIFT_ARROWS))
            if n % 40 == 39:
                app.resize(*rnd.choice([(80, 24), (100, 30), (60, 20), (40, 12)]))
            if n % 100 == 99:
                time.sleep(0.02)
        app.resize(80, 24)
        app.wait_quiet(0.3, 30)
        assert app.alive(), app.text()[-3000:]
        assert not app.wrote_traceback, app.text()[-3000:]
        assert _answers_a_key(app), app.text()[-3000:]
