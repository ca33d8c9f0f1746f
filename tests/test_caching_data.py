"""st.cache_data: copies, keys, invalidation, ttl, max_entries, clear, replay."""

from __future__ import annotations

import datetime as dt
import textwrap
import threading
import time
import warnings

import numpy as np
import pandas as pd
import pytest

import termlit as st
from termlit.caching import UnhashableParamError, UnserializableReturnValueError
from termlit.caching import _config, _errors, _store
from termlit.testing import AppTest


@pytest.fixture(autouse=True)
def cache_root(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(root))
    _errors.forget_reports()
    yield root
    _store.close_all()
    st.cache_resource.clear()


# -- copies --------------------------------------------------------------------


def test_every_hit_returns_a_new_copy_of_a_dataframe():
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return pd.DataFrame({"a": [1, 2, 3], "s": ["x", "y", "z"]})

    first = load()
    first.loc[0, "a"] = 100
    first["s"] = "changed"
    first["new"] = 1
    second = load()
    second.index.name = "renamed"
    third = load()
    assert len(calls) == 1
    assert third["a"].tolist() == [1, 2, 3]
    assert third["s"].tolist() == ["x", "y", "z"]
    assert list(third.columns) == ["a", "s"]
    assert third.index.name is None
    assert third is not second


def test_hits_return_copies_of_lists_dicts_and_arrays():
    @st.cache_data
    def nested():
        return {"rows": [[1, 2], [3]], "arr": np.arange(4)}

    @st.cache_data
    def frame_of_lists():
        return pd.DataFrame({"lists": [[1], [2]]})

    got = nested()
    got["rows"][0].append(99)
    got["arr"][0] = 42
    got["extra"] = True
    again = nested()
    assert again == {"rows": [[1, 2], [3]], "arr": again["arr"]} and again["arr"].tolist() == [0, 1, 2, 3]

    lists = frame_of_lists()
    lists.loc[0, "lists"].append(7)
    assert frame_of_lists().loc[0, "lists"] == [1]


def test_numpy_array_hit_is_a_writable_copy():
    @st.cache_data
    def arr():
        return np.zeros((3, 3))

    a = arr()
    a[1, 1] = 5
    b = arr()
    assert b[1, 1] == 0
    b[0, 0] = 1  # writable
    assert arr()[0, 0] == 0


def test_unpicklable_return_value_names_function_and_type_and_suggests_cache_resource():
    @st.cache_data
    def make_lock():
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError) as info:
        make_lock()
    message = str(info.value)
    assert "make_lock" in message and "lock" in message and "cache_resource" in message


# -- keys ----------------------------------------------------------------------


def test_arguments_make_the_key_and_positional_equals_keyword():
    calls = []

    @st.cache_data
    def f(x, y=2):
        calls.append((x, y))
        return x + y

    assert f(1) == 3
    assert f(x=1) == 3
    assert f(1, 2) == 3
    assert f(1, y=2) == 3
    assert len(calls) == 1
    assert f(2) == 4
    assert len(calls) == 2


def test_underscore_parameters_are_not_hashed():
    calls = []

    @st.cache_data
    def f(x, _conn):
        calls.append(x)
        return x

    f(1, threading.Lock())
    f(1, threading.Lock())
    assert calls == [1]


def test_unhashable_argument_error_names_function_parameter_and_the_ways_out():
    @st.cache_data
    def query(sql, conn):
        return sql

    with pytest.raises(UnhashableParamError) as info:
        query("select 1", threading.Lock())
    message = str(info.value)
    assert "query" in message and "`conn`" in message
    assert "_conn" in message and "hash_funcs" in message


def test_hash_funcs_by_type_and_by_qualified_name():
    class Conn:
        def __init__(self, url):
            self.url = url
            self.lock = threading.Lock()

    calls = []

    @st.cache_data(hash_funcs={Conn: lambda c: c.url})
    def by_type(conn):
        calls.append(conn.url)
        return conn.url

    @st.cache_data(hash_funcs={f"{Conn.__module__}.{Conn.__qualname__}": lambda c: c.url})
    def by_name(conn):
        calls.append(conn.url)
        return conn.url

    for fn in (by_type, by_name):
        assert fn(Conn("a")) == "a"
        assert fn(Conn("a")) == "a"
        assert fn(Conn("b")) == "b"
    assert calls == ["a", "b", "a", "b"]


