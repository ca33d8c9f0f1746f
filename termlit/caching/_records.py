"""Signed cache records, as the disk and Redis tiers keep them.

A record (format 2) is::

    "TLC2" | alg u8 | 0 0 0 | mac (32) | len(meta) u64 | value offset u64
    | meta | zero padding | value

``meta`` pickles the creation time, the expiry time and the elements the
function showed; ``value`` (at a multiple of 64 bytes) is laid out by
:mod:`._codec`. The MAC covers the cache key and every byte of the record
but the MAC itself, so a valid record cannot be moved under another key; it
is checked before anything is unpickled. ``alg`` 1 is keyed BLAKE3 (under a
key derived from the folder's or the shared secret), about twice as fast as
HMAC-SHA256 here on one core, and big records are hashed on all of
them; ``alg`` 2 is HMAC-SHA256, written only where the ``blake3``
package is missing.

Format 1 (``"TLC1" | HMAC-SHA256 | len(meta) | meta | pickle``), written by
earlier versions, is still read; new records are always format 2.

A record is read into private memory (:func:`read_file`, one copy) before
it is checked, so what was checked is what gets loaded.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import queue
import threading
from typing import Any

from termlit.caching._codec import aligned, pad_to

try:
    from blake3 import blake3 as _blake3
except ImportError:  # pragma: no cover - blake3 is a dependency; HMAC-SHA256 then
    _blake3 = None

__all__ = ["MAGIC", "Signer", "StreamCheck", "TamperedEntry", "decode", "encode", "encode_v1", "private_copy",
           "read_file"]

MAGIC = b"TLC2"
MAGIC_V1 = b"TLC1"
ALG_BLAKE3 = 1
ALG_HMAC = 2
_MAC_SIZE = 32
_HEAD = 56
_KEY_CONTEXT = "termlit cache record signature, format 2"
#: Records at least this big are hashed on every core (BLAKE3 splits them).
_THREADS_FROM = 4 << 20


class TamperedEntry(Exception):
    """A row or record that this process did not write as it is."""


class Signer:
    """Signs and checks records under one secret."""

    def __init__(self, secret: bytes) -> None:
        self.secret = secret
        self._b3key = _blake3(secret, derive_key_context=_KEY_CONTEXT).digest() if _blake3 is not None else None
        self.alg = ALG_BLAKE3 if _blake3 is not None else ALG_HMAC

    def _hasher(self, alg: int, size: int) -> Any:
        if alg == ALG_BLAKE3:
            if self._b3key is None:
                raise TamperedEntry("the record is signed with BLAKE3 and the blake3 package is not installed")
            if size >= _THREADS_FROM:
                return _blake3(key=self._b3key, max_threads=_blake3.AUTO)
            return _blake3(key=self._b3key)
        if alg == ALG_HMAC:
            return hmac.new(self.secret, digestmod=hashlib.sha256)
        raise TamperedEntry("the record names no known signature")

    def mac(self, alg: int, cache_key: str, parts: list[Any], size: int) -> bytes:
        h = self._hasher(alg, size)
        name = cache_key.encode("utf-8")
        h.update(len(name).to_bytes(8, "little"))
        h.update(name)
        for part in parts:
            h.update(part)
        return h.digest()[:_MAC_SIZE]


class StreamCheck:
    """The MAC a format-2 record would be checked against, hashed by a
    worker thread while the record is still arriving (:meth:`feed` as bytes
    land, :meth:`finish` once all are in), so checking a big record read off
    a socket costs little more than reading it. A record that is not format
    2 is left to :func:`decode` (``finish`` gives None)."""

    def __init__(self, signer: Signer, cache_key: str, size: int) -> None:
        self._signer = signer
        self._name = cache_key.encode("utf-8")
        self._size = size
        self._done = 0  # bytes handed to the worker
        self._hasher: Any = None
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._failed: BaseException | None = None

    def feed(self, view: memoryview, upto: int) -> None:
        """The first ``upto`` bytes of ``view`` are the record's."""
        if self._worker is None:
            if upto < _HEAD or bytes(view[:4]) != MAGIC:
                return
            try:
                self._hasher = self._signer._hasher(view[4], self._size)
            except TamperedEntry:
                self._done = -1  # decode says why
                return
            self._hasher.update(len(self._name).to_bytes(8, "little"))
            self._hasher.update(self._name)
            self._hasher.update(view[:8])
            self._done = 40  # the MAC itself (8:40) is not signed
            self._worker = threading.Thread(target=self._work, name="termlit-cache-check", daemon=True)
            self._worker.start()
        if self._done >= 0 and upto > self._done:
            self._jobs.put(view[self._done : upto])
            self._done = upto

    def _work(self) -> None:
        while (piece := self._jobs.get()) is not None:
            try:
                self._hasher.update(piece)
            except BaseException as exc:  # noqa: BLE001 - reported by finish
                self._failed = exc

    def abandon(self) -> None:
        """The record will not arrive whole: let the worker end."""
        if self._worker is not None:
            self._jobs.put(None)
            self._worker = None

    def finish(self, view: memoryview) -> bytes | None:
        """The MAC of the whole record in ``view`` (None: let decode hash it)."""
        self.feed(view, view.nbytes)
        if self._worker is None:
            return None
        self._jobs.put(None)
        self._worker.join()
        if self._failed is not None:
            return None
        return self._hasher.digest()[:_MAC_SIZE]


