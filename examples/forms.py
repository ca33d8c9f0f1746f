"""A form: values wait for the submit button; the form clears after sending."""

import termlit as st

st.title("Sign up")
st.session_state.setdefault("members", [])

with st.form("signup", clear_on_submit=True):
    name = st.text_input("Name")
    age = st.number_input("Age", 0, 130, 30)
    plan = st.selectbox("Plan", ["Free", "Team", "Enterprise"])
    agree = st.checkbox("I accept the terms")
    sent = st.form_submit_button("Sign up", type="primary")

if sent:
    if not name or not agree:
        st.error("Give a name and accept the terms.")
    else:
        st.session_state.members.append(f"{name} ({age}, {plan})")
        st.success(f"Welcome, {name}!")

st.subheader(f"{len(st.session_state.members)} members")
for member in st.session_state.members:
    st.markdown(f"- {member}")
