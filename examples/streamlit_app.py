"""The example gallery as one multipage app: `termlit hello` (or
`termlit run examples`) opens it; ctrl+p or the sidebar menu picks an example.
"""

import termlit as st


def welcome() -> None:
    st.title("termlit examples")
    st.markdown(
        "Each page is one of the example apps, run as it is. Pick one in the sidebar "
        "menu, or press **ctrl+p** to pick it by name."
    )
    for page in [p for group in PAGES.values() for p in group][1:]:
        st.page_link(page)
    st.caption("Two more are folders of their own: `termlit run examples/multipage` and "
               "`termlit run examples/pages_folder`.")


PAGES = {
    "": [st.Page(welcome, title="Welcome", icon="👋")],
    "Basics": [
        st.Page("hello.py", title="Hello", icon="🐣"),
        st.Page("widgets.py", title="Widgets", icon="🔘"),
        st.Page("widgets_new.py", title="New widgets", icon="🆕"),
        st.Page("layout.py", title="Layout", icon="🧱"),
        st.Page("layout_new.py", title="Rows and grids", icon="📐"),
        st.Page("forms.py", title="Forms", icon="📝"),
        st.Page("fragments.py", title="Fragments", icon="🧩"),
        st.Page("progress.py", title="Progress", icon="⏳"),
    ],
    "Data": [
        st.Page("text_data.py", title="Text and data", icon="📋"),
        st.Page("dataframe.py", title="Dataframe", icon="🧮"),
        st.Page("charts.py", title="Charts", icon="📈"),
        st.Page("pictures.py", title="Pictures", icon="🌄"),
        st.Page("colors.py", title="Colours", icon="🎨"),
        st.Page("caching.py", title="Caching", icon="⚡"),
        st.Page("sql.py", title="SQL", icon="💾"),
        st.Page("bigtable.py", title="Big table", icon="📚"),
    ],
}
st.navigation(PAGES).run()
