"""Ten million rows that stay in the database.

    termlit run examples/bigtable.py                 # 10,000,000 rows
    termlit run examples/bigtable.py -- 100000       # or BIGTABLE_ROWS=100000

The first run writes a SQLite file (with a progress bar; BIGTABLE_DB names
the file, by default one in the temp folder). Then the table is shown lazily:
only the rows in view are read, `[` / `]` sort in the database (ORDER BY) and
`/` searches there (WHERE ... LIKE, the text bound as a value), and Space
picks rows: the app reads them back by their primary key.
"""

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

import termlit as st

_GIVEN = [arg for arg in sys.argv[1:2] if arg.replace("_", "").isdigit()]
ROWS = int(_GIVEN[0] if _GIVEN else os.environ.get("BIGTABLE_ROWS", 10_000_000))
DATABASE = Path(os.environ.get("BIGTABLE_DB") or Path(tempfile.gettempdir()) / f"termlit-bigtable-{ROWS}.db")
CITIES = ["Lisbon", "Oslo", "Nairobi", "Montreal", "Osaka", "Valparaiso", "Tallinn", "Perth"]
PRODUCTS = ["kettle", "lamp", "desk", "chair", "mug", "rug", "clock", "shelf", "vase", "fan"]
BATCH = 100_000


def row(i: int) -> tuple:
    """Row ``i`` (the same every time, no randomness)."""
    mix = (i * 2654435761) % 1_000_003
    return (i, CITIES[mix % len(CITIES)], f"{PRODUCTS[(mix // 8) % len(PRODUCTS)]}-{mix % 997:03d}",
            round((mix % 100_000) / 100, 2), f"2026-{1 + mix % 12:02d}-{1 + mix % 28:02d}")


def create(path: Path, rows: int) -> None:
    """Write ``rows`` sales into a new file, then move it into place (an
    interrupted run leaves no half-made table behind)."""
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    bar = st.progress(0.0, text=f"Writing {rows:,} rows to {path.name} (once)…")
    with sqlite3.connect(partial) as db:
        db.execute("pragma journal_mode = off")
        db.execute("pragma synchronous = off")
        db.execute("create table sales (id integer primary key, city text, product text, amount real, day text)")
        for start in range(0, rows, BATCH):
            db.executemany("insert into sales values (?, ?, ?, ?, ?)", map(row, range(start, min(start + BATCH, rows))))
            done = min(start + BATCH, rows)
            bar.progress(done / rows * 0.9, text=f"Writing rows: {done:,} of {rows:,}")
        bar.progress(0.95, text="Indexing amount and city…")
        db.execute("create index sales_amount on sales (amount)")
        db.execute("create index sales_city on sales (city)")
    partial.replace(path)
    bar.empty()


st.title("Big table")
if not DATABASE.exists():
    create(DATABASE, ROWS)

conn = st.connection("bigtable", type="sql", url=f"sqlite:///{DATABASE}")
st.caption(f"{DATABASE} · only the rows in view leave the database · [ ] sort · / search · Space picks")
picked = st.dataframe(conn.table("sales"), hide_index=True, on_select="rerun")
ids = [key["id"] for key in picked.selection.row_keys]
if ids:
    marks = ", ".join(f":p{n}" for n in range(len(ids)))
    total = conn.query(f"select sum(amount) as total from sales where id in ({marks})",
                       params={f"p{n}": i for n, i in enumerate(ids)}, ttl=0)["total"].iloc[0]
    st.write(f"Picked {len(ids)} sale(s), ids {ids[:8]}{' …' if len(ids) > 8 else ''}: {total:,.2f} in all")

city = st.selectbox("Sales in one city (a lazy query with a bound parameter)", CITIES)
st.dataframe(conn.query("select * from sales where city = :city", params={"city": city}, lazy=True), hide_index=True)
