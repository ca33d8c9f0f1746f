"""A shared ``cache_data`` tier in Redis, for several processes or hosts.

Set ``[cache] url = "redis://host:6379/0"`` in ``.termlit/config.toml`` (or
``TERMLIT_CACHE_URL``) and a signing key every host shares: ``[cache] key``
or ``TERMLIT_CACHE_KEY``. Records are the local folder's signed records
(:mod:`._records`: keyed BLAKE3 over key, metadata and value, the value laid
out by :mod:`._codec`): a record that fails its check is never unpickled, and
one that passes loads from the one private copy of what Redis sent. A ttl becomes the record's own Redis expiry; each function
keeps a sorted set of its keys (``max_entries`` and ``clear()`` act on those
only); a generation counter tells every process's memory tier to forget
after a clear. A miss takes a lock in Redis with a timeout, so N processes
missing one key compute it once; a holder that died leaves a lock that
expires (the stale-lock recovery).

Every Redis failure is raised as an :class:`OSError`, which the store turns
into a warning and a recompute, as it does for a broken folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from termlit.caching._disk import Record, TamperedEntry, open_record
from termlit.caching._records import Signer, encode, private_copy

__all__ = ["RedisTier", "LOCK_TIMEOUT"]

#: Seconds a compute lock lives without being released (a dead holder's lock
#: expires after this; waiters then compute themselves).
LOCK_TIMEOUT = 60.0


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
        except self._errors as exc:
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
        data = self._call(self.client.get, self.prefix + cache_key)
        if data is None:
            return None
        try:
            return open_record(self._signer, cache_key, private_copy(data))
        except TamperedEntry:
            self._call(self.client.delete, self.prefix + cache_key)
            raise

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
