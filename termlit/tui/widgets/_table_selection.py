"""A table's selection: rows, columns and cells, as ``selection_mode`` allows.

:class:`TableSelection` is the part of the dataframe view that selects
(its keys are bound on :class:`~._dataframe.DataFrameView`): Space the row,
``c`` the column, ``x`` the cell, Shift+arrows a range of cells in
"multi-cell". A selection names rows by position (:meth:`selection_position`:
in the data for an in-memory table, in the order shown for a lazy one) and
columns by their names in the data, as Streamlit does. With a column
selection mode, ``[`` / ``]`` do not sort (Streamlit turns sorting off then).
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len

from termlit.common.frames import mode_of
from termlit.tui.widgets._cells import MAX_CELL

__all__ = ["MAX_CELLS", "TableSelection"]

#: The most cells a multi-cell range selects (Shift+arrows stop widening it there).
MAX_CELLS = 100_000


class TableSelection:
    """Selecting in a table (a mixin of the dataframe view, which gives it
    ``frame``, ``columns``, ``rows``, the cursor, ``window`` and ``send``)."""

    #: The modes the script asked for (None: the table selects nothing).
    selection_mode: list[str] | None
    #: Selected rows, columns (names, in the order picked) and cells ((row, column name)).
    selected: set[int]
    selected_columns: list[str]
    selected_cells: list[tuple[int, str]]
    #: Where a multi-cell range started: (display row, display column).
    anchor: tuple[int, int] | None
    #: The selected cells as rows by column name, and the list they were made from.
    _cell_index: tuple[list[tuple[int, str]] | None, dict[str, set[int]]] = (None, {})

    def room_for_marks(self) -> None:
        """Widen a selected column (its width not set by the script) for the ● before its label."""
        for display_col in range(len(self.columns)) if self.selected_columns else ():
            if self.fixed_widths[display_col] is None and self.column_name(display_col) in self.selected_columns:
                self.window.widen(display_col, min(cell_len(self.labels[display_col]) + 2, MAX_CELL))

    def view_positions(self) -> list[int]:
        """The positions, as a selection names them, of the rows in view."""
        return [int(p) for p in self.window.positions]

    def picked_cells(self, display_col: int, positions: list[int]) -> list[bool] | None:
        """Whether each cell in view of a column (its rows at ``positions``) is
        a selected cell (None: none is). The cells are indexed once per change,
        not per repaint: a multi-cell range holds up to :data:`MAX_CELLS`."""
        if self._cell_index[0] is not self.selected_cells:
            index: dict[str, set[int]] = {}
            for position, name in self.selected_cells:
                index.setdefault(name, set()).add(position)
            self._cell_index = (self.selected_cells, index)
        rows = self._cell_index[1].get(self.column_name(display_col))
        return [p in rows for p in positions] if rows else None

    def selection_parts(self) -> list[str]:
        """What the status line says of the selection."""
        parts = [f"{len(self.selected):,} selected"] if self.selected else []
        for what, count in (("column", len(self.selected_columns)), ("cell", len(self.selected_cells))):
            if count:
                parts.append(f"{count:,} {what}{'s' if count != 1 else ''} selected")
        return parts

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sorting leaves the footer while columns can be selected."""
        return not (action == "sort" and self.mode_of("column") is not None)

    def sorting_off(self) -> bool:
        """Columns that can be selected cannot be sorted (as in Streamlit): says so."""
        if self.mode_of("column") is None:
            return False
        self.note = "no sorting: this table's columns are for selecting (c)"
        self._dirty()
        return True

    # -- selection ---------------------------------------------------------------------

    def mode_of(self, kind: str) -> str | None:
        """The selection mode that selects ``kind`` ("row", "column", "cell"), if any."""
        return mode_of(self.selection_mode, kind)

    def column_name(self, display_col: int) -> str:
        """The name a selection gives a column: its name in the data."""
        return str(self.frame.columns[self.columns[display_col]])

    def selection_position(self, display_row: int) -> int:
        """The position by which a selection names the row shown at ``display_row``."""
        return self.position(display_row)

    def _no_selection(self, what: str) -> None:
        self.note = "this table has no selection" if not self.selection_mode else f"this table's {what} are not selectable"
        self._dirty()

    def action_select_row(self) -> None:
        """Space: the row; a table selecting only cells or columns selects those."""
        if self.mode_of("row") is None:
            if self.mode_of("cell") is not None:
                self.action_select_cell()
            elif self.mode_of("column") is not None:
                self.action_select_column()
            else:
                self._no_selection("rows")
            return
        if self.rows:
            self.toggle_row()

    def toggle_row(self) -> None:
        position = self.selection_position(self.cursor_row)
        mode = self.mode_of("row")
        if position in self.selected:
            if mode == "single-row-required":
                self.note = "one row stays selected: Space on another row picks it"
                self._dirty()
                return
            self.selected.discard(position)
        elif mode != "multi-row":
            self.selected = {position}
        else:
            self.selected.add(position)
        self._dirty()
        self.send_selection()

    def action_select_column(self) -> None:
        mode = self.mode_of("column")
        if mode is None:
            self._no_selection("columns")
            return
        if not self.columns:
            return
        name = self.column_name(self.cursor_col)
        if name in self.selected_columns:
            self.selected_columns = [c for c in self.selected_columns if c != name]
        elif mode == "single-column":
            self.selected_columns = [name]
        else:
            self.selected_columns = [*self.selected_columns, name]
        self._dirty()
        self.send_selection()

    def action_select_cell(self) -> None:
        """The cell under the cursor (again: unselected); in "multi-cell" it
        starts a range that Shift+arrows widen."""
        if self.mode_of("cell") is None:
            self._no_selection("cells")
            return
        if not self.rows or not self.columns:
            return
        cell = (self.selection_position(self.cursor_row), self.column_name(self.cursor_col))
        if self.selected_cells == [cell]:
            self.selected_cells, self.anchor = [], None
        else:
            self.selected_cells, self.anchor = [cell], (self.cursor_row, self.cursor_col)
        self._dirty()
        self.send_selection()

    def action_widen(self, rows: int, columns: int) -> None:
        """Shift+arrow: move, and in "multi-cell" select the range from where
        the selection started to the cursor."""
        multi = "multi-cell" in (self.selection_mode or ())
        if multi and (self.anchor is None or not self.selected_cells):
            self.anchor = (self.cursor_row, self.cursor_col)
        self.action_move(rows) if rows else self.action_column(columns)
        if not multi or not self.rows or not self.columns:
            return
        (r0, c0), (r1, c1) = self.anchor, (self.cursor_row, self.cursor_col)
        top, bottom = sorted((min(r0, self.rows - 1), r1))
        left, right = sorted((min(c0, len(self.columns) - 1), c1))
        height, width = bottom - top + 1, right - left + 1
        if height * width > MAX_CELLS:
            bottom = top + max(MAX_CELLS // width, 1) - 1
            self.note = f"a range holds at most {MAX_CELLS:,} cells"
        names = [self.column_name(c) for c in range(left, right + 1)]
        self.selected_cells = [(self.selection_position(r), name) for r in range(top, bottom + 1) for name in names]
        self._dirty()
        self.send_selection()

    def selection_value(self) -> dict[str, Any]:
        """The selection as the script reads it."""
        return {"rows": sorted(self.selected), "columns": list(self.selected_columns),
                "cells": [list(cell) for cell in self.selected_cells]}

    def send_selection(self) -> None:
        self.send({"selection": self.selection_value()})
