"""Redraw only what changed, for a widget drawn as a list of lines at once.

A table's cursor step changes two rows and its status line; Textual would
write every line of the widget again. :class:`LineRedraw` keeps the lines on
screen, and when the widget is marked dirty (any number of times before the
next frame) it makes the new lines once and refreshes only the cells from
the first to the last that differ on each line that changed: a few hundred
bytes over SSH instead of the whole table.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

__all__ = ["LineRedraw", "changed_span"]


def _cells(strip: Strip) -> list[tuple[str, Any]]:
    """One (character, style) per cell; a wide character's second cell is ``""``."""
    cells: list[tuple[str, Any]] = []
    for text, style, _control in strip:
        for char in text:
            cells.append((char, style))
            if cell_len(char) == 2:
                cells.append(("", style))
    return cells


def changed_span(old: Strip, new: Strip) -> tuple[int, int]:
    """The cells ``start`` to ``end`` (exclusive) of ``new`` outside which the
    two lines agree: the part of the line to write again."""
    a, b = _cells(old), _cells(new)
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a -= 1
        end_b -= 1
    # A wide character's first cell may have matched while its second did not.
    start = max(start - 1, 0)
    return start, min(max(end_a, end_b) + 1, max(len(a), len(b)))


class LineRedraw(Widget):
    """A widget whose lines come from :meth:`draw_lines`, made all at once.

    Call :meth:`_dirty` after any change; the next frame refreshes only the
    changed spans of the changed lines."""

    #: The lines drawn now (None: to be made on the next paint).
    _strips: list[Strip] | None = None
    #: The lines on screen while a redraw waits to find which changed
    #: (None: unknown, redraw all).
    _shown: list[Strip] | None = None
    _redraw_pending = False

    def draw_lines(self) -> list[Strip]:
        """Every line of the widget at its current size."""
        raise NotImplementedError

    def _dirty(self) -> None:
        if not self._redraw_pending:
            self._redraw_pending = True
            self._shown = self._strips
            self.call_later(self._redraw_changed)
        self._strips = None

    def _redraw_changed(self) -> None:
        self._redraw_pending = False
        shown, self._shown = self._shown, None
        height = self.size.height
        if shown is None or not self.is_attached or len(shown) != height or not self.size.width:
            self.refresh()
            return
        lines = self._lines()
        if len(lines) != height:
            self.refresh()
            return
        changed = []
        for y, (old, new) in enumerate(zip(shown, lines)):
            if old != new:
                start, end = changed_span(old, new)
                changed.append(Region(start, y, max(end - start, 1), 1))
        if changed:
            self.refresh(*changed)

    def _lines(self) -> list[Strip]:
        if self._strips is None or len(self._strips) != self.size.height:
            # simplify: one style run per stretch of equal style (fewer escape codes written)
            self._strips = [strip.simplify() for strip in self.draw_lines()]
            self._shown = None  # drawn now: a pending redraw cannot know what is on screen
        return self._strips

    def render_line(self, y: int) -> Strip:
        lines = self._lines()
        if 0 <= y < len(lines):
            return lines[y]
        return Strip.blank(self.size.width)
