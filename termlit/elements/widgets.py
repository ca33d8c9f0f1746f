"""Input widgets: button, checkbox, slider, text_input, number_input,
selectbox, color_picker. More widgets live in :mod:`termlit.elements.inputs`
and :mod:`termlit.elements.chat`."""

from __future__ import annotations

import numbers
from datetime import date, datetime, time, timedelta
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from termlit.common.colors import normalize_color
from termlit.common.values import find_index
from termlit.elements._dg import api
from termlit.elements._widget import widget
from termlit.errors import StreamlitAPIException, StreamlitValueError

__all__ = ["button", "checkbox", "color_picker", "number_input", "selectbox", "slider", "text_input"]


@api
def button(
    label: str,
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
    """A button: True in the run right after it was pressed, else False."""
    return button_widget("button", label, key, help, on_click, args, kwargs, type, icon, disabled)


def button_widget(
    kind: str,
    label: str,
    key: str | int | None,
    help: str | None,
    on_click: Callable[..., Any] | None,
    args: Sequence[Any] | None,
    kwargs: dict[str, Any] | None,
    type: str,
    icon: str | None,
    disabled: bool,
) -> bool:
    """A widget that is True only in the run after it was pressed (button,
    form_submit_button)."""
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f"st.{kind}('{label}') got type={type!r}; use 'primary', 'secondary' or 'tertiary'."
        )
    return bool(
        widget(
            kind,
            label=label,
            key=key,
            default=False,
            props={"type": type, "icon": icon},
            params={"help": help, "type": type, "icon": icon},
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            trigger=True,
            help=help,
            disabled=disabled,
        )
    )


