"""From a picture and the room it has to what the terminal is sent.

:func:`fit` sizes a picture in cells (aspect ratio kept); :func:`draw`
resamples it with Pillow to the pixels of those cells and encodes it for a
tier. Drawings are kept in a small cache by (picture, size, tier, background),
shared by every view and session: a rerun that shows the same pixels at the
same size costs one lookup, and :data:`stats` counts hits and encodings.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import xxhash
from textual.strip import Strip

from termlit.common.images import Picture
from termlit.tui.images import cells, protocols
from termlit.tui.images.tiers import Graphics, Tier

__all__ = ["Drawn", "PIXELS_PER_CELL", "description", "draw", "fit", "stats"]

#: Streamlit sizes are browser pixels; about this many make a cell's width.
PIXELS_PER_CELL = 8
#: Cell shape assumed by the half-block tiers: a half cell is square.
BLOCK_ASPECT = 2.0


@dataclass(frozen=True)
class Drawn:
    """A picture ready for the screen: ``strips`` (one per line) and, for
    the pixel tiers, the escape sequence the terminal needs first (kitty: the
    image and its placement; sixel: the pixels)."""

    tier: Tier
    cols: int
    rows: int
    strips: list[Strip] = field(repr=False)
    escape: str = field(default="", repr=False)
    image_id: int = 0


@dataclass
class Stats:
    hits: int = 0
    encoded: int = 0


#: Cache hits and encodings since start (benchmarks and tests read them).
stats = Stats()
_cache: OrderedDict[tuple, Drawn] = OrderedDict()
_lock = threading.Lock()
_SIZE = 64


def _aspect(graphics: Graphics, tier: Tier) -> float:
    return graphics.cell_aspect if tier.pixels else BLOCK_ASPECT


def fit(size: tuple[int, int], cols: int, max_rows: int, graphics: Graphics, tier: Tier) -> tuple[int, int]:
    """(columns, rows) for a picture of ``size`` pixels, ``cols`` wide at most
    and ``max_rows`` high at most, aspect ratio kept."""
    width, height = size
    if tier is Tier.TEXT or width <= 0 or height <= 0:
        return max(cols, 1), 1
    aspect = _aspect(graphics, tier)
    cols = max(cols, 1)
    rows = max(math.ceil(cols * height / width / aspect), 1)
    if rows > max_rows > 0:
        rows = max_rows
        cols = max(min(cols, round(rows * aspect * width / height)), 1)
    if tier.pixels:
        cols, rows = min(cols, protocols.MAX_SPAN), min(rows, protocols.MAX_SPAN)
    return cols, rows


def _resized(image: Any, size: tuple[int, int]) -> Any:
    from PIL import Image  # lazy: Pillow loads with the first picture

    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    if image.size != size:
        image = image.resize(size, Image.Resampling.BOX if image.width >= 2 * size[0] else Image.Resampling.BICUBIC,
                             reducing_gap=2.0)
    return image.convert("RGBA") if image.mode != "RGBA" else image


def _image_id(key: str, cols: int, rows: int) -> int:
    """A kitty image id (24 bits, never 0) for one picture at one size."""
    value = xxhash.xxh32_intdigest(f"{key}:{cols}x{rows}".encode()) & 0xFFFFFF
    return value or 1


def description(picture: Picture) -> str:
    """The line the text tier shows for a picture (and for one that could not be read)."""
    return cells.describe(picture.source + (f" {picture.problem}" if picture.problem else ""), picture.size,
                          picture.caption)


def _encode(picture: Picture, cols: int, rows: int, graphics: Graphics, tier: Tier,
            background: tuple[int, int, int]) -> Drawn:
    if tier is Tier.TEXT or picture.image is None:
        return Drawn(Tier.TEXT, cols, 1, cells.text_line(description(picture), cols))
    if tier is Tier.KITTY:
        image = _resized(picture.image, (cols * graphics.cell_width, rows * graphics.cell_height))
        image_id = _image_id(picture.key, cols, rows)
        return Drawn(tier, cols, rows, protocols.kitty_placeholders(image_id, cols, rows),
                     protocols.kitty_transmit(image, image_id, cols, rows), image_id)
    if tier is Tier.SIXEL:
        image = _resized(picture.image, (cols * graphics.cell_width, rows * graphics.cell_height))
        blank = Strip.blank(cols)
        return Drawn(tier, cols, rows, [blank] * rows, protocols.sixel(image, background))
    image = _resized(picture.image, (cols, rows * 2))
    if tier is Tier.BLOCKS:
        strips = cells.blocks(image, background)
    else:
        strips = cells.palette_blocks(image, background, 256 if tier is Tier.BLOCKS_256 else 16)
    return Drawn(tier, cols, rows, strips)


def draw(picture: Picture, cols: int, rows: int, graphics: Graphics, tier: Tier | None = None,
         background: tuple[int, int, int] = (0, 0, 0)) -> Drawn:
    """``picture`` drawn ``cols`` x ``rows`` cells for ``tier`` (default: the
    session's), from the cache when it was drawn so before."""
    tier = graphics.tier if tier is None else tier
    cell = (graphics.cell_width, graphics.cell_height) if tier.pixels else (1, 2)
    key = (picture.key, cols, rows, tier, cell, background)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            stats.hits += 1
            return hit
    drawn = _encode(picture, cols, rows, graphics, tier, background)
    with _lock:
        stats.encoded += 1
        _cache[key] = drawn
        while len(_cache) > _SIZE:
            _cache.popitem(last=False)
    return drawn
