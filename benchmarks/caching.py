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
- a hit in a freshly started process, read from disk (reported; Streamlit's
  cache_data keeps nothing across a restart outside its server).

The termlit cache goes to a temporary folder, removed at the end.
"""

from __future__ import annotations

import logging
import os
import pickle
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
RESTARTS = 3


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
    warnings.filterwarnings("ignore")
    logging.disable(logging.CRITICAL)
    import streamlit

    for name in list(logging.root.manager.loggerDict):
        if name.startswith("streamlit"):
            logging.getLogger(name).disabled = True
    return streamlit


RESTART_SCRIPT = """
import sys, time
sys.path.insert(0, {bench_dir!r})
from caching import make_frame  # noqa: E402
import pandas, pyarrow  # noqa: E401,F401 - an app showing frames has these loaded already
import termlit as st

@st.cache_data
def load_frame():
    return make_frame()

start = time.perf_counter()
df = load_frame()
print(time.perf_counter() - start)
"""


def restart_hit(cache_dir: str) -> float:
    """Median time of the first call in fresh processes (a disk hit)."""
    script = textwrap.dedent(RESTART_SCRIPT.format(bench_dir=str(Path(__file__).resolve().parent)))
    path = Path(cache_dir) / "restart_app.py"
    path.write_text(script)
    env = {**os.environ, "TERMLIT_CACHE_DIR": cache_dir}
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, str(path)], capture_output=True, text=True, env=env, check=True
    ).stdout.strip()
    run()  # the miss: computes and stores
    return statistics.median(float(run()) for _ in range(RESTARTS))


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

    @stl.cache_data
    def stl_load():
        return df

    @st.cache_data
    def tl_summary(frame):
        return frame["price"].mean(), int(frame["qty"].sum())

    @stl.cache_data
    def stl_summary(frame):
        return frame["price"].mean(), int(frame["qty"].sum())

    # The hits must give the frame back, not something else.
    assert tl_load().equals(df) and stl_load().equals(df)
    assert tl_summary(df) == stl_summary(df)

    t_pickle = median_time(lambda: pickle.loads(blob))
    t_deep = median_time(lambda: df.copy(deep=True))
    t_tl = median_time(tl_load)
    t_stl = median_time(stl_load)
    t_tl_arg = median_time(lambda: tl_summary(df))
    t_stl_arg = median_time(lambda: stl_summary(df))
    obj = df.astype({"name": object})  # strings as Python objects, as in pandas 2
    t_tl_obj = median_time(lambda: tl_summary(obj))
    t_stl_obj = median_time(lambda: stl_summary(obj))
    t_restart = restart_hit(cache_dir)

    ms = lambda t: f"{t * 1000:9.2f} ms"  # noqa: E731
    print(f"st.cache_data hits on a {ROWS:,}-row frame (float, int, str columns), "
          f"{len(blob) / 1e6:.0f} MB pickled; median of {REPEAT}")
    print()
    print(f"{'measure':<44}{'time':>12}   {'ratio':<32}{'target'}")
    print("-" * 104)
    rows = [
        ("bare pickle.loads of the frame", t_pickle, "", ""),
        ("DataFrame.copy(deep=True), for reference", t_deep, f"{t_deep / t_pickle:.3f}x pickle.loads", ""),
        ("Streamlit 1.67 hit, returns the frame", t_stl, "", ""),
        ("termlit hit, returns the frame", t_tl,
         f"{t_tl / t_pickle:.3f}x pickle.loads", "<= 1.5x"),
        ("", None, f"{t_tl / t_stl:.4f}x Streamlit (1/{t_stl / t_tl:.0f})", "<= 1/4"),
        ("Streamlit 1.67 hit, frame as argument", t_stl_arg, "", ""),
        ("termlit hit, frame as argument", t_tl_arg,
         f"{t_tl_arg / t_stl_arg:.3f}x Streamlit (1/{t_stl_arg / t_tl_arg:.1f})", "<= 1/4"),
        ("Streamlit, argument with object strings", t_stl_obj, "", ""),
        ("termlit, argument with object strings", t_tl_obj,
         f"{t_tl_obj / t_stl_obj:.3f}x Streamlit", "(extra)"),
        (f"termlit hit after restart (disk), n={RESTARTS}", t_restart,
         f"{t_restart / t_pickle:.2f}x pickle.loads", "reported"),
    ]
    for label, t, ratio, target in rows:
        print(f"{label:<44}{ms(t) if t is not None else '':>12}   {ratio:<32}{target}")
    print()
    import pandas as pd

    cow = int(pd.__version__.split(".")[0]) >= 3
    print(f"pandas {pd.__version__}: a termlit frame hit is "
          + ("a Copy-on-Write copy (a write to either frame copies what it touches first)."
             if cow else "a deep copy (pandas 2 without Copy-on-Write)."))
    print("Streamlit samples 10k rows of a large frame argument; termlit hashes every cell.")

    import shutil

    from termlit.caching import _store

    _store.close_all()
    shutil.rmtree(cache_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
