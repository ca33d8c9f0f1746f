"""polars ``LazyFrame`` sources: the query plan runs in polars, a window at a time."""

from __future__ import annotations

from typing import Any

import polars as pl

from termlit.sources._base import TableSource

__all__ = ["PolarsSource"]


class PolarsSource(TableSource):
    """A LazyFrame sliced, sorted and filtered in its own plan (the search text
    is a literal, not a pattern)."""

    def __init__(self, frame: Any) -> None:
        super().__init__()
        self._frame = frame

    @property
    def key(self) -> tuple:
        try:
            return ("polars", self._frame.serialize())
        except Exception:  # noqa: BLE001 - a plan with Python callables cannot be serialized
            return ("polars", id(self._frame))

    def _filtered(self, search: str | None) -> Any:
        if not search:
            return self._frame
        needle = search.lower()
        hits = [
            pl.col(name).cast(pl.String).str.to_lowercase().str.contains(needle, literal=True).fill_null(False)
            for name in self._frame.collect_schema().names()
        ]
        return self._frame.filter(pl.any_horizontal(hits)) if hits else self._frame

    def _columns_frame(self) -> Any:
        return self._frame.head(0).collect().to_pandas()

    def _count(self, search: str | None) -> int:
        return int(self._filtered(search).select(pl.len()).collect().item())

    def _window(self, offset: int, limit: int, sort: list[tuple[str, bool]], search: str | None) -> Any:
        frame = self._filtered(search)
        if sort:
            frame = frame.sort([n for n, _ in sort], descending=[not up for _, up in sort], maintain_order=True)
        return frame.slice(offset, limit).collect().to_pandas()

    def _all(self) -> Any:
        return self._frame.collect().to_pandas()
