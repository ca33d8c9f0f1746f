"""Cache hits: termlit's st.cache_data against Streamlit's and bare pickle.loads.

Run with ``python benchmarks/caching.py`` (needs the ``bench`` extra for
Streamlit). Everything is measured in this one run, on the same 1M-row
DataFrame (float, int and string columns), and printed as ratios:

- a hit of a function returning the frame, against ``pickle.loads`` of the
  frame (target <= 1.5x) and Streamlit's hit (target <= 1/4);
- a hit of a function taking the frame as its argument (the key hashes every
  cell), against Streamlit's hit of the same function (target <= 1/4);
- the same with the string column held as Python objects (pandas 2's
  default; an extra row, no target): every string is visited;
- a hit in a freshly started process, read from disk, against
  ``pickle.loads`` (target <= 1.5x; Streamlit's cache_data keeps nothing
  across a restart outside its server), and the same from a shared Redis
  cache when ``redis-server`` and redis-py are installed, against a bare
  redis-py GET of the same record (the socket transfer alone);
- for reference, reading the frame back from an Arrow IPC stream in memory
  (the other encoding the cache could use; needs pyarrow).

Without Streamlit, its rows say "not installed". The termlit cache goes to a
temporary folder (and Redis to a server started on loopback for the run),
removed at the end.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROWS = 1_000_000
REPEAT = 15
RESTARTS = 7


def make_frame():
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "price": rng.random(ROWS) * 100,
            "qty": rng.integers(0, 1_000, ROWS),
            "name": [f"item-{i % 50_000:05d}" for i in range(ROWS)],
        }
    )


def median_time(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    fn()  # warm up (and fill the cache)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def quiet_streamlit():
    """Streamlit, quietened; None when it is not installed."""
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    try:
        import streamlit
    except ImportError:
        return None

    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).disabled = True
    return streamlit


RESTART_SCRIPT = """
import os, sys, time
sys.path.insert(0, {bench_dir!r})
from caching import make_frame  # noqa: E402
import pandas, pyarrow  # noqa: E401,F401 - an app showing frames has these loaded already
import termlit as st
if os.environ.get("BENCH_REDIS_LOADED"):
    import redis  # noqa: F401 - measure the hit without redis-py's import

@st.cache_data
def load_frame():
    return make_frame()

