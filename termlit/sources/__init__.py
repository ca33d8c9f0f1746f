"""Lazy table sources: tables that stay in their engine.

A :class:`TableSource` answers a table view's few questions without loading
the table: its columns (an empty frame with the column names and types),
``count(search=)``, and ``window(offset, limit, sort=, search=)``, a pandas
frame of just those rows. Sorting becomes the engine's ``ORDER BY`` and a
search its ``WHERE ... LIKE`` (or an equivalent expression), always with the
search text bound as a value, never spliced into SQL.

:func:`as_source` turns what a script hands ``st.dataframe`` into a source:
a source itself, a DuckDB relation, a polars ``LazyFrame``, a pyarrow
``Dataset`` or a ``pathlib.Path`` to a Parquet or CSV file (scanned by DuckDB).
SQLAlchemy ``Select``/``Table`` objects need an engine: wrap them with
:func:`sql` (or use ``conn.table(name)`` / ``conn.query(sql, lazy=True)`` on a
SQL connection).

Charts over a source ask it for ranges and bins (:class:`ChartQuery`,
:class:`Bins`, :meth:`TableSource.aggregate`), never for its rows.

Nothing here imports Textual; the engines load only when a source is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from termlit.sources._base import Bins, ChartQuery, Sort, TableSource, check_sort, like_pattern

__all__ = [
    "Bins", "ChartQuery", "Sort", "TableSource", "as_source", "check_sort", "duckdb", "is_lazy", "like_pattern",
    "scan", "sql",
]

#: File suffixes :func:`scan` reads.
SCANNED = (".parquet", ".pq", ".csv", ".tsv", ".csv.gz")


def _module(value: Any) -> str:
    return type(value).__module__ or ""


def _kind(value: Any) -> str | None:
    """Which engine's lazy object ``value`` is, by its type (no engine is
    imported to tell): "duckdb", "polars", "arrow", "sqlalchemy" or None."""
    module, name = _module(value), type(value).__name__
    if module.startswith("duckdb") and name == "DuckDBPyRelation":
        return "duckdb"
    if module.startswith("polars") and name == "LazyFrame":
        return "polars"
    if module.startswith("pyarrow") and name.endswith("Dataset"):
        return "arrow"
    if module.startswith("sqlalchemy") and name in ("Select", "Table", "TextualSelect"):
        return "sqlalchemy"
    return None


def is_lazy(value: Any) -> bool:
    """Whether ``value`` is (or becomes, through :func:`as_source`) a lazy source."""
    if isinstance(value, TableSource) or _kind(value) is not None:
        return True
    return isinstance(value, Path) and str(value).lower().endswith(SCANNED)


def as_source(value: Any) -> TableSource:
    """The source for ``value`` (see the module docs for what is accepted)."""
    if isinstance(value, TableSource):
        return value
    kind = _kind(value)
    if kind == "duckdb":
        from termlit.sources._duck import DuckDBSource  # lazy: duckdb loads only for DuckDB data

        return DuckDBSource(value)
    if kind == "polars":
        from termlit.sources._polars import PolarsSource  # lazy: polars loads only for polars data

        return PolarsSource(value)
    if kind == "arrow":
        from termlit.sources._duck import DuckDBSource  # lazy: duckdb scans the dataset

        return DuckDBSource.from_arrow(value)
    if isinstance(value, Path):
        return scan(value)
    if _module(value).startswith("sqlalchemy"):
        name = type(value).__name__
        raise TypeError(
            f"A SQLAlchemy {name} needs a database to run in: pass termlit.sources.sql({name.lower()}, engine) "
            "or use conn.table(name) / conn.query(sql, lazy=True) on st.connection('sql')."
        )
    raise TypeError(f"{type(value).__name__} is not a lazy table source.")


def scan(path: str | Path) -> TableSource:
    """A Parquet or CSV file (or a glob of them) scanned by DuckDB, never loaded whole."""
    from termlit.sources._duck import DuckDBSource  # lazy: duckdb loads only for scanned files

    return DuckDBSource.from_path(path)


def sql(selectable: Any, engine: Any, *, params: dict[str, Any] | None = None, primary_key: Any = None) -> TableSource:
    """A SQLAlchemy ``Select``, ``Table`` or SQL text (with ``:name``
    placeholders bound from ``params``) run lazily on ``engine`` (an Engine
    or anything with an ``.engine``, such as ``st.connection('sql')``)."""
    from termlit.sources._sql import SQLSource  # lazy: SQLAlchemy loads only for SQL sources

    return SQLSource(getattr(engine, "engine", engine), selectable, params=params, primary_key=primary_key)


def duckdb(relation_or_sql: Any, connection: Any = None) -> TableSource:
    """A DuckDB relation, or SQL text run on ``connection`` (a new in-memory one by default)."""
    from termlit.sources._duck import DuckDBSource  # lazy: duckdb loads only for DuckDB data

    if isinstance(relation_or_sql, str):
        import duckdb as _duckdb  # lazy: see above

        connection = connection if connection is not None else _duckdb.connect()
        return DuckDBSource(connection.sql(relation_or_sql), connection=connection)
    return DuckDBSource(relation_or_sql, connection=connection)
