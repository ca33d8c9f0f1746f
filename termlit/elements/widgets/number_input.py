"""``st.number_input``: a number field, typed or stepped with ←/→."""

from __future__ import annotations

import numbers
from typing import Any

from termlit.elements._checks import number_kind
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.errors import StreamlitAPIException, StreamlitValueError

__all__ = ["number_input"]


@api
def number_input(
    label: str, min_value: float | None = None, max_value: float | None = None, value: Any = "min",
    step: float | None = None, format: str | None = None, key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    placeholder: str | None = None, disabled: bool = False, required: bool = False,
    label_visibility: str = "visible", icon: str | None = None, width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> Any:
    """A number field: type a number, or step it with ←/→. An int when every
    number given is an int, else a float (also when none is given)."""
    common = WidgetArgs("number_input", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    given_value = None if (value is None or value == "min") else value
    number_kind(common.where, min_value=min_value, max_value=max_value, value=given_value, step=step)
    as_type = _number_type(min_value, max_value, value, step)
    if step is None:
        step = 1 if as_type is int else 0.01
    if step <= 0:
        raise StreamlitAPIException(f"{common.where}: step must be positive, got {step}.")
    if min_value is not None and max_value is not None and min_value > max_value:
        raise StreamlitAPIException(
            f"{common.where}: min_value ({min_value}) is greater than max_value ({max_value}). Swap them."
        )
    if isinstance(value, str) and value == "min":
        default = as_type(min_value) if min_value is not None else as_type(0)
    elif value is None:
        default = None
    else:
        default = as_type(value)
        if (min_value is not None and default < min_value) or (
            max_value is not None and default > max_value
        ):
            raise StreamlitValueError(
                f"{common.where}: the value {default} is outside "
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
        common,
        default=default,
        props={
            "min": min_value,
            "max": max_value,
            "step": as_type(step),
            "format": format,
            "number_type": as_type.__name__,
            "placeholder": placeholder,
            "required": bool(required),
            "icon": icon,
        },
        params={
            "min": min_value, "max": max_value, "step": step, "value": default,
            "format": format, "help": help, "placeholder": placeholder,
        },
        key_params=("min", "max", "step"),
        coerce=coerce,
    )


def _number_type(*args: Any) -> type:
    """int or float, as Streamlit decides: int when every number given is an
    int; float when one is a float, or when none is given (an empty
    ``st.number_input("x")`` is a float with step 0.01)."""
    given = [a for a in args if a is not None and not isinstance(a, str)]
    if not given:
        return float
    return int if all(isinstance(a, numbers.Integral) for a in given) else float
