"""``st.dataframe``: a table that draws only the rows and columns in view.

The view never copies the frame into a row store and never turns the whole
frame into text. Each repaint takes the window of rows on screen (through a
sort permutation when sorted), formats only the columns that fit, and keeps
those few dozen strings until the window moves. 10M rows cost what 40 cost.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

import numpy as np
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["DataFrameView", "RowDetail", "format_cells"]

#: Cells wider than this are cut with an ellipsis (unless column_config says).
MAX_CELL = 30
#: Rows shown when the script does not ask for a height.
DEFAULT_ROWS = 10
#: Streamlit heights are pixels; a row there is about this many.
PIXELS_PER_ROW = 35
#: Rows searched per step of a search (the UI stays responsive in between).
SEARCH_CHUNK = 100_000
GAP = 2


# -- formatting ------------------------------------------------------------------

#: What a missing value looks like, by kind.
_MISSING = {"nan": "NaN", "none": "None", "nat": "NaT", "na": "<NA>"}


def _missing_kind(value: Any) -> str | None:
    if value is None:
        return "none"
    if isinstance(value, float) and value != value:
        return "nan"
    name = type(value).__name__
    if name == "NaTType":
        return "nat"
    if name == "NAType":
        return "na"
    if isinstance(value, np.floating) and np.isnan(value):
        return "nan"
    if isinstance(value, np.datetime64) and np.isnat(value):
        return "nat"
    return None


_MOMENT = [("YYYY", "%Y"), ("YY", "%y"), ("MMMM", "%B"), ("MMM", "%b"), ("MM", "%m"), ("DD", "%d"),
           ("HH", "%H"), ("hh", "%I"), ("mm", "%M"), ("ss", "%S"), ("A", "%p")]


def _date_format(fmt: str) -> str:
    if "%" in fmt:
        return fmt
    for token, code in _MOMENT:
        fmt = fmt.replace(token, code)
    return fmt


def _number(value: Any, fmt: str | None, is_int: bool) -> str:
    if fmt:
        if fmt == "plain":
            return str(value)
        if fmt == "localized":
            return f"{value:,}" if is_int else f"{value:,.4f}"
        if fmt == "percent":
            return f"{value * 100:.2f}%"
        if fmt == "dollar":
            return f"${value:,.2f}"
        if fmt == "euro":
            return f"€{value:,.2f}"
        if fmt == "scientific":
            return f"{value:.3e}"
        if fmt == "compact":
            for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
                if abs(value) >= limit:
                    return f"{value / limit:.1f}{suffix}"
            return f"{value:g}"
        try:
            return fmt % value
        except (TypeError, ValueError):
            pass
    if is_int:
        return str(int(value))
    magnitude = abs(value)
    if magnitude >= 1e15 or (magnitude and magnitude < 1e-4):
        return f"{value:.4e}"
    return f"{value:.4f}"


def format_cells(values: Any, fmt: str | None = None) -> tuple[list[str], list[bool], bool]:
    """Text for a few values of one column: (texts, missing flags, numeric?)."""
    array = values.to_numpy() if hasattr(values, "to_numpy") else np.asarray(values)
    dtype = getattr(values, "dtype", array.dtype)
    kind = getattr(dtype, "kind", "O")
    texts: list[str] = []
    missing: list[bool] = []
    numeric = kind in "iuf"
    if kind == "M" or str(dtype).startswith("datetime64"):
        date_fmt = _date_format(fmt) if fmt else None
        import pandas as pd

        for value in values if not isinstance(values, np.ndarray) else pd.Series(values):
            if value is pd.NaT or value is None or (isinstance(value, float) and value != value):
                texts.append("NaT")
                missing.append(True)
            else:
                texts.append(value.strftime(date_fmt) if date_fmt else str(value))
                missing.append(False)
        return texts, missing, False
    for value in array.tolist() if kind in "iufb" else array:
        gone = _missing_kind(value)
        if gone is not None:
            texts.append(_MISSING[gone])
            missing.append(True)
            continue
        missing.append(False)
        if isinstance(value, bool) or kind == "b":
            texts.append("true" if value else "false")
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            numeric = numeric or kind == "O" and False
            texts.append(_number(value, fmt, isinstance(value, int)))
        else:
            text = str(value)
            if "\n" in text or "\t" in text:
                text = text.replace("\n", "↵").replace("\t", " ")
            texts.append(text)
    return texts, missing, numeric


def fit(text: str, width: int, right: bool) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…" if width > 0 else ""
    return text.rjust(width) if right else text.ljust(width)


# -- the row detail -----------------------------------------------------------------


class RowDetail(ModalScreen[None]):
    """One row in full: every column's name and its whole value. Esc closes."""

    BINDINGS = [Binding("escape,enter,q", "dismiss", "Close")]

    DEFAULT_CSS = """
    RowDetail { align: center middle; }
    RowDetail > VerticalScroll {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    """

    def __init__(self, title: str, pairs: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.pairs = pairs

    def compose(self):
        width = min(max((len(k) for k, _ in self.pairs), default=4), 24) + 2
        body = Text()
        for i, (name, value) in enumerate(self.pairs):
            if i:
                body.append("\n")
            body.append(fit(name, width - 2, False) + "  ", style="bold")
            body.append(value)
        body.append("\n\nEsc closes.", style="dim")
        with VerticalScroll() as box:
            box.border_title = self.title_text
            yield Static(body)


# -- the table ---------------------------------------------------------------------


class DataFrameView(ElementView, Widget, can_focus=True):
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
    | Space | select the row (when the app asks for a selection) |
    """

    kind = "dataframe"

    BINDINGS: ClassVar = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("left", "column(-1)", "Left", show=False),
        Binding("right", "column(1)", "Right", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "jump(0)", "First", show=False),
        Binding("end,G", "jump(1)", "Last", show=False),
        Binding("left_square_bracket", "sort(1)", "Sort ↑"),
        Binding("right_square_bracket", "sort(-1)", "Sort ↓"),
        Binding("slash", "search", "Search"),
        Binding("n", "find(1)", "Next", show=False),
        Binding("N", "find(-1)", "Previous", show=False),
        Binding("enter", "open_row", "Row"),
        Binding("y", "copy_cell", "Copy"),
        Binding("space", "select_row", "Select", show=False),
    ]

    COMPONENT_CLASSES: ClassVar = {
        "dataframe--header",
        "dataframe--index",
        "dataframe--cursor",
        "dataframe--cursor-row",
        "dataframe--missing",
        "dataframe--selected",
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
    DataFrameView > .dataframe--status { color: $text-muted; }
    DataFrameView:focus > .dataframe--status { color: $text; }
    """

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
        self.selected: set[int] = set()
        self._generation = 0
        self._sort_generation = 0
        self._window_key: tuple | None = None
        self._cells: dict[int, tuple[list[str], list[bool], bool]] = {}
        self._index_cells: list[str] = []
        self._positions: np.ndarray = np.empty(0, dtype=np.int64)
        self._widths: dict[int, int] = {}
        self._strips: list[Strip] | None = None
        self._set_props(element.props)

    # -- props -------------------------------------------------------------------

    def frame_of(self, props: dict[str, Any]) -> Any:
        """The frame to show (the data editor shows its edits applied)."""
        return props["data"]

    def _set_props(self, props: dict[str, Any]) -> None:
        frame = self.frame_of(props)
        old = getattr(self, "frame", None)
        self.frame = frame
        self.columns: list[int] = list(props.get("columns", range(frame.shape[1])))
        self.labels: list[str] = list(props.get("labels", [str(c) for c in frame.columns]))
        self.fixed_widths: list[int | None] = list(props.get("widths") or [None] * len(self.columns))
        self.formats: list[str | None] = list(props.get("formats") or [None] * len(self.columns))
        self.show_index = bool(props.get("show_index", True))
        self.selection_mode = props.get("selection_mode")
        if old is not frame:
            if self.order is not None and len(self.order) != len(frame):
                self.order = None
                self.sort_key = None
            elif self.sort_key is not None and old is not None:
                self.order = None
                self._start_sort(*self.sort_key)
            self._widths = {}
        value = props.get("value")
        if self.selection_mode and isinstance(value, dict):
            self.selected = set(value.get("selection", {}).get("rows", []))
        self.cursor_col = min(self.cursor_col, max(len(self.columns) - 1, 0))
        self.left = min(self.left, self.cursor_col)
        self._clamp()
        self._window_key = None
        self.styles.height = self._wanted_height(props)
        self._dirty()

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

    def _dirty(self) -> None:
        self._strips = None
        self.refresh()

    # -- the window ----------------------------------------------------------------

    def _window(self) -> None:
        """Fetch (once per window) the positions and index labels in view."""
        key = (self.top, self.page, id(self.order), id(self.frame))
        if key == self._window_key:
            return
        self._window_key = key
        stop = min(self.top + self.page, self.rows)
        if self.order is not None:
            self._positions = np.asarray(self.order[self.top:stop], dtype=np.int64)
        else:
            self._positions = np.arange(self.top, stop, dtype=np.int64)
        self._cells = {}
        if self.show_index:
            labels = self.frame.index[self._positions] if len(self._positions) else []
            self._index_cells = [str(v) for v in labels]
        else:
            self._index_cells = []

    def _column_cells(self, display_col: int) -> tuple[list[str], list[bool], bool]:
        cells = self._cells.get(display_col)
        if cells is None:
            position = self.columns[display_col]
            column = self.frame.iloc[:, position]
            values = column.iloc[self._positions] if len(self._positions) else column.iloc[:0]
            texts, missing, numeric = format_cells(values, self.formats[display_col])
            if column.dtype.kind in "iuf":
                numeric = True
            cells = (texts, missing, numeric)
            self._cells[display_col] = cells
            fixed = self.fixed_widths[display_col]
            if fixed is None:
                seen = max((len(t) for t in texts), default=0)
                wanted = min(max(seen, len(self.labels[display_col]), 3), MAX_CELL)
                self._widths[display_col] = max(self._widths.get(display_col, 0), wanted)
            else:
                self._widths[display_col] = fixed
        return cells

    def _index_width(self) -> int:
        if not self.show_index:
            return 0
        seen = max((len(t) for t in self._index_cells), default=1)
        wanted = min(max(seen, len(str(self.element.props.get("index_label", "")))), MAX_CELL)
        self._widths[-1] = max(self._widths.get(-1, 0), wanted)
        return self._widths[-1]

    def _visible_columns(self, width: int) -> list[int]:
        """Columns from ``left`` that fit in ``width`` cells (at least one)."""
        shown: list[int] = []
        used = 0
        for display_col in range(self.left, len(self.columns)):
            self._column_cells(display_col)
            need = self._widths[display_col] + (GAP if shown else 0)
            if shown and used + need > width:
                break
            shown.append(display_col)
            used += need
        return shown

    def _scroll_to_cursor_col(self) -> None:
        width = self._data_width()
        if self.cursor_col < self.left:
            self.left = self.cursor_col
            return
        self._window()
        while self.left < self.cursor_col and self.cursor_col not in self._visible_columns(width):
            self.left += 1

    def _data_width(self) -> int:
        width = (self.size.width or 80) - 1  # the scroll mark
        if self.show_index:
            self._window()
            width -= self._index_width() + 3
        return max(width - 1, 4)  # the selection gutter

    # -- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._strips is None or len(self._strips) != self.size.height:
            self._strips = self._draw()
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width)

    def _draw(self) -> list[Strip]:
        width, height = self.size.width, self.size.height
        if width <= 0 or height <= 0:
            return []
        self._clamp()
        self._window()
        styles = {name: self.get_component_rich_style(f"dataframe--{name}") for name in (
            "header", "index", "cursor", "cursor-row", "missing", "selected", "status", "rule")}
        data_width = self._data_width()
        shown = self._visible_columns(data_width)
        index_width = self._index_width()
        focused = self.has_focus
        lines: list[list[Segment]] = []

        header: list[Segment] = [Segment(" ")]
        if self.show_index:
            header.append(Segment(fit(str(self.element.props.get("index_label", "")), index_width, False), styles["header"]))
            header.append(Segment(" │ ", styles["rule"]))
        for n, display_col in enumerate(shown):
            _texts, _missing, numeric = self._cells[display_col]
            label = self.labels[display_col]
            if self.sort_key is not None and self.sort_key[0] == display_col:
                label = ("↑ " if self.sort_key[1] > 0 else "↓ ") + label
            if n:
                header.append(Segment(" " * GAP))
            header.append(Segment(fit(label, self._widths[display_col], numeric), styles["header"]))
        lines.append(header)

        for i in range(self.page):
            display_row = self.top + i
            if i >= len(self._positions):
                lines.append([])
                continue
            is_cursor = display_row == self.cursor_row
            row_style = styles["cursor-row"] if is_cursor and focused else Style()
            selected = self.position(display_row) in self.selected
            mark = "●" if selected else ("›" if is_cursor and focused else " ")
            line: list[Segment] = [Segment(mark, styles["selected"] if selected else row_style)]
            if self.show_index:
                line.append(Segment(fit(self._index_cells[i], index_width, False), styles["index"] + row_style))
                line.append(Segment(" │ ", styles["rule"]))
            for n, display_col in enumerate(shown):
                texts, missing, numeric = self._cells[display_col]
                style = styles["missing"] if missing[i] else Style()
                style = style + row_style
                if is_cursor and display_col == self.cursor_col and focused:
                    style = style + styles["cursor"]
                if n:
                    line.append(Segment(" " * GAP, row_style))
                line.append(Segment(fit(texts[i], self._widths[display_col], numeric or missing[i]), style))
            lines.append(line)
        if not self.rows:
            lines[1] = [Segment("  (no rows)", styles["missing"])]

        lines.append(self._status_segments(styles["status"]))
        strips = []
        bar = self._scroll_marks(height)
        for y, segments in enumerate(lines[:height]):
            strip = Strip(segments).crop_extend(0, width - 1, None)
            strips.append(Strip.join([strip, Strip([Segment(bar[y], styles["rule"])])]))
        while len(strips) < height:
            strips.append(Strip.blank(width))
        return strips

    def _scroll_marks(self, height: int) -> list[str]:
        marks = [" "] * height
        page = self.page
        if self.rows <= page or height < 3:
            return marks
        track = page
        thumb = max(1, round(track * page / self.rows))
        start = round((track - thumb) * self.top / max(self.rows - page, 1))
        for i in range(track):
            marks[1 + i] = "┃" if start <= i < start + thumb else "│"
        return marks

    def _status_segments(self, style: Style) -> list[Segment]:
        if self.typing == "search":
            return [Segment(f" /{self.typed}▏", style + Style(bold=True))]
        if self.typing == "edit":
            return [Segment(f" ✎ {self.labels[self.cursor_col]}: {self.typed}▏", style + Style(bold=True))]
        parts = []
        if self.rows:
            parts.append(f"row {self.cursor_row + 1:,} of {self.rows:,}")
        else:
            parts.append("0 rows")
        if self.columns:
            parts.append(f"{self.labels[self.cursor_col]} ({self.cursor_col + 1}/{len(self.columns)})")
        if self.selected:
            parts.append(f"{len(self.selected):,} selected")
        if self.busy:
            parts.append(self.busy)
        if self.note:
            parts.append(self.note)
        return [Segment(" " + " · ".join(parts), style)]

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
        self._window_key = None
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

    # -- sorting -------------------------------------------------------------------

    def action_sort(self, direction: int) -> None:
        if not self.columns or not self.rows:
            return
        if self.sort_key == (self.cursor_col, direction):
            self.sort_key = None
            self.order = None
            self.cursor_row = self.top = 0
            self._window_key = None
            self._moved()
            return
        self._start_sort(self.cursor_col, direction)

    def _start_sort(self, display_col: int, direction: int) -> None:
        self._sort_generation += 1
        generation = self._sort_generation
        column = self.frame.iloc[:, self.columns[display_col]]
        self.busy = f"sorting by {self.labels[display_col]}…"
        self._dirty()

        def work() -> None:
            order = sort_order(column, direction)
            self.app.call_from_thread(self._sorted, generation, display_col, direction, order)

        threading.Thread(target=work, name="termlit-sort", daemon=True).start()

    def _sorted(self, generation: int, display_col: int, direction: int, order: np.ndarray) -> None:
        if generation != self._sort_generation:
            return
        self.busy = ""
        self.order = order
        self.sort_key = (display_col, direction)
        if self.fixed_widths[display_col] is None:  # room for the arrow
            wanted = min(len(self.labels[display_col]) + 2, MAX_CELL)
            self._widths[display_col] = max(self._widths.get(display_col, 0), wanted)
        self.cursor_row = self.top = 0
        self._window_key = None
        self._moved()

    # -- searching ------------------------------------------------------------------

    def action_search(self) -> None:
        self.typing = "search"
        self.typed = ""
        self._dirty()

    async def _on_key(self, event: events.Key) -> None:
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

    def _on_paste(self, event: events.Paste) -> None:
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
        self._generation += 1
        generation = self._generation
        start = self.cursor_row if from_current else self.cursor_row + direction
        query = self.search_text.lower()
        frame, order, columns = self.frame, self.order, list(self.columns)
        self.busy = f"searching “{self.search_text}”…"
        self._dirty()

        def work() -> None:
            hit = find_row(frame, order, columns, query, start, direction, lambda: generation != self._generation)
            self.app.call_from_thread(self._found, generation, hit)

        threading.Thread(target=work, name="termlit-search", daemon=True).start()

    def _found(self, generation: int, hit: tuple[int, int] | None) -> None:
        if generation != self._generation:
            return
        self.busy = ""
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
        gone = _missing_kind(value)
        return _MISSING[gone] if gone else str(value)

    def action_open_row(self) -> None:
        if not self.rows:
            return
        position = self.position(self.cursor_row)
        pairs = []
        if self.show_index:
            pairs.append((self.element.props.get("index_label") or "index", str(self.frame.index[position])))
        for display_col, label in enumerate(self.labels):
            pairs.append((label, self.cell_text(self.cursor_row, display_col)))
        self.app.push_screen(RowDetail(f"Row {self.cursor_row + 1:,} of {self.rows:,}", pairs))

    def action_copy_cell(self) -> None:
        if not self.rows or not self.columns:
            return
        text = self.cell_text(self.cursor_row, self.cursor_col)
        self.app.copy_to_clipboard(text)
        self.note = f"copied {fit(text, 20, False).rstrip()}"
        self._dirty()

    def action_select_row(self) -> None:
        if not self.selection_mode:
            self.note = "this table has no selection"
            self._dirty()
            return
        if not self.rows:
            return
        position = self.position(self.cursor_row)
        if position in self.selected:
            self.selected.discard(position)
        elif self.selection_mode == "single-row":
            self.selected = {position}
        else:
            self.selected.add(position)
        self._dirty()
        self.post_value({"selection": {"rows": sorted(self.selected), "columns": []}})


