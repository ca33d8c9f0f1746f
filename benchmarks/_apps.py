"""The ~50-element app both frameworks run in the rerun benchmark.

``{module}`` is ``termlit`` or ``streamlit``: the script is the same text.
"""

DASHBOARD = '''
import numpy as np
import pandas as pd
import {module} as st

if "frame" not in st.session_state:
    rng = np.random.default_rng(0)
    st.session_state.frame = pd.DataFrame({{
        "region": rng.choice(["north", "south", "east", "west"], 1000),
        "units": rng.integers(0, 500, 1000),
        "price": rng.random(1000) * 100,
    }})
frame = st.session_state.frame

st.title("Sales dashboard")
st.caption("All regions, last 1000 orders")
with st.sidebar:
    st.header("Filters")
    region = st.selectbox("Region", ["all", "north", "south", "east", "west"])
    st.checkbox("Show raw data", value=True)
    st.caption("Data refreshed hourly")

threshold = st.slider("Minimum units", 0, 500, 100)
cols = st.columns(5)
for i, col in enumerate(cols):
    col.metric(f"KPI {{i + 1}}", f"{{threshold * (i + 1):,}}", f"{{i - 2}}%")
    col.metric(f"Target {{i + 1}}", i * 100, -i)
st.divider()
st.subheader("Segments")
for i in range(20):
    st.markdown(f"Line **{{i}}**: units above {{threshold}} in segment {{i}}.")
st.info(f"{{(frame.units > threshold).sum()}} orders above the threshold")
st.dataframe(frame)
st.text(f"Region: {{region}}")
st.button("Refresh")
st.success("Up to date")
'''


def dashboard(module: str) -> str:
    return DASHBOARD.format(module=module)
