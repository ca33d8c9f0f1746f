"""st.dataframe, st.table and st.data_editor: values in AppTest, keys in the UI."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import run_async, running, settle

from termlit.common.timefmt import format_moment
from termlit.testing import AppTest
from termlit.testing.screen import screen_text
from termlit.tui.widgets._cells import format_cells
from termlit.tui.widgets._data_editor import DataEditorView
from termlit.tui.widgets._dataframe import DataFrameView
from termlit.tui.widgets._frame_search import sort_order
from termlit.tui.widgets._row_detail import RowDetail

# -- AppTest -------------------------------------------------------------------


def test_every_kind_of_data_becomes_a_frame():
    def app():
        import numpy as np
        import pandas as pd
        import pyarrow as pa

        import termlit as st

        st.dataframe(pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
        st.dataframe(pd.Series([1.5, 2.5], name="s"))
        st.dataframe(np.arange(6).reshape(3, 2))
        st.dataframe([1, 2, 3])
        st.dataframe({"k": [1, 2]})
        st.dataframe(pa.table({"p": [1, 2, 3]}))
        st.dataframe([{"name": "ada", "age": 36}])

    at = AppTest.from_function(app).run()
    assert not at.exception
    shapes = [frame.value.shape for frame in at.dataframe]
    assert shapes == [(2, 2), (2, 1), (3, 2), (3, 1), (2, 1), (3, 1), (1, 2)]
    assert all(isinstance(frame.value, pd.DataFrame) for frame in at.dataframe)
    assert list(at.dataframe[5].value["p"]) == [1, 2, 3]


def test_polars_frames_when_polars_is_installed():
    pytest.importorskip("polars")
    at = AppTest.from_string(
        """
        import polars as pl
        import termlit as st
        st.dataframe(pl.DataFrame({"a": [1, 2, 3]}))
        """
    ).run()
    assert list(at.dataframe[0].value["a"]) == [1, 2, 3]


def test_the_frame_is_kept_not_copied():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        if "df" not in st.session_state:
            st.session_state.df = pd.DataFrame({"a": range(5)})
        st.dataframe(st.session_state.df)
        """
    ).run()
    assert at.dataframe[0].value is at.session_state.df


def test_column_order_and_config_choose_labels_and_hide_columns():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"a": [1], "b": [2], "c": [3], "d": [4]})
        st.dataframe(df, column_order=["c", "a", "b"], column_config={"a": "Alpha", "b": None})
        st.dataframe(df, column_config={"d": {"label": "Delta", "width": "small", "format": "%.1f"}}, hide_index=True)
        """
    ).run()
    assert at.dataframe[0].columns == ["c", "Alpha"]
    second = at.dataframe[1]
    assert second.columns == ["a", "b", "c", "Delta"]
    assert second.props["widths"][-1] == 8 and second.props["formats"][-1] == "%.1f"
    assert second.props["show_index"] is False


def test_unknown_column_in_column_order_is_a_clear_error():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        st.dataframe(pd.DataFrame({"a": [1]}), column_order=["nope"])
        """
    ).run()
    assert "column_order names 'nope'" in at.exception[0].message


def test_selection_returns_rows_like_streamlit():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"a": range(10)})
        event = st.dataframe(df, on_select="rerun", key="pick")
        st.text(f"rows={event.selection.rows} via_item={event['selection']['rows']}")
        """
    ).run()
    assert at.text[0].value == "rows=[] via_item=[]"
    at.dataframe[0].select_rows([3, 1]).run()
    assert at.text[0].value == "rows=[1, 3] via_item=[1, 3]"
    assert at.dataframe[0].selection.rows == [1, 3]
    assert at.session_state.pick["selection"]["rows"] == [1, 3]


def test_single_row_selection_takes_one_row():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        st.dataframe(pd.DataFrame({"a": range(3)}), on_select="rerun", selection_mode="single-row")
        """
    ).run()
    with pytest.raises(ValueError):
        at.dataframe[0].select_rows([0, 1])
    bad = AppTest.from_string(
        """
        import termlit as st
        st.dataframe([1], on_select="rerun", selection_mode="rows")
        """
    ).run()
    assert "selection_mode" in bad.exception[0].message and "'single-row-required'" in bad.exception[0].message


def test_table_keeps_the_data():
    at = AppTest.from_string(
        """
        import termlit as st
        st.table({"a": [1, 2], "b": ["x", "y"]})
        """
    ).run()
    assert at.table[0].value.shape == (2, 2)


def test_data_editor_edits_adds_and_deletes_rows():
    at = AppTest.from_string(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"item": ["pen", "ink", "pad"], "qty": [1, 2, 3]})
        edited = st.data_editor(df, num_rows="dynamic", key="cart")
        st.text(f"total={int(edited['qty'].sum())} rows={len(edited)}")
        """
    ).run()
    assert at.text[0].value == "total=6 rows=3"
    at.data_editor[0].edit_cell(0, "qty", 10).run()
    assert at.text[0].value == "total=15 rows=3"
    assert at.session_state.cart["edited_rows"] == {0: {"qty": 10}}
    at.data_editor[0].add_row({"item": "cap", "qty": 4}).run()
    assert at.text[0].value == "total=19 rows=4"
    at.data_editor[0].delete_row(1).run()  # "ink"
    assert at.text[0].value == "total=17 rows=3"
    assert list(at.data_editor[0].value["item"]) == ["pen", "pad", "cap"]


def test_data_editor_fixed_rows_and_disabled_columns():
    at = AppTest.from_string(
        """
        import termlit as st
        edited = st.data_editor({"a": [1, 2], "b": [3, 4]}, disabled=["b"])
        st.text(str(edited))
        """
    ).run()
    editor = at.data_editor[0]
    with pytest.raises(ValueError):
        editor.add_row()
    with pytest.raises(ValueError):
        editor.edit_cell(0, "b", 9)
    editor.edit_cell(1, "a", 7).run()
    assert at.text[0].value == str({"a": [1, 7], "b": [3, 4]})


def test_sort_order_is_stable_and_puts_missing_values_last():
    numbers = pd.Series([3.0, np.nan, 1.0, 3.0, 2.0])
    assert list(sort_order(numbers, 1)) == [2, 4, 0, 3, 1]
    assert list(sort_order(numbers, -1)) == [0, 3, 4, 2, 1]
    words = pd.Series(["b", None, "a", "b"])
    assert list(sort_order(words, 1)) == [2, 0, 3, 1]
    assert list(sort_order(words, -1)) == [0, 3, 2, 1]


def test_date_formats_in_column_config_read_as_in_the_date_widgets():
    moment = pd.Timestamp("2024-03-05 14:07")
    fmt = "D MMM YYYY, h:mm a"
    texts, missing, _numeric = format_cells(pd.Series([moment, pd.NaT]), fmt)
    assert texts == ["5 Mar 2024, 2:07 pm", "NaT"] and missing == [False, True]
    assert texts[0] == format_moment(moment.to_pydatetime(), fmt)  # what st.datetime_input would show
    assert format_cells(pd.Series([moment]), "%d/%m %H:%M")[0] == ["05/03 14:07"]
    assert format_cells(pd.Series([moment]), "iso8601")[0] == ["2024-03-05T14:07:00"]


def test_a_datetime_column_shows_its_format_on_screen(write_app):
    path = write_app(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"when": [pd.Timestamp("2024-03-05 14:07")]})
        st.dataframe(df, column_config={"when": st.column_config.DatetimeColumn(format="D MMM YYYY, h:mm a")})
        """
    )

    async def scenario():
        async with running(path, size=(80, 12)) as (app, pilot):
            assert "5 Mar 2024, 2:07 pm" in screen_text(app)

    run_async(scenario())


# -- the UI, by keyboard ---------------------------------------------------------------

BIG = """
import numpy as np
import pandas as pd
import termlit as st

@st.cache_resource
def frame():
    n = 50_000
    rng = np.random.default_rng(0)
    return pd.DataFrame({
        "price": np.round(rng.random(n) * 100, 2),
        "units": np.arange(n) % 997,
        "name": np.array(["alpha", "beta", "gamma"])[np.arange(n) % 3],
        "note": ["a very long piece of text that will not fit in a cell " + str(i) for i in range(n)],
    })

df = frame()
df.loc[5, "price"] = np.nan
event = st.dataframe(df, on_select="rerun")
st.text(f"selected={event.selection.rows}")
"""


