"""Options, shared by the widgets that pick from them (selectbox, radio,
multiselect, select_slider, pills, segmented_control): the list of options,
their labels, the default choice and the checks for remembered values."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from termlit.common.values import find_index
from termlit.elements._widget import WidgetArgs
from termlit.errors import StreamlitAPIException

__all__ = ["default_options", "one_option", "option_labels", "options_list", "some_options"]


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


def option_labels(common: WidgetArgs, options: list[Any], format_func: Callable[[Any], Any]) -> list[str]:
    """The label of each option, as ``format_func`` writes it."""
    if not callable(format_func):
        raise StreamlitAPIException(
            f"{common.where}: format_func must be a function that turns an option "
            f"into its label, got {type(format_func).__name__}."
        )
    return [str(format_func(o)) for o in options]


def default_options(common: WidgetArgs, default: Any, options: list[Any], accept_new: bool = False) -> list[Any]:
    """``default`` (None, one option, or a list of options) as a list of
    options, each once; with ``accept_new``, strings that are no option too."""
    if default is None:
        return []
    if isinstance(default, (list, tuple, set, frozenset)) or (
        hasattr(default, "tolist") and not isinstance(default, (str, bytes))
    ):
        items = list(default.tolist() if hasattr(default, "tolist") else default)
    else:
        items = [default]
    out: list[Any] = []
    for item in items:
        i = find_index(options, item)
        if i is None:
            if accept_new and isinstance(item, str):
                out.append(item)
                continue
            shown = [*options[:8], "..."] if len(options) > 8 else options
            raise StreamlitAPIException(
                f"{common.where}: the default value {item!r} is not one of the options "
                f"{shown}. Every default must be an option."
            )
        if not any(o is options[i] for o in out):
            out.append(options[i])
    return out


def one_option(options: list[Any], accept_new: bool = False) -> Callable[[Any], Any]:
    """The check for a remembered single choice: None, or still one of the
    options (with ``accept_new``, or any string)."""

    def coerce(value: Any) -> Any:
        if value is None:
            return None
        i = find_index(options, value)
        if i is not None:
            return options[i]
        if accept_new and isinstance(value, str):
            return value
        raise ValueError("not an option")

    return coerce


def some_options(options: list[Any], accept_new: bool = False, limit: int | None = None) -> Callable[[Any], Any]:
    """The check for a remembered multi-choice value: None, one option or a
    list of them (with ``accept_new``, strings too), cut to ``limit`` choices."""

    def coerce(value: Any) -> list[Any]:
        items = list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        out = []
        for item in items:
            i = find_index(options, item)
            if i is not None:
                out.append(options[i])
            elif accept_new and isinstance(item, str):
                out.append(item)
            else:
                raise ValueError("not an option")
        return out[:limit]

    return coerce
