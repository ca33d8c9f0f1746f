"""The streaming hash that argument values are fed into.

Every value goes in as a type tag, a length prefix and its bytes, so two
different argument lists never feed the same bytes. :class:`Feed` holds those
primitives and the fallback for objects nothing else understands (what
``pickle`` would save of them); :class:`~termlit.caching._hashing.Hasher`
adds the dispatch over types. The hashers of plain values
(:mod:`termlit.caching._values`) and of tables and arrays
(:mod:`termlit.caching._frames`) are written against this class.
"""

from __future__ import annotations

import types
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

__all__ = ["CannotHash", "Feed", "Handler", "new_hash", "type_name"]


class CannotHash(Exception):
    """Raised deep inside the hasher; turned into UnhashableParamError."""

    def __init__(self, obj: Any, reason: str) -> None:
        super().__init__(reason)
        self.obj_type = type_name(type(obj))
        self.reason = reason


def type_name(cls: type) -> str:
    """``module.QualName`` of a class, or just ``QualName`` for a builtin."""
    module = getattr(cls, "__module__", None)
    name = getattr(cls, "__qualname__", getattr(cls, "__name__", repr(cls)))
    return name if module in (None, "builtins") else f"{module}.{name}"


def new_hash() -> Any:
    """A fresh xxh3-128 hash (xxhash is imported on first use)."""
    import xxhash

    return xxhash.xxh3_128()


class Feed(ABC):
    """One streaming hash and the ways of feeding it."""

    __slots__ = ("_h",)

    def __init__(self) -> None:
        self._h = new_hash()

    def hexdigest(self) -> str:
        return self._h.hexdigest()

    def digest(self) -> bytes:
        return self._h.digest()

    def raw(self, tag: bytes, data: bytes | memoryview = b"") -> None:
        h = self._h
        h.update(tag)
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)

    def text(self, tag: bytes, text: str) -> None:
        self.raw(tag, text.encode("utf-8", "surrogatepass"))

    def count(self, tag: bytes, n: int) -> None:
        self.raw(tag, n.to_bytes(8, "little"))

    def digests(self, digests: list[bytes]) -> None:
        """Digests of parts, in the order given (sorted by the caller for
        containers whose order does not count)."""
        for digest in digests:
            self._h.update(digest)

    def qualified(self, obj: Any) -> None:
        """The module and qualified name of a class or function."""
        module = getattr(obj, "__module__", None) or ""
        name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or repr(obj)
        self.text(b"Q", f"{module}:{name}")

    @abstractmethod
    def add(self, obj: Any) -> None:
        """Feed any value; see :class:`~termlit.caching._hashing.Hasher`."""

    @abstractmethod
    def digest_of(self, obj: Any) -> bytes:
        """The digest of ``obj`` alone (for containers whose order does not count)."""

    def reduce(self, obj: Any) -> None:
        """What ``pickle`` would save of ``obj``: its class, the function that
        rebuilds it, the arguments and the state."""
        if isinstance(obj, (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)):
            raise CannotHash(obj, "a generator's values are only known by consuming it")
        try:
            reduced = obj.__reduce_ex__(4)
        except Exception as exc:
            raise CannotHash(obj, f"{type(exc).__name__}: {exc}") from None
        self.text(b"R", type_name(type(obj)))
        if isinstance(reduced, str):  # a global: module-level singleton
            self.text(b"g", reduced)
            return
        if not isinstance(reduced, tuple) or len(reduced) < 2:
            raise CannotHash(obj, "its __reduce_ex__ gave something unusual")
        func, args, *rest = reduced
        self.qualified(func)
        self.add(args)
        state = rest[0] if rest else None
        self.add(state)
        for extra in rest[1:3]:  # list items, dict items (iterators)
            self.add(list(extra) if extra is not None else None)


#: A hasher of one kind of value: called with the feed and the value.
Handler = Callable[[Feed, Any], None]