async def _focus_table(pilot, cls=DataFrameView):
    for _ in range(10):
        await pilot.press("tab")
        if isinstance(pilot.app.focused, cls):
            return pilot.app.focused
    raise AssertionError("Tab never reached the table")


def _row_lines(app) -> list[str]:
    return [line for line in screen_text(app).splitlines() if "│" in line]


def test_scrolling_by_keys_shows_the_rows_in_view(write_app):
    path = write_app(BIG)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "price" in text and "units" in text and "row 1 of 50,000" in text
            assert "NaN" in text  # row 5's missing price is shown as such
            assert "…" in text  # the long note is cut
            await _focus_table(pilot)
            await pilot.press("pagedown")
            await pilot.pause()
            assert "row 11 of 50,000" in screen_text(app)  # ten rows a page (the default height)
            await pilot.press("G")
            await pilot.pause()
            text = screen_text(app)
            assert "row 50,000 of 50,000" in text and "49999" in text
            await pilot.press("g", "down", "down")
            await pilot.pause()
            assert "row 3 of 50,000" in screen_text(app)

    run_async(scenario())


def test_sorting_by_the_focused_column(write_app):
    path = write_app(BIG)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            table = await _focus_table(pilot)
            await pilot.press("right")  # units
            await pilot.press("right_square_bracket")  # descending
            for _ in range(100):
                if table.sort_key is not None:
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            first = _row_lines(app)[1]
            assert "996" in first and "↓ units" in screen_text(app)
            await pilot.press("right_square_bracket")  # again: back to the data's order
            await pilot.pause()
            assert table.sort_key is None
            assert _row_lines(app)[1].split("│")[0].strip().endswith("0")

    run_async(scenario())


async def _wait_idle(pilot, table):
    for _ in range(200):
        if not table.busy:
            return
        await pilot.pause(0.02)
    raise AssertionError("the table stayed busy")


def test_search_and_next_match(write_app):
    path = write_app(BIG)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            table = await _focus_table(pilot)
            await pilot.press("slash", *"cell 4321", "enter")
            await _wait_idle(pilot, table)
            await pilot.pause()
            assert table.cursor_row == 4321 and table.labels[table.cursor_col] == "note"
            assert "row 4,322 of 50,000" in screen_text(app)
            await pilot.press("n")  # "cell 43210" is the next row containing it
            await _wait_idle(pilot, table)
            assert table.cursor_row == 43210
            await pilot.press("N")
            await _wait_idle(pilot, table)
            assert table.cursor_row == 4321
            await pilot.press("slash", *"no such thing", "enter")
            await _wait_idle(pilot, table)
            await pilot.pause()
            assert "not found" in screen_text(app)

    run_async(scenario())


def test_select_rows_with_space_reruns_with_the_selection(write_app):
    path = write_app(BIG)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            table = await _focus_table(pilot)
            await pilot.press("down", "space")
            await settle(pilot)
            await pilot.press("down", "down", "space")
            await settle(pilot)
            assert "selected=[1, 3]" in screen_text(app)
            assert app.focused is table
            await pilot.press("space")  # unselect row 3
            await settle(pilot)
            assert "selected=[1]" in screen_text(app)

    run_async(scenario())


def test_enter_shows_the_whole_row_and_y_copies_the_cell(write_app):
    path = write_app(BIG)

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            await _focus_table(pilot)
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, RowDetail)
            assert "a very long piece of text that will not fit in a cell 1" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, RowDetail)
            await pilot.press("right", "y")
            assert app.clipboard == "1"  # row 1 of "units", that is 1 % 997
            assert "copied 1" in screen_text(app)

    run_async(scenario())


