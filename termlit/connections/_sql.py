"""``SQLConnection``: SQL databases through SQLAlchemy.

Configuration, from ``st.connection(...)`` keyword arguments over the
``[connections.<name>]`` table of secrets.toml:

- ``url``: a full SQLAlchemy URL (``postgresql+psycopg://user:pw@host:5432/db``), or
- its parts: ``dialect`` (required without ``url``), ``driver``, ``username``,
  ``password``, ``host``, ``port``, ``database``, ``query`` (a table of URL
  query options). Parts given as keyword arguments also override the
  matching part of a ``url``.
- ``create_engine_kwargs``: a table passed to ``sqlalchemy.create_engine``;
  other unknown keyword arguments go there too. ``autocommit = true`` runs
  without transactions.

A relative SQLite path set in a secrets.toml is taken from the project folder
that holds that file's ``.termlit``/``.streamlit`` folder (so
``url = "sqlite:///my_database.db"`` in ``examples/.termlit/secrets.toml``
means ``examples/my_database.db`` wherever termlit is started from). One
given as a keyword argument, or in ``AppTest.secrets``, is taken from the
current directory, as SQLAlchemy does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from termlit.common.copies import copy_frame
from termlit.common.durations import parse_ttl
from termlit.common.masking import mask, masked_exception
from termlit.connections._base import BaseConnection, masked_copy, spinner
from termlit.connections._cache import TTLCache, freeze
from termlit.connections._secrets import secrets
from termlit.connections._sql_config import EngineConfig
from termlit.errors import StreamlitAPIException

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

__all__ = ["SQLConnection"]

#: Query results kept per connection (least recently used dropped first).
MAX_CACHED_QUERIES = 256
#: How many times a query is tried when the database connection dropped.
QUERY_ATTEMPTS = 3


def _is_disconnect(exc: BaseException) -> bool:
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, (sa_exc.DisconnectionError, ConnectionError)):
        # Some drivers (pg8000) let a socket's ConnectionResetError or
        # BrokenPipeError through unwrapped when the server went away.
        return True
    return isinstance(exc, sa_exc.DBAPIError) and bool(exc.connection_invalidated)


def _unwrap(exc: BaseException) -> BaseException:
    """The SQLAlchemy error inside pandas' ``DatabaseError`` (pandas 3 wraps
    them), so that callers catch SQLAlchemy's classes whatever pandas does."""
    from sqlalchemy.exc import SQLAlchemyError

    cause = exc.__cause__
    if (
        not isinstance(exc, SQLAlchemyError)
        and type(exc).__module__.startswith("pandas")
        and isinstance(cause, SQLAlchemyError)
    ):
        return cause
    return exc


def _database_message(exc: BaseException) -> str:
    """``str(exc)``, with a driver's field dict (pg8000 sends the server's
    error as ``{'S': 'FATAL', 'M': ...}``) shown as its text."""
    orig = getattr(exc, "orig", None)
    fields = orig.args[0] if orig is not None and orig.args else None
    if isinstance(fields, dict) and "M" in fields:
        severity = fields.get("S", "ERROR")
        code = f" [{fields['C']}]" if "C" in fields else ""
        return f"({type(orig).__module__}.{type(orig).__name__}) {severity}: {fields['M']}{code}"
    return str(exc)


def _copy_result(value: Any) -> Any:
    if isinstance(value, list):  # chunks
        return iter([copy_frame(chunk) for chunk in value])
    return copy_frame(value)


