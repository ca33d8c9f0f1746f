import termlit as st

st.title("About")
st.markdown("Files in `pages/` are pages: `1_📈_Trends.py` is the page *Trends* with the icon 📈.")
if st.button("Back home"):
    st.switch_page("app.py")
