"""One app's ``cache_data`` store: hot entries in memory in front of the disk.

A hit is one dict lookup, one ``stat`` (has another process cleared the
cache?) and one copy. A miss in memory reads the disk, checks the record's
signature and keeps the entry in memory for the next call. Anything that
goes wrong on disk (a refused or deleted folder, a corrupted or tampered
record, a full disk) is reported once as a :class:`CacheWarning` and the
store carries on: at worst the value is recomputed, or kept in memory only.
"""

from __future__ import annotations

import pickle
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termlit.caching import _codec, _config
from termlit.caching._disk import CacheDirRefused, DiskTier, Record, TamperedEntry, describe, is_disk_full
from termlit.caching._errors import warn_once
from termlit.common.copies import copier_for

__all__ = ["Entry", "Store", "all_stores", "store_for"]

_DISK_ERRORS = (OSError, sqlite3.Error)


@dataclass(slots=True)
class Entry:
    """A value ready to be handed out, with what its function showed."""

    fkey: str
    expires: float | None
    elements: list
    #: A private copy nobody else holds (when ``copier`` is set).
    value: Any
    #: The encoded value (:mod:`._codec`, in private memory) to load a fresh
    #: copy from (when ``copier`` is None).
    blob: memoryview | None
    copier: Callable[[Any], Any] | None
    size: int

    def copy_out(self) -> Any:
        if self.copier is not None:
            return self.copier(self.value)
        return _codec.load(self.blob, copy=True)


