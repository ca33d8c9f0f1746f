"""Picking from a list of options: ``st.selectbox`` and ``st.radio`` (one
option), ``st.multiselect`` (any number)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from termlit.elements._checks import check_index, check_positive_int, check_wrap
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.common.filtering import FilterMode, check_filter_mode, check_select_all
from termlit.elements.widgets._options import default_options, one_option, option_labels, options_list, some_options
from termlit.errors import StreamlitAPIException

__all__ = ["multiselect", "radio", "selectbox"]


def _one_of(common: WidgetArgs, options: Any, index: Any, format_func: Any) -> tuple[list[Any], int | None, list[str]]:
    """The options, the checked index and the labels of a one-option picker."""
    opts = options_list(options)
    return opts, check_index(common.where, index, len(opts)), option_labels(common, opts, format_func)


@api
def selectbox(
    label: str, options: Iterable[Any], index: int | None = 0, format_func: Callable[[Any], Any] = str,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    placeholder: str | None = None, disabled: bool = False, required: bool = False,
    label_visibility: str = "visible", icon: str | None = None, accept_new_options: bool = False,
    filter_mode: FilterMode = "fuzzy", width: Any = "stretch",
    bind: BindOption = None, persist_state: PersistState = None,
) -> Any:
    """Pick one option from a list; returns the option itself (or None).
    Typing in the open list filters it (``filter_mode``); ``required`` keeps
    the user from clearing the choice."""
    common = WidgetArgs("selectbox", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    opts, index, labels = _one_of(common, options, index, format_func)
    return widget(
        common,
        default=opts[index] if index is not None and opts else None,
        props={
            "options": opts, "labels": labels, "placeholder": placeholder or "Choose an option",
            "accept_new_options": bool(accept_new_options), "required": bool(required), "icon": icon,
            "filter_mode": check_filter_mode(common.where, filter_mode, accept_new_options),
        },
        params={"options": labels, "index": index, "help": help, "placeholder": placeholder},
        key_params=("options",),
        coerce=one_option(opts, accept_new_options),
    )


@api
def radio(
    label: str, options: Iterable[Any], index: int | None = 0, format_func: Callable[[Any], Any] = str,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    disabled: bool = False, horizontal: bool = False, captions: Sequence[str] | None = None,
    label_visibility: str = "visible", width: Any = "content",
    bind: BindOption = None, persist_state: PersistState = None,
) -> Any:
    """Pick one option, all shown at once: ↑/↓ (←/→) move, Enter or Space picks.
    Returns the option itself, or None."""
    common = WidgetArgs("radio", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    opts, index, labels = _one_of(common, options, index, format_func)
    if captions is not None:
        if isinstance(captions, str):
            raise StreamlitAPIException(
                f"{common.where}: captions must be a list of strings, one per option, not a single string."
            )
        captions = [str(c) for c in captions]
        if len(captions) != len(opts):
            raise StreamlitAPIException(
                f"{common.where}: {len(captions)} captions for {len(opts)} options. "
                "Give one caption per option (use '' for none)."
            )
    return widget(
        common,
        default=opts[index] if index is not None and opts else None,
        props={"options": opts, "labels": labels, "captions": captions, "horizontal": bool(horizontal)},
        params={"options": labels, "index": index, "help": help, "captions": captions},
        key_params=("options",),
        coerce=one_option(opts),
    )


@api
def multiselect(
    label: str, options: Iterable[Any], default: Any | None = None, format_func: Callable[[Any], Any] = str,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    max_selections: int | None = None, placeholder: str | None = None, disabled: bool = False,
    label_visibility: str = "visible", accept_new_options: bool = False, filter_mode: FilterMode = "fuzzy",
    select_all: bool | int = 1000, width: Any = "stretch", wrap: bool | None = None,
    bind: BindOption = None, persist_state: PersistState = None,
) -> list[Any]:
    """Pick any number of options. Enter opens a list to pick from (type to
    filter); Delete removes the chosen option under the cursor. Returns a list."""
    common = WidgetArgs("multiselect", label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility, persist_state=persist_state, bind=bind)
    opts = options_list(options)
    labels = option_labels(common, opts, format_func)
    check_positive_int(common.where, "max_selections", max_selections)
    chosen = default_options(common, default, opts, accept_new_options)
    if max_selections is not None and len(chosen) > max_selections:
        raise StreamlitAPIException(
            f"{common.where}: {len(chosen)} default values but "
            f"max_selections={max_selections}. Pass at most {max_selections} defaults "
            "or raise max_selections."
        )
    value = widget(
        common,
        default=chosen,
        props={
            "options": opts,
            "labels": labels,
            "max_selections": max_selections,
            "placeholder": placeholder or ("Choose options" if opts else "No options to select"),
            "filter_mode": check_filter_mode(common.where, filter_mode, accept_new_options),
            "select_all": check_select_all(common.where, select_all), "wrap": check_wrap(common.where, wrap),
        },
        params={
            "options": labels, "default": [str(c) for c in chosen],
            "help": help, "max_selections": max_selections, "placeholder": placeholder,
        },
        key_params=("options", "max_selections"),
        coerce=some_options(opts, accept_new_options, max_selections),
    )
    return list(value)
