"""Hashers of plain Python values: builtins, dates and times, UUIDs,
Decimals, paths, Enums, dataclasses, pydantic models, ``functools.partial``,
functions and methods, and subclasses of builtins.

:data:`SIMPLE` finds a hasher by exact type (one dict lookup for the common
cases); :func:`by_isinstance` finds one for subclasses and the kinds of object
told apart by ``isinstance``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import decimal
import enum
import fractions
import functools
import pathlib
import re
import sys
import types
import uuid
from typing import Any

from termlit.caching._feed import Feed, Handler, new_hash, type_name

__all__ = ["SIMPLE", "by_isinstance", "code_fingerprint"]


# -- simple values ---------------------------------------------------------------


def _h_none(h: Feed, obj: Any) -> None:
    h.raw(b"N")


def _h_bool(h: Feed, obj: bool) -> None:
    h.raw(b"B1" if obj else b"B0")


def _h_int(h: Feed, obj: int) -> None:
    h.raw(b"I", obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True))


def _h_float(h: Feed, obj: float) -> None:
    h.text(b"F", obj.hex())


def _h_complex(h: Feed, obj: complex) -> None:
    h.text(b"C", f"{obj.real.hex()},{obj.imag.hex()}")


def _h_str(h: Feed, obj: str) -> None:
    h.text(b"s", obj)


def _h_bytes(h: Feed, obj: bytes) -> None:
    h.raw(b"b", obj)


def _h_bytearray(h: Feed, obj: bytearray) -> None:
    h.raw(b"ba", bytes(obj))


def _h_memoryview(h: Feed, obj: memoryview) -> None:
    h.raw(b"mv", obj.tobytes())


def _h_range(h: Feed, obj: range) -> None:
    h.text(b"rg", f"{obj.start},{obj.stop},{obj.step}")


def _h_slice(h: Feed, obj: slice) -> None:
    h.raw(b"sl")
    h.add((obj.start, obj.stop, obj.step))


def _h_singleton(h: Feed, obj: Any) -> None:
    h.text(b"1", repr(obj))


def _h_decimal(h: Feed, obj: decimal.Decimal) -> None:
    h.text(b"dec", str(obj))


def _h_fraction(h: Feed, obj: fractions.Fraction) -> None:
    h.text(b"fr", f"{obj.numerator}/{obj.denominator}")


def _h_uuid(h: Feed, obj: uuid.UUID) -> None:
    h.raw(b"uuid", obj.bytes)


def _tz(obj: Any) -> str:
    tz = getattr(obj, "tzinfo", None)
    return "" if tz is None else f"{type_name(type(tz))}:{tz!r}"


def _h_datetime(h: Feed, obj: _dt.datetime) -> None:
    h.text(b"dt", f"{obj.isoformat()}|{obj.fold}|{_tz(obj)}")


def _h_date(h: Feed, obj: _dt.date) -> None:
    h.text(b"da", obj.isoformat())


def _h_time(h: Feed, obj: _dt.time) -> None:
    h.text(b"ti", f"{obj.isoformat()}|{obj.fold}|{_tz(obj)}")


def _h_timedelta(h: Feed, obj: _dt.timedelta) -> None:
    h.text(b"td", f"{obj.days},{obj.seconds},{obj.microseconds}")


def _h_type(h: Feed, obj: type) -> None:
    h.raw(b"type")
    h.qualified(obj)


def _h_module(h: Feed, obj: types.ModuleType) -> None:
    h.text(b"mod", obj.__name__)


def _h_pattern(h: Feed, obj: re.Pattern) -> None:
    h.raw(b"re")
    h.add((obj.pattern, obj.flags))


def _h_function(h: Feed, obj: types.FunctionType) -> None:
    h.raw(b"fn")
    h.qualified(obj)
    h.text(b"code", code_fingerprint(obj.__code__))
    h.add(obj.__defaults__)
    h.add(obj.__kwdefaults__)


def _h_builtin(h: Feed, obj: types.BuiltinFunctionType) -> None:
    h.raw(b"bf")
    h.qualified(obj)
    owner = getattr(obj, "__self__", None)
    if owner is not None and not isinstance(owner, types.ModuleType):
        h.add(owner)


def _h_method(h: Feed, obj: types.MethodType) -> None:
    h.raw(b"meth")
    h.add(obj.__func__)
    h.add(obj.__self__)


SIMPLE: dict[type, Handler] = {
    type(None): _h_none,
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


def _h_enum(h: Feed, obj: enum.Enum) -> None:
    h.raw(b"enum")
    h.qualified(type(obj))
    h.text(b"name", obj.name)


def _h_dataclass(h: Feed, obj: Any) -> None:
    h.raw(b"dc")
    h.qualified(type(obj))
    for field in dataclasses.fields(obj):
        h.text(b"f", field.name)
        h.add(getattr(obj, field.name))


def _h_partial(h: Feed, obj: functools.partial) -> None:
    h.raw(b"partial")
    h.qualified(type(obj))
    h.add(obj.func)
    h.add(obj.args)
    h.add(obj.keywords)


def _h_pydantic(h: Feed, obj: Any) -> None:
    h.raw(b"pydantic")
    h.qualified(type(obj))
    dump = getattr(obj, "model_dump", None)
    h.add(dump(mode="python") if dump is not None else obj.dict())


def _h_path(h: Feed, obj: pathlib.PurePath) -> None:
    h.raw(b"path")
    h.qualified(type(obj))
    h.text(b"p", str(obj))


def _h_subclass(h: Feed, obj: Any) -> None:
    """Subclasses of builtins (str, int, dict, OrderedDict, namedtuple...)."""
    h.raw(b"sub")
    h.qualified(type(obj))
    for base, tag in ((bool, b"bool"), (int, b"int"), (float, b"float"), (str, b"str"), (bytes, b"bytes")):
        if isinstance(obj, base):
            h.raw(tag)
            SIMPLE[base](h, base(obj))
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


def by_isinstance(obj: Any) -> Handler | None:
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
    h = new_hash()

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
