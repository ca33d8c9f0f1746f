"""The on-disk tier of ``cache_data``: diskcache, made safe to read.

diskcache keeps values as pickles, and unpickling a file someone else wrote
runs their code. So this tier:

- keeps its folders private (mode 0700) and refuses a folder owned by
  another user (or one others can write to that it cannot make private);
- never lets diskcache unpickle anything: values are stored as raw bytes,
  and a row that claims to hold a pickle, or points outside the folder, is
  refused (:class:`_SafeDisk`);
- signs every record (keyed BLAKE3, see :mod:`._records`) under a per-user
  key kept in ``<root>/termlit.key`` (mode 0600); a record whose signature
  does not match (tampered, foreign, truncated, half-written) is deleted and
  reported once, and the value is recomputed.

A big record is diskcache's file in the folder: a hit reads it once into
private memory, checks the signature over every byte, and the value loads
from that memory without another copy (:mod:`._codec`).
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import secrets
import sqlite3
import stat
import threading
import time
from pathlib import Path
from typing import Any

from termlit.caching._errors import warn_once
from termlit.caching._records import Signer, TamperedEntry, decode, private_copy, read_file
from termlit.caching._records import encode as encode_record

__all__ = ["CacheDirRefused", "DiskTier", "Record", "TamperedEntry", "load_key", "open_record", "private_dir"]

KEY_FILE = "termlit.key"
GENERATION_FILE = "generation"
_FN_PREFIX = "fn:"
_DB_FILE = "cache.db"
#: diskcache's value modes (diskcache.core.MODE_RAW, MODE_BINARY).
_MODE_RAW, _MODE_BINARY = 1, 2
#: Records at least this big are streamed to their file (diskcache keeps
#: smaller ones inside its database).
_STREAM_FROM = 1 << 20

_POSIX = hasattr(os, "getuid")


class CacheDirRefused(Exception):
    """The cache folder is not safe to use; the message says why and what to do."""


# -- private folders and the key ---------------------------------------------------


def private_dir(path: Path, *, tighten: bool = True) -> None:
    """Create ``path`` (and missing parents) as 0700 folders owned by this
    user, or check that the existing folder is ours. An existing folder of
    ours that others may enter is made 0700 when ``tighten`` (termlit's own
    folders); otherwise (the root, which the user chose) it is refused only
    when others can write to it."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
    if not _POSIX:
        return
    st = os.stat(path)
    if not stat.S_ISDIR(st.st_mode):
        raise CacheDirRefused(f"The cache location {path} is not a folder. Remove it or set TERMLIT_CACHE_DIR to another place.")
    if st.st_uid != os.getuid():
        raise CacheDirRefused(
            f"The cache folder {path} belongs to another user (uid {st.st_uid}), so its "
            "entries cannot be trusted. Use a folder of your own: set TERMLIT_CACHE_DIR "
            "or `dir` under [cache] in .termlit/config.toml."
        )
    mode = stat.S_IMODE(st.st_mode)
    if mode & 0o077 and (tighten or path in missing):
        os.chmod(path, 0o700)
    elif mode & 0o022:
        raise CacheDirRefused(
            f"The cache folder {path} can be written by other users, so its entries cannot "
            "be trusted. Make it private (chmod 700) or set TERMLIT_CACHE_DIR to a folder of your own."
        )


def load_key(root: Path) -> bytes:
    """This user's signing key: created on first use, readable only by them."""
    path = root / KEY_FILE
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            _create_key(path)
            continue
        with os.fdopen(fd, "rb") as handle:
            if _POSIX:
                st = os.fstat(handle.fileno())
                if st.st_uid != os.getuid():
                    raise CacheDirRefused(
                        f"The cache signing key {path} belongs to another user. Delete it "
                        "(a new one is made) or use a cache folder of your own."
                    )
                if stat.S_IMODE(st.st_mode) & 0o077:
                    # Others could read it: it can no longer vouch for anything.
                    handle.close()
                    os.unlink(path)
                    warn_once(str(root), "key-mode", f"The cache signing key {path} was readable by other users; made a new one (the old entries will be recomputed).")
                    continue
            key = handle.read()
        if len(key) >= 32:
            return key
        os.unlink(path)  # empty or cut short: start over
    raise CacheDirRefused(f"Cannot create a signing key in {root}.")


