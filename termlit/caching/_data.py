"""``st.cache_data``: results kept on disk, a fresh copy at every call."""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, overload

from termlit.caching import _config
from termlit.caching._common import (
    KeyLocks,
    capture_elements,
    check_common,
    check_hash_funcs,
    check_max_entries,
    check_show_spinner,
    parse_ttl,
    replay,
    spinner,
)
from termlit.caching._copying import copier_for
from termlit.caching._errors import UnserializableReturnValueError, warn_once
from termlit.caching._func import CachedFunc
from termlit.caching._hashing import HashFuncs
from termlit.caching._store import Entry, Store, all_stores, store_for
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import RunContext, current_run_context

__all__ = ["CacheDataAPI", "DataCachedFunc", "cache_data"]

F = TypeVar("F", bound=Callable[..., Any])

_locks = KeyLocks()


def _script_of(ctx: RunContext | None) -> Path | None:
    if ctx is not None and ctx.runner is not None:
        return ctx.runner.script.path
    return _config.main_script()


class DataCachedFunc(CachedFunc):
    """A function cached by ``st.cache_data``; see :class:`CacheDataAPI`."""

    _kind = "data"

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        ttl: float | None,
        max_entries: int | None,
        show_spinner: bool | str,
        show_time: bool,
        hash_funcs: HashFuncs | None,
    ) -> None:
        super().__init__(func, hash_funcs)
        self._ttl = ttl
        self._max_entries = max_entries
        self._show_spinner = show_spinner
        self._show_time = show_time

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ctx = current_run_context()
        key = self._key(args, kwargs)
        if key is None:  # arguments that do not fit: let Python say so
            return self._func(*args, **kwargs)
        store = store_for(_script_of(ctx))
        entry = store.get(key)
        if entry is not None:
            value = entry.copy_out()
            replay(ctx, entry.elements)
            return value
        with spinner(ctx, self._show_spinner, self._show_time, self._name):
            with _locks.hold(key, ctx):
                entry = store.get(key)  # another run may have filled it meanwhile
                if entry is not None:
                    value = entry.copy_out()
                    replay(ctx, entry.elements)
                    return value
                with capture_elements(ctx, self._name) as elements:
                    value = self._func(*args, **kwargs)
                self._save(store, key, value, elements)
        return value

    def _save(self, store: Store, key: str, value: Any, elements: list) -> None:
        try:
            value_blob = pickle.dumps(value, protocol=5)
        except Exception as exc:
            raise UnserializableReturnValueError(
                f"{self._name}() returned a {_type_name(value)}, which cannot be pickled "
                f"({type(exc).__name__}: {exc}), so st.cache_data cannot keep copies of it. "
                "For objects that should be shared rather than copied (database connections, "
                "ML models, clients), use @st.cache_resource instead; otherwise return plain "
                "data (numbers, strings, lists, dicts, DataFrames, arrays)."
            ) from None
        created = time.time()
        expires = created + self._ttl if self._ttl is not None else None
        try:
            meta_blob: bytes | None = pickle.dumps((created, expires, elements), protocol=5)
        except Exception as exc:
            meta_blob = None
            warn_once(
                store.scope,
                "elements:" + self._fkey,
                f"What {self._name}() shows cannot be saved to disk ({type(exc).__name__}: {exc}); "
                "its results are cached in memory only.",
            )
        copier = copier_for(value)
        entry = Entry(
            self._fkey,
            expires,
            elements,
            copier(value) if copier is not None else None,
            None if copier is not None else value_blob,
            copier,
            len(value_blob),
        )
        store.put(key, entry, meta_blob, value_blob, self._ttl, self._max_entries, self._name)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget every cached result of this function, or, given arguments,
        the one result for those arguments (in memory and on disk)."""
        store = store_for(_script_of(current_run_context()))
        if not args and not kwargs:
            store.clear_function(self._fkey)
            return
        key = self._key(args, kwargs)
        if key is None:
            raise StreamlitAPIException(
                f"{self._name}.clear() got arguments that do not match the function's signature."
            )
        store.delete(key)


def _type_name(value: Any) -> str:
    cls = type(value)
    module = cls.__module__
    return cls.__qualname__ if module == "builtins" else f"{module}.{cls.__qualname__}"


class CacheDataAPI:
    """Decorator that caches a function's return value, shown as ``st.cache_data``.

    Results are pickled into a per-app folder on disk (they survive a restart
    of ``termlit run``) with hot entries kept in memory in front of it. Every
    call returns a new copy, so changing what you got never changes what the
    next call returns.

    The key of a result is the function (module, qualified name and source
    text: editing the function starts afresh) and its arguments, hashed in
    full (every cell of a DataFrame or array counts). Parameters whose names
    start with an underscore are left out of the key.

    Parameters
    ----------
    func:
        The function (when used as ``@st.cache_data`` without parentheses).
    ttl:
        How long a result stays valid: seconds, a ``timedelta`` or a string
        such as ``"1h"`` or ``"1d 12h"``. Honoured on disk too. None: forever.
    max_entries:
        Keep at most this many results of the function; the oldest stored go.
    show_spinner:
        While a miss computes inside a run, show a spinner (True), one with
        this text (a string), or nothing (False).
    show_time:
        Ask the spinner to show the time elapsed.
    persist:
        Accepted for compatibility with Streamlit (``"disk"``, True, False,
        None); results are always kept on disk.
    hash_funcs:
        ``{type or "module.QualName": function}``: hash values of that type
        by what the function returns for them.
    max_size, scope, refresh_mode:
        Accepted with their default values only (None, ``"global"``,
        ``"foreground"``); other values raise an error saying so.
    experimental_allow_widgets:
        Accepted and ignored (older Streamlit code passes it). Widgets inside
        a cached function are shown on a miss only, with a warning.

    ``st.cache_data.clear()`` forgets every result of every function.
    """

    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: float | Any = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Any = None,
        hash_funcs: HashFuncs | None = None,
        max_size: Any = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
    ) -> Callable[[F], F]: ...

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: Any = None,
        hash_funcs: HashFuncs | None = None,
        max_size: Any = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
        experimental_allow_widgets: bool = False,
    ) -> Any:
        ttl_seconds = parse_ttl(ttl)
        max_entries = check_max_entries(max_entries)
        show_spinner = check_show_spinner(show_spinner)
        hash_funcs = check_hash_funcs(hash_funcs)
        check_common(scope, refresh_mode)
        if persist not in (None, True, False, "disk"):
            raise StreamlitAPIException(
                f"persist={persist!r} is not a valid value: use 'disk', True, False or None "
                "(termlit always keeps cache_data results on disk)."
            )
        if max_size is not None:
            raise StreamlitAPIException(
                "max_size is not supported by termlit yet: limit a function with max_entries=, "
                "and the whole cache with size_limit under [cache] in .termlit/config.toml."
            )

        def decorate(f: Callable[..., Any]) -> DataCachedFunc:
            return DataCachedFunc(
                f,
                ttl=ttl_seconds,
                max_entries=max_entries,
                show_spinner=show_spinner,
                show_time=bool(show_time),
                hash_funcs=hash_funcs,
            )

        return decorate if func is None else decorate(func)

    def clear(self) -> None:
        """Forget every ``cache_data`` result of this app (and of every other
        app this process has used), in memory and on disk."""
        stores = {id(s): s for s in all_stores()}
        current = store_for(_script_of(current_run_context()))
        stores[id(current)] = current
        for store in stores.values():
            store.clear()

    def __repr__(self) -> str:
        return "st.cache_data"


cache_data = CacheDataAPI()
