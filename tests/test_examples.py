"""The example apps, driven headless as a user would drive them."""

from __future__ import annotations

from conftest import EXAMPLES

from termlit.testing import AppTest


def test_hello_counter_keyed_slider_callback_and_sidebar():
    at = AppTest.from_file(EXAMPLES / "hello.py").run()
    assert at.title[0].value == "Hello, termlit"
    assert at.markdown[0].value == "The button was clicked **0** times."
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "The button was clicked **2** times."
    at.slider(key="speed").set_value(100).run()  # the README's example
    assert "100 km/h" in at.markdown[1].value
    assert at.session_state.speed == 100
    at.sidebar.selectbox(key="unit").select("miles").run()
    assert any("62.1 mph" in v for v in at.markdown.values)
    at.text_input(key="name").input("Ada").run()
    assert "Nice to meet you, **Ada**." in at.markdown.values
    assert '"name": "Ada"' in at.json[0].value
    at.sidebar.checkbox[0].uncheck().run()
    assert len(at.json) == 0
