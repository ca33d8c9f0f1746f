"""Tables that stay in the database: a lazy st.dataframe vs loading the rows.

Each measurement runs in its own fresh Python process (so its peak RSS is its
own), all in this run, on the same data:

* lazy table, first paint: making the source and its props (as st.dataframe
  does in the script), then a bare Textual app (headless, 80x24, started
  before the clock runs) mounts the table and waits until the first rows are
  drawn (the first window read in a worker included);
* lazy table, on a rerun: the same script work again in that process
  (modules loaded, the connection pooled) and a second table mounted,
  until its first rows are drawn: what each later run and each new
  ``termlit serve`` session of a running server pays;
* lazy table, PgDn: the page action to the new rows drawn (every line in
  view rendered), median of many presses (every third one or so needs a new
  window from the database, fetched in a worker);
* eager: ``conn.query("select * from sales")`` into pandas (what a table of
  the whole result needs first), and the same table mounted on that frame;
* the same two for a Parquet file: DuckDB's scan vs ``pandas.read_parquet``;
* with ``--postgres``, the same two for a PostgreSQL server started for the
  run (tests/pgserver.py: a throwaway server on loopback, the same rows made
  with ``generate_series``, indexed as in SQLite).

Run: ``python benchmarks/bigdata.py [--rows N] [--presses N] [--postgres]``
(10M rows by default; the SQLite and Parquet files are made once in the temp
folder).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

from pathlib import Path


CHILD = r"""
import asyncio, json, resource, statistics, sys, time
from pathlib import Path
mode, path, presses = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.perf_counter()
out = {}
from textual.app import App
from termlit.runtime.tree import Element
from termlit.tui.widgets._dataframe import DataFrameView
from termlit.elements.data import frame_props, lazy_props
settings = dict(width=None, height=None, use_container_width=None, hide_index=False, column_order=None, column_config=None)
t0 = time.perf_counter()
url = path if mode.startswith("pg-") else f"sqlite:///{path}"
if mode in ("sql-lazy", "pg-lazy"):
    import termlit as st
    conn = st.connection("bench", type="sql", url=url)
    props = lazy_props(conn.table("sales"), **settings)
elif mode in ("sql-eager", "pg-eager"):
    import termlit as st
    conn = st.connection("bench", type="sql", url=url)
    frame = conn.query("select * from sales", ttl=0)
    out["load_s"] = time.perf_counter() - t0
    props = frame_props(frame, **settings)
elif mode == "parquet-lazy":
    from termlit import sources
    props = lazy_props(sources.as_source(Path(path)), **settings)
else:
    import pandas as pd
    frame = pd.read_parquet(path)
    out["load_s"] = time.perf_counter() - t0
    props = frame_props(frame, **settings)
prep = time.perf_counter() - t0

def drawn(view):
    if getattr(view, "fetching", None) is not None:
        return False
    return len(view.window.positions) > 0

class Bench(App):
    async def on_mount(self):
        pass

async def main():
    app = Bench()
    async with app.run_test(size=(80, 24)) as pilot:
        t1 = time.perf_counter()
        view = DataFrameView(Element("dataframe", "t", props))
        await app.mount(view)
        view.focus()
        while True:
            await pilot.pause(0.001)
            view.render_line(1)
            if drawn(view):
                break
        out["first_paint_s"] = prep + time.perf_counter() - t1
        times = []
        for _ in range(presses):
            t = time.perf_counter()
            view.action_page(1)
            while True:
                view.render_line(1)
                if drawn(view):
                    break
                await pilot.pause(0.001)
            times.append(time.perf_counter() - t)
        out["pgdn_ms"] = statistics.median(times) * 1000
        out["pgdn_max_ms"] = max(times) * 1000
        if mode.endswith("-lazy"):  # a rerun: the script's work again, modules loaded, connection pooled
            t2 = time.perf_counter()
            again = lazy_props(sources.as_source(Path(path)) if mode == "parquet-lazy" else
                               st.connection("bench", type="sql", url=url).table("sales"), **settings)
            view2 = DataFrameView(Element("dataframe", "t2", again))
            await app.mount(view2)
            while True:
                await pilot.pause(0.001)
                view2.render_line(1)
                if drawn(view2):
                    break
            out["rerun_paint_s"] = time.perf_counter() - t2
asyncio.run(main())
out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "bigtable.py"


def make_sqlite(path: Path, rows: int) -> None:
    """The file examples/bigtable.py shows: its own first run writes it."""
    import os

    from termlit.testing import AppTest

    os.environ.update(BIGTABLE_ROWS=str(rows), BIGTABLE_DB=str(path))
    at = AppTest.from_file(EXAMPLE, default_timeout=3600).run()
    if at.exception or not path.exists():
        raise SystemExit(f"examples/bigtable.py did not write {path}: {[e.value for e in at.exception]}")


