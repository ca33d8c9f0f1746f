"""A dataframe's selection modes and its first selection: what
``st.dataframe(on_select=..., selection_mode=..., selection_default=...)``
accepts, checked as Streamlit checks it, and the first selection of a lazy
table (its rows' keys read from the source)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termlit.common.frames import SELECTION_KINDS, mode_of, row_keys
from termlit.errors import StreamlitAPIException

__all__ = ["first_lazy_selection", "lazy_selection", "no_default", "selection_default_of", "selection_modes"]


def selection_default_of(value: Any, rows: int | None, modes: Sequence[str], columns: Sequence[str]) -> dict[str, Any]:
    """``selection_default`` as Streamlit keeps it: what the modes can select,
    in range (``rows`` None: not counted, any position >= 0), once each, one
    at most in a single mode; cells only with "single-cell" (a multi-cell
    range is not set from code); "single-row-required" picks the first row
    when none is given."""
    value = {"selection": {}} if value is None else value
    if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
        raise StreamlitAPIException(
            "st.dataframe: selection_default must be a dict like {'selection': {'rows': [0, 2]}}, "
            f"got {value!r}."
        )
    given = value["selection"]

    def listed(name: str) -> list[Any]:
        items = given.get(name)
        return list(items) if isinstance(items, (list, tuple)) else []

    def row_in_range(r: Any) -> bool:
        return isinstance(r, int) and not isinstance(r, bool) and 0 <= r and (rows is None or r < rows)

    row_mode, column_mode = mode_of(modes, "row"), mode_of(modes, "column")
    picked = list(dict.fromkeys(r for r in listed("rows") if row_in_range(r))) if row_mode else []
    if row_mode == "single-row-required" and not picked and rows != 0:
        picked = [0]
    names = [c for c in dict.fromkeys(str(c) for c in listed("columns")) if c in columns] if column_mode else []
    cells = []
    if "single-cell" in modes:
        cells = list(dict.fromkeys(
            (c[0], str(c[1])) for c in listed("cells")
            if isinstance(c, (list, tuple)) and len(c) == 2 and row_in_range(c[0]) and str(c[1]) in columns
        ))[:1]
    return {"selection": {"rows": picked[:1] if (row_mode or "").startswith("single") else picked,
                          "columns": names[:1] if column_mode == "single-column" else names, "cells": cells}}


def no_default(selection_default: Any) -> None:
    if selection_default is not None:
        raise StreamlitAPIException(
            "st.dataframe: selection_default needs on_select='rerun' or a callback; with "
            "on_select='ignore' the rows cannot be selected."
        )


def selection_modes(on_select: Any, selection_mode: Any) -> list[str]:
    """The selection modes asked for, checked as Streamlit checks them: known
    names, at most one of each kind ("multi-cell" goes with "single-cell")."""
    if on_select != "rerun" and not callable(on_select):
        raise StreamlitAPIException(
            f"on_select must be 'ignore', 'rerun' or a callable; got {on_select!r}."
        )
    modes = list(dict.fromkeys([selection_mode] if isinstance(selection_mode, str) else list(selection_mode)))
    unknown = [m for m in modes if m not in SELECTION_KINDS]
    if unknown:
        raise StreamlitAPIException(
            f"Invalid `selection_mode` value {unknown[0]!r}. Supported values: "
            + ", ".join(repr(m) for m in sorted(SELECTION_KINDS)) + "."
        )
    for kind in ("row", "column"):
        same = [m for m in modes if SELECTION_KINDS[m] == kind]
        if len(same) > 1:
            raise StreamlitAPIException(
                f"`selection_mode={same[0]!r}` and `selection_mode={same[1]!r}` cannot be used together. "
                f"Only one {kind} selection mode can be specified."
            )
    return modes


#: First selections of lazy tables already read, by (source key, rows): a
#: rerun passes the same ``selection_default`` and reads nothing again.
_FIRST_SELECTIONS: dict[tuple, dict[str, Any]] = {}


def first_lazy_selection(source: Any, default: dict[str, Any]) -> dict[str, Any]:
    """:func:`lazy_selection` of a ``selection_default``, read once per
    source and rows (the widget uses it only until the user selects)."""
    wanted = default["selection"]["rows"]
    if not wanted:
        return lazy_selection(source, default)  # nothing to read
    key = (repr(source.key), repr(default))
    if key not in _FIRST_SELECTIONS:
        if len(_FIRST_SELECTIONS) >= 64:
            _FIRST_SELECTIONS.pop(next(iter(_FIRST_SELECTIONS)))
        _FIRST_SELECTIONS[key] = lazy_selection(source, default)
    return _FIRST_SELECTIONS[key]


def lazy_selection(source: Any, default: dict[str, Any]) -> dict[str, Any]:
    """A selection of a lazy table: its rows as positions (past the end:
    left out) and, with a primary key, their keys (one window each)."""
    rows, keys = [], []
    for position in default["selection"]["rows"]:
        frame = source.window(position, 1)
        if len(frame):
            rows.append(position)
            keys.append(row_keys(frame, 0, source.primary_key or []))
    given = default["selection"]
    selection: dict[str, Any] = {"rows": rows, "columns": list(given.get("columns", [])),
                                 "cells": list(given.get("cells", []))}
    if source.primary_key:
        selection["row_keys"] = keys
    return {"selection": selection}
