"""Text, data display and column config on the terminal screen (Pilot)."""

from __future__ import annotations

from conftest import EXAMPLES, run_async, running, settle

from termlit.testing.screen import screen_cells, screen_text
from termlit.tui.widgets._chart import ChartView
from termlit.tui.widgets._table import TableView


def _lines(app) -> list[str]:
    return screen_text(app).splitlines()


def _line_with(app, words: str) -> str:
    return next(line for line in _lines(app) if words in line)


def test_alignment_wrap_icons_and_alert_titles_on_screen(write_app):
    path = write_app(
        """
        import termlit as st
        st.title("Centred", icon="🚀", text_alignment="center")
        st.text("to the right", text_alignment="right", width="stretch")
        st.markdown("word " * 40 + "END", wrap=False)
        st.markdown("word " * 40 + "TAIL")
        st.error("The disk is full.", title="Cannot save")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            title = _line_with(app, "Centred")
            assert "🚀 Centred" in title and title.index("🚀") > 25  # in the middle, not at the left edge
            right = _line_with(app, "to the right")
            assert right.rstrip().endswith("to the right") and right.index("to the right") > 50
            cut = _line_with(app, "word word")
            assert cut.rstrip().endswith("…") and "END" not in screen_text(app)
            assert "TAIL" in screen_text(app)  # the wrapping one goes on to its end
            lines = _lines(app)
            head = next(i for i, line in enumerate(lines) if "Cannot save" in line)
            assert "The disk is full." in lines[head + 1]
            row = screen_cells(app)[head]
            start = lines[head].index("Cannot save")
            assert all("bold" in cell.attributes for cell in row[start:start + 11] if not cell.blank)
            assert not any("bold" in cell.attributes for cell in screen_cells(app)[head + 1])

    run_async(scenario())


def test_metric_format_arrow_description_and_sparkline(write_app):
    path = write_app(
        """
        import termlit as st
        st.metric("Revenue", 1234.567, delta=-12.5, format="dollar", delta_arrow="up",
                  delta_description="vs last month", icon="💰", chart_data=[1, 5, 2, 8], chart_type="bar")
        st.metric("Plain", 7, delta=2, delta_arrow="off")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "💰 Revenue" in text and "$1,234.57" in text
            assert "▲ $12.50 vs last month" in text  # forced up arrow, the sign's colour (red)
            assert "▁▅▂█" in text
            assert "▲" not in _line_with(app, " 2") and "▼" not in text
            lines = _lines(app)
            row = next(i for i, line in enumerate(lines) if "vs last month" in line)
            arrow = lines[row].index("▲")
            fg = screen_cells(app)[row][arrow].fg
            assert fg is not None and int(fg[1:3], 16) > int(fg[3:5], 16)  # red, not green

    run_async(scenario())


def test_table_borders_header_index_and_alt(write_app):
    path = write_app(
        """
        import termlit as st
        import pandas as pd
        st.table(pd.DataFrame({"alpha": [1, 2]}), border=False, alt="Two numbers")
        st.table([["x", "y"], ["z", "w"]], border="horizontal")
        st.table(pd.DataFrame({"beta": [3]}, index=["row"]), hide_header=True)
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            alpha = _line_with(app, "alpha")
            assert "│" not in alpha and "┃" not in alpha  # border=False: no lines at all
            assert "beta" not in text and "row" in text and "3" in text  # header hidden, custom index shown
            lines = _lines(app)
            x = next(i for i, line in enumerate(lines) if " x " in line and " y" in line)
            assert "│" not in lines[x] and "─" in lines[x + 1] and " z " in lines[x + 2]  # a line between rows only
            assert "─" not in lines[x - 1]  # no edge above, no header (the rows have no column names)
            tables = list(app.query(TableView))
            assert tables[0].tooltip == "Two numbers" and tables[1].tooltip is None

    run_async(scenario())


def test_dataframe_cells_of_column_types_placeholder_alt_and_alignment(write_app):
    path = write_app(
        """
        import termlit as st
        cc = st.column_config
        st.dataframe(
            {"name": ["ann", None], "done": [0.9, 0.1], "go": ["Open", "Open"], "tags": [["a", "b"], []],
             "n": [1, 22]},
            hide_index=True, placeholder="--", alt="People",
            column_config={"done": cc.ProgressColumn("Done", step=0.1, color="auto"),
                           "go": cc.ButtonColumn("Go", width=12), "tags": cc.MultiselectColumn(),
                           "n": cc.NumberColumn(alignment="left", width=6)},
        )
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "People · row 1 of 2" in text
            first = _line_with(app, "ann")
            assert "███████░ 0.9" in first and "a, b" in first
            assert " [ Open ]  " in first  # a button, centred in its 12 cells
            second = _line_with(app, "█░░░░░░░ 0.1")
            assert first.rindex(" 1") + 1 == second.rindex(" 22") + 1  # n aligned left: both start in one column
            assert "--" in second  # the missing name
            lines = _lines(app)
            row = lines.index(first)
            cells = screen_cells(app)[row]
            bar = first.index("███████░")
            assert int(cells[bar].fg[3:5], 16) > int(cells[bar].fg[1:3], 16)  # "auto": above half is green

    run_async(scenario())


def test_chart_alt_is_its_tooltip_and_progress_width_caps_the_bar(write_app):
    path = write_app(
        """
        import termlit as st
        st.line_chart({"a": [1, 2, 3]}, alt="Rising line")
        st.progress(40, width=160)
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            assert app.query_one(ChartView).tooltip == "Rising line"
            bar = _line_with(app, "40%")
            assert bar.count("█") + bar.count("░") == 160 // 8 - 6

    run_async(scenario())


def test_the_text_and_data_example_runs():
    async def scenario():
        async with running(EXAMPLES / "text_data.py", size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "📋 Text and data" in text and "Heads up" in text and "$1,234.57" in text

    run_async(scenario())


def test_enter_on_a_button_cell_clicks_it(write_app):
    path = write_app(
        """
        import termlit as st
        def clicked():
            st.session_state.seen = st.session_state.go.label + " " + str(st.session_state.go.row)
        st.dataframe({"go": ["Open", "Ship"], "n": [1, 2]}, hide_index=True,
                     column_config={"go": st.column_config.ButtonColumn("Go", on_click=clicked, key="go")})
        st.text(f"seen: {st.session_state.get('seen')}")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            assert "seen: None" in screen_text(app)
            await pilot.press("tab", "down", "enter")
            await settle(pilot)
            assert "seen: Ship 1" in screen_text(app)
            await pilot.press("right", "enter")  # not a button cell: the row opens
            await settle(pilot)
            assert "Row 2 of 2" in screen_text(app)

    run_async(scenario())


def test_a_table_with_a_height_scrolls_inside_it(write_app):
    path = write_app(
        """
        import termlit as st
        st.table({"n": [f"r{i}" for i in range(50)]}, height=200)
        st.text("after the table")
        """
    )

    async def scenario():
        async with running(path, size=(80, 24)) as (app, pilot):
            text = screen_text(app)
            assert "after the table" in text and "r6" in text and "r7 " not in text  # 10 lines: border, header, rows
            await pilot.press("tab")
            assert isinstance(app.focused, TableView)
            await pilot.press("end")
            await pilot.pause()
            text = screen_text(app)
            assert "r49" in text and "r0 " not in text and "after the table" in text

    run_async(scenario())
