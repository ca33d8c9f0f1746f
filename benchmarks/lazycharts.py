"""Charts that bin in the engine: a lazy st.scatter_chart / st.line_chart vs loading the rows.

Each measurement runs in its own fresh Python process (so its peak RSS is its
own), all in this run, on the same data:

* lazy: the chart's props made as the script call makes them (the source, its
  schema and the query plan), then a bare Textual app (headless, 100x30,
  started before the clock runs) mounts the chart view and waits until the
  picture is drawn: the ranges query and the GROUP BY on the lit dot cells,
  run in the view's worker;
* eager: the same rows loaded into pandas first (``pandas.read_parquet``, or
  ``conn.query("select ...")`` for SQLite), then the same chart view on that
  frame (every point turned into series and reduced to its dots).

Data: a Parquet file (10,000,000 rows by default) scanned by DuckDB and by
polars (``pl.scan_parquet``; its eager side is the same ``pandas.read_parquet``),
and a SQLite table (``--sql-rows``, 10,000,000 by default), columns ``x`` (sorted,
the line's x), ``u`` (uniform, the scatter's x) and ``y``; made once in the
temp folder.

Run: ``python benchmarks/lazycharts.py [--rows N] [--sql-rows N] [--skip-sql] [--skip-polars]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import asyncio, json, resource, sys, time
mode, chart, path = sys.argv[1], sys.argv[2], sys.argv[3]
out = {}
from textual.app import App
from termlit.runtime.tree import Element
from termlit.elements.charts import _lazy
from termlit.tui.widgets._chart import ChartView
kind = f"{chart}_chart"
encodings = dict(x="u" if chart == "scatter" else "x", y="y", color=None, size=None, x_label=None, y_label=None,
                 width=None, height=None, stack=None, use_container_width=True, alt=None)

class Bench(App):
    pass

async def main():
    app = Bench()
    async with app.run_test(size=(100, 30)) as pilot:
        t0 = time.perf_counter()
        if mode == "duck-lazy":
            from pathlib import Path
            props = {**_lazy(kind, chart, Path(path), encodings), **encodings}
        elif mode == "polars-lazy":
            import polars as pl
            props = {**_lazy(kind, chart, pl.scan_parquet(path), encodings), **encodings}
        elif mode == "sql-lazy":
            import termlit as st
            conn = st.connection("bench", type="sql", url=f"sqlite:///{path}")
            props = {**_lazy(kind, chart, conn.table("points"), encodings), **encodings}
        elif mode in ("duck-eager", "polars-eager"):
            import pandas as pd
            frame = pd.read_parquet(path)
            out["load_s"] = time.perf_counter() - t0
            props = {"chart": chart, "data": frame, **encodings}
        else:
            import termlit as st
            conn = st.connection("bench", type="sql", url=f"sqlite:///{path}")
            frame = conn.query("select x, u, y from points", ttl=0)
            out["load_s"] = time.perf_counter() - t0
            props = {"chart": chart, "data": frame, **encodings}
        view = ChartView(Element(kind, "c", props))
        view.styles.height = 24
        await app.mount(view)
        while not view.drawn:
            await pilot.pause(0.002)
        out["first_chart_s"] = time.perf_counter() - t0
        text = view.picture.plain
        out["ok"] = "cannot be drawn" not in text
        out["picture"] = text
asyncio.run(main())
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def _columns(rows: int, start: int, stop: int):
    import numpy as np

    rng = np.random.default_rng(start)
    x = np.arange(start, stop, dtype="float64") * (1000.0 / rows)
    u = rng.uniform(0, 1000, stop - start)
    y = np.sin(x / 40) * 10 + rng.normal(0, 2, stop - start) + u / 100
    return x, u, y


def make_parquet(path: Path, rows: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    for start in range(0, rows, 1_000_000):
        x, u, y = _columns(rows, start, min(rows, start + 1_000_000))
        table = pa.table({"x": x, "u": u, "y": y})
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    writer.close()


def make_sqlite(path: Path, rows: int) -> float:
    import sqlite3

    t0 = time.perf_counter()
    part = path.with_suffix(".part")
    part.unlink(missing_ok=True)
    with sqlite3.connect(part) as db:
        db.execute("pragma journal_mode=off")
        db.execute("pragma synchronous=off")
        db.execute("create table points (x real, u real, y real)")
        for start in range(0, rows, 500_000):
            x, u, y = _columns(rows, start, min(rows, start + 500_000))
            db.executemany("insert into points values (?, ?, ?)", zip(x.tolist(), u.tolist(), y.tolist()))
    part.rename(path)
    return time.perf_counter() - t0


def measure(mode: str, chart: str, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, mode, chart, str(path)],
                          capture_output=True, text=True, timeout=3600, cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        raise SystemExit(f"{mode} {chart} failed:\n{done.stderr[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if not result["ok"]:
        raise SystemExit(f"{mode} {chart} drew no chart:\n{result['picture']}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--sql-rows", type=int, default=10_000_000)
    parser.add_argument("--skip-sql", action="store_true")
    parser.add_argument("--skip-polars", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir())
    parquet = folder / f"termlit-lazycharts-{args.rows}.parquet"
    if not parquet.exists():
        print(f"writing {args.rows:,} rows to {parquet} (once)…", file=sys.stderr)
        make_parquet(parquet, args.rows)
    engines = [("Parquet (DuckDB)", "duck", parquet, args.rows)]
    if not args.skip_polars:
        engines.append(("Parquet (polars LazyFrame)", "polars", parquet, args.rows))
    if not args.skip_sql:
        db = folder / f"termlit-lazycharts-{args.sql_rows}.db"
        if not db.exists():
            print(f"writing {args.sql_rows:,} rows to {db} (once)…", file=sys.stderr)
            print(f"  built in {make_sqlite(db, args.sql_rows):.0f} s", file=sys.stderr)
        engines.append(("SQLite", "sql", db, args.sql_rows))
    rows = []
    for name, engine, path, count in engines:
        for chart in ("scatter", "line"):
            lazy = measure(f"{engine}-lazy", chart, path)
            eager = measure(f"{engine}-eager", chart, path)
            rows.append((f"{name}, {count:,} rows, st.{chart}_chart", lazy, eager))
    print("Lazy charts: headless 100x30 (chart 24 lines), time from the script call to the picture, one process each\n")
    print(f"| {'chart of':<62} | {'lazy':>8} | {'pandas (load)':>17} | {'time':>6} | {'lazy RSS':>8} | "
          f"{'pandas RSS':>10} | {'RSS':>6} | same picture |")
    print(f"|{'-' * 64}|{'-' * 10}|{'-' * 19}|{'-' * 8}|{'-' * 10}|{'-' * 12}|{'-' * 8}|{'-' * 14}|")
    for name, a, b in rows:
        print(f"| {name:<62} | {a['first_chart_s']:>6.2f} s | {b['first_chart_s']:>6.2f} s ({b['load_s']:>5.1f}) | "
              f"{b['first_chart_s'] / a['first_chart_s']:>5.1f}x | {a['rss_mb']:>5.0f} MB | {b['rss_mb']:>7.0f} MB | "
              f"{b['rss_mb'] / a['rss_mb']:>5.1f}x | {'yes' if a['picture'] == b['picture'] else 'no':>12} |")
    print("\ntime and RSS columns: pandas / lazy (how many times faster and smaller the lazy chart is)")


if __name__ == "__main__":
    main()
