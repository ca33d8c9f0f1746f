"""st.cache_resource: one shared object per key, validate, ttl, max_entries, clear."""

from __future__ import annotations

import threading
import time

import pytest

import termlit as st
from termlit.caching import UnhashableParamError, _errors, _store
from termlit.testing import AppTest


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(tmp_path / "cache"))
    _errors.forget_reports()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()
    _store.close_all()


class Conn:
    def __init__(self, url):
        self.url = url
        self.open = True
        self.lock = threading.Lock()  # not picklable: fine for a resource


def test_returns_the_same_object_every_time():
    made = []

    @st.cache_resource
    def connect(url):
        made.append(url)
        return Conn(url)

    a = connect("db://1")
    b = connect("db://1")
    c = connect("db://2")
    assert a is b and a is not c
    assert made == ["db://1", "db://2"]


def test_shared_across_sessions_and_reruns():
    src = """
        import termlit as st

        @st.cache_resource
        def registry():
            return []

        reg = registry()
        reg.append(1)
        st.markdown(f"size {len(reg)}")
    """
    one = AppTest.from_string(src).run()
    two = AppTest.from_string(src).run()
    one.run()
    assert [one.markdown[0].value, two.markdown[0].value] == ["size 3", "size 2"]


def test_validate_false_rebuilds_the_object():
    made = []

    @st.cache_resource(validate=lambda c: c.open)
    def connect():
        made.append(1)
        return Conn("x")

    first = connect()
    assert connect() is first
    first.open = False
    second = connect()
    assert second is not first and second.open
    assert len(made) == 2


def test_ttl_and_on_release(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    released = []

    @st.cache_resource(ttl="10m", on_release=lambda c: released.append(c.url))
    def connect(url):
        return Conn(url)

    first = connect("a")
    now[0] += 599
    assert connect("a") is first
    now[0] += 2
    assert connect("a") is not first
    assert released == ["a"]


def test_max_entries_drops_the_least_recently_used():
    made = []

    @st.cache_resource(max_entries=2)
    def model(name):
        made.append(name)
        return object()

    a = model("a")
    model("b")
    model("a")  # a is now the most recent
    model("c")  # drops b
    assert model("a") is a
    model("b")
    assert made == ["a", "b", "c", "b"]


def test_clear_function_entry_and_everything():
    made = []

    @st.cache_resource
    def f(x):
        made.append(x)
        return [x]

    @st.cache_resource
    def g():
        made.append("g")
        return ["g"]

    f(1), f(2), g()
    f.clear(1)
    f(1), f(2)
    assert made == [1, 2, "g", 1]
    f.clear()
    f(2)
    assert made[-1] == 2 and len(made) == 5
    st.cache_resource.clear()
    g()
    assert made[-1] == "g" and len(made) == 6


def test_concurrent_builds_of_one_key_happen_once():
    made = []

    @st.cache_resource
    def load_model(name):
        made.append(name)
        time.sleep(0.2)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(load_model("big"))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert made == ["big"]
    assert all(r is results[0] for r in results)


def test_unhashable_arguments_get_the_same_clear_error():
    @st.cache_resource
    def connect(conn):
        return conn

    with pytest.raises(UnhashableParamError, match="`conn`.*_conn.*hash_funcs"):
        connect(threading.Lock())


def test_elements_inside_are_replayed_on_hits():
    at = AppTest.from_string(
        """
        import termlit as st

        @st.cache_resource
        def connect():
            st.caption("connected")
            return object()

        connect()
        st.markdown("done")
        """
    ).run()
    at.run()
    assert [c.value for c in at.caption] == ["connected"]
    assert [m.value for m in at.markdown] == ["done"]


def test_unsupported_options_explain_themselves():
    with pytest.raises(st.StreamlitAPIException, match="scope"):
        st.cache_resource(scope="session")
    with pytest.raises(st.StreamlitAPIException, match="validate"):
        st.cache_resource(validate=3)
