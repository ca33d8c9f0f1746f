"""cache_data with frames and arrays on disk: exact round trips through a
restart, copies handed out, tampered bytes refused, older records read."""

from __future__ import annotations

import datetime as dt
import decimal
import sqlite3
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import termlit as st
from termlit.caching import CacheWarning, _errors, _records, _store

ROWS = 3_000  # big enough for the columns to be buffers of their own


@pytest.fixture(autouse=True)
def cache_root(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(root))
    _errors.forget_reports()
    yield root
    _store.close_all()


def _restart():
    """What a restarted process sees: nothing in memory."""
    _store.close_all()


def _rows(root: Path) -> list[tuple]:
    (folder,) = (root / "apps").iterdir()
    with sqlite3.connect(folder / "cache.db") as db:
        rows = db.execute("SELECT key, filename, value FROM Cache WHERE key NOT LIKE 'fn:%'").fetchall()
    return [(key, folder / filename if filename else None, value) for key, filename, value in rows]


def _numbers() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    return pd.DataFrame(
        {
            "f64": rng.random(ROWS),
            "f32": rng.random(ROWS).astype("float32"),
            "i8": rng.integers(-100, 100, ROWS).astype("int8"),
            "i64": rng.integers(0, 10**12, ROWS),
            "u16": rng.integers(0, 60_000, ROWS).astype("uint16"),
            "flag": rng.random(ROWS) > 0.5,
            "nullable": pd.array([None if i % 7 == 0 else i for i in range(ROWS)], dtype="Int64"),
            "maybe": pd.array([None if i % 5 == 0 else i % 2 == 0 for i in range(ROWS)], dtype="boolean"),
            "c128": rng.random(ROWS) + 1j,
        },
        index=pd.RangeIndex(10, 10 + ROWS, name="row"),
    )


def _times() -> pd.DataFrame:
    stamps = pd.date_range("2024-01-01", periods=ROWS, freq="min")
    return pd.DataFrame(
        {
            "naive": stamps,
            "aware": stamps.tz_localize("Europe/Paris"),
            "delta": stamps - stamps[0],
            "period": pd.period_range("2024-01", periods=ROWS, freq="D"),
            "date": [dt.date(2024, 1, 1) + dt.timedelta(days=i % 300) for i in range(ROWS)],
        },
        index=pd.DatetimeIndex(stamps, name="at"),
    )


def _text() -> pd.DataFrame:
    words = [f"word-{i % 97}" for i in range(ROWS)]
    return pd.DataFrame(
        {
            "str": pd.array(words, dtype="str"),
            "objects": pd.Series(words, dtype=object),
            "with_na": pd.array([None if i % 11 == 0 else w for i, w in enumerate(words)], dtype="string"),
            "category": pd.Categorical(words),
            "ordered": pd.Categorical([w[-1] for w in words], ordered=True),
            "bytes": [w.encode() for w in words],
        },
        index=pd.Index([f"k{i}" for i in range(ROWS)], name="key"),
    )


