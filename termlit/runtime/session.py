"""A session: one user of one app, and everything their reruns share.

:class:`Session` holds what belongs to one user and outlives a single run:
their :class:`~termlit.runtime.state.SessionState`, their query parameters,
what ``st.context`` reports about their client, the page of a multipage app
they are on, and the secrets a test gives them instead of ``secrets.toml``. A :class:`~termlit.runtime.ScriptRunner`
serves exactly one session, and every run context points at it, so nothing
per-user lives in a module global: two sessions in one process (two SSH
channels, two AppTests) never see each other's values.

What a whole process shares (``cache_data``, ``cache_resource``, the secrets
files) stays outside.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from termlit.runtime.state import SessionState

__all__ = ["ClientInfo", "QueryParams", "Session"]


class QueryParams(dict):
    """``st.query_params``: a terminal app has no URL, so this starts empty and
    keeps what the script puts in it for the session (values are strings)."""

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(str(key), [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value))

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
            self[key] = value


@dataclass(slots=True)
class ClientInfo:
    """What ``st.context`` tells of the user's client. A local terminal has no
    headers, cookies or locale to report, so everything starts empty."""

    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    ip_address: str | None = None
    is_embedded: bool = False
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    url: str | None = None


class Session:
    """One user's session; see the module docstring."""

    def __init__(self, state: SessionState | None = None) -> None:
        self.state = state if state is not None else SessionState()
        self.query_params = QueryParams()
        self.client = ClientInfo()
        #: Secrets this session sees instead of secrets.toml (AppTest.secrets);
        #: ``None`` or empty: the files are read.
        self.secrets_override: Mapping[str, Any] | None = None
        #: The key of the page the user is on (None: the app's default page).
        self.page: str | None = None
        #: A page the user asked for, taken by the next run.
        self.page_request: str | None = None
