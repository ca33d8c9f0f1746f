import termlit as st

st.title("Sales")
region = st.session_state.region  # the entrypoint's shared widget
months = st.slider("Months to show", 1, 12, 3, key="months")
st.markdown(f"**{region}**: {months} months of sales, {months * 1200:,} units.")
note = st.text_input("A note kept for the session", key="sales_note", persist_state="session")
if note:
    st.caption(f"Your note: {note}")
st.caption("Leave and come back: the months go back to 3, the note stays.")
