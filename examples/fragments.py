"""Fragments: the counter reruns on its own; the ticker refreshes every second."""

import termlit as st

st.title("Fragments")
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1
st.caption(f"The whole app ran {st.session_state.app_runs} times.")


@st.fragment
def counter():
    st.session_state.setdefault("count", 0)
    if st.button("Add one"):
        st.session_state.count += 1
    st.markdown(f"Count: **{st.session_state.count}** (only this part reran)")


@st.fragment(run_every="1s")
def ticker():
    st.session_state.setdefault("ticks", 0)
    st.session_state.ticks += 1
    st.text(f"This line refreshed itself {st.session_state.ticks} times.")


counter()
ticker()
st.slider("A slider outside the fragments reruns everything", 0, 10, 5)
