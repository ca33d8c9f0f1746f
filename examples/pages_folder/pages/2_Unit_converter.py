import termlit as st

st.title("Unit converter")
km = st.number_input("Kilometres", 0.0, 10000.0, 5.0, key="km")
st.markdown(f"{km:g} km is **{km * 0.621371:.2f}** miles.")
