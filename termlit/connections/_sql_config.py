"""How a SQL connection's engine is made: its URL from a ``url`` or its
parts, SQLite paths, ``create_engine`` options, and what to install when a
driver or dialect is missing. See :mod:`termlit.connections._sql` for the
settings a user writes."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termlit.connections._errors import ConnectionConfigError, MissingDriverError
from termlit.common.masking import (
    contains_secret,
    mask,
    mask_exception_args,
    register,
    register_from_mapping,
    register_url,
)
from termlit.connections._secrets import Loaded

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine

__all__ = ["EngineConfig"]

URL_PARTS = ("dialect", "driver", "username", "password", "host", "port", "database", "query")
#: Keys of the secrets table that are not passed on to SQLAlchemy.
_OWN_KEYS = {"type", "url", "create_engine_kwargs", "autocommit", *URL_PARTS}

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


def _drivername(parts: dict[str, Any]) -> str:
    dialect = str(parts["dialect"]).strip()
    driver = parts.get("driver")
    return f"{dialect}+{str(driver).strip()}" if driver else dialect


def _resolve_sqlite(url: URL, origin: Path | None) -> URL:
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


class EngineConfig:
    """The engine of the SQL connection ``name``, from its ``st.connection``
    keyword arguments over ``conf``, its ``[connections.<name>]`` table in
    the secrets ``loaded``."""

    def __init__(self, name: str, conf: dict[str, Any], loaded: Loaded) -> None:
        self.name = name
        self.section = f"[connections.{name}]"
        self.conf = conf
        self.loaded = loaded

    def error(self, problem: str) -> ConnectionConfigError:
        """A configuration error naming the problem, where the secrets came
        from, and what to write."""
        example = (
            f"{self.section}\n"
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
                f"SQL connection '{self.name}': {problem}\n{self.loaded.describe()}\n"
                f"Add to the project's .termlit/secrets.toml:\n\n{example}\n\n"
                f"or pass the parameters to st.connection('{self.name}', type=\"sql\", url=...)."
            )
        )

    # -- the engine ------------------------------------------------------------------

    def create_engine(self, kwargs: dict[str, Any], autocommit: bool | None) -> Engine:
        """The Engine for these keyword arguments; errors say what to fix or
        install."""
        import sqlalchemy
        from sqlalchemy import event
        from sqlalchemy import exc as sa_exc

        conf = self.conf
        register_from_mapping(conf)
        register_from_mapping(kwargs)
        url = self.url(kwargs)

        engine_kwargs: dict[str, Any] = {}
        from_secrets = conf.get("create_engine_kwargs") or {}
        if not isinstance(from_secrets, Mapping):
            raise self.error("`create_engine_kwargs` must be a table of keyword arguments.")
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
            raise self.error(
                f"SQLAlchemy could not create an engine for {url!r}: {mask(exc)}\nCheck the URL "
                "parts and the create_engine_kwargs / extra keyword arguments."
            ) from None
        event.listen(engine, "handle_error", _on_database_error)
        return engine

    # -- the URL ---------------------------------------------------------------------

    def url(self, kwargs: dict[str, Any]) -> URL:
        from sqlalchemy.engine import URL, make_url
        from sqlalchemy.exc import ArgumentError

        conf, loaded = self.conf, self.loaded
        url_origin: Path | None = None
        if kwargs.get("url"):
            raw_url = kwargs["url"]
            overrides = {k: kwargs[k] for k in URL_PARTS if k in kwargs}
        elif conf.get("url"):
            raw_url = conf["url"]
            url_origin = loaded.origin("connections", self.name, "url")
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
                    raise self.error(
                        f"its `url` is not a SQLAlchemy URL ({mask(exc)}). A URL looks like "
                        "dialect+driver://username:password@host:port/database, e.g. "
                        "'sqlite:///data.db' or 'postgresql+psycopg://me:***@localhost:5432/mydb'."
                    ) from None
            register(url.password)
            if overrides:
                url = self._apply_parts(url, overrides)
            database_origin = url_origin if "database" not in overrides else None
        else:
            parts = {k: conf[k] for k in URL_PARTS if k in conf}
            parts.update({k: kwargs[k] for k in URL_PARTS if k in kwargs})
            if not parts.get("dialect"):
                if not conf and not kwargs:
                    problem = f"no {self.section} section was found in the secrets."
                else:
                    given = ", ".join(sorted({*conf, *kwargs})) or "nothing"
                    problem = (
                        f"neither `url` nor `dialect` is set (given: {given}). Set `url`, or "
                        "`dialect` with the other parts."
                    )
                raise self.error(problem)
            url = URL.create(_drivername(parts), **self._url_fields(parts))
            if "database" in kwargs:
                database_origin = None
            else:
                database_origin = loaded.origin("connections", self.name, "database")
        return _resolve_sqlite(url, database_origin)

    def _url_fields(self, parts: dict[str, Any]) -> dict[str, Any]:
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
                raise self.error(
                    f"port = {port!r} is not a whole number; write it without quotes, e.g. port = 5432."
                ) from None
        query = parts.get("query")
        if query:
            if not isinstance(query, Mapping):
                raise self.error(
                    "`query` must be a table of URL options, e.g. query = { sslmode = \"require\" }."
                )
            register_from_mapping(dict(query))
            fields["query"] = {
                str(k): (tuple(str(i) for i in v) if isinstance(v, (list, tuple)) else str(v))
                for k, v in query.items()
            }
        return fields

    def _apply_parts(self, url: URL, overrides: dict[str, Any]) -> URL:
        if "dialect" in overrides or "driver" in overrides:
            backend, _, driver = url.drivername.partition("+")
            parts = {"dialect": overrides.get("dialect", backend), "driver": overrides.get("driver", driver)}
            url = url.set(drivername=_drivername(parts))
        fields = self._url_fields({k: v for k, v in overrides.items() if k not in ("dialect", "driver")})
        return url.set(**fields) if fields else url

    # -- what to install ---------------------------------------------------------------

    def _missing_driver(self, url: URL, module: str) -> MissingDriverError:
        top = module.split(".", 1)[0]
        package = DRIVER_PACKAGES.get(top, top or "the driver")
        backend = url.get_backend_name()
        others = [d for d in ALTERNATIVE_DRIVERS.get(backend, ()) if d != url.get_driver_name()]
        alternative = (
            f", or use another driver you have installed with driver = {others[0]!r} "
            f"(one of: {', '.join(others)}) in {self.section}"
            if others
            else ""
        )
        return MissingDriverError(
            f"SQL connection '{self.name}' uses {url.drivername} "
            f"(the {url.get_driver_name()} driver), but its Python module '{module}' is not "
            f"installed. Install it with `pip install {package}`{alternative}.",
            package=package,
        )

    def _missing_dialect(self, url: URL) -> MissingDriverError:
        backend = url.get_backend_name()
        package = DIALECT_PACKAGES.get(backend)
        if package is not None:
            return MissingDriverError(
                f"SQL connection '{self.name}' uses the {backend} dialect, which "
                f"SQLAlchemy gets from a separate package: `pip install {package}`.",
                package=package,
            )
        return MissingDriverError(
            f"SQL connection '{self.name}': SQLAlchemy has no dialect or driver "
            f"'{url.drivername}'. Check `dialect` and `driver` in {self.section}; "
            "built-in dialects are sqlite, postgresql, mysql, mariadb, mssql and oracle, and "
            "others come from packages such as duckdb-engine or snowflake-sqlalchemy.",
        )
