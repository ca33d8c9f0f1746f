"""``termlit serve``: one app, many users, over SSH.

Each SSH session with a terminal gets its own live session of the app (its
own session state, widgets and runs, drawn for the client's terminal), while
``st.cache_data`` and ``st.cache_resource`` are shared by the whole process.
asyncssh comes with the ``serve`` extra: ``pip install termlit-tui[serve]``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import TextIO

from termlit.serve.options import ServeOptions

__all__ = ["MissingExtra", "ServeOptions", "serve"]

INSTALL_HINT = 'termlit serve needs asyncssh: pip install "termlit-tui[serve]"'


class MissingExtra(Exception):
    """The serve extra is not installed."""


def serve(options: ServeOptions, *, stream: TextIO | None = None, system_malloc: bool = True) -> int:
    """Run the server until SIGTERM or SIGINT; returns the exit code.

    With ``system_malloc`` the process first starts itself again under
    ``PYTHONMALLOC=malloc`` (unless PYTHONMALLOC is set): Python's own
    allocator keeps the memory of ended sessions in half-empty arenas, the
    system's gives it back.
    """
    if importlib.util.find_spec("asyncssh") is None:
        raise MissingExtra(INSTALL_HINT)
    if system_malloc and "PYTHONMALLOC" not in os.environ:
        os.execve(sys.executable, sys.orig_argv, {**os.environ, "PYTHONMALLOC": "malloc"})
    from termlit.serve.auth import AuthorizedKeysError  # lazy: asyncssh loads only when serving
    from termlit.serve.hostkey import HostKeyError  # lazy: asyncssh loads only when serving
    from termlit.serve.main import run  # lazy: asyncssh and Textual load only when serving

    try:
        return run(options, stream=stream)
    except (AuthorizedKeysError, HostKeyError, OSError) as exc:
        print(f"termlit serve: {exc}", file=stream or sys.stderr)
        return 2
