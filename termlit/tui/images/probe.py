"""Asking the terminal what it can draw, through the app's own driver.

The questions are written with the driver, so they reach the terminal that
is looking at this app (a local one, or an SSH client's under ``termlit
serve``), never the process's own tty. Textual's input parser does not know
the answers: they reach the app as key presses, which the app hands to
:meth:`TerminalProbe.feed` (and keeps from the page) until the last answer
is in. The questions, in order:

* kitty graphics: query support for a 1x1 image (``a=q``); a terminal that
  speaks the protocol answers ``_Gi=31;OK``;
* the size of a cell in pixels (``CSI 16 t``, answered ``CSI 6;h;w t``);
* primary device attributes (``CSI c``), which every terminal answers, last:
  attribute ``4`` means sixel graphics, and the answer ends the probe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QUERY", "Answers", "TerminalProbe"]

#: The questions, written once at start.
QUERY = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\" + "\x1b[16t" + "\x1b[c"

_KITTY = re.compile(r"_Gi=31;([^\\\x1b]*)")
#: The whole of each answer, as the characters of the key presses it arrives as
#: (Textual's parser hands an ESC it cannot place on as "^").
_WHOLE_ANSWER = re.compile(r"(?:\x1b|\^)?(?:_Gi=31;[^\\\x1b^]*(?:(?:\x1b|\^)?\\)?|\[6;\d+;\d+t|\[\?[\d;]*c)")
_CELL = re.compile(r"\[6;(\d+);(\d+)t")
_ATTRIBUTES = re.compile(r"\[\?([\d;]*)c")


@dataclass(frozen=True)
class Answers:
    """What the terminal said."""

    kitty: bool = False
    sixel: bool = False
    #: (width, height) of a cell in pixels, when the terminal told.
    cell: tuple[int, int] | None = None


class TerminalProbe:
    """Collects the answers from the key presses they arrive as."""

    def __init__(self) -> None:
        self._text = ""

    def feed(self, characters: str) -> None:
        self._text += characters

    @staticmethod
    def answer_positions(text: str) -> set[int]:
        """The positions in ``text`` that belong to an answer; the others are
        keys the user pressed while the terminal was being asked."""
        return {i for match in _WHOLE_ANSWER.finditer(text) for i in range(match.start(), match.end())}

    @property
    def done(self) -> bool:
        """True once the device attributes (the last answer) are in."""
        return _ATTRIBUTES.search(self._text) is not None

    def answers(self) -> Answers:
        text = self._text
        kitty = _KITTY.search(text)
        cell = _CELL.search(text)
        attributes = _ATTRIBUTES.search(text)
        sixel = attributes is not None and "4" in attributes.group(1).split(";")[1:]
        size = None
        if cell is not None:
            height, width = int(cell.group(1)), int(cell.group(2))
            if width > 0 and height > 0:
                size = (width, height)
        return Answers(kitty=kitty is not None and kitty.group(1).startswith("OK"), sixel=sixel, cell=size)
