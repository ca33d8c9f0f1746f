"""The screen of a running TermlitApp as plain text (for tests and snapshots).

Built from Textual's public SVG screenshot: each text run carries its cell
column (``x``) and its line (the ``line-N`` clip path), so the text can be put
back on a grid without any private API.
"""

from __future__ import annotations

import html
import re

__all__ = ["screen_text", "svg_text"]

_RUN = re.compile(
    r'<text class="[^"]*" x="(?P<x>[\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]*?-line-(?P<line>\d+)\)">(?P<text>[^<]*)</text>'
)
#: Width of one cell in Textual's SVG export, in SVG units.
_CELL = 12.2


def svg_text(svg: str, width: int | None = None) -> str:
    """The text of an SVG screenshot, one line per screen row, right-trimmed."""
    rows: dict[int, list[str]] = {}
    for match in _RUN.finditer(svg):
        line = int(match["line"])
        col = round(float(match["x"]) / _CELL)
        text = html.unescape(match["text"]).replace("\xa0", " ")
        row = rows.setdefault(line, [])
        if len(row) < col:
            row.extend(" " * (col - len(row)))
        row[col : col + len(text)] = list(text)
    if not rows:
        return ""
    last = max(rows)
    lines = ["".join(rows.get(i, [])).rstrip() for i in range(last + 1)]
    return "\n".join(lines)


def screen_text(app) -> str:
    """What ``app`` shows right now, as text."""
    return svg_text(app.export_screenshot())
