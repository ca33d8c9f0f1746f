"""``termlit hello``: the example apps as one multipage app
(``examples/streamlit_app.py``, built with ``st.navigation``)."""

from __future__ import annotations

import sys
from pathlib import Path

from termlit.compat import install_streamlit_alias
from termlit.runtime.script_runner import ScriptRunner, ScriptSource
from termlit.tui.app import TermlitApp

__all__ = ["examples_folder", "run_hello"]

#: The gallery's entrypoint, in the examples folder.
GALLERY = "streamlit_app.py"


def examples_folder() -> Path | None:
    """The examples next to the package (a source checkout) or in the current folder."""
    for candidate in (Path(__file__).resolve().parents[2] / "examples", Path.cwd() / "examples"):
        if (candidate / GALLERY).is_file():
            return candidate
    return None


def run_hello() -> int:
    folder = examples_folder()
    if folder is None:
        print(
            "termlit: the example apps were not found. They live in the examples/ folder of "
            "termlit's source; run `termlit hello` from a checkout (pip install -e .).",
            file=sys.stderr,
        )
        return 2
    install_streamlit_alias()
    TermlitApp(ScriptRunner(ScriptSource(folder / GALLERY), main_module=False), watch=False).run()
    return 0
