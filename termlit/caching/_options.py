"""The options both decorators take, checked once with a clear error."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from termlit.common.durations import parse_ttl
from termlit.errors import StreamlitAPIException

__all__ = ["CacheOptions"]


@dataclass(frozen=True, slots=True)
class CacheOptions:
    """What ``cache_data`` and ``cache_resource`` share: how long an entry
    lives, how many are kept, the spinner, and custom hashing."""

    #: Seconds an entry stays valid; None: until cleared.
    ttl: float | None = None
    max_entries: int | None = None
    show_spinner: bool | str = True
    show_time: bool = False
    hash_funcs: dict | None = None

    @classmethod
    def read(
        cls,
        *,
        ttl: Any,
        max_entries: Any,
        show_spinner: Any,
        show_time: Any,
        hash_funcs: Any,
        scope: str,
        refresh_mode: str,
    ) -> CacheOptions:
        """The options from a decorator's arguments; raises
        StreamlitAPIException naming what is wrong."""
        options = cls(
            parse_ttl(ttl),
            _max_entries(max_entries),
            _show_spinner(show_spinner),
            bool(show_time),
            _hash_funcs(hash_funcs),
        )
        _check_supported(scope, refresh_mode)
        return options


def _max_entries(max_entries: Any) -> int | None:
    if max_entries is None:
        return None
    if isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 0:
        raise StreamlitAPIException(
            f"max_entries must be a whole number of entries (or None for no limit), not {max_entries!r}."
        )
    return max_entries


def _show_spinner(show_spinner: Any) -> bool | str:
    if isinstance(show_spinner, (bool, str)):
        return show_spinner
    raise StreamlitAPIException(
        f"show_spinner must be True, False or the text to show, not {type(show_spinner).__name__}."
    )


def _hash_funcs(hash_funcs: Any) -> dict | None:
    if hash_funcs is None:
        return None
    if not isinstance(hash_funcs, dict):
        raise StreamlitAPIException(
            "hash_funcs must be a dict mapping a type (or its qualified name, e.g. "
            "'mymodule.MyClass') to a function returning something hashable."
        )
    for key, func in hash_funcs.items():
        if not isinstance(key, (type, str)) or not callable(func):
            raise StreamlitAPIException(
                f"hash_funcs entry {key!r}: keys must be types or qualified type names and "
                "values functions of one argument."
            )
    return dict(hash_funcs)


def _check_supported(scope: str, refresh_mode: str) -> None:
    if scope != "global":
        raise StreamlitAPIException(
            f"scope={scope!r} is not supported by termlit yet: cached values are shared by "
            "every session of the process (scope='global')."
        )
    if refresh_mode != "foreground":
        raise StreamlitAPIException(
            f"refresh_mode={refresh_mode!r} is not supported by termlit yet: an expired entry "
            "is recomputed when it is next asked for (refresh_mode='foreground')."
        )
