"""Cache keys: a function's identity and a digest of its arguments.

Arguments are fed to a streaming xxh3-128 hash, each value with a type tag
and a length prefix, so two different argument lists never feed the same
bytes. Tables and arrays are hashed in full, straight from their buffers:

- numpy arrays: dtype, shape and the raw data;
- pandas DataFrame / Series / Index: labels, dtypes and every column's data
  (numeric data from its buffer, Arrow-backed columns from their Arrow
  buffers, Python strings joined in one pass);
- pyarrow Tables, RecordBatches, Arrays and ChunkedArrays: schema and buffers.

So a change to any single cell changes the key. Builtins, containers
(dicts and sets regardless of order), dataclasses, Enums, dates and times,
UUIDs, Decimals, paths, pydantic models, ``functools.partial`` and functions
are understood; anything else is hashed through what ``pickle`` would save
of it (``__reduce_ex__``). What cannot be hashed raises
:class:`~termlit.caching.UnhashableParamError` naming the function and the
parameter.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import fractions
import functools
import inspect
import pathlib
import re
import sys
import types
import uuid
import weakref
from collections.abc import Callable, Mapping
from typing import Any

from termlit.caching._errors import UnhashableParamError

__all__ = ["Hasher", "ArgHasher", "function_key", "HashFuncs"]

HashFuncs = Mapping[type | str, Callable[[Any], Any]]

_NONE = type(None)


class _CannotHash(Exception):
    """Raised deep inside the hasher; turned into UnhashableParamError."""

    def __init__(self, obj: Any, reason: str) -> None:
        super().__init__(reason)
        self.obj_type = _type_name(type(obj))
        self.reason = reason


def _type_name(cls: type) -> str:
    module = getattr(cls, "__module__", None)
    name = getattr(cls, "__qualname__", getattr(cls, "__name__", repr(cls)))
    return name if module in (None, "builtins") else f"{module}.{name}"


def _xxh():
    import xxhash

    return xxhash.xxh3_128()


class Hasher:
    """Feeds values into one streaming hash; see the module docstring."""

    __slots__ = ("_h", "_funcs", "_active", "_func_cache")

    def __init__(self, hash_funcs: HashFuncs | None = None) -> None:
        self._h = _xxh()
        self._funcs: dict[Any, Callable[[Any], Any]] = dict(hash_funcs or {})
        self._active: set[int] = set()
        self._func_cache: dict[type, Callable[[Any], Any] | None] = {}

    # -- output ----------------------------------------------------------------

    def hexdigest(self) -> str:
        return self._h.hexdigest()

    # -- low level -------------------------------------------------------------

    def _raw(self, tag: bytes, data: bytes | memoryview = b"") -> None:
        h = self._h
        h.update(tag)
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)

    def _str(self, tag: bytes, text: str) -> None:
        self._raw(tag, text.encode("utf-8", "surrogatepass"))

    def _sub(self, obj: Any) -> bytes:
        """The digest of ``obj`` alone (for order-free containers)."""
        sub = Hasher.__new__(Hasher)
        sub._h = _xxh()
        sub._funcs = self._funcs
        sub._active = self._active
        sub._func_cache = self._func_cache
        sub.add(obj)
        return sub._h.digest()

    # -- dispatch --------------------------------------------------------------

    def _custom(self, cls: type) -> Callable[[Any], Any] | None:
        try:
            return self._func_cache[cls]
        except KeyError:
            pass
        found = None
        for base in cls.__mro__:
            found = self._funcs.get(base) or self._funcs.get(_type_name(base))
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
                    raise _CannotHash(obj, f"its hash_funcs entry raised {type(exc).__name__}: {exc}") from exc
                self._str(b"hf", _type_name(cls))
                self.add(replacement, custom=type(replacement) is not cls)
                return
        simple = _SIMPLE.get(cls)
        if simple is not None:
            simple(self, obj)
            return
        oid = id(obj)
        if oid in self._active:  # a container that contains itself
            self._raw(b"cycle")
            return
        self._active.add(oid)
        try:
            self._add_complex(obj, cls)
        finally:
            self._active.discard(oid)

    def _add_complex(self, obj: Any, cls: type) -> None:
        if cls is tuple or cls is list:
            self._raw(b"T" if cls is tuple else b"L", len(obj).to_bytes(8, "little"))
            for item in obj:
                self.add(item)
            return
        if cls is dict:
            self._mapping(b"D", obj)
            return
        if cls is set or cls is frozenset:
            self._raw(b"S", len(obj).to_bytes(8, "little"))
            for digest in sorted(self._sub(item) for item in obj):
                self._h.update(digest)
            return
        module = cls.__module__ or ""
        top = module.partition(".")[0]
        if top == "pandas":
            from termlit.caching import _frames

            _frames.hash_pandas(self, obj)
            return
        if top == "numpy":
            from termlit.caching import _frames

            _frames.hash_numpy(self, obj)
            return
        if top == "pyarrow":
            from termlit.caching import _frames

            _frames.hash_arrow(self, obj)
            return
        handler = _by_isinstance(obj)
        if handler is not None:
            handler(self, obj)
            return
        self._reduce(obj, cls)

    def _mapping(self, tag: bytes, obj: Mapping) -> None:
        # Equal dicts give equal keys whatever their insertion order.
        self._raw(tag, len(obj).to_bytes(8, "little"))
        pairs = sorted(self._sub((k, v)) for k, v in obj.items())
        for digest in pairs:
            self._h.update(digest)

    def _reduce(self, obj: Any, cls: type) -> None:
        if isinstance(obj, (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)):
            raise _CannotHash(obj, "a generator's values are only known by consuming it")
        try:
            reduced = obj.__reduce_ex__(4)
        except Exception as exc:
            raise _CannotHash(obj, f"{type(exc).__name__}: {exc}") from None
        self._str(b"R", _type_name(cls))
        if isinstance(reduced, str):  # a global: module-level singleton
            self._str(b"g", reduced)
            return
        if not isinstance(reduced, tuple) or len(reduced) < 2:
            raise _CannotHash(obj, "its __reduce_ex__ gave something unusual")
        func, args, *rest = reduced
        self._qualified(func)
        self.add(args)
        state = rest[0] if rest else None
        self.add(state)
        for extra in rest[1:3]:  # list items, dict items (iterators)
            self.add(list(extra) if extra is not None else None)

    def _qualified(self, obj: Any) -> None:
        module = getattr(obj, "__module__", None) or ""
        name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or repr(obj)
        self._str(b"Q", f"{module}:{name}")


# -- simple values ---------------------------------------------------------------


def _h_none(h: Hasher, obj: Any) -> None:
    h._raw(b"N")


def _h_bool(h: Hasher, obj: bool) -> None:
    h._raw(b"B1" if obj else b"B0")


def _h_int(h: Hasher, obj: int) -> None:
    h._raw(b"I", obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True))


def _h_float(h: Hasher, obj: float) -> None:
    h._str(b"F", obj.hex())


def _h_complex(h: Hasher, obj: complex) -> None:
    h._str(b"C", f"{obj.real.hex()},{obj.imag.hex()}")


def _h_str(h: Hasher, obj: str) -> None:
    h._str(b"s", obj)


def _h_bytes(h: Hasher, obj: bytes) -> None:
    h._raw(b"b", obj)


def _h_bytearray(h: Hasher, obj: bytearray) -> None:
    h._raw(b"ba", bytes(obj))


def _h_memoryview(h: Hasher, obj: memoryview) -> None:
    h._raw(b"mv", obj.tobytes())


def _h_range(h: Hasher, obj: range) -> None:
    h._str(b"rg", f"{obj.start},{obj.stop},{obj.step}")


def _h_slice(h: Hasher, obj: slice) -> None:
    h._raw(b"sl")
    h.add((obj.start, obj.stop, obj.step))


def _h_singleton(h: Hasher, obj: Any) -> None:
    h._str(b"1", repr(obj))


def _h_decimal(h: Hasher, obj: decimal.Decimal) -> None:
    h._str(b"dec", str(obj))


def _h_fraction(h: Hasher, obj: fractions.Fraction) -> None:
    h._str(b"fr", f"{obj.numerator}/{obj.denominator}")


def _h_uuid(h: Hasher, obj: uuid.UUID) -> None:
    h._raw(b"uuid", obj.bytes)


def _tz(obj: Any) -> str:
    tz = getattr(obj, "tzinfo", None)
    return "" if tz is None else f"{_type_name(type(tz))}:{tz!r}"


def _h_datetime(h: Hasher, obj: _dt.datetime) -> None:
    h._str(b"dt", f"{obj.isoformat()}|{obj.fold}|{_tz(obj)}")


def _h_date(h: Hasher, obj: _dt.date) -> None:
    h._str(b"da", obj.isoformat())


def _h_time(h: Hasher, obj: _dt.time) -> None:
    h._str(b"ti", f"{obj.isoformat()}|{obj.fold}|{_tz(obj)}")


def _h_timedelta(h: Hasher, obj: _dt.timedelta) -> None:
    h._str(b"td", f"{obj.days},{obj.seconds},{obj.microseconds}")


def _h_type(h: Hasher, obj: type) -> None:
    h._raw(b"type")
    h._qualified(obj)


def _h_module(h: Hasher, obj: types.ModuleType) -> None:
    h._str(b"mod", obj.__name__)


def _h_pattern(h: Hasher, obj: re.Pattern) -> None:
    h._raw(b"re")
    h.add((obj.pattern, obj.flags))


def _h_function(h: Hasher, obj: types.FunctionType) -> None:
    h._raw(b"fn")
    h._qualified(obj)
    h._str(b"code", code_fingerprint(obj.__code__))
    h.add(obj.__defaults__)
    h.add(obj.__kwdefaults__)


def _h_builtin(h: Hasher, obj: types.BuiltinFunctionType) -> None:
    h._raw(b"bf")
    h._qualified(obj)
    owner = getattr(obj, "__self__", None)
    if owner is not None and not isinstance(owner, types.ModuleType):
        h.add(owner)


def _h_method(h: Hasher, obj: types.MethodType) -> None:
    h._raw(b"meth")
    h.add(obj.__func__)
    h.add(obj.__self__)


_SIMPLE: dict[type, Callable[[Hasher, Any], None]] = {
    _NONE: _h_none,
    bool: _h_bool,
    int: _h_int,
    float: _h_float,
    complex: _h_complex,
    str: _h_str,
    bytes: _h_bytes,
    bytearray: _h_bytearray,
    memoryview: _h_memoryview,
    range: _h_range,
    slice: _h_slice,
    type(Ellipsis): _h_singleton,
    type(NotImplemented): _h_singleton,
    decimal.Decimal: _h_decimal,
    fractions.Fraction: _h_fraction,
    uuid.UUID: _h_uuid,
    _dt.datetime: _h_datetime,
    _dt.date: _h_date,
    _dt.time: _h_time,
    _dt.timedelta: _h_timedelta,
    types.ModuleType: _h_module,
    re.Pattern: _h_pattern,
    types.FunctionType: _h_function,
    types.BuiltinFunctionType: _h_builtin,
    types.MethodType: _h_method,
}


# -- values recognised by isinstance ---------------------------------------------


def _h_enum(h: Hasher, obj: enum.Enum) -> None:
    h._raw(b"enum")
    h._qualified(type(obj))
    h._str(b"name", obj.name)


def _h_dataclass(h: Hasher, obj: Any) -> None:
    h._raw(b"dc")
    h._qualified(type(obj))
    for field in dataclasses.fields(obj):
        h._str(b"f", field.name)
        h.add(getattr(obj, field.name))


def _h_partial(h: Hasher, obj: functools.partial) -> None:
    h._raw(b"partial")
    h._qualified(type(obj))
    h.add(obj.func)
    h.add(obj.args)
    h.add(obj.keywords)


def _h_pydantic(h: Hasher, obj: Any) -> None:
    h._raw(b"pydantic")
    h._qualified(type(obj))
    dump = getattr(obj, "model_dump", None)
    h.add(dump(mode="python") if dump is not None else obj.dict())


def _h_path(h: Hasher, obj: pathlib.PurePath) -> None:
    h._raw(b"path")
    h._qualified(type(obj))
    h._str(b"p", str(obj))


def _h_subclass(h: Hasher, obj: Any) -> None:
    """Subclasses of builtins (str, int, dict, OrderedDict, namedtuple...)."""
    h._raw(b"sub")
    h._qualified(type(obj))
    for base, tag in ((bool, b"bool"), (int, b"int"), (float, b"float"), (str, b"str"), (bytes, b"bytes")):
        if isinstance(obj, base):
            h._raw(tag)
            _SIMPLE[base](h, base(obj))
            return
    if isinstance(obj, tuple):
        h.add(tuple(obj))
    elif isinstance(obj, list):
        h.add(list(obj))
    elif isinstance(obj, dict):
        h.add(dict(obj))
        if type(obj).__name__ == "OrderedDict":  # order is part of its equality
            h.add(list(obj))
    elif isinstance(obj, (set, frozenset)):
        h.add(frozenset(obj))
    if getattr(obj, "__dict__", None):
        h.add(vars(obj))


def _is_pydantic(obj: Any) -> bool:
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(obj, pydantic.BaseModel)


def _by_isinstance(obj: Any) -> Callable[[Hasher, Any], None] | None:
    if isinstance(obj, enum.Enum):
        return _h_enum
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _h_dataclass
    if isinstance(obj, functools.partial):
        return _h_partial
    if _is_pydantic(obj):
        return _h_pydantic
    if isinstance(obj, pathlib.PurePath):
        return _h_path
    if isinstance(obj, type):
        return _h_type
    if isinstance(obj, _dt.datetime):
        return _h_datetime
    if isinstance(obj, _dt.date):
        return _h_date
    if isinstance(obj, (int, float, str, bytes, tuple, list, dict, set, frozenset)):
        return _h_subclass
    return None


# -- functions ---------------------------------------------------------------------


def code_fingerprint(code: types.CodeType) -> str:
    """A digest of what a code object does (bytecode, constants, names)."""
    h = _xxh()

    def feed(c: types.CodeType) -> None:
        h.update(c.co_code)
        h.update(repr(c.co_names).encode())
        h.update(repr(c.co_varnames).encode())
        for const in c.co_consts:
            if isinstance(const, types.CodeType):
                feed(const)
            else:
                h.update(repr(const).encode("utf-8", "surrogatepass"))

    feed(code)
    return h.hexdigest()


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
    h = _xxh()
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
            h._str(b"arg", name)
            try:
                h.add(value)
            except _CannotHash as exc:
                raise UnhashableParamError(self._message(name, value, exc, from_kwargs)) from None
            except RecursionError:
                raise UnhashableParamError(
                    self._message(name, value, _CannotHash(value, "it is nested too deeply"), from_kwargs)
                ) from None
        return h.hexdigest()

    def _message(self, name: str, value: Any, exc: _CannotHash, from_kwargs: bool) -> str:
        fname = getattr(self.func, "__qualname__", repr(self.func))
        value_type = _type_name(type(value))
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