class SQLConnection(BaseConnection["Engine"]):
    """A SQL database through a SQLAlchemy Engine.

    Get one with ``st.connection("name")`` (a ``[connections.name]`` table
    with ``type = "sql"``) or ``st.connection("name", type="sql", url=...)``;
    see the module docstring for the parameters. ``query()`` returns cached
    DataFrames; ``session`` and ``connect()`` give SQLAlchemy's own objects
    for writes and anything else.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._results: TTLCache[Any] = TTLCache(MAX_CACHED_QUERIES)
        super().__init__(connection_name, **kwargs)

    def _connect(self, autocommit: bool | None = None, **kwargs: Any) -> Engine:
        conf, loaded = secrets._table("connections", self._connection_name)
        return EngineConfig(self._connection_name, conf, loaded).create_engine(kwargs, autocommit)

    # -- errors -----------------------------------------------------------------

    def _connect_failed(self, exc: BaseException) -> BaseException:
        """The database's own message, masked, with where to look."""
        message = (
            f"{_database_message(exc)}\n(SQL connection '{self._connection_name}' could not connect to the "
            f"database: check host, port, database, username and password in "
            f"[connections.{self._connection_name}] of your secrets.toml.)"
        )
        return masked_exception(exc, message)

    # -- the API ----------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy Engine behind this connection."""
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the DBAPI driver in use, e.g. ``pysqlite`` or ``psycopg2``."""
        return self._instance.driver

    @property
    def session(self) -> Session:
        """A new SQLAlchemy Session; use it as ``with conn.session as s: ...``
        and call ``s.commit()`` to keep writes."""
        from sqlalchemy.orm import Session

        return Session(self._instance)

    def connect(self) -> Connection:
        """A new SQLAlchemy Connection from the engine's pool (close it, or use
        it in a ``with`` block)."""
        engine = self._instance
        try:
            return engine.connect()
        except Exception as exc:
            raise self._connect_failed(exc) from None

    def reset(self) -> None:
        """Drop the engine and the cached query results; the next use connects again."""
        with self._lock:
            engine, self._raw_instance = self._raw_instance, None
            self._results.clear()
        if engine is not None:
            try:
                engine.dispose(close=False)
            except Exception:  # pragma: no cover - disposing is best effort
                pass

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | Any | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Mapping[str, Any] | None = None,
        lazy: bool = False,
        **kwargs: Any,
    ) -> Any:
        """Run a read-only query and return a pandas DataFrame.

        With ``lazy=True`` nothing is loaded: the result is a lazy table
        source (``termlit.sources``) that ``st.dataframe`` pages, sorts and
        searches in the database; its ``.to_pandas()`` loads all of it.

        Results are cached by ``sql``, ``params`` and the other arguments for
        ``ttl`` (seconds, a timedelta or '10m'; ``None`` keeps them until
        :meth:`reset`; ``0`` does not cache). Write ``:name`` placeholders
        in ``sql`` and pass ``params={"name": value}``: values are always
        bound by the driver, never put into the SQL text. With ``chunksize``
        an iterator of DataFrames is returned. A query whose connection
        dropped is tried again on a fresh one.
        """
        if not isinstance(sql, str) or not sql.strip():
            raise StreamlitAPIException("conn.query() needs the SQL text as a non-empty string.")
        if params is not None and not isinstance(params, Mapping):
            raise StreamlitAPIException(
                "conn.query(params=...) takes a dict: write `:name` placeholders in the SQL and "
                "pass params={'name': value} (positional `?`/`%s` parameters are not supported)."
            )
        if chunksize is not None and (not isinstance(chunksize, int) or chunksize <= 0):
            raise StreamlitAPIException(f"chunksize must be a positive whole number, not {chunksize!r}.")
        if lazy:
            if chunksize is not None or index_col is not None or kwargs:
                raise StreamlitAPIException(
                    "conn.query(lazy=True) takes only sql and params: chunksize, index_col and "
                    "pandas options apply to a loaded frame (call .to_pandas() on the lazy result)."
                )
            self._check_secrets()
            return self._lazy(sql, params=dict(params or {}))
        seconds = parse_ttl(ttl)
        self._check_secrets()
        key = (sql, freeze(dict(params) if params is not None else None), freeze(index_col), chunksize, freeze(kwargs))
        if seconds != 0:
            # ttl is checked when reading: a result older than this call's ttl
            # is not used, whatever ttl it was stored with.
            found, cached = self._results.get(key, max_age=seconds)
            if found:
                return _copy_result(cached)
        with spinner(show_spinner):
            value = self._read(sql, params, index_col, chunksize, kwargs)
        if seconds != 0:
            self._results.set(key, value, seconds)
        return _copy_result(value)

    def table(self, name: str, *, schema: str | None = None) -> Any:
        """The database table ``name`` as a lazy source: ``st.dataframe``
        shows it a window at a time (sorting and searching in the database)
        and its ``.to_pandas()`` loads it all."""
        from sqlalchemy import Column, MetaData, Table, inspect  # lazy: SQLAlchemy loads with the first query

        if not isinstance(name, str) or not name:
            raise StreamlitAPIException("conn.table() needs the table's name as a string.")
        self._check_secrets()
        try:
            # only what paging needs (the columns and the primary key): two
            # catalog queries, not a full reflection's indexes and constraints
            with self._instance.connect() as link:
                found = inspect(link)
                columns = found.get_columns(name, schema=schema)
                key = set(found.get_pk_constraint(name, schema=schema).get("constrained_columns") or [])
            if not columns:
                raise LookupError(name)
            table = Table(name, MetaData(), *[
                Column(c["name"], c["type"], primary_key=c["name"] in key, nullable=c.get("nullable", True))
                for c in columns
            ], schema=schema)
        except Exception as exc:
            names = inspect(self._instance).get_table_names(schema=schema)
            raise StreamlitAPIException(
                f"conn.table({name!r}): no such table ({type(exc).__name__}); the database has "
                f"{', '.join(names[:20]) or 'no tables'}."
            ) from None
        return self._lazy(table, recipe=("table", name, None, schema))

    def _lazy(self, selectable: Any, params: dict[str, Any] | None = None, *, recipe: tuple | None = None) -> Any:
        from termlit.sources import sql as sql_source  # lazy: the sources load SQLAlchemy

        source = sql_source(selectable, self._instance, params=params)
        if self._kwargs:  # arguments given in code (a url) may hold credentials: never saved
            source.unpicklable = (
                f"its connection '{self._connection_name}' was given arguments in code, which are not saved "
                "into the cache (they may hold credentials); configure it in secrets.toml, or keep the "
                "table with st.cache_resource"
            )
        else:
            what = recipe or ("query", selectable, dict(params or {}), None)
            source.recipe = (_reopen, (self._connection_name, *what))
        return source

    def _read(
        self,
        sql: str,
        params: Mapping[str, Any] | None,
        index_col: Any,
        chunksize: int | None,
        kwargs: dict[str, Any],
    ) -> Any:
        import pandas as pd
        from sqlalchemy import text

        statement = text(sql)
        bound = dict(params) if params is not None else None
        attempt = 0
        while True:
            attempt += 1
            engine = self._instance
            conn = None
            try:
                with engine.connect() as conn:
                    result = pd.read_sql_query(
                        statement, con=conn, index_col=index_col, chunksize=chunksize, params=bound, **kwargs
                    )
                    if chunksize is not None:  # read while the connection is open
                        result = list(result)
                    return result
            except Exception as raised:
                exc = _unwrap(raised)
                dropped = _is_disconnect(exc) or bool(conn is not None and conn.invalidated)
                if attempt < QUERY_ATTEMPTS and dropped:
                    self.reset()
                    continue
                if conn is None:
                    raise self._connect_failed(exc) from None
                safe = masked_copy(exc)
                if safe is not None:
                    raise safe from None
                if exc is raised:
                    raise
                raise exc from None

    def __repr__(self) -> str:
        engine = self._raw_instance
        if engine is None:
            return f"SQLConnection(name={self._connection_name!r}, not connected)"
        url = engine.url.render_as_string(hide_password=True)
        return f"SQLConnection(name={self._connection_name!r}, url={mask(url)!r})"


def _reopen(name: str, what: str, target: str, params: dict[str, Any] | None, schema: str | None) -> Any:
    """A lazy SQL source made again from its connection's name: how a cached
    (pickled) ``conn.table()`` or ``conn.query(..., lazy=True)`` comes back."""
    from termlit.connections._factory import connection  # lazy: the factory imports this module

    conn = connection(name, type="sql")
    return conn.table(target, schema=schema) if what == "table" else conn.query(target, params=params, lazy=True)
