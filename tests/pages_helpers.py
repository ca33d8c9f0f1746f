"""Multipage apps written once, run under termlit's AppTest and, where its
AppTest can express the rule, Streamlit's own.

A test takes the ``app`` fixture, writes the entrypoint and its pages with
``app.write(name, source)`` (sources say ``import streamlit as st``; under
termlit that line becomes ``import termlit as st``) and starts the AppTest of
the backend it runs on with ``app.start()``. Tests that only termlit can
check use ``termlit_app`` instead.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

#: Both backends; the Streamlit one is skipped where Streamlit is not installed.
BACKENDS = ["termlit", pytest.param("streamlit", marks=pytest.mark.streamlit)]


class App:
    """A multipage app in a folder of its own, for one backend."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder

    def write(self, name: str, source: str) -> Path:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = textwrap.dedent(source)
        if self.backend == "termlit":
            text = text.replace("import streamlit as st", "import termlit as st")
        path.write_text(text, encoding="utf-8")
        return path

    def start(self, entry: str = "app.py", *, run: bool = True):
        if self.backend == "streamlit":
            from streamlit.testing.v1 import AppTest
        else:
            from termlit.testing import AppTest
        at = AppTest.from_file(str(self.folder / entry), default_timeout=10)
        return at.run() if run else at


def texts(at) -> list[str]:
    """What the last run wrote with st.markdown / st.write, in order."""
    return [m.value for m in at.markdown]


def errors(at) -> list[str]:
    return [e.value for e in at.exception]


def make_app(request, tmp_path: Path) -> App:
    if request.param == "streamlit":
        pytest.importorskip("streamlit.testing.v1", reason="Streamlit is not installed (pip install -e '.[bench]')")
    return App(request.param, tmp_path)
