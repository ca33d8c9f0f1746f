"""Errors raised by ``st.connection`` and the connections it makes."""

from __future__ import annotations

from termlit.errors import StreamlitAPIException

__all__ = ["ConnectionConfigError", "MissingDriverError"]


class ConnectionConfigError(StreamlitAPIException):
    """A connection's configuration is missing or cannot be used.

    The message names the ``[connections.NAME]`` section expected, the
    files searched, and what to add.
    """


class MissingDriverError(StreamlitAPIException, ImportError):
    """The database driver (or SQLAlchemy dialect) a connection needs is not
    installed; the message names the package to install."""

    def __init__(self, message: str, *, package: str | None = None) -> None:
        super().__init__(message)
        self.package = package
