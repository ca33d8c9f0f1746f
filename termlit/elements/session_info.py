"""``st.context`` and ``st.user``: what a session knows of who is connected.

Both read the session whose run is in progress: ``st.context`` its client
(:class:`~termlit.runtime.session.ClientInfo`), ``st.user`` its user
(:attr:`~termlit.runtime.session.Session.user`). Under ``termlit serve`` the
client is the SSH connection (its address and terminal) and the user its
login; ``termlit run`` knows the machine's locale and time zone and its
terminal, and nobody logged in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.session import ClientInfo

__all__ = ["context", "user"]


def _client() -> ClientInfo:
    """The client of the session whose run is in progress."""
    return get_run_context().session.client


def _from_client(name: str) -> property:
    """A read-only attribute of ``st.context`` that the session's client holds."""
    return property(lambda self: getattr(_client(), name), doc=f"The client's {name}.")


class _Theme(dict):
    """``st.context.theme``: ``.type`` is "light", "dark", or None when unknown."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"st.context.theme has no attribute {name!r}") from None


class _Context:
    """``st.context``: what Streamlit knows of the browser, for a terminal.

    A terminal has no headers, cookies or URL, so those are empty; ``locale``,
    ``timezone`` and ``timezone_offset`` are the machine's under ``termlit
    run`` (None headless, as in Streamlit's AppTest); ``ip_address`` is the
    SSH client's address under ``termlit serve``; ``theme.type`` is the theme
    the user sees; ``term``, ``terminal_size`` (columns, lines) and
    ``color_system`` ("truecolor", "256", "standard") describe the session's
    terminal (the client's when served, the local one otherwise).
    """

    headers = _from_client("headers")
    cookies = _from_client("cookies")
    ip_address = _from_client("ip_address")
    is_embedded = _from_client("is_embedded")
    locale = _from_client("locale")
    timezone = _from_client("timezone")
    timezone_offset = _from_client("timezone_offset")
    url = _from_client("url")

    @property
    def theme(self) -> _Theme:
        return _Theme(type=_client().theme)

    @property
    def term(self) -> str | None:
        return _client().terminal()[0]

    @property
    def terminal_size(self) -> os.terminal_size:
        """(columns, lines) of the session's terminal, as it is now."""
        _term, columns, rows, _colours = _client().terminal()
        return os.terminal_size((columns, rows))

    @property
    def color_system(self) -> str:
        """"truecolor", "256" or "standard"."""
        return _client().terminal()[3]


class _User(Mapping[str, Any]):
    """``st.user``: who the user is, read-only. Empty for a local session (as
    in Streamlit without sign-in). Served with a key: ``is_logged_in`` (True),
    ``name`` (the SSH login), ``key_fingerprint`` (``SHA256:...``) and
    ``key_type``; served without authentication (``--allow-anonymous``):
    ``is_logged_in`` is False. A test sets it with ``at.user``. Item and
    attribute access, ``in``, iteration and ``to_dict()``."""

    __slots__ = ()

    def _info(self) -> dict[str, Any]:
        return get_run_context().session.user

    def __getattr__(self, key: str) -> Any:
        try:
            return self._info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __getitem__(self, key: str) -> Any:
        try:
            return self._info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise StreamlitAPIException("st.user cannot be modified")

    __setitem__ = __setattr__

    def __iter__(self) -> Iterator[str]:
        return iter(self._info())

    def __len__(self) -> int:
        return len(self._info())

    def to_dict(self) -> dict[str, Any]:
        return dict(self._info())

    def __repr__(self) -> str:
        return repr(self._info())


context = _Context()
user = _User()
