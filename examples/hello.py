"""Hello, termlit: a counter in session state, a widget bound by key, a callback."""

import termlit as st

st.title("Hello, termlit")
st.caption("Every change reruns this script from the top. Tab moves, ? shows the keys.")

if "clicks" not in st.session_state:
    st.session_state.clicks = 0


def count_click(step: int) -> None:
    st.session_state.clicks += step


st.button("Click me", on_click=count_click, args=(1,))
st.markdown(f"The button was clicked **{st.session_state.clicks}** times.")

speed = st.slider("Speed (km/h)", 0, 130, 50, step=5, key="speed")
st.markdown(f"At **{speed} km/h** you cover {speed / 60:.2f} km a minute.")

name = st.text_input("Your name", key="name", placeholder="type, then Enter")
if name:
    st.markdown(f"Nice to meet you, **{name}**.")

with st.sidebar:
    st.header("Settings")
    unit = st.selectbox("Distance unit", ["km", "miles"], key="unit")
    show_state = st.checkbox("Show session state", value=True)

if unit == "miles":
    st.markdown(f"That is {speed * 0.621371:.1f} mph.")

if show_state:
    st.subheader("Session state")
    st.json(st.session_state.to_dict())