def test_a_change_to_one_cell_of_a_big_frame_changes_the_key():
    calls = []

    @st.cache_data
    def total(df):
        calls.append(1)
        return float(df["f"].sum()) + len(df["s"].str.len())

    n = 300_000
    df = pd.DataFrame({"f": np.arange(n, dtype=float), "i": np.arange(n), "s": [f"r{i}" for i in range(n)]})
    total(df)
    total(df.copy())
    assert len(calls) == 1
    for column, value in (("f", -1.0), ("i", -1), ("s", "changed")):
        changed = df.copy()
        changed.loc[n // 2 + 17, column] = value
        total(changed)
    assert len(calls) == 4
    obj = df.astype({"s": object})
    total(obj)
    changed = obj.copy()
    changed.loc[n - 1, "s"] = "other"
    total(changed)
    assert len(calls) == 6


def test_keys_understand_common_types():
    import dataclasses
    import enum
    import functools
    import uuid

    import pyarrow as pa
    import pydantic

    @dataclasses.dataclass
    class Point:
        x: int
        y: int

    class Color(enum.Enum):
        RED = 1
        BLUE = 2

    class Model(pydantic.BaseModel):
        name: str
        size: int

    calls = []

    @st.cache_data
    def f(value):
        calls.append(1)
        return 1

    same_pairs = [
        (Point(1, 2), Point(1, 2)),
        (Color.RED, Color.RED),
        (dt.date(2024, 1, 2), dt.date(2024, 1, 2)),
        (dt.datetime(2024, 1, 2, 3, 4), dt.datetime(2024, 1, 2, 3, 4)),
        (uuid.UUID(int=5), uuid.UUID(int=5)),
        (Model(name="a", size=1), Model(name="a", size=1)),
        (functools.partial(max, 1), functools.partial(max, 1)),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
        ({1, 2, 3}, {3, 2, 1}),
        (np.arange(10), np.arange(10)),
        (pa.table({"a": [1, 2]}), pa.table({"a": [1, 2]})),
        (pd.Series([1.0, 2.0], name="s"), pd.Series([1.0, 2.0], name="s")),
    ]
    different = [
        Point(1, 3),
        Color.BLUE,
        dt.date(2024, 1, 3),
        dt.datetime(2024, 1, 2, 3, 5),
        uuid.UUID(int=6),
        Model(name="a", size=2),
        functools.partial(max, 2),
        {"a": 1, "b": 3},
        {1, 2, 4},
        np.arange(1, 11),
        pa.table({"a": [1, 3]}),
        pd.Series([1.0, 2.5], name="s"),
    ]
    for (a, b), other in zip(same_pairs, different):
        before = len(calls)
        f(a)
        f(b)
        assert len(calls) == before + 1, f"{a!r} and {b!r} should share a key"
        f(other)
        assert len(calls) == before + 2, f"{a!r} and {other!r} should not share a key"
    before = len(calls)
    f(1)
    f(True)
    f(1.0)
    f("1")
    assert len(calls) == before + 4


def test_plain_objects_are_keyed_by_their_state_and_generators_are_refused():
    class Settings:
        def __init__(self, level):
            self.level = level
            self.tags = ["a"]

    calls = []

    @st.cache_data
    def f(settings):
        calls.append(settings.level)
        return settings.level

    f(Settings(1))
    f(Settings(1))
    f(Settings(2))
    assert calls == [1, 2]
    with pytest.raises(UnhashableParamError, match="generator"):
        f(x for x in range(3))


# -- invalidation -------------------------------------------------------------


def test_editing_the_function_invalidates_its_entries(write_app):
    path = write_app(
        """
        import termlit as st

        @st.cache_data
        def value():
            return "first"

        st.markdown(value())
        """
    )
    at = AppTest.from_file(str(path)).run()
    assert at.markdown[0].value == "first"
    path.write_text(path.read_text().replace('"first"', '"second"'))
    at.run()
    assert at.markdown[0].value == "second"
    # The rest of the script can change without losing the entry.
    path.write_text(path.read_text() + "\nst.caption('more')\n")
    at.run()
    assert at.markdown[0].value == "second" and at.caption[0].value == "more"


def test_entries_survive_a_new_session_of_the_same_app(write_app, tmp_path):
    marker = tmp_path / "calls.txt"
    path = write_app(
        f"""
        import termlit as st

        @st.cache_data
        def slow():
            with open({str(marker)!r}, "a") as f:
                f.write("x")
            return 42

        st.markdown(f"answer {{slow()}}")
        """
    )
    AppTest.from_file(str(path)).run()
    _store.close_all()  # forget the memory tier: the next read comes from disk
    at = AppTest.from_file(str(path)).run()
    assert at.markdown[0].value == "answer 42"
    assert marker.read_text() == "x"


# -- ttl, max_entries, clear ------------------------------------------------


def test_ttl_expires_entries_in_memory_and_on_disk(monkeypatch):
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    calls = []

    @st.cache_data(ttl="1h")
    def f():
        calls.append(1)
        return len(calls)

    assert f() == 1
    now[0] += 1800
    assert f() == 1
    _store.close_all()
    assert f() == 1  # from disk, still fresh
    now[0] += 1801
    assert f() == 2
    _store.close_all()
    now[0] += 3601
    assert f() == 3  # expired on disk too


@pytest.mark.parametrize("ttl", [10, dt.timedelta(seconds=10), "10s", "10 seconds"])
def test_ttl_forms(ttl, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    calls = []

    @st.cache_data(ttl=ttl)
    def f():
        calls.append(1)

    f()
    now[0] += 9
    f()
    now[0] += 2
    f()
    assert len(calls) == 2


def test_bad_ttl_and_options_explain_themselves():
    with pytest.raises(st.StreamlitAPIException, match="1h"):
        st.cache_data(ttl="soon")
    with pytest.raises(st.StreamlitAPIException, match="negative"):
        st.cache_data(ttl=-1)
    with pytest.raises(st.StreamlitAPIException, match="max_entries"):
        st.cache_data(max_entries="3")
    with pytest.raises(st.StreamlitAPIException, match="persist"):
        st.cache_data(persist="memory-only")


def test_max_entries_keeps_the_most_recently_stored():
    calls = []

    @st.cache_data(max_entries=2)
    def f(x):
        calls.append(x)
        return x

    f(1), f(2), f(3)
    f(3), f(2)
    assert calls == [1, 2, 3]
    f(1)  # evicted, in memory and on disk
    assert calls == [1, 2, 3, 1]
    _store.close_all()
    f(1)
    f(3)
    assert calls == [1, 2, 3, 1]
    f(2)
    assert calls == [1, 2, 3, 1, 2]


def test_clear_one_function_one_entry_or_everything():
    calls = []

    @st.cache_data
    def f(x):
        calls.append(("f", x))
        return x

    @st.cache_data
    def g():
        calls.append(("g",))

    f(1), f(2), g()
    f.clear(1)
    f(1), f(2)
    assert calls.count(("f", 1)) == 2 and calls.count(("f", 2)) == 1
    f.clear()
    f(2), g()
    assert calls.count(("f", 2)) == 2 and calls.count(("g",)) == 1
    st.cache_data.clear()
    _store.close_all()
    f(1), g()
    assert calls.count(("f", 1)) == 3 and calls.count(("g",)) == 2


def test_exceptions_are_not_cached():
    calls = []

    @st.cache_data
    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("boom")
        return "ok"

    with pytest.raises(ValueError):
        flaky()
    assert flaky() == "ok"
    assert flaky() == "ok"
    assert len(calls) == 2


def test_works_on_methods():
    calls = []

    class Repo:
        def __init__(self, name):
            self.name = name

        @st.cache_data
        def rows(_self, n):
            calls.append(n)
            return [_self.name] * n

    repo = Repo("r")
    assert repo.rows(2) == ["r", "r"]
    assert repo.rows(2) == ["r", "r"]
    assert calls == [2]
    repo.rows.clear()
    repo.rows(2)
    assert calls == [2, 2]


# -- concurrency --------------------------------------------------------------


def test_concurrent_misses_of_one_key_compute_once():
    calls = []
    started = threading.Event()

    @st.cache_data
    def slow(x):
        calls.append(x)
        started.set()
        time.sleep(0.2)
        return x * 2

    results = []
    threads = [threading.Thread(target=lambda: results.append(slow(21))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [42] * 8
    assert calls == [21]


# -- inside a run: replay, spinner, widgets --------------------------------------


def test_elements_shown_inside_are_replayed_on_hits():
    at = AppTest.from_string(
        """
        import termlit as st

        @st.cache_data
        def load(n):
            st.markdown(f"loaded {n}")
            with st.container():
                st.text("inside a container")
            placeholder = st.empty()
            placeholder.caption("filled later")
            return n

        st.markdown(f"got {load(3)}")
        """
    ).run()
    first = ([m.value for m in at.markdown], [t.value for t in at.text], [c.value for c in at.caption])
    at.run()
    second = ([m.value for m in at.markdown], [t.value for t in at.text], [c.value for c in at.caption])
    assert first == second == (["loaded 3", "got 3"], ["inside a container"], ["filled later"])
    assert not at.exception
    assert len(at.get("spinner")) == 0


def test_spinner_is_shown_while_a_miss_computes_and_cleared_after():
    at = AppTest.from_string(
        """
        import termlit as st
        from termlit.runtime import current_run_context

        @st.cache_data(show_spinner="Crunching numbers")
        def crunch():
            ctx = current_run_context()
            kinds = [e.kind for e in ctx.main.children]
            texts = [e.props.get("text") for e in ctx.main.children]
            return kinds, texts

        kinds, texts = crunch()
        st.json({"kinds": kinds, "texts": texts})
        """
    ).run()
    import json

    seen = json.loads(at.json[0].value)
    assert seen["kinds"] == ["spinner"] and seen["texts"] == ["Crunching numbers"]
    assert len(at.get("spinner")) == 0


def test_widget_inside_a_cached_function_warns_and_is_not_replayed():
    at = AppTest.from_string(
        """
        import warnings
        import termlit as st
        from termlit.caching import CacheWarning

        @st.cache_data
        def pick():
            return st.slider("n", 0, 10, 3)

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            value = pick()
        st.markdown(f"{value} {[str(w.message) for w in caught if w.category is CacheWarning]}")
        """
    ).run()
    assert at.markdown[0].value.startswith("3 ")
    assert "pick() shows a widget" in at.markdown[0].value
    at.run()
    assert len(at.slider) == 0 and at.markdown[0].value.startswith("3 ")


# -- settings ------------------------------------------------------------------


def test_config_toml_sets_dir_and_limits(tmp_path, monkeypatch):
    monkeypatch.delenv("TERMLIT_CACHE_DIR")
    project = tmp_path / "project"
    (project / ".termlit").mkdir(parents=True)
    (project / ".termlit" / "config.toml").write_text(
        textwrap.dedent(
            f"""
            [cache]
            dir = {str(tmp_path / "from-config")!r}
            size_limit = "2GB"
            memory_limit = "64MB"
            """
        )
    )
    monkeypatch.chdir(project)
    try:
        settings = _config.reload_settings()
        assert settings.root == (tmp_path / "from-config").resolve()
        assert settings.size_limit == 2_000_000_000 and settings.memory_limit == 64_000_000
        monkeypatch.setenv("TERMLIT_CACHE_SIZE_LIMIT", "1GiB")
        assert _config.load_settings().size_limit == 2**30
    finally:
        monkeypatch.chdir(tmp_path)
        _config.reload_settings()


def test_memory_limit_zero_still_serves_from_disk(monkeypatch):
    monkeypatch.setenv("TERMLIT_CACHE_MEMORY_LIMIT", "0")
    calls = []

    @st.cache_data
    def f():
        calls.append(1)
        return {"a": [1]}

    assert f() == f() == {"a": [1]}
    assert calls == [1]


def test_works_without_a_run_and_warns_nothing():
    @st.cache_data
    def f(x):
        return x + 1

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert f(1) == 2 and f(1) == 2
