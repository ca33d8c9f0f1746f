"""Run unmodified Streamlit scripts: ``import streamlit as st`` gets termlit.

:func:`install_streamlit_alias` maps ``streamlit`` and the submodules apps
and their tests commonly import (``streamlit.components.v1``/``v2``,
``streamlit.testing.v1`` with its ``util`` and ``element_tree``,
``streamlit.errors``, ``streamlit.typing``, ``streamlit.runtime.scriptrunner``)
to termlit's equivalents. ``termlit run`` installs it for good; AppTest and
snapshots install it for each run (:func:`streamlit_alias`, which nests), so a
real Streamlit in the same process stays usable around them.

:data:`components` and :data:`typing` are ``st.components`` and
``st.typing``: the browser components draw a one-line notice whatever their
arguments; the types are the classes termlit's calls return.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import termlit
import termlit.errors
from termlit.common.frames import DataframeState
from termlit.elements import UploadedFile
from termlit.elements.notices import notice
from termlit.runtime.context import current_run_context, run_context_var

__all__ = ["components", "install_streamlit_alias", "streamlit_alias", "typing", "uninstall_streamlit_alias"]


def _module(name: str, doc: str, **attributes: Any) -> types.ModuleType:
    module = types.ModuleType(name, doc)
    module.__dict__.update(attributes)
    module.__all__ = sorted(a for a in attributes if not a.startswith("_"))
    return module


def _html(*args: Any, **kwargs: Any):
    """Not shown in the terminal (HTML needs a browser): draws a notice."""
    return notice("components.v1.html", "HTML needs a browser")


def _iframe(*args: Any, **kwargs: Any):
    """Not shown in the terminal (embedded pages need a browser): draws a notice."""
    return notice("components.v1.iframe", "embedded pages need a browser")


def _declare_component(name: str, *args: Any, **kwargs: Any):
    """A custom component: calling it draws a notice and returns ``default``."""

    def component(*a: Any, default: Any = None, **k: Any) -> Any:
        notice(f"components: {name}", "custom components need a browser")
        return default

    return component


def _component(name: str, *, html: str | None = None, css: str | None = None, js: str | None = None,
               isolate_styles: bool = True):
    """A v2 component: mounting it draws a notice and returns ``default``."""

    def mount(*a: Any, default: Any = None, **k: Any) -> Any:
        notice(f"components.v2: {name}", "custom components need a browser")
        return default

    return mount


_v1 = _module("streamlit.components.v1", "Browser components: each draws a one-line notice.",
              declare_component=_declare_component, html=_html, iframe=_iframe)
_v2 = _module("streamlit.components.v2", "Browser components (v2): each draws a one-line notice.",
              component=_component)
#: ``st.components``: ``v1`` and ``v2``.
components = _module("streamlit.components", "Browser components.", v1=_v1, v2=_v2)

#: ``st.typing``: the types termlit's calls return, for annotations.
typing = _module("streamlit.typing", "Types of values termlit's calls return.",
                 DataframeState=DataframeState, UploadedFile=UploadedFile)


def _get_script_run_ctx(suppress_warning: bool = False):
    return current_run_context()


def _add_script_run_ctx(thread: Any = None, ctx: Any = None):
    """Give ``thread`` the current run context, so st.* calls in it work."""
    ctx = ctx or current_run_context()
    if thread is not None and ctx is not None:
        run = thread.run

        def run_with_context() -> None:
            run_context_var.set(ctx)
            run()

        thread.run = run_with_context
    return thread


def _modules() -> dict[str, types.ModuleType]:
    import termlit.testing  # lazy: termlit.testing imports this module for its runs
    import termlit.testing.element_tree  # lazy: as above
    import termlit.testing.util  # lazy: as above

    testing_pkg = _module("streamlit.testing", "AppTest.", v1=termlit.testing)
    scriptrunner = _module("streamlit.runtime.scriptrunner", "Run contexts.",
                           add_script_run_ctx=_add_script_run_ctx, get_script_run_ctx=_get_script_run_ctx)
    uploads = _module("streamlit.runtime.uploaded_file_manager", "Uploaded files.", UploadedFile=UploadedFile)
    runtime_pkg = _module("streamlit.runtime", "The runtime.", scriptrunner=scriptrunner,
                          uploaded_file_manager=uploads)
    return {
        "streamlit": termlit,
        "streamlit.components": components,
        "streamlit.components.v1": _v1,
        "streamlit.components.v2": _v2,
        "streamlit.testing": testing_pkg,
        "streamlit.testing.v1": termlit.testing,
        "streamlit.testing.v1.element_tree": termlit.testing.element_tree,
        "streamlit.testing.v1.util": termlit.testing.util,
        "streamlit.errors": termlit.errors,
        "streamlit.typing": typing,
        "streamlit.runtime": runtime_pkg,
        "streamlit.runtime.scriptrunner": scriptrunner,
        "streamlit.runtime.uploaded_file_manager": uploads,
    }


class _UnknownSubmodule(importlib.abc.MetaPathFinder):
    """A clear error for Streamlit submodules termlit does not provide."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None):
        if fullname.startswith("streamlit.") and sys.modules.get("streamlit") is termlit:
            raise ModuleNotFoundError(
                f"termlit runs Streamlit apps with its own API and has no '{fullname}'. "
                "Use the st.* calls of the top-level module instead.",
                name=fullname,
            )
        return None


#: Attributes ``import streamlit.x.y as z`` walks through on termlit's side
#: (owner module, attribute, alias of the module it is set to).
_ATTRIBUTES = (
    ("termlit.runtime", "scriptrunner", "streamlit.runtime.scriptrunner"),
    ("termlit.runtime", "uploaded_file_manager", "streamlit.runtime.uploaded_file_manager"),
)

_saved: dict[str, Any] = {}
_finder = _UnknownSubmodule()
_lock = threading.RLock()
#: How many installs are in force (``streamlit_alias`` blocks nest).
_depth = 0


def install_streamlit_alias() -> None:
    """Make ``import streamlit`` (and its common submodules) load termlit.
    Each call needs its own :func:`uninstall_streamlit_alias` to undo it."""
    global _depth
    with _lock:
        _depth += 1
        if _depth > 1:
            return
        modules = _modules()
        # A real Streamlit's own submodules hide too: an import of one must
        # not find it half-working on top of termlit.
        real = [name for name in sys.modules if name.startswith("streamlit.") and name not in modules]
        for name in real:
            _saved[name] = sys.modules.pop(name)
        for name, module in modules.items():
            _saved[name] = sys.modules.get(name)
            sys.modules[name] = module
        for owner, attribute, alias in _ATTRIBUTES:
            setattr(sys.modules[owner], attribute, modules[alias])
        if _finder not in sys.meta_path:
            sys.meta_path.append(_finder)


def uninstall_streamlit_alias() -> None:
    """Undo one :func:`install_streamlit_alias`; the last one puts back what
    ``streamlit`` was before."""
    global _depth
    with _lock:
        if _depth == 0:
            return
        _depth -= 1
        if _depth:
            return
        for owner, attribute, _alias in _ATTRIBUTES:
            if hasattr(sys.modules.get(owner), attribute):
                delattr(sys.modules[owner], attribute)
        for name, previous in _saved.items():
            if previous is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous
        _saved.clear()
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)


@contextmanager
def streamlit_alias() -> Iterator[None]:
    """``import streamlit`` gets termlit inside the block."""
    install_streamlit_alias()
    try:
        yield
    finally:
        uninstall_streamlit_alias()
