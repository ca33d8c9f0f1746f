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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termlit.common.masking import (
    contains_secret,
    mask,
    mask_exception_args,
    masked_exception,
    register,
    register_from_mapping,
    register_url,
)
from termlit.connections._base import BaseConnection, spinner
from termlit.connections._cache import TTLCache, freeze, ttl_seconds
from termlit.connections._errors import ConnectionConfigError, MissingDriverError
from termlit.connections._secrets import describe_paths, secrets
from termlit.errors import StreamlitAPIException

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

__all__ = ["SQLConnection"]

URL_PARTS = ("dialect", "driver", "username", "password", "host", "port", "database", "query")
#: Keys of the secrets table that are not passed on to SQLAlchemy.
_OWN_KEYS = {"type", "url", "create_engine_kwargs", "autocommit", *URL_PARTS}

#: Query results kept per connection (least recently used dropped first).
MAX_CACHED_QUERIES = 256
#: How many times a query is tried when the database connection dropped.
QUERY_ATTEMPTS = 3

#: Python module of a driver -> the package that provides it.
DRIVER_PACKAGES = {
    "psycopg2": "psycopg2-binary",
    "psycopg": "psycopg[binary]",
    "pg8000": "pg8000",
    "asyncpg": "asyncpg",
    "pymysql": "pymysql",
    "MySQLdb": "mysqlclient",
    "mysql": "mysql-connector-python",
    "mariadb": "mariadb",
    "aiomysql": "aiomysql",
    "asyncmy": "asyncmy",
    "pyodbc": "pyodbc",
    "pymssql": "pymssql",
    "oracledb": "oracledb",
    "cx_Oracle": "cx_Oracle",
    "aiosqlite": "aiosqlite",
    "sqlcipher3": "sqlcipher3-binary",
    "duckdb": "duckdb",
}
#: Dialects that live outside SQLAlchemy -> the package that adds them.
DIALECT_PACKAGES = {
    "duckdb": "duckdb-engine",
    "snowflake": "snowflake-sqlalchemy",
    "bigquery": "sqlalchemy-bigquery",
    "redshift": "sqlalchemy-redshift",
    "clickhouse": "clickhouse-sqlalchemy",
    "databricks": "databricks-sqlalchemy",
    "trino": "trino[sqlalchemy]",
    "cockroachdb": "sqlalchemy-cockroachdb",
}
#: Other installable drivers, suggested when the default one is missing.
ALTERNATIVE_DRIVERS = {
    "postgresql": ("psycopg", "psycopg2", "pg8000"),
    "mysql": ("pymysql", "mysqldb", "mysqlconnector"),
    "mariadb": ("pymysql", "mysqldb", "mariadbconnector"),
    "mssql": ("pyodbc", "pymssql"),
    "oracle": ("oracledb", "cx_oracle"),
}


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


def _on_database_error(context: Any) -> None:
    """SQLAlchemy ``handle_error`` hook: mask secrets in the driver's message
    before SQLAlchemy formats it into its own."""
    original = context.original_exception
    if original is not None:
        mask_exception_args(original)
    wrapped = context.sqlalchemy_exception
    statement = getattr(wrapped, "statement", None)
    if isinstance(statement, str) and contains_secret(statement):
        wrapped.statement = mask(statement)


def _no_copy_needed() -> bool:
    """Whether pandas copies on write (a shallow copy is then safe to hand out)."""
    import pandas as pd

    try:
        if int(pd.__version__.split(".", 1)[0]) >= 3:
            return True
        return bool(pd.options.mode.copy_on_write is True)
    except Exception:  # pragma: no cover - unusual pandas builds
        return False


