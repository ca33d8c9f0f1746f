"""Cache keys: a function's identity and a digest of its arguments.

Arguments are fed to a streaming xxh3-128 hash (:mod:`._feed`), each value
with a type tag and a length prefix. Tables and arrays are hashed in full,
straight from their buffers (:mod:`._frames`):

- numpy arrays: dtype, shape and the raw data;
- pandas DataFrame / Series / Index: labels, dtypes and every column's data
  (numeric data from its buffer, Arrow-backed columns from their Arrow
  buffers, Python strings joined in one pass);
- pyarrow Tables, RecordBatches, Arrays and ChunkedArrays: schema and buffers.

So a change to any single cell changes the key. Builtins, containers
(dicts and sets regardless of order), dataclasses, Enums, dates and times,
UUIDs, Decimals, paths, pydantic models, ``functools.partial`` and functions
are understood (:mod:`._values`); anything else is hashed through what
``pickle`` would save of it (``__reduce_ex__``). What cannot be hashed raises
:class:`~termlit.caching.UnhashableParamError` naming the function and the
parameter.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from termlit.caching._errors import UnhashableParamError
from termlit.caching._feed import CannotHash, Feed, new_hash, type_name
from termlit.caching._values import SIMPLE, by_isinstance, code_fingerprint

__all__ = ["ArgHasher", "HashFuncs", "Hasher", "function_key"]

HashFuncs = Mapping[type | str, Callable[[Any], Any]]


class Hasher(Feed):
    """Feeds any value into one streaming hash: ``hash_funcs`` first, then
    by exact type, then tables and arrays, then by ``isinstance``, then
    through ``__reduce_ex__``."""

    __slots__ = ("_funcs", "_active", "_func_cache")

    def __init__(self, hash_funcs: HashFuncs | None = None) -> None:
        super().__init__()
        self._funcs: dict[Any, Callable[[Any], Any]] = dict(hash_funcs or {})
        #: Containers being hashed, by id (to spot one that contains itself).
        self._active: set[int] = set()
        self._func_cache: dict[type, Callable[[Any], Any] | None] = {}

    def digest_of(self, obj: Any) -> bytes:
        sub = Hasher.__new__(Hasher)
        Feed.__init__(sub)
        sub._funcs = self._funcs
        sub._active = self._active
        sub._func_cache = self._func_cache
        sub.add(obj)
        return sub.digest()

    def _custom(self, cls: type) -> Callable[[Any], Any] | None:
        try:
            return self._func_cache[cls]
        except KeyError:
            pass
        found = None
        for base in cls.__mro__:
            found = self._funcs.get(base) or self._funcs.get(type_name(base))
            if found is None and base.__module__ == "builtins":
                found = self._funcs.get(f"builtins.{base.__qualname__}")
            if found is not None:
                break
        self._func_cache[cls] = found
        return found

    def add(self, obj: Any, *, custom: bool = True) -> None:
        cls = type(obj)
        if custom and self._funcs:
            func = self._custom(cls)
            if func is not None:
                try:
                    replacement = func(obj)
                except Exception as exc:
                    raise CannotHash(obj, f"its hash_funcs entry raised {type(exc).__name__}: {exc}") from exc
                self.text(b"hf", type_name(cls))
                self.add(replacement, custom=type(replacement) is not cls)
                return
        simple = SIMPLE.get(cls)
        if simple is not None:
            simple(self, obj)
            return
        oid = id(obj)
        if oid in self._active:  # a container that contains itself
            self.raw(b"cycle")
            return
        self._active.add(oid)
        try:
            self._add_complex(obj, cls)
        finally:
            self._active.discard(oid)

    def _add_complex(self, obj: Any, cls: type) -> None:
        if cls is tuple or cls is list:
            self.count(b"T" if cls is tuple else b"L", len(obj))
            for item in obj:
                self.add(item)
            return
        if cls is dict:
            # Equal dicts give equal keys whatever their insertion order.
            self.count(b"D", len(obj))
            self.digests(sorted(self.digest_of((k, v)) for k, v in obj.items()))
            return
        if cls is set or cls is frozenset:
            self.count(b"S", len(obj))
            self.digests(sorted(self.digest_of(item) for item in obj))
            return
        top = (cls.__module__ or "").partition(".")[0]
        if top in ("pandas", "numpy", "pyarrow"):
            from termlit.caching import _frames  # lazy: it imports numpy, loaded by now

            _frames.HASHERS[top](self, obj)
            return
        handler = by_isinstance(obj)
        if handler is not None:
            handler(self, obj)
            return
        self.reduce(obj)


# -- functions ---------------------------------------------------------------------


_function_keys: dict[int, tuple[weakref.ref, str]] = {}


def function_key(func: Callable[..., Any], kind: str) -> str:
    """Module + qualified name + source of ``func``: editing the function
    gives a new key, so its old entries are never returned again."""
    code = getattr(func, "__code__", None)
    if code is not None:
        memo = _function_keys.get(id(code))
        if memo is not None and memo[0]() is code:
            return f"{kind}-{memo[1]}"
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        source = code_fingerprint(code) if code is not None else repr(func)
    h = new_hash()
    for part in (getattr(func, "__module__", None) or "", getattr(func, "__qualname__", ""), source):
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    digest = h.hexdigest()
    if code is not None:
        ident = id(code)
        _function_keys[ident] = (weakref.ref(code, lambda _r, i=ident: _function_keys.pop(i, None)), digest)
    return f"{kind}-{digest}"


# -- arguments ----------------------------------------------------------------------


class ArgHasher:
    """Hashes the arguments of one cached function: bind them to its
    signature (so ``f(1)`` and ``f(x=1)`` share an entry), skip parameters
    whose names start with ``_``, hash the rest."""

    def __init__(self, func: Callable[..., Any], hash_funcs: HashFuncs | None) -> None:
        self.func = func
        self.hash_funcs = hash_funcs
        try:
            self.signature: inspect.Signature | None = inspect.signature(func)
        except (TypeError, ValueError):
            self.signature = None
        self.takes_nothing = self.signature is not None and not self.signature.parameters

    def digest(self, args: tuple, kwargs: dict[str, Any]) -> str | None:
        """The arguments' digest, or None when they do not fit the signature
        (the caller then calls the function, which raises Python's own error)."""
        if self.takes_nothing and not args and not kwargs:
            return "0"
        h = Hasher(self.hash_funcs)
        if self.signature is None:
            items: list[tuple[str, Any, bool]] = [(f"#{i}", a, False) for i, a in enumerate(args)]
            items += [(k, v, False) for k, v in sorted(kwargs.items())]
        else:
            try:
                bound = self.signature.bind(*args, **kwargs)
            except TypeError:
                return None
            bound.apply_defaults()
            items = []
            for name, value in bound.arguments.items():
                kind = self.signature.parameters[name].kind
                if kind is inspect.Parameter.VAR_KEYWORD:
                    items.extend((k, v, True) for k, v in sorted(value.items()))
                else:
                    items.append((name, value, False))
        for name, value, from_kwargs in items:
            if name.startswith("_"):
                continue
            h.text(b"arg", name)
            try:
                h.add(value)
            except CannotHash as exc:
                raise UnhashableParamError(self._message(name, value, exc, from_kwargs)) from None
            except RecursionError:
                raise UnhashableParamError(
                    self._message(name, value, CannotHash(value, "it is nested too deeply"), from_kwargs)
                ) from None
        return h.hexdigest()

    def _message(self, name: str, value: Any, exc: CannotHash, from_kwargs: bool) -> str:
        fname = getattr(self.func, "__qualname__", repr(self.func))
        value_type = type_name(type(value))
        inner = "" if exc.obj_type == value_type else f" (it contains a {exc.obj_type})"
        where = "keyword argument" if from_kwargs else "parameter"
        rename = (
            f"pass it under a name that starts with an underscore (e.g. `_{name}`), "
            if from_kwargs
            else f"rename the parameter to `_{name}` (parameters starting with an underscore are not hashed), "
        )
        return (
            f"Cannot hash the {where} `{name}` of `{fname}()`: a value of type "
            f"{value_type}{inner} cannot be turned into a cache key ({exc.reason}). "
            f"To leave it out of the key, {rename}"
            f"or tell the cache how to hash it with "
            f"hash_funcs={{{exc.obj_type}: lambda value: ...}} in the decorator."
        )
