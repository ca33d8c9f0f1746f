"""Who is on the other end of a session, and what their terminal can show.

``termlit serve`` gives each session a :class:`Client` (the SSH login, the
key's fingerprint, the address, the terminal's type, size and colour depth)
and keeps its size current as the client resizes. ``st.user`` and
``st.context`` read it; without one (``termlit run``, AppTest) they describe
the local terminal.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

__all__ = ["Client", "color_system_for", "local_client"]


@dataclass
class Client:
    """One session's client. ``columns``/``rows`` follow resizes."""

    address: str | None = None
    port: int | None = None
    #: The SSH login name; None when nobody logged in (a local run, an anonymous server).
    user_name: str | None = None
    #: ``SHA256:...`` of the public key the client logged in with.
    key_fingerprint: str | None = None
    key_type: str | None = None
    term: str | None = None
    columns: int = 80
    rows: int = 24
    #: "truecolor", "256" or "standard" (Rich's names).
    color_system: str = "standard"


def color_system_for(term: str | None, colorterm: str | None) -> str:
    """The colour depth a terminal announces through ``TERM`` and ``COLORTERM``."""
    if (colorterm or "").lower() in ("truecolor", "24bit"):
        return "truecolor"
    term = (term or "").lower()
    if term.endswith(("-direct", "-truecolor")) or term in ("xterm-kitty", "xterm-ghostty", "alacritty", "wezterm"):
        return "truecolor"
    if "256" in term:
        return "256"
    return "standard"


def local_client() -> Client:
    """The terminal this process runs in."""
    size = shutil.get_terminal_size()
    term = os.environ.get("TERM")
    return Client(
        term=term,
        columns=size.columns,
        rows=size.lines,
        color_system=color_system_for(term, os.environ.get("COLORTERM")),
    )
