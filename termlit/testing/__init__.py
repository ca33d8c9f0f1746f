"""Testing helpers: the headless :class:`AppTest`."""

from termlit.testing.apptest import AppTest

__all__ = ["AppTest"]
