"""``st.connection``: make (or reuse) a named connection."""

from __future__ import annotations

import importlib
import os
from typing import Any

from termlit.common.durations import parse_ttl
from termlit.connections._base import BaseConnection
from termlit.connections._cache import TTLCache, freeze
from termlit.connections._errors import ConnectionConfigError
from termlit.connections._secrets import secrets
from termlit.connections._sql import SQLConnection

__all__ = ["connection", "clear_connections"]

#: Built-in types by the name used in ``type=`` or a secrets table's ``type``.
BUILTIN_TYPES: dict[str, type[BaseConnection[Any]]] = {"sql": SQLConnection}
#: Streamlit's other built-in types, which termlit does not ship.
_NOT_BUILT_IN = ("snowflake", "snowpark")

#: Every connection made, shared by all sessions (like cache_resource), by
#: name; ``max_entries`` bounds how many variants of one name are kept.
_connections: dict[str, TTLCache[BaseConnection[Any]]] = {}


def clear_connections() -> None:
    """Forget every cached connection (the next st.connection() makes new ones)."""
    _connections.clear()


def _where(name: str) -> str:
    _table, loaded = secrets._table("connections", name)
    if not loaded.files and not loaded.override:
        return loaded.describe()
    present = sorted((loaded.data.get("connections") or {}).keys())
    found = ", ".join(f"[connections.{n}]" for n in present) or "none"
    return f"{loaded.describe()}\nConnection sections found: {found}."


def _type_from_string(name: str, type_name: str) -> type[BaseConnection[Any]]:
    key = type_name.strip()
    builtin = BUILTIN_TYPES.get(key.lower())
    if builtin is not None:
        return builtin
    if key.lower() in _NOT_BUILT_IN:
        raise ConnectionConfigError(
            f"st.connection('{name}'): type '{key}' is a Streamlit connection that termlit does "
            "not include. Use type=\"sql\" with its SQLAlchemy dialect (e.g. snowflake-sqlalchemy), "
            "or write a BaseConnection subclass (see docs/connections.md)."
        )
    module_name, _, class_name = key.rpartition(".")
    if not module_name:
        raise ConnectionConfigError(
            f"st.connection('{name}'): unknown connection type '{key}'. Use \"sql\", a "
            "BaseConnection subclass, or its dotted path such as \"mypackage.connections.MyConnection\"."
        )
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConnectionConfigError(
            f"st.connection('{name}'): cannot import module '{module_name}' for type '{key}' "
            f"({exc}). Check the dotted path and that the module is on sys.path."
        ) from None
    cls = getattr(module, class_name, None)
    if cls is None:
        raise ConnectionConfigError(
            f"st.connection('{name}'): module '{module_name}' has no class '{class_name}'."
        )
    return _check_class(name, cls)


def _check_class(name: str, cls: Any) -> type[BaseConnection[Any]]:
    if not (isinstance(cls, type) and issubclass(cls, BaseConnection)):
        raise ConnectionConfigError(
            f"st.connection('{name}'): type={cls!r} is not a connection class. Pass \"sql\" or a "
            "subclass of termlit.connections.BaseConnection."
        )
    return cls


def _resolve_type(name: str, type: Any) -> type[BaseConnection[Any]]:
    if type is None:
        table, _loaded = secrets._table("connections", name)
        type = table.get("type")
        if type is None:
            if table.get("url") or table.get("dialect"):
                type = "sql"
            elif name in BUILTIN_TYPES:
                type = name
            elif table:
                raise ConnectionConfigError(
                    f"st.connection('{name}'): the [connections.{name}] section has no `type`. Add "
                    f'type = "sql" (or a dotted path to a BaseConnection subclass), or pass '
                    f"st.connection('{name}', type=...)."
                )
            else:
                raise ConnectionConfigError(
                    f"st.connection('{name}') needs a [connections.{name}] section in secrets.toml, "
                    f"or type= and the parameters as arguments. {_where(name)}\n"
                    f"Add to the project's .termlit/secrets.toml, for example:\n\n"
                    f"[connections.{name}]\n"
                    f'type = "sql"\n'
                    f'url = "sqlite:///{name}.db"'
                )
    if isinstance(type, str):
        return _type_from_string(name, type)
    return _check_class(name, type)


def _resolve_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ConnectionConfigError(
            "st.connection() needs a name: the NAME of a [connections.NAME] section in "
            "secrets.toml, or any label when type= and parameters are given."
        )
    if name.startswith("env:"):
        variable = name[4:]
        value = os.environ.get(variable, "")
        if not value:
            raise ConnectionConfigError(
                f"st.connection('{name}') takes the connection name from the environment "
                f"variable {variable}, which is not set. Set it (e.g. {variable}=my_database) "
                "or pass the name itself."
            )
        return value
    return name


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: Any = None,
    **kwargs: Any,
) -> Any:
    """A connection to a data source, made once and then reused.

    ``name`` is the NAME of a ``[connections.NAME]`` table in secrets.toml
    (or ``"env:VAR"`` to read it from an environment variable). ``type`` is
    ``"sql"``, a :class:`BaseConnection` subclass or its dotted path; by
    default the table's ``type``. Keyword arguments override the table's
    values. One connection is kept per name, type and arguments, for ``ttl``
    (default: until the process ends), and at most ``max_entries`` of them.
    """
    name = _resolve_name(name)
    cls = _resolve_type(name, type)
    seconds = parse_ttl(ttl)
    if max_entries is not None and (not isinstance(max_entries, int) or max_entries < 1):
        raise ConnectionConfigError(f"max_entries must be a whole number of 1 or more, not {max_entries!r}.")
    key = (name, cls.__module__, cls.__qualname__, id(cls), freeze(kwargs))
    cache = _connections.get(name)
    if cache is None:
        cache = _connections.setdefault(name, TTLCache())
    found, conn = cache.get(key)
    if found and conn is not None:
        conn._check_secrets()  # its secrets table changed: connect again on next use
        return conn
    conn = cls(name, **kwargs)
    cache.set(key, conn, seconds, max_entries)
    return conn
