import termlit as st

st.title("Orders")
item = st.selectbox("Item", ["bolts", "nuts", "washers"], key="item")
count = st.number_input("How many", 1, 50, 1, key="count")
if st.button("Place the order"):
    st.session_state.last_order = f"{count} {item} for the {st.session_state.region} region"
    st.switch_page("thanks.py")
