"""Pictures as terminal cells: half blocks ("▀", the top pixel in the
foreground colour, the bottom one in the background) in true colour, or in
the 256- or 16-colour palette with Floyd-Steinberg dithering (Pillow's), and
a one-line description for terminals without colour.

Each function takes a Pillow RGBA image already resized to the cells' pixels
(one pixel across and two down per cell) and returns Textual strips, one per
line. Transparent pixels show the page behind: they are blended with the
``background`` colour given.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from rich.color import Color, ColorType
from rich.color_triplet import ColorTriplet
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

__all__ = ["blocks", "describe", "palette_blocks", "text_line"]

UPPER = "▀"

#: The 16 ANSI colours as xterm shows them by default (for dithering: the
#: real shades are the terminal's own).
ANSI_16 = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
]


def _xterm_256() -> list[tuple[int, int, int]]:
    """Colours 16-255 of the 256-colour palette: a 6x6x6 cube and 24 greys
    (the first 16 are the terminal's own, so they are left out)."""
    levels = [0, 95, 135, 175, 215, 255]
    cube = [(levels[r], levels[g], levels[b]) for r in range(6) for g in range(6) for b in range(6)]
    greys = [(8 + 10 * i,) * 3 for i in range(24)]
    return cube + greys  # type: ignore[return-value]


@lru_cache(maxsize=2)
def _palette_image(colors: int) -> Any:
    from PIL import Image  # lazy: Pillow loads with the first picture

    shades = ANSI_16 if colors == 16 else _xterm_256()
    flat = [value for rgb in shades for value in rgb]
    flat += flat[:3] * (256 - len(shades))
    image = Image.new("P", (1, 1))
    image.putpalette(flat)
    return image


def _flatten(image: Any, background: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
    """RGB pixels blended over ``background``, and where the pixels are clear."""
    rgba = np.asarray(image, dtype=np.uint8)
    alpha = rgba[:, :, 3:4].astype(np.uint16)
    rgb = rgba[:, :, :3].astype(np.uint16)
    back = np.array(background, dtype=np.uint16)
    mixed = ((rgb * alpha + back * (255 - alpha)) // 255).astype(np.uint8)
    return mixed, rgba[:, :, 3] == 0


def _even(image: Any) -> Any:
    """Pad to an even number of pixel rows (the last cell row's bottom half)."""
    if image.height % 2 == 0:
        return image
    from PIL import Image  # lazy: Pillow loads with the first picture

    padded = Image.new("RGBA", (image.width, image.height + 1), (0, 0, 0, 0))
    padded.paste(image, (0, 0))
    return padded


def _strips(tops: np.ndarray, bottoms: np.ndarray, clear: np.ndarray, color_of) -> list[Strip]:
    """Strips from per-cell colour codes: a run of equal cells is one segment."""
    rows, cols = tops.shape
    styles: dict[int, Style] = {}
    from_color = Style.from_color
    pairs = tops.astype(np.int64) * (1 << 24) + bottoms.astype(np.int64)
    pairs[clear] = -1
    strips = []
    for y in range(rows):
        line = pairs[y]
        # Starts of runs of equal cells.
        starts = np.flatnonzero(np.diff(line, prepend=line[0] - 1)).tolist()
        ends = starts[1:] + [cols]
        segments = []
        for start, end, value in zip(starts, ends, line[starts].tolist()):
            if value < 0:
                segments.append(Segment(" " * (end - start)))
                continue
            style = styles.get(value)
            if style is None:
                top, bottom = value >> 24, value & 0xFFFFFF
                style = styles[value] = from_color(color_of(top), color_of(bottom))
            segments.append(Segment(UPPER * (end - start), style))
        strips.append(Strip(segments, cols))
    return strips


_new = tuple.__new__
_TRUECOLOR = ColorType.TRUECOLOR


#: Colours made so far, shared by every picture (a rerun at another size,
#: or the next frame of a changing picture, finds most of its own here).
_COLORS: dict[int, Color] = {}
_MAX_COLORS = 1 << 16


def _rgb(code: int) -> Color:
    color = _COLORS.get(code)
    if color is None:
        if len(_COLORS) >= _MAX_COLORS:
            _COLORS.clear()
        # Made directly: Color.from_rgb costs several times more, and a
        # picture has thousands of colours.
        triplet = _new(ColorTriplet, (code >> 16, (code >> 8) & 0xFF, code & 0xFF))
        color = _COLORS[code] = _new(Color, (f"#{code:06x}", _TRUECOLOR, None, triplet))
    return color


@lru_cache(maxsize=256)
def _numbered(code: int) -> Color:
    return Color.from_ansi(code)


def blocks(image: Any, background: tuple[int, int, int]) -> list[Strip]:
    """True-colour half blocks."""
    rgb, clear = _flatten(_even(image), background)
    codes = (rgb[:, :, 0].astype(np.int64) << 16) | (rgb[:, :, 1].astype(np.int64) << 8) | rgb[:, :, 2]
    both_clear = clear[0::2] & clear[1::2]
    return _strips(codes[0::2], codes[1::2], both_clear, _rgb)


def palette_blocks(image: Any, background: tuple[int, int, int], colors: int) -> list[Strip]:
    """Half blocks in the 256- (``colors=256``) or 16-colour palette, dithered."""
    from PIL import Image  # lazy: Pillow loads with the first picture

    rgb, clear = _flatten(_even(image), background)
    quantized = Image.fromarray(rgb, "RGB").quantize(palette=_palette_image(colors), dither=Image.Dither.FLOYDSTEINBERG)
    indices = np.asarray(quantized, dtype=np.int64)
    if colors == 256:
        indices = indices + 16
    both_clear = clear[0::2] & clear[1::2]
    return _strips(indices[0::2], indices[1::2], both_clear, _numbered)


def describe(source: str, size: tuple[int, int], caption: str | None) -> str:
    """``[image: a cat, PNG file, 640×480]``."""
    parts = [part for part in (caption, source, f"{size[0]}×{size[1]}" if size[0] else "") if part]
    return "[image: " + ", ".join(parts) + "]"


def text_line(text: str, width: int) -> list[Strip]:
    """One line of text (the text tier), cut to ``width``."""
    shown = text if len(text) <= width else text[: max(width - 1, 0)] + "…"
    return [Strip([Segment(shown, Style(italic=True))], len(shown))]
