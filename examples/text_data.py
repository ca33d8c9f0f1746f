"""Text and data display: alignment, wrapping, icons, alert titles, metrics
with formats and sparklines, tables with borders, and column types.

Run with ``termlit run examples/text_data.py``.
"""

import pandas as pd

import termlit as st

st.title("Text and data", icon="📋", text_alignment="center")
st.caption("Every line below uses a parameter of Streamlit 1.67.", text_alignment="center")

st.header("Text", icon=":material/article:", divider=True)
st.text("Right-aligned text", text_alignment="right")
st.markdown(
    "A long line that does not wrap: it stays on one line and is cut with an ellipsis when the terminal "
    "is narrower than the text, as wrap=False asks.",
    wrap=False,
)
st.warning("Disk space is low on the build server.", title="Heads up")
st.badge("New", icon="✨", color="green", help="Added in this release")

st.header("Metrics", icon="📈")
left, right = st.columns(2)
with left:
    st.metric("Revenue", 1234.567, delta=56.25, format="dollar", delta_description="vs last month",
              icon="💰", chart_data=[3, 5, 4, 6, 8, 7, 9], chart_type="bar", border=True)
with right:
    st.metric("Errors", 12, delta=-3, delta_color="inverse", delta_arrow="off", chart_data=[9, 7, 8, 5, 4, 3],
              border=True)
st.progress(0.6, "Import", 240)

st.header("Tables", icon="🧮")
frame = pd.DataFrame(
    {
        "task": ["parse", "load", "index", "ship"],
        "done": [0.9, 0.45, 0.1, None],
        "tags": [["io"], ["io", "db"], ["db"], []],
        "owner": ["**ann**", "bo", "cy", None],
        "action": ["Open", "Open", "Open", "Retry"],
    }
)
st.table(frame[["task", "done"]], border="horizontal", alt="Tasks and how far each is")
st.dataframe(
    frame,
    hide_index=True,
    placeholder="–",
    alt="Tasks",
    column_config={
        "task": st.column_config.TextColumn("Task", alignment="center"),
        "done": st.column_config.ProgressColumn("Done", min_value=0, max_value=1, step=0.1, color="auto"),
        "tags": st.column_config.MultiselectColumn("Tags", options=["io", "db"]),
        "owner": st.column_config.MarkdownColumn("Owner"),
        "action": st.column_config.ButtonColumn("Action"),
    },
)
st.line_chart({"load": [1, 3, 2, 5, 4]}, alt="Load over five minutes", height=200)
