"""DuckDB sources: relations, Parquet/CSV scans and Arrow datasets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
from duckdb import CoalesceOperator, ColumnExpression, ConstantExpression, FunctionExpression

from termlit.sources._base import TableSource

__all__ = ["DuckDBSource"]


class DuckDBSource(TableSource):
    """A DuckDB relation paged with its own expression API: ``filter`` with a
    constant (the search text is a value, never parsed as SQL), ``sort``,
    ``limit``. A scanned file makes a relation per call on its own cursor, so
    the count and a window run side by side; a relation a script hands in
    belongs to its connection, and calls on it take turns."""

    def __init__(self, relation: Any = None, *, connection: Any = None,
                 make: Callable[[Any], Any] | None = None, key: tuple | None = None) -> None:
        self.serial = make is None
        super().__init__()
        self._relation = relation
        self._connection = connection
        self._make = make
        self._key = key

    @classmethod
    def from_path(cls, path: str | Path) -> DuckDBSource:
        name = str(path)
        lower = name.lower()
        if not any(ch in name for ch in "*?[") and not Path(name).exists():
            raise FileNotFoundError(f"no file {name!r} to scan")
        connection = duckdb.connect()
        if lower.endswith((".parquet", ".pq")):
            def make(cursor: Any) -> Any:
                return cursor.read_parquet(name)
        elif lower.endswith((".csv", ".tsv", ".csv.gz")):
            def make(cursor: Any) -> Any:
                return cursor.read_csv(name)
        else:
            raise ValueError(f"cannot scan {name!r}: give a .parquet or .csv file")
        stamp = Path(name).stat().st_mtime_ns if Path(name).exists() else 0
        return cls(connection=connection, make=make, key=("scan", str(Path(name).resolve()), stamp))

    @classmethod
    def from_arrow(cls, dataset: Any) -> DuckDBSource:
        connection = duckdb.connect()
        files = tuple(getattr(dataset, "files", ()) or ())
        return cls(connection.from_arrow(dataset), connection=connection,
                   key=("arrow", files) if files else None)

    @property
    def key(self) -> tuple:
        if self._key is not None:
            return self._key
        try:
            return ("duckdb", self._relation.sql_query())
        except Exception:  # noqa: BLE001 - some relations cannot print their SQL
            return ("duckdb", id(self._relation))

    def _run(self, work: Callable[[Any], Any]) -> Any:
        """``work(relation)``; a scan gets a cursor of its own, closed after."""
        if self._make is None:
            return work(self._relation)
        cursor = self._connection.cursor()
        try:
            return work(self._make(cursor))
        finally:
            cursor.close()

    def _filtered(self, relation: Any, search: str | None) -> Any:
        if not search:
            return relation
        needle = ConstantExpression(search.lower())
        condition = None
        for name in relation.columns:
            text = FunctionExpression("lower", ColumnExpression(name).cast(duckdb.sqltype("VARCHAR")))
            hit = CoalesceOperator(FunctionExpression("contains", text, needle), ConstantExpression(False))
            condition = hit if condition is None else condition | hit
        return relation if condition is None else relation.filter(condition)

    def _columns_frame(self) -> Any:
        return self._run(lambda relation: relation.limit(0).df())

    def _count(self, search: str | None) -> int:
        return self._run(lambda relation: int(self._filtered(relation, search).aggregate("count(*)").fetchall()[0][0]))

    def _window(self, offset: int, limit: int, sort: list[tuple[str, bool]], search: str | None) -> Any:
        def work(relation: Any) -> Any:
            relation = self._filtered(relation, search)
            if sort:
                keys = [ColumnExpression(n).asc() if up else ColumnExpression(n).desc() for n, up in sort]
                relation = relation.sort(*keys)
            return relation.limit(limit, offset).df()

        return self._run(work)

    def _all(self) -> Any:
        return self._run(lambda relation: relation.df())
