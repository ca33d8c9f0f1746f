"""Real pixels: the kitty graphics protocol and sixel graphics.

**kitty.** The picture is sent once as PNG (``a=T``, chunks of 4096 base64
bytes, ``q=2`` so the terminal does not answer) with a *virtual* placement
(``U=1``) of ``c`` columns by ``r`` rows. The cells then hold Unicode
placeholders (U+10EEEE) whose foreground colour is the image id and whose
combining marks give the row and column of each cell in the picture: to the
screen they are plain text, so the picture scrolls, clips and redraws with
the page like any other cells.

**sixel.** The picture, reduced to at most 256 colours (Pillow's quantizer,
dithered), becomes bands of six pixel rows; in each band every colour is one
pass of characters (``?`` + the six bits), runs of four or more written as
``!count``. The widget writes it as a control segment at its own top-left
corner.
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any

import numpy as np
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

__all__ = ["PLACEHOLDER", "kitty_delete", "kitty_placeholders", "kitty_transmit", "sixel"]

PLACEHOLDER = "\U0010eeee"

#: The combining marks that number rows and columns (the first entries of
#: the kitty protocol's table).
_MARKS = [chr(c) for c in (
    0x0305, 0x030D, 0x030E, 0x0310, 0x0312, 0x033D, 0x033E, 0x033F, 0x0346, 0x034A, 0x034B, 0x034C, 0x0350,
    0x0351, 0x0352, 0x0357, 0x035B, 0x0363, 0x0364, 0x0365, 0x0366, 0x0367, 0x0368, 0x0369, 0x036A, 0x036B,
    0x036C, 0x036D, 0x036E, 0x036F, 0x0483, 0x0484, 0x0485, 0x0486, 0x0487, 0x0592, 0x0593, 0x0594, 0x0595,
    0x0597, 0x0598, 0x0599, 0x059C, 0x059D, 0x059E, 0x059F, 0x05A0, 0x05A1, 0x05A8, 0x05A9, 0x05AB, 0x05AC,
    0x05AF, 0x05C4, 0x0610, 0x0611, 0x0612, 0x0613, 0x0614, 0x0615, 0x0616, 0x0617, 0x0657, 0x0658, 0x0659,
    0x065A, 0x065B, 0x065D, 0x065E, 0x06D6, 0x06D7, 0x06D8, 0x06D9, 0x06DA, 0x06DB, 0x06DC, 0x06DF, 0x06E0,
    0x06E1, 0x06E2, 0x06E4, 0x06E7, 0x06E8, 0x06EB, 0x06EC, 0x0730, 0x0732, 0x0733, 0x0735, 0x0736, 0x073A,
    0x073D, 0x073F, 0x0740, 0x0741, 0x0743, 0x0745, 0x0747, 0x0749, 0x074A, 0x07EB, 0x07EC, 0x07ED, 0x07EE,
    0x07EF, 0x07F0, 0x07F1, 0x07F3, 0x0816, 0x0817, 0x0818, 0x0819, 0x081B, 0x081C, 0x081D, 0x081E, 0x081F,
    0x0820, 0x0821, 0x0822, 0x0823, 0x0825, 0x0826, 0x0827, 0x0829, 0x082A, 0x082B, 0x082C, 0x082D,
)]
#: The largest picture, in rows or columns, the placeholders can number.
MAX_SPAN = len(_MARKS)

_CHUNK = 4096


def kitty_transmit(image: Any, image_id: int, cols: int, rows: int) -> str:
    """The escape sequences that send ``image`` and place it virtually."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    payload = base64.standard_b64encode(buffer.getvalue()).decode("ascii")
    chunks = [payload[i : i + _CHUNK] for i in range(0, len(payload), _CHUNK)] or [""]
    parts = []
    for index, chunk in enumerate(chunks):
        more = 1 if index < len(chunks) - 1 else 0
        if index == 0:
            head = f"a=T,U=1,f=100,t=d,i={image_id},c={cols},r={rows},q=2,m={more}"
        else:
            head = f"m={more}"
        parts.append(f"\x1b_G{head};{chunk}\x1b\\")
    return "".join(parts)


def kitty_delete(image_id: int) -> str:
    """Forget the image (and its placements) in the terminal."""
    return f"\x1b_Ga=d,d=I,i={image_id},q=2\x1b\\"


def kitty_placeholders(image_id: int, cols: int, rows: int) -> list[Strip]:
    """The placeholder cells for a placed image: the id is the 24-bit
    foreground colour, each row's first cell names its row and column 0, and
    the cells after it follow on (the terminal counts the columns)."""
    cols, rows = min(cols, MAX_SPAN), min(rows, MAX_SPAN)
    style = Style(color=Color.from_rgb((image_id >> 16) & 0xFF, (image_id >> 8) & 0xFF, image_id & 0xFF))
    strips = []
    for row in range(rows):
        text = PLACEHOLDER + _MARKS[row] + _MARKS[0] + PLACEHOLDER * (cols - 1)
        strips.append(Strip([Segment(text, style)], cols))
    return strips


def sixel(image: Any, background: tuple[int, int, int]) -> str:
    """``image`` (RGBA) as one sixel sequence, transparent pixels blended
    over ``background``."""
    from PIL import Image  # lazy: Pillow loads with the first picture

    rgb = Image.new("RGB", image.size, background)
    rgb.paste(image, mask=image.getchannel("A"))
    quantized = rgb.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG)
    indices = np.asarray(quantized, dtype=np.int16)
    palette = np.array(quantized.getpalette()[: 3 * 256], dtype=np.int32).reshape(-1, 3)
    height, width = indices.shape
    used = np.unique(indices)
    out = [f'\x1bPq"1;1;{width};{height}']
    for color in used.tolist():
        r, g, b = (palette[color] * 100 + 127) // 255
        out.append(f"#{color};2;{r};{g};{b}")
    columns = np.arange(width)
    for top in range(0, height, 6):
        band = indices[top : top + 6]
        bits = np.zeros((256, width), dtype=np.uint8)
        for row in range(band.shape[0]):
            bits[band[row], columns] |= np.uint8(1 << row)
        passes = []
        for color in np.unique(band).tolist():
            passes.append(f"#{color}" + _run_length((bits[color] + 63).tobytes().decode("ascii")))
        out.append("$".join(passes) + "-")
    out.append("\x1b\\")
    return "".join(out)


_RUN = re.compile(r"(.)\1{3,}")


def _run_length(text: str) -> str:
    """Runs of four or more equal characters as ``!count`` + the character."""
    return _RUN.sub(lambda run: f"!{len(run.group(0))}{run.group(1)}", text)
