"""``st.cache_resource``: one shared object per key, kept in memory."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar, overload

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
from termlit.caching._errors import warn_once
from termlit.caching._func import CachedFunc
from termlit.caching._hashing import HashFuncs
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import current_run_context

__all__ = ["CacheResourceAPI", "ResourceCachedFunc", "cache_resource"]

F = TypeVar("F", bound=Callable[..., Any])

class _Slot:
    __slots__ = ("value", "expires", "elements", "on_release")

    def __init__(self, value: Any, expires: float | None, elements: list, on_release: Callable[[Any], Any] | None):
        self.value = value
        self.expires = expires
        self.elements = elements
        self.on_release = on_release


class _Resources:
    """Every cached resource of the process, by function key then argument key."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_function: dict[str, OrderedDict[str, _Slot]] = {}
        self.locks = KeyLocks()

    def get(self, fkey: str, key: str) -> _Slot | None:
        released = None
        with self.lock:
            entries = self.by_function.get(fkey)
            slot = entries.get(key) if entries is not None else None
            if slot is None:
                return None
            if slot.expires is not None and slot.expires <= time.monotonic():
                released = entries.pop(key)
                slot = None
            else:
                entries.move_to_end(key)
        if released is not None:
            _release(released)
        return slot

    def put(self, fkey: str, key: str, slot: _Slot, max_entries: int | None) -> None:
        released = []
        with self.lock:
            entries = self.by_function.setdefault(fkey, OrderedDict())
            old = entries.pop(key, None)
            if old is not None and old.value is not slot.value:
                released.append(old)
            entries[key] = slot
            while max_entries is not None and len(entries) > max_entries:
                released.append(entries.popitem(last=False)[1])
        for old in released:
            _release(old)

    def drop(self, fkey: str, key: str | None = None, only: _Slot | None = None) -> None:
        released = []
        with self.lock:
            entries = self.by_function.get(fkey)
            if entries is None:
                return
            if key is None:
                released = list(entries.values())
                entries.clear()
            elif only is None or entries.get(key) is only:
                slot = entries.pop(key, None)
                if slot is not None:
                    released.append(slot)
        for slot in released:
            _release(slot)

    def clear(self) -> None:
        with self.lock:
            released = [slot for entries in self.by_function.values() for slot in entries.values()]
            self.by_function.clear()
        for slot in released:
            _release(slot)


def _release(slot: _Slot) -> None:
    if slot.on_release is None:
        return
    try:
        slot.on_release(slot.value)
    except Exception as exc:  # a failing cleanup must not break the app
        warn_once("resource", f"on_release:{id(slot.on_release)}", f"on_release raised {type(exc).__name__}: {exc}")


_resources = _Resources()


class ResourceCachedFunc(CachedFunc):
    """A function cached by ``st.cache_resource``; see :class:`CacheResourceAPI`."""

    _kind = "resource"

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        ttl: float | None,
        max_entries: int | None,
        show_spinner: bool | str,
        show_time: bool,
        validate: Callable[[Any], bool] | None,
        hash_funcs: HashFuncs | None,
        on_release: Callable[[Any], Any] | None,
    ) -> None:
        super().__init__(func, hash_funcs)
        self._ttl = ttl
        self._max_entries = max_entries
        self._show_spinner = show_spinner
        self._show_time = show_time
        self._validate = validate
        self._on_release = on_release

    def _lookup(self, key: str) -> _Slot | None:
        slot = _resources.get(self._fkey, key)
        if slot is not None and self._validate is not None and not self._validate(slot.value):
            _resources.drop(self._fkey, key, only=slot)
            return None
        return slot

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ctx = current_run_context()
        key = self._key(args, kwargs)
        if key is None:
            return self._func(*args, **kwargs)
        slot = self._lookup(key)
        if slot is not None:
            replay(ctx, slot.elements)
            return slot.value
        with spinner(ctx, self._show_spinner, self._show_time, self._name):
            with _resources.locks.hold(key, ctx):
                slot = self._lookup(key)
                if slot is not None:
                    replay(ctx, slot.elements)
                    return slot.value
                with capture_elements(ctx, self._name) as elements:
                    value = self._func(*args, **kwargs)
                expires = time.monotonic() + self._ttl if self._ttl is not None else None
                _resources.put(self._fkey, key, _Slot(value, expires, elements, self._on_release), self._max_entries)
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Forget every cached object of this function, or, given arguments,
        the one object for those arguments (``on_release`` is called)."""
        if not args and not kwargs:
            _resources.drop(self._fkey)
            return
        key = self._key(args, kwargs)
        if key is None:
            raise StreamlitAPIException(
                f"{self._name}.clear() got arguments that do not match the function's signature."
            )
        _resources.drop(self._fkey, key)


class CacheResourceAPI:
    """Decorator that keeps one shared object per set of arguments, shown as
    ``st.cache_resource``.

    Use it for things that should be made once and shared, not copied:
    database connections, ML models, HTTP clients. The object lives in memory
    and every session and rerun of the process gets the same one. A lock per
    key makes sure two runs that need the same object at the same time build
    it only once.

    Parameters
    ----------
    func:
        The function (when used as ``@st.cache_resource`` without parentheses).
    ttl:
        How long an object is kept: seconds, a ``timedelta`` or a string such
        as ``"1h"``. None: until cleared.
    max_entries:
        Keep at most this many objects of the function; the least recently
        used go.
    show_spinner, show_time:
        As for ``st.cache_data``.
    validate:
        Called with the cached object on every hit; a false result drops it
        and builds a new one (e.g. a connection that was closed).
    hash_funcs:
        As for ``st.cache_data``.
    on_release:
        Called with an object when it is dropped (ttl, max_entries, validate,
        clear), to close it.
    scope, refresh_mode:
        Accepted with their default values only (``"global"``, ``"foreground"``);
        other values raise an error saying so.
    experimental_allow_widgets:
        Accepted and ignored, as for ``st.cache_data``.

    ``st.cache_resource.clear()`` drops every cached object.
    """

    @overload
    def __call__(self, func: F) -> F: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: Any = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None,
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
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
        refresh_mode: str = "foreground",
        experimental_allow_widgets: bool = False,
    ) -> Any:
        ttl_seconds = parse_ttl(ttl)
        max_entries = check_max_entries(max_entries)
        show_spinner = check_show_spinner(show_spinner)
        hash_funcs = check_hash_funcs(hash_funcs)
        check_common(scope, refresh_mode)
        for name, value in (("validate", validate), ("on_release", on_release)):
            if value is not None and not callable(value):
                raise StreamlitAPIException(f"{name} must be a function of one argument (the cached object).")

        def decorate(f: Callable[..., Any]) -> ResourceCachedFunc:
            return ResourceCachedFunc(
                f,
                ttl=ttl_seconds,
                max_entries=max_entries,
                show_spinner=show_spinner,
                show_time=bool(show_time),
                validate=validate,
                hash_funcs=hash_funcs,
                on_release=on_release,
            )

        return decorate if func is None else decorate(func)

    def clear(self) -> None:
        """Drop every cached object of the process (``on_release`` is called)."""
        _resources.clear()

    def __repr__(self) -> str:
        return "st.cache_resource"


cache_resource = CacheResourceAPI()

