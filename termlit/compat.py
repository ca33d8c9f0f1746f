"""Run unmodified Streamlit scripts: ``import streamlit as st`` gets termlit.

:func:`install_streamlit_alias` maps ``streamlit`` and the submodules apps
commonly import (``streamlit.components.v1``, ``streamlit.testing.v1``,
``streamlit.errors``, ``streamlit.runtime.scriptrunner``) to termlit's
equivalents. ``termlit run`` installs it; it is not installed on import, so a
real Streamlit in the same environment stays usable elsewhere.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import termlit
import termlit.errors
import termlit.testing
from termlit.elements import UploadedFile
from termlit.elements.notices import notice
from termlit.runtime.context import current_run_context, run_context_var

__all__ = ["install_streamlit_alias", "streamlit_alias", "uninstall_streamlit_alias"]


def _components_module() -> types.ModuleType:
    module = types.ModuleType("streamlit.components.v1")

    def html(*args: Any, **kwargs: Any):
        return notice("components.v1.html", "HTML needs a browser")

    def iframe(*args: Any, **kwargs: Any):
        return notice("components.v1.iframe", "embedded pages need a browser")

    def declare_component(name: str, *args: Any, **kwargs: Any):
        def component(*a: Any, default: Any = None, **k: Any) -> Any:
            notice(f"components: {name}", "custom components need a browser")
            return default

        return component

    module.html, module.iframe, module.declare_component = html, iframe, declare_component
    return module


def _scriptrunner_module() -> types.ModuleType:
    module = types.ModuleType("streamlit.runtime.scriptrunner")

    def get_script_run_ctx(suppress_warning: bool = False):
        return current_run_context()

    def add_script_run_ctx(thread: Any = None, ctx: Any = None):
        """Give ``thread`` the current run context, so st.* calls in it work."""
        ctx = ctx or current_run_context()
        if thread is not None and ctx is not None:
            run = thread.run

            def run_with_context() -> None:
                run_context_var.set(ctx)
                run()

            thread.run = run_with_context
        return thread

    module.get_script_run_ctx, module.add_script_run_ctx = get_script_run_ctx, add_script_run_ctx
    return module


def _modules() -> dict[str, types.ModuleType]:
    components = _components_module()
    components_pkg = types.ModuleType("streamlit.components")
    components_pkg.v1 = components
    testing_pkg = types.ModuleType("streamlit.testing")
    testing_pkg.v1 = termlit.testing
    scriptrunner = _scriptrunner_module()
    uploads = types.ModuleType("streamlit.runtime.uploaded_file_manager")
    uploads.UploadedFile = UploadedFile
    runtime_pkg = types.ModuleType("streamlit.runtime")
    runtime_pkg.scriptrunner = scriptrunner
    runtime_pkg.uploaded_file_manager = uploads
    return {
        "streamlit": termlit,
        "streamlit.components": components_pkg,
        "streamlit.components.v1": components,
        "streamlit.testing": testing_pkg,
        "streamlit.testing.v1": termlit.testing,
        "streamlit.errors": termlit.errors,
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


_saved: dict[str, Any] = {}
_finder = _UnknownSubmodule()


#: Attributes ``import streamlit.x.y as z`` walks through (from termlit's side).
_ATTRIBUTES = (("termlit", "components", "streamlit.components"), ("termlit.runtime", "scriptrunner", "streamlit.runtime.scriptrunner"))


def install_streamlit_alias() -> None:
    """Make ``import streamlit`` (and its common submodules) load termlit."""
    modules = _modules()
    for name, module in modules.items():
        if name not in _saved:
            _saved[name] = sys.modules.get(name)
        sys.modules[name] = module
    for owner, attribute, source in _ATTRIBUTES:
        setattr(sys.modules[owner], attribute, modules[source])
    if _finder not in sys.meta_path:
        sys.meta_path.append(_finder)


def uninstall_streamlit_alias() -> None:
    for owner, attribute, _source in _ATTRIBUTES:
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
    """``import streamlit`` gets termlit inside the block (tests)."""
    install_streamlit_alias()
    try:
        yield
    finally:
        uninstall_streamlit_alias()
