"""Streamlit calls a terminal cannot show: each draws a one-line notice
naming the call, so an unmodified Streamlit app runs instead of crashing."""

from __future__ import annotations

from typing import Any

from termlit.elements._dg import API, DeltaGenerator, emit

__all__ = ["UNSHOWN", "notice"]

#: st.<name> -> why it is not drawn here.
UNSHOWN = {
    "map": "maps need a graphical display",
    "pydeck_chart": "3D maps need a graphical display",
    "plotly_chart": "Plotly charts need a browser; use st.line_chart / st.scatter_chart",
    "altair_chart": "Altair charts need a browser; use st.line_chart / st.bar_chart",
    "vega_lite_chart": "Vega-Lite charts need a browser; use st.line_chart / st.bar_chart",
    "pyplot": "Matplotlib figures need a graphical display",
    "bokeh_chart": "Bokeh charts need a browser",
    "graphviz_chart": "graphs need a graphical display",
    "image": "images need a graphical display",
    "video": "video needs a graphical display",
    "audio": "audio is not played in the terminal",
    "html": "HTML needs a browser",
    "iframe": "embedded pages need a browser",
    "camera_input": "there is no camera in the terminal",
    "audio_input": "recording is not available in the terminal",
    "logo": "logos need a graphical display",
    "pdf": "PDF documents need a graphical display",
    "page_link": "multipage navigation is not available yet",
    "navigation": "multipage navigation is not available yet",
    "switch_page": "multipage navigation is not available yet",
    "login": "sign-in is not available in the terminal",
    "logout": "sign-in is not available in the terminal",
}


def notice(name: str, reason: str) -> DeltaGenerator:
    """Emit the notice for ``st.<name>``."""
    return emit("notice", {"call": f"st.{name}", "message": f"st.{name} is not shown in the terminal: {reason}."})[1]


def _make(name: str, reason: str):
    def unshown(*args: Any, **kwargs: Any) -> DeltaGenerator:
        return notice(name, reason)

    unshown.__name__ = name
    unshown.__doc__ = f"Not shown in the terminal ({reason}); draws a one-line notice."
    return unshown


for _name, _reason in UNSHOWN.items():
    API[_name] = globals()[_name] = _make(_name, _reason)
__all__ += list(UNSHOWN)
