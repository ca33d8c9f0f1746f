"""Input widgets: button, checkbox, slider, text_input, number_input, selectbox."""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Sequence
from typing import Any

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
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f"st.button('{label}') got type={type!r}; use 'primary', 'secondary' or 'tertiary'."
        )
    return widget(
        "button",
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
    return bool(
        widget(
            "checkbox",
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
    """A slider over ints or floats; a ``(low, high)`` value makes it a range."""
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise StreamlitAPIException(
            f"st.slider('{label}'): a range value needs exactly two numbers, got {len(value)}."
        )
    values = list(value) if is_range else [value]
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

    def coerce(v: Any) -> Any:
        items = list(v) if is_range else [v]
        if len(items) != (2 if is_range else 1):
            raise ValueError("shape")
        out = [min(max(as_type(i), low), high) for i in items]
        return tuple(sorted(out)) if is_range else out[0]

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
    default = None if value is None else str(value)
    if max_chars is not None and default is not None and len(default) > max_chars:
        raise StreamlitAPIException(
            f"st.text_input('{label}'): the default value is {len(default)} characters, "
            f"longer than max_chars={max_chars}."
        )

    def coerce(v: Any) -> Any:
        if v is None:
            return None
        v = str(v)
        return v[:max_chars] if max_chars is not None else v

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
        for o in opts:
            if o is v or _equal(o, v):
                return o
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


def _equal(a: Any, b: Any) -> bool:
    try:
        result = a == b
        return result if isinstance(result, bool) else False
    except Exception:
        return False


_HEX = "0123456789abcdef"


def normalize_color(value: Any) -> str:
    """'#rgb' or '#rrggbb' (any case) -> '#rrggbb'; anything else raises ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    text = value.strip().lower()
    if not text.startswith("#"):
        text = "#" + text
    digits = text[1:]
    if len(digits) == 3 and all(c in _HEX for c in digits):
        return "#" + "".join(c * 2 for c in digits)
    if len(digits) == 6 and all(c in _HEX for c in digits):
        return text
    raise ValueError(f"{value!r} is not a hex colour")


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
