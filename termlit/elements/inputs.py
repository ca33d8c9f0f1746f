"""More input widgets: toggle, radio, multiselect, select_slider, text_area,
date/time inputs, pills, segmented_control, feedback, download_button and
file_uploader.

Each function checks its arguments (a mistake raises
:class:`~termlit.errors.StreamlitAPIException` naming the widget, its label,
the problem and the fix), then goes through :func:`~termlit.elements._widget.widget`
for identity, state and callbacks. Return values follow Streamlit's.
"""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from termlit.elements._dg import api
from termlit.common.files import download_bytes
from termlit.common.values import find_index
from termlit.common.timefmt import (
    DATE_INPUT_FORMATS,
    date_order,
    parse_date,
    parse_datetime,
    parse_time,
)
from termlit.elements._widget import widget
from termlit.elements.widgets import boolean_widget, options_list, text_value
from termlit.errors import StreamlitAPIException

__all__ = [
    "UploadedFile",
    "date_input",
    "datetime_input",
    "download_button",
    "feedback",
    "file_uploader",
    "multiselect",
    "pills",
    "radio",
    "segmented_control",
    "select_slider",
    "text_area",
    "time_input",
    "toggle",
]


def _where(kind: str, label: str) -> str:
    return f"st.{kind}('{label}')"


def _labels(options: list[Any], format_func: Callable[[Any], Any] | None, kind: str, label: str) -> list[str]:
    if format_func is None:
        format_func = str
    if not callable(format_func):
        raise StreamlitAPIException(
            f"{_where(kind, label)}: format_func must be a function that turns an option "
            f"into its label, got {type(format_func).__name__}."
        )
    return [str(format_func(o)) for o in options]


def _index_arg(kind: str, label: str, index: Any, count: int) -> int | None:
    if index is None:
        return None
    if isinstance(index, bool) or not isinstance(index, int):
        raise StreamlitAPIException(
            f"{_where(kind, label)}: index must be an int or None, got {type(index).__name__} {index!r}."
        )
    if count and not 0 <= index < count:
        raise StreamlitAPIException(
            f"{_where(kind, label)}: index {index} is out of range for {count} options. "
            f"Use 0..{count - 1}, or index=None for no selection."
        )
    return index


# -- toggle ----------------------------------------------------------------------