# -- work off the UI thread ----------------------------------------------------------


def sort_order(column: Any, direction: int) -> np.ndarray:
    """Positions that sort ``column`` (missing values last either way)."""
    import pandas as pd

    values = column.to_numpy() if column.dtype.kind in "iufbM" else None
    if values is not None and column.dtype.kind != "M":
        order = np.argsort(values, kind="stable")
        if direction < 0:
            missing = int(np.isnan(values).sum()) if values.dtype.kind == "f" else 0
            present = order[: len(order) - missing]
            # Descending and still stable: reverse the runs of equal values.
            order = np.concatenate([_stable_reverse(present, values), order[len(order) - missing:]])
        return order
    codes, _uniques = pd.factorize(column, sort=True)
    codes = codes.astype(np.int64)
    top = int(codes.max()) + 1 if len(codes) else 0
    codes[codes < 0] = top  # missing last
    if direction < 0:
        codes = np.where(codes == top, top, top - 1 - codes)
    return np.argsort(codes, kind="stable")


def _stable_reverse(order: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Descending order keeping equal values in their original order."""
    sorted_values = values[order]
    flipped = order[::-1]
    values_flipped = sorted_values[::-1]
    # Within each run of equal values the flip reversed the original order;
    # a stable sort of run numbers puts each run back in ascending position.
    boundaries = np.empty(len(values_flipped), dtype=bool)
    if len(values_flipped):
        boundaries[0] = True
        boundaries[1:] = values_flipped[1:] != values_flipped[:-1]
    runs = np.cumsum(boundaries)
    within = np.lexsort((flipped, runs))
    return flipped[within]


def find_row(
    frame: Any,
    order: np.ndarray | None,
    columns: list[int],
    query: str,
    start: int,
    direction: int,
    cancelled,
) -> tuple[int, int] | None:
    """The first (display row, display column) from ``start`` on (wrapping)
    whose text contains ``query``, searching a chunk of rows at a time."""
    rows = len(frame)
    if not rows or not columns:
        return None
    start %= rows
    spans = []
    if direction > 0:
        spans = [(a, min(a + SEARCH_CHUNK, rows)) for a in range(start, rows, SEARCH_CHUNK)]
        spans += [(a, min(a + SEARCH_CHUNK, start)) for a in range(0, start, SEARCH_CHUNK)]
    else:
        spans = [(max(b - SEARCH_CHUNK, 0), b) for b in range(start + 1, 0, -SEARCH_CHUNK)]
        spans += [(max(b - SEARCH_CHUNK, start + 1), b) for b in range(rows, start + 1, -SEARCH_CHUNK)]
    for a, b in spans:
        if cancelled():
            return None
        positions = order[a:b] if order is not None else np.arange(a, b)
        best: tuple[int, int] | None = None
        for display_col, position in enumerate(columns):
            column = frame.iloc[positions, position]
            hits = np.flatnonzero(
                column.astype(str).str.lower().str.contains(query, regex=False).to_numpy(dtype=bool)
            )
            if len(hits):
                row = int(hits[0] if direction > 0 else hits[-1])
                if best is None or (row < best[0] if direction > 0 else row > best[0]):
                    best = (row, display_col)
        if best is not None:
            return a + best[0], best[1]
    return None
