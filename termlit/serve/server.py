"""The SSH side: connections, logins and channels, on asyncssh.

Each TCP connection gets a :class:`Connection` (limits, login, its log
line); each session channel on it a :class:`Channel`. A channel with a PTY
and a shell request becomes an app session; anything else (a command, a
subsystem such as SFTP, a session without a PTY) gets one line on stderr
and is closed. Port, socket and agent forwarding are refused. No shell is
ever started.
"""

from __future__ import annotations

import asyncio
import codecs
from typing import Any

import asyncssh

from termlit.runtime.session import ClientInfo, color_system_for
from termlit.serve.auth import AuthorizedKeys
from termlit.serve.limits import AddressLimiter
from termlit.serve.log import ConnectionRecord, ServerLog
from termlit.serve.sessions import AppSession, ChannelTerminal, SessionManager

__all__ = ["Channel", "Connection", "Server"]

#: Failed key checks on one connection before it is closed.
MAX_TRIES_PER_CONNECTION = 10
#: Seconds a logged-in connection may stay without any session channel
#: (``ssh -N``, or after its last session ended) before it is closed.
IDLE_CONNECTION = 30.0

NEEDS_PTY = "this server shows an app and needs a terminal: connect with plain `ssh` (or `ssh -t`), without a command."
NO_FORWARDING = "termlit serve does not forward ports or sockets"


class Server:
    """What every connection shares: options, keys, limits, sessions, log."""

    def __init__(self, manager: SessionManager, keys: AuthorizedKeys | None, log: ServerLog) -> None:
        self.manager = manager
        self.options = manager.options
        self.keys = keys
        self.log = log
        self.limiter = AddressLimiter(self.options.rate_limit, self.options.max_auth_failures)
        self.connections: set[Connection] = set()

    def connection(self) -> Connection:
        return Connection(self)


