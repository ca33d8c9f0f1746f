"""``st.cache_data``: results kept on disk, a fresh copy at every call."""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from typing import Any

from termlit.caching import _codec, _config
from termlit.caching._errors import UnserializableReturnValueError, warn_once
from termlit.caching._feed import type_name
from termlit.caching._func import CachedFunc, decorator
from termlit.caching._hashing import HashFuncs
from termlit.caching._options import CacheOptions
from termlit.caching._store import Entry, Store, all_stores, store_for
from termlit.common.copies import copier_for
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import RunContext, current_run_context
from termlit.runtime.tree import Element

__all__ = ["CacheDataAPI", "DataCachedFunc", "cache_data"]

def _store(ctx: RunContext | None) -> Store:
    """The store of the app that is running (or of the ``__main__`` script)."""
    script = ctx.runner.script.path if ctx is not None and ctx.runner is not None else _config.main_script()
    return store_for(script)


class DataCachedFunc(CachedFunc):
    """A function cached by ``st.cache_data``; see :class:`CacheDataAPI`."""

    kind = "data"

    def _lookup(self, ctx: RunContext | None, key: str) -> tuple[Any, list[Element]] | None:
        return _store(ctx).get(key)

    def _hold(self, ctx: RunContext | None, key: str) -> Any:
        return _store(ctx).hold(key, ctx.check if ctx is not None and not ctx.bare else None)

    def _save(self, ctx: RunContext | None, key: str, value: Any, elements: list[Element]) -> None:
        store = _store(ctx)
        try:
            parts, size = _codec.encode(value)
        except Exception as exc:
            raise UnserializableReturnValueError(
                f"{self._name}() returned a {type_name(type(value))}, which cannot be pickled "
                f"({type(exc).__name__}: {exc}), so st.cache_data cannot keep copies of it. "
                "For objects that should be shared rather than copied (database connections, "
                "ML models, clients), use @st.cache_resource instead; otherwise return plain "
                "data (numbers, strings, lists, dicts, DataFrames, arrays)."
            ) from None
        ttl = self._options.ttl
        created = time.time()
        expires = created + ttl if ttl is not None else None
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
        # The parts may be views of the value's own memory: without a copier,
        # the memory tier keeps a private copy of them (and the disk gets it).
        blob = _codec.join(parts, size) if copier is None else None
        entry = Entry(self._fkey, expires, elements, copier(value) if copier is not None else None, blob, copier, size)
        store.put(key, entry, meta_blob, parts if blob is None else [blob], ttl, self._options.max_entries, self._name)

    def _forget(self, ctx: RunContext | None, key: str | None) -> None:
        """In memory and on disk."""
        if key is None:
            _store(ctx).clear_function(self._fkey)
        else:
            _store(ctx).delete(key)


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
        options = CacheOptions.read(
            ttl=ttl, max_entries=max_entries, show_spinner=show_spinner, show_time=show_time,
            hash_funcs=hash_funcs, scope=scope, refresh_mode=refresh_mode,
        )
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
        return decorator(func, lambda f: DataCachedFunc(f, options))

    def clear(self) -> None:
        """Forget every ``cache_data`` result of this app (and of every other
        app this process has used), in memory and on disk."""
        stores = {id(s): s for s in all_stores()}
        current = _store(current_run_context())
        stores[id(current)] = current
        for store in stores.values():
            store.clear()

    def __repr__(self) -> str:
        return "st.cache_data"


cache_data = CacheDataAPI()
