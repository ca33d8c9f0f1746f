"""``st.slider``: over ints, floats, dates, times or datetimes; a ``(low,
high)`` value makes it a range."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from termlit.elements._checks import number_kind
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.errors import StreamlitAPIException

__all__ = ["slider"]

_TEMPORAL_FORMATS = {"date": "YYYY-MM-DD", "time": "HH:mm", "datetime": "YYYY-MM-DD HH:mm"}
_TEMPORAL_TYPES = {"date": date, "time": time, "datetime": datetime}


@api
def slider(
    label: str, min_value: Any = None, max_value: Any = None, value: Any = None, step: Any = None,
    format: str | None = None, key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    disabled: bool = False, label_visibility: str = "visible", width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> Any:
    """A slider over ints, floats, dates, times or datetimes; a ``(low, high)``
    value makes it a range."""
    common = WidgetArgs("slider", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise StreamlitAPIException(
            f"{common.where}: a range value needs exactly two numbers, got {len(value)}."
        )
    values = list(value) if is_range else [value]
    temporal = _temporal_kind(common, [min_value, max_value, *values])
    if temporal is None:
        return _number_slider(common, min_value, max_value, values, is_range=is_range, step=step, format=format)
    return _temporal_slider(common, temporal, min_value, max_value, values, is_range=is_range, step=step, format=format)


def _number_slider(
    common: WidgetArgs, min_value: Any, max_value: Any, values: list[Any], *,
    is_range: bool, step: Any, format: str | None,
) -> Any:
    """A slider over ints or floats, as the arguments are. As in Streamlit
    1.67, bounds given the wrong way round are swapped, and bounds that do not
    hold the value widen to hold it."""
    if values == [None]:
        values = [0 if min_value is None else min_value]
    as_type = number_kind(
        common.where, min_value=min_value, max_value=max_value, step=step,
        **{f"value[{i}]" if is_range else "value": v for i, v in enumerate(values)},
    )
    if as_type is int:
        low = 0 if min_value is None else int(min_value)
        high = 100 if max_value is None else int(max_value)
        step = 1 if step is None else int(step)
    else:
        low = 0.0 if min_value is None else float(min_value)
        high = 1.0 if max_value is None else float(max_value)
        step = 0.01 if step is None else float(step)
    if step <= 0:
        raise StreamlitAPIException(f"{common.where}: step must be positive, got {step}.")
    values = [None if v is None else as_type(v) for v in values]
    low, high, values = _widened(common, low, high, values)
    return _slider_widget(
        common, low, high, values, is_range=is_range, step=step, format=format, shown_format=format,
        number_type=as_type.__name__, convert=as_type,
    )


def _widened(common: WidgetArgs, low: Any, high: Any, values: list[Any]) -> tuple[Any, Any, list[Any]]:
    """The bounds in order and widened to hold the values, and a range's two
    values in order; equal bounds are an error."""
    if low > high:
        low, high = high, low
    given = [v for v in values if v is not None]
    if len(given) == 2 and given[0] > given[1]:
        values = [values[1], values[0]]
    if given:
        low, high = min(low, *given), max(high, *given)
    if low == high:
        raise StreamlitAPIException(
            f"{common.where}: min_value and max_value are both {low}. Give a range the slider can move in."
        )
    return low, high, values


def _temporal_kind(common: WidgetArgs, values: list[Any]) -> str | None:
    """"date", "time" or "datetime" when the slider's values are such; None for numbers."""
    kinds = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, datetime):
            kinds.add("datetime")
        elif isinstance(v, date):
            kinds.add("date")
        elif isinstance(v, time):
            kinds.add("time")
        else:
            kinds.add("number")
    if len(kinds) > 1 and kinds & {"date", "time", "datetime"}:
        raise StreamlitAPIException(
            f"{common.where} mixes value types ({', '.join(sorted(kinds))}). "
            "min_value, max_value and value must all be numbers, or all dates, or all "
            "times, or all datetimes."
        )
    kind = kinds.pop() if kinds else None
    return None if kind in (None, "number") else kind


def _temporal_slider(
    common: WidgetArgs, kind: str, min_value: Any, max_value: Any, values: list[Any], *,
    is_range: bool, step: Any, format: str | None,
) -> Any:
    """A slider over dates, times or datetimes (``kind``)."""
    if step is None:
        step = timedelta(minutes=15) if kind == "time" else timedelta(days=1)
    if not isinstance(step, timedelta):
        raise StreamlitAPIException(
            f"{common.where}: a {kind} slider needs step as a datetime.timedelta, "
            f"got {type(step).__name__} {step!r}; e.g. step=timedelta(days=1)."
        )
    if step <= timedelta(0):
        raise StreamlitAPIException(f"{common.where}: step must be positive, got {step}.")
    if kind == "time":
        low = min_value if min_value is not None else time.min
        high = max_value if max_value is not None else time(23, 59, 59)
    else:
        first = next((v for v in values if v is not None), None)
        last = next((v for v in reversed(values) if v is not None), None)
        around_low = first if first is not None else max_value
        around_high = last if last is not None else min_value
        if around_low is None:
            now = datetime.now().replace(second=0, microsecond=0)
            around_low = around_high = now if kind == "datetime" else now.date()
        low = min_value if min_value is not None else around_low - timedelta(days=14)
        high = max_value if max_value is not None else around_high + timedelta(days=14)
    try:
        low, high, values = _widened(common, low, high, values)
    except TypeError:
        raise StreamlitAPIException(
            f"{common.where}: cannot compare min_value {low!r} with max_value {high!r} "
            "(a datetime with a time zone and one without?). Use the same kind for both."
        ) from None
    as_type = _TEMPORAL_TYPES[kind]

    def checked(item: Any) -> Any:
        if not isinstance(item, as_type) or (kind == "date" and isinstance(item, datetime)):
            raise ValueError("type")
        return item

    return _slider_widget(
        common, low, high, values, is_range=is_range, step=step, format=format,
        shown_format=format or _TEMPORAL_FORMATS[kind], number_type=kind, convert=checked,
    )


def _slider_widget(
    common: WidgetArgs, low: Any, high: Any, values: list[Any], *, is_range: bool, step: Any, format: str | None,
    shown_format: str | None, number_type: str, convert: Callable[[Any], Any],
) -> Any:
    """The slider over ``low..high`` whose default is ``values`` (None: the
    ends); a remembered value is converted by ``convert``, and one outside
    the bounds gives way to the default, as in Streamlit.
    ``format`` is the user's (part of the identity), ``shown_format`` the one drawn."""
    if is_range:
        default: Any = tuple(v if v is not None else b for v, b in zip(values, (low, high)))
    else:
        default = values[0] if values[0] is not None else low

    def coerce(v: Any) -> Any:
        items = list(v) if is_range else [v]
        if len(items) != (2 if is_range else 1):
            raise ValueError("shape")
        out = [convert(i) for i in items]
        if not all(low <= i <= high for i in out):
            raise ValueError("outside the bounds")
        return tuple(sorted(out)) if is_range else out[0]

    return widget(
        common,
        default=default,
        props={
            "min": low, "max": high, "step": step, "format": shown_format,
            "number_type": number_type, "range": is_range,
        },
        params={"min": low, "max": high, "step": step, "value": default, "format": format, "help": common.help},
        key_params=("min", "max", "step"),
        coerce=coerce,
    )
