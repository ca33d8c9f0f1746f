"""termlit: Streamlit-style data apps in the terminal.

``import termlit as st`` and use the ``st.*`` calls you know; run the script
with ``termlit run app.py``. Heavy parts (caching, connections, secrets) load
on first use, so ``import termlit`` stays cheap.
"""

from importlib import import_module
from typing import Any

from termlit.elements import *  # noqa: F403 - the public st.* surface
from termlit.elements import __all__ as _elements_all
from termlit.errors import StreamlitAPIException

__version__ = "0.1.0"

#: Public names served lazily: name -> module that defines it.
_LAZY = {
    "cache_data": "termlit.caching",
    "cache_resource": "termlit.caching",
    "components": "termlit.compat",
    "connection": "termlit.connections",
    "secrets": "termlit.connections",
    "typing": "termlit.compat",
}

__all__ = [*_elements_all, *_LAZY, "StreamlitAPIException", "__version__"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(
            f"module 'termlit' has no attribute '{name}'. If this is a Streamlit "
            "call, termlit does not support it yet."
        )
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
