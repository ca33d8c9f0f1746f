"""Filtering a list of options while the user types (``filter_mode=`` of
``st.selectbox`` and ``st.multiselect``) and the "Select all" row of a
multiselect (``select_all=``). :func:`filter_options` filters at once;
:class:`OptionMatcher` gives the same answer a step at a time (each step a
few milliseconds, whatever the number of options), narrowing from the last
answer when the query grows: the terminal UI filters with it while the
user types, so that no key waits for a scan of 100,000 labels."""

from __future__ import annotations

import heapq
import re
import time
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, Literal

from termlit.errors import StreamlitAPIException

__all__ = ["FilterMode", "OptionMatcher", "check_filter_mode", "check_select_all", "filter_options",
           "shows_select_all"]

FilterMode = Literal["fuzzy", "contains", "prefix"] | None

_MODES = ("fuzzy", "contains", "prefix", None)


def check_filter_mode(where: str, mode: Any, accept_new_options: bool) -> str | None:
    if mode not in _MODES:
        raise StreamlitAPIException(
            f"{where}: filter_mode must be 'fuzzy', 'contains', 'prefix' or None, got {mode!r}."
        )
    if mode is None and accept_new_options:
        raise StreamlitAPIException(
            f"{where}: filter_mode=None turns typing off, so it cannot go with accept_new_options=True. "
            "Pick a filter_mode, or drop accept_new_options."
        )
    return mode


def check_select_all(where: str, select_all: Any) -> bool | int:
    if isinstance(select_all, bool):
        return select_all
    if isinstance(select_all, int) and select_all >= 0:
        return select_all
    raise StreamlitAPIException(
        f"{where}: select_all must be True, False or a number of options (>= 0), got {select_all!r}."
    )


#: Labels per block of :class:`OptionMatcher` (one regex scan of their joined text).
BLOCK = 5000
#: Finished answers an :class:`OptionMatcher` keeps (backspace finds them again).
KEPT = 16


def _pattern(query: str, mode: str) -> re.Pattern[str]:
    """The regex that finds ``query`` (lowered) in a lowered label, on one line
    of joined labels. Fuzzy: each letter, then the next at its first place
    after it (the match ends at the last letter: its place is the score)."""
    if mode == "prefix":
        return re.compile("^" + re.escape(query), re.MULTILINE)
    if mode == "contains":
        return re.compile(re.escape(query))
    parts = [re.escape(query[0])]
    for ch in query[1:]:
        parts.append(f"[^{re.escape(ch)}\\n]*{re.escape(ch)}")
    return re.compile("".join(parts))


class _Block:
    """``BLOCK`` lowered labels joined by newlines, with where each starts."""

    def __init__(self, first: int, labels: Sequence[str]) -> None:
        self.first = first
        self.lowered = [str(label).lower().replace("\n", " ") for label in labels]
        self.text = "\n".join(self.lowered)
        self.starts: list[int] = []
        at = 0
        for label in self.lowered:
            self.starts.append(at)
            at += len(label) + 1