start = time.perf_counter()
df = load_frame()
print(time.perf_counter() - start)
"""


def restart_hit(cache_dir: str, extra_env: dict[str, str] | None = None) -> float:
    """Median time of the first call in fresh processes (a disk hit, or a
    Redis hit with ``extra_env`` naming the server)."""
    script = textwrap.dedent(RESTART_SCRIPT.format(bench_dir=str(Path(__file__).resolve().parent)))
    path = Path(cache_dir) / "restart_app.py"
    path.write_text(script)
    env = {**os.environ, "TERMLIT_CACHE_DIR": cache_dir, **(extra_env or {})}
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, str(path)], capture_output=True, text=True, env=env, check=True
    ).stdout.strip()
    run()  # the miss: computes and stores
    return statistics.median(float(run()) for _ in range(RESTARTS))


GET_SCRIPT = """
import sys, time
import redis
client = redis.Redis.from_url(sys.argv[1])
start = time.perf_counter()
data = client.get(sys.argv[2])
print(time.perf_counter() - start, len(data))
"""


def bare_get(url: str, key: bytes) -> float:
    """Median time of a plain redis-py GET of ``key`` in fresh processes
    (redis-py imported, the connection made inside the clock as termlit's
    is): what moving the record over the socket costs alone."""
    run = lambda: float(subprocess.run(  # noqa: E731
        [sys.executable, "-c", GET_SCRIPT, url, key.decode()], capture_output=True, text=True, check=True,
    ).stdout.split()[0])
    run()
    return statistics.median(run() for _ in range(RESTARTS))


def redis_restart_hit(cache_dir: str) -> tuple[float | str, float | str, float | str]:
    """``restart_hit`` against a redis-server started on loopback (as it is,
    and with redis-py imported before the clock starts), and a bare GET of
    the same record, or why not."""
    binary = shutil.which("redis-server")
    try:
        import redis
    except ImportError:
        return ("redis-py not installed",) * 3
    if binary is None:
        return ("redis-server not installed",) * 3
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", cache_dir],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.RedisError:
                time.sleep(0.05)
        else:
            return ("redis-server did not start",) * 3
        env = {"TERMLIT_CACHE_URL": url, "TERMLIT_CACHE_KEY": "bench-key"}
        cold, loaded = restart_hit(cache_dir, env), restart_hit(cache_dir, {**env, "BENCH_REDIS_LOADED": "1"})
        client = redis.Redis.from_url(url)
        (record,) = [k for k in client.scan_iter("termlit:*") if client.type(k) == b"string"
                     and client.strlen(k) > 1_000_000]
        return cold, loaded, bare_get(url, record)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def arrow_ipc_read(df) -> float | str:
    """Median time to read the frame back from an Arrow IPC stream in memory."""
    try:
        import pyarrow as pa
    except ImportError:
        return "pyarrow not installed"
    sink = pa.BufferOutputStream()
    table = pa.Table.from_pandas(df)
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    data = sink.getvalue()
    return median_time(lambda: pa.ipc.open_stream(data).read_all().to_pandas())


def main() -> int:
    cache_dir = tempfile.mkdtemp(prefix="termlit-bench-cache-")
    os.environ["TERMLIT_CACHE_DIR"] = cache_dir
    stl = quiet_streamlit()
    import termlit as st

    df = make_frame()
    blob = pickle.dumps(df, protocol=5)

    @st.cache_data
    def tl_load():
        return df

    @st.cache_data
    def tl_summary(frame):
        return frame["price"].mean(), int(frame["qty"].sum())

    # The hits must give the frame back, not something else.
    assert tl_load().equals(df)
    t_pickle = median_time(lambda: pickle.loads(blob))
    t_deep = median_time(lambda: df.copy(deep=True))
    t_tl = median_time(tl_load)
    t_tl_arg = median_time(lambda: tl_summary(df))
    obj = df.astype({"name": object})  # strings as Python objects, as in pandas 2
    t_tl_obj = median_time(lambda: tl_summary(obj))
    missing = "not installed"
    t_stl = t_stl_arg = t_stl_obj = missing
    if stl is not None:

        @stl.cache_data
        def stl_load():
            return df

        @stl.cache_data
        def stl_summary(frame):
            return frame["price"].mean(), int(frame["qty"].sum())

        assert stl_load().equals(df) and tl_summary(df) == stl_summary(df)
        t_stl = median_time(stl_load)
        t_stl_arg = median_time(lambda: stl_summary(df))
        t_stl_obj = median_time(lambda: stl_summary(obj))
    t_arrow = arrow_ipc_read(df)
    t_restart = restart_hit(cache_dir)
    t_redis, t_redis_loaded, t_get = redis_restart_hit(cache_dir)

    def ratio(t: float | str, base: float | str, text: str) -> str:
        if isinstance(t, str) or isinstance(base, str):
            return ""
        return text.format(r=t / base, inv=base / t)

    ms = lambda t: t if isinstance(t, str) else f"{t * 1000:9.2f} ms"  # noqa: E731
    print(f"st.cache_data hits on a {ROWS:,}-row frame (float, int, str columns), "
          f"{len(blob) / 1e6:.0f} MB pickled; median of {REPEAT} (restarts: of {RESTARTS} processes)")
    print()
    print(f"{'measure':<44}{'time':>12}   {'ratio':<32}{'target'}")
    print("-" * 104)
    rows = [
        ("bare pickle.loads of the frame", t_pickle, "", ""),
        ("DataFrame.copy(deep=True), for reference", t_deep, ratio(t_deep, t_pickle, "{r:.3f}x pickle.loads"), ""),
        ("Arrow IPC stream to pandas, for reference", t_arrow, ratio(t_arrow, t_pickle, "{r:.3f}x pickle.loads"), ""),
        ("Streamlit 1.67 hit, returns the frame", t_stl, "", ""),
        ("termlit hit, returns the frame", t_tl, ratio(t_tl, t_pickle, "{r:.3f}x pickle.loads"), "<= 1.5x"),
        ("", None, ratio(t_tl, t_stl, "{r:.4f}x Streamlit (1/{inv:.0f})"), "<= 1/4"),
        ("Streamlit 1.67 hit, frame as argument", t_stl_arg, "", ""),
        ("termlit hit, frame as argument", t_tl_arg,
         ratio(t_tl_arg, t_stl_arg, "{r:.3f}x Streamlit (1/{inv:.1f})"), "<= 1/4"),
        ("Streamlit, argument with object strings", t_stl_obj, "", ""),
        ("termlit, argument with object strings", t_tl_obj, ratio(t_tl_obj, t_stl_obj, "{r:.3f}x Streamlit"), "(extra)"),
        ("termlit hit after restart (disk)", t_restart, ratio(t_restart, t_pickle, "{r:.2f}x pickle.loads"), "<= 1.5x"),
        ("termlit hit after restart (Redis)", t_redis, ratio(t_redis, t_pickle, "{r:.2f}x pickle.loads"), "reported"),
        ("  the same, redis-py imported already", t_redis_loaded,
         ratio(t_redis_loaded, t_pickle, "{r:.2f}x pickle.loads"), "reported"),
        ("", None, ratio(t_redis_loaded, t_get, "{r:.2f}x a bare redis-py GET"), "reported"),
        ("bare redis-py GET of the same record", t_get, ratio(t_get, t_pickle, "{r:.2f}x pickle.loads"), ""),
    ]
    for label, t, text, target in rows:
        print(f"{label:<44}{ms(t) if t is not None else '':>12}   {text:<32}{target}")
    print()
    import pandas as pd

    cow = int(pd.__version__.split(".")[0]) >= 3
    print(f"pandas {pd.__version__}: a termlit frame hit is "
          + ("a Copy-on-Write copy (a write to either frame copies what it touches first)."
             if cow else "a deep copy (pandas 2 without Copy-on-Write)."))
    print("Streamlit samples 10k rows of a large frame argument; termlit hashes every cell.")

    from termlit.caching import _store

    _store.close_all()
    shutil.rmtree(cache_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
