"""``st.dataframe``: a table that draws only the rows and columns in view.

The view never copies the frame into a row store and never turns the whole
frame into text. Each repaint takes the window of rows on screen (through a
sort permutation when sorted), formats only the columns that fit, and keeps
those few dozen strings until the window moves (:mod:`._window`);
:class:`~._grid.Grid` draws them. 10M rows cost what 40 cost. Sorting and
searching run in thread workers (:mod:`._frame_search`).
"""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

import numpy as np
from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.strip import Strip
from textual.worker import Worker, WorkerState, get_current_worker

from termlit.common.frames import selection_state
from termlit.elements.column_config import ButtonColumnClickState, button_label
from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ClickTarget, ElementView, WidgetValue
from termlit.tui.widgets._cells import MAX_CELL, MISSING, fit, missing_kind
from termlit.tui.widgets._frame_search import find_row, sort_order
from termlit.tui.widgets._grid import Grid, GridColumn, GridStyles, scroll_marks
from termlit.tui.widgets._line_redraw import LineRedraw
from termlit.tui.widgets._row_detail import RowDetail
from termlit.tui.widgets._table_selection import TableSelection
from termlit.tui.widgets._window import FrameWindow
from termlit.tui.widgets._safe import open_window

__all__ = ["DataFrameView"]

#: Rows shown when the script does not ask for a height.
DEFAULT_ROWS = 10
#: Streamlit heights are pixels; a row there is about this many.
PIXELS_PER_ROW = 35
#: The props that decide the table's columns (a change re-measures them).
_LAYOUT_PROPS = ("columns", "labels", "widths", "formats", "show_index", "index_label", "height", "kinds",
                 "alignments", "type_options", "placeholder")


