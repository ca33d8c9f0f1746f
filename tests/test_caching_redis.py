"""st.cache_data on a shared Redis store: signed records, ttl as Redis
expiry, clear() on the function's own keys, compute once across processes.

Uses the server named by TERMLIT_TEST_REDIS_URL (``.ci/run`` starts one on
loopback) or starts ``redis-server`` on a free port; skips, saying why, when
neither is possible."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import warnings

import pytest

import termlit as st
from termlit.caching import _store
from termlit.caching._errors import CacheWarning

redis = pytest.importorskip("redis", reason="redis-py is not installed: pip install 'termlit-tui[redis]'")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    given = os.environ.get("TERMLIT_TEST_REDIS_URL")
    if given:
        try:
            redis.Redis.from_url(given).ping()
            yield given
            return
        except redis.RedisError:
            pass
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install -y redis-server) and TERMLIT_TEST_REDIS_URL is not set")
    port = _free_port()
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.RedisError:
            time.sleep(0.05)
    else:
        proc.kill()
        pytest.skip("redis-server did not start")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def shared(server, monkeypatch, tmp_path):
    client = redis.Redis.from_url(server)
    client.flushdb()
    monkeypatch.setenv("TERMLIT_CACHE_URL", server)
    monkeypatch.setenv("TERMLIT_CACHE_KEY", "test-signing-key")
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(tmp_path / "local"))
    _store.close_all()
    yield client
    _store.close_all()


def records(client) -> list[bytes]:
    return sorted(k for k in client.keys("termlit:*") if b":fn:" not in k and not k.endswith(b":generation"))


def test_a_value_is_stored_signed_in_redis_and_read_back(shared):
    calls = []

    @st.cache_data
    def load(n):
        calls.append(n)
        return {"n": n, "rows": list(range(n))}

    assert load(5)["rows"] == [0, 1, 2, 3, 4]
    (key,) = records(shared)
    assert shared.get(key).startswith(b"TLC")  # a signed record, not a bare pickle
    _store.close_all()  # a new process: nothing in memory
    assert load(5)["n"] == 5 and calls == [5]


def test_ttl_becomes_the_redis_expiry(shared):
    @st.cache_data(ttl=120)
    def load():
        return 1

    load()
    keys = records(shared)
    assert keys, "no record stored"
    # Each record of this function expires with the ttl (the keys are in the message when one does not).
    assert all(110_000 < shared.pttl(key) <= 120_000 for key in keys), {k: shared.pttl(k) for k in keys}


def test_clear_drops_only_the_functions_own_keys(shared):
    @st.cache_data
    def first(x):
        return x

    @st.cache_data
    def second(x):
        return -x

    first(1), first(2), second(1)
    assert len(records(shared)) == 3
    first.clear()
    left = records(shared)
    assert len(left) == 1 and second(1) == -1


def test_max_entries_keeps_the_newest(shared):
    @st.cache_data(max_entries=2)
    def load(x):
        return x

    for x in range(4):
        load(x)
    assert len(records(shared)) == 2


def test_a_tampered_record_is_never_unpickled(shared):
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return "real"

    load()
    (key,) = records(shared)
    data = bytearray(shared.get(key))
    data[-1] ^= 0xFF
    shared.set(key, bytes(data))
    _store.close_all()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load() == "real"
    assert len(calls) == 2
    assert any(issubclass(w.category, CacheWarning) and "tampered" in str(w.message) for w in caught)


def test_a_clear_elsewhere_empties_this_processs_memory(shared):
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return len(calls)

    assert load() == 1 and load() == 1
    (store,) = _store.all_stores()
    shared.delete(*records(shared))  # what another process's clear() does:
    shared.incr(store.disk().prefix + "generation")  # ... and it bumps the generation
    assert load() == 2


def test_without_a_signing_key_nothing_unsigned_is_stored(shared, monkeypatch):
    monkeypatch.delenv("TERMLIT_CACHE_KEY")
    _store.close_all()

    @st.cache_data
    def load():
        return 1

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load() == 1
    assert records(shared) == []
    assert any("signing key" in str(w.message) for w in caught)


def test_a_bad_url_says_what_to_give(monkeypatch):
    from termlit.caching import _config
    from termlit.errors import StreamlitAPIException

    monkeypatch.setenv("TERMLIT_CACHE_URL", "memcached://x")
    with pytest.raises(StreamlitAPIException, match="redis://host:6379/0"):
        _config.load_settings()


def test_processes_sharing_redis_compute_a_miss_once(shared, server, tmp_path):
    script = tmp_path / "shared_app.py"
    script.write_text(textwrap.dedent("""
        import os, time
        import termlit as st

        @st.cache_data
        def slow(x):
            with open(os.environ["COUNT_FILE"], "a") as f:
                f.write("computed\\n")
            time.sleep(1.5)
            return x * 2

        print(slow(21))
    """))
    count = tmp_path / "count.txt"
    env = {**os.environ, "COUNT_FILE": str(count)}
    procs = [subprocess.Popen([sys.executable, str(script)], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert outputs == ["42", "42", "42"]
    assert count.read_text().count("computed") == 1


def test_a_stale_lock_is_taken_over(shared, server):
    from termlit.caching._redis import RedisTier

    tier = RedisTier(server, b"k", "stale", lock_timeout=0.3)
    other = RedisTier(server, b"k", "stale", lock_timeout=0.3)
    with tier.hold("data:f:1"):
        start = time.monotonic()
        with other.hold("data:f:1"):  # the holder never finishes: its lock expires
            waited = time.monotonic() - start
    assert waited >= 0.25


def test_a_frame_round_trips_through_redis_and_a_tampered_buffer_is_refused(shared):
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"x": np.arange(5_000), "when": pd.date_range("2024", periods=5_000, freq="s"),
                          "s": [f"r{i}" for i in range(5_000)]})
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return frame

    load()
    _store.close_all()
    got = load()
    pd.testing.assert_frame_equal(got, frame)
    got.iloc[0, 0] = -1  # a copy: the next hit is unchanged
    pd.testing.assert_frame_equal(load(), frame)
    assert calls == [1]
    (key,) = records(shared)
    data = bytearray(shared.get(key))
    data[len(data) - 100] ^= 0x01  # inside the last column's buffer
    shared.set(key, bytes(data))
    _store.close_all()
    with pytest.warns(CacheWarning, match="tampered"):
        pd.testing.assert_frame_equal(load(), frame)
    assert calls == [1, 1]


def test_a_big_value_streams_in_checked_and_a_flipped_byte_anywhere_is_refused(shared):
    """A record of several MB is read off the socket and hashed as it
    arrives: it loads intact, and a byte changed early, mid-way or in the
    last chunk is still caught (the value recomputed, the app told)."""
    import numpy as np

    values = np.random.default_rng(7).random(600_000)  # 4.8 MB: five chunks off the socket
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return values

    load()
    _store.close_all()
    assert np.array_equal(load(), values) and calls == [1]
    (key,) = records(shared)
    size = len(shared.get(key))
    for n, where in enumerate((60, size // 2, size - 3), 2):
        data = bytearray(shared.get(key))
        data[where] ^= 0x10
        shared.set(key, bytes(data))
        _store.close_all()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert np.array_equal(load(), values)
        assert len(calls) == n, f"a byte flipped at {where} of {size} was not caught"
        if n == 2:  # said once per process, naming the store without its password
            (said,) = [str(w.message) for w in caught]
            assert "tampered" in said and "Redis at redis://127.0.0.1" in said
    _store.close_all()
    assert np.array_equal(load(), values) and len(calls) == 4  # the rewritten record is good again
    shared.ping()  # the pooled connection is still in step with the server


def test_a_key_redis_holds_as_another_type_is_a_warning_and_a_recompute(shared):
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return "value"

    load()
    (key,) = records(shared)
    shared.delete(key)
    shared.rpush(key, b"not a record")  # WRONGTYPE for GET
    _store.close_all()
    with pytest.warns(CacheWarning, match="WRONGTYPE"):
        assert load() == "value"
    assert calls == [1, 1]
    shared.ping()


def test_a_namespace_keeps_apps_with_the_same_file_name_apart(shared, monkeypatch):
    from termlit.caching import _config

    @st.cache_data
    def load():
        return "value"

    monkeypatch.setenv("TERMLIT_CACHE_NAMESPACE", "sales-north")
    load()
    assert records(shared) and all(b"sales-north" in key for key in records(shared))
    _store.close_all()
    monkeypatch.setenv("TERMLIT_CACHE_NAMESPACE", "sales-south")  # another app, same script name
    load.clear()
    assert records(shared), "a clear in one namespace emptied another's"
    monkeypatch.setenv("TERMLIT_CACHE_NAMESPACE", "no spaces please")
    with pytest.raises(st.errors.StreamlitAPIException, match="namespace"):
        _config.load_settings()


class _CuttingProxy:
    """A TCP relay in front of the real server that, once ``cut`` is set,
    forwards only the first ``keep`` bytes of the server's next reply and
    then drops the connection: Redis going away mid-reply."""

    def __init__(self, url: str, keep: int) -> None:
        import threading
        from urllib.parse import urlparse

        target = urlparse(url)
        self.target = (target.hostname, target.port)
        self.keep = keep
        self.cut = threading.Event()
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.url = f"redis://127.0.0.1:{self.listener.getsockname()[1]}/0"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import threading

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, replies: bool) -> None:
        sent = 0
        try:
            while data := src.recv(1 << 16):
                if replies and self.cut.is_set():
                    data = data[: max(0, self.keep - sent)]
                    sent += len(data)
                    dst.sendall(data)
                    if sent >= self.keep:
                        raise OSError("cut")
                    continue
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self.listener.close()


def test_redis_dropping_the_connection_mid_reply_is_a_warning_and_a_recompute(shared, server, monkeypatch):
    """The link dies 2 MB into a 4.8 MB record: the value is recomputed,
    the app is told once which store failed, no checking thread is left
    behind, and the next read on a good link is a hit."""
    import threading

    import numpy as np

    proxy = _CuttingProxy(server, keep=2 << 20)
    monkeypatch.setenv("TERMLIT_CACHE_URL", proxy.url)
    values = np.random.default_rng(3).random(600_000)
    calls = []

    @st.cache_data
    def load():
        calls.append(1)
        return values

    try:
        load()
        _store.close_all()
        proxy.cut.set()
        with pytest.warns(CacheWarning, match=r"Reading the cache in the shared cache \(Redis at redis://127\.0\.0\.1"):
            assert np.array_equal(load(), values)
        assert calls == [1, 1]
        time.sleep(0.2)
        assert not [t for t in threading.enumerate() if t.name == "termlit-cache-check"]
        proxy.cut.clear()
        _store.close_all()
        assert np.array_equal(load(), values) and calls == [1, 1]
    finally:
        _store.close_all()
        proxy.close()
