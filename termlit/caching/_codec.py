"""How a cached value is laid out in a record: pickle protocol 5, with its
big buffers out of band.

``pickle.dumps(value, protocol=5, buffer_callback=...)`` leaves the data of
numpy arrays, pandas columns and pyarrow arrays out of the pickle stream;
they are written after it, each on a 64-byte boundary::

    nbuf u32 | 0 u32 | len(stream) u64 | (offset u64, length u64) * nbuf
    | stream | padding | buffer 0 | padding | buffer 1 ...

(offsets from the start of the value). Loading hands the buffers back to
``pickle.loads`` as views of the memory the value was read into, so a frame's
columns are not copied again: a hit from disk or Redis costs the one read
(into private memory) and the signature check. Any value pickle can keep is
kept exactly as pickle keeps it (dtypes, index, categoricals, object
columns...). Buffers under 1 KiB stay in the stream.

Against the other encoding a frame could have (Arrow IPC), on
``benchmarks/caching.py``'s 1M-row frame (34 MB either way): reading the IPC
stream back into pandas took 5-6 ms, loading this encoding 0.1 ms (and a
plain ``pickle.loads`` 37 ms, in the same run); and pickle needs no rules for
which frames would survive an Arrow round trip unchanged.
"""

from __future__ import annotations

import pickle
import sys
from typing import Any

__all__ = ["ALIGN", "aligned", "encode", "join", "load", "pad_to"]

ALIGN = 64
_INBAND_BELOW = 1024
_HEAD = 16


def pad_to(n: int) -> int:
    """``n`` rounded up to a multiple of :data:`ALIGN`."""
    return (n + ALIGN - 1) // ALIGN * ALIGN


def aligned(size: int) -> memoryview:
    """Writable private memory of ``size`` bytes, on a 64-byte boundary when
    numpy is loaded (its allocator also asks for huge pages for big blocks,
    so filling them costs few page faults); a bytearray otherwise."""
    np = sys.modules.get("numpy")
    if np is None or size < (1 << 16):
        return memoryview(bytearray(size))
    block = np.empty(size + ALIGN, dtype=np.uint8)
    start = -block.ctypes.data % ALIGN
    return memoryview(block[start : start + size]).cast("B")


def encode(value: Any) -> tuple[list[Any], int]:
    """The parts of ``value``'s encoding, in order, and their total size.
    The parts may be views of ``value``'s own memory: write them out (or
    :func:`join` them) before the value can change. Raises what pickle raises."""
    buffers: list[memoryview] = []

    def out_of_band(buffer: pickle.PickleBuffer) -> bool:
        try:
            raw = buffer.raw()
        except BufferError:  # not contiguous: in the stream
            return True
        if raw.nbytes < _INBAND_BELOW:
            return True
        buffers.append(raw)
        return False

    stream = pickle.dumps(value, protocol=5, buffer_callback=out_of_band)
    table = bytearray(_HEAD + 16 * len(buffers))
    table[0:4] = len(buffers).to_bytes(4, "little")
    table[8:16] = len(stream).to_bytes(8, "little")
    parts: list[Any] = [table, stream]
    end = len(table) + len(stream)
    for i, raw in enumerate(buffers):
        offset = pad_to(end)
        if offset > end:
            parts.append(bytes(offset - end))
        parts.append(raw)
        at = _HEAD + 16 * i
        table[at : at + 8] = offset.to_bytes(8, "little")
        table[at + 8 : at + 16] = raw.nbytes.to_bytes(8, "little")
        end = offset + raw.nbytes
    return parts, end


def join(parts: list[Any], size: int) -> memoryview:
    """The parts copied into one private buffer (what :func:`load` reads)."""
    out = aligned(size)
    at = 0
    for part in parts:
        n = memoryview(part).nbytes
        out[at : at + n] = memoryview(part).cast("B")
        at += n
    return out


def load(view: memoryview, copy: bool) -> Any:
    """The value encoded in ``view``. Its arrays are views of ``view``
    unless ``copy`` (then they own fresh memory and ``view`` can be loaded
    again). Raises ValueError for a malformed value, and what unpickling
    raises."""
    view = view.cast("B") if view.format != "B" else view
    if view.nbytes < _HEAD:
        raise ValueError("the value is cut short")
    count = int.from_bytes(view[0:4], "little")
    stream_len = int.from_bytes(view[8:16], "little")
    stream_at = _HEAD + 16 * count
    if stream_at + stream_len > view.nbytes:
        raise ValueError("the value is cut short")
    buffers = []
    for i in range(count):
        at = _HEAD + 16 * i
        offset = int.from_bytes(view[at : at + 8], "little")
        length = int.from_bytes(view[at + 8 : at + 16], "little")
        if offset < stream_at + stream_len or offset + length > view.nbytes:
            raise ValueError("a buffer lies outside the value")
        piece = view[offset : offset + length]
        buffers.append(join([piece], length) if copy else piece)
    return pickle.loads(view[stream_at : stream_at + stream_len], buffers=buffers)
