"""``st.dataframe`` over a lazy source: rows stay in their engine.

:class:`LazyTableView` is the dataframe view with its rows coming from a
:class:`termlit.sources.TableSource` a window at a time. It keeps one chunk:
the rows in view plus a page above and below. Moving inside the chunk costs
nothing; moving past it (PgDn, ``G``, ``g``, a scroll) asks the source for
the new window in a thread worker while the status line says "loading…" and
keys keep working. The row count is asked once per search, also in a worker
(the status line shows "~N" until it is known). A rerun that gives the same
source asks for the rows in view and the count again, quietly, so rows the
script wrote show up.

Sort (``[``/``]``) becomes the source's ORDER BY and search (``/``) its
WHERE ... LIKE: the table shows only the matching rows, and the search text
reaches the engine as a bound value.

Space selects the row under the cursor (when the script asks for a
selection): its position in the order shown and, for a source with a primary
key, its key values, read from the rows in view. Columns (``c``) and cells
(``x``, Shift+arrows) select as in an in-memory table, cells by their
position in the order shown. A new sort or search clears the selected rows
and cells (the positions no longer hold) and says so.
"""

from __future__ import annotations

from typing import Any

from textual.worker import Worker, WorkerState

from termlit.common.frames import row_keys
from termlit.runtime.tree import Element
from termlit.tui.widgets._dataframe import DEFAULT_ROWS, PIXELS_PER_ROW, DataFrameView

__all__ = ["LazyTableView"]

#: The least number of rows one fetch asks for.
MIN_FETCH = 60


