"""Hashing of numpy, pandas and pyarrow data, from their buffers.

Only imported when such a value is hashed, so it may import numpy at the
top: it is loaded by then (pandas and pyarrow load it themselves). pandas and
pyarrow are imported where their values are hashed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from termlit.caching._feed import Feed, Handler

__all__ = ["HASHERS", "hash_arrow", "hash_numpy", "hash_pandas"]


# -- numpy -----------------------------------------------------------------------


def hash_numpy(h: Feed, obj: Any) -> None:
    if isinstance(obj, np.ndarray):
        _ndarray(h, obj)
    elif isinstance(obj, np.generic):
        h.text(b"np.scalar", obj.dtype.str)
        if obj.dtype.kind == "O":
            h.add(obj.item())
        else:
            h.raw(b"v", obj.tobytes())
    elif isinstance(obj, np.dtype):
        h.text(b"np.dtype", repr(obj))
    elif isinstance(obj, np.random.Generator):
        h.raw(b"np.rng")
        h.add(obj.bit_generator.state)
    else:
        h.reduce(obj)


def _ndarray(h: Feed, arr: np.ndarray) -> None:
    h.text(b"nd", f"{type(arr).__module__}.{type(arr).__qualname__}|{arr.dtype.descr if arr.dtype.fields else arr.dtype.str}|{arr.shape}")
    if arr.dtype.hasobject:
        _objects(h, arr.ravel(order="K").tolist(), arr)
        return
    if isinstance(arr, np.ma.MaskedArray):
        _ndarray(h, np.ma.getdata(arr))
        _ndarray(h, np.ma.getmaskarray(arr))
        h.add(arr.fill_value.item() if hasattr(arr.fill_value, "item") else arr.fill_value)
        return
    data = arr if arr.flags.c_contiguous else np.ascontiguousarray(arr)
    h.raw(b"buf", memoryview(data.reshape(-1).view(np.uint8)) if data.size else b"")


def _objects(h: Feed, items: list, owner: Any) -> None:
    """A sequence of Python objects; strings take a one-pass fast path."""
    n = len(items)
    if n > 16:
        try:
            joined = "\x00".join(items)
        except TypeError:
            joined = None
        # With exactly n-1 separators no item contains one, so the joined text
        # and the count identify the list.
        if joined is not None and joined.count("\x00") == n - 1:
            h.count(b"strs", n)
            h.raw(b"j", joined.encode("utf-8", "surrogatepass"))
            return
    h.count(b"objs", n)
    for item in items:
        h.add(item)


# -- pandas ----------------------------------------------------------------------


def hash_pandas(h: Feed, obj: Any) -> None:
    import pandas as pd

    if isinstance(obj, pd.DataFrame):
        h.text(b"pd.DataFrame", type(obj).__qualname__)
        h.raw(b"shape", repr(obj.shape).encode())
        _index(h, obj.columns)
        _index(h, obj.index)
        for i in range(obj.shape[1]):
            _column(h, obj.iloc[:, i])
        h.add(dict(obj.attrs))
    elif isinstance(obj, pd.Series):
        h.text(b"pd.Series", type(obj).__qualname__)
        h.add(obj.name)
        _index(h, obj.index)
        _column(h, obj)
        h.add(dict(obj.attrs))
    elif isinstance(obj, pd.Index):
        _index(h, obj)
    elif isinstance(obj, pd.api.extensions.ExtensionArray):
        h.raw(b"pd.array")
        _column(h, pd.Series(obj, copy=False))
    elif isinstance(obj, (pd.Timestamp, pd.Timedelta, pd.Period, pd.Interval)) or obj is pd.NaT:
        h.text(b"pd.scalar", f"{type(obj).__qualname__}|{obj!r}")
    elif isinstance(obj, pd.api.extensions.ExtensionDtype):
        h.text(b"pd.dtype", repr(obj))
    else:
        h.reduce(obj)


def _index(h: Feed, index: Any) -> None:
    import pandas as pd

    h.text(b"pd.Index", f"{type(index).__qualname__}|{index.dtype}")
    h.add(list(index.names))
    if isinstance(index, pd.RangeIndex):
        h.text(b"range", f"{index.start},{index.stop},{index.step}")
    elif isinstance(index, pd.MultiIndex):
        h.count(b"levels", len(index.levels))
        for level, codes in zip(index.levels, index.codes):
            _index(h, level)
            _ndarray(h, np.asarray(codes))
    else:
        _values(h, index.array)


def _column(h: Feed, series: Any) -> None:
    h.text(b"col", str(series.dtype))
    _values(h, series.array)


def _values(h: Feed, array: Any) -> None:
    """The data of a pandas ExtensionArray, from its buffers where possible."""
    import pandas as pd

    if isinstance(array, pd.arrays.NumpyExtensionArray):
        _ndarray(h, array.to_numpy(copy=False))
        return
    if isinstance(array, pd.Categorical):
        h.raw(b"cat", b"1" if array.ordered else b"0")
        _index(h, array.categories)
        _ndarray(h, np.asarray(array.codes))
        return
    if isinstance(array, (pd.arrays.DatetimeArray, pd.arrays.TimedeltaArray)):
        h.text(b"dt64", str(array.dtype))
        _ndarray(h, array.asi8)
        return
    arrow = getattr(array, "_pa_array", None)
    if arrow is not None:  # Arrow-backed strings and ArrowDtype columns
        hash_arrow(h, arrow)
        return
    data, mask = getattr(array, "_data", None), getattr(array, "_mask", None)
    if isinstance(data, np.ndarray) and isinstance(mask, np.ndarray):  # Int64, boolean, Float64...
        _ndarray(h, data)
        _ndarray(h, mask)
        return
    ndarray = getattr(array, "_ndarray", None)
    if isinstance(ndarray, np.ndarray):  # python-backed StringArray and friends
        _ndarray(h, ndarray)
        return
    # Sparse, interval, period and third-party arrays: one 64-bit hash per row.
    hashed = pd.util.hash_array(np.asarray(array, dtype=object))
    h.raw(b"rows")
    _ndarray(h, hashed)


# -- pyarrow ---------------------------------------------------------------------


def hash_arrow(h: Feed, obj: Any) -> None:
    import pyarrow as pa

    if isinstance(obj, (pa.Table, pa.RecordBatch)):
        h.text(b"pa.table", type(obj).__name__)
        h.raw(b"schema", obj.schema.serialize().to_pybytes())
        h.count(b"rows", obj.num_rows)
        for column in obj.columns:
            hash_arrow(h, column)
    elif isinstance(obj, pa.ChunkedArray):
        h.text(b"pa.chunked", str(obj.type))
        h.count(b"n", obj.num_chunks)
        for chunk in obj.chunks:
            _arrow_array(h, chunk)
    elif isinstance(obj, pa.Array):
        _arrow_array(h, obj)
    elif isinstance(obj, pa.Schema):
        h.raw(b"pa.schema", obj.serialize().to_pybytes())
    elif isinstance(obj, pa.DataType):
        h.text(b"pa.type", str(obj))
    elif isinstance(obj, pa.Scalar):
        h.text(b"pa.scalar", str(obj.type))
        h.add(obj.as_py())
    else:
        h.reduce(obj)


def _arrow_array(h: Feed, arr: Any) -> None:
    import pyarrow as pa

    h.text(b"pa.array", f"{arr.type}|{len(arr)}|{arr.offset}|{arr.null_count}")
    if "dictionary" in str(arr.type):
        # Dictionaries live outside buffers(): serialise the whole array.
        batch = pa.RecordBatch.from_arrays([arr], ["a"])
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, batch.schema) as writer:
            writer.write_batch(batch)
        h.raw(b"ipc", sink.getvalue())
        return
    for buf in arr.buffers():
        if buf is None:
            h.raw(b"-")
        else:
            h.raw(b"+", buf)


#: The hasher for each package's values, by top-level module name.
HASHERS: dict[str, Handler] = {"numpy": hash_numpy, "pandas": hash_pandas, "pyarrow": hash_arrow}
