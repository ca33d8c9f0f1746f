"""The server's host key: made on first start, kept private, then reused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import asyncssh
import platformdirs

__all__ = ["HostKeyError", "default_host_key_path", "load_or_create_host_key"]

KEY_NAME = "ssh_host_ed25519_key"


class HostKeyError(Exception):
    """The host key file cannot be used; the message says what to do."""


def default_host_key_path() -> Path:
    return platformdirs.user_config_path("termlit") / "serve" / KEY_NAME


def load_or_create_host_key(path: Path) -> tuple[asyncssh.SSHKey, bool]:
    """The key at ``path`` and whether it was created now.

    A new key is an Ed25519 key written ``0600`` in a ``0700`` folder. An
    existing file must belong to this user and be unreadable by others, as
    sshd requires.
    """
    if path.exists():
        info = path.stat()
        if info.st_uid != os.getuid():
            raise HostKeyError(f"{path} belongs to another user; give --host-key a file of your own.")
        if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise HostKeyError(
                f"{path} can be read by others (mode {stat.S_IMODE(info.st_mode):o}); run: chmod 600 {path}"
            )
        try:
            return asyncssh.read_private_key(str(path)), False
        except (asyncssh.KeyImportError, ValueError) as exc:
            raise HostKeyError(f"{path} is not an SSH private key ({exc}).") from None
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = asyncssh.generate_private_key("ssh-ed25519", comment="termlit serve host key")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(key.export_private_key())
    return key, True
