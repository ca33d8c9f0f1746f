"""The window of a table as a Rich renderable: a header, the rows in view,
a status line and a scroll mark down the right edge.

:class:`Grid` holds only what is on screen (a few dozen cell texts, already
formatted and measured); the dataframe view builds one per repaint.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style

from termlit.tui.widgets._cells import fit

__all__ = ["GAP", "Grid", "GridColumn", "GridStyles", "scroll_marks"]

#: Cells between two columns.
GAP = 2


@dataclass
class GridStyles:
    """The styles of a table's parts (the view takes them from its CSS)."""

    header: Style = field(default_factory=Style)
    index: Style = field(default_factory=Style)
    cursor: Style = field(default_factory=Style)
    cursor_row: Style = field(default_factory=Style)
    missing: Style = field(default_factory=Style)
    selected: Style = field(default_factory=Style)
    #: A selected column's or cell's text.
    picked: Style = field(default_factory=Style)
    status: Style = field(default_factory=Style)
    rule: Style = field(default_factory=Style)


@dataclass
class GridColumn:
    """One column in view: its header, width, alignment and cell texts."""

    label: str
    width: int
    #: True/"right", False/"left" or "center".
    right: bool | str
    texts: list[str]
    missing: list[bool]
    #: A colour per cell (None: the default), or None for none at all.
    colors: list[str | None] | None = None
    #: The whole column is selected.
    chosen: bool = False
    #: Whether each cell in view is a selected cell (None: none is).
    picked: list[bool] | None = None


@dataclass
class Grid:
    """What a table shows.

    ``page`` data lines are drawn under the header, blank below the last row;
    ``cursor`` is the (row, column) in view under the cursor when the table
    has focus; ``selected`` flags the rows in view that are selected;
    ``scroll`` is one mark a line for the right edge (see
    :func:`scroll_marks`).
    """

    columns: list[GridColumn]
    page: int
    status: str
    index: list[str] | None = None
    index_label: str = ""
    index_width: int = 0
    cursor: tuple[int, int | None] | None = None
    selected: list[bool] = field(default_factory=list)
    status_bold: bool = False
    scroll: list[str] = field(default_factory=list)
    empty: bool = False
    styles: GridStyles = field(default_factory=GridStyles)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width, options.height or self.page + 2):
            yield from line
            yield Segment.line()

    def lines(self, width: int, height: int) -> list[list[Segment]]:
        """Exactly ``height`` lines of exactly ``width`` cells."""
        s = self.styles
        rows = len(self.columns[0].texts) if self.columns else len(self.index or ())
        lines: list[list[Segment]] = [self._header()]
        cursor_row, cursor_col = self.cursor if self.cursor is not None else (None, None)
        for i in range(self.page):
            if i >= rows:
                lines.append([])
                continue
            row_style = s.cursor_row if i == cursor_row else Style()
            selected = i < len(self.selected) and self.selected[i]
            mark = "●" if selected else ("›" if i == cursor_row else " ")
            line = [Segment(mark, s.selected if selected else row_style)]
            if self.index is not None:
                line.append(Segment(fit(self.index[i], self.index_width, False), s.index + row_style))
                line.append(Segment(" │ ", s.rule))
            for n, column in enumerate(self.columns):
                style = (s.missing if column.missing[i] else Style()) + row_style
                if column.colors is not None and column.colors[i]:
                    style = Style(color=column.colors[i]) + style
                if column.chosen or (column.picked is not None and column.picked[i]):
                    style = style + s.picked
                if i == cursor_row and n == cursor_col:
                    style = style + s.cursor
                if n:
                    line.append(Segment(" " * GAP, row_style))
                line.append(Segment(fit(column.texts[i], column.width, column.right or column.missing[i]), style))
            lines.append(line)
        if self.empty and len(lines) > 1:
            lines[1] = [Segment("  (no rows)", s.missing)]
        status = s.status + Style(bold=True) if self.status_bold else s.status
        lines.append([Segment(" " + self.status, status)])
        out = []
        for y, segments in enumerate(lines[:height]):
            line = Segment.adjust_line_length(segments, width - 1)
            mark = self.scroll[y] if y < len(self.scroll) else " "
            out.append([*line, Segment(mark, s.rule)])
        while len(out) < height:
            out.append([Segment(" " * width)])
        return out

    def _header(self) -> list[Segment]:
        s = self.styles
        header = [Segment(" ")]
        if self.index is not None:
            header.append(Segment(fit(self.index_label, self.index_width, False), s.header))
            header.append(Segment(" │ ", s.rule))
        for n, column in enumerate(self.columns):
            if n:
                header.append(Segment(" " * GAP))
            header.append(Segment(fit(column.label, column.width, column.right),
                                  s.header + s.picked if column.chosen else s.header))
        return header


def scroll_marks(height: int, page: int, rows: int, top: int) -> list[str]:
    """The right edge of a table: a track beside the rows, with a thumb for
    the part in view (blank when every row fits)."""
    marks = [" "] * height
    if rows <= page or height < 3:
        return marks
    thumb = max(1, round(page * page / rows))
    start = round((page - thumb) * top / max(rows - page, 1))
    for i in range(min(page, height - 1)):
        marks[1 + i] = "┃" if start <= i < start + thumb else "│"
    return marks
