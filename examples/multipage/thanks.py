import termlit as st

st.title("Thank you")
st.success(f"Ordered: {st.session_state.get('last_order', 'nothing yet')}.")
st.page_link("orders.py", label="Place another order")
