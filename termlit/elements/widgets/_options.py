"""Options, shared by the widgets that pick from them (selectbox, radio,
multiselect, select_slider, pills, segmented_control): the list of options,
their labels, the default choice and the checks for remembered values.

A remembered choice that is an Enum member of a class the script has since
defined again (every rerun defines it again) is matched with the new class's
member as the ``runner.enumCoercion`` option says: by member names
("nameOnly", the default), by names and values ("nameAndValue"), or not at
all ("off": the old member is returned as it is), as in Streamlit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum, EnumMeta
from typing import Any

from termlit.common.values import find_index, find_indexes
from termlit.elements._widget import WidgetArgs
from termlit.errors import StreamlitAPIException, StreamlitValueError
from termlit.runtime.config import get_option

__all__ = ["coerce_enum", "default_options", "one_option", "option_labels", "options_list", "some_options"]


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
    seen: set[int] = set()  # ids of the options in ``out``
    for item, i in zip(items, find_indexes(options, items)):
        if i is None:
            if accept_new and isinstance(item, str):
                out.append(item)
                continue
            shown = [*options[:8], "..."] if len(options) > 8 else options
            raise StreamlitAPIException(
                f"{common.where}: the default value {item!r} is not one of the options "
                f"{shown}. Every default must be an option."
            )
        if id(options[i]) not in seen:
            seen.add(id(options[i]))
            out.append(options[i])
    return out


_NOT_FOUND = object()


def _enum_class(options: list[Any]) -> EnumMeta | None:
    """The Enum class every option is a member of, if there is one."""
    kinds = {type(o) for o in options}
    kind = kinds.pop() if len(kinds) == 1 else None
    return kind if isinstance(kind, EnumMeta) else None


def coerce_enum(value: Any, options: list[Any]) -> Any:
    """``value``, an Enum member, as a member of the options' Enum class when
    ``runner.enumCoercion`` allows it; ``_NOT_FOUND`` when it is no option."""
    target = _enum_class(options)
    if not isinstance(value, Enum) or target is None or isinstance(value, target):
        return _NOT_FOUND
    mode = get_option("runner.enumCoercion")
    if mode not in ("off", "nameOnly", "nameAndValue"):
        raise StreamlitValueError(
            f"runner.enumCoercion must be 'off', 'nameOnly' or 'nameAndValue', got {mode!r}."
        )
    source = type(value)
    if mode == "off":
        return value
    if source.__qualname__ != target.__qualname__:
        return _NOT_FOUND
    if mode == "nameOnly" and set(source._member_names_) != set(target._member_names_):
        return _NOT_FOUND
    if mode == "nameAndValue" and set(source._value2member_map_) != set(target._value2member_map_):
        return _NOT_FOUND
    return target[value._name_]


def _match(options: list[Any], value: Any, accept_new: bool) -> Any:
    """The option a remembered ``value`` stands for; raises ValueError when none."""
    i = find_index(options, value)
    if i is not None:
        return options[i]
    coerced = coerce_enum(value, options)
    if coerced is not _NOT_FOUND:
        return coerced
    if accept_new and isinstance(value, str):
        return value
    raise ValueError("not an option")


def one_option(options: list[Any], accept_new: bool = False) -> Callable[[Any], Any]:
    """The check for a remembered single choice: None, or still one of the
    options (with ``accept_new``, or any string)."""

    def coerce(value: Any) -> Any:
        return None if value is None else _match(options, value, accept_new)

    return coerce


def some_options(options: list[Any], accept_new: bool = False, limit: int | None = None) -> Callable[[Any], Any]:
    """The check for a remembered multi-choice value: None, one option or a
    list of them (with ``accept_new``, strings too), cut to ``limit`` choices."""

    def coerce(value: Any) -> list[Any]:
        items = list(value) if isinstance(value, (list, tuple)) else ([] if value is None else [value])
        found = find_indexes(options, items)
        return [options[i] if i is not None else _match(options, item, accept_new)
                for item, i in zip(items, found)][:limit]

    return coerce
