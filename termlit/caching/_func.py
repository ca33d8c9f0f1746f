"""The wrapper both decorators return, and the one call path they share:
hash the arguments, look the key up, and on a miss compute it once (a lock
per key) under a spinner, keeping what the function showed."""

from __future__ import annotations

import functools
import threading
import types
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

from termlit.caching._hashing import ArgHasher, function_key
from termlit.caching._options import CacheOptions
from termlit.caching._replay import capture_elements, replay, spinner
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import RunContext, current_run_context
from termlit.runtime.tree import Element

__all__ = ["CachedFunc", "KeyLocks", "decorator"]

class KeyLocks:
    """One lock per cache key, so concurrent misses of a key compute once.

    Waiting for a lock still lets the waiting run stop or rerun."""

    def __init__(self) -> None:
        self._locks: dict[str, list[Any]] = {}
        self._guard = threading.Lock()

    @contextmanager
    def hold(self, key: str, ctx: RunContext | None) -> Iterator[None]:
        with self._guard:
            record = self._locks.get(key)
            if record is None:
                record = self._locks[key] = [threading.RLock(), 0]
            record[1] += 1
        lock = record[0]
        try:
            if ctx is None or ctx.bare:
                lock.acquire()
            else:
                while not lock.acquire(timeout=0.05):
                    ctx.check()
            try:
                yield
            finally:
                lock.release()
        finally:
            with self._guard:
                record[1] -= 1
                if record[1] == 0 and self._locks.get(key) is record:
                    del self._locks[key]


#: Keys start with the function key, which names the kind of cache, so one
#: set of locks serves both decorators.
_locks = KeyLocks()


class CachedFunc(ABC):
    """A cached function: call it as you would call the function.

    ``f.clear()`` forgets every result of ``f``; ``f.clear(*args, **kwargs)``
    forgets the one result for those arguments.
    """

    #: The kind of cache, first in every key (``data``, ``resource``).
    kind: str

    def __init__(self, func: Callable[..., Any], options: CacheOptions) -> None:
        if not callable(func):
            raise StreamlitAPIException(
                f"st.cache_data / st.cache_resource decorate functions; got {type(func).__name__}."
            )
        self._func = func
        self._options = options
        self._name = getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
        self._fkey = function_key(func, self.kind)
        self._args = ArgHasher(func, options.hash_funcs)
        functools.update_wrapper(self, func)

    # -- what each cache does ------------------------------------------------------

    @abstractmethod
    def _lookup(self, ctx: RunContext | None, key: str) -> tuple[Any, list[Element]] | None:
        """The value to hand out for ``key`` and what the function showed,
        or None on a miss."""

    @abstractmethod
    def _save(self, ctx: RunContext | None, key: str, value: Any, elements: list[Element]) -> None:
        """Keep what a miss computed."""

    @abstractmethod
    def _forget(self, ctx: RunContext | None, key: str | None) -> None:
        """Drop the entry for ``key``, or every entry of the function (None)."""

    def _hold(self, ctx: RunContext | None, key: str) -> Any:
        """A lock across processes while a miss computes (none by default)."""
        return nullcontext()

    # -- the shared path -------------------------------------------------------------

    def _key(self, args: tuple, kwargs: dict[str, Any]) -> str | None:
        digest = self._args.digest(args, kwargs)
        return None if digest is None else f"{self._fkey}:{digest}"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ctx = current_run_context()
        key = self._key(args, kwargs)
        if key is None:  # arguments that do not fit: let Python say so
            return self._func(*args, **kwargs)
        hit = self._lookup(ctx, key)
        if hit is None:
            options = self._options
            with spinner(ctx, options.show_spinner, options.show_time, self._name), _locks.hold(key, ctx), \
                    self._hold(ctx, key):
                hit = self._lookup(ctx, key)  # another run may have filled it meanwhile
                if hit is None:
                    with capture_elements(ctx, self._name) as elements:
                        value = self._func(*args, **kwargs)
                    self._save(ctx, key, value, elements)
                    return value
        value, elements = hit
        replay(ctx, elements)
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget every cached result of this function or, given arguments,
        the one result for those arguments."""
        ctx = current_run_context()
        if not args and not kwargs:
            self._forget(ctx, None)
            return
        key = self._key(args, kwargs)
        if key is None:
            raise StreamlitAPIException(
                f"{self._name}.clear() got arguments that do not match the function's signature."
            )
        self._forget(ctx, key)

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return types.MethodType(self, instance)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._name}>"


def decorator(func: Callable[..., Any] | None, make: Callable[[Callable[..., Any]], CachedFunc]) -> Any:
    """``make(func)`` for ``@st.cache_x``; ``make`` itself for ``@st.cache_x(...)``."""
    return make if func is None else make(func)
