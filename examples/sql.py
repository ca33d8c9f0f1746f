"""SQL through st.connection, on a SQLite file made on first run.

    termlit run examples/sql.py

The connection is configured in examples/.termlit/secrets.toml
([connections.my_database], a SQLite URL). Point the same three lines at
PostgreSQL or MySQL by changing only that file (see docs/connections.md).
"""

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import termlit as st

DATABASE = Path(__file__).resolve().with_name("my_database.db")

FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret",
         "Dennis", "Radia", "Tim", "Hedy", "John", "Katherine", "Linus", "Niklaus", "Sophie"]
LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson",
        "Hamilton", "Ritchie", "Perlman", "Berners-Lee", "Lamarr", "Backus", "Johnson", "Wirth"]
CITIES = ["Lisbon", "Oslo", "Nairobi", "Montreal", "Osaka", "Valparaiso", "Tallinn", "Perth"]
#: Monthly price: per seat, except "enterprise" (a flat contract).
PLANS = {"free": 0.0, "team": 12.0, "business": 25.0, "enterprise": 4800.0}


def create_example_database(path: Path) -> None:
    """Write my_table with some customers (the same rows every time)."""
    rng = random.Random(20240611)
    rows = []
    for customer_id in range(1, 49):
        plan = rng.choices(list(PLANS), weights=[5, 6, 3, 1])[0]
        seats = 1 if plan == "free" else rng.randint(2, 60)
        rows.append((
            customer_id,
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            rng.choice(CITIES),
            plan,
            seats,
            round(PLANS[plan] * (1 if plan == "enterprise" else seats), 2),
            (date(2023, 1, 9) + timedelta(days=rng.randint(0, 540))).isoformat(),
        ))
    partial = path.with_suffix(".db.partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute(
            "create table my_table (id integer primary key, customer text, city text, "
            "plan text, seats integer, monthly_usd real, signed_up text)"
        )
        db.executemany("insert into my_table values (?, ?, ?, ?, ?, ?, ?)", rows)
    partial.replace(path)  # appears whole, even with two sessions starting at once


if not DATABASE.exists():
    create_example_database(DATABASE)

st.title("Customers, from SQL")
st.caption("st.connection('my_database') reads its URL from examples/.termlit/secrets.toml")

conn = st.connection("my_database")
df = conn.query("select * from my_table")
st.dataframe(df)

st.divider()
st.subheader("Filter with bound parameters")
city = st.selectbox("City", ["All cities", *sorted(df["city"].unique())])
min_seats = st.slider("At least this many seats", 1, 60, 1)
if city == "All cities":
    chosen = conn.query(
        "select customer, plan, seats, monthly_usd from my_table where seats >= :seats order by monthly_usd desc",
        params={"seats": min_seats},
    )
else:
    chosen = conn.query(
        "select customer, plan, seats, monthly_usd from my_table "
        "where city = :city and seats >= :seats order by monthly_usd desc",
        params={"city": city, "seats": min_seats},
    )
left, right = st.columns(2)
left.markdown(f"**{len(chosen)}** customers")
right.markdown(f"**${chosen['monthly_usd'].sum():,.2f}** a month")
st.dataframe(chosen, hide_index=True)
st.code(
    '[connections.my_database]\ntype = "sql"\nurl = "sqlite:///my_database.db"',
    language="toml",
)