@api
def toggle(
    label: str,
    value: bool = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> bool:
    """An on/off switch; Enter or Space flips it. Returns a bool."""
    return boolean_widget("toggle", label, value, key, help, on_change, args, kwargs, disabled, label_visibility)


# -- radio -----------------------------------------------------------------------


def _one_of(options: list[Any]) -> Callable[[Any], Any]:
    """A coerce function: a remembered value must still be one of the options."""

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        i = find_index(options, v)
        if i is None:
            raise ValueError("not an option")
        return options[i]

    return coerce


@api
def radio(
    label: str,
    options: Iterable[Any],
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    width: Any = "content",
) -> Any:
    """Pick one option, all shown at once: ↑/↓ (←/→) move, Enter or Space picks.
    Returns the option itself, or None."""
    opts = options_list(options)
    index = _index_arg("radio", label, index, len(opts))
    labels = _labels(opts, format_func, "radio", label)
    if captions is not None:
        if isinstance(captions, str):
            raise StreamlitAPIException(
                f"{_where('radio', label)}: captions must be a list of strings, one per option, "
                "not a single string."
            )
        captions = [str(c) for c in captions]
        if len(captions) != len(opts):
            raise StreamlitAPIException(
                f"{_where('radio', label)}: {len(captions)} captions for {len(opts)} options. "
                "Give one caption per option (use '' for none)."
            )
    default = opts[index] if (opts and index is not None) else None
    return widget(
        "radio",
        label=label,
        key=key,
        default=default,
        props={"options": opts, "labels": labels, "captions": captions, "horizontal": bool(horizontal)},
        params={"options": labels, "index": index, "help": help, "captions": captions},
        key_params=("options",),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=_one_of(opts),
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


# -- multiselect -----------------------------------------------------------------


def _default_list(kind: str, label: str, default: Any, opts: list[Any], accept_new: bool = False) -> list[Any]:
    """``default`` (None, one option, or a list of options) as a list of options."""
    if default is None:
        return []
    if isinstance(default, (list, tuple, set, frozenset)) or (
        hasattr(default, "tolist") and not isinstance(default, (str, bytes))
    ):
        items = list(default.tolist() if hasattr(default, "tolist") else default)
    else:
        items = [default]
    out = []
    for item in items:
        i = find_index(opts, item)
        if i is None:
            if accept_new and isinstance(item, str):
                out.append(item)
                continue
            raise StreamlitAPIException(
                f"{_where(kind, label)}: the default value {item!r} is not one of the options "
                f"{[*opts[:8], '...'] if len(opts) > 8 else opts}. Every default must be an option."
            )
        if not any(o is opts[i] for o in out):
            out.append(opts[i])
    return out


@api
def multiselect(
    label: str,
    options: Iterable[Any],
    default: Any | None = None,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    width: Any = "stretch",
) -> list[Any]:
    """Pick any number of options. Enter opens a list to pick from (type to
    filter); Delete removes the chosen option under the cursor. Returns a list."""
    opts = options_list(options)
    labels = _labels(opts, format_func, "multiselect", label)
    if max_selections is not None and (
        isinstance(max_selections, bool) or not isinstance(max_selections, int) or max_selections < 1
    ):
        raise StreamlitAPIException(
            f"{_where('multiselect', label)}: max_selections must be a positive int or None, "
            f"got {max_selections!r}."
        )
    chosen = _default_list("multiselect", label, default, opts, accept_new_options)
    if max_selections is not None and len(chosen) > max_selections:
        raise StreamlitAPIException(
            f"{_where('multiselect', label)}: {len(chosen)} default values but "
            f"max_selections={max_selections}. Pass at most {max_selections} defaults "
            "or raise max_selections."
        )

    def coerce(v: Any) -> list[Any]:
        items = list(v) if isinstance(v, (list, tuple)) else [v]
        out = []
        for item in items:
            i = find_index(opts, item)
            if i is not None:
                out.append(opts[i])
            elif accept_new_options and isinstance(item, str):
                out.append(item)
            else:
                raise ValueError("not an option")
        return out[:max_selections] if max_selections else out

    value = widget(
        "multiselect",
        label=label,
        key=key,
        default=chosen,
        props={
            "options": opts,
            "labels": labels,
            "max_selections": max_selections,
            "placeholder": placeholder or ("Choose options" if opts else "No options to select"),
        },
        params={
            "options": labels, "default": [str(c) for c in chosen],
            "help": help, "max_selections": max_selections, "placeholder": placeholder,
        },
        key_params=("options", "max_selections"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )
    return list(value)


# -- select_slider ---------------------------------------------------------------


@api
def select_slider(
    label: str,
    options: Iterable[Any] = (),
    value: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> Any:
    """A slider over a list of options: ←/→ step. A two-item ``value`` makes it a
    range. Returns the option, or a ``(low, high)`` tuple of options."""
    opts = options_list(options)
    if not opts:
        raise StreamlitAPIException(
            f"{_where('select_slider', label)}: options is empty. Pass at least one option, "
            "e.g. options=['low', 'medium', 'high']."
        )
    labels = _labels(opts, format_func, "select_slider", label)
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise StreamlitAPIException(
            f"{_where('select_slider', label)}: a range value needs exactly two options, got {len(value)}."
        )
    wanted = list(value) if is_range else [value]
    indexes = []
    for v in wanted:
        if v is None and not is_range:
            indexes.append(0)
            continue
        i = find_index(opts, v)
        if i is None:
            raise StreamlitAPIException(
                f"{_where('select_slider', label)}: the value {v!r} is not one of the options. "
                "Pass an option (or two, for a range) from `options`."
            )
        indexes.append(i)
    indexes.sort()
    default = tuple(opts[i] for i in indexes) if is_range else opts[indexes[0]]

    def coerce(v: Any) -> Any:
        items = list(v) if is_range else [v]
        if len(items) != len(indexes):
            raise ValueError("shape")
        found = [find_index(opts, item) for item in items]
        if any(i is None for i in found):
            raise ValueError("not an option")
        found.sort()
        return tuple(opts[i] for i in found) if is_range else opts[found[0]]

    return widget(
        "select_slider",
        label=label,
        key=key,
        default=default,
        props={"options": opts, "labels": labels, "range": is_range},
        params={"options": labels, "value": indexes, "help": help},
        key_params=("options",),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


# -- text_area -------------------------------------------------------------------

#: Streamlit sizes a text area in pixels; a terminal row stands for this many.
PIXELS_PER_ROW = 24


@api
def text_area(
    label: str,
    value: Any = "",
    height: int | str | None = None,
    max_chars: int | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> str | None:
    """Multi-line text. Enter starts a new line; ctrl+enter (or ctrl+j, which
    every terminal sends), Esc or leaving the field applies the text.

    ``height`` is in pixels as in Streamlit (at least 68); the terminal shows
    about one row per 24 pixels. "content" fits the text; default 3 rows.
    """
    where = _where("text_area", label)
    if height is None or height == "stretch":
        rows = 3
    elif height == "content":
        rows = 0  # grows with the text
    elif isinstance(height, int) and not isinstance(height, bool):
        if height < 68:
            raise StreamlitAPIException(
                f"{where}: height={height} is too small; it is in pixels and must be at "
                "least 68 (about 3 rows). Use e.g. height=150 for 6 rows."
            )
        rows = max(3, round(height / PIXELS_PER_ROW))
    else:
        raise StreamlitAPIException(
            f"{where}: height must be a number of pixels (>= 68), 'content' or 'stretch', got {height!r}."
        )
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise StreamlitAPIException(f"{where}: max_chars must be a positive int or None, got {max_chars!r}.")
    default, coerce = text_value("text_area", label, value, max_chars)
    return widget(
        "text_area",
        label=label,
        key=key,
        default=default,
        props={"max_chars": max_chars, "rows": rows, "placeholder": placeholder},
        params={"value": default, "max_chars": max_chars, "height": height, "help": help, "placeholder": placeholder},
        key_params=("max_chars",),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


# -- dates and times -------------------------------------------------------------


def _as_date(kind: str, label: str, name: str, v: Any, order: str = "YMD") -> date | None:
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
        f"{_where(kind, label)}: {name}={v!r} is not a date. Use a datetime.date, "
        "'today', or an ISO string like '2024-05-31'."
    )


def _check_format(kind: str, label: str, format: str) -> str:
    if format not in DATE_INPUT_FORMATS:
        raise StreamlitAPIException(
            f"{_where(kind, label)}: format={format!r} is not supported. Use YYYY, MM and DD "
            "in one of the orders YYYY/MM/DD, DD/MM/YYYY, MM/DD/YYYY, separated by '/', '-' "
            "or '.', e.g. format='DD.MM.YYYY'."
        )
    return format


def _check_bounds(kind: str, label: str, low: Any, high: Any, values: list[Any]) -> None:
    if low is not None and high is not None and low > high:
        raise StreamlitAPIException(
            f"{_where(kind, label)}: min_value ({low}) is after max_value ({high}). Swap them."
        )
    for v in values:
        if v is None:
            continue
        if (low is not None and v < low) or (high is not None and v > high):
            raise StreamlitAPIException(
                f"{_where(kind, label)}: the value {v} is outside {low}..{high}. Pass a value "
                "between min_value and max_value, or widen them."
            )


def _years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


@api
def date_input(
    label: str,
    value: Any = "today",
    min_value: Any = None,
    max_value: Any = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> Any:
    """A date field: ←/→ a day, ↑/↓ a week, PgUp/PgDn a month, or type a date
    and press Enter. A list/tuple ``value`` makes it a range (two fields).
    Returns a ``date``, a tuple of dates, or None."""
    kind = "date_input"
    _check_format(kind, label, format)
    order = date_order(format)
    is_range = isinstance(value, (list, tuple))
    if is_range:
        if len(value) > 2:
            raise StreamlitAPIException(
                f"{_where(kind, label)}: a range value holds at most two dates, got {len(value)}."
            )
        default: Any = tuple(_as_date(kind, label, "value", v, order) for v in value)
        if any(d is None for d in default):
            default = tuple(d for d in default if d is not None)
        if len(default) == 2 and default[0] > default[1]:
            raise StreamlitAPIException(
                f"{_where(kind, label)}: the range starts ({default[0]}) after it ends ({default[1]}). "
                "Swap the two dates."
            )
        values = list(default)
    else:
        default = _as_date(kind, label, "value", value, order)
        values = [default]
    low = _as_date(kind, label, "min_value", min_value, order)
    high = _as_date(kind, label, "max_value", max_value, order)
    anchor = values[0] if values and values[0] is not None else date.today()
    if low is None:
        low = _years(min(anchor, high) if high else anchor, -10)
    if high is None:
        high = _years(max([v for v in values if v is not None] or [anchor]), 10)
    _check_bounds(kind, label, low, high, values)

    def coerce(v: Any) -> Any:
        if is_range:
            items = [_as_date(kind, label, "value", i) for i in (v or ())]
            if len(items) > 2 or any(i is None or not low <= i <= high for i in items):
                raise ValueError("bad range")
            return tuple(sorted(items))
        if v is None:
            return None
        d = _as_date(kind, label, "value", v)
        if not low <= d <= high:
            raise ValueError("out of bounds")
        return d

    return widget(
        kind,
        label=label,
        key=key,
        default=default,
        props={"min": low, "max": high, "format": format, "range": is_range, "clearable": is_range or default is None},
        params={
            "value": value if isinstance(value, str) else default, "min": min_value, "max": max_value,
            "format": format, "help": help,
        },
        key_params=("min", "max"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


def _step_arg(kind: str, label: str, step: Any) -> timedelta:
    if isinstance(step, timedelta):
        seconds = step.total_seconds()
    elif isinstance(step, int) and not isinstance(step, bool):
        seconds = step
    else:
        raise StreamlitAPIException(
            f"{_where(kind, label)}: step must be an int (seconds) or a datetime.timedelta, "
            f"got {type(step).__name__} {step!r}."
        )
    if not 60 <= seconds <= 23 * 3600:
        raise StreamlitAPIException(
            f"{_where(kind, label)}: step must be between 60 seconds (1 minute) and 23 hours, "
            f"got {seconds:g} seconds."
        )
    return timedelta(seconds=seconds)


def _as_time(kind: str, label: str, v: Any) -> time | None:
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
        f"{_where(kind, label)}: value={v!r} is not a time. Use a datetime.time, 'now', "
        "or a string like '14:30'."
    )


@api
def time_input(
    label: str,
    value: Any = "now",
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    step: int | timedelta = timedelta(minutes=15),
    format: str = "24h",
    width: Any = "stretch",
) -> time | None:
    """A time field: ←/→ one ``step``, ↑/↓ an hour, or type ``HH:MM`` and
    press Enter. Returns a ``time`` or None."""
    kind = "time_input"
    step_td = _step_arg(kind, label, step)
    if format not in ("12h", "24h", "localized"):
        raise StreamlitAPIException(
            f"{_where(kind, label)}: format must be '12h', '24h' or 'localized', got {format!r}."
        )
    default = _as_time(kind, label, value)

    def coerce(v: Any) -> Any:
        return None if v is None else _as_time(kind, label, v)

    return widget(
        kind,
        label=label,
        key=key,
        default=default,
        props={"step": step_td, "format": format, "clearable": default is None},
        params={"value": value if isinstance(value, str) else default, "step": step_td, "help": help},
        key_params=("step",),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


def _as_datetime(kind: str, label: str, name: str, v: Any, order: str = "YMD") -> datetime | None:
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
        f"{_where(kind, label)}: {name}={v!r} is not a date and time. Use a datetime.datetime, "
        "'now', or an ISO string like '2024-05-31 14:30'."
    )


@api
def datetime_input(
    label: str,
    value: Any = "now",
    min_value: Any = None,
    max_value: Any = None,
    *,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    format: str = "YYYY/MM/DD",
    step: int | timedelta = timedelta(minutes=15),
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> datetime | None:
    """A date-and-time field: ←/→ one ``step``, ↑/↓ a day, PgUp/PgDn a month,
    or type ``2024/05/31 14:30`` and press Enter. Returns a ``datetime`` or None."""
    kind = "datetime_input"
    _check_format(kind, label, format)
    order = date_order(format)
    step_td = _step_arg(kind, label, step)
    default = _as_datetime(kind, label, "value", value, order)
    low = _as_datetime(kind, label, "min_value", min_value, order)
    high = _as_datetime(kind, label, "max_value", max_value, order)
    anchor = default or datetime.now().replace(second=0, microsecond=0)
    if low is None:
        low = datetime.combine(_years(anchor.date(), -10), time(0, 0), tzinfo=anchor.tzinfo)
    if high is None:
        high = datetime.combine(_years(anchor.date(), 10), time(23, 59), tzinfo=anchor.tzinfo)
    try:
        _check_bounds(kind, label, low, high, [default])
    except TypeError:
        raise StreamlitAPIException(
            f"{_where(kind, label)}: value, min_value and max_value mix datetimes with and "
            "without a time zone. Use one kind for all three."
        ) from None

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        d = _as_datetime(kind, label, "value", v)
        if not low <= d <= high:
            raise ValueError("out of bounds")
        return d

    return widget(
        kind,
        label=label,
        key=key,
        default=default,
        props={"min": low, "max": high, "format": format, "step": step_td, "clearable": default is None},
        params={
            "value": value if isinstance(value, str) else default, "min": min_value, "max": max_value,
            "format": format, "step": step_td, "help": help,
        },
        key_params=("min", "max", "step"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


# -- pills and segmented_control -------------------------------------------------


def _button_group(
    kind: str,
    label: str,
    options: Iterable[Any],
    selection_mode: str,
    default: Any,
    required: bool,
    format_func: Callable[[Any], Any] | None,
    key: Any,
    help: str | None,
    on_change: Any,
    args: Any,
    kwargs: Any,
    disabled: bool,
    label_visibility: str,
) -> Any:
    where = _where(kind, label)
    opts = options_list(options)
    if not opts:
        raise StreamlitAPIException(
            f"{where}: options is empty. Pass at least one option, e.g. options=['North', 'South']."
        )
    if selection_mode not in ("single", "multi"):
        raise StreamlitAPIException(
            f"{where}: selection_mode must be 'single' or 'multi', got {selection_mode!r}."
        )
    labels = _labels(opts, format_func, kind, label)
    chosen = _default_list(kind, label, default, opts)
    multi = selection_mode == "multi"
    if not multi and len(chosen) > 1:
        raise StreamlitAPIException(
            f"{where}: {len(chosen)} default values with selection_mode='single'. Pass one "
            "default, or use selection_mode='multi'."
        )
    if required and not chosen and not multi:
        chosen = [opts[0]]
    default_value: Any = chosen if multi else (chosen[0] if chosen else None)

    def coerce(v: Any) -> Any:
        if multi:
            items = list(v) if isinstance(v, (list, tuple)) else ([] if v is None else [v])
            out = []
            for item in items:
                i = find_index(opts, item)
                if i is None:
                    raise ValueError("not an option")
                out.append(opts[i])
            return out
        return _one_of(opts)(v)

    value = widget(
        kind,
        label=label,
        key=key,
        default=default_value,
        props={"options": opts, "labels": labels, "multi": multi, "required": bool(required)},
        params={
            "options": labels, "default": [labels[find_index(opts, c)] for c in chosen],
            "selection_mode": selection_mode, "required": bool(required), "help": help,
        },
        key_params=("options", "selection_mode"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )
    return list(value) if multi else value


@api
def pills(
    label: str,
    options: Iterable[Any],
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> Any:
    """A row of pills: ←/→ move, Enter or Space picks (again: unpicks).
    Returns the option (or None), or a list with ``selection_mode="multi"``."""
    return _button_group(
        "pills", label, options, selection_mode, default, required, format_func, key, help,
        on_change, args, kwargs, disabled, label_visibility,
    )


@api
def segmented_control(
    label: str,
    options: Iterable[Any],
    *,
    selection_mode: str = "single",
    default: Any = None,
    required: bool = False,
    format_func: Callable[[Any], Any] | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> Any:
    """Joined segments: ←/→ move, Enter or Space picks (again: unpicks).
    Returns the option (or None), or a list with ``selection_mode="multi"``."""
    return _button_group(
        "segmented_control", label, options, selection_mode, default, required, format_func, key,
        help, on_change, args, kwargs, disabled, label_visibility,
    )


# -- feedback --------------------------------------------------------------------

#: How many choices each kind of feedback offers.
FEEDBACK_SIZES = {"thumbs": 2, "faces": 5, "stars": 5}


@api
def feedback(
    options: str = "thumbs",
    *,
    key: str | int | None = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    width: Any = "content",
) -> int | None:
    """Thumbs (0 = down, 1 = up), five faces (0 = saddest) or five stars
    (0 = one star): ←/→ move, Enter or Space picks. Returns the index or None."""
    if options not in FEEDBACK_SIZES:
        raise StreamlitAPIException(
            f"st.feedback: options must be 'thumbs', 'faces' or 'stars', got {options!r}."
        )
    size = FEEDBACK_SIZES[options]
    if default is not None and (
        isinstance(default, bool) or not isinstance(default, int) or not 0 <= default < size
    ):
        raise StreamlitAPIException(
            f"st.feedback('{options}'): default must be None or an int in 0..{size - 1}, got {default!r}."
        )

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < size:
            raise ValueError("out of range")
        return v

    return widget(
        "feedback",
        label=f"{options} feedback",
        key=key,
        default=default,
        props={"options": options},
        params={"options": options, "default": default},
        key_params=("options",),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        disabled=disabled,
        label_visibility="collapsed",
    )


# -- download_button -------------------------------------------------------------


@api
def download_button(
    label: str,
    data: Any,
    file_name: str | None = None,
    mime: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
) -> bool:
    """A button that saves ``data`` to a file. Pressing it asks where (default:
    ``file_name`` in the current directory) and asks again before overwriting.
    True in the run after a save, else False."""
    where = _where("download_button", label)
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(f"{where} got type={type!r}; use 'primary', 'secondary' or 'tertiary'.")
    if callable(data) and not hasattr(data, "read"):
        payload: Any = data  # called when the user saves, as Streamlit does on click
    elif isinstance(data, (str, bytes, bytearray, memoryview)) or hasattr(data, "read"):
        payload = download_bytes(data)  # a file may be closed by the time the user saves
    else:
        raise StreamlitAPIException(
            f"{where}: data of type {data.__class__.__name__} cannot be downloaded. Pass str, "
            "bytes, a file-like object or a function returning one; for a DataFrame use "
            "df.to_csv().encode('utf-8')."
        )
    if file_name is None:
        file_name = "download.txt" if isinstance(data, str) else "download"
        guess = mimetypes.guess_extension(mime) if mime else None
        if guess and not file_name.endswith(guess):
            file_name = "download" + guess
    return bool(
        widget(
            "download_button",
            label=label,
            key=key,
            default=False,
            props={"data": payload, "file_name": str(file_name), "mime": mime, "type": type, "icon": icon},
            params={"file_name": str(file_name), "mime": mime, "help": help, "type": type, "icon": icon},
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            trigger=True,
            help=help,
            disabled=disabled,
        )
    )


# -- file_uploader ---------------------------------------------------------------


class UploadedFile(io.BytesIO):
    """A file the user picked: its bytes, plus ``name``, ``type`` (MIME) and
    ``size``. Read it like any binary file (``read``, ``seek``, ``getvalue``);
    pandas and PIL accept it directly."""

    def __init__(self, name: str, data: bytes, type: str | None = None, path: str | None = None) -> None:
        super().__init__(data)
        self.name = name
        self.type = type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.size = len(data)
        #: Where the file was read from (termlit only; None for test uploads).
        self.path = path
        self.file_id = f"{name}:{self.size}:{hash(data) & 0xFFFFFFFF:08x}"

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> UploadedFile:
        p = Path(path).expanduser()
        return cls(p.name, p.read_bytes(), path=str(p.resolve()))

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.name == other.name and self.getvalue() == other.getvalue()

    __hash__ = None  # type: ignore[assignment]


def _extensions(kind: str, label: str, type: Any) -> list[str] | None:
    if type is None:
        return None
    items = [type] if isinstance(type, str) else list(type)
    out = []
    for item in items:
        if not isinstance(item, str) or not item.strip(". "):
            raise StreamlitAPIException(
                f"{_where(kind, label)}: type must be an extension or a list of them, e.g. "
                f"type=['csv', 'txt'], got {item!r}."
            )
        ext = "." + item.strip().lstrip(".").lower()
        out.append(ext)
        if ext in (".jpg", ".jpeg"):
            out.extend(e for e in (".jpg", ".jpeg") if e not in out)
    return out


def accepts(name: str, extensions: list[str] | None) -> bool:
    """Whether a file called ``name`` passes a ``type=`` filter."""
    if not extensions:
        return True
    lower = name.lower()
    return any(lower.endswith(ext) for ext in extensions)


@api
def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool | str = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    max_upload_size: int | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> Any:
    """Pick files from disk with the keyboard: Enter opens a file tree at the
    current directory. Returns an :class:`UploadedFile` (or None), or a list of
    them with ``accept_multiple_files=True``.

    ``accept_multiple_files="directory"`` is not supported in the terminal yet.
    """
    kind = "file_uploader"
    where = _where(kind, label)
    if accept_multiple_files == "directory":
        raise StreamlitAPIException(
            f"{where}: accept_multiple_files='directory' is not supported by termlit yet. "
            "Use accept_multiple_files=True and pick the files."
        )
    if not isinstance(accept_multiple_files, bool):
        raise StreamlitAPIException(
            f"{where}: accept_multiple_files must be True or False, got {accept_multiple_files!r}."
        )
    extensions = _extensions(kind, label, type)
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool) or not isinstance(max_upload_size, int) or max_upload_size < 1
    ):
        raise StreamlitAPIException(
            f"{where}: max_upload_size is in megabytes and must be a positive int, got {max_upload_size!r}."
        )
    multi = accept_multiple_files
    limit = (max_upload_size or 200) * 1024 * 1024

    def one(v: Any) -> UploadedFile:
        f = v if isinstance(v, UploadedFile) else UploadedFile.from_path(v)
        if not accepts(f.name, extensions) or f.size > limit:
            raise ValueError("rejected")
        f.seek(0)
        return f

    def coerce(v: Any) -> Any:
        if multi:
            items = [] if v is None else (list(v) if isinstance(v, (list, tuple)) else [v])
            return [one(i) for i in items]
        if isinstance(v, (list, tuple)):
            v = v[0] if v else None
        return None if v is None else one(v)

    value = widget(
        kind,
        label=label,
        key=key,
        default=[] if multi else None,
        props={"types": extensions, "multi": multi, "max_size": limit},
        params={"types": extensions, "multi": multi, "help": help, "max_size": max_upload_size},
        key_params=("types", "multi"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )
    return list(value) if multi else value
