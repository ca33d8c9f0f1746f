"""``st.context`` and ``st.user``: what a session knows of who is connected.

Under ``termlit serve`` each session has a client (the SSH login, the key it
logged in with, its address and its terminal); ``termlit run`` and AppTest
describe the local terminal and nobody logged in.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from termlit.runtime.context import get_run_context
from termlit.runtime.session import ClientInfo

__all__ = ["context", "user"]


def _client() -> ClientInfo:
    """The client of the session whose run is in progress."""
    return get_run_context().session.client


def _from_client(name: str) -> property:
    """A read-only attribute of ``st.context`` that the session's client holds."""
    return property(lambda self: getattr(_client(), name), doc=f"The client's {name}.")


class _Context:
    """``st.context``: what Streamlit knows of the browser, for a terminal.

    A terminal has no headers, cookies or locale, so those are empty.
    ``ip_address`` is the SSH client's address under ``termlit serve``;
    ``term``, ``terminal_size`` and ``color_system`` describe the terminal of
    the session (the client's when served, the local one otherwise).
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
    def theme(self) -> dict[str, Any]:
        return {"type": "dark"}

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
    """``st.user``: the logged-in user, read-only, by key or attribute.

    Served with a key: ``is_logged_in`` (True), ``name`` (the SSH login),
    ``key_fingerprint`` (``SHA256:...``) and ``key_type``. Served without
    authentication (``--allow-anonymous``): ``is_logged_in`` is False and
    nothing else is known. A local run has no attributes, as in Streamlit
    when no sign-in is configured.
    """

    @staticmethod
    def _info() -> dict[str, Any]:
        client = _client()
        if not client.remote:
            return {}
        if client.key_fingerprint is None:
            return {"is_logged_in": False}
        return {
            "is_logged_in": True,
            "name": client.user_name,
            "key_fingerprint": client.key_fingerprint,
            "key_type": client.key_type,
        }

    def __getitem__(self, key: str) -> Any:
        return self._info()[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self._info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("st.user is read-only.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._info())

    def __len__(self) -> int:
        return len(self._info())

    def to_dict(self) -> dict[str, Any]:
        return self._info()

    def __repr__(self) -> str:
        return repr(self._info())


context = _Context()
user = _User()
