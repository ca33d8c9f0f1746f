"""SQL sources: a table, a Select or SQL text, run through SQLAlchemy.

Charts' ranges, distinct values and bins are SQLAlchemy Core statements on
the source's columns (quoted by the dialect), every number a bound
parameter. Dialect differences: SQLite has no ``floor`` everywhere (a
non-negative value's ``CAST(... AS INTEGER)`` is its floor) and keeps times
as text (``strftime``); elsewhere times give ``extract(epoch ...)``.
"""

from __future__ import annotations

import datetime
import decimal
from typing import Any

import pandas as pd
from sqlalchemy import (
    BigInteger,
    Float,
    Integer,
    String,
    and_,
    case,
    cast,
    column,
    extract,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.sql import Select

from termlit.sources._base import FLOAT_MAX, Bins, ChartQuery, TableSource, like_pattern

__all__ = ["SQLSource"]


class SQLSource(TableSource):
    """Rows of ``selectable`` (a Table, a Select, or SQL text with ``:name``
    parameters) fetched a window at a time: ``LIMIT``/``OFFSET`` under an
    ``ORDER BY`` and a ``WHERE ... LIKE`` built by SQLAlchemy, every value
    bound by the driver.

    A source knows no more than its engine, which cannot be pickled: one made
    by an ``st.connection`` gets a ``recipe`` (how to make it again from the
    connection's name), and pickles as that recipe, so ``st.cache_data``
    keeps the query, never the rows."""

    #: ``(callable, args)`` that makes this source again (``__reduce__``).
    recipe: tuple | None = None
    #: Why this source cannot be pickled, when it has no recipe.
    unpicklable = ("it was made from a SQLAlchemy engine, which cannot be saved; make it with "
                   "st.connection(...).table() or .query(..., lazy=True), or keep it with st.cache_resource")

    def __init__(self, engine: Any, selectable: Any, *, params: dict[str, Any] | None = None,
                 primary_key: Any = None) -> None:
        super().__init__()
        self._engine = engine
        self._params = dict(params or {})
        if isinstance(selectable, str):
            sql = selectable.strip().rstrip(";").strip()
            if not sql:
                raise ValueError("a SQL source needs the SQL text")
            names = self._text_columns(sql)
            statement = text(sql)
            if self._params:
                statement = statement.bindparams(**self._params)
            self._from = statement.columns(*[column(n) for n in names]).subquery("termlit_q")
            self._text = sql
        elif isinstance(selectable, Select) or hasattr(selectable, "subquery") and not hasattr(selectable, "primary_key"):
            self._from = selectable.subquery("termlit_q")
            self._text = str(selectable)
            self._params = {**selectable.compile().params, **self._params}
        else:  # a Table (or another FROM clause)
            self._from = selectable
            self._text = str(select(selectable))
            keys = getattr(selectable, "primary_key", None)
            if primary_key is None and keys is not None and len(keys.columns):
                primary_key = [c.name for c in keys.columns]
        if isinstance(primary_key, str):
            primary_key = [primary_key]
        self.primary_key = list(primary_key) if primary_key else None

    def _text_columns(self, sql: str) -> list[str]:
        with self._engine.connect() as conn:
            result = conn.execute(text(f"SELECT * FROM ({sql}) AS termlit_q LIMIT 0"), self._params)
            names = list(result.keys())
            result.close()
        return names

    def __reduce__(self) -> tuple:
        if self.recipe is None:
            raise TypeError(f"this lazy SQL table cannot be pickled: {self.unpicklable}")
        return self.recipe

    @property
    def key(self) -> tuple:
        params = tuple(sorted((k, repr(v)) for k, v in self._params.items()))
        return ("sql", self._engine.url.render_as_string(hide_password=True), self._text, params)

    def _where(self, search: str | None) -> Any:
        if not search:
            return None
        pattern = like_pattern(search)
        return or_(*[cast(c, String).ilike(pattern, escape="\\") for c in self._from.c])

    def _select(self, search: str | None) -> Any:
        statement = select(*self._from.c).select_from(self._from)
        where = self._where(search)
        return statement if where is None else statement.where(where)

    def _frame(self, statement: Any) -> Any:
        with self._engine.connect() as conn:
            result = conn.execute(statement)
            names = list(result.keys())
            rows = result.fetchall()
        return pd.DataFrame.from_records(rows, columns=names) if rows else pd.DataFrame(columns=names)

    def _columns_frame(self) -> Any:
        first = self._frame(self._select(None).limit(1))
        return first.iloc[:0]

    def _count(self, search: str | None) -> int:
        inner = self._select(search).subquery("termlit_n")
        with self._engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(inner)).scalar_one())

    def _window(self, offset: int, limit: int, sort: list[tuple[str, bool]], search: str | None) -> Any:
        statement = self._select(search)
        order = [self._from.c[name].asc() if ascending else self._from.c[name].desc() for name, ascending in sort]
        taken = {name for name, _ in sort}
        # a stable order for paging: the key (when known) breaks ties
        order += [self._from.c[name].asc() for name in self.primary_key or [] if name not in taken]
        if order:
            statement = statement.order_by(*order)
        return self._frame(statement.offset(offset).limit(limit))

    def _all(self) -> Any:
        return self._frame(self._select(None))

    # -- charts -------------------------------------------------------------------

    def kind(self, name: str) -> str:
        """From the column's SQL type when it has one (the schema comes from
        the first row, whose NULLs say nothing), else from the schema."""
        try:
            python_type = self._from.c[name].type.python_type
        except (NotImplementedError, KeyError):
            return super().kind(name)
        if issubclass(python_type, (datetime.date, datetime.datetime)):
            return "datetime"
        if issubclass(python_type, (int, float, decimal.Decimal)):
            return "number"
        return super().kind(name) if python_type is object else "category"

    @property
    def _sqlite(self) -> bool:
        return self._engine.dialect.name == "sqlite"

    def _number(self, name: str, kind: str) -> Any:
        value = self._from.c[name]
        if kind == "datetime":
            if self._sqlite:  # whole seconds, less the minute's seconds, plus them with their fraction
                def part(fmt: str) -> Any:
                    return cast(func.strftime(literal(fmt), value), Float)

                return part("%s") - part("%S") + part("%f")
            return cast(extract("epoch", value), Float)
        # SQLite's arithmetic with a float parameter is float arithmetic already
        return value if self._sqlite else cast(value, Float)

    @staticmethod
    def _is_finite(value: Any) -> Any:
        return value.between(literal(-FLOAT_MAX), literal(FLOAT_MAX))

    def _finite(self, value: Any) -> Any:
        return case((self._is_finite(value), value), else_=None)

    def _ys(self, query: ChartQuery) -> list[Any]:
        values = [self._finite(self._number(name, "number")) for name in query.ys]
        if not query.stack:
            return values
        out, total = [], None
        for value in values:
            part = func.coalesce(value, literal(0.0))
            total = part if total is None else total + part
            out.append(total)
        return out

    def _rows(self, query: ChartQuery) -> Any:
        if query.color is None:
            return None
        return self._from.c[query.color].is_not(None)

    def _dot(self, value: Any, bins: Bins) -> Any:
        change = literal(0.5) + literal(float(bins.count - 1)) * (value - literal(float(bins.lo))) / literal(
            float(bins.hi) - float(bins.lo))
        return change + literal(5e-9)  # as round(v, 8) before the floor (round is slow in SQLite)

    def _floor(self, value: Any) -> Any:
        # only for values >= 0 (the dots inside the plot)
        return cast(value, Integer) if self._sqlite else cast(func.floor(value), BigInteger)

    def _fetch(self, statement: Any) -> Any:
        with self._engine.connect() as conn:
            return conn.execute(statement).fetchall()

    def _ranges(self, query: ChartQuery) -> list[Any]:
        parts = []
        if query.x_kind == "category":
            parts += [literal(None), literal(None)]
        else:
            x = self._finite(self._number(query.x, query.x_kind))
            parts += [func.min(x), func.max(x)]
        for y in self._ys(query):
            parts += [func.min(y), func.max(y)]
        statement = select(*parts).select_from(self._from)
        where = self._rows(query)
        return list(self._fetch(statement if where is None else statement.where(where))[0])

    def _distinct(self, name: str, kind: str, limit: int) -> list[Any]:
        value = self._from.c[name] if kind == "category" else self._finite(self._number(name, kind))
        inner = select(value.label("v")).select_from(self._from).subquery("termlit_v")
        statement = select(inner.c.v).where(inner.c.v.is_not(None)).distinct().order_by(inner.c.v).limit(limit)
        return [row[0] for row in self._fetch(statement)]

    def _flat_cells(self, query: ChartQuery, x: Bins, y: Bins, ends: bool, s: int, yv: Any) -> Any:
        """SQLite: one statement, no subquery (SQLite would inline one and work
        out each expression again wherever it is used), grouped by position;
        cells off the plot (only for bins narrower than the data) are
        dropped after the query rather than worked out again in WHERE."""
        xv = self._number(query.x, query.x_kind)
        keep = [self._is_finite(xv), self._is_finite(yv)]
        if self._rows(query) is not None:
            keep.append(self._rows(query))

        def floor(value: Any) -> Any:  # CAST truncates: shifted by one, a dot left of the plot stays negative
            return cast(value + literal(1.0), Integer) - literal(1)

        colour = [self._from.c[query.color].label("color")] if query.color is not None else []
        cells = [*colour, literal(s).label("s"), floor(self._dot(xv, x)).label("xi"),
                 floor(self._dot(yv, y)).label("yi")]
        if not ends:
            return select(*cells).select_from(self._from).where(and_(*keep)).distinct()
        span = [func.min(xv).label("x_lo"), func.max(xv).label("x_hi")]
        return select(*cells, *span).select_from(self._from).where(and_(*keep)).group_by(
            *[literal_column(str(i + 1)) for i in range(len(cells))])

    def _cells(self, query: ChartQuery, x: Bins, y: Bins, ends: bool) -> Any:
        xv = self._number(query.x, query.x_kind)
        where = self._rows(query)
        colour = [self._from.c[query.color].label("color")] if query.color is not None else []
        parts = []
        for s, yv in enumerate(self._ys(query)):
            if self._sqlite:
                plain = yv if query.stack else self._number(query.ys[s], "number")
                parts.append(self._flat_cells(query, x, y, ends, s, plain))
                continue
            inner = select(*colour, literal(s).label("s"), xv.label("xv"), self._dot(xv, x).label("cx"),
                           self._dot(yv, y).label("cy")).select_from(self._from)
            if where is not None:
                inner = inner.where(where)
            inner = inner.subquery(f"termlit_d{s}")
            c = inner.c
            keep = and_(self._is_finite(c.xv), c.cx >= 0, c.cx < x.count, c.cy >= 0, c.cy < y.count)
            lit = select(*[c.color] if query.color is not None else [], c.s, self._floor(c.cx).label("xi"),
                         self._floor(c.cy).label("yi"), c.xv).where(keep).subquery(f"termlit_c{s}")
            groups = ([lit.c.color] if query.color is not None else []) + [lit.c.s, lit.c.xi, lit.c.yi]
            if ends:
                parts.append(select(*groups, func.min(lit.c.xv).label("x_lo"), func.max(lit.c.xv).label("x_hi"))
                             .group_by(*groups))
            else:  # DISTINCT keeps only the distinct cells; GROUP BY sorts every row first (SQLite)
                parts.append(select(*groups).distinct())
        statement = parts[0] if len(parts) == 1 else parts[0].union_all(*parts[1:])
        names = (["color"] if query.color is not None else []) + ["s", "xi", "yi"] + (["x_lo", "x_hi"] if ends else [])
        frame = pd.DataFrame.from_records(self._fetch(statement), columns=names)
        kinds = {"s": "int64", "xi": "int64", "yi": "int64"} | ({"x_lo": "float64", "x_hi": "float64"} if ends else {})
        frame = frame.astype(kinds)
        # SQLite's cells are not limited to the plot in the query (see _flat_cells)
        return frame[(frame.xi >= 0) & (frame.xi < x.count) & (frame.yi >= 0) & (frame.yi < y.count)]

    def _sums(self, query: ChartQuery, edges: list[float] | None, values: list[Any] | None) -> Any:
        if query.x_kind == "category":
            xv = self._from.c[query.x]
            keep = xv.is_not(None)
        else:
            xv = self._number(query.x, query.x_kind)
            keep = self._is_finite(xv)
        conditions = [keep] + ([] if self._rows(query) is None else [self._rows(query)])
        if values is not None:
            conditions.append(xv.in_(values))
        key = xv
        if edges is not None:
            key = literal(0)
            for edge in edges[1:-1]:
                key = key + case((xv >= literal(edge), 1), else_=0)
        colour = [self._from.c[query.color].label("color")] if query.color is not None else []
        inner = select(*colour, key.label("key"), *[y.label(f"v{i}") for i, y in enumerate(self._ys(query))])
        inner = inner.select_from(self._from).where(and_(*conditions)).subquery("termlit_b")
        groups = ([inner.c.color] if query.color is not None else []) + [inner.c.key]
        sums = [func.sum(inner.c[f"v{i}"]).label(f"y{i}") for i in range(len(query.ys))]
        names = (["color"] if query.color is not None else []) + ["key"] + [f"y{i}" for i in range(len(query.ys))]
        frame = pd.DataFrame.from_records(self._fetch(select(*groups, *sums).group_by(*groups)), columns=names)
        return frame.astype({f"y{i}": "float64" for i in range(len(query.ys))})
