"""The wrapper both decorators return."""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any

from termlit.caching._common import qualname
from termlit.caching._hashing import ArgHasher, HashFuncs, function_key
from termlit.errors import StreamlitAPIException

__all__ = ["CachedFunc"]


class CachedFunc:
    """A cached function: call it as you would call the function.

    ``f.clear()`` forgets every result of ``f``; ``f.clear(*args, **kwargs)``
    forgets the one result for those arguments.
    """

    _kind = "cache"

    def __init__(self, func: Callable[..., Any], hash_funcs: HashFuncs | None) -> None:
        if not callable(func):
            raise StreamlitAPIException(
                f"st.cache_data / st.cache_resource decorate functions; got {type(func).__name__}."
            )
        self._func = func
        self._name = qualname(func)
        self._fkey = function_key(func, self._kind)
        self._args = ArgHasher(func, hash_funcs)
        functools.update_wrapper(self, func)

    def _key(self, args: tuple, kwargs: dict[str, Any]) -> str | None:
        digest = self._args.digest(args, kwargs)
        return None if digest is None else f"{self._fkey}:{digest}"

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return types.MethodType(self, instance)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._name}>"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def clear(self, *args: Any, **kwargs: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError
