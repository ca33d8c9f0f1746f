"""test_second.py"""
from termlit.testing import AppTest

def test_balloons():
    at = AppTest.from_file("pages/second.py")
    at.session_state["magic_word"] = "Balloons"
    at.run()
    assert at.markdown[0].value == ":balloon:"


def test_declaring_secrets():
    # Initialize an AppTest instance.
    at = AppTest.from_file("first.py")
    # Declare the secrets.
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    # Run the app.
    at.run()
    assert not at.exception
