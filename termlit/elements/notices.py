"""Streamlit calls a terminal cannot show: each draws a one-line notice
naming the call, so an unmodified Streamlit app runs instead of crashing."""

from __future__ import annotations

from typing import Any

from termlit.elements._dg import DeltaGenerator, api_as, emit

__all__ = ["bokeh_chart", "iframe", "login", "logout", "notice"]


def notice(name: str, reason: str) -> DeltaGenerator:
    """Emit the notice for ``st.<name>``."""
    return emit("notice", {"call": f"st.{name}", "message": f"st.{name} is not shown in the terminal: {reason}."})[1]


def _unshown(name: str, reason: str):
    """``st.<name>``: takes any arguments and draws the notice saying why."""

    @api_as(name, f"Not shown in the terminal ({reason}); draws a one-line notice.")
    def unshown(*args: Any, **kwargs: Any) -> DeltaGenerator:
        return notice(name, reason)

    return unshown


bokeh_chart = _unshown("bokeh_chart", "Bokeh charts need a browser")
iframe = _unshown("iframe", "embedded pages need a browser")
login = _unshown("login", "sign-in is not available in the terminal")
logout = _unshown("logout", "sign-in is not available in the terminal")
