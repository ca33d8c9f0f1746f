"""Colour values as ``st.color_picker`` takes and returns them."""

from __future__ import annotations

from typing import Any

__all__ = ["normalize_color"]

_HEX = "0123456789abcdef"


def normalize_color(value: Any) -> str:
    """'#rgb' or '#rrggbb' (any case) -> '#rrggbb'; anything else raises ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a string")
    text = value.strip().lower()
    if not text.startswith("#"):
        text = "#" + text
    digits = text[1:]
    if len(digits) == 3 and all(c in _HEX for c in digits):
        return "#" + "".join(c * 2 for c in digits)
    if len(digits) == 6 and all(c in _HEX for c in digits):
        return text
    raise ValueError(f"{value!r} is not a hex colour")
