"""A million-row explorer: filter, sort, search and select without waiting.

Run: termlit run examples/dataframe.py

In the table: arrows move, PgUp/PgDn page, g/G jump to the ends, [ and ] sort
by the focused column, / searches (n/N for the next match), Enter shows the
row, y copies the cell, Space selects rows.
"""

import numpy as np
import pandas as pd

import termlit as st

st.title("Orders explorer")


@st.cache_resource
def orders(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(42)
    cities = np.array(["Lisbon", "Oslo", "Quito", "Hanoi", "Accra", "Perth", "Lima", "Riga"])
    frame = pd.DataFrame(
        {
            "order_id": np.arange(1, rows + 1),
            "city": cities[rng.integers(0, len(cities), rows)],
            "units": rng.integers(1, 50, rows),
            "price": np.round(rng.gamma(2.0, 20.0, rows), 2),
            "placed": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 365 * 24 * 60, rows), unit="min"),
        }
    )
    frame.loc[rng.integers(0, rows, rows // 1000), "price"] = np.nan
    return frame


rows = st.selectbox("Rows", [1_000_000, 10_000_000, 10_000], format_func=lambda n: f"{n:,}")
data = orders(rows)
city = st.selectbox("City", ["all", *sorted(data["city"].unique())])
shown = data if city == "all" else data[data["city"] == city]

event = st.dataframe(
    shown,
    height=500,
    hide_index=True,
    column_config={"price": {"label": "price €", "format": "%.2f"}, "placed": {"format": "YYYY-MM-DD HH:mm"}},
    on_select="rerun",
)
picked = shown.iloc[event.selection.rows]
if len(picked):
    st.subheader(f"{len(picked)} selected, worth {np.nansum(picked['units'] * picked['price']):,.2f} €")
    st.table(picked)
else:
    st.caption(f"{len(shown):,} orders. Space selects a row.")
