"""The Textual shell: the only place termlit imports Textual."""

from termlit.tui.app import TermlitApp

__all__ = ["TermlitApp"]
