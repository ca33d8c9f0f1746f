import termlit as st

st.title("Trends")
points = st.slider("Points", 5, 50, 20, key="points")
st.line_chart({"value": [i * i % 17 for i in range(points)]})