def make_parquet(source: Path, path: Path) -> None:
    import sqlite3

    import pyarrow as pa
    import pyarrow.parquet as pq

    with sqlite3.connect(source) as db:
        cursor = db.execute("select * from sales")
        names = [d[0] for d in cursor.description]
        writer = None
        while batch := cursor.fetchmany(500_000):
            table = pa.table(dict(zip(names, zip(*batch))))
            writer = writer or pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
        if writer is not None:
            writer.close()


POSTGRES_ROWS = """
create table sales (id bigint primary key, city text, product text, amount double precision, day text);
insert into sales
select i, (array['Lisbon','Oslo','Nairobi','Montreal','Osaka','Valparaiso','Tallinn','Perth'])[m % 8 + 1],
       (array['kettle','lamp','desk','chair','mug','rug','clock','shelf','vase','fan'])[(m / 8) % 10 + 1]
         || '-' || lpad((m % 997)::text, 3, '0'),
       round(((m % 100000) / 100.0)::numeric, 2)::double precision,
       '2026-' || lpad((1 + m % 12)::text, 2, '0') || '-' || lpad((1 + m % 28)::text, 2, '0')
from (select i, (i * 2654435761) % 1000003 as m from generate_series(0, {last}) as i) as g;
create index sales_amount on sales (amount);
create index sales_city on sales (city);
analyze sales;
"""


def make_postgres(rows: int):
    """A throwaway server holding the rows examples/bigtable.py writes (the
    same formula, in SQL); returns it and its database URL."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    import pgserver
    import sqlalchemy as sa

    try:
        server = pgserver.start()
    except pgserver.Unavailable as exc:
        raise SystemExit(f"--postgres: {exc}") from None
    engine = sa.create_engine(server.url())
    with engine.begin() as c:
        for statement in POSTGRES_ROWS.format(last=rows - 1).split(";"):
            if statement.strip():
                c.execute(sa.text(statement))
    engine.dispose()
    return server, server.url().render_as_string(hide_password=False)


def measure(mode: str, path: Path | str, presses: int) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, mode, str(path), str(presses)],
                          capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--skip-parquet", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--postgres", action="store_true", help="also PostgreSQL (needs initdb, pg_ctl, pg8000)")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir())
    db = folder / f"termlit-bigtable-{args.rows}.db"
    if not db.exists() and not (args.skip_sqlite and args.skip_parquet):
        print(f"writing {args.rows:,} rows to {db} (once)…", file=sys.stderr)
        make_sqlite(db, args.rows)
    runs = {}
    if args.postgres:
        print(f"writing {args.rows:,} rows to a PostgreSQL server…", file=sys.stderr)
        server, url = make_postgres(args.rows)
        try:
            runs["PostgreSQL, lazy conn.table()"] = measure("pg-lazy", url, args.presses)
            runs["PostgreSQL, conn.query() into pandas"] = measure("pg-eager", url, args.presses)
        finally:
            server.stop()
    if not args.skip_sqlite:
        runs["SQLite, lazy conn.table()"] = measure("sql-lazy", db, args.presses)
        runs["SQLite, conn.query() into pandas"] = measure("sql-eager", db, args.presses)
    if not args.skip_parquet:
        parquet = folder / f"termlit-bigtable-{args.rows}.parquet"
        if not parquet.exists():
            print(f"writing {parquet} (once)…", file=sys.stderr)
            make_parquet(db, parquet)
        runs["Parquet, lazy DuckDB scan"] = measure("parquet-lazy", parquet, args.presses)
        runs["Parquet, pandas.read_parquet"] = measure("parquet-eager", parquet, args.presses)
    print(f"Lazy tables: {args.rows:,} rows, headless 80x24, PgDn medians of {args.presses} presses, one process each\n")
    print(f"| {'table of':<34} | {'first paint':>11} | {'on a rerun':>10} | {'PgDn (max)':>16} | {'peak RSS':>9} |")
    print(f"|{'-' * 36}|{'-' * 13}|{'-' * 12}|{'-' * 18}|{'-' * 11}|")
    for name, r in runs.items():
        rerun = f"{r['rerun_paint_s'] * 1000:>7.0f} ms" if "rerun_paint_s" in r else f"{'—':>10}"
        print(f"| {name:<34} | {r['first_paint_s']:>9.2f} s | {rerun} | {r['pgdn_ms']:>6.1f} ({r['pgdn_max_ms']:>5.0f}) ms | "
              f"{r['rss_mb']:>6.0f} MB |")
    names = list(runs)
    print()
    for lazy, eager in zip(names[::2], names[1::2]):
        a, b = runs[lazy], runs[eager]
        print(f"{lazy} vs {eager}: first paint {b['first_paint_s'] / a['first_paint_s']:.1f}x (eager time / lazy time), "
              f"peak RSS {b['rss_mb'] / a['rss_mb']:.1f}x smaller")



if __name__ == "__main__":
    main()
