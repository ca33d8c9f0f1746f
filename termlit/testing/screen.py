"""The screen of a running TermlitApp as cells: text, colours and styles
(for tests and snapshots).

Built from Textual's public SVG screenshot, which Rich writes in a fixed
form: a ``<rect>`` for each run of cells with a background, and a ``<text>``
for each run of visible characters, whose CSS class gives its colour and its
weight, slant and line. Each carries its cell column (``x``) and its row
(``y``, and the ``line-N`` clip path of a text), so the screen can be put back
on a grid without any private API. What the SVG shows is what is kept: the
foreground of a blank cell cannot be seen, so it is not part of the cell, and
``dim`` and ``reverse`` are already applied to the colours.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from rich.cells import cell_len

__all__ = ["Cell", "render_styled", "render_text", "screen_cells", "screen_text", "svg_cells"]

#: Width and height of one cell in Rich's SVG export, in SVG units.
_CELL = 12.2
_LINE = 24.4
#: Rich draws every background rectangle this far below its row's top.
_RECT_TOP = 1.5

_CLASS = re.compile(r"\.(?P<name>[\w-]+-r\d+) \{ (?P<rules>[^}]*)\}")
_RECT = re.compile(
    r'<rect fill="(?P<fill>#[0-9a-fA-F]{6})" x="(?P<x>[\d.]+)" y="(?P<y>[\d.]+)" '
    r'width="(?P<width>[\d.]+)" height="[\d.]+" shape-rendering="crispEdges"/>'
)
_TEXT = re.compile(
    r'<text class="(?P<cls>[^"]*)" x="(?P<x>[\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]*?-line-(?P<line>\d+)\)">(?P<text>[^<]*)</text>'
)
#: CSS rules of a text class -> the word a style string uses, in this order.
_ATTRIBUTES = (
    ("font-weight: bold", "bold"),
    ("font-style: italic", "italic"),
    ("text-decoration: underline", "underline"),
    ("text-decoration: line-through", "strike"),
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the screen.

    ``char`` is ``""`` for the right half of a wide character. ``fg`` and
    ``attributes`` are those of the visible character (None and ``()`` for a
    blank cell); ``bg`` is None where nothing painted a background.
    """

    char: str = " "
    fg: str | None = None
    bg: str | None = None
    attributes: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        return self.char in (" ", "")

    @property
    def ink(self) -> tuple[str | None, tuple[str, ...]]:
        """What the character is drawn with: its colour and attributes."""
        return self.fg, self.attributes


