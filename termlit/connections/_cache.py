"""Small in-memory caches for connections and query results.

Connections are shared objects (like ``cache_resource``): one per name, type
and parameters, optionally bounded by ``ttl`` and ``max_entries``. Query
results are kept per connection (like ``cache_data``: the caller gets a copy)
and expire after their ``ttl``.
"""

from __future__ import annotations

import datetime as _dt
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from termlit.errors import StreamlitAPIException

__all__ = ["TTLCache", "freeze", "ttl_seconds"]

V = TypeVar("V")

_UNITS = {
    "ms": 0.001,
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "m": 60.0,
    "min": 60.0,
    "minute": 60.0,
    "minutes": 60.0,
    "h": 3600.0,
    "hour": 3600.0,
    "hours": 3600.0,
    "d": 86400.0,
    "day": 86400.0,
    "days": 86400.0,
    "w": 604800.0,
    "week": 604800.0,
    "weeks": 604800.0,
}
_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*", re.IGNORECASE)


def ttl_seconds(ttl: Any, what: str = "ttl") -> float | None:
    """Seconds from a number, a ``timedelta`` or a string like ``"1h30m"``;
    ``None`` means "never expires"."""
    if ttl is None:
        return None
    if isinstance(ttl, bool):
        raise StreamlitAPIException(f"{what} must be a number of seconds, a timedelta or a string like '10m', not {ttl!r}.")
    if isinstance(ttl, (int, float)):
        if ttl < 0:
            raise StreamlitAPIException(f"{what} cannot be negative (got {ttl}).")
        return float(ttl)
    if isinstance(ttl, _dt.timedelta):
        return max(ttl.total_seconds(), 0.0)
    if isinstance(ttl, str):
        text = ttl.strip().lower()
        pos, total = 0, 0.0
        for found in _PART.finditer(text):
            if found.start() != pos or found.group(2) not in _UNITS:
                break
            total += float(found.group(1)) * _UNITS[found.group(2)]
            pos = found.end()
        else:
            if pos == len(text) and pos > 0:
                return total
        raise StreamlitAPIException(
            f"{what}={ttl!r} is not a duration termlit understands. Use seconds (60), "
            "a datetime.timedelta, or a string such as '30s', '10m', '1h30m' or '1d'."
        )
    raise StreamlitAPIException(
        f"{what} must be a number of seconds, a timedelta or a string like '10m', not {type(ttl).__name__}."
    )


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

    def pop(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def get_or_create(self, key: Hashable, create: Callable[[], V], ttl: float | None) -> V:
        found, value = self.get(key)
        if found:
            return value  # type: ignore[return-value]
        value = create()
        self.set(key, value, ttl)
        return value
