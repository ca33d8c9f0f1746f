"""The colour-picker scatter: pick a colour, the points take it.

Run: termlit run examples/colors.py
"""

import numpy as np
import pandas as pd

import termlit as st

rng = np.random.default_rng(0)
df = pd.DataFrame({"x": rng.normal(size=1000), "y": rng.normal(size=1000)})

color = st.color_picker("Colour", "#ff4b4b")
st.scatter_chart(df, x="x", y="y", color=color)