@api
def checkbox(
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
    """A checkbox; returns whether it is ticked."""
    return boolean_widget("checkbox", label, value, key, help, on_change, args, kwargs, disabled, label_visibility)


def boolean_widget(
    kind: str,
    label: str,
    value: bool,
    key: str | int | None,
    help: str | None,
    on_change: Callable[..., Any] | None,
    args: Sequence[Any] | None,
    kwargs: dict[str, Any] | None,
    disabled: bool,
    label_visibility: str,
) -> bool:
    """A widget whose value is a bool (checkbox, toggle)."""
    return bool(
        widget(
            kind,
            label=label,
            key=key,
            default=bool(value),
            props={},
            params={"value": bool(value), "help": help},
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            coerce=bool,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
        )
    )


# -- numbers -------------------------------------------------------------------


def _number_kind(kind: str, label: str, **values: Any) -> type:
    """int or float, from the numeric arguments given; mixed types are an error."""
    given = {name: v for name, v in values.items() if v is not None}
    for name, v in given.items():
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise StreamlitAPIException(
                f"st.{kind}('{label}'): {name}={v!r} is not a number."
            )
    ints = [n for n, v in given.items() if isinstance(v, numbers.Integral)]
    floats = [n for n, v in given.items() if not isinstance(v, numbers.Integral)]
    if ints and floats:
        raise StreamlitAPIException(
            f"st.{kind}('{label}') mixes int ({', '.join(ints)}) and float "
            f"({', '.join(floats)}) arguments. Make them all ints or all floats, "
            f"e.g. {floats[0]}={float(given[floats[0]])!r} with "
            f"{ints[0]}={float(given[ints[0]])!r}."
        )
    return float if floats else int


@api
def slider(
    label: str,
    min_value: float | None = None,
    max_value: float | None = None,
    value: Any = None,
    step: float | None = None,
    format: str | None = None,
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
    """A slider over ints, floats, dates, times or datetimes; a ``(low, high)``
    value makes it a range."""
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise StreamlitAPIException(
            f"st.slider('{label}'): a range value needs exactly two numbers, got {len(value)}."
        )
    values = list(value) if is_range else [value]
    temporal = _temporal_kind(label, [min_value, max_value, *values])
    if temporal is not None:
        return _temporal_slider(
            temporal, label, min_value, max_value, values, is_range, step, format, key, help,
            on_change, args, kwargs, disabled, label_visibility,
        )
    as_type = _number_kind(
        "slider", label, min_value=min_value, max_value=max_value, step=step,
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
    if min_value is None and max_value is not None and high < low:
        low = high - (100 if as_type is int else 1.0)
    if max_value is None and min_value is not None and high < low:
        high = low + (100 if as_type is int else 1.0)
    if low > high:
        raise StreamlitAPIException(
            f"st.slider('{label}'): min_value ({low}) is greater than max_value ({high}). "
            "Swap them."
        )
    if step <= 0:
        raise StreamlitAPIException(f"st.slider('{label}'): step must be positive, got {step}.")
    if is_range:
        default = tuple(as_type(v) if v is not None else b for v, b in zip(values, (low, high)))
    else:
        default = as_type(value) if value is not None else low
    for v in default if is_range else (default,):
        if not low <= v <= high:
            raise StreamlitValueError(
                f"st.slider('{label}'): the value {v} is outside the range "
                f"{low}..{high}. Pass a value between min_value and max_value."
            )

    coerce = clamped_values(is_range, low, high, as_type)

    return widget(
        "slider",
        label=label,
        key=key,
        default=default,
        props={
            "min": low,
            "max": high,
            "step": step,
            "format": format,
            "number_type": as_type.__name__,
            "range": is_range,
        },
        params={"min": low, "max": high, "step": step, "value": default, "format": format, "help": help},
        key_params=("min", "max", "step"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


_TEMPORAL_FORMATS = {"date": "YYYY-MM-DD", "time": "HH:mm", "datetime": "YYYY-MM-DD HH:mm"}
_TEMPORAL_TYPES = {"date": date, "time": time, "datetime": datetime}


def _temporal_kind(label: str, values: list[Any]) -> str | None:
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
            f"st.slider('{label}') mixes value types ({', '.join(sorted(kinds))}). "
            "min_value, max_value and value must all be numbers, or all dates, or all "
            "times, or all datetimes."
        )
    kind = kinds.pop() if kinds else None
    return None if kind in (None, "number") else kind


def _temporal_slider(
    kind: str, label: str, min_value: Any, max_value: Any, values: list[Any], is_range: bool,
    step: Any, format: str | None, key: Any, help: str | None, on_change: Any, args: Any,
    kwargs: Any, disabled: bool, label_visibility: str,
) -> Any:
    """st.slider over dates, times or datetimes (see :func:`slider`)."""
    if step is None:
        step = timedelta(minutes=15) if kind == "time" else timedelta(days=1)
    if not isinstance(step, timedelta):
        raise StreamlitAPIException(
            f"st.slider('{label}'): a {kind} slider needs step as a datetime.timedelta, "
            f"got {type(step).__name__} {step!r}; e.g. step=timedelta(days=1)."
        )
    if step <= timedelta(0):
        raise StreamlitAPIException(f"st.slider('{label}'): step must be positive, got {step}.")
    first = next((v for v in values if v is not None), None)
    last = next((v for v in reversed(values) if v is not None), None)
    if kind == "time":
        low = min_value if min_value is not None else time.min
        high = max_value if max_value is not None else time(23, 59, 59)
    else:
        around_low = first if first is not None else (max_value if max_value is not None else None)
        around_high = last if last is not None else (min_value if min_value is not None else None)
        if around_low is None:
            around_low = around_high = datetime.now().replace(second=0, microsecond=0) if kind == "datetime" else date.today()
        low = min_value if min_value is not None else around_low - timedelta(days=14)
        high = max_value if max_value is not None else around_high + timedelta(days=14)
    try:
        if low > high:
            raise StreamlitAPIException(
                f"st.slider('{label}'): min_value ({low}) is after max_value ({high}). Swap them."
            )
    except TypeError:
        raise StreamlitAPIException(
            f"st.slider('{label}'): cannot compare min_value {low!r} with max_value {high!r} "
            "(a datetime with a time zone and one without?). Use the same kind for both."
        ) from None
    if is_range:
        default = tuple(v if v is not None else b for v, b in zip(values, (low, high)))
    else:
        default = values[0] if values[0] is not None else low
    for v in default if is_range else (default,):
        if not low <= v <= high:
            raise StreamlitValueError(
                f"st.slider('{label}'): the value {v} is outside the range {low}..{high}. "
                "Pass a value between min_value and max_value."
            )
    as_type = _TEMPORAL_TYPES[kind]

    def checked(item: Any) -> Any:
        if not isinstance(item, as_type) or (kind == "date" and isinstance(item, datetime)):
            raise ValueError("type")
        return item

    coerce = clamped_values(is_range, low, high, checked)

    return widget(
        "slider",
        label=label,
        key=key,
        default=default,
        props={
            "min": low,
            "max": high,
            "step": step,
            "format": format or _TEMPORAL_FORMATS[kind],
            "number_type": kind,
            "range": is_range,
        },
        params={"min": low, "max": high, "step": step, "value": default, "format": format, "help": help},
        key_params=("min", "max", "step"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


@api
def number_input(
    label: str,
    min_value: float | None = None,
    max_value: float | None = None,
    value: Any = "min",
    step: float | None = None,
    format: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    width: Any = "stretch",
) -> Any:
    """A number field: type a number, or step it with ←/→. int or float, as
    the arguments are."""
    given_value = None if (value is None or value == "min") else value
    as_type = _number_kind(
        "number_input", label, min_value=min_value, max_value=max_value, value=given_value, step=step
    )
    if step is None:
        step = 1 if as_type is int else 0.01
    if step <= 0:
        raise StreamlitAPIException(f"st.number_input('{label}'): step must be positive, got {step}.")
    if min_value is not None and max_value is not None and min_value > max_value:
        raise StreamlitAPIException(
            f"st.number_input('{label}'): min_value ({min_value}) is greater than "
            f"max_value ({max_value}). Swap them."
        )
    if value == "min":
        default = as_type(min_value) if min_value is not None else as_type(0)
    elif value is None:
        default = None
    else:
        default = as_type(value)
        if (min_value is not None and default < min_value) or (
            max_value is not None and default > max_value
        ):
            raise StreamlitValueError(
                f"st.number_input('{label}'): the value {default} is outside "
                f"{min_value}..{max_value}. Pass a value between min_value and max_value."
            )

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        v = as_type(v)
        if min_value is not None:
            v = max(v, as_type(min_value))
        if max_value is not None:
            v = min(v, as_type(max_value))
        return v

    return widget(
        "number_input",
        label=label,
        key=key,
        default=default,
        props={
            "min": min_value,
            "max": max_value,
            "step": as_type(step),
            "format": format,
            "number_type": as_type.__name__,
            "placeholder": placeholder,
        },
        params={
            "min": min_value, "max": max_value, "step": step, "value": default,
            "format": format, "help": help, "placeholder": placeholder,
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


@api
def text_input(
    label: str,
    value: str | None = "",
    max_chars: int | None = None,
    key: str | int | None = None,
    type: str = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    width: Any = "stretch",
) -> str | None:
    """A one-line text field; its value is committed on Enter or leaving it."""
    if type not in ("default", "password"):
        raise StreamlitAPIException(
            f"st.text_input('{label}') got type={type!r}; use 'default' or 'password'."
        )
    default, coerce = text_value("text_input", label, value, max_chars)
    return widget(
        "text_input",
        label=label,
        key=key,
        default=default,
        props={"max_chars": max_chars, "type": type, "placeholder": placeholder},
        params={"value": default, "max_chars": max_chars, "type": type, "help": help, "placeholder": placeholder},
        key_params=("max_chars", "type"),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


def text_value(kind: str, label: str, value: Any, max_chars: int | None) -> tuple[str | None, Callable[[Any], Any]]:
    """The default of a text widget (checked against ``max_chars``) and the
    check for remembered values (text_input, text_area)."""
    default = None if value is None else str(value)
    if max_chars is not None and default is not None and len(default) > max_chars:
        raise StreamlitAPIException(
            f"st.{kind}('{label}'): the default value is {len(default)} characters, longer than "
            f"max_chars={max_chars}. Shorten it or raise max_chars."
        )

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        v = str(v)
        return v[:max_chars] if max_chars is not None else v

    return default, coerce


def clamped_values(is_range: bool, low: Any, high: Any, convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The check for a remembered slider value: one value (or a sorted pair)
    converted by ``convert`` and clamped to ``low..high``."""

    def coerce(v: Any) -> Any:
        items = list(v) if is_range else [v]
        if len(items) != (2 if is_range else 1):
            raise ValueError("shape")
        out = [min(max(convert(i), low), high) for i in items]
        return tuple(sorted(out)) if is_range else out[0]

    return coerce


def options_list(options: Any) -> list[Any]:
    """A list from any iterable Streamlit accepts as options (Series, Index,
    DataFrame first column, dict keys, ranges...)."""
    if options is None:
        return []
    module = type(options).__module__ or ""
    if module.startswith("pandas") and type(options).__name__ == "DataFrame":
        return list(options.iloc[:, 0]) if options.shape[1] else []
    if isinstance(options, dict):
        return list(options.keys())
    if isinstance(options, (str, bytes)):
        raise StreamlitAPIException(
            "Options must be a list-like of choices, not a single string: "
            f"wrap it in a list, e.g. options=[{options!r}]."
        )
    if isinstance(options, Iterable):
        return list(options)
    raise StreamlitAPIException(f"Options must be a list-like of choices, got {type(options).__name__}.")


@api
def selectbox(
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
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    width: Any = "stretch",
) -> Any:
    """Pick one option from a list; returns the option itself (or None)."""
    opts = options_list(options)
    if index is not None:
        if isinstance(index, bool) or not isinstance(index, int):
            raise StreamlitAPIException(
                f"st.selectbox('{label}'): index must be an int or None, got {type(index).__name__}."
            )
        if opts and not 0 <= index < len(opts):
            raise StreamlitAPIException(
                f"st.selectbox('{label}'): index {index} is out of range for "
                f"{len(opts)} options. Use 0..{len(opts) - 1}, or index=None for no selection."
            )
    labels = [str(format_func(o)) for o in opts]
    default = opts[index] if (opts and index is not None) else None

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        i = find_index(opts, v)
        if i is not None:
            return opts[i]
        if accept_new_options and isinstance(v, str):
            return v
        raise ValueError("not an option")

    return widget(
        "selectbox",
        label=label,
        key=key,
        default=default,
        props={"options": opts, "labels": labels, "placeholder": placeholder or "Choose an option"},
        params={"options": labels, "index": index, "help": help, "placeholder": placeholder},
        key_params=("options",),
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=coerce,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )


@api
def color_picker(
    label: str,
    value: str | None = None,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
    args: Sequence[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "content",
) -> str:
    """Pick a colour: type a hex code or step through a palette with ←/→.
    Returns ``"#rrggbb"``."""
    try:
        default = normalize_color(value if value is not None else "#000000")
    except ValueError:
        raise StreamlitAPIException(
            f"st.color_picker('{label}'): value={value!r} is not a hex colour. "
            "Use '#rrggbb' or '#rgb', e.g. '#ff4b4b'."
        ) from None
    return widget(
        "color_picker",
        label=label,
        key=key,
        default=default,
        props={},
        params={"value": default, "help": help},
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        coerce=normalize_color,
        help=help,
        disabled=disabled,
        label_visibility=label_visibility,
    )
