"""A multipage app made of a pages/ folder: no st.navigation, every file in
pages/ is a page, ordered by its number, named after the rest of its name.

Run it with `termlit run examples/pages_folder`.
"""

import termlit as st

st.title("Home")
st.markdown("This app has no `st.navigation`: its pages are the files of `pages/`.")
st.page_link("pages/1_📈_Trends.py")
st.page_link("pages/2_Unit_converter.py")
st.page_link("pages/3_About.py")
