"""Argument checks that several element families share.

Each raises :class:`~termlit.errors.StreamlitAPIException` with a message that
starts with ``where`` (how the call is named, e.g. ``st.radio('Pick')``), says
what is wrong and how to fix it.
"""

from __future__ import annotations

import numbers
from typing import Any

from termlit.errors import StreamlitAPIException

__all__ = ["check_button_type", "check_index", "check_positive_int", "check_size", "number_kind"]


def check_index(where: str, index: Any, count: int) -> int | None:
    """A selection index: None, or an int in ``0..count-1`` (any int while
    there are no options)."""
    if index is None:
        return None
    if isinstance(index, bool) or not isinstance(index, int):
        raise StreamlitAPIException(
            f"{where}: index must be an int or None, got {type(index).__name__} {index!r}."
        )
    if count and not 0 <= index < count:
        raise StreamlitAPIException(
            f"{where}: index {index} is out of range for {count} options. "
            f"Use 0..{count - 1}, or index=None for no selection."
        )
    return index


def check_positive_int(where: str, name: str, value: Any) -> None:
    """``value`` is None or an int of at least 1 (max_chars, max_selections...)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise StreamlitAPIException(f"{where}: {name} must be a positive int or None, got {value!r}.")


def check_button_type(where: str, type: Any) -> None:
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(f"{where} got type={type!r}; use 'primary', 'secondary' or 'tertiary'.")


def check_wrap(where: str, wrap: Any) -> bool | None:
    """``wrap=``: True (a long label wraps onto more rows), False (it stays on
    one row, cut with an ellipsis) or None (termlit decides: it wraps)."""
    if wrap is None or isinstance(wrap, bool):
        return wrap
    raise StreamlitAPIException(f"{where}: wrap must be True, False or None, got {wrap!r}.")


def check_size(where: str, name: str, value: Any, allowed: tuple[str, ...]) -> None:
    """A width or height: None, one of the ``allowed`` words, or pixels."""
    if value is None or value in allowed:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise StreamlitAPIException(
            f"{where}: {name} must be a positive number of pixels or one of "
            f"{', '.join(map(repr, allowed))}; got {value!r}."
        )


def number_kind(where: str, **values: Any) -> type:
    """int or float, from the numeric arguments given (None: not given); a
    mix of the two, or something that is not a number, is an error."""
    given = {name: v for name, v in values.items() if v is not None}
    for name, v in given.items():
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise StreamlitAPIException(f"{where}: {name}={v!r} is not a number.")
    ints = [n for n, v in given.items() if isinstance(v, numbers.Integral)]
    floats = [n for n, v in given.items() if not isinstance(v, numbers.Integral)]
    if ints and floats:
        raise StreamlitAPIException(
            f"{where} mixes int ({', '.join(ints)}) and float "
            f"({', '.join(floats)}) arguments. Make them all ints or all floats, "
            f"e.g. {floats[0]}={float(given[floats[0]])!r} with "
            f"{ints[0]}={float(given[ints[0]])!r}."
        )
    return float if floats else int
