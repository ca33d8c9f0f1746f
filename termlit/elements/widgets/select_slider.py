"""``st.select_slider``: a slider over a list of options."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from termlit.common.values import find_index
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.elements.widgets._options import option_labels, options_list
from termlit.errors import StreamlitAPIException

__all__ = ["select_slider"]


@api
def select_slider(
    label: str, options: Iterable[Any] = (), value: Any = None, format_func: Callable[[Any], Any] = str,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    disabled: bool = False, label_visibility: str = "visible", width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> Any:
    """A slider over a list of options: ←/→ step. A two-item ``value`` makes it a
    range. Returns the option, or a ``(low, high)`` tuple of options."""
    common = WidgetArgs("select_slider", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    opts = options_list(options)
    if not opts:
        raise StreamlitAPIException(
            f"{common.where}: options is empty. Pass at least one option, "
            "e.g. options=['low', 'medium', 'high']."
        )
    labels = option_labels(common, opts, format_func)
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) != 2:
        raise StreamlitAPIException(
            f"{common.where}: a range value needs exactly two options, got {len(value)}."
        )
    indexes = []
    for v in list(value) if is_range else [value]:
        if v is None and not is_range:
            indexes.append(0)
            continue
        i = find_index(opts, v)
        if i is None:
            raise StreamlitAPIException(
                f"{common.where}: the value {v!r} is not one of the options. "
                "Pass an option (or two, for a range) from `options`."
            )
        indexes.append(i)
    indexes.sort()

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
        common,
        default=tuple(opts[i] for i in indexes) if is_range else opts[indexes[0]],
        props={"options": opts, "labels": labels, "range": is_range},
        params={"options": labels, "value": indexes, "help": help},
        key_params=("options",),
        coerce=coerce,
    )
