"""Pictures: an image, a matplotlib figure, an Altair chart, a Plotly
figure, a map and a graphviz diagram, drawn in the terminal.

Run: termlit run examples/pictures.py  (needs pip install -e ".[pictures]")
Tab to a picture and press Enter to see it full-screen; Esc closes it.
"""

import altair as alt
import graphviz
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go

import termlit as st

st.title("Pictures")


@st.cache_data
def landscape(width: int = 320, height: int = 200) -> np.ndarray:
    """A sunset over hills, made of numbers."""
    y, x = np.mgrid[0:height, 0:width].astype(float)
    y, x = y / height, x / width
    sky = np.stack([0.95 - 0.3 * y, 0.55 - 0.4 * y, 0.35 + 0.4 * y], axis=-1)
    sun = np.exp(-(((x - 0.7) ** 2) + ((y - 0.45) ** 2) * 2) * 60)[..., None] * [0.05, 0.45, 0.3]
    hills = y > 0.62 + 0.08 * np.sin(x * 9) + 0.04 * np.sin(x * 23)
    picture = np.clip(sky + sun, 0, 1)
    picture[hills] = np.stack([0.12 + 0.1 * y, 0.35 - 0.1 * y, 0.15 + 0 * y], axis=-1)[hills]
    return picture


rng = np.random.default_rng(3)
top = st.columns(3)
with top[0]:
    st.image(landscape(), caption="An image (numpy)", use_container_width=True)
with top[1]:
    fig, ax = plt.subplots(figsize=(4, 2.6))
    ax.hist(rng.normal(1, 1, size=400), bins=20, color="#4c9be8")
    ax.set_title("pyplot")
    st.pyplot(fig)
    plt.close(fig)
with top[2]:
    cars = pd.DataFrame({"speed": rng.uniform(20, 130, 200)})
    cars["stop"] = cars["speed"] ** 1.6 / 12 + rng.normal(0, 20, 200)
    cars["kind"] = np.where(cars["speed"] > 80, "fast", "slow")
    st.altair_chart(alt.Chart(cars).mark_point().encode(x="speed", y="stop", color="kind"), height=220)

bottom = st.columns(3)
with bottom[0]:
    sales = go.Figure([go.Bar(x=["Mon", "Tue", "Wed", "Thu", "Fri"], y=[12, 19, 7, 15, 22], name="sales")])
    sales.update_layout(title="Plotly")
    st.plotly_chart(sales, height=220)
with bottom[1]:
    cities = pd.DataFrame({"lat": [51.5, 48.9, 40.7, -33.9, 35.7, -22.9, 55.8, 1.35],
                           "lon": [-0.1, 2.4, -74.0, 151.2, 139.7, -43.2, 37.6, 103.8]})
    st.map(cities, height=220)
with bottom[2]:
    flow = graphviz.Digraph()
    flow.edge("idea", "draft")
    flow.edge("draft", "review")
    flow.edge("review", "ship")
    st.graphviz_chart(flow)