def encode(signer: Signer, cache_key: str, meta: bytes, value_parts: list[Any]) -> tuple[list[Any], int]:
    """The parts of a record, in order (joined, or streamed to a file), and
    its size."""
    value_size = sum(memoryview(part).nbytes for part in value_parts)
    offset = pad_to(_HEAD + len(meta))
    head = MAGIC + bytes([signer.alg, 0, 0, 0])
    lengths = len(meta).to_bytes(8, "little") + offset.to_bytes(8, "little")
    signed = [lengths, meta, bytes(offset - _HEAD - len(meta)), *value_parts]
    mac = signer.mac(signer.alg, cache_key, [head, *signed], offset + value_size)
    return [head, mac, *signed], offset + value_size


def decode(signer: Signer, cache_key: str, view: memoryview,
           expected: bytes | None = None) -> tuple[int, bytes, memoryview]:
    """(format, meta, value) of a record read into private memory; raises
    TamperedEntry for one that fails its checks. ``expected`` is the MAC of
    ``view`` when a :class:`StreamCheck` computed it already."""
    magic = bytes(view[:4])
    if magic == MAGIC_V1:
        return (1, *_decode_v1(signer, cache_key, view))
    if magic != MAGIC or view.nbytes < _HEAD:
        raise TamperedEntry("not a termlit cache record")
    mac = bytes(view[8:40])
    meta_len = int.from_bytes(view[40:48], "little")
    offset = int.from_bytes(view[48:56], "little")
    if not _HEAD + meta_len <= offset <= view.nbytes:
        raise TamperedEntry("the record is cut short")
    if expected is None:
        expected = signer.mac(view[4], cache_key, [view[:8], view[40:]], view.nbytes)
    if not hmac.compare_digest(mac, expected):
        raise TamperedEntry("the signature does not match")
    return 2, bytes(view[_HEAD : _HEAD + meta_len]), view[offset:]


def _decode_v1(signer: Signer, cache_key: str, view: memoryview) -> tuple[bytes, memoryview]:
    head = 4 + _MAC_SIZE + 8
    if view.nbytes < head:
        raise TamperedEntry("not a termlit cache record")
    mac = bytes(view[4 : 4 + _MAC_SIZE])
    meta_len = int.from_bytes(view[head - 8 : head], "little")
    if head + meta_len > view.nbytes:
        raise TamperedEntry("the record is cut short")
    meta = bytes(view[head : head + meta_len])
    value = view[head + meta_len :]
    h = hmac.new(signer.secret, digestmod=hashlib.sha256)
    h.update(cache_key.encode("utf-8"))
    h.update(b"\x00")
    h.update(len(meta).to_bytes(8, "little"))
    h.update(meta)
    h.update(value)
    if not hmac.compare_digest(mac, h.digest()):
        raise TamperedEntry("the signature does not match")
    return meta, value


def encode_v1(secret: bytes, cache_key: str, meta: bytes, value: bytes) -> bytes:
    """A format-1 record (what earlier versions wrote; for tests)."""
    h = hmac.new(secret, digestmod=hashlib.sha256)
    for part in (cache_key.encode("utf-8"), b"\x00", len(meta).to_bytes(8, "little"), meta, value):
        h.update(part)
    return b"".join([MAGIC_V1, h.digest(), len(meta).to_bytes(8, "little"), meta, value])


def private_copy(data: bytes | memoryview) -> memoryview:
    """``data`` copied into writable, aligned memory (values load as views of it)."""
    view = memoryview(data).cast("B")
    out = aligned(view.nbytes)
    out[:] = view
    return out


def read_file(handle: Any) -> memoryview:
    """All of an open file, read once into private aligned memory."""
    size = os.fstat(handle.fileno()).st_size
    out = aligned(size)
    got = 0
    while got < size:
        n = handle.readinto(out[got:])
        if not n:
            return out[:got]  # it shrank under us: the signature check refuses it
        got += n
    return out
