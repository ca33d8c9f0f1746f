"""A multipage app: st.navigation with sections, a page made from a function,
a sidebar widget every page shares, st.page_link and st.switch_page.

Run it with `termlit run examples/multipage` and move between the pages with
the sidebar menu or ctrl+p.
"""

import termlit as st

st.set_page_config(initial_sidebar_state="expanded")

# Made in the entrypoint, which runs on every page: it keeps its value
# whichever page is shown.
region = st.sidebar.selectbox("Region", ["North", "South", "East", "West"], key="region")


def welcome() -> None:
    st.title("Welcome")
    st.markdown(f"You are looking at the **{region}** region. Pick a page:")
    st.page_link(sales, label="Sales by month")
    st.page_link("orders.py", label="Place an order")
    st.page_link("https://docs.streamlit.io/develop/concepts/multipage-apps", label="About multipage apps")
    st.caption("ctrl+p picks a page from anywhere; ctrl+b shows or hides the sidebar.")


sales = st.Page("sales.py", title="Sales", icon=":material/bar_chart:")
pg = st.navigation(
    {
        "Overview": [st.Page(welcome, title="Welcome", icon="👋", default=True)],
        "Reports": [sales, st.Page("stock.py", icon="📦")],
        "Shop": [st.Page("orders.py", title="Orders", icon="🛒"), st.Page("thanks.py", visibility="hidden")],
    }
)
pg.run()
