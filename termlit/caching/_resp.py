"""A Redis ``GET`` that reads the value once, straight into private memory.

redis-py copies a bulk reply several times on its way out (socket chunks
into a BytesIO, out of it, joined, sliced): for a record of tens of MB that
costs more than checking and loading it. :class:`RawGet` speaks just enough
of the Redis protocol (RESP2: ``AUTH``, ``SELECT``, ``GET``) on a connection
of its own to ``recv_into`` the reply's bytes where the value will live.

Only for plain TCP and unix sockets (a TLS URL keeps to redis-py), with the
host, port, database and credentials redis-py parsed from the URL. The
caller falls back to redis-py when it raises; :class:`Unsupported` means
"never again in this process" (an error reply, an unexpected answer).
"""

from __future__ import annotations

import socket
import threading
from typing import Any

from termlit.caching._codec import aligned

__all__ = ["RawGet", "Unsupported"]

_LINE_MAX = 1 << 16


class Unsupported(Exception):
    """The server answered something this reader does not handle."""


def _command(*args: Any) -> bytes:
    out = [b"*%d\r\n" % len(args)]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode("utf-8")
        out += [b"$%d\r\n" % len(data), data, b"\r\n"]
    return b"".join(out)


class RawGet:
    """``GET`` over one socket, kept open between calls (and reopened after
    a failure). Thread-safe: one call at a time."""

    def __init__(self, kwargs: dict[str, Any], timeout: float) -> None:
        self._kwargs = kwargs
        self._timeout = timeout
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()

    @classmethod
    def for_pool(cls, pool: Any, timeout: float) -> RawGet | None:
        """A reader for the server of a redis-py pool, or None when the
        pool connects in a way this reader does not (TLS, anything else)."""
        from redis.connection import Connection, UnixDomainSocketConnection  # lazy: with redis-py only

        if pool.connection_class not in (Connection, UnixDomainSocketConnection):
            return None
        return cls(dict(pool.connection_kwargs), timeout)

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.close()
            except OSError:
                pass

    def get(self, key: str) -> memoryview | None:
        """The value under ``key`` in private memory, or None. Raises
        OSError (the connection failed) or Unsupported."""
        with self._lock:
            try:
                if self._sock is None:
                    self._sock = self._connect()
                self._sock.sendall(_command(b"GET", key))
                return self._bulk(self._sock)
            except BaseException:
                self._drop()  # whatever was half-read is gone with the socket
                raise

    def _connect(self) -> socket.socket:
        kw = self._kwargs
        if kw.get("path"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self._timeout)
            sock.connect(kw["path"])
        else:
            sock = socket.create_connection((kw.get("host") or "localhost", int(kw.get("port") or 6379)), self._timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            if kw.get("password"):
                user = [kw["username"]] if kw.get("username") else []
                self._ok(sock, _command(b"AUTH", *user, kw["password"]))
            if kw.get("db"):
                self._ok(sock, _command(b"SELECT", int(kw["db"])))
        except BaseException:
            sock.close()
            raise
        return sock

    def _ok(self, sock: socket.socket, command: bytes) -> None:
        sock.sendall(command)
        head, rest = self._line(sock, bytearray())
        if head != b"+OK" or rest:
            raise Unsupported(head.decode("utf-8", "replace")[:200])

    @staticmethod
    def _line(sock: socket.socket, buf: bytearray) -> tuple[bytes, bytearray]:
        while True:
            end = buf.find(b"\r\n")
            if end >= 0:
                return bytes(buf[:end]), buf[end + 2 :]
            if len(buf) > _LINE_MAX:
                raise Unsupported("a reply line without an end")
            chunk = sock.recv(_LINE_MAX)
            if not chunk:
                raise ConnectionError("Redis closed the connection")
            buf += chunk

    def _bulk(self, sock: socket.socket) -> memoryview | None:
        head, rest = self._line(sock, bytearray())
        if not head.startswith(b"$"):
            raise Unsupported(head.decode("utf-8", "replace")[:200])
        try:
            size = int(head[1:])
        except ValueError:
            raise Unsupported(head.decode("utf-8", "replace")[:200]) from None
        if size < 0:
            if rest:
                raise Unsupported("bytes after a nil reply")
            return None
        out = aligned(size)
        got = min(len(rest), size)
        out[:got] = rest[:got]
        tail = bytearray(rest[got:])
        while got < size:
            n = sock.recv_into(out[got:])
            if not n:
                raise ConnectionError("Redis closed the connection")
            got += n
        while len(tail) < 2:
            chunk = sock.recv(2 - len(tail))
            if not chunk:
                raise ConnectionError("Redis closed the connection")
            tail += chunk
        if bytes(tail) != b"\r\n":
            raise Unsupported("a reply longer than it said")
        return out
