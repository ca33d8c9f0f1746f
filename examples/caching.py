"""A slow load made instant by st.cache_data, on every rerun and after a restart.

    termlit run examples/caching.py

The first run waits two seconds while load_sales() builds its table. Move
the slider: the script reruns from the top, and the load comes straight from
the cache. Quit and start the app again: the table is read back from disk
(`termlit cache info` shows where), so the wait does not come back.
"""

import time
from datetime import datetime

import numpy as np
import pandas as pd

import termlit as st


@st.cache_data(show_spinner="Loading a year of sales (2 s)...")
def load_sales(rows: int) -> pd.DataFrame:
    time.sleep(2)  # stands in for a slow query or a big file
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        {
            "day": pd.date_range("2024-01-01", periods=rows, freq="h"),
            "store": rng.choice(["north", "south", "east", "west"], rows),
            "units": rng.integers(1, 50, rows),
            "price": rng.uniform(2.0, 40.0, rows).round(2),
            "built": datetime.now().strftime("%H:%M:%S"),
        }
    )


@st.cache_resource
def counter() -> dict:
    """One object shared by every rerun (and every session) of this process."""
    return {"reruns": 0}


st.title("Caching")
st.caption("st.cache_data keeps load_sales() on disk; st.cache_resource keeps one shared object.")

started = time.perf_counter()
sales = load_sales(8_760)
took = time.perf_counter() - started

st.subheader("This run")
state = "computed now (a miss)" if took > 1 else "from the cache (a hit)"
st.markdown(f"load_sales() took **{took * 1000:,.1f} ms**: {state}.")
st.text(f"The table was built at {sales['built'].iloc[0]}; it is {datetime.now():%H:%M:%S} now.")

shared = counter()
shared["reruns"] += 1
st.text(f"Runs of this process so far (a cache_resource object): {shared['reruns']}")

st.divider()
min_units = st.slider("Hide orders under this many units", 1, 49, 10)
stores = st.selectbox("Store", ["all", "north", "south", "east", "west"])

view = sales[sales["units"] >= min_units]
if stores != "all":
    view = view[view["store"] == stores]
# The cached table is a fresh copy at every call: changing it here never
# changes what the next run gets.
view = view.assign(revenue=(view["units"] * view["price"]).round(2)).drop(columns="built")

left, right = st.columns(2)
left.markdown(f"**{len(view):,}** orders")
right.markdown(f"**{view['revenue'].sum():,.0f}** revenue")
st.dataframe(view, height=12)

if st.button("Forget the cached table"):
    load_sales.clear()
    st.markdown("Cleared: the next run loads again (2 s).")