def _classes(svg: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    found = {}
    for match in _CLASS.finditer(svg):
        rules = match["rules"]
        fill = re.search(r"fill: (#[0-9a-fA-F]{6})", rules)
        attributes = tuple(word for rule, word in _ATTRIBUTES if rule in rules)
        found[match["name"]] = (fill[1].lower() if fill else None, attributes)
    return found


def svg_cells(svg: str, size: tuple[int, int]) -> list[list[Cell]]:
    """The cells of an SVG screenshot of a screen of ``size`` (columns,
    rows), one list per row."""
    width, height = size
    grid = [[Cell() for _ in range(width)] for _ in range(height)]
    for m in _RECT.finditer(svg):
        row = round((float(m["y"]) - _RECT_TOP) / _LINE)
        col, n = round(float(m["x"]) / _CELL), round(float(m["width"]) / _CELL)
        if 0 <= row < height:
            for x in range(max(col, 0), min(col + n, width)):
                grid[row][x] = Cell(bg=m["fill"].lower())
    classes = _classes(svg)
    for m in _TEXT.finditer(svg):
        row, col, raw = int(m["line"]), round(float(m["x"]) / _CELL), m["text"]
        if not 0 <= row < height:
            continue
        fg, attributes = classes.get(m["cls"], (None, ()))
        line, x = grid[row], col
        for char in html.unescape(raw).replace("\xa0", " "):
            if char < " ":  # the end of a line: Rich writes it as text of its own
                continue
            cells = cell_len(char)
            if cells == 0:  # a combining mark: part of the character before it
                if 0 < x <= width:
                    before = line[x - 1]
                    line[x - 1] = Cell(before.char + char, before.fg, before.bg, before.attributes)
                continue
            for i in range(cells):
                if 0 <= x + i < width:
                    bg = line[x + i].bg
                    if char == " ":
                        line[x + i] = Cell(" ", None, bg)
                    else:  # the right half of a wide character holds ""
                        line[x + i] = Cell(char if i == 0 else "", fg, bg, attributes)
            x += cells
    return grid


def render_text(cells: list[list[Cell]]) -> str:
    """The characters of the screen, one line per row, right-trimmed, without
    trailing empty rows."""
    lines = ["".join(cell.char for cell in row).rstrip() for row in cells]
    return "\n".join(lines).rstrip("\n")


def screen_cells(app) -> list[list[Cell]]:
    """What ``app`` shows right now, as cells."""
    return svg_cells(app.export_screenshot(), (app.size.width, app.size.height))


def screen_text(app) -> str:
    """What ``app`` shows right now, as text."""
    return render_text(screen_cells(app))


# -- the styled form ---------------------------------------------------------------


Ink = tuple[str | None, tuple[str, ...]]


def _style(ink: Ink | None, bg: str | None) -> str:
    fg, attributes = ink or (None, ())
    words = [*attributes, *([fg] if fg else []), *([f"on {bg}"] if bg else [])]
    return " ".join(words) or "default"


def _runs(row: list[Cell]) -> list[tuple[Ink | None, str | None, list[Cell]]]:
    """The row as runs of one background and one ink. A blank cell takes the
    ink of the run it is in (a space between two words of one colour does
    not split them); a run that holds only blanks has no ink."""
    runs: list[tuple[Ink | None, str | None, list[Cell]]] = []
    for cell in row:
        if runs:
            ink, bg, cells = runs[-1]
            if bg == cell.bg and (cell.blank or ink is None or ink == cell.ink):
                cells.append(cell)
                if ink is None and not cell.blank:
                    runs[-1] = (cell.ink, bg, cells)
                continue
        runs.append((None if cell.blank else cell.ink, cell.bg, [cell]))
    return runs


def _usual(cells: list[list[Cell]]) -> tuple[str | None, Ink | None]:
    """The most common background, and the ink most used on it."""
    backgrounds = Counter(cell.bg for row in cells for cell in row)
    bg = backgrounds.most_common(1)[0][0] if backgrounds else None
    inks = Counter(cell.ink for row in cells for cell in row if cell.bg == bg and not cell.blank)
    return bg, (inks.most_common(1)[0][0] if inks else None)


def _text(cells: list[Cell]) -> str:
    return "".join(cell.char for cell in cells).replace("[", "\\[")


def render_styled(cells: list[list[Cell]], size: tuple[int, int] | None = None) -> str:
    """The screen as text with its styles, for diffs a person can read.

    The first line names the size (``size``, else that of ``cells``) and
    the usual style (the most common
    background and the ink most used on it). Then each row is its text, in
    which every run of cells in another style stands inside
    ``[style]...[/]``, the style written as Rich writes one:
    ``bold italic underline strike #rrggbb on #rrggbb``. Blanks at the ends
    of a run on the usual background are left outside its brackets; on any
    other background they are inside, so the brackets show how far it is
    painted. A change of colour or attribute changes the row it is in, and
    the brackets show which cells it covers. ``[`` in the text is written
    ``\\[``.
    """
    width, height = size or (max((len(row) for row in cells), default=0), len(cells))
    usual_bg, usual_ink = _usual(cells)
    lines = [f"{width}x{height}, unmarked text is {_style(usual_ink, usual_bg)}"]
    for row in cells:
        parts = []
        for ink, bg, run in _runs(row):
            if bg == usual_bg and ink in (None, usual_ink):
                parts.append(_text(run))
                continue
            start, end = 0, len(run)
            if bg == usual_bg:
                while run[start].char == " ":
                    start += 1
                while run[end - 1].char == " ":
                    end -= 1
            parts.append(f"{_text(run[:start])}[{_style(ink, bg)}]{_text(run[start:end])}[/]{_text(run[end:])}")
        lines.append("".join(parts).rstrip())
    return "\n".join(lines)
