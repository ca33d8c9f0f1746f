"""Who may log in: the public keys of an ``authorized_keys`` file.

The file is read again when it changes, so adding or removing a key needs no
restart. Its ``from="..."`` patterns are honoured. An entry restricted to a
command (``command="..."``) or denied a terminal (``no-pty``, ``restrict``
without ``pty``) was meant for something else and does not let its key in.
"""

from __future__ import annotations

from pathlib import Path

import asyncssh

__all__ = ["AuthorizedKeys", "AuthorizedKeysError", "default_authorized_keys"]


class AuthorizedKeysError(Exception):
    """The authorized keys file cannot be used; the message says what to do."""


def default_authorized_keys() -> Path:
    return Path.home() / ".ssh" / "authorized_keys"


def _allows_this_app(options: dict) -> bool:
    if options.get("command") is not None or options.get("no-pty"):
        return False
    return not (options.get("restrict") and not options.get("pty"))


class AuthorizedKeys:
    """The keys of one file; :meth:`allows` checks a key from an address."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._keys: asyncssh.SSHAuthorizedKeys | None = None
        self.count = 0
        self.reload()

    def reload(self) -> None:
        """Read the file when it changed since the last read."""
        try:
            info = self.path.stat()
        except FileNotFoundError:
            raise AuthorizedKeysError(
                f"{self.path}: no such file. Give --authorized-keys FILE with the public keys "
                "allowed in, or --allow-anonymous for a public demo."
            ) from None
        stamp = (info.st_mtime_ns, info.st_size)
        if stamp == self._stamp:
            return
        try:
            text = self.path.read_text(encoding="utf-8")
            keys = asyncssh.import_authorized_keys(text)
        except (OSError, ValueError, asyncssh.KeyImportError) as exc:
            raise AuthorizedKeysError(f"{self.path}: cannot read the keys ({exc}).") from None
        self._keys, self._stamp = keys, stamp
        self.count = sum(1 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))

    def allows(self, key: asyncssh.SSHKey, host: str, address: str) -> bool:
        try:
            self.reload()
        except AuthorizedKeysError:
            return False  # a file removed while running lets nobody in
        assert self._keys is not None
        options = self._keys.validate(key, host, address)
        return options is not None and _allows_this_app(options)

