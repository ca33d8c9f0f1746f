"""Dates and times for widgets: Streamlit's format strings, parsing, conversion.

Streamlit describes date formats with moment.js-style tokens (``YYYY/MM/DD``,
``HH:mm``, ``MMM D``...). :func:`format_moment` renders a value with such a
string; :func:`parse_date` / :func:`parse_time` / :func:`parse_datetime` read
what a user types (the widget's own format, or ISO 8601). Shared by the
element functions and the terminal widgets; no Textual here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

__all__ = [
    "DATE_INPUT_FORMATS",
    "date_order",
    "format_moment",
    "from_number",
    "parse_date",
    "parse_datetime",
    "parse_time",
    "to_number",
]

_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

#: Longest tokens first, so ``MMMM`` wins over ``MM``.
_TOKEN = re.compile(
    r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|A|a"
)

#: The formats st.date_input accepts: day, month, year in one of three orders,
#: separated by "/", "-" or ".".
DATE_INPUT_FORMATS = [
    f"{a}{sep}{b}{sep}{c}"
    for a, b, c in (("YYYY", "MM", "DD"), ("DD", "MM", "YYYY"), ("MM", "DD", "YYYY"))
    for sep in "/-."
]


def format_moment(value: Any, fmt: str) -> str:
    """``value`` (a date, time or datetime) shown with a moment-style ``fmt``."""

    def token(match: re.Match[str]) -> str:
        t = match.group(0)
        if t.startswith("["):
            return t[1:-1]
        year = getattr(value, "year", None)
        if t == "YYYY" and year is not None:
            return f"{year:04d}"
        if t == "YY" and year is not None:
            return f"{year % 100:02d}"
        month = getattr(value, "month", None)
        if month is not None:
            if t == "MMMM":
                return _MONTHS[month - 1]
            if t == "MMM":
                return _MONTHS[month - 1][:3]
            if t == "MM":
                return f"{month:02d}"
            if t == "M":
                return str(month)
        day = getattr(value, "day", None)
        if day is not None:
            if t == "DD":
                return f"{day:02d}"
            if t == "D":
                return str(day)
            if t in ("dddd", "ddd"):
                name = _DAYS[value.weekday()]
                return name if t == "dddd" else name[:3]
        hour = getattr(value, "hour", None)
        if hour is not None:
            if t == "HH":
                return f"{hour:02d}"
            if t == "H":
                return str(hour)
            if t in ("hh", "h"):
                h12 = hour % 12 or 12
                return f"{h12:02d}" if t == "hh" else str(h12)
            if t == "mm":
                return f"{value.minute:02d}"
            if t == "m":
                return str(value.minute)
            if t == "ss":
                return f"{value.second:02d}"
            if t == "s":
                return str(value.second)
            if t == "A":
                return "AM" if hour < 12 else "PM"
            if t == "a":
                return "am" if hour < 12 else "pm"
        return t

    return _TOKEN.sub(token, fmt)


def date_order(fmt: str) -> str:
    """"YMD", "DMY" or "MDY": the order of the fields in a date_input format."""
    letters = [t[0] for t in re.findall(r"YYYY|MM|DD", fmt)]
    return "".join(letters) if len(letters) == 3 else "YMD"


def parse_date(text: str, order: str = "YMD") -> date:
    """A date typed as ISO (2024-05-31) or in ``order`` (31/05/2024 for DMY).

    Raises ValueError when the text is not a date.
    """
    parts = [p for p in re.split(r"[^0-9]+", text.strip()) if p]
    if len(parts) != 3:
        raise ValueError(f"{text!r} is not a date")
    if len(parts[0]) == 4:  # ISO, whatever the widget's format
        order = "YMD"
    fields = dict(zip(order, (int(p) for p in parts)))
    return date(fields["Y"], fields["M"], fields["D"])


_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?\s*([aApP][mM])?\s*$")


def parse_time(text: str) -> time:
    """A time typed as ``HH:MM``, ``HH:MM:SS``, ``H`` or ``h:mm pm``."""
    match = _TIME.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a time")
    hour, minute, second = (int(g) if g else 0 for g in match.groups()[:3])
    suffix = (match.group(4) or "").lower()
    if suffix:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text!r} is not a time")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    return time(hour, minute, second)


def parse_datetime(text: str, order: str = "YMD") -> datetime:
    """A date and a time separated by a space or a ``T`` (the time may be left out)."""
    text = text.strip()
    pieces = re.split(r"[ T]+", text, maxsplit=1)
    day = parse_date(pieces[0], order)
    moment = parse_time(pieces[1]) if len(pieces) > 1 else time(0, 0)
    return datetime.combine(day, moment)


# -- numbers, for sliders ---------------------------------------------------------

_EPOCH = datetime(1970, 1, 1)


def to_number(value: Any, kind: str) -> float:
    """A date (days), time (seconds since midnight) or datetime (seconds) as a number."""
    if kind == "date":
        return float(value.toordinal())
    if kind == "time":
        return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    if kind == "datetime":
        naive = value.replace(tzinfo=None)
        return (naive - _EPOCH).total_seconds()
    return value


def from_number(number: float, kind: str, like: Any = None) -> Any:
    """The inverse of :func:`to_number`; ``like`` lends its tzinfo to datetimes."""
    if kind == "date":
        return date.fromordinal(int(round(number)))
    if kind == "time":
        total = int(round(number))
        total = min(max(total, 0), 86399)
        return time(total // 3600, total % 3600 // 60, total % 60)
    if kind == "datetime":
        result = _EPOCH + timedelta(seconds=round(number, 6))
        tz = getattr(like, "tzinfo", None)
        return result.replace(tzinfo=tz) if tz is not None else result
    return number


def step_number(step: timedelta, kind: str) -> float:
    """A timedelta step as a number in the units of :func:`to_number`."""
    seconds = step.total_seconds()
    return seconds / 86400 if kind == "date" else seconds
