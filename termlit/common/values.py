"""Comparing users' values: equality that never raises, option lookup
(:func:`find_indexes` for many values at once: one pass over the options,
not one per value)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["contains", "find_index", "find_indexes", "safe_equal"]


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


#: Types whose equality agrees with their hash: a dict finds an equal one.
_PLAIN = frozenset({str, int, float, bool, type(None)})
#: Up to this many values are looked up one scan each.
_FEW = 4


def find_indexes(options: Sequence[Any], values: Sequence[Any]) -> list[int | None]:
    """``[find_index(options, v) for v in values]``, with the same answers,
    in one pass over the options when there are more than a few values (a
    thousand chosen among 100,000 options: milliseconds, not seconds)."""
    if len(values) <= _FEW:
        return [find_index(options, v) for v in values]
    by_id: dict[int, int] = {}
    for i, option in enumerate(options):
        by_id.setdefault(id(option), i)
    plain = set(map(type, options)) <= _PLAIN
    by_value: dict[Any, int] = {}
    if plain:
        for i, option in enumerate(options):
            by_value.setdefault(option, i)
    out: list[int | None] = []
    for v in values:
        i = by_id.get(id(v))
        if i is None:
            i = by_value.get(v) if plain and type(v) in _PLAIN else find_index(options, v)
        out.append(i)
    return out


def contains(values: Sequence[Any], value: Any) -> bool:
    """Whether ``value`` is in ``values`` (by identity or safe equality)."""
    return find_index(values, value) is not None
