"""``st.cache_resource``: one shared object per key, kept in memory."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from termlit.caching._errors import warn_once
from termlit.caching._func import CachedFunc, decorator
from termlit.caching._hashing import HashFuncs
from termlit.caching._options import CacheOptions
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import RunContext
from termlit.runtime.tree import Element

__all__ = ["CacheResourceAPI", "ResourceCachedFunc", "cache_resource"]

@dataclass(slots=True)
class _Slot:
    """One shared object, with what its function showed."""

    value: Any
    expires: float | None
    elements: list[Element]
    on_release: Callable[[Any], Any] | None


class _Resources:
    """Every cached resource of the process, by function key then argument key."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_function: dict[str, OrderedDict[str, _Slot]] = {}

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

    kind = "resource"

    def __init__(
        self,
        func: Callable[..., Any],
        options: CacheOptions,
        *,
        validate: Callable[[Any], bool] | None,
        on_release: Callable[[Any], Any] | None,
    ) -> None:
        super().__init__(func, options)
        self._validate = validate
        self._on_release = on_release

    def _lookup(self, ctx: RunContext | None, key: str) -> tuple[Any, list[Element]] | None:
        slot = _resources.get(self._fkey, key)
        if slot is None:
            return None
        if self._validate is not None and not self._validate(slot.value):
            _resources.drop(self._fkey, key, only=slot)
            return None
        return slot.value, slot.elements

    def _save(self, ctx: RunContext | None, key: str, value: Any, elements: list[Element]) -> None:
        ttl = self._options.ttl
        expires = time.monotonic() + ttl if ttl is not None else None
        slot = _Slot(value, expires, elements, self._on_release)
        _resources.put(self._fkey, key, slot, self._options.max_entries)

    def _forget(self, ctx: RunContext | None, key: str | None) -> None:
        """``on_release`` is called with each object dropped."""
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
        options = CacheOptions.read(
            ttl=ttl, max_entries=max_entries, show_spinner=show_spinner, show_time=show_time,
            hash_funcs=hash_funcs, scope=scope, refresh_mode=refresh_mode,
        )
        for name, value in (("validate", validate), ("on_release", on_release)):
            if value is not None and not callable(value):
                raise StreamlitAPIException(f"{name} must be a function of one argument (the cached object).")
        return decorator(func, lambda f: ResourceCachedFunc(f, options, validate=validate, on_release=on_release))

    def clear(self) -> None:
        """Drop every cached object of the process (``on_release`` is called)."""
        _resources.clear()

    def __repr__(self) -> str:
        return "st.cache_resource"


cache_resource = CacheResourceAPI()

