"""Errors and warnings of the cache layer.

Class names follow Streamlit's, so ``except`` clauses written for Streamlit
keep working.
"""

from __future__ import annotations

import threading
import warnings

from termlit.errors import StreamlitAPIException, StreamlitAPIWarning
from termlit.runtime.context import current_run_context

__all__ = [
    "CacheWarning",
    "UnhashableParamError",
    "UnserializableReturnValueError",
    "warn_once",
]


class UnhashableParamError(StreamlitAPIException):
    """An argument of a cached function cannot be turned into a cache key."""


class UnserializableReturnValueError(StreamlitAPIException):
    """``cache_data`` cannot store what the function returned (it cannot be pickled)."""


class CacheWarning(StreamlitAPIWarning):
    """The cache could not do something and fell back safely (recomputed,
    kept an entry in memory only...). The app keeps working."""


_reported: set[tuple[str, str]] = set()
_reported_lock = threading.Lock()


def warn_once(scope: str, topic: str, message: str) -> None:
    """Warn about ``topic`` once per ``scope`` (a cache folder) and process.

    The warning goes through :mod:`warnings` and, inside a run, is also shown
    in the app as a toast (a terminal UI hides what is written to stderr)."""
    with _reported_lock:
        if (scope, topic) in _reported:
            return
        _reported.add((scope, topic))
    warnings.warn(message, CacheWarning, stacklevel=3)
    _toast(message)


def _toast(message: str) -> None:
    ctx = current_run_context()
    if ctx is None or ctx.bare or ctx.requested is not None:
        return
    try:
        ctx.emit("toast", {"body": f"Cache: {message}", "icon": "⚠", "seconds": 10, "run": ctx.run_id})
    except Exception:  # showing the warning must never break the run
        pass


def forget_reports() -> None:
    """Let every warning be given again (tests)."""
    with _reported_lock:
        _reported.clear()
