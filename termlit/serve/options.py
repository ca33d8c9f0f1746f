"""The settings of one ``termlit serve`` process."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ServeOptions"]


@dataclass
class ServeOptions:
    """What ``termlit serve`` was told; every limit has a safe default."""

    script: Path
    #: Arguments the script sees in ``sys.argv[1:]`` (the same for every session).
    args: list[str] = field(default_factory=list)
    host: str = "127.0.0.1"
    port: int = 2222
    #: Public keys allowed in; None means ``~/.ssh/authorized_keys``.
    authorized_keys: Path | None = None
    #: The server's private key; None means one kept in the user's config folder.
    host_key: Path | None = None
    #: Sessions at once (detached ones waiting for their client count too).
    max_sessions: int = 50
    #: Seconds without a key press before a session is closed (0: never).
    idle_timeout: float = 1800.0
    #: Seconds a session may last at most (0: no limit).
    max_lifetime: float = 12 * 3600.0
    #: Seconds a dropped session waits for the same key to come back (0: off).
    reattach: float = 120.0
    #: Let anyone in without a key (kiosk demos); every limit still applies.
    allow_anonymous: bool = False
    #: Connection attempts per address per minute (0: no limit).
    rate_limit: int = 30
    #: Failed logins per address per minute before the address is refused.
    max_auth_failures: int = 10
    #: Characters of one bracketed paste passed to the app; the rest is dropped.
    max_paste: int = 64 * 1024
    #: Seconds between the "server is stopping" notice and the close.
    stop_grace: float = 1.5
