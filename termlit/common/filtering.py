"""Filtering a list of options while the user types (``filter_mode=`` of
``st.selectbox`` and ``st.multiselect``) and the "Select all" row of a
multiselect (``select_all=``). Pure functions: the terminal UI calls
:func:`filter_options` with what the user typed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from termlit.errors import StreamlitAPIException

__all__ = ["FilterMode", "check_filter_mode", "check_select_all", "filter_options", "shows_select_all"]

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


def _fuzzy_score(label: str, query: str) -> int | None:
    """How well ``query`` matches ``label`` as an in-order subsequence (lower
    is better: early, adjacent matches win); None when it does not match."""
    pos = -1
    score = 0
    for ch in query:
        found = label.find(ch, pos + 1)
        if found < 0:
            return None
        score += found - pos - 1 if pos >= 0 else found
        pos = found
    return score


def filter_options(labels: Sequence[str], query: str, mode: str | None) -> list[int]:
    """The indexes of the options whose labels match ``query``, in the order to
    show them: ``fuzzy`` sorts by match score (then by position), ``contains``
    and ``prefix`` keep the options' order. Case is ignored; an empty query or
    ``mode=None`` keeps every option."""
    if not query or mode is None:
        return list(range(len(labels)))
    q = query.lower()
    if mode == "prefix":
        return [i for i, label in enumerate(labels) if label.lower().startswith(q)]
    if mode == "contains":
        return [i for i, label in enumerate(labels) if q in label.lower()]
    scored = []
    for i, label in enumerate(labels):
        score = _fuzzy_score(label.lower(), q)
        if score is not None:
            scored.append((score, i))
    scored.sort()
    return [i for _score, i in scored]


def shows_select_all(select_all: bool | int, selectable: int) -> bool:
    """Whether the list shows a "Select all" row for ``selectable`` options
    that are not chosen (and match what was typed)."""
    if selectable < 2 or select_all is False:
        return False
    if select_all is True:
        return True
    return selectable <= select_all