def _create_key(path: Path) -> None:
    tmp = path.with_name(f".{KEY_FILE}.{os.getpid()}.{threading.get_ident()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(secrets.token_bytes(32))
    try:
        os.link(tmp, path)  # atomic: the first process to get here wins
    except FileExistsError:
        pass
    except OSError:  # file systems without hard links
        try:
            os.rename(tmp, path) if not path.exists() else None
        except OSError:
            pass
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


# -- records ---------------------------------------------------------------------


class Record:
    """What a disk or Redis read gives back: ``value_blob`` is the value's
    bytes in private memory, laid out in ``fmt`` (2: :mod:`._codec`; 1: a
    plain pickle, from a record written by an earlier version)."""

    __slots__ = ("created", "expires", "elements", "value_blob", "fmt")

    def __init__(self, created: float, expires: float | None, elements: list, value_blob: memoryview, fmt: int = 2) -> None:
        self.created = created
        self.expires = expires
        self.elements = elements
        self.value_blob = value_blob
        self.fmt = fmt


def open_record(signer: Signer, cache_key: str, data: memoryview, mac: bytes | None = None) -> Record:
    """The checked record in ``data`` (private memory; ``mac``: its MAC
    computed as it arrived); TamperedEntry for one that fails its checks or
    whose metadata cannot be read."""
    fmt, meta_blob, value_blob = decode(signer, cache_key, data, mac)
    try:
        created, expires, elements = pickle.loads(meta_blob)
    except Exception as exc:
        raise TamperedEntry(f"the record cannot be read ({type(exc).__name__})") from None
    return Record(created, expires, elements, value_blob, fmt)


class _PartsReader:
    """A read-only file over a list of buffers, so a big record is written
    to disk without first being copied into one bytes object."""

    def __init__(self, parts: list[bytes]) -> None:
        self._parts = [memoryview(p).cast("B") for p in parts if len(p)]
        self._index = 0
        self._offset = 0

    def read(self, size: int = -1) -> bytes | memoryview:
        if self._index >= len(self._parts):
            return b""
        part = self._parts[self._index]
        end = len(part) if size < 0 else min(len(part), self._offset + size)
        chunk = part[self._offset : end]
        self._offset = end
        if end >= len(part):
            self._index += 1
            self._offset = 0
        return chunk


# -- diskcache, unable to unpickle ------------------------------------------------


def _safe_disk_class():
    import diskcache
    from diskcache.core import MODE_BINARY, MODE_RAW, MODE_TEXT

    class _SafeDisk(diskcache.Disk):
        """A diskcache Disk that stores only bytes and text and never unpickles."""

        def get(self, key, raw):
            if not raw:
                raise TamperedEntry("a cache row has a pickled key")
            return super().get(key, raw)

        def store(self, value, read, key=diskcache.core.UNKNOWN):
            if not read and not isinstance(value, (bytes, str, int, float)):
                raise TypeError("termlit's disk cache stores only bytes and text")
            return super().store(value, read, key)

        def fetch(self, mode, filename, value, read):
            if mode not in (MODE_RAW, MODE_BINARY, MODE_TEXT):
                raise TamperedEntry("a cache row claims to hold a pickle")
            if filename is not None and not _inside(filename):
                raise TamperedEntry("a cache row points outside the cache folder")
            return super().fetch(mode, filename, value, read)

        def remove(self, file_path):
            if _inside(file_path):
                super().remove(file_path)

    return _SafeDisk


def _inside(filename: str) -> bool:
    if os.path.isabs(filename):
        return False
    parts = Path(filename).parts
    return ".." not in parts and len(parts) == 3 and filename.endswith(".val")


# -- the tier --------------------------------------------------------------------


class DiskTier:
    """One app's folder of signed records, shared safely between processes."""

    def __init__(self, root: Path, directory: Path, size_limit: int) -> None:
        self.root = root
        self.directory = directory
        self.size_limit = size_limit
        private_dir(root, tighten=False)
        private_dir(directory.parent)
        private_dir(directory)
        self._signer = Signer(load_key(root))
        self._cache = None
        self._lock = threading.Lock()
        self._reader: tuple[int, sqlite3.Connection] | None = None
        if not (directory / _DB_FILE).exists():
            self.cache  # noqa: B018 - a new folder: diskcache sets it up now
        self.generation = self._read_generation()
        if self.generation is None:
            self.bump_generation()

    @property
    def cache(self):
        """The folder's diskcache, opened on first need: opening it sets up
        its tables and settings (several writes), which a process that only
        reads hits does without (see :meth:`_quick_get`)."""
        if self._cache is None:
            with self._lock:
                if self._cache is None:
                    import diskcache  # lazy: a process that only reads hits never needs it

                    self._cache = diskcache.Cache(
                        str(self.directory),
                        disk=_safe_disk_class(),
                        size_limit=self.size_limit,
                        tag_index=True,
                        eviction_policy="least-recently-stored",
                    )
        return self._cache

    def close(self) -> None:
        with self._lock:
            reader, self._reader = self._reader, None
            cache, self._cache = self._cache, None
        for closing in (reader[1] if reader else None, cache):
            try:
                if closing is not None:
                    closing.close()
            except Exception:
                pass

    # -- generation: tells other processes' memory tiers to forget ------------
    # Every clear or delete replaces the ``generation`` file; a process that
    # sees it changed (one ``stat`` per lookup) empties its memory tier.

    def _read_generation(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.directory / GENERATION_FILE)
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns

    def bump_generation(self) -> None:
        tmp = self.directory / f".{GENERATION_FILE}.{os.getpid()}.{threading.get_ident()}"
        tmp.write_text(secrets.token_hex(8))
        os.replace(tmp, self.directory / GENERATION_FILE)
        self.generation = self._read_generation()

    def generation_changed(self) -> bool | None:
        """True when another process cleared the cache, None when the folder
        is gone, False otherwise. One ``stat`` call."""
        current = self._read_generation()
        if current is None:
            return None
        if current != self.generation:
            self.generation = current
            return True
        return False

    # -- entries -----------------------------------------------------------------

    def read(self, cache_key: str) -> Record | None:
        """The record under ``cache_key``; None when missing or expired.

        Raises TamperedEntry for a record that fails its checks (it is deleted
        first) and sqlite3/OS errors for a broken folder."""
        try:
            if self._cache is None:
                data = self._quick_get(cache_key)
            else:
                data = self.cache.get(cache_key, default=None, read=True, retry=True)
        except TamperedEntry:
            self._drop_row(cache_key)
            raise
        if data is None:
            return None
        try:
            if isinstance(data, bytes):  # a small record, kept in the database
                blob = private_copy(data)
            elif hasattr(data, "readinto"):  # a big one: its file, read once
                with data:
                    blob = read_file(data)
            else:
                raise TamperedEntry("not a termlit cache record")
            record = open_record(self._signer, cache_key, blob)
        except TamperedEntry:
            self._drop_row(cache_key)
            raise
        if record.expires is not None and record.expires <= time.time():
            self._drop_row(cache_key)
            return None
        return record

    def _quick_get(self, cache_key: str) -> Any:
        """What ``cache.get(cache_key, read=True)`` gives (bytes, an open
        file, or None), read with one query of diskcache's table instead of
        opening diskcache; the same checks as :class:`_SafeDisk`."""
        with self._lock:
            if self._reader is None or self._reader[0] != os.getpid():
                uri = (self.directory / _DB_FILE).as_uri() + "?mode=rw"
                connection = sqlite3.connect(uri, uri=True, timeout=60, isolation_level=None, check_same_thread=False)
                self._reader = (os.getpid(), connection)
            try:
                rows = self._reader[1].execute(
                    "SELECT expire_time, mode, filename, value FROM Cache WHERE key = ? AND raw = 1", (cache_key,)
                ).fetchall()
            except sqlite3.OperationalError as exc:
                if "no such table" not in str(exc):
                    raise
                rows = None
        if rows is None:  # a folder diskcache has not set up yet
            return self.cache.get(cache_key, default=None, read=True, retry=True)
        if not rows:
            return None
        ((expire_time, mode, filename, value),) = rows
        if expire_time is not None and expire_time <= time.time():
            return None
        if mode == _MODE_RAW and isinstance(value, bytes):
            return value
        if mode != _MODE_BINARY or filename is None or not _inside(filename):
            raise TamperedEntry("a cache row is not a termlit record in the cache folder")
        try:
            return open(os.path.join(self.directory, filename), "rb")
        except FileNotFoundError:  # deleted since (another process evicted it)
            return None

    def _drop_row(self, cache_key: str) -> None:
        """Delete a row; diskcache's delete never looks at the value."""
        try:
            self.cache.delete(cache_key, retry=True)
        except Exception:
            pass

    def write(
        self,
        cache_key: str,
        fkey: str,
        meta_blob: bytes,
        value_parts: list,
        expire: float | None,
        max_entries: int | None,
    ) -> None:
        """Store a record of the value encoded in ``value_parts`` (see
        :mod:`._codec`); with ``max_entries``, drop the function's oldest
        records beyond it. Raises OSError / sqlite3 errors (full disk...)."""
        parts, size = encode_record(self._signer, cache_key, meta_blob, value_parts)
        if size < _STREAM_FROM:
            self.cache.set(cache_key, b"".join(parts), expire=expire, tag=fkey, retry=True)
        else:
            self.cache.set(cache_key, _PartsReader(parts), expire=expire, read=True, tag=fkey, retry=True)
        if max_entries is not None:
            self._trim(fkey, cache_key, max_entries)

    def _trim(self, fkey: str, cache_key: str, max_entries: int) -> None:
        list_key = _FN_PREFIX + fkey
        with self.cache.transact(retry=True):
            raw = self.cache.get(list_key, default="[]", retry=True)
            try:
                keys = [k for k in json.loads(raw) if isinstance(k, str)]
            except (TypeError, ValueError):
                keys = []
            keys = [k for k in keys if k != cache_key and k in self.cache]
            keys.append(cache_key)
            cut = max(0, len(keys) - max_entries)
            for key in keys[:cut]:
                self.cache.delete(key, retry=True)
            self.cache.set(list_key, json.dumps(keys[cut:]), retry=True)

    def delete(self, cache_key: str) -> None:
        try:
            self.cache.delete(cache_key, retry=True)
        except TamperedEntry:
            self._drop_row(cache_key)
        self.bump_generation()

    def clear_function(self, fkey: str) -> None:
        self.cache.evict(fkey, retry=True)
        self.cache.delete(_FN_PREFIX + fkey, retry=True)
        self.bump_generation()

    def clear(self) -> None:
        self.cache.clear(retry=True)
        self.bump_generation()

    # -- facts for `termlit cache info` --------------------------------------------

    def stats(self) -> tuple[int, int]:
        """(entries, bytes on disk)."""
        try:
            count = self.cache._sql(
                "SELECT COUNT(*) FROM Cache WHERE NOT (raw = 1 AND key LIKE ?)", (_FN_PREFIX + "%",)
            ).fetchone()[0]
        except Exception:  # diskcache internals changed: count everything
            count = len(self.cache)
        return int(count), int(self.cache.volume())


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return True
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"

