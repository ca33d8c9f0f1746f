"""A session: one user of one app, and everything their reruns share.

:class:`Session` holds what belongs to one user and outlives a single run:
their :class:`~termlit.runtime.state.SessionState`, their query parameters,
what ``st.context`` reports about their client, who they are (``st.user``),
the page of a multipage app they are on, and the secrets a test gives them
instead of ``secrets.toml``. A :class:`~termlit.runtime.ScriptRunner`
serves exactly one session, and every run context points at it, so nothing
per-user lives in a module global: two sessions in one process (two SSH
channels, two AppTests) never see each other's values.

What a whole process shares (``cache_data``, ``cache_resource``, the secrets
files) stays outside.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from termlit.errors import StreamlitAPIException
from termlit.runtime.state import SessionState

__all__ = [
    "ClientInfo",
    "QueryParams",
    "Session",
    "color_system_for",
    "local_locale",
    "local_terminal",
    "local_timezone",
    "local_timezone_offset",
]


class QueryParams(dict):
    """``st.query_params``: a terminal app has no URL, so this starts empty and
    keeps what the script puts in it for the session (values are strings)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Keys bound to a widget (``bind="query-params"``) -> the text the
        #: widget wrote last (None: none).
        object.__setattr__(self, "_bound", {})

    def __setitem__(self, key: str, value: Any) -> None:
        self._check_unbound(str(key))
        self._put(str(key), value)

    def __delitem__(self, key: str) -> None:
        self._check_unbound(str(key))
        super().__delitem__(key)

    def pop(self, key: str, *default: Any) -> Any:
        self._check_unbound(str(key))
        return super().pop(key, *default)

    def _put(self, key: str, value: Any) -> None:
        super().__setitem__(key, [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value))

    def _check_unbound(self, key: str) -> None:
        if key in self._bound:
            raise StreamlitAPIException(
                f"Cannot directly set query parameter '{key}' - it is bound to a widget. "
                f"Modify the widget value instead (st.session_state['{key}'])."
            )

    def mark_bound(self, key: str) -> None:
        """``key`` is bound to a widget: only the widget writes it."""
        self._bound.setdefault(key, None)

    def bound_text(self, key: str) -> Any:
        """The text the widget bound to ``key`` wrote last (None: none)."""
        return self._bound.get(key)

    def write_bound(self, key: str, text: str | list[str] | None) -> None:
        """The bound widget's value as text; None removes the parameter."""
        self._bound[key] = text
        if text is None:
            super().pop(key, None)
        else:
            self._put(key, text)

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no key "{key}"') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def get_all(self, key: str) -> list[str]:
        value = self.get(key)
        return [] if value is None else list(value) if isinstance(value, list) else [value]

    def to_dict(self) -> dict[str, Any]:
        return dict(self)

    def from_dict(self, params: dict[str, Any]) -> None:
        self.clear()
        for key, value in params.items():
            self._put(str(key), value)


@dataclass(slots=True)
class ClientInfo:
    """Who is on the other end of a session, and what their terminal can show.

    A terminal has no headers, cookies or URL. ``termlit run`` fills in the
    locale and time zone of the machine (:meth:`local`), the terminal UI its
    theme; headless (AppTest) they stay empty, as in Streamlit's AppTest. The
    terminal fields (``term``, ``columns``, ``rows``, ``color_system``) are
    None for a local terminal: :func:`local_terminal` answers for them.
    ``termlit serve`` fills them from the SSH connection and keeps the size
    current as the client resizes.
    """

    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    ip_address: str | None = None
    port: int | None = None
    is_embedded: bool = False
    #: A BCP 47 language tag, e.g. "en-US".
    locale: str | None = None
    #: An IANA time zone name, e.g. "Europe/Berlin".
    timezone: str | None = None
    #: Minutes behind UTC (-60 for UTC+1), as a browser reports it.
    timezone_offset: int | None = None
    url: str | None = None
    #: The SSH login name; None when nobody logged in (a local run, an anonymous server).
    user_name: str | None = None
    #: ``SHA256:...`` of the public key the client logged in with.
    key_fingerprint: str | None = None
    key_type: str | None = None
    term: str | None = None
    columns: int | None = None
    rows: int | None = None
    #: "truecolor", "256" or "standard" (Rich's names).
    color_system: str | None = None
    #: "light" or "dark": the theme the user sees.
    theme: str | None = None

    @property
    def remote(self) -> bool:
        """True for a served session (its terminal is the client's)."""
        return self.columns is not None

    def terminal(self) -> tuple[str | None, int, int, str]:
        """(TERM, columns, rows, colour system) of the session's terminal: the
        client's when served, else this process's own."""
        if self.remote:
            return self.term, self.columns or 80, self.rows or 24, self.color_system or "standard"
        return local_terminal()

    @classmethod
    def local(cls) -> ClientInfo:
        """The locale and time zone of this machine (for ``termlit run``)."""
        return cls(locale=local_locale(), timezone=local_timezone(), timezone_offset=local_timezone_offset())


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


def local_terminal() -> tuple[str | None, int, int, str]:
    """(TERM, columns, rows, colour system) of the terminal this process runs in."""
    size = shutil.get_terminal_size()
    term = os.environ.get("TERM")
    return term, size.columns, size.lines, color_system_for(term, os.environ.get("COLORTERM"))


def local_locale() -> str | None:
    """This machine's language as a BCP 47 tag ("en-US"), from LC_ALL,
    LC_MESSAGES or LANG; None when unset or "C"/"POSIX"."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(".")[0].split("@")[0]
        if value and value not in ("C", "POSIX"):
            return value.replace("_", "-")
    return None


def local_timezone() -> str | None:
    """This machine's IANA time zone: TZ, /etc/timezone or the target of
    /etc/localtime; None when none says."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and ("/" in tz or tz == "UTC"):
        return tz
    try:
        name = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if name:
            return name
    except OSError:
        pass
    target = os.path.realpath("/etc/localtime")
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    return None


def local_timezone_offset() -> int:
    """Minutes behind UTC now (-60 for UTC+1), as a browser reports it."""
    offset = datetime.now().astimezone().utcoffset()
    return -int(offset.total_seconds() // 60) if offset is not None else 0


class Session:
    """One user's session; see the module docstring."""

    def __init__(self, state: SessionState | None = None, *, client: ClientInfo | None = None) -> None:
        self.state = state if state is not None else SessionState()
        self.query_params = QueryParams()
        self.client = client if client is not None else ClientInfo()
        #: Who the user is, as ``st.user`` reports it: empty for a local
        #: session (as Streamlit without sign-in); ``termlit serve`` puts the
        #: SSH login here (``is_logged_in``, ``name``, ``key_fingerprint``,
        #: ``key_type``), a test what it sets in ``at.user``.
        self.user: dict[str, Any] = {}
        #: Secrets this session sees instead of secrets.toml (AppTest.secrets);
        #: ``None`` or empty: the files are read.
        self.secrets_override: Mapping[str, Any] | None = None
        #: The key of the page the user is on (None: the app's default page).
        self.page: str | None = None
        #: A page the user asked for, taken by the next run.
        self.page_request: str | None = None
