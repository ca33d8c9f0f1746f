"""Newer input widgets: menu buttons, pagination, skeletons, shortcuts, and
widgets bound to the query parameters."""

import time

import streamlit as st

st.title("New widgets")

action = st.menu_button("Export", ["CSV", "JSON", "PDF"], icon="⤓")
if action:
    st.success(f"Exported as {action}")

page = st.pagination(12, key="page", bind="query-params")
st.write(f"Showing page {page} of 12")

if st.button("Save", shortcut="Ctrl+S", icon="💾", icon_position="right"):
    st.toast("Saved")

st.link_button("Docs", "https://docs.streamlit.io", key="docs", on_click="rerun")

name = st.text_input("Name", key="name", bind="query-params", required=True,
                     validate=(r"^[A-Za-z ]+$", "Letters and spaces only."))
size = st.selectbox("Size", ["S", "M", "L", "XL"], key="size", bind="query-params", filter_mode="prefix")
st.checkbox("A long label that wraps onto the next row when the terminal is narrow", wrap=True)
st.write("Query parameters:", dict(st.query_params))

with st.skeleton(height=48):
    time.sleep(0.2)
st.write("Loaded.")
