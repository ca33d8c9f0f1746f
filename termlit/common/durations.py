"""How long something is kept: the ``ttl`` of ``st.cache_data``,
``st.cache_resource``, ``st.connection`` and ``conn.query``."""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

from termlit.errors import StreamlitAPIException

__all__ = ["parse_ttl"]

_UNITS = {
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
_PART = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([a-zA-Z]+)\s*,?")


def parse_ttl(ttl: Any) -> float | None:
    """Seconds from ``ttl``: None (never expires), a number of seconds, a
    timedelta, or a string such as ``"1h"``, ``"30 minutes"``, ``"1d 12h"``.
    An infinite ttl is None too."""
    if ttl is None:
        return None
    if isinstance(ttl, bool):
        raise StreamlitAPIException(f"ttl must be seconds, a timedelta or a string like '1h', not {ttl!r}.")
    if isinstance(ttl, _dt.timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, (int, float)):
        seconds = float(ttl)
    elif isinstance(ttl, str):
        seconds = _parse_text(ttl)
    else:
        raise StreamlitAPIException(
            f"ttl must be seconds, a datetime.timedelta or a string like '1h', not {type(ttl).__name__}."
        )
    if math.isnan(seconds) or seconds < 0:
        raise StreamlitAPIException(f"ttl cannot be negative (got {ttl!r}).")
    if math.isinf(seconds):
        return None
    return seconds


def _parse_text(ttl: str) -> float:
    text = ttl.strip()
    seconds, pos, ok = 0.0, 0, bool(text)
    while ok and pos < len(text):
        match = _PART.match(text, pos)
        ok = match is not None and match.group(2).lower() in _UNITS
        if ok:
            seconds += float(match.group(1)) * _UNITS[match.group(2).lower()]
            pos = match.end()
    if not ok:
        raise StreamlitAPIException(
            f"Cannot read ttl={ttl!r}. Give seconds (ttl=3600), a datetime.timedelta, or "
            "a string of numbers with units such as '90s', '30m', '1h', '1d 12h' or '2 weeks'."
        )
    return seconds
