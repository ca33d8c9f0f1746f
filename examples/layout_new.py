"""Layout: horizontal containers, a grid, space, tabs and an expander that
track their state, and st.bottom.

Run it with ``termlit run examples/layout_new.py``.
"""

import termlit as st

st.title("Layout")

st.session_state.setdefault("log", [])


def tab_changed() -> None:
    st.session_state.log.append(f"tab: {st.session_state.section}")


def details_toggled() -> None:
    st.session_state.log.append("details: " + ("open" if st.session_state.details else "closed"))


with st.container(horizontal=True, gap="medium"):
    st.button("New")
    st.button("Open")
    st.button("Save")
    st.space("stretch")
    st.button("Help")

grid = st.grid(3, border=True)
for name, value in [("Revenue", "$1.2M"), ("Pipeline", "$4.8M"), ("Retention", "96%")]:
    grid.metric(name, value)
with grid.cell(column_span="all"):
    st.caption("Cells wrap to fewer columns when the terminal is narrow.")

st.space("small")

overview, data = st.tabs(["Overview", "Data"], key="section", on_change=tab_changed)
if overview.open:
    with overview:
        st.write("The overview runs only while its tab is selected.")
if data.open:
    with data:
        st.write("Rows: 3 (this tab's work runs only when it is selected).")

details = st.expander("Details", key="details", on_change=details_toggled)
with details:
    if details.open:
        st.write("Opened: this part ran because the expander is open.")

st.caption("Changes: " + (", ".join(st.session_state.log[-3:]) or "none yet"))
with st.container(horizontal=True, horizontal_alignment="right"):
    st.button("Show the data tab", on_click=lambda: st.session_state.update(section="Data"))
    st.button("Clear", on_click=lambda: st.session_state.log.clear())

st.bottom.caption("st.bottom: this line stays at the bottom of the page.")
