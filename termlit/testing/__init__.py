"""Testing helpers: the headless :class:`AppTest`, shaped like Streamlit's
``streamlit.testing.v1`` (its ``element_tree`` and ``util`` modules too)."""

from termlit.testing.apptest import AppTest

__all__ = ["AppTest"]
