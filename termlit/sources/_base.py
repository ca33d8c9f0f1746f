"""The table source protocol and what every engine shares."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from typing import Any

__all__ = ["Sort", "TableSource", "check_sort", "like_pattern"]

#: A sort: (column name, ascending?) pairs, the first the most significant.
Sort = Sequence[tuple[str, bool]]


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with ``%``, ``_`` and the
    escape character ``\\`` in it taken literally (escape ``'\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_sort(columns: Sequence[str], sort: Any) -> list[tuple[str, bool]]:
    """``sort`` as a list of (column, ascending); a column the source does not
    have is a ValueError naming the columns it has."""
    if not sort:
        return []
    if isinstance(sort, tuple) and len(sort) == 2 and isinstance(sort[1], bool):
        sort = [sort]
    out = []
    for item in sort:
        name, ascending = (item, True) if isinstance(item, str) else item
        if name not in columns:
            raise ValueError(f"cannot sort by {name!r}: the source's columns are {', '.join(map(str, columns))}")
        out.append((str(name), bool(ascending)))
    return out


class TableSource:
    """A table that stays in its engine.

    Subclasses give :meth:`_columns_frame`, :meth:`_count` and :meth:`_window`;
    this class checks arguments, remembers counts and, for a source whose
    engine takes one call at a time (``serial``), makes calls take turns (the
    table view calls from worker threads).
    """

    #: Column names making a row's key, when the source knows them.
    primary_key: list[str] | None = None
    #: Whether calls must take turns (one engine connection shared by all).
    serial = False

    def __init__(self) -> None:
        self._lock: Any = threading.RLock() if self.serial else contextlib.nullcontext()
        self._schema: Any = None
        self._counts: dict[str, int] = {}

    # -- what subclasses give ---------------------------------------------------

    def _columns_frame(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _count(self, search: str | None) -> int:  # pragma: no cover - abstract
        raise NotImplementedError

    def _window(self, offset: int, limit: int, sort: list[tuple[str, bool]], search: str | None) -> Any:
        raise NotImplementedError  # pragma: no cover - abstract

    def _all(self) -> Any:
        return self.window(0, self.count())

    @property
    def key(self) -> tuple:
        """What identifies the data (equal keys across reruns: the same table)."""
        return (type(self).__name__, id(self))

    # -- the protocol -----------------------------------------------------------------

    @property
    def schema(self) -> Any:
        """An empty pandas frame with the source's column names and dtypes."""
        if self._schema is None:
            with self._lock:
                self._schema = self._columns_frame()
        return self._schema

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.schema.columns]

    def count(self, search: str | None = None) -> int:
        """The number of rows (matching ``search``, when given)."""
        search = search or None
        key = search or ""
        if key not in self._counts:
            with self._lock:
                self._counts[key] = int(self._count(search))
        return self._counts[key]

    def window(self, offset: int, limit: int, sort: Any = None, search: str | None = None) -> Any:
        """Rows ``offset`` to ``offset + limit`` (under ``sort``, of the rows
        matching ``search``: a case-insensitive substring of any column's text)
        as a pandas frame with a RangeIndex starting at ``offset``."""
        if offset < 0 or limit < 0:
            raise ValueError(f"a window needs offset >= 0 and limit >= 0, got {offset}, {limit}")
        order = check_sort(self.columns, sort)
        with self._lock:
            frame = self._window(int(offset), int(limit), order, search or None)
        frame = frame.reset_index(drop=True)
        frame.index = frame.index + int(offset)
        return frame

    def to_pandas(self) -> Any:
        """All of it, as a pandas frame (what a script asks for explicitly)."""
        with self._lock:
            return self._all().reset_index(drop=True)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self.columns)})"
