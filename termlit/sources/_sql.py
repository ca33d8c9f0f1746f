"""SQL sources: a table, a Select or SQL text, run through SQLAlchemy."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import String, cast, column, func, or_, select, text
from sqlalchemy.sql import Select

from termlit.sources._base import TableSource, like_pattern

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
