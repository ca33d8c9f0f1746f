"""Dates and times: ``st.date_input``, ``st.time_input`` and
``st.datetime_input``. Values may be given as objects, ISO strings, or
"today"/"now"; ``format`` orders the date parts as Streamlit's does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from termlit.common.timefmt import DATE_INPUT_FORMATS, date_order, parse_date, parse_datetime, parse_time
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.errors import StreamlitAPIException

__all__ = ["date_input", "datetime_input", "time_input"]


def _as_date(where: str, name: str, v: Any, order: str = "YMD") -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        if v == "today":
            return date.today()
        try:
            return parse_date(v, order)
        except ValueError:
            pass
    raise StreamlitAPIException(
        f"{where}: {name}={v!r} is not a date. Use a datetime.date, "
        "'today', or an ISO string like '2024-05-31'."
    )


def _date_order(where: str, format: str) -> str:
    """The order of the date parts in ``format`` ("YMD", "DMY" or "MDY")."""
    if format not in DATE_INPUT_FORMATS:
        raise StreamlitAPIException(
            f"{where}: format={format!r} is not supported. Use YYYY, MM and DD "
            "in one of the orders YYYY/MM/DD, DD/MM/YYYY, MM/DD/YYYY, separated by '/', '-' "
            "or '.', e.g. format='DD.MM.YYYY'."
        )
    return date_order(format)


def _check_bounds(where: str, low: Any, high: Any, values: list[Any]) -> None:
    if low is not None and high is not None and low > high:
        raise StreamlitAPIException(
            f"{where}: min_value ({low}) is after max_value ({high}). Swap them."
        )
    for v in values:
        if v is None:
            continue
        if (low is not None and v < low) or (high is not None and v > high):
            raise StreamlitAPIException(
                f"{where}: the value {v} is outside {low}..{high}. Pass a value "
                "between min_value and max_value, or widen them."
            )


def _within(low: Any, high: Any, convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The check for a remembered value: None, or ``convert(value)`` within ``low..high``."""

    def coerce(value: Any) -> Any:
        if value is None:
            return None
        converted = convert(value)
        if not low <= converted <= high:
            raise ValueError("out of bounds")
        return converted

    return coerce


def _years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


