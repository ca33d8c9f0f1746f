"""What ``cache_data`` and ``cache_resource`` share: ttl parsing, a lock per
key, the spinner, and capturing the elements a function shows."""

from __future__ import annotations

import datetime as _dt
import math
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from termlit.caching._errors import warn_once
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import RunContext
from termlit.runtime.tree import Element, snapshot

__all__ = [
    "KeyLocks",
    "capture_elements",
    "check_max_entries",
    "check_show_spinner",
    "parse_ttl",
    "replay",
    "spinner",
]

_TTL_UNITS = {
    "ms": 0.001,
    "millisecond": 0.001,
    "milliseconds": 0.001,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "w": 604800,
    "week": 604800,
    "weeks": 604800,
}
_TTL_PART = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([a-zA-Z]+)\s*,?")


def parse_ttl(ttl: Any) -> float | None:
    """Seconds from ``ttl``: None (never expires), a number of seconds, a
    timedelta, or a string such as ``"1h"``, ``"30 minutes"``, ``"1d 12h"``."""
    if ttl is None:
        return None
    if isinstance(ttl, bool):
        raise StreamlitAPIException(f"ttl must be seconds, a timedelta or a string like '1h', not {ttl!r}.")
    if isinstance(ttl, _dt.timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, (int, float)):
        seconds = float(ttl)
    elif isinstance(ttl, str):
        text = ttl.strip()
        seconds, pos, ok = 0.0, 0, bool(text)
        while ok and pos < len(text):
            match = _TTL_PART.match(text, pos)
            ok = match is not None and match.group(2).lower() in _TTL_UNITS
            if ok:
                seconds += float(match.group(1)) * _TTL_UNITS[match.group(2).lower()]
                pos = match.end()
        if not ok:
            raise StreamlitAPIException(
                f"Cannot read ttl={ttl!r}. Give seconds (ttl=3600), a datetime.timedelta, or "
                "a string of numbers with units such as '90s', '30m', '1h', '1d 12h' or '2 weeks'."
            )
    else:
        raise StreamlitAPIException(
            f"ttl must be seconds, a datetime.timedelta or a string like '1h', not {type(ttl).__name__}."
        )
    if math.isnan(seconds) or seconds < 0:
        raise StreamlitAPIException(f"ttl cannot be negative (got {ttl!r}).")
    if math.isinf(seconds):
        return None
    return seconds


def check_max_entries(max_entries: Any) -> int | None:
    if max_entries is None:
        return None
    if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 0:
        raise StreamlitAPIException(
            f"max_entries must be a whole number of entries (or None for no limit), not {max_entries!r}."
        )
    return max_entries


def check_show_spinner(show_spinner: Any) -> bool | str:
    if isinstance(show_spinner, (bool, str)):
        return show_spinner
    raise StreamlitAPIException(
        f"show_spinner must be True, False or the text to show, not {type(show_spinner).__name__}."
    )


def check_hash_funcs(hash_funcs: Any) -> dict | None:
    if hash_funcs is None:
        return None
    if not isinstance(hash_funcs, dict):
        raise StreamlitAPIException(
            "hash_funcs must be a dict mapping a type (or its qualified name, e.g. "
            "'mymodule.MyClass') to a function returning something hashable."
        )
    for key, func in hash_funcs.items():
        if not isinstance(key, (type, str)) or not callable(func):
            raise StreamlitAPIException(
                f"hash_funcs entry {key!r}: keys must be types or qualified type names and "
                "values functions of one argument."
            )
    return dict(hash_funcs)


def check_common(scope: str, refresh_mode: str) -> None:
    if scope != "global":
        raise StreamlitAPIException(
            f"scope={scope!r} is not supported by termlit yet: cached values are shared by "
            "every session of the process (scope='global')."
        )
    if refresh_mode != "foreground":
        raise StreamlitAPIException(
            f"refresh_mode={refresh_mode!r} is not supported by termlit yet: an expired entry "
            "is recomputed when it is next asked for (refresh_mode='foreground')."
        )


# -- a lock per key ------------------------------------------------------------------


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


# -- the spinner ---------------------------------------------------------------------


@contextmanager
def spinner(ctx: RunContext | None, show_spinner: bool | str, show_time: bool, name: str) -> Iterator[None]:
    """Show a spinner element while a miss computes (inside a run only)."""
    if not show_spinner or ctx is None or ctx.bare:
        yield
        return
    text = show_spinner if isinstance(show_spinner, str) else f"Running {name}(...)."
    _element, slot = ctx.emit("spinner", {"text": text, "show_time": bool(show_time)})
    try:
        yield
    finally:
        ctx.clear(slot)  # never raises for a stop request; the slot goes when last


# -- elements a cached function shows ------------------------------------------------


@contextmanager
def capture_elements(ctx: RunContext | None, func_name: str) -> Iterator[list[Element]]:
    """Collect what the block shows in the active container, as it stands
    when the block ends (placeholders filled in, spinners cleared). Widgets
    are left out: they cannot be replayed."""
    captured: list[Element] = []
    if ctx is None or ctx.bare:
        yield captured
        return
    base = ctx.target
    start = len(base.children) if isinstance(base, Element) and base.children is not None else None
    widgets_before = set(ctx.widget_ids)
    with ctx.record() as recorded:
        yield captured
    elements = list(base.children[start:]) if start is not None else list(recorded)
    new_widgets = ctx.widget_ids - widgets_before
    if new_widgets:
        warn_once(
            "widgets",
            func_name,
            f"{func_name}() shows a widget, but it is cached: on later calls its result comes "
            "from the cache, the widget is not shown and its value is not read again. Create "
            "the widget outside the cached function and pass its value in as an argument.",
        )
    captured.extend(_without(elements, new_widgets))


def _without(elements: list[Element], widget_ids: set[str]) -> list[Element]:
    kept = []
    for element in elements:
        if element.id in widget_ids or element.kind == "spinner":
            continue
        copy = snapshot(element)
        if copy.children is not None:
            copy.children = _without(copy.children, widget_ids)
        kept.append(copy)
    return kept


def replay(ctx: RunContext | None, elements: list[Element]) -> None:
    if elements and ctx is not None and not ctx.bare:
        ctx.replay(elements)


def qualname(func: Callable[..., Any]) -> str:
    return getattr(func, "__qualname__", getattr(func, "__name__", repr(func)))