class LazyTableView(DataFrameView):
    """A table paged from a lazy source (keys as :class:`DataFrameView`;
    ``/`` filters to the matching rows, Enter with nothing typed shows all)."""

    def __init__(self, element: Element) -> None:
        self.source: Any = None
        self.source_key: Any = None
        #: The rows fetched last, indexed by their position (under sort and filter).
        self.chunk: Any = None
        self.chunk_offset = 0
        self.filter_text = ""
        #: Rows matching the filter, once counted.
        self.total: int | None = None
        #: How far rows are known to go, and whether more may follow.
        self.known_end = 0
        self.more = True
        #: The window being fetched: (offset, limit, sort, filter).
        self.fetching: tuple | None = None
        self._jump_end = False
        self._count_later = False
        #: A rerun's refresh in flight, and whether another rerun came meanwhile.
        self._refreshing = False
        self._refresh_again = False
        #: Key values of the selected rows, by position (a source with a primary key).
        self.selected_keys: dict[int, dict[str, Any]] = {}
        #: A single-row-required selection cleared by a new order: the first row is picked when it arrives.
        self._pick_first = False
        super().__init__(element)

    # -- props ------------------------------------------------------------------------

    def frame_of(self, props: dict[str, Any]) -> Any:
        source = props["source"]
        if self.source is None or props.get("source_key") != self.source_key:
            self.source, self.source_key = source, props.get("source_key")
            self._reset(source.schema)
            self.sort_key = None
            self.filter_text = ""
            self.cursor_row = self.top = 0
            self._count()
        else:
            self.source = source  # the same data, made again by a rerun
            self._refresh()
        return self.chunk

    def _reset(self, empty: Any) -> None:
        self.chunk = empty if empty is not None else self.chunk.iloc[:0]
        if self.frame is not None:  # the old rows leave the screen while the new ones load
            self.frame = self.window.frame = self.chunk
            self.window.invalidate()
        self.chunk_offset = 0
        self.total = None
        self.known_end = 0
        self.more = True
        self.fetching = None

    def _wanted_height(self, props: dict[str, Any]) -> int:
        height = props.get("height")
        if isinstance(height, int) and not isinstance(height, bool):
            return max(height // PIXELS_PER_ROW, 3) + 2
        rows = DEFAULT_ROWS if self.total is None else min(max(self.total, 1), DEFAULT_ROWS)
        return rows + 2

    # -- geometry ---------------------------------------------------------------------

    @property
    def rows(self) -> int:
        if self.total is not None:
            return self.total
        return self.known_end + (max(self.page * 3, MIN_FETCH) if self.more else 0)

    def position(self, display_row: int) -> int:
        """Where a display row is in the chunk."""
        return display_row - self.chunk_offset

    def _covered(self, top: int, page: int) -> bool:
        end = min(top + page, self.rows)
        return self.chunk_offset <= top and end <= self.chunk_offset + len(self.chunk)

    def _fetch(self) -> None:
        top, page = self.top, self.page
        if not self._covered(top, page) and (self.more or self.total is not None):
            self._request(max(top - page, 0), max(page * 3, MIN_FETCH))
        relative = top - self.chunk_offset
        if relative < 0 or relative >= len(self.chunk):
            relative = len(self.chunk)  # nothing of this window yet: blank rows
        self.window.fetch(relative, page, None)

    def cell_text(self, display_row: int, display_col: int) -> str:
        if not 0 <= self.position(display_row) < len(self.chunk):
            return ""
        return super().cell_text(display_row, display_col)

    def action_open_row(self) -> None:
        if 0 <= self.position(self.cursor_row) < len(self.chunk):
            super().action_open_row()

    # -- selection ----------------------------------------------------------------------

    @property
    def primary_key(self) -> list[str]:
        return list((self._applied or {}).get("primary_key") or [])

    def take_selection(self, selection: dict[str, Any]) -> set[int]:
        rows = [int(r) for r in selection.get("rows", [])]
        keys = selection.get("row_keys")
        self.selected_keys = dict(zip(rows, keys)) if isinstance(keys, list) and len(keys) == len(rows) else {}
        return set(rows)

    def view_positions(self) -> list[int]:
        return [self.chunk_offset + int(p) for p in self.window.positions]

    def selection_position(self, display_row: int) -> int:
        return display_row  # a lazy table's positions are in the order shown

    def toggle_row(self) -> None:
        row = self.cursor_row
        local = self.position(row)
        if not 0 <= local < len(self.chunk):
            self.note = "this row is still loading"
            self._dirty()
            return
        if row not in self.selected:  # its keys, before the selection goes to the script
            self.selected_keys[row] = row_keys(self.chunk, local, self.primary_key)
        super().toggle_row()
        self.selected_keys = {r: keys for r, keys in self.selected_keys.items() if r in self.selected}

    def selection_value(self) -> dict[str, Any]:
        selection = super().selection_value()
        if self.primary_key:
            selection["row_keys"] = [self.selected_keys.get(r, {}) for r in selection["rows"]]
        return selection

    def _clear_selection(self, why: str) -> str:
        """Clear the selected rows and cells (telling the script); what to say
        of it. Selected columns stay: their names still hold."""
        count, cells = len(self.selected), len(self.selected_cells)
        if not count and not cells:
            return ""
        self.selected, self.selected_keys, self.selected_cells, self.anchor = set(), {}, [], None
        self._pick_first = self.mode_of("row") == "single-row-required"
        if self._pick_first:  # the row is not cleared: it becomes the first, once that arrives
            count = 0
        else:
            self.send_selection()
        what = [f"{n:,} selected {name}{'s' if n != 1 else ''}" for n, name in ((count, "row"), (cells, "cell")) if n]
        said = f"{' and '.join(what)} cleared: {why}" if what else why
        return f"{said}; row 1 selected" if self._pick_first else said

    # -- fetching, in thread workers ----------------------------------------------------

    def _sort(self) -> list[tuple[str, bool]]:
        if self.sort_key is None:
            return []
        display_col, direction = self.sort_key
        return [(str(self.chunk.columns[self.columns[display_col]]), direction > 0)]

    def _request(self, offset: int, limit: int) -> None:
        wanted = (offset, limit, tuple(self._sort()), self.filter_text)
        if self.fetching is not None and self.fetching[2:] == wanted[2:] and self.fetching[0] <= self.top \
                and self.top + self.page <= self.fetching[0] + self.fetching[1]:
            return  # on its way
        self.fetching = wanted
        source, sort, search = self.source, self._sort(), self.filter_text

        def work() -> tuple[tuple, Any]:
            return wanted, source.window(offset, limit, sort=sort, search=search or None)

        self._run("window", work)

    def _refresh(self) -> None:
        """A rerun gave the same source, whose rows may have changed (a
        script that writes to its database): the rows in view and the count
        are asked again, quietly, in one worker at a time (reruns faster
        than the database answers are served by one more refresh after it);
        the old rows stay until new ones differ."""
        if not self.is_mounted or self.chunk is None or not len(self.chunk):
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        wanted = (self.chunk_offset, max(len(self.chunk), MIN_FETCH), tuple(self._sort()), self.filter_text)
        source, counted = self.source, self.total is not None

        def work() -> tuple[tuple, Any, int | None]:
            frame = source.window(wanted[0], wanted[1], sort=list(wanted[2]), search=wanted[3] or None)
            return wanted, frame, source.count(wanted[3] or None) if counted else None

        self._run("refresh", work)

    def _refreshed(self, wanted: tuple, frame: Any, total: int | None) -> bool:
        """Take a refresh's rows and count; whether anything changed."""
        if wanted[2:] != (tuple(self._sort()), self.filter_text):
            return False  # sorted or searched since: its own fetch is under way
        changed = False
        if total is not None and self.total is not None and total != self.total:
            self._counted(total)
            changed = True
        if self.fetching is None and wanted[0] == self.chunk_offset and not frame.equals(self.chunk):
            self._arrived(wanted, frame)
            changed = True
        return changed

    def on_mount(self) -> None:
        if self._count_later:
            self._count_later = False
            self._start_count()

    def _count(self) -> None:
        if not self.is_mounted:
            self._count_later = True  # a worker starts once the view is mounted
            return
        self._start_count()

    def _start_count(self) -> None:
        source, search = self.source, self.filter_text

        def work() -> tuple[str, int]:
            return search, source.count(search or None)

        self._run("count", work)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group not in ("window", "count", "refresh"):
            return  # sorting and searching in memory: the base class's handler (Textual calls both)
        event.prevent_default()  # the base class's handler is not for these
        if worker.group == "refresh" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self._refreshing = False
            changed = event.state is WorkerState.SUCCESS and self._refreshed(*worker.result)
            if event.state is WorkerState.ERROR:
                self.note, changed = f"could not read the rows: {worker.error}", True
            if self._refresh_again:
                self._refresh_again = False
                self._refresh()
            if changed:
                self._dirty()
            return
        if self._latest.get(worker.group) is not worker or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state is WorkerState.ERROR:
            if worker.group == "window":
                self.fetching = None
            self.note = f"could not read the rows: {worker.error}"
        elif worker.group == "count":
            search, total = worker.result
            if search == self.filter_text:
                self._counted(total)
        else:
            wanted, frame = worker.result
            if wanted[2:] == (tuple(self._sort()), self.filter_text):
                self._arrived(wanted, frame)
        self._dirty()

    def _counted(self, total: int) -> None:
        self.total = total
        self.more = False
        self.styles.height = self._wanted_height(self._applied or {})
        if self._jump_end:
            self._jump_end = False
            self.cursor_row = max(total - 1, 0)
        self._clamp()

    def _arrived(self, wanted: tuple, frame: Any) -> None:
        offset, limit = wanted[0], wanted[1]
        self.fetching = None
        self.chunk, self.chunk_offset = frame, offset
        self.frame = frame
        self.window.frame = frame
        self.window.invalidate()
        self.known_end = max(self.known_end, offset + len(frame))
        if self._pick_first and offset == 0:
            self._pick_first = False
            if len(frame):
                self.selected, self.selected_keys = {0}, {0: row_keys(frame, 0, self.primary_key)}
            self.send_selection()
        if len(frame) < limit and self.total is None:
            self.total = offset + len(frame)  # the end is reached: the count is known
            self.more = False
        self._clamp()

    # -- moving, sorting, searching ---------------------------------------------------

    def action_jump(self, end: int) -> None:
        if end and self.total is None:
            self._jump_end = True
            self.note = "counting rows…"
            self._dirty()
            return
        super().action_jump(end)

    def action_sort(self, direction: int) -> None:
        if not self.columns or self.sorting_off():
            return
        if self.sort_key == (self.cursor_col, direction):
            self.sort_key = None
        else:
            self.sort_key = (self.cursor_col, direction)
            if self.fixed_widths[self.cursor_col] is None:  # room for the arrow
                self.window.widen(self.cursor_col, len(self.labels[self.cursor_col]) + 2)
        self._restart(count=False)

    def _start_sort(self, display_col: int, direction: int) -> None:
        self.sort_key = (display_col, direction)
        self._restart(count=False)

    def finish_typing(self, typing: str, text: str) -> None:
        if typing != "search":
            super().finish_typing(typing, text)
            return
        self.search_text = self.filter_text = text
        self._restart(count=True)

    def _restart(self, count: bool) -> None:
        """A new sort or filter: the rows are asked for again from the top
        (and a selection, made of positions in the old order, is cleared)."""
        cleared = self._clear_selection("the search changed" if count else "the sort changed")
        total = self.total
        self._reset(None)
        if not count:
            self.total, self.more = total, total is None
        self.cursor_row = self.top = 0
        if count:
            self._count()
        self._moved()
        self.note = cleared

    def action_find(self, direction: int, from_current: bool = False) -> None:
        """The table shows only matches: n / N move to the next / previous one."""
        self.action_move(direction)

    # -- the status line ------------------------------------------------------------------

    def _status(self) -> tuple[str, bool]:
        if self.typing is not None:
            return super()._status()
        rows = f"{self.rows:,}" if self.total is not None else f"~{self.known_end:,}"
        if self.total == 0:
            parts = ["no matching rows" if self.filter_text else "0 rows"]
        else:
            parts = [f"row {self.cursor_row + 1:,} of {rows}"]
        if self.filter_text:
            parts.append(f"matching “{self.filter_text}”")
        if self.columns:
            parts.append(f"{self.labels[self.cursor_col]} ({self.cursor_col + 1}/{len(self.columns)})")
        parts += self.selection_parts()
        if self.fetching is not None:
            parts.append("loading…")
        if self.total is None:
            parts.append("counting…")
        parts += [part for part in (self.busy, self.note) if part]
        return " · ".join(parts), False