class _Memory:
    """Least-recently-used entries within a byte budget."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.used = 0
        self.lock = threading.Lock()

    def get(self, key: str, now: float) -> Entry | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.expires is not None and entry.expires <= now:
                self._pop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        with self.lock:
            self._pop(key)
            if entry.size > self.limit:
                return
            self.entries[key] = entry
            self.used += entry.size
            while self.used > self.limit and self.entries:
                self._pop(next(iter(self.entries)))

    def _pop(self, key: str) -> None:
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.used -= entry.size

    def pop(self, key: str) -> None:
        with self.lock:
            self._pop(key)

    def drop_function(self, fkey: str) -> None:
        with self.lock:
            for key in [k for k, e in self.entries.items() if e.fkey == fkey]:
                self._pop(key)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.used = 0


class Store:
    """The two tiers of one app folder; see the module docstring."""

    def __init__(self, settings: _config.Settings, script: Path | None) -> None:
        self.settings = settings
        self.script = script
        self.directory = _config.app_dir(settings, script)
        self.scope = str(self.directory)
        self.memory = _Memory(settings.memory_limit)
        #: Per function, the keys in memory in the order they were stored
        #: (for max_entries when the disk is not there to keep count).
        self._order: dict[str, OrderedDict[str, None]] = {}
        self._lock = threading.Lock()
        self._disk: DiskTier | None = None
        self._disk_refused = False

    # -- the disk, opened on first need ------------------------------------------

    def disk(self) -> DiskTier | None:
        if self._disk is not None or self._disk_refused:
            return self._disk
        with self._lock:
            if self._disk is None and not self._disk_refused:
                self._open_disk()
        return self._disk

    def _open_disk(self, retry: bool = True) -> None:
        if self.settings.url is not None:
            self._open_shared()
            return
        try:
            self._disk = DiskTier(self.settings.root, self.directory, self.settings.size_limit)
            _config.write_app_info(self.directory, self.script)
        except sqlite3.DatabaseError as exc:
            if retry and not isinstance(exc, sqlite3.OperationalError):
                _move_aside(self.directory)
                warn_once(
                    self.scope,
                    "corrupt-db",
                    f"The cache database in {self.directory} was corrupted ({describe(exc)}); moved "
                    "it aside and started a new one. Values will be recomputed.",
                )
                self._open_disk(retry=False)
                return
            self._disk_refused = True
            warn_once(
                self.scope,
                "open",
                f"Cannot use the cache folder {self.directory} ({describe(exc)}); cached values "
                "are kept in memory only for now.",
            )
        except CacheDirRefused as exc:
            self._disk_refused = True
            warn_once(self.scope, "refused", f"{exc} Cached values are kept in memory only for now.")
        except _DISK_ERRORS as exc:
            self._disk_refused = True
            warn_once(
                self.scope,
                "open",
                f"Cannot use the cache folder {self.directory} ({describe(exc)}); cached values "
                "are kept in memory only for now. Check the folder's permissions and free space, "
                "or point TERMLIT_CACHE_DIR somewhere else.",
            )

    def _open_shared(self) -> None:
        """The Redis tier in place of the folder (see :mod:`._redis`)."""
        from termlit.caching._redis import RedisTier  # lazy: only a shared cache loads redis-py

        if not self.settings.secret:
            self._disk_refused = True
            warn_once(
                self.scope,
                "no-key",
                "A shared cache (url) needs a signing key every host shares: set [cache] key in "
                ".termlit/config.toml or TERMLIT_CACHE_KEY. Cached values are kept in memory only for now.",
            )
            return
        name = self.settings.namespace or (self.script.stem if self.script is not None else _config.DEFAULT_APP)
        try:
            self._disk = RedisTier(self.settings.url, self.settings.secret, name)  # type: ignore[assignment]
        except OSError as exc:
            self._disk_refused = True
            warn_once(self.scope, "open", f"Cannot use the shared cache ({exc}); cached values are kept in memory only for now.")

    @contextmanager
    def hold(self, key: str, check: Callable[[], None] | None = None) -> Iterator[None]:
        """Across processes, the compute lock of ``key`` (the shared tier's;
        the local folder has none: each process computes its own miss)."""
        disk = self.disk()
        shared = getattr(disk, "hold", None)
        if shared is None:
            yield
            return
        try:
            lock = shared(key, check)
            lock.__enter__()
        except OSError as exc:
            self._broken(exc)
            yield
            return
        try:
            yield
        finally:
            try:
                lock.__exit__(None, None, None)
            except OSError:
                pass

    def _reopen(self, why: str) -> None:
        with self._lock:
            old, self._disk = self._disk, None
            if old is not None:
                old.close()
            self.memory.clear()
            self._order.clear()
            self._open_disk()
        warn_once(self.scope, "reopen:" + why, why)

    @property
    def where(self) -> str:
        """What messages name as the cache's place: the folder, or the shared
        store (its address without credentials)."""
        if self.settings.url:
            return f"the shared cache (Redis at {self.settings.url.split('@')[-1]})"
        return str(self.directory)

    def _broken(self, exc: BaseException) -> None:
        """The disk failed under us: start over with a fresh folder."""
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            disk = self._disk
            if disk is not None:
                disk.close()
                _move_aside(disk.directory)
            self._reopen(
                f"The cache database in {self.directory} was corrupted ({describe(exc)}); moved it "
                "aside and started a new one. Values will be recomputed."
            )
        else:
            warn_once(
                self.scope,
                "io:" + type(exc).__name__,
                f"Reading the cache in {self.where} failed ({describe(exc)}); recomputing.",
            )

    def _check_generation(self, disk: DiskTier) -> DiskTier | None:
        changed = disk.generation_changed()
        if changed is False:
            return disk
        if changed is None:  # the folder was deleted
            self._reopen(
                f"The cache folder {self.directory} was removed while the app was running; "
                "it has been created again and values will be recomputed."
            )
            return self._disk
        self.memory.clear()  # another process cleared the cache
        self._order.clear()
        return disk

    # -- reading ---------------------------------------------------------------------

    def get(self, key: str) -> tuple[Any, list] | None:
        """A fresh copy of the value under ``key`` and what its function
        showed, or None."""
        disk = self.disk()
        if disk is not None:
            disk = self._check_generation(disk)
        entry = self.memory.get(key, time.time())
        if entry is not None:
            return entry.copy_out(), entry.elements
        if disk is None:
            return None
        try:
            record = disk.read(key)
        except TamperedEntry as exc:
            warn_once(
                self.scope,
                "tampered",
                f"Ignored a cache entry in {self.where} that this user did not write as it is "
                f"({exc}): it may be corrupted, cut short or tampered with. It was deleted and "
                "its value is recomputed.",
            )
            return None
        except _DISK_ERRORS as exc:
            self._broken(exc)
            return None
        if record is None:
            return None
        fkey = key.partition(":")[0]
        try:
            value, blob, fresh = _load(record)
        except Exception as exc:
            warn_once(
                self.scope,
                "unpickle:" + fkey,
                f"A cached value could not be loaded ({describe(exc)}), perhaps because the code "
                "it was made with changed; it is recomputed.",
            )
            disk.delete(key)
            return None
        copier = copier_for(value)
        entry = Entry(fkey, record.expires, record.elements, value if copier is not None else None,
                      blob if copier is None else None, copier, record.value_blob.nbytes)
        self.memory.put(key, entry)
        # With a copier, ``value`` now belongs to the memory tier: hand out a copy.
        if copier is not None:
            return copier(value), entry.elements
        return (fresh() if fresh is not None else value), entry.elements

    # -- writing ---------------------------------------------------------------------

    def put(
        self,
        key: str,
        entry: Entry,
        meta_blob: bytes | None,
        value_parts: list,
        ttl: float | None,
        max_entries: int | None,
        func_name: str,
    ) -> None:
        """Keep ``entry`` in memory and, when its meta could be pickled, on disk."""
        self.memory.put(key, entry)
        self._remember_order(entry.fkey, key, max_entries)
        disk = self.disk()
        if disk is None or meta_blob is None:
            return
        try:
            disk.write(key, entry.fkey, meta_blob, value_parts, ttl, max_entries)
        except _DISK_ERRORS as exc:
            if is_disk_full(exc):
                warn_once(
                    self.scope,
                    "full",
                    f"The disk holding the cache ({self.directory}) is full: the result of "
                    f"{func_name}() is kept in memory only. Free some space, lower size_limit, "
                    "or run `termlit cache clear`.",
                )
            elif isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                self._broken(exc)
            else:
                warn_once(
                    self.scope,
                    "write:" + type(exc).__name__,
                    f"Could not save the result of {func_name}() to {self.where} "
                    f"({describe(exc)}); it is kept in memory only.",
                )

    def _remember_order(self, fkey: str, key: str, max_entries: int | None) -> None:
        if max_entries is None:
            return
        with self._lock:
            order = self._order.setdefault(fkey, OrderedDict())
            order.pop(key, None)
            order[key] = None
            while len(order) > max_entries:
                old, _ = order.popitem(last=False)
                self.memory.pop(old)

    # -- clearing --------------------------------------------------------------------

    def delete(self, key: str) -> None:
        self.memory.pop(key)
        self._on_disk(lambda disk: disk.delete(key))

    def clear_function(self, fkey: str) -> None:
        self.memory.drop_function(fkey)
        self._order.pop(fkey, None)
        self._on_disk(lambda disk: disk.clear_function(fkey))

    def clear(self) -> None:
        self.memory.clear()
        self._order.clear()
        self._on_disk(DiskTier.clear)

    def _on_disk(self, change: Callable[[DiskTier], None]) -> None:
        disk = self.disk()
        if disk is not None:
            try:
                change(disk)
            except _DISK_ERRORS as exc:
                self._broken(exc)

    def close(self) -> None:
        if self._disk is not None:
            self._disk.close()
            self._disk = None


def _load(record: Record) -> tuple[Any, memoryview | None, Callable[[], Any] | None]:
    """(value, encoded value, how to load another copy) from a record read
    into private memory. The value's arrays are views of that memory, so
    when it has no copier (the memory tier keeps the encoding and loads a
    copy at each hit), the caller gets a copy too, made by the third item."""
    if record.fmt == 2:
        blob = record.value_blob
        return _codec.load(blob, copy=False), blob, lambda: _codec.load(blob, copy=True)
    value = pickle.loads(record.value_blob)  # format 1: a plain pickle (it owns its memory)
    if copier_for(value) is not None:
        return value, None, None
    parts, size = _codec.encode(value)
    return value, _codec.join(parts, size), None


def _move_aside(directory: Path) -> None:
    """Rename a broken database (and its journal) out of the way."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in ("cache.db", "cache.db-wal", "cache.db-shm"):
        try:
            (directory / name).rename(directory / f"{name}.corrupt-{stamp}")
        except OSError:
            pass


_stores: dict[tuple[Path, Path | None], Store] = {}
_stores_lock = threading.Lock()


def store_for(script: Path | None) -> Store:
    """The store of the app at ``script`` under the current settings."""
    settings = _config.load_settings()
    ident = (settings.root, script)
    store = _stores.get(ident)
    if store is not None and store.settings is settings:
        return store
    with _stores_lock:
        store = _stores.get(ident)
        if store is None or store.settings != settings:
            if store is not None:
                store.close()
            store = _stores[ident] = Store(settings, script)
        return store


def all_stores() -> list[Store]:
    with _stores_lock:
        return list(_stores.values())


def close_all() -> None:
    """Close every open store (tests; processes about to exit)."""
    with _stores_lock:
        for store in _stores.values():
            store.close()
        _stores.clear()
