"""Every input widget, in a small trip planner. Tab moves between widgets; the
footer shows the keys of the one in focus; ? lists them all."""

from datetime import date, datetime, time, timedelta

import termlit as st

st.title("Trip planner")
st.caption("Every input widget termlit has. Tab / Shift+Tab move, the footer shows the keys.")

# -- who and where -----------------------------------------------------------------
st.header("Traveller")
name = st.text_input("Your name", placeholder="type, then Enter", key="name")
password = st.text_input("Booking code", type="password", max_chars=8, help="8 characters, shown masked")
travellers = st.number_input("Travellers", min_value=1, max_value=9, value=2)
kind = st.radio("Trip", ["City", "Beach", "Mountains"], captions=["museums", "sun", "trails"], horizontal=True)
region = st.selectbox("Region", ["Europe", "Asia", "Americas", "Africa", "Oceania"], index=None,
                      placeholder="Choose a region")
extras = st.multiselect("Extras", ["Breakfast", "Insurance", "Car", "Bike", "Guide"], default=["Breakfast"],
                        max_selections=3, help="Enter opens the list; type to filter")
st.write(f"**{name or 'Someone'}** and {travellers - 1} more, a {kind.lower()} trip"
         f"{' to ' + region if region else ''}, with {', '.join(extras) or 'no extras'}.")

# -- when ----------------------------------------------------------------------------
st.header("When")
today = date(2025, 6, 1)
start, end = st.date_input("Dates", (today, today + timedelta(days=6)), format="DD.MM.YYYY",
                           help="←/→ a day, ↑/↓ a week, PgUp/PgDn a month; or type a date")
departure = st.time_input("Departure", time(9, 30), step=timedelta(minutes=30))
check_in = st.datetime_input("Hotel check-in", datetime(2025, 6, 1, 15, 0))
flex = st.slider("Flexible by (days)", 0, 7, (0, 2))
window = st.slider("Arrival window", value=(time(8), time(20)), step=timedelta(hours=1), format="HH:mm")
book_by = st.slider("Book by", min_value=date(2025, 5, 1), max_value=date(2025, 5, 31), value=date(2025, 5, 15),
                    format="MMM D")
st.write(f"{start:%a %d %b} → {end:%a %d %b}, leaving at {departure:%H:%M}; "
         f"±{flex[1]} days; book by {book_by:%d %B}.")

# -- preferences ---------------------------------------------------------------------
st.header("Preferences")
budget = st.select_slider("Budget", ["$", "$$", "$$$", "$$$$"], value="$$")
comfort = st.slider("Comfort", 0.0, 1.0, 0.5, step=0.1)
pace = st.segmented_control("Pace", ["Slow", "Normal", "Packed"], default="Normal")
tags = st.pills("Interests", ["Food", "Art", "Hiking", "Music", "History"], selection_mode="multi")
quiet = st.toggle("Quiet rooms only")
newsletter = st.checkbox("Send me offers")
colour = st.color_picker("Label colour", "#1c83e1")
notes = st.text_area("Notes for the agent", placeholder="Several lines; ctrl+j or ctrl+enter applies")
st.write(f"Budget {budget}, comfort {comfort:.1f}, pace {pace or 'any'}, interests "
         f"{', '.join(tags) or 'none'}; quiet={quiet}, offers={newsletter}, colour {colour}.")

# -- files ---------------------------------------------------------------------------
st.header("Documents")
passport = st.file_uploader("Passport scan", type=["pdf", "png", "jpg", "txt"],
                            help="Enter opens a file tree at the current directory")
if passport is not None:
    st.write(f"Got **{passport.name}** ({passport.size} bytes, {passport.type}).")
plan = "\n".join([
    f"Trip for {name or 'someone'}: {kind} {region or ''}",
    f"{start} to {end}, departure {departure:%H:%M}",
    f"Extras: {', '.join(extras)}",
    f"Notes: {notes}",
])
if st.download_button("Download the plan", plan, file_name="trip-plan.txt", mime="text/plain"):
    st.success("Plan saved.")

if st.button("Book it", type="primary"):
    st.write(f"Booked! Reference {abs(hash(plan)) % 100000:05d}.")

# -- chat ----------------------------------------------------------------------------
st.header("Ask the agent")
st.session_state.setdefault("chat", [("assistant", "Hello! Ask me about your trip.")])
question = st.chat_input("Ask about your trip")
if question:
    st.session_state.chat.append(("user", question))
    st.session_state.chat.append(("assistant", f"Good question about “{question}”: a {kind.lower()} trip "
                                               f"suits {budget} budgets."))
for who, said in st.session_state.chat[-6:]:
    with st.chat_message(who):
        st.write(said)
rating = st.feedback("stars")
if rating is not None:
    st.write(f"Thanks for {rating + 1} star{'s' if rating else ''}!")