class DataFrameView(TableSelection, ElementView, LineRedraw, can_focus=True):
    """A virtualized table of a DataFrame.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | previous / next row |
    | ← / → | previous / next column (scrolls sideways; the index stays put) |
    | PgUp / PgDn | a page up / down |
    | Home / End, g / G | first / last row |
    | [ / ] | sort by this column, ascending / descending (again: unsorted) |
    | / | search; Enter finds, Esc cancels |
    | n / N | next / previous match |
    | Enter | show the row in full |
    | y | copy the cell (works over SSH) |
    | Space | select the row (when the app asks; with only cell or column modes: the cell or column) |
    | c / x | select the column / the cell (see :mod:`._table_selection`) |
    | Shift+arrows | widen the selected cells to a range ("multi-cell") |
    """

    BINDINGS: ClassVar = [
        Binding("up", "move(-1)", "Up", show=False, tooltip="the previous row"),
        Binding("down", "move(1)", "Down", show=False, tooltip="the next row"),
        Binding("left", "column(-1)", "Left", show=False, tooltip="the previous column"),
        Binding("right", "column(1)", "Right", show=False, tooltip="the next column"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="a page of rows up"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="a page of rows down"),
        Binding("home,g", "jump(0)", "First", show=False, tooltip="the first row"),
        Binding("end,G", "jump(1)", "Last", show=False, tooltip="the last row"),
        Binding("left_square_bracket", "sort(1)", "Sort ↑", tooltip="sort by this column, ascending (again: unsorted)"),
        Binding("right_square_bracket", "sort(-1)", "Sort ↓", tooltip="sort by this column, descending (again: unsorted)"),
        Binding("slash", "search", "Search", tooltip="search; Enter finds, Esc cancels"),
        Binding("n", "find(1)", "Next", show=False, tooltip="the next match"),
        Binding("N", "find(-1)", "Previous", show=False, tooltip="the previous match"),
        Binding("enter", "open_row", "Row", tooltip="show the row in full"),
        Binding("y", "copy_cell", "Copy", tooltip="copy the cell (works over SSH)"),
        Binding("space", "select_row", "Select", show=False, tooltip="select the row (when the app asks)"),
        Binding("c", "select_column", "Select column", show=False, tooltip="select the column (when the app asks)"),
        Binding("x", "select_cell", "Select cell", show=False, tooltip="select the cell (when the app asks)"),
        *[Binding(f"shift+{key}", f"widen({move})", "Widen", show=False, tooltip=f"widen the selected cells {key}")
          for key, move in (("up", "-1,0"), ("down", "1,0"), ("left", "0,-1"), ("right", "0,1"))],
    ]

    COMPONENT_CLASSES: ClassVar = {
        "dataframe--header",
        "dataframe--index",
        "dataframe--cursor",
        "dataframe--cursor-row",
        "dataframe--missing",
        "dataframe--selected",
        "dataframe--picked",
        "dataframe--status",
        "dataframe--rule",
    }

    DEFAULT_CSS = """
    DataFrameView { height: 12; margin: 0 0 1 0; }
    DataFrameView > .dataframe--header { text-style: bold; }
    DataFrameView > .dataframe--index { color: $text-muted; }
    DataFrameView > .dataframe--rule { color: $text-muted; }
    DataFrameView > .dataframe--cursor { text-style: reverse; }
    DataFrameView > .dataframe--cursor-row { text-style: bold; }
    DataFrameView > .dataframe--missing { color: $text-muted; text-style: italic; }
    DataFrameView > .dataframe--selected { color: $success; text-style: bold; }
    DataFrameView > .dataframe--picked { color: $success; text-style: bold underline; }
    DataFrameView > .dataframe--status { color: $text-muted; }
    DataFrameView:focus > .dataframe--status { color: $text; }
    """

    def __new__(cls, element: Element, *args: Any, **kwargs: Any) -> Any:
        if cls is DataFrameView and element.props.get("source") is not None:
            from termlit.tui.widgets._lazy_table import (
                LazyTableView,  # lazy: only lazy sources need it
            )

            cls = LazyTableView
        return super().__new__(cls)

    def can_update(self, element: Element) -> bool:
        """A lazy table and an in-memory one are different views."""
        return (element.props.get("source") is None) == (self._applied.get("source") is None)

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self.cursor_row = 0
        self.cursor_col = 0
        self.top = 0
        self.left = 0
        #: Display row -> frame position, when sorted.
        self.order: np.ndarray | None = None
        self.sort_key: tuple[int, int] | None = None
        self.search_text = ""
        #: What the status line is typing into: None, "search" or "edit".
        self.typing: str | None = None
        self.typed = ""
        self.note = ""
        self.busy = ""
        self.selected, self.selected_columns, self.selected_cells, self.anchor = set(), [], [], None
        self.frame: Any = None
        self._applied: dict[str, Any] | None = None
        #: The newest sort and search: an older one's result is dropped.
        self._latest: dict[str, Worker] = {}
        self.window = FrameWindow()
        self._set_props(element.props)

    # -- props -------------------------------------------------------------------

    def frame_of(self, props: dict[str, Any]) -> Any:
        """The frame to show (the data editor shows its edits applied)."""
        return props["data"]

    def _set_props(self, props: dict[str, Any]) -> None:
        """Take new props; repaint only when what is drawn changed (a run
        that echoes the selection just made changes nothing)."""
        old, self._applied = self._applied, props
        frame = self.frame_of(props)
        previous, self.frame = self.frame, frame
        self.columns: list[int] = list(props.get("columns", range(frame.shape[1])))
        self.labels: list[str] = list(props.get("labels", [str(c) for c in frame.columns]))
        self.fixed_widths: list[int | None] = list(props.get("widths") or [None] * len(self.columns))
        self.formats: list[str | None] = list(props.get("formats") or [None] * len(self.columns))
        self.show_index = bool(props.get("show_index", True))
        self.selection_mode: list[str] | None = list(props.get("selection_mode") or []) or None
        layout = old is None or any(old.get(k) != props.get(k) for k in _LAYOUT_PROPS)
        if previous is not frame:
            if self.order is not None and len(self.order) != len(frame):
                self.order = None
                self.sort_key = None
            elif self.sort_key is not None and previous is not None:
                self.order = None
                self._start_sort(*self.sort_key)
            layout = True
        value = props.get("value")
        selected = self.selected
        picked = (self.selected_columns, self.selected_cells)
        if self.selection_mode and isinstance(value, dict):
            selection = selection_state(value).selection
            selected = self.take_selection(selection)
            picked = (selection.columns, selection.cells)
        if not layout and selected == self.selected and picked == (self.selected_columns, self.selected_cells):
            return
        self.selected = selected
        self.selected_columns, self.selected_cells = picked
        if layout:
            self.window.configure(frame, self.columns, self.labels, self.fixed_widths, self.formats,
                                  self.show_index, str(props.get("index_label", "")))
            self.window.dress(props)
            self.cursor_col = min(self.cursor_col, max(len(self.columns) - 1, 0))
            self.left = min(self.left, self.cursor_col)
            self._clamp()
            self.styles.height = self._wanted_height(props)
        self._dirty()

    def take_selection(self, selection: dict[str, Any]) -> set[int]:
        """The selected positions of a selection the script holds."""
        return set(selection.get("rows", []))

    def _wanted_height(self, props: dict[str, Any]) -> int:
        height = props.get("height")
        if isinstance(height, int) and not isinstance(height, bool):
            rows = max(height // PIXELS_PER_ROW, 3)
        else:
            rows = min(max(self.rows, 1), DEFAULT_ROWS)
        return rows + 2  # the header and the status line

    def apply_props(self, props: dict[str, Any]) -> None:
        self._set_props(props)

    # -- geometry ------------------------------------------------------------------

    @property
    def rows(self) -> int:
        return len(self.frame)

    @property
    def page(self) -> int:
        """Data rows on screen."""
        height = self.size.height or int(self.styles.height.value if self.styles.height else 12)
        return max(height - 2, 1)

    def position(self, display_row: int) -> int:
        return int(self.order[display_row]) if self.order is not None else display_row

    def _clamp(self) -> None:
        last = max(self.rows - 1, 0)
        self.cursor_row = min(max(self.cursor_row, 0), last)
        page = self.page
        if self.cursor_row < self.top:
            self.top = self.cursor_row
        elif self.cursor_row >= self.top + page:
            self.top = self.cursor_row - page + 1
        self.top = min(max(self.top, 0), max(self.rows - page, 0))

    def _fetch(self) -> None:
        self.window.fetch(self.top, self.page, self.order)

    def _scroll_to_cursor_col(self) -> None:
        width = self._data_width()
        if self.cursor_col < self.left:
            self.left = self.cursor_col
            return
        self._fetch()
        while self.left < self.cursor_col and self.cursor_col not in self.window.visible(self.left, width):
            self.left += 1

    def _data_width(self) -> int:
        width = (self.size.width or 80) - 1  # the scroll mark
        if self.show_index:
            self._fetch()
            width -= self.window.index_width() + 3
        return max(width - 1, 4)  # the selection gutter

    # -- drawing ----------------------------------------------------------------------

    def draw_lines(self) -> list[Strip]:
        width, height = self.size.width, self.size.height
        grid = self.grid() if width > 0 and height > 0 else None
        return [Strip(line, width) for line in grid.lines(width, height)] if grid else []

    def grid(self) -> Grid:
        """What the table shows now, ready to draw."""
        self._clamp()
        self._fetch()
        window = self.window
        self.room_for_marks()
        shown = window.visible(self.left, self._data_width())
        focused = self.has_focus
        positions = self.view_positions() if self.selected or self.selected_cells else []
        columns = []
        for display_col in shown:
            texts, missing, numeric = window.column(display_col)
            label = self.labels[display_col]
            if self.sort_key is not None and self.sort_key[0] == display_col:
                label = ("↑ " if self.sort_key[1] > 0 else "↓ ") + label
            chosen = bool(self.selected_columns) and self.column_name(display_col) in self.selected_columns
            if chosen:
                label = "● " + label
            columns.append(GridColumn(label, window.widths[display_col], window.align(display_col, numeric), texts,
                                      missing, window.colors(display_col), chosen=chosen,
                                      picked=self.picked_cells(display_col, positions)))
        cursor = None
        if focused:
            cursor = (self.cursor_row - self.top, shown.index(self.cursor_col) if self.cursor_col in shown else None)
        status, bold = self._status()
        return Grid(
            columns=columns,
            page=self.page,
            status=status,
            status_bold=bold,
            index=window.index_cells if self.show_index else None,
            index_label=window.index_label,
            index_width=window.index_width(),
            cursor=cursor,
            selected=[p in self.selected for p in positions] if self.selected else [],
            scroll=scroll_marks(self.size.height, self.page, self.rows, self.top),
            empty=not self.rows,
            styles=GridStyles(**{  # a style per component class: dataframe--cursor-row is cursor_row
                name[len("dataframe--"):].replace("-", "_"): self.get_component_rich_style(name)
                for name in self.COMPONENT_CLASSES
            }),
        )

    def _status(self) -> tuple[str, bool]:
        if self.typing == "search":
            return f"/{self.typed}▏", True
        if self.typing == "edit":
            return f"✎ {self.labels[self.cursor_col]}: {self.typed}▏", True
        parts = [f"row {self.cursor_row + 1:,} of {self.rows:,}" if self.rows else "0 rows"]
        if self.element.props.get("alt"):
            parts.insert(0, self.element.props["alt"])
        if self.columns:
            parts.append(f"{self.labels[self.cursor_col]} ({self.cursor_col + 1}/{len(self.columns)})")
        parts += self.selection_parts()
        parts += [part for part in (self.busy, self.note) if part]
        return " · ".join(parts), False

    # -- moving ---------------------------------------------------------------------

    def _moved(self) -> None:
        self.note = ""
        self._clamp()
        self._dirty()

    def action_move(self, delta: int) -> None:
        self.cursor_row += delta
        self._moved()

    def action_page(self, direction: int) -> None:
        self.cursor_row += direction * self.page
        self.top += direction * self.page
        self._moved()

    def action_jump(self, end: int) -> None:
        self.cursor_row = self.rows - 1 if end else 0
        self._moved()

    def action_column(self, delta: int) -> None:
        self.cursor_col = min(max(self.cursor_col + delta, 0), max(len(self.columns) - 1, 0))
        self._scroll_to_cursor_col()
        self._moved()

    def on_resize(self) -> None:
        self.window.invalidate()
        self._dirty()

    def on_focus(self) -> None:
        self._dirty()

    def on_blur(self) -> None:
        self.typing = None
        self._dirty()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.top = min(self.top + 3, max(self.rows - self.page, 0))
        self.cursor_row = max(self.cursor_row, self.top)
        self._dirty()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.top = max(self.top - 3, 0)
        self.cursor_row = min(self.cursor_row, self.top + self.page - 1)
        self._dirty()

    def on_click(self, event: events.Click) -> None:
        if 1 <= event.y <= self.page and self.top + event.y - 1 < self.rows:
            self.cursor_row = self.top + event.y - 1
            self._moved()

    # -- sorting and searching, in thread workers ---------------------------------------

    def _run(self, group: str, work: Any) -> None:
        """Run ``work`` in a thread; a newer run of the same group cancels it
        (and its result, should it finish anyway, is dropped)."""
        self._latest[group] = self.run_worker(work, group=group, thread=True, exclusive=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if self._latest.get(worker.group) is not worker or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.busy = ""
        if event.state is WorkerState.ERROR:
            self.note = f"could not {worker.group}: {worker.error}"
            self._dirty()
        elif worker.group == "sort":
            self._sorted(*worker.result)
        else:
            self._found(worker.result)

    def action_sort(self, direction: int) -> None:
        if not self.columns or not self.rows or self.sorting_off():
            return
        if self.sort_key == (self.cursor_col, direction):
            self.sort_key = None
            self.order = None
            self.cursor_row = self.top = 0
            self._moved()
            return
        self._start_sort(self.cursor_col, direction)

    def _start_sort(self, display_col: int, direction: int) -> None:
        column = self.frame.iloc[:, self.columns[display_col]]
        self.busy = f"sorting by {self.labels[display_col]}…"
        self._dirty()

        def work() -> tuple[int, int, np.ndarray]:
            return display_col, direction, sort_order(column, direction)

        self._run("sort", work)

    def _sorted(self, display_col: int, direction: int, order: np.ndarray) -> None:
        self.order = order
        self.sort_key = (display_col, direction)
        if self.fixed_widths[display_col] is None:  # room for the arrow
            self.window.widen(display_col, min(cell_len(self.labels[display_col]) + 2, MAX_CELL))
        self.cursor_row = self.top = 0
        self._moved()

    def action_search(self) -> None:
        self.typing = "search"
        self.typed = ""
        self._dirty()

    def on_key(self, event: events.Key) -> None:
        """While the status line takes typing, every key goes to it."""
        if self.typing is None:
            return
        event.stop()
        event.prevent_default()
        if event.key == "escape":
            self.typing = None
        elif event.key == "enter":
            typing, self.typing = self.typing, None
            self.finish_typing(typing, self.typed)
        elif event.key == "backspace":
            self.typed = self.typed[:-1]
        elif event.is_printable and event.character:
            self.typed += event.character
        self._dirty()

    def on_paste(self, event: events.Paste) -> None:
        if self.typing is not None and event.text:
            event.stop()
            self.typed += event.text.splitlines()[0]
            self._dirty()

    def finish_typing(self, typing: str, text: str) -> None:
        if typing == "search":
            self.search_text = text
            if text:
                self.action_find(1, from_current=True)

    def action_find(self, direction: int, from_current: bool = False) -> None:
        if not self.search_text:
            self.note = "press / to search"
            self._dirty()
            return
        start = self.cursor_row if from_current else self.cursor_row + direction
        search = partial(find_row, self.frame, self.order, list(self.columns), self.search_text.lower(), start, direction)
        self.busy = f"searching “{self.search_text}”…"
        self._dirty()

        def work() -> tuple[int, int] | None:
            worker = get_current_worker()
            return search(lambda: worker.is_cancelled)

        self._run("search", work)

    def _found(self, hit: tuple[int, int] | None) -> None:
        if hit is None:
            self._moved()
            self.note = f"“{self.search_text}” not found"
        else:
            self.cursor_row, self.cursor_col = hit
            self._scroll_to_cursor_col()
            self._moved()
            self.note = f"“{self.search_text}”"
        self._dirty()

    # -- the cell and the row -----------------------------------------------------------

    def cell_text(self, display_row: int, display_col: int) -> str:
        value = self.frame.iat[self.position(display_row), self.columns[display_col]]
        gone = missing_kind(value)
        placeholder = self.element.props.get("placeholder")
        if gone and placeholder is not None:
            return placeholder
        return MISSING[gone] if gone else str(value)

    def action_open_row(self) -> None:
        if self.rows and not self._click(self.position(self.cursor_row)):
            open_window(self, RowDetail.of_cursor_row(self))

    def _click(self, position: int) -> bool:
        """Enter on a button column's cell clicks its button (the first of
        several): its widget gets the click. False when the cell is no button."""
        wid = (self.element.props.get("buttons") or {}).get(self.cursor_col)
        if wid is None:
            return False
        label = button_label(self.frame.iat[position, self.columns[self.cursor_col]])
        self.app.post_message(WidgetValue(ClickTarget(wid), ButtonColumnClickState(row=int(position), label=label)))
        self.note = f"clicked {fit(label, 20, False).rstrip()}"
        self._dirty()
        return True

    def action_copy_cell(self) -> None:
        if not self.rows or not self.columns:
            return
        text = self.cell_text(self.cursor_row, self.cursor_col)
        self.app.copy_to_clipboard(text)
        self.note = f"copied {fit(text, 20, False).rstrip()}"
        self._dirty()

