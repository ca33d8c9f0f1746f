"""A shared ``cache_data`` tier in Redis, for several processes or hosts.

Set ``[cache] url = "redis://host:6379/0"`` in ``.termlit/config.toml`` (or
``TERMLIT_CACHE_URL``) and a signing key every host shares: ``[cache] key``
or ``TERMLIT_CACHE_KEY``. Records are the local folder's signed records
(:mod:`._records`: keyed BLAKE3 over key, metadata and value, the value laid
out by :mod:`._codec`): a record that fails its check is never unpickled, and
one that passes loads from the one private copy of what Redis sent. A big
record is read straight off the connection's socket into that copy (see
:meth:`RedisTier._get`), its signature hashed while the rest arrives. A ttl
becomes the record's own Redis expiry; each function
keeps a sorted set of its keys (``max_entries`` and ``clear()`` act on those
only); a generation counter tells every process's memory tier to forget
after a clear. A miss takes a lock in Redis with a timeout, so N processes
missing one key compute it once; a holder that died leaves a lock that
expires (the stale-lock recovery).

Every Redis failure is raised as an :class:`OSError`, which the store turns
into a warning and a recompute, as it does for a broken folder.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from termlit.caching._codec import aligned
from termlit.caching._disk import Record, TamperedEntry, open_record
from termlit.caching._records import Signer, StreamCheck, encode, private_copy

__all__ = ["RedisTier", "LOCK_TIMEOUT"]

#: Seconds a compute lock lives without being released (a dead holder's lock
#: expires after this; waiters then compute themselves).
LOCK_TIMEOUT = 60.0

#: Bytes read off the socket per call when a record streams in.
_CHUNK = 1 << 20


class RedisTier:
    """One app's records in Redis under ``termlit:<app>:``."""

    def __init__(self, url: str, secret: bytes, app: str, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        try:
            import redis  # lazy: only a shared cache needs redis-py
        except ImportError:
            raise OSError("the shared cache needs redis-py: pip install 'termlit-tui[redis]'") from None
        self._errors = (redis.RedisError,)
        self.directory = url.split("@")[-1]  # what warnings name (no password)
        self._signer = Signer(secret)
        self.prefix = f"termlit:{app}:"
        self.lock_timeout = lock_timeout
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self.generation = self._call(self.client.get, self.prefix + "generation")

    def _call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except (*self._errors, OSError) as exc:
            raise OSError(f"Redis at {self.directory}: {exc}") from None

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass

    # -- generation -------------------------------------------------------------

    def bump_generation(self) -> None:
        self.generation = str(self._call(self.client.incr, self.prefix + "generation")).encode()

    def generation_changed(self) -> bool | None:
        current = self._call(self.client.get, self.prefix + "generation")
        if current != self.generation:
            self.generation = current
            return True
        return False

    # -- entries -------------------------------------------------------------------

    def read(self, cache_key: str) -> Record | None:
        got = self._call(self._get, self.prefix + cache_key, cache_key)
        if got is None:
            return None
        data, mac = got
        try:
            return open_record(self._signer, cache_key, data, mac)
        except TamperedEntry:
            self._call(self.client.delete, self.prefix + cache_key)
            raise

    def _get(self, key: str, cache_key: str) -> tuple[memoryview, bytes | None] | None:
        """GET ``key``: (the record in private aligned memory, its MAC when
        computed on the way in), or None. The reply is read straight off the
        pooled connection's socket (``$<n>\\r\\n<n bytes>\\r\\n``) into the
        record's memory, while another thread hashes what has arrived: one
        copy out of the kernel instead of hiredis's buffer, a bytes object
        and a private copy, and the signature nearly free. Any reply that is
        not a plain bulk string (RESP3 pushes, a client without a socket to
        read) goes through redis-py's own GET instead."""
        pool = self.client.connection_pool
        conn = pool.get_connection()
        check: StreamCheck | None = None
        try:
            conn.send_command("GET", key)
            sock = getattr(conn, "_sock", None)
            if sock is None:  # pragma: no cover - a redis-py that no longer keeps one
                return self._plain_get(conn, key)
            head = bytearray()
            while b"\r\n" not in head:
                if len(head) > 64:
                    break
                chunk = sock.recv(_CHUNK)
                if not chunk:
                    raise ConnectionError("Redis closed the connection")
                head += chunk
            line, _, rest = bytes(head).partition(b"\r\n")
            if line[:1] == b"-":
                raise self._errors[0](line[1:].decode("utf-8", "replace"))
            if line in (b"$-1", b"_"):
                return None
            if line[:1] != b"$" or not line[1:].isdigit():
                conn.disconnect()  # not a reply this reads: start clean through redis-py
                return self._plain_get(conn, key)
            size = int(line[1:])
            out = aligned(size + 2)
            got = min(len(rest), size + 2)
            out[:got] = rest[:got]
            check = StreamCheck(self._signer, cache_key, size) if size >= _CHUNK else None
            while got < size + 2:
                n = sock.recv_into(out[got : got + _CHUNK])
                if not n:
                    raise ConnectionError("Redis closed the connection mid-reply")
                got += n
                if check is not None:
                    check.feed(out, min(got, size))
            if bytes(out[size : size + 2]) != b"\r\n" or len(rest) > size + 2:
                conn.disconnect()
                raise ConnectionError("Redis sent a reply this cannot read")
            data = out[:size]
            return data, check.finish(data) if check is not None else None
        except BaseException:
            conn.disconnect()  # a half-read reply must never reach the next command
            if check is not None:
                check.abandon()
            raise
        finally:
            pool.release(conn)

    def _plain_get(self, conn: Any, key: str) -> tuple[memoryview, None] | None:
        conn.send_command("GET", key)
        data = conn.read_response()
        return None if data is None else (private_copy(data), None)

    def write(self, cache_key: str, fkey: str, meta_blob: bytes, value_parts: list,
              expire: float | None, max_entries: int | None) -> None:
        record = b"".join(encode(self._signer, cache_key, meta_blob, value_parts)[0])
        members = self.prefix + "fn:" + fkey
        pipe = self.client.pipeline()
        pipe.set(self.prefix + cache_key, record, px=max(int(expire * 1000), 1) if expire else None)
        pipe.zadd(members, {cache_key: time.time()})
        self._call(pipe.execute)
        if max_entries is not None:
            count = self._call(self.client.zcard, members)
            if count > max_entries:
                old = self._call(self.client.zrange, members, 0, count - max_entries - 1)
                if old:
                    pipe = self.client.pipeline()
                    pipe.delete(*[self.prefix + k.decode() for k in old])
                    pipe.zrem(members, *old)
                    self._call(pipe.execute)

    def delete(self, cache_key: str) -> None:
        self._call(self.client.delete, self.prefix + cache_key)
        self.bump_generation()

    def clear_function(self, fkey: str) -> None:
        members = self.prefix + "fn:" + fkey
        keys = self._call(self.client.zrange, members, 0, -1)
        pipe = self.client.pipeline()
        if keys:
            pipe.delete(*[self.prefix + k.decode() for k in keys])
        pipe.delete(members)
        self._call(pipe.execute)
        self.bump_generation()

    def clear(self) -> None:
        keys = [k for k in self._call(lambda: list(self.client.scan_iter(match=self.prefix + "*", count=1000)))
                if not k.endswith(b":generation")]
        for start in range(0, len(keys), 1000):
            self._call(self.client.delete, *keys[start : start + 1000])
        self.bump_generation()

    def stats(self) -> tuple[int, int]:
        keys = self._call(lambda: list(self.client.scan_iter(match=self.prefix + "*", count=1000)))
        return len(keys), 0

    # -- compute once ------------------------------------------------------------------

    @contextmanager
    def hold(self, cache_key: str, check: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the compute lock of ``cache_key`` (waiting for another
        process's, at most ``lock_timeout``: then it is stale and this process
        computes). ``check`` runs while waiting (a run asked to stop stops)."""
        lock = self.client.lock(self.prefix + "lock:" + cache_key, timeout=self.lock_timeout, sleep=0.05)
        deadline = time.monotonic() + self.lock_timeout
        held = False
        try:
            while not (held := bool(self._call(lock.acquire, blocking=False))):
                if time.monotonic() > deadline or self._call(self.client.exists, self.prefix + cache_key):
                    break  # the value is there (the other process finished) or the lock is stale
                if check is not None:
                    check()
                time.sleep(0.05)
            yield
        finally:
            if held:
                try:
                    lock.release()
                except self._errors:
                    pass  # it expired meanwhile: nothing to release
