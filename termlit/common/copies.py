"""The cheapest correct copy of a cached value.

``cache_data`` hands out a new copy at every call, and a SQL connection a
new copy of each cached query result. Unpickling always works, but for the
common data types something cheaper is just as safe:

- immutable values (numbers, strings, bytes, dates, UUIDs, Enums, tuples and
  frozensets of those) are returned as they are: nothing can change them;
- pyarrow Tables and Arrays are immutable too;
- a numpy array (not of Python objects) is copied with ``ndarray.copy``;
- a pandas DataFrame or Series is copied with ``.copy()``: a shallow copy
  under pandas' Copy-on-Write (always on from pandas 3), where a write to
  either frame copies the touched data first, a deep copy otherwise. Only
  when its object columns hold plain scalars: a column of lists or dicts
  could be changed in place, so such frames are unpickled instead.

Everything else comes back from its pickle.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import enum
import fractions
import uuid
from collections.abc import Callable
from typing import Any

__all__ = ["copier_for", "copy_frame", "copy_on_write"]

_ATOMS = (
    type(None),
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    decimal.Decimal,
    fractions.Fraction,
    _dt.date,
    _dt.time,
    _dt.timedelta,
    uuid.UUID,
    range,
    type(Ellipsis),
)

#: Kinds of object column pandas can tell hold only immutable scalars.
_SAFE_INFERRED = {
    "empty",
    "string",
    "bytes",
    "integer",
    "floating",
    "mixed-integer-float",
    "decimal",
    "complex",
    "boolean",
    "datetime64",
    "datetime",
    "date",
    "timedelta64",
    "timedelta",
    "time",
    "period",
}


def _same(value: Any) -> Any:
    return value


def _immutable(value: Any, budget: list[int]) -> bool:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    cls = type(value)
    if cls in _ATOMS or isinstance(value, enum.Enum):
        return True
    if cls is tuple or cls is frozenset:
        return all(_immutable(item, budget) for item in value)
    return False


def copier_for(value: Any) -> Callable[[Any], Any] | None:
    """A function that copies ``value`` safely and cheaply, or None when the
    value must be copied by unpickling it."""
    cls = type(value)
    if _immutable(value, [10_000]):
        return _same
    module = (cls.__module__ or "").partition(".")[0]
    if module == "numpy":
        import numpy as np

        if cls is np.ndarray and not value.dtype.hasobject:
            return _copy_ndarray
        if isinstance(value, np.generic) and value.dtype.kind != "O":
            return _same
        return None
    if module == "pandas":
        return _pandas_copier(value)
    if module == "pyarrow":
        import pyarrow as pa

        if isinstance(value, (pa.Table, pa.RecordBatch, pa.Array, pa.ChunkedArray, pa.Schema)):
            return _same
    return None


def _copy_ndarray(value: Any) -> Any:
    return value.copy(order="K")


def _pandas_copier(value: Any) -> Callable[[Any], Any] | None:
    import pandas as pd

    if type(value) is pd.DataFrame:
        columns = [value.iloc[:, i] for i in range(value.shape[1])]
    elif type(value) is pd.Series:
        columns = [value]
    else:
        return None
    for column in columns:
        if column.dtype == object and pd.api.types.infer_dtype(column, skipna=True) not in _SAFE_INFERRED:
            return None
    for index in (value.index, getattr(value, "columns", None)):
        if index is not None and index.dtype == object:
            if pd.api.types.infer_dtype(index, skipna=True) not in _SAFE_INFERRED and not isinstance(index, pd.MultiIndex):
                return None
    return _copy_frame_cow if copy_on_write() else _copy_frame_deep


def copy_on_write() -> bool:
    """Whether pandas copies on write (a shallow copy of a frame is then a
    safe copy to hand out)."""
    import pandas as pd

    if int(pd.__version__.split(".", 1)[0]) >= 3:
        return True
    try:
        return bool(pd.get_option("mode.copy_on_write") is True)
    except (KeyError, ValueError, pd.errors.OptionError):
        return False


def _copy_frame_cow(value: Any) -> Any:
    return value.copy(deep=False)


def _copy_frame_deep(value: Any) -> Any:
    return value.copy(deep=True)


def copy_frame(frame: Any) -> Any:
    """A copy of a DataFrame or Series whose changes never reach ``frame``'s
    data: shallow under Copy-on-Write, deep otherwise. (Python objects held
    in cells, such as lists, are shared: :func:`copier_for` tells when that
    is safe.)"""
    return frame.copy(deep=not copy_on_write())
