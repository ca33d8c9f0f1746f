"""polars ``LazyFrame`` sources: the query plan runs in polars, a window at a time.

Charts' ranges, distinct values and bins are polars expressions on the plan
(``pl.col`` for columns, ``pl.lit`` for numbers), collected once each.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from termlit.sources._base import Bins, ChartQuery, TableSource


def _number(name: str, kind: str) -> Any:
    """Column ``name`` as a float (a date or time: seconds since the epoch)."""
    if kind == "datetime":
        return pl.col(name).dt.epoch("ns").cast(pl.Float64) / 1e9
    return pl.col(name).cast(pl.Float64)


def _finite(value: Any) -> Any:
    return pl.when(value.is_finite()).then(value)


def _ys(query: ChartQuery) -> list[Any]:
    values = [_finite(_number(name, "number")) for name in query.ys]
    if not query.stack:
        return values
    out, total = [], None
    for value in values:
        part = value.fill_null(0.0)
        total = part if total is None else total + part
        out.append(total)
    return out


def _dot(value: Any, bins: Bins) -> Any:
    change = pl.lit(0.5) + pl.lit(float(bins.count - 1)) * (value - pl.lit(float(bins.lo))) / pl.lit(
        float(bins.hi) - float(bins.lo))
    return change + 5e-9  # as round(v, 8) before the floor


def _inside(value: Any, bins: Bins) -> Any:
    return value.is_finite() & (value >= 0.0) & (value < float(bins.count))

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

    # -- charts -------------------------------------------------------------------

    def _rows(self, query: ChartQuery) -> Any:
        if query.color is None:
            return self._frame
        return self._frame.filter(pl.col(query.color).is_not_null())

    def _ranges(self, query: ChartQuery) -> list[Any]:
        parts = []
        if query.x_kind == "category":
            parts += [pl.lit(None).alias("x_lo"), pl.lit(None).alias("x_hi")]
        else:
            x = _finite(_number(query.x, query.x_kind))
            parts += [x.min().alias("x_lo"), x.max().alias("x_hi")]
        for i, y in enumerate(_ys(query)):
            parts += [y.min().alias(f"y{i}_lo"), y.max().alias(f"y{i}_hi")]
        return list(self._rows(query).select(parts).collect().row(0))

    def _distinct(self, column: str, kind: str, limit: int) -> list[Any]:
        value = pl.col(column) if kind == "category" else _finite(_number(column, kind))
        rows = self._frame.select(value.alias("v")).drop_nulls().unique().sort("v").head(limit)
        return rows.collect().get_column("v").to_list()

    def _cells(self, query: ChartQuery, x: Bins, y: Bins, ends: bool) -> Any:
        frame = self._rows(query)
        xv = _number(query.x, query.x_kind)
        colour = [pl.col(query.color).alias("color")] if query.color is not None else []
        groups = (["color"] if query.color is not None else []) + ["s", "xi", "yi"]
        parts = []
        for s, yv in enumerate(_ys(query)):
            lit = frame.select(*colour, pl.lit(s, dtype=pl.Int64).alias("s"), xv.alias("xv"),
                               _dot(xv, x).alias("cx"), _dot(yv, y).alias("cy"))
            lit = lit.filter(pl.col("xv").is_finite() & _inside(pl.col("cx"), x) & _inside(pl.col("cy"), y))
            lit = lit.with_columns(pl.col("cx").floor().cast(pl.Int64).alias("xi"),
                                   pl.col("cy").floor().cast(pl.Int64).alias("yi"))
            if ends:
                parts.append(lit.group_by(groups).agg(pl.col("xv").min().alias("x_lo"),
                                                      pl.col("xv").max().alias("x_hi")))
            else:
                parts.append(lit.select(groups).unique())
        return pl.concat(parts).collect().to_pandas()

    def _sums(self, query: ChartQuery, edges: list[float] | None, values: list[Any] | None) -> Any:
        frame = self._rows(query)
        if query.x_kind == "category":
            xv = pl.col(query.x)
            frame = frame.filter(xv.is_not_null())
        else:
            xv = _number(query.x, query.x_kind)
            frame = frame.filter(xv.is_finite())
        if values is not None:
            frame = frame.filter(xv.is_in(values))
        key = xv
        if edges is not None:
            key = pl.sum_horizontal([(xv >= edge).cast(pl.Int64) for edge in edges[1:-1]] or [pl.lit(0)])
        colour = [pl.col(query.color).alias("color")] if query.color is not None else []
        groups = (["color"] if query.color is not None else []) + ["key"]
        rows = frame.select(*colour, key.alias("key"), *[y.alias(f"v{i}") for i, y in enumerate(_ys(query))])
        sums = [pl.col(f"v{i}").sum().alias(f"y{i}") for i in range(len(query.ys))]
        return rows.group_by(groups).agg(sums).collect().to_pandas()