class Connection(asyncssh.SSHServer):
    """One client connection: rate limits, public-key login, its log line."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.conn: asyncssh.SSHServerConnection | None = None
        self.record: ConnectionRecord | None = None
        self.key: asyncssh.SSHKey | None = None
        self.tries = 0
        self.channels: set[Channel] = set()

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        self.conn = conn
        host, port = conn.get_extra_info("peername")[:2]
        self.record = ConnectionRecord(address=host, port=port)
        self.server.connections.add(self)
        refusal = self.server.limiter.connection(host)
        if refusal is None and self.server.manager.stopping:
            refusal = "server stopping"
        if refusal is not None:
            self.record.end = f"refused ({refusal})"
            conn.abort()

    def connection_lost(self, exc: Exception | None) -> None:
        self.server.connections.discard(self)
        for channel in list(self.channels):
            channel.connection_gone()
        record = self.record
        if record is not None:
            if record.end == "closed-before-login" and record.key_fingerprint:
                record.end = "client-closed"
            self.server.log.connection(record)

    # -- login ------------------------------------------------------------------

    def begin_auth(self, username: str) -> bool:
        assert self.record is not None
        self.record.user = username
        return not self.server.options.allow_anonymous

    def public_key_auth_supported(self) -> bool:
        return self.server.keys is not None

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        assert self.conn is not None and self.record is not None
        keys = self.server.keys
        host = self.record.address
        if keys is not None and keys.allows(key, host, host):
            self.key = key
            return True
        self.tries += 1
        self.server.limiter.login_failed(host)
        self.record.end = "login-failed"
        if self.tries >= MAX_TRIES_PER_CONNECTION:
            self.conn.disconnect(asyncssh.DISC_NO_MORE_AUTH_METHODS_AVAILABLE, "too many keys tried")
        return False

    def auth_completed(self) -> None:
        assert self.record is not None
        if self.key is not None:
            self.record.key_fingerprint = self.key.get_fingerprint("sha256")
        self.record.end = "client-closed"
        self.check_idle(IDLE_CONNECTION)

    def check_idle(self, delay: float) -> None:
        """Close the connection ``delay`` seconds from now if it has no channel then."""

        def close_if_idle() -> None:
            if not self.channels and self.conn is not None:
                self.conn.close()

        asyncio.get_running_loop().call_later(delay, close_if_idle)

    # -- what a client may open ---------------------------------------------------

    def session_requested(self) -> Channel:
        channel = Channel(self)
        self.channels.add(channel)
        return channel

    def connection_requested(self, dest_host: str, dest_port: int, orig_host: str, orig_port: int) -> bool:
        raise asyncssh.ChannelOpenError(asyncssh.OPEN_ADMINISTRATIVELY_PROHIBITED, NO_FORWARDING)

    def server_requested(self, listen_host: str, listen_port: int) -> bool:
        return False

    def unix_connection_requested(self, dest_path: str) -> bool:
        raise asyncssh.ChannelOpenError(asyncssh.OPEN_ADMINISTRATIVELY_PROHIBITED, NO_FORWARDING)

    def unix_server_requested(self, listen_path: str) -> bool:
        return False

    def tun_requested(self, unit: int | None) -> bool:
        raise asyncssh.ChannelOpenError(asyncssh.OPEN_ADMINISTRATIVELY_PROHIBITED, NO_FORWARDING)

    def client(self, term: str | None, size: tuple[int, int], env: dict[str, str]) -> ClientInfo:
        assert self.record is not None
        key = self.key
        return ClientInfo(
            ip_address=self.record.address,
            port=self.record.port,
            user_name=self.record.user,
            key_fingerprint=key.get_fingerprint("sha256") if key is not None else None,
            key_type=key.get_algorithm() if key is not None else None,
            term=term,
            columns=size[0],
            rows=size[1],
            color_system=color_system_for(term, env.get("COLORTERM")),
        )


class Channel(asyncssh.SSHServerSession):
    """One session channel: an app when it has a PTY and asks for a shell."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.chan: Any = None
        self.pty: tuple[str, tuple[int, int]] | None = None
        self.refusal: str | None = None
        self.session: AppSession | None = None
        self.terminal: ChannelTerminal | None = None
        self._decode = codecs.getincrementaldecoder("utf-8")("replace").decode

    def connection_made(self, chan: Any) -> None:
        self.chan = chan

    def pty_requested(self, term_type: str, term_size: tuple[int, int, int, int], term_modes: Any) -> bool:
        columns, rows = term_size[0] or 80, term_size[1] or 24
        self.pty = (term_type, (columns, rows))
        return True

    def shell_requested(self) -> bool:
        return True

    def exec_requested(self, command: str) -> bool:
        self.refusal = ("exec", "this server shows an app; it runs no commands. Connect with plain `ssh`.")
        return True

    def subsystem_requested(self, subsystem: str) -> bool:
        self.refusal = ("subsystem", f"this server shows an app; it offers no {subsystem[:20]!r} subsystem.")
        return True

    def session_started(self) -> None:
        record = self.connection.record
        assert record is not None
        terminal = self.terminal = ChannelTerminal(self.chan, None, 80, 24, "standard")
        if self.refusal is None and self.pty is None:
            self.refusal = ("no-pty", NEEDS_PTY)
        if self.refusal is not None:
            kind, text = self.refusal
            record.end = f"refused ({kind})"
            terminal.say(text)
            terminal.close(1)
            return
        term, (columns, rows) = self.pty
        client = self.connection.client(term, (columns, rows), dict(self.chan.get_environment()))
        terminal.term, terminal.columns, terminal.rows = term, columns, rows
        terminal.color_system = client.color_system
        self.chan.set_write_buffer_limits(high=256 * 1024, low=64 * 1024)
        record.sessions += 1
        self.session = self.connection.server.manager.open(terminal, client, record)

    def data_received(self, data: bytes, datatype: Any) -> None:
        if self.session is not None:
            text = self._decode(data)
            if text:
                self.session.feed(text)

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        if self.session is not None and width and height:
            self.session.resize(width, height)

    def pause_writing(self) -> None:
        if self.session is not None:
            self.session.terminal.pause_output()

    def resume_writing(self) -> None:
        if self.session is not None:
            self.session.terminal.resume_output()

    def eof_received(self) -> bool:
        return False  # the client sent EOF: close the channel

    def break_received(self, msec: int) -> bool:
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.connection_gone()

    def connection_gone(self) -> None:
        self.connection.channels.discard(self)
        if not self.connection.channels:
            self.connection.check_idle(1.0)
        session, self.session = self.session, None
        if session is not None and session.terminal is self.terminal:
            self.connection.server.manager.lost(session)
