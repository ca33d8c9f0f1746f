"""Sorting and searching a frame without copying it: both give positions.

They run in worker threads (the view stays responsive on 10M rows); a
search looks at a chunk of rows at a time so a newer search can cancel it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SEARCH_CHUNK", "find_row", "sort_order"]

#: Rows searched per step of a search.
SEARCH_CHUNK = 100_000


def sort_order(column: Any, direction: int) -> np.ndarray:
    """Positions that sort ``column`` (missing values last either way)."""
    values = column.to_numpy() if column.dtype.kind in "iufbM" else None
    if values is not None and column.dtype.kind != "M":
        order = np.argsort(values, kind="stable")
        if direction < 0:
            missing = int(np.isnan(values).sum()) if values.dtype.kind == "f" else 0
            present = order[: len(order) - missing]
            # Descending and still stable: reverse the runs of equal values.
            order = np.concatenate([_stable_reverse(present, values), order[len(order) - missing:]])
        return order
    codes, _uniques = pd.factorize(column, sort=True)
    codes = codes.astype(np.int64)
    top = int(codes.max()) + 1 if len(codes) else 0
    codes[codes < 0] = top  # missing last
    if direction < 0:
        codes = np.where(codes == top, top, top - 1 - codes)
    return np.argsort(codes, kind="stable")


def _stable_reverse(order: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Descending order keeping equal values in their original order."""
    sorted_values = values[order]
    flipped = order[::-1]
    values_flipped = sorted_values[::-1]
    # Within each run of equal values the flip reversed the original order;
    # a stable sort of run numbers puts each run back in ascending position.
    boundaries = np.empty(len(values_flipped), dtype=bool)
    if len(values_flipped):
        boundaries[0] = True
        boundaries[1:] = values_flipped[1:] != values_flipped[:-1]
    runs = np.cumsum(boundaries)
    within = np.lexsort((flipped, runs))
    return flipped[within]


def find_row(
    frame: Any,
    order: np.ndarray | None,
    columns: list[int],
    query: str,
    start: int,
    direction: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[int, int] | None:
    """The first (display row, display column) from ``start`` on (wrapping)
    whose text contains ``query``, searching a chunk of rows at a time;
    None when there is none, or when ``cancelled()`` turns true."""
    rows = len(frame)
    if not rows or not columns:
        return None
    start %= rows
    if direction > 0:
        spans = [(a, min(a + SEARCH_CHUNK, rows)) for a in range(start, rows, SEARCH_CHUNK)]
        spans += [(a, min(a + SEARCH_CHUNK, start)) for a in range(0, start, SEARCH_CHUNK)]
    else:
        spans = [(max(b - SEARCH_CHUNK, 0), b) for b in range(start + 1, 0, -SEARCH_CHUNK)]
        spans += [(max(b - SEARCH_CHUNK, start + 1), b) for b in range(rows, start + 1, -SEARCH_CHUNK)]
    for a, b in spans:
        if cancelled():
            return None
        positions = order[a:b] if order is not None else np.arange(a, b)
        best: tuple[int, int] | None = None
        for display_col, position in enumerate(columns):
            column = frame.iloc[positions, position]
            hits = np.flatnonzero(
                column.astype(str).str.lower().str.contains(query, regex=False).to_numpy(dtype=bool)
            )
            if len(hits):
                row = int(hits[0] if direction > 0 else hits[-1])
                if best is None or (row < best[0] if direction > 0 else row > best[0]):
                    best = (row, display_col)
        if best is not None:
            return a + best[0], best[1]
    return None
