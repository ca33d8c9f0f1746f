"""test_app.py"""
from termlit.testing import AppTest

def test_increment_and_add():
    """A user increments the number input, then clicks Add"""
    at = AppTest.from_file("app.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


def test_elements_are_in_page_order():
    at = AppTest.from_string(
        """
        import streamlit as st

        first = st.container()
        second = st.container()

        second.button("A")
        first.button("B")
        """
    ).run()
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"


def test_widgets_by_key():
    at = AppTest.from_string(
        """
        import streamlit as st

        st.button("Next", key="submit")
        st.button("Back", key="cancel")
        """
    ).run()
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_inspect_a_selectbox():
    at = AppTest.from_string(
        """
        import streamlit as st

        st.selectbox("A", [1,2,3], None, help="Pick a number", placeholder="Pick me")
        """
    ).run()
    assert at.selectbox[0].value == None
    assert at.selectbox[0].label == "A"
    assert at.selectbox[0].options == ["1","2","3"]
    assert at.selectbox[0].index == None
    assert at.selectbox[0].help == "Pick a number"
    assert at.selectbox[0].placeholder == "Pick me"
    assert at.selectbox[0].disabled == False