@api
def date_input(
    label: str, value: Any = "today", min_value: Any = None, max_value: Any = None,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    format: str = "YYYY/MM/DD", disabled: bool = False, required: bool = False, label_visibility: str = "visible",
    width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> Any:
    """A date field: ←/→ a day, ↑/↓ a week, PgUp/PgDn a month, or type a date
    and press Enter. A list/tuple ``value`` makes it a range (two fields).
    Returns a ``date``, a tuple of dates, or None."""
    common = WidgetArgs("date_input", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    where = common.where
    order = _date_order(where, format)
    is_range = isinstance(value, (list, tuple))
    if is_range:
        if len(value) > 2:
            raise StreamlitAPIException(
                f"{where}: a range value holds at most two dates, got {len(value)}."
            )
        default: Any = tuple(_as_date(where, "value", v, order) for v in value)
        if any(d is None for d in default):
            default = tuple(d for d in default if d is not None)
        if len(default) == 2 and default[0] > default[1]:
            raise StreamlitAPIException(
                f"{where}: the range starts ({default[0]}) after it ends ({default[1]}). "
                "Swap the two dates."
            )
        values = list(default)
    else:
        default = _as_date(where, "value", value, order)
        values = [default]
    low = _as_date(where, "min_value", min_value, order)
    high = _as_date(where, "max_value", max_value, order)
    anchor = values[0] if values and values[0] is not None else date.today()
    if low is None:
        low = _years(min(anchor, high) if high else anchor, -10)
    if high is None:
        high = _years(max([v for v in values if v is not None] or [anchor]), 10)
    _check_bounds(where, low, high, values)

    def dates(v: Any) -> tuple[date, ...]:
        items = [_as_date(where, "value", i) for i in (v or ())]
        if len(items) > 2 or any(i is None or not low <= i <= high for i in items):
            raise ValueError("bad range")
        return tuple(sorted(items))

    coerce = dates if is_range else _within(low, high, lambda v: _as_date(where, "value", v))

    return widget(
        common,
        default=default,
        props={
            "min": low, "max": high, "format": format, "range": is_range,
            "clearable": is_range or default is None, "required": bool(required),
        },
        params={
            "value": value if isinstance(value, str) else default, "min": min_value, "max": max_value,
            "format": format, "help": help,
        },
        key_params=("min", "max"),
        coerce=coerce,
    )


def _step_arg(where: str, step: Any) -> timedelta:
    if isinstance(step, timedelta):
        seconds = step.total_seconds()
    elif isinstance(step, int) and not isinstance(step, bool):
        seconds = step
    else:
        raise StreamlitAPIException(
            f"{where}: step must be an int (seconds) or a datetime.timedelta, "
            f"got {type(step).__name__} {step!r}."
        )
    if not 60 <= seconds <= 23 * 3600:
        raise StreamlitAPIException(
            f"{where}: step must be between 60 seconds (1 minute) and 23 hours, "
            f"got {seconds:g} seconds."
        )
    return timedelta(seconds=seconds)


def _as_time(where: str, v: Any) -> time | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.time().replace(microsecond=0)
    if isinstance(v, time):
        return v
    if isinstance(v, str):
        if v == "now":
            return datetime.now().time().replace(second=0, microsecond=0)
        try:
            return parse_time(v)
        except ValueError:
            pass
    raise StreamlitAPIException(
        f"{where}: value={v!r} is not a time. Use a datetime.time, 'now', "
        "or a string like '14:30'."
    )


@api
def time_input(
    label: str, value: Any = "now", key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    disabled: bool = False, required: bool = False, label_visibility: str = "visible",
    step: int | timedelta = timedelta(minutes=15), format: str = "24h", width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> time | None:
    """A time field: ←/→ one ``step``, ↑/↓ an hour, or type ``HH:MM`` and
    press Enter. Returns a ``time`` or None."""
    common = WidgetArgs("time_input", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    where = common.where
    step_td = _step_arg(where, step)
    if format not in ("12h", "24h", "localized"):
        raise StreamlitAPIException(
            f"{where}: format must be '12h', '24h' or 'localized', got {format!r}."
        )
    default = _as_time(where, value)

    def coerce(v: Any) -> Any:
        return None if v is None else _as_time(where, v)

    return widget(
        common,
        default=default,
        props={"step": step_td, "format": format, "clearable": default is None, "required": bool(required)},
        params={"value": value if isinstance(value, str) else default, "step": step_td, "help": help},
        key_params=("step",),
        coerce=coerce,
    )


def _as_datetime(where: str, name: str, v: Any, order: str = "YMD") -> datetime | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.replace(microsecond=0)
    if isinstance(v, date):
        return datetime.combine(v, time(0, 0))
    if isinstance(v, time):
        return datetime.combine(date.today(), v)
    if isinstance(v, str):
        if v == "now":
            return datetime.now().replace(second=0, microsecond=0)
        if v == "today":
            return datetime.combine(date.today(), time(0, 0))
        try:
            return parse_datetime(v, order)
        except ValueError:
            pass
    raise StreamlitAPIException(
        f"{where}: {name}={v!r} is not a date and time. Use a datetime.datetime, "
        "'now', or an ISO string like '2024-05-31 14:30'."
    )


@api
def datetime_input(
    label: str, value: Any = "now", min_value: Any = None, max_value: Any = None, *,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    format: str = "YYYY/MM/DD", step: int | timedelta = timedelta(minutes=15), disabled: bool = False,
    required: bool = False, label_visibility: str = "visible", width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> datetime | None:
    """A date-and-time field: ←/→ one ``step``, ↑/↓ a day, PgUp/PgDn a month,
    or type ``2024/05/31 14:30`` and press Enter. Returns a ``datetime`` or None."""
    common = WidgetArgs("datetime_input", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    where = common.where
    order = _date_order(where, format)
    step_td = _step_arg(where, step)
    default = _as_datetime(where, "value", value, order)
    low = _as_datetime(where, "min_value", min_value, order)
    high = _as_datetime(where, "max_value", max_value, order)
    anchor = default or datetime.now().replace(second=0, microsecond=0)
    if low is None:
        low = datetime.combine(_years(anchor.date(), -10), time(0, 0), tzinfo=anchor.tzinfo)
    if high is None:
        high = datetime.combine(_years(anchor.date(), 10), time(23, 59), tzinfo=anchor.tzinfo)
    try:
        _check_bounds(where, low, high, [default])
    except TypeError:
        raise StreamlitAPIException(
            f"{where}: value, min_value and max_value mix datetimes with and "
            "without a time zone. Use one kind for all three."
        ) from None

    coerce = _within(low, high, lambda v: _as_datetime(where, "value", v))
    return widget(
        common,
        default=default,
        props={
            "min": low, "max": high, "format": format, "step": step_td, "clearable": default is None,
            "required": bool(required),
        },
        params={
            "value": value if isinstance(value, str) else default, "min": min_value, "max": max_value,
            "format": format, "step": step_td, "help": help,
        },
        key_params=("min", "max", "step"),
        coerce=coerce,
    )
