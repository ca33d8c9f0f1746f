"""Comparing users' values: equality that never raises, option lookup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["contains", "find_index", "safe_equal"]


def safe_equal(a: Any, b: Any) -> bool:
    """``a == b`` as a plain bool; False when the comparison raises or does not
    give one truth value (arrays, frames, objects with odd ``__eq__``). A
    numpy scalar's answer (``np.True_``) counts as the bool it is."""
    try:
        result = a == b
    except Exception:  # noqa: BLE001 - any user __eq__ may raise
        return False
    if isinstance(result, bool):
        return result
    kind = type(result)
    if kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"):
        return bool(result)
    return False


def find_index(options: Sequence[Any], value: Any) -> int | None:
    """The index of ``value`` among ``options``: the same object first, then
    an equal one; None when there is none."""
    for i, option in enumerate(options):
        if option is value:
            return i
    for i, option in enumerate(options):
        if safe_equal(option, value):
            return i
    return None


def contains(values: Sequence[Any], value: Any) -> bool:
    """Whether ``value`` is in ``values`` (by identity or safe equality)."""
    return find_index(values, value) is not None
