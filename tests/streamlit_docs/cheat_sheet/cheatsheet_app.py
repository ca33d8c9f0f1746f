"""An app that shows what the assertions of Streamlit's app testing cheat
sheet expect (the cheat sheet gives the assertions, not the app)."""
import datetime

import pandas as pd
import streamlit as st

# Text elements
st.title("My app")
st.header("New topic")
st.subheader("Interesting sub-topic")
st.divider()
st.markdown("Hello, world!")
st.code("import streamlit as st")
st.caption("A cool diagram")
st.text("Hello again, world!")
st.latex(r"\int a x^2 \,dx")
st.divider()

# Input widgets
with st.form("signup"):
    st.form_submit_button("Sign up")
st.button("Click me")
st.checkbox("Agree")
st.color_picker("Colour", "#FFFFFF")
st.date_input("Birthday", datetime.date(2019, 7, 6))
st.multiselect("Things", ["foo", "bar", "baz"], ["foo", "bar"])
st.number_input("Count", value=5)
st.radio("Radio", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.selectbox("Select", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], value="Feb")
st.slider("Slide", 0, 10, 2)
st.text_area("Area", "Hello, world!")
st.text_input("Input", "Hello, world!")
st.time_input("Time", datetime.time(8, 45))
st.toggle("Debug mode")

# Data elements
st.dataframe(pd.DataFrame([1, 2, 3]))
st.metric("Sales", 9500, 1000)
st.json(["hi", {"foo": "bar"}])
st.table(pd.DataFrame([1, 2, 3]))

# Layouts and containers
st.sidebar.text_input("Name")
left, right = st.columns(2)
right.markdown("Hello, world!")
tabs = st.tabs(["One", "Two", "Three"])
tabs[2].markdown("Hello, yourself!")

# Chat elements
prompt = st.chat_input("Say something")
if prompt:
    with st.chat_message("user"):
        st.markdown(prompt)

# Status elements
st.success("Great job!")
st.info("Please enter an API key to continue")
st.warning("Sorry, the passwords didn't match")
st.error("Something went wrong :(")
st.toast("That was lit!", icon="🔥")
st.exception(TypeError("a TypeError in the data"))
