"""The rows of a frame that are in view, formatted once per window.

A :class:`FrameWindow` takes the frame positions of the rows on screen (in
sort order when sorted), formats a column's cells only when the column is
drawn, and remembers how wide each column has had to be, so columns do not
jitter as the window moves.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rich.cells import cell_len

from termlit.tui.widgets._cells import MAX_CELL, cell_colors, column_alignment, format_cells
from termlit.tui.widgets._grid import GAP

__all__ = ["FrameWindow"]

Cells = tuple[list[str], list[bool], bool]


class FrameWindow:
    """Cells of the rows ``top`` to ``top + page`` of a frame."""

    def __init__(self) -> None:
        self.frame: Any = None
        self.columns: list[int] = []
        self.labels: list[str] = []
        self.fixed_widths: list[int | None] = []
        self.formats: list[str | None] = []
        self.show_index = True
        self.index_label = ""
        #: Frame positions of the rows in view.
        self.positions: np.ndarray = np.empty(0, dtype=np.int64)
        self.index_cells: list[str] = []
        #: Display column (-1: the index) -> width in cells, only ever growing.
        self.widths: dict[int, int] = {}
        self._key: tuple | None = None
        self._cells: dict[int, Cells] = {}
        #: Per display column: the config's type, its options and alignment.
        self.kinds: list[str | None] = []
        self.options: list[dict[str, Any] | None] = []
        self.alignments: list[str | None] = []
        #: The text of missing values (None: by kind, "None", "NaN"...).
        self.placeholder: str | None = None
        self._colors: dict[int, list[str | None] | None] = {}

    def configure(self, frame: Any, columns: list[int], labels: list[str], fixed_widths: list[int | None],
                  formats: list[str | None], show_index: bool, index_label: str) -> None:
        """A new frame or new column settings: everything is measured again."""
        self.frame, self.columns, self.labels = frame, columns, labels
        self.fixed_widths, self.formats = fixed_widths, formats
        self.show_index, self.index_label = show_index, index_label
        self.widths = {}
        self._key = None

    def dress(self, props: dict[str, Any]) -> None:
        """The column types, their options and alignments, and the
        placeholder, from the element's props (after :meth:`configure`)."""
        count = len(self.columns)
        self.kinds = list(props.get("kinds") or [None] * count)
        self.options = list(props.get("type_options") or [None] * count)
        self.alignments = list(props.get("alignments") or [None] * count)
        self.placeholder = props.get("placeholder")
        self._key = None

    def _dressing(self, display_col: int) -> tuple[str | None, dict[str, Any] | None]:
        kind = self.kinds[display_col] if display_col < len(self.kinds) else None
        options = self.options[display_col] if display_col < len(self.options) else None
        return kind, options

    def align(self, display_col: int, numeric: bool) -> str:
        """"left", "center" or "right" for a column's cells."""
        alignment = self.alignments[display_col] if display_col < len(self.alignments) else None
        return column_alignment(alignment, self._dressing(display_col)[0], numeric)

    def colors(self, display_col: int) -> list[str | None] | None:
        """The colour of each cell in view that the config asks for, or None."""
        if display_col not in self._colors:
            column = self.frame.iloc[:, self.columns[display_col]]
            values = column.iloc[self.positions] if len(self.positions) else column.iloc[:0]
            self._colors[display_col] = cell_colors(values, *self._dressing(display_col))
        return self._colors[display_col]

    def invalidate(self) -> None:
        self._key = None

    def fetch(self, top: int, page: int, order: np.ndarray | None) -> None:
        """Take (once per window) the positions and index labels in view."""
        key = (top, page, id(order), id(self.frame))
        if key == self._key:
            return
        self._key = key
        stop = min(top + page, len(self.frame))
        if order is not None:
            self.positions = np.asarray(order[top:stop], dtype=np.int64)
        else:
            self.positions = np.arange(top, stop, dtype=np.int64)
        self._cells = {}
        self._colors = {}
        if self.show_index:
            labels = self.frame.index[self.positions] if len(self.positions) else []
            self.index_cells = [str(v) for v in labels]
        else:
            self.index_cells = []

    def column(self, display_col: int) -> Cells:
        """(texts, missing flags, numeric?) of a column's cells in view."""
        cells = self._cells.get(display_col)
        if cells is None:
            column = self.frame.iloc[:, self.columns[display_col]]
            values = column.iloc[self.positions] if len(self.positions) else column.iloc[:0]
            texts, missing, numeric = format_cells(values, self.formats[display_col], *self._dressing(display_col),
                                                   placeholder=self.placeholder)
            cells = (texts, missing, numeric or column.dtype.kind in "iuf")
            self._cells[display_col] = cells
            fixed = self.fixed_widths[display_col]
            if fixed is None:
                seen = max((cell_len(t) for t in texts), default=0)
                self.widen(display_col, min(max(seen, cell_len(self.labels[display_col]), 3), MAX_CELL))
            else:
                self.widths[display_col] = fixed
        return cells

    def widen(self, display_col: int, wanted: int) -> None:
        self.widths[display_col] = max(self.widths.get(display_col, 0), wanted)

    def index_width(self) -> int:
        if not self.show_index:
            return 0
        seen = max((cell_len(t) for t in self.index_cells), default=1)
        self.widen(-1, min(max(seen, cell_len(self.index_label)), MAX_CELL))
        return self.widths[-1]

    def visible(self, left: int, width: int) -> list[int]:
        """Columns from ``left`` that fit in ``width`` cells (at least one)."""
        shown: list[int] = []
        used = 0
        for display_col in range(left, len(self.columns)):
            self.column(display_col)
            need = self.widths[display_col] + (GAP if shown else 0)
            if shown and used + need > width:
                break
            shown.append(display_col)
            used += need
        return shown
