"""Every chart kind, on data big and small.

Run: termlit run examples/charts.py
"""

import numpy as np
import pandas as pd

import termlit as st

st.title("Charts")


@st.cache_data
def walks(points: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame(
        rng.normal(size=(points, 3)).cumsum(axis=0),
        columns=["alpha", "beta", "gamma"],
    )


@st.cache_data
def cloud(points: int) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    group = rng.choice(["north", "south", "east"], points)
    shift = pd.Series(group).map({"north": 0.0, "south": 3.0, "east": -3.0}).to_numpy()
    return pd.DataFrame(
        {"x": rng.normal(size=points) + shift, "y": rng.normal(size=points) - shift / 2, "region": group}
    )


points = st.selectbox("Points per series", [1_000, 100_000, 1_000_000], index=1, format_func=lambda n: f"{n:,}")

st.subheader("Line: three random walks (wide form, index as x)")
st.line_chart(walks(points))

st.subheader("Scatter: one series per region (long form, colour column)")
st.scatter_chart(cloud(points), x="x", y="y", color="region", x_label="east–west", y_label="north–south")

st.subheader("Area: stacked")
days = pd.date_range("2024-01-01", periods=90, freq="D")
rng = np.random.default_rng(3)
sales = pd.DataFrame({"web": rng.integers(5, 20, 90), "shop": rng.integers(2, 12, 90)}, index=days)
st.area_chart(sales)

st.subheader("Bar: units per fruit, stacked by store")
fruit = pd.DataFrame(
    {
        "fruit": ["apple", "pear", "plum", "fig", "apple", "pear", "plum", "fig"],
        "store": ["north"] * 4 + ["south"] * 4,
        "units": [12, 7, 3, 9, 5, 11, 6, 2],
    }
)
st.bar_chart(fruit, x="fruit", y="units", color="store")

st.subheader("Bar: horizontal")
st.bar_chart(fruit.groupby("fruit", as_index=False)["units"].sum(), x="fruit", y="units", horizontal=True, color="#29b09d")
