"""Small in-memory caches for connections and query results.

Connections are shared objects (like ``cache_resource``): one per name, type
and parameters, optionally bounded by ``ttl`` and ``max_entries``. Query
results are kept per connection (like ``cache_data``: the caller gets a copy)
and expire after their ``ttl``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

__all__ = ["TTLCache", "freeze"]

V = TypeVar("V")


def freeze(value: Any) -> Hashable:
    """A hashable stand-in for ``value`` (dicts, lists and sets included)."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted(((repr(k), freeze(v)) for k, v in value.items()))))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(freeze(v) for v in value))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(repr(v) for v in value)))
    try:
        hash(value)
    except TypeError:
        return ("id", type(value).__qualname__, id(value))
    return (type(value).__qualname__, value)


class TTLCache(Generic[V]):
    """A thread-safe mapping whose entries expire and which keeps at most
    ``max_entries`` (least recently used dropped first)."""

    def __init__(self, max_entries: int | None = None) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, float | None, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, max_age: float | None = None) -> tuple[bool, V | None]:
        """``(True, value)`` for a live entry; ``max_age`` (seconds) also
        refuses an entry made longer ago than that."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return False, None
            created, expires, value = entry
            now = time.monotonic()
            if expires is not None and now >= expires:
                del self._entries[key]
                return False, None
            if max_age is not None and now - created >= max_age:
                return False, None
            self._entries.move_to_end(key)
            return True, value

    def set(self, key: Hashable, value: V, ttl: float | None, max_entries: int | None = None) -> None:
        limit = max_entries if max_entries is not None else self.max_entries
        now = time.monotonic()
        expires = None if ttl is None else now + ttl
        with self._lock:
            self._entries[key] = (now, expires, value)
            self._entries.move_to_end(key)
            if limit is not None:
                while len(self._entries) > max(limit, 0):
                    self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
