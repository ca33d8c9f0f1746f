"""Rows of buttons to pick from: ``st.pills`` and ``st.segmented_control``
(one definition that differs only in the kind of element it draws), and
``st.feedback`` (thumbs, faces or stars)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from termlit.common.values import find_indexes
from termlit.elements._checks import check_wrap
from termlit.elements._dg import api, api_as
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.elements.widgets._options import default_options, one_option, option_labels, options_list, some_options
from termlit.errors import StreamlitAPIException

__all__ = ["FEEDBACK_SIZES", "feedback", "pills", "segmented_control"]


def _button_group(kind: str, doc: str):
    @api_as(kind, doc)
    def group(
        label: str, options: Iterable[Any], *, selection_mode: str = "single", default: Any = None,
        required: bool = False, format_func: Callable[[Any], Any] | None = None,
        key: Key | None = None, help: str | None = None,
        on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
        disabled: bool = False, label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None,
        bind: BindOption = None, persist_state: PersistState = None,
    ) -> Any:
        common = WidgetArgs(kind, label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                            disabled=disabled, label_visibility=label_visibility,
                            persist_state=persist_state, bind=bind)
        opts = options_list(options)
        if not opts:
            raise StreamlitAPIException(
                f"{common.where}: options is empty. Pass at least one option, e.g. options=['North', 'South']."
            )
        if selection_mode not in ("single", "multi"):
            raise StreamlitAPIException(
                f"{common.where}: selection_mode must be 'single' or 'multi', got {selection_mode!r}."
            )
        labels = option_labels(common, opts, format_func or str)
        chosen = default_options(common, default, opts)
        multi = selection_mode == "multi"
        if not multi and len(chosen) > 1:
            raise StreamlitAPIException(
                f"{common.where}: {len(chosen)} default values with selection_mode='single'. Pass one "
                "default, or use selection_mode='multi'."
            )
        if required and not chosen and not multi:
            chosen = [opts[0]]
        value = widget(
            common,
            default=chosen if multi else (chosen[0] if chosen else None),
            props={"options": opts, "labels": labels, "multi": multi, "required": bool(required),
                   "wrap": check_wrap(common.where, wrap)},
            params={
                "options": labels, "default": [labels[i] for i in find_indexes(opts, chosen)],
                "selection_mode": selection_mode, "required": bool(required), "help": help,
            },
            key_params=("options", "selection_mode"),
            coerce=some_options(opts) if multi else one_option(opts),
        )
        return list(value) if multi else value

    return group


pills = _button_group(
    "pills",
    "A row of pills: ←/→ move, Enter or Space picks (again: unpicks).\n"
    'Returns the option (or None), or a list with ``selection_mode="multi"``.',
)
segmented_control = _button_group(
    "segmented_control",
    "Joined segments: ←/→ move, Enter or Space picks (again: unpicks).\n"
    'Returns the option (or None), or a list with ``selection_mode="multi"``.',
)

#: How many choices each kind of feedback offers.
FEEDBACK_SIZES = {"thumbs": 2, "faces": 5, "stars": 5}


@api
def feedback(
    options: str = "thumbs", *, key: Key | None = None, default: int | None = None, disabled: bool = False,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    width: Any = "content",
    bind: BindOption = None, persist_state: PersistState = None,
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

    common = WidgetArgs("feedback", f"{options} feedback", key=key, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility="collapsed", persist_state=persist_state, bind=bind)
    return widget(
        common,
        default=default,
        props={"options": options},
        params={"options": options, "default": default},
        key_params=("options",),
        coerce=coerce,
    )