def _awkward() -> pd.DataFrame:
    """What a columnar format could not keep as it is: mixed objects,
    lists, Decimals, a MultiIndex, duplicate and non-string column names."""
    frame = pd.DataFrame(
        {
            "mixed": [1, "two", 3.0, None, dt.date(2024, 1, 1), b"six"] * (ROWS // 6),
            "lists": [[i, i + 1] for i in range(ROWS)],
            "money": [decimal.Decimal(i) / 100 for i in range(ROWS)],
            "interval": pd.arrays.IntervalArray.from_breaks(np.arange(ROWS + 1)),
            "sparse": pd.arrays.SparseArray(np.where(np.arange(ROWS) % 10 == 0, 1.0, 0.0)),
        },
        index=pd.MultiIndex.from_product([range(ROWS // 3), ["a", "b", "c"]], names=["n", "letter"]),
    )
    frame[7] = np.arange(ROWS)  # a column named by an int
    frame.attrs["source"] = "test"
    return frame


def _arrow() -> pd.DataFrame:
    pa = pytest.importorskip("pyarrow")
    return pd.DataFrame(
        {
            "ints": pd.array(range(ROWS), dtype="int64[pyarrow]"),
            "texts": pd.array([f"t{i}" for i in range(ROWS)], dtype=pd.ArrowDtype(pa.string())),
            "lists": pd.array([[i] for i in range(ROWS)], dtype=pd.ArrowDtype(pa.list_(pa.int64()))),
        }
    )


FRAMES = {"numbers": _numbers, "times": _times, "text": _text, "awkward": _awkward, "arrow": _arrow}


@pytest.mark.parametrize("make", FRAMES.values(), ids=FRAMES.keys())
def test_frames_come_back_equal_after_a_restart(make):
    expected = make()
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return make()

    pd.testing.assert_frame_equal(load(), expected)
    _restart()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # read as it was written: no warning, no recompute
        from_disk = load()
    pd.testing.assert_frame_equal(from_disk, expected)
    assert from_disk.attrs == expected.attrs
    pd.testing.assert_frame_equal(load(), expected)  # and from memory
    assert calls == [1]


def test_series_arrays_and_containers_come_back_equal_after_a_restart():
    arr = np.arange(12_000, dtype="float64").reshape(100, 120)

    @st.cache_data
    def load():
        return {
            "fortran": np.asfortranarray(arr),
            "strided": arr[:, ::2],
            "series": pd.Series(np.arange(5_000), name="s"),
            "index": pd.Index(np.arange(5_000) * 2),
            "records": np.zeros(2_000, dtype=[("x", "f8"), ("y", "i4")]),
        }

    load()
    _restart()
    got = load()
    np.testing.assert_array_equal(got["fortran"], arr)
    assert got["fortran"].flags.f_contiguous
    np.testing.assert_array_equal(got["strided"], arr[:, ::2])
    pd.testing.assert_series_equal(got["series"], pd.Series(np.arange(5_000), name="s"))
    pd.testing.assert_index_equal(got["index"], pd.Index(np.arange(5_000) * 2))
    assert got["records"].dtype.names == ("x", "y") and len(got["records"]) == 2_000


def test_a_hit_after_a_restart_hands_out_copies():
    @st.cache_data
    def frame():
        return _numbers()

    @st.cache_data
    def arrays():
        return {"a": np.arange(10_000), "b": [1, 2]}  # no cheap copier: loaded afresh each hit

    @st.cache_data
    def array():
        return np.arange(10_000)

    original = frame()
    original.iloc[0, 0] = -1.0  # the miss's own value, changed after it was cached
    arrays()["a"][0] = -1
    array()[0] = -1
    _restart()
    for _hit in range(2):  # the hit from disk, then the one from memory
        got = frame()
        assert got.iloc[0, 0] != -1.0
        got.iloc[0, 0] = -2.0
        got["f64"] *= 0
        got["new"] = 1
        d = arrays()
        assert d["a"][0] == 0 and d["a"].flags.writeable
        d["a"][:] = -2
        d["b"].append(3)
        a = array()
        assert a[0] == 0 and a.flags.writeable
        a[:] = -2
    pd.testing.assert_frame_equal(frame(), _numbers())
    assert arrays()["a"].tolist() == list(range(10_000)) and arrays()["b"] == [1, 2]
    assert array().tolist() == list(range(10_000))


@pytest.mark.parametrize("where", ["buffer", "stream", "meta", "header", "length"])
def test_a_tampered_byte_anywhere_is_refused_and_the_frame_recomputed(cache_root, where):
    big = pd.DataFrame({"x": np.arange(300_000, dtype="int64"), "name": ["n"] * 300_000})  # > 1 MB: a file
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return big

    load()
    ((_key, path, _value),) = _rows(cache_root)
    data = bytearray(path.read_bytes())
    assert data[:4] == b"TLC2"
    meta_len = int.from_bytes(data[40:48], "little")
    value_at = int.from_bytes(data[48:56], "little")
    spot = {"buffer": len(data) - 1000, "stream": value_at + 100, "meta": 56 + meta_len // 2, "header": 6,
            "length": 45}[where]
    data[spot] ^= 0x01
    path.write_bytes(bytes(data))
    _restart()
    with pytest.warns(CacheWarning, match="tampered"):
        pd.testing.assert_frame_equal(load(), big)
    assert calls == [1, 1]
    _restart()
    pd.testing.assert_frame_equal(load(), big)  # the recomputed record is good
    assert calls == [1, 1]


def _plant(cache_root: Path, record: bytes) -> None:
    """Replace the one record in the folder (same key) with ``record``."""
    ((key, _path, _value),) = _rows(cache_root)
    store = next(iter(_store.all_stores()))
    store.disk().cache.set(key, record)
    _restart()


def _key_of(cache_root: Path) -> str:
    return _rows(cache_root)[0][0]


@pytest.mark.parametrize("value", [pd.DataFrame({"a": np.arange(2_000)}), {"arr": np.arange(2_000), "n": 1}],
                         ids=["frame", "dict"])
def test_a_record_of_the_previous_format_is_read(cache_root, value):
    import pickle

    @st.cache_data
    def load():
        return "recomputed"

    load()
    meta = pickle.dumps((0.0, None, []), protocol=5)
    secret = (cache_root / "termlit.key").read_bytes()
    _plant(cache_root, _records.encode_v1(secret, _key_of(cache_root), meta, pickle.dumps(value, protocol=5)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for _hit in range(2):
            got = load()
            if isinstance(value, pd.DataFrame):
                pd.testing.assert_frame_equal(got, value)
                got.iloc[0, 0] = -1
            else:
                np.testing.assert_array_equal(got["arr"], value["arr"])
                got["arr"][0] = -1


def test_a_record_of_an_unknown_format_is_recomputed(cache_root):
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return "value"

    load()
    _plant(cache_root, b"TLC9" + bytes(200))
    with pytest.warns(CacheWarning, match="tampered"):
        assert load() == "value"
    assert calls == [1, 1]


def test_without_blake3_records_are_signed_with_hmac_and_blake3_ones_recomputed(cache_root, monkeypatch):
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return np.arange(3_000)  # kept in the database (under 32 KB)

    load()  # signed with BLAKE3
    _restart()
    monkeypatch.setattr(_records, "_blake3", None)
    with pytest.warns(CacheWarning, match="blake3"):
        assert load().sum() == np.arange(3_000).sum()
    assert calls == [1, 1]
    ((_key, _path, value),) = _rows(cache_root)
    assert value[4] == _records.ALG_HMAC
    _restart()
    assert load()[-1] == 2_999 and calls == [1, 1]  # the HMAC record is read back