def test_wide_frames_scroll_sideways_with_the_index_pinned(write_app):
    path = write_app(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({f"column_{i:02d}": range(i, i + 30) for i in range(30)})
        df.index = [f"r{i}" for i in range(30)]
        st.dataframe(df)
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            assert "column_29" not in screen_text(app)
            await _focus_table(pilot)
            for _ in range(29):
                await pilot.press("right")
            await pilot.pause()
            text = screen_text(app)
            assert "column_29" in text and "column_00" not in text
            assert "r0" in text  # the index stays

    run_async(scenario())


def test_table_caps_its_rows_and_says_so(write_app):
    path = write_app(
        """
        import termlit as st
        st.table({"n": list(range(500))})
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            assert "Showing the first 200 of 500 rows" not in screen_text(app)
            app.main_area.scroll_end(animate=False)
            await pilot.pause()
            text = screen_text(app)
            assert "Showing the first 200 of 500 rows" in text and "199" in text and "200" not in text.split("Showing")[0][-40:]

    run_async(scenario())


def test_data_editor_by_keyboard(write_app):
    path = write_app(
        """
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({"item": ["pen", "ink"], "qty": [1, 2]})
        edited = st.data_editor(df, num_rows="dynamic", hide_index=True)
        st.text(f"total={int(edited['qty'].fillna(0).sum())} rows={len(edited)}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            editor = await _focus_table(pilot, DataEditorView)
            await pilot.press("right", "enter", "backspace", *"5", "enter")
            await settle(pilot)
            assert "total=7 rows=2" in screen_text(app)
            await pilot.press("enter", "backspace", *"x", "enter")  # not a number: refused
            await pilot.pause()
            assert "not a valid" in screen_text(app)
            await pilot.press("a")  # a new row, then give it a quantity
            await settle(pilot)
            assert editor.cursor_row == 2
            await pilot.press("enter", *"3", "enter")
            await settle(pilot)
            assert "total=10 rows=3" in screen_text(app)
            await pilot.press("up", "d")  # delete "ink"
            await settle(pilot)
            assert "total=8 rows=2" in screen_text(app)
            assert app.focused is editor

    run_async(scenario())


# -- what a key redraws (bytes over SSH) --------------------------------------------------


def test_changed_span_covers_every_cell_that_differs():
    import random

    from rich.segment import Segment
    from rich.style import Style
    from textual.strip import Strip

    from termlit.tui.widgets._line_redraw import _cells, changed_span

    rnd = random.Random(3)
    styles = [Style(), Style(bold=True), Style(reverse=True)]

    def line(chars):  # a table line: always the widget's width
        return Strip([Segment(c, s) for c, s in chars]).adjust_cell_length(24)

    for _ in range(500):
        old = [(rnd.choice("ab 界"), rnd.choice(styles)) for _ in range(10)]
        new = list(old)
        for _ in range(rnd.randint(0, 3)):
            new[rnd.randrange(len(new))] = (rnd.choice("ab c界"), rnd.choice(styles))
        a, b = _cells(line(old)), _cells(line(new))
        assert len(a) == len(b) == 24
        start, end = changed_span(line(old), line(new))
        assert 0 <= start <= end <= 24
        # Writing the new line's cells start..end over the old line gives the new line.
        assert a[:start] + b[start:end] + a[end:] == b
        if a == b:
            assert end - start <= 1  # nothing (or one cell) to write again


def test_a_cursor_step_redraws_only_the_lines_it_changed(write_app):
    path = write_app(BIG)

    async def scenario():
        async with running(path, size=(100, 30)) as (app, pilot):
            table = await _focus_table(pilot)
            await pilot.pause(0.1)
            redrawn: list = []
            refresh = table.refresh

            def recording(*regions, **kwargs):
                redrawn.append(regions)
                return refresh(*regions, **kwargs)

            table.refresh = recording
            await pilot.press("down")
            await pilot.pause(0.1)
            assert "row 2 of 50,000" in screen_text(app)
            regions = [region for call in redrawn for region in call]
            assert redrawn and all(call for call in redrawn)  # never the whole table
            # The old and the new cursor row and the status line, each a part of one line.
            assert len({region.y for region in regions}) <= 3 and all(r.height == 1 for r in regions)
            redrawn.clear()
            await pilot.press("pagedown")
            await pilot.pause(0.1)
            assert "row 12 of 50,000" in screen_text(app)

    run_async(scenario())