class OptionMatcher:
    """What :func:`filter_options` answers, worked out a step at a time.

    ``start(query)`` sets the query; each ``step()`` scans for about
    ``budget`` seconds and says whether the answer is complete; ``matches``
    is the answer so far, in the order to show it (the options that matched
    yet: fuzzy sorted by score, the others in their order). A query that
    extends a finished one is looked for only among that one's matches.
    """

    def __init__(self, labels: Sequence[str], mode: str | None) -> None:
        self.labels = labels
        self.mode = mode
        self._blocks: list[_Block | None] = [None] * ((len(labels) + BLOCK - 1) // BLOCK)
        #: Finished queries: their matches in option order, and as shown.
        self._finished: dict[str, tuple[list[int], Sequence[int]]] = {}
        self.query = ""
        self._found: list[tuple[int, int]] = []  # (score, index), in option order
        self._shown: Sequence[int] | None = range(len(labels))
        self._todo: list[int] | None = None  # the candidates left (narrowing), or None
        self._block = 0  # the next block to scan (a full scan)
        self._pattern: re.Pattern[str] | None = None
        self.done = True

    def _block_at(self, b: int) -> _Block:
        block = self._blocks[b]
        if block is None:
            first = b * BLOCK
            block = self._blocks[b] = _Block(first, self.labels[first:first + BLOCK])
        return block

    def start(self, query: str) -> None:
        """Look for ``query`` now (stripped of nothing: pass what to match)."""
        q = query.lower()
        self.query = q
        self._found = []
        self._shown = None
        self._todo = None
        self._block = 0
        if not q or self.mode is None:
            self._shown = range(len(self.labels))
            self.done = True
            return
        if q in self._finished:
            self._shown = self._finished[q][1]
            self.done = True
            return
        self._pattern = _pattern(q, self.mode)
        self.done = False
        base = max((k for k in self._finished if q.startswith(k)), key=len, default=None)
        if base is not None:
            self._todo = list(reversed(self._finished[base][0]))  # popped from the end: in order

    def step(self, budget: float = 0.008) -> bool:
        """Scan for about ``budget`` seconds; True when the answer is complete."""
        if self.done:
            return True
        deadline = time.perf_counter() + budget
        pattern = self._pattern
        assert pattern is not None
        shift = len(self.query) - 1 if self.mode == "fuzzy" else 0
        found = self._found
        if self._todo is not None:
            todo = self._todo
            while todo:
                for _ in range(min(len(todo), 2000)):
                    i = todo.pop()
                    block = self._block_at(i // BLOCK)
                    m = pattern.search(block.lowered[i - block.first])
                    if m is not None:
                        found.append((m.end() - 1 - shift, i))
                if time.perf_counter() > deadline:
                    break
        else:
            while self._block < len(self._blocks):
                block = self._block_at(self._block)
                self._block += 1
                starts, first, last_line = block.starts, block.first, -1
                for m in pattern.finditer(block.text):
                    line = bisect_right(starts, m.start()) - 1
                    if line != last_line:
                        last_line = line
                        found.append((m.end() - 1 - starts[line] - shift, first + line))
                if time.perf_counter() > deadline:
                    break
        self._shown = None
        if (self._todo is None and self._block >= len(self._blocks)) or (self._todo is not None and not self._todo):
            self.done = True
            if len(self._finished) >= KEPT:
                self._finished.pop(next(iter(self._finished)))
            self._finished[self.query] = ([i for _score, i in found], self.matches)
        return self.done

    @property
    def matches(self) -> Sequence[int]:
        """The options matched so far, in the order to show them."""
        if self._shown is None:
            if self.mode == "fuzzy":
                self._shown = [i for _score, i in sorted(self._found)]
            else:
                self._shown = [i for _score, i in self._found]
        return self._shown

    def preview(self, count: int) -> Sequence[int]:
        """The first ``count`` of the matches so far (cheaper than ``matches``
        while the scan goes on)."""
        if self.done or self._shown is not None:
            return self.matches[:count]
        if self.mode == "fuzzy":
            return [i for _score, i in heapq.nsmallest(count, self._found)]
        return [i for _score, i in self._found[:count]]

    def run(self, query: str) -> Sequence[int]:
        """The whole answer for ``query``, at once."""
        self.start(query)
        while not self.step(1.0):
            pass
        return self.matches


def filter_options(labels: Sequence[str], query: str, mode: str | None) -> list[int]:
    """The indexes of the options whose labels match ``query``, in the order to
    show them: ``fuzzy`` (the letters in order, not necessarily adjacent)
    sorts by how early the last letter is found (then by position),
    ``contains`` and ``prefix`` keep the options' order. Case is ignored; an
    empty query or ``mode=None`` keeps every option."""
    return list(OptionMatcher(labels, mode).run(query))


def shows_select_all(select_all: bool | int, selectable: int) -> bool:
    """Whether the list shows a "Select all" row for ``selectable`` options
    that are not chosen (and match what was typed)."""
    if selectable < 2 or select_all is False:
        return False
    if select_all is True:
        return True
    return selectable <= select_all
