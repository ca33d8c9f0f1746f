"""One line per connection: when, from where, who, with which key, how long,
and why it ended. No secret is ever written: no key material but the public
fingerprint, nothing the client typed but its (escaped) login name."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TextIO

__all__ = ["ConnectionRecord", "ServerLog", "clean"]


def clean(text: str | None, limit: int = 64) -> str:
    """A client-chosen string made safe for one log line."""
    if text is None:
        return "-"
    text = text[:limit]
    out = "".join(ch if ch.isprintable() and not ch.isspace() else f"\\x{ord(ch):02x}" for ch in text)
    return out or "-"


@dataclass
class ConnectionRecord:
    """What the log line of one connection says; filled in as it goes."""

    address: str
    port: int
    started: float = field(default_factory=time.time)
    user: str | None = None
    key_fingerprint: str | None = None
    sessions: int = 0
    reattached: int = 0
    end: str = "closed-before-login"

    def line(self, now: float | None = None) -> str:
        now = time.time() if now is None else now
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started))
        parts = [
            stamp,
            f"{self.address}:{self.port}",
            f"user={clean(self.user)}",
            f"key={self.key_fingerprint or '-'}",
            f"sessions={self.sessions}",
        ]
        if self.reattached:
            parts.append(f"reattached={self.reattached}")
        parts += [f"length={now - self.started:.1f}s", f"end={self.end}"]
        return " ".join(parts)


class ServerLog:
    """Writes to the stream it was given at start (the server's stderr), so
    that Textual's capture of ``sys.stderr`` in a running app never takes the
    server's lines."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def say(self, text: str) -> None:
        self.stream.write(f"termlit serve: {text}\n")
        self.stream.flush()

    def connection(self, record: ConnectionRecord) -> None:
        self.stream.write(record.line() + "\n")
        self.stream.flush()