def _copy_result(value: Any) -> Any:
    shallow = _no_copy_needed()
    if isinstance(value, list):  # chunks
        return iter([chunk.copy(deep=not shallow) for chunk in value])
    return value.copy(deep=not shallow)


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

    # -- building the engine ----------------------------------------------------

    def _section_name(self) -> str:
        return f"[connections.{self._connection_name}]"

    def _config_error(self, problem: str, loaded: Any) -> ConnectionConfigError:
        files = loaded.files if loaded is not None else []
        if loaded is not None and loaded.override:
            where = "The test's AppTest.secrets were used instead of secrets.toml files."
        elif files:
            where = "Secrets were read from:\n" + describe_paths(files)
        else:
            where = "No secrets.toml was found; these paths were searched:\n" + describe_paths(
                loaded.searched if loaded is not None else []
            )
        example = (
            f"{self._section_name()}\n"
            'type = "sql"\n'
            'url = "sqlite:///my_database.db"        # or the parts:\n'
            '# dialect = "postgresql"\n'
            '# host = "localhost"\n'
            "# port = 5432\n"
            '# database = "mydb"\n'
            '# username = "me"\n'
            '# password = "..."'
        )
        return ConnectionConfigError(
            mask(
                f"SQL connection '{self._connection_name}': {problem}\n{where}\n"
                f"Add to the project's .termlit/secrets.toml:\n\n{example}\n\n"
                f"or pass the parameters to st.connection('{self._connection_name}', type=\"sql\", url=...)."
            )
        )

    def _build_url(self, kwargs: dict[str, Any], conf: dict[str, Any], loaded: Any) -> Any:
        from sqlalchemy.engine import URL, make_url
        from sqlalchemy.exc import ArgumentError

        name = self._connection_name
        url_origin: Path | None = None
        if kwargs.get("url"):
            raw_url = kwargs["url"]
            overrides = {k: kwargs[k] for k in URL_PARTS if k in kwargs}
        elif conf.get("url"):
            raw_url = conf["url"]
            url_origin = loaded.origin("connections", name, "url") if loaded is not None else None
            overrides = {k: kwargs[k] for k in URL_PARTS if k in kwargs}
        else:
            raw_url = None
            overrides = {}
        if raw_url is not None:
            if isinstance(raw_url, URL):
                url = raw_url
            else:
                register_url(raw_url)
                try:
                    url = make_url(str(raw_url))
                except (ArgumentError, ValueError) as exc:
                    raise self._config_error(
                        f"its `url` is not a SQLAlchemy URL ({mask(exc)}). A URL looks like "
                        "dialect+driver://username:password@host:port/database, e.g. "
                        "'sqlite:///data.db' or 'postgresql+psycopg://me:***@localhost:5432/mydb'.",
                        loaded,
                    ) from None
            register(url.password)
            if overrides:
                url = self._apply_parts(url, overrides, loaded)
            database_origin = url_origin if "database" not in overrides else None
        else:
            parts = {k: conf[k] for k in URL_PARTS if k in conf}
            parts.update({k: kwargs[k] for k in URL_PARTS if k in kwargs})
            if not parts.get("dialect"):
                if not conf and not kwargs:
                    problem = f"no {self._section_name()} section was found in the secrets."
                else:
                    given = ", ".join(sorted({*conf, *kwargs})) or "nothing"
                    problem = (
                        f"neither `url` nor `dialect` is set (given: {given}). Set `url`, or "
                        "`dialect` with the other parts."
                    )
                raise self._config_error(problem, loaded)
            url = URL.create(self._drivername(parts), **self._url_fields(parts, loaded))
            if "database" in kwargs:
                database_origin = None
            else:
                database_origin = loaded.origin("connections", name, "database") if loaded else None
        return self._resolve_sqlite(url, database_origin)

    @staticmethod
    def _drivername(parts: dict[str, Any]) -> str:
        dialect = str(parts["dialect"]).strip()
        driver = parts.get("driver")
        return f"{dialect}+{str(driver).strip()}" if driver else dialect

    def _url_fields(self, parts: dict[str, Any], loaded: Any) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for key in ("username", "password", "host", "database"):
            value = parts.get(key)
            if value is not None:
                fields[key] = str(value)
        register(fields.get("password"))
        port = parts.get("port")
        if port is not None and port != "":
            try:
                fields["port"] = int(port)
            except (TypeError, ValueError):
                raise self._config_error(
                    f"port = {port!r} is not a whole number; write it without quotes, e.g. port = 5432.",
                    loaded,
                ) from None
        query = parts.get("query")
        if query:
            if not isinstance(query, Mapping):
                raise self._config_error(
                    "`query` must be a table of URL options, e.g. query = { sslmode = \"require\" }.",
                    loaded,
                )
            register_from_mapping(dict(query))
            fields["query"] = {
                str(k): (tuple(str(i) for i in v) if isinstance(v, (list, tuple)) else str(v))
                for k, v in query.items()
            }
        return fields

    def _apply_parts(self, url: Any, overrides: dict[str, Any], loaded: Any) -> Any:
        if "dialect" in overrides or "driver" in overrides:
            backend, _, driver = url.drivername.partition("+")
            parts = {"dialect": overrides.get("dialect", backend), "driver": overrides.get("driver", driver)}
            url = url.set(drivername=self._drivername(parts))
        fields = self._url_fields({k: v for k, v in overrides.items() if k not in ("dialect", "driver")}, loaded)
        return url.set(**fields) if fields else url

    @staticmethod
    def _resolve_sqlite(url: Any, origin: Path | None) -> Any:
        """A relative SQLite path set in a secrets.toml is taken from that
        file's project folder; ``~`` is expanded."""
        if url.get_backend_name() != "sqlite":
            return url
        database = url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            return url
        if str(url.query.get("uri", "")).lower() in ("true", "1"):
            return url
        path = Path(database).expanduser()
        if not path.is_absolute() and origin is not None:
            # origin = <project>/.termlit/secrets.toml -> <project>
            path = origin.parent.parent / path
        if str(path) != database:
            url = url.set(database=str(path))
        return url

    def _connect(self, autocommit: bool | None = None, **kwargs: Any) -> Engine:
        import sqlalchemy
        from sqlalchemy import event
        from sqlalchemy import exc as sa_exc

        conf, loaded = secrets._table("connections", self._connection_name)
        register_from_mapping(conf)
        register_from_mapping(kwargs)
        url = self._build_url(kwargs, conf, loaded)

        engine_kwargs: dict[str, Any] = {}
        from_secrets = conf.get("create_engine_kwargs") or {}
        if not isinstance(from_secrets, Mapping):
            raise self._config_error("`create_engine_kwargs` must be a table of keyword arguments.", loaded)
        engine_kwargs.update(from_secrets)
        engine_kwargs.update(kwargs.get("create_engine_kwargs") or {})
        engine_kwargs.update({k: v for k, v in kwargs.items() if k not in _OWN_KEYS})
        if autocommit is None:
            autocommit = bool(conf.get("autocommit", False))
        if autocommit:
            engine_kwargs.setdefault("isolation_level", "AUTOCOMMIT")

        try:
            engine = sqlalchemy.create_engine(url, **engine_kwargs)
        except ModuleNotFoundError as exc:
            raise self._missing_driver(url, exc.name or "") from None
        except sa_exc.NoSuchModuleError:
            raise self._missing_dialect(url) from None
        except (TypeError, sa_exc.ArgumentError) as exc:
            raise self._config_error(
                f"SQLAlchemy could not create an engine for {url!r}: {mask(exc)}\nCheck the URL "
                "parts and the create_engine_kwargs / extra keyword arguments.",
                loaded,
            ) from None
        event.listen(engine, "handle_error", _on_database_error)
        return engine

    def _missing_driver(self, url: Any, module: str) -> MissingDriverError:
        top = module.split(".", 1)[0]
        package = DRIVER_PACKAGES.get(top, top or "the driver")
        backend = url.get_backend_name()
        others = [d for d in ALTERNATIVE_DRIVERS.get(backend, ()) if d != url.get_driver_name()]
        alternative = (
            f", or use another driver you have installed with driver = {others[0]!r} "
            f"(one of: {', '.join(others)}) in {self._section_name()}"
            if others
            else ""
        )
        return MissingDriverError(
            f"SQL connection '{self._connection_name}' uses {url.drivername} "
            f"(the {url.get_driver_name()} driver), but its Python module '{module}' is not "
            f"installed. Install it with `pip install {package}`{alternative}.",
            package=package,
        )

    def _missing_dialect(self, url: Any) -> MissingDriverError:
        backend = url.get_backend_name()
        package = DIALECT_PACKAGES.get(backend)
        if package is not None:
            return MissingDriverError(
                f"SQL connection '{self._connection_name}' uses the {backend} dialect, which "
                f"SQLAlchemy gets from a separate package: `pip install {package}`.",
                package=package,
            )
        return MissingDriverError(
            f"SQL connection '{self._connection_name}': SQLAlchemy has no dialect or driver "
            f"'{url.drivername}'. Check `dialect` and `driver` in {self._section_name()}; "
            "built-in dialects are sqlite, postgresql, mysql, mariadb, mssql and oracle, and "
            "others come from packages such as duckdb-engine or snowflake-sqlalchemy.",
        )

    # -- errors -----------------------------------------------------------------

    def _connect_failed(self, exc: BaseException) -> BaseException:
        """The database's own message, masked, with where to look."""
        message = (
            f"{_database_message(exc)}\n(SQL connection '{self._connection_name}' could not connect to the "
            f"database: check host, port, database, username and password in "
            f"{self._section_name()} of your secrets.toml.)"
        )
        return masked_exception(exc, message)

    @staticmethod
    def _safe(exc: BaseException) -> BaseException | None:
        """A masked copy when ``exc``'s message holds a secret, else None."""
        try:
            text = str(exc)
        except Exception:  # pragma: no cover - a broken __str__
            return None
        return masked_exception(exc) if contains_secret(text) else None

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
        **kwargs: Any,
    ) -> Any:
        """Run a read-only query and return a pandas DataFrame.

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
        seconds = ttl_seconds(ttl, "ttl")
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
        for attempt in range(1, QUERY_ATTEMPTS + 1):
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
                safe = self._safe(exc)
                if safe is not None:
                    raise safe from None
                if exc is raised:
                    raise
                raise exc from None
        raise AssertionError("unreachable")  # pragma: no cover

    def __repr__(self) -> str:
        engine = self._raw_instance
        if engine is None:
            return f"SQLConnection(name={self._connection_name!r}, not connected)"
        url = engine.url.render_as_string(hide_password=True)
        return f"SQLConnection(name={self._connection_name!r}, url={mask(url)!r})"
