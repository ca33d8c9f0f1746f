"""Every container: sidebar, columns, tabs, expander, container, empty, popover, dialog."""

import termlit as st

st.set_page_config(page_title="Layout tour")
st.title("Layout tour")

with st.sidebar:
    st.header("Sidebar")
    st.caption("ctrl+b shows or hides me.")
    show_details = st.checkbox("Show details", value=True)

st.subheader("Columns")
left, middle, right = st.columns([2, 1, 1])
left.metric("Visitors", "12,480", "+8%")
middle.metric("Bounce", "31%", "-2%", delta_color="inverse")
right.metric("Uptime", "99.98%")

st.subheader("Tabs")
summary, data = st.tabs(["Summary", "Data"])
summary.markdown("Tabs switch with **←/→** on the tab bar.")
with data:
    st.json({"region": "north", "units": 412})

with st.expander("Expander: Enter on the title opens it", expanded=show_details):
    st.write("Hidden until opened — the choice is kept across reruns.")

with st.container(border=True):
    st.markdown("A **bordered** container.")
    st.caption("Containers group elements.")

with st.container(height=4):
    for i in range(8):
        st.text(f"scrolling line {i + 1}")

placeholder = st.empty()
placeholder.info("An st.empty placeholder, filled after it was made.")

with st.popover("Popover"):
    st.write("Shown when the button is pressed.")


@st.dialog("A dialog")
def confirm():
    st.write("Dialogs open in a window; Esc closes them.")
    if st.button("Close"):
        st.rerun()


if st.button("Open a dialog"):
    confirm()
