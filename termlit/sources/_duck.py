"""DuckDB sources: relations, Parquet/CSV scans and Arrow datasets.

Charts' questions (ranges, distinct values, bins) are built with DuckDB's
expression API, as the paging is: columns as ``ColumnExpression`` (quoted by
DuckDB), numbers as ``ConstantExpression``; the only SQL text is the group-by
list of this module's own aliases.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
from duckdb import CaseExpression, CoalesceOperator, ColumnExpression, ConstantExpression, FunctionExpression

from termlit.sources._base import Bins, ChartQuery, TableSource

_DOUBLE = duckdb.sqltype("DOUBLE")
_BIGINT = duckdb.sqltype("BIGINT")


def _number(name: str, kind: str) -> Any:
    """Column ``name`` as a double (a timestamp: seconds since the epoch)."""
    column = ColumnExpression(name)
    if kind == "datetime":
        return FunctionExpression("epoch_ns", column).cast(_DOUBLE) / ConstantExpression(1e9)
    return column.cast(_DOUBLE)


def _finite(value: Any) -> Any:
    """``value`` where finite, else NULL (aggregates skip it)."""
    return CaseExpression(FunctionExpression("isfinite", value), value)


def _ys(query: ChartQuery) -> list[Any]:
    values = [_finite(_number(name, "number")) for name in query.ys]
    if not query.stack:
        return values
    out, total = [], None
    for value in values:
        part = CoalesceOperator(value, ConstantExpression(0.0))
        total = part if total is None else total + part
        out.append(total)
    return out


def _dot(value: Any, bins: Bins) -> Any:
    """The dot position before flooring (see Bins)."""
    scale = ConstantExpression(float(bins.count - 1))
    change = ConstantExpression(0.5) + scale * (value - ConstantExpression(float(bins.lo))) / ConstantExpression(
        float(bins.hi) - float(bins.lo))
    return change + ConstantExpression(5e-9)  # round(v, 8) before the floor, at a third of the cost


def _inside(value: Any, bins: Bins) -> Any:
    return (value >= ConstantExpression(0.0)) & (value < ConstantExpression(float(bins.count)))

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

    # -- charts -------------------------------------------------------------------

    @staticmethod
    def _rows(relation: Any, query: ChartQuery) -> Any:
        if query.color is None:
            return relation
        return relation.filter(ColumnExpression(query.color).isnotnull())

    def _ranges(self, query: ChartQuery) -> list[Any]:
        def work(relation: Any) -> list[Any]:
            parts = []
            if query.x_kind == "category":
                parts += [ConstantExpression(None), ConstantExpression(None)]
            else:
                x = _finite(_number(query.x, query.x_kind))
                parts += [FunctionExpression("min", x), FunctionExpression("max", x)]
            for y in _ys(query):
                parts += [FunctionExpression("min", y), FunctionExpression("max", y)]
            return list(self._rows(relation, query).aggregate(parts).fetchall()[0])

        return self._run(work)

    def _distinct(self, column: str, kind: str, limit: int) -> list[Any]:
        def work(relation: Any) -> list[Any]:
            value = ColumnExpression(column) if kind == "category" else _finite(_number(column, kind))
            rows = relation.select(value.alias("v")).filter(ColumnExpression("v").isnotnull()).distinct()
            return [row[0] for row in rows.sort(ColumnExpression("v")).limit(limit).fetchall()]

        return self._run(work)

    def _cells(self, query: ChartQuery, x: Bins, y: Bins, ends: bool) -> Any:
        def work(relation: Any) -> Any:
            relation = self._rows(relation, query)
            xv = _number(query.x, query.x_kind)
            colour = [ColumnExpression(query.color).alias("color")] if query.color is not None else []
            keep = ["color"] if query.color is not None else []
            parts = None
            for s, yv in enumerate(_ys(query)):
                cx, cy = _dot(xv, x), _dot(yv, y)
                lit = relation.select(*colour, ConstantExpression(s).alias("s"), xv.alias("xv"),
                                      cx.alias("cx"), cy.alias("cy"))
                cx, cy = ColumnExpression("cx"), ColumnExpression("cy")
                lit = lit.filter(FunctionExpression("isfinite", ColumnExpression("xv"))
                                 & FunctionExpression("isfinite", cy) & _inside(cx, x) & _inside(cy, y))
                lit = lit.select(*[ColumnExpression(k) for k in keep], ColumnExpression("s"),
                                 FunctionExpression("floor", cx).cast(_BIGINT).alias("xi"),
                                 FunctionExpression("floor", cy).cast(_BIGINT).alias("yi"), ColumnExpression("xv"))
                groups = [*keep, "s", "xi", "yi"]
                span = [FunctionExpression("min", ColumnExpression("xv")).alias("x_lo"),
                        FunctionExpression("max", ColumnExpression("xv")).alias("x_hi")] if ends else []
                lit = lit.aggregate([*[ColumnExpression(g) for g in groups], *span], ", ".join(groups))
                parts = lit if parts is None else parts.union(lit)
            return parts.df()

        return self._run(work)

    def _sums(self, query: ChartQuery, edges: list[float] | None, values: list[Any] | None) -> Any:
        def work(relation: Any) -> Any:
            relation = self._rows(relation, query)
            if query.x_kind == "category":
                xv = ColumnExpression(query.x)
                relation = relation.filter(xv.isnotnull())
            else:
                xv = _number(query.x, query.x_kind)
                relation = relation.filter(FunctionExpression("isfinite", xv))
            if values is not None:
                relation = relation.filter(xv.isin(*[ConstantExpression(v) for v in values]))
            key = xv
            if edges is not None:
                key = ConstantExpression(0)
                for edge in edges[1:-1]:
                    key = key + CaseExpression(xv >= ConstantExpression(edge), ConstantExpression(1)).otherwise(
                        ConstantExpression(0))
            colour = [ColumnExpression(query.color).alias("color")] if query.color is not None else []
            ys = [y.alias(f"v{i}") for i, y in enumerate(_ys(query))]
            rows = relation.select(*colour, key.alias("key"), *ys)
            groups = (["color"] if query.color is not None else []) + ["key"]
            sums = [FunctionExpression("sum", ColumnExpression(f"v{i}")).alias(f"y{i}") for i in range(len(ys))]
            return rows.aggregate([*[ColumnExpression(g) for g in groups], *sums], ", ".join(groups)).df()

        return self._run(work)
