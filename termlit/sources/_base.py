"""The table source protocol and what every engine shares.

Besides paging (``count``/``window``), a source answers a chart's three
questions in its engine (see :mod:`termlit.common.lazychart`): the ranges of
its x and y columns (:meth:`TableSource.ranges`), a column's first distinct
values (:meth:`TableSource.distinct`), and the bins a chart lights
(:meth:`TableSource.aggregate`): a ``GROUP BY`` on dot cells or on bar keys,
so the result is as small as the picture. Column names reach the engine as
its own column objects (quoted by it) and numbers as bound values.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Bins", "ChartQuery", "Sort", "TableSource", "check_sort", "like_pattern"]

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


#: The largest finite double: ``-MAX <= v <= MAX`` holds for finite v only
#: (not for NaN or infinities), in every engine.
FLOAT_MAX = 1.7976931348623157e308


@dataclass(frozen=True)
class ChartQuery:
    """What a chart reads from a source.

    ``x`` and ``ys`` are column names; ``x_kind`` is "number", "datetime"
    (read as seconds since the epoch, a float, as the eager chart does) or
    "category" (the values themselves). With ``color`` (a column), rows whose
    colour is missing are left out and each row's colour value comes along.
    ``stack``: y number ``i`` is the sum of ys ``0..i``, a missing value
    counting as 0 (stacked areas)."""

    x: str
    ys: tuple[str, ...]
    color: str | None = None
    x_kind: str = "number"
    stack: bool = False


@dataclass(frozen=True)
class Bins:
    """An axis of ``count`` dots over ``lo..hi``: value ``v`` lands on dot
    ``floor(0.5 + (count - 1) * (v - lo) / (hi - lo) + 5e-9)``, the mapping of
    :func:`termlit.common.chartdata.dot_index` (which rounds to 8 decimals
    before the floor; the two differ only for a position within a rounding
    error of 5e-9 below a dot's edge)."""

    lo: float
    hi: float
    count: int


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

    def _ranges(self, query: ChartQuery) -> list[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _distinct(self, column: str, kind: str, limit: int) -> list[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _cells(self, query: ChartQuery, x: Bins, y: Bins, ends: bool) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _sums(self, query: ChartQuery, edges: list[float] | None, values: list[Any] | None) -> Any:
        raise NotImplementedError  # pragma: no cover - abstract

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

    # -- charts -------------------------------------------------------------------------

    def kind(self, column: str) -> str:
        """How a chart reads ``column``: "number", "datetime" or "category"
        (from the schema's dtype; an engine may know better)."""
        dtype = self.schema[column].dtype
        if dtype.kind == "M":
            return "datetime"
        return "number" if dtype.kind in "iufb" else "category"

    def _check_query(self, query: ChartQuery) -> None:
        names = [query.x, *query.ys] + ([query.color] if query.color is not None else [])
        for name in names:
            if name not in self.columns:
                raise ValueError(f"no column {name!r}: the source's columns are {', '.join(self.columns)}")
        if query.x_kind not in ("number", "datetime", "category"):
            raise ValueError(f"x_kind must be number, datetime or category, not {query.x_kind!r}")

    def ranges(self, query: ChartQuery) -> dict[str, Any]:
        """One query: ``{"x": (min, max), "y": [(min, max) per y]}`` over
        finite values (None where there are none; x is (None, None) for a
        category x)."""
        self._check_query(query)
        with self._lock:
            flat = list(self._ranges(query))

        def pair(lo: Any, hi: Any) -> tuple[float | None, float | None]:
            return (None if lo is None or lo != lo else float(lo), None if hi is None or hi != hi else float(hi))

        return {"x": pair(flat[0], flat[1]), "y": [pair(flat[i], flat[i + 1]) for i in range(2, len(flat), 2)]}

    def distinct(self, column: str, kind: str = "category", limit: int = 100) -> list[Any]:
        """The first ``limit`` distinct values of ``column`` in the engine's
        order, missing values left out (numbers, or seconds since the epoch
        for ``kind="datetime"``)."""
        if column not in self.columns:
            raise ValueError(f"no column {column!r}: the source's columns are {', '.join(self.columns)}")
        with self._lock:
            return list(self._distinct(column, kind, int(limit)))

    def aggregate(self, query: ChartQuery, *, x: Bins | None = None, y: Bins | None = None,
                  edges: Sequence[float] | None = None, values: Sequence[Any] | None = None,
                  ends: bool = True) -> Any:
        """The bins a chart lights, as a small pandas frame.

        With ``x`` and ``y`` bins (scatter, line, area): one row per lit dot
        cell of each series, columns ``color`` (with a colour column), ``s``
        (which y), ``xi``, ``yi`` (the dot) and ``x_lo``/``x_hi`` (the least
        and greatest x on that dot: a line's first and last point there;
        ``ends=False`` leaves them out, which lets an engine use a cheaper
        ``DISTINCT``: all a scatter needs).

        Without (bars): one row per bar key (and colour), columns ``key`` and
        ``y0``, ``y1``... the sums of each y. The key is the x value, or with
        ``edges`` (ascending) the bucket ``i`` with ``edges[i] <= x <
        edges[i + 1]`` (the last bucket closed, as ``numpy.searchsorted``
        buckets). ``values`` keeps only rows whose x is one of them."""
        self._check_query(query)
        with self._lock:
            if x is not None and y is not None:
                frame = self._cells(query, x, y, bool(ends))
            else:
                inner = None if edges is None else [float(e) for e in edges]
                frame = self._sums(query, inner, None if values is None else list(values))
        return frame.reset_index(drop=True)

    def to_pandas(self) -> Any:
        """All of it, as a pandas frame (what a script asks for explicitly)."""
        with self._lock:
            return self._all().reset_index(drop=True)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self.columns)})"
