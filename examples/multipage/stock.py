import termlit as st

st.title("Stock")
minimum = st.number_input("Show items with at least", 0, 100, 10, step=5, key="minimum")
items = {"bolts": 120, "nuts": 45, "washers": 8, "screws": 64}
st.table({"item": [k for k, v in items.items() if v >= minimum], "count": [v for v in items.values() if v >= minimum]})
