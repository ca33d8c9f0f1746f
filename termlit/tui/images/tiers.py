"""Which kind of picture a terminal gets: the tiers, best first, and the rule
that picks one for a session.

=========== ==========================================================
``kitty``   real pixels through the kitty graphics protocol (Unicode
            placeholders, so the pictures move with the text)
``sixel``   real pixels as sixel graphics
``blocks``  half-block cells ("▀"), two pixels a cell, in true colour
``256``     half-block cells in the 256-colour palette, dithered
``16``      half-block cells in the 16 ANSI colours, dithered
``text``    a line naming the picture (``NO_COLOR``, monochrome)
=========== ==========================================================

The terminal's own answers (see :mod:`.probe`) decide between the pixel
tiers; the colour depth Textual found decides between the cell tiers.
``TERMLIT_IMAGES`` (or the app's ``images=`` setting) overrides the choice
for terminals that answer wrongly. Inside tmux, whose default configuration
passes neither protocol through, pictures are cells. A headless app
(snapshots, tests) always gets ``blocks``, so its screens are the same
everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum

__all__ = ["Graphics", "Tier", "choose_tier", "tier_override"]


class Tier(str, Enum):
    KITTY = "kitty"
    SIXEL = "sixel"
    BLOCKS = "blocks"
    BLOCKS_256 = "256"
    BLOCKS_16 = "16"
    TEXT = "text"

    @property
    def pixels(self) -> bool:
        """True for the tiers that draw real pixels."""
        return self in (Tier.KITTY, Tier.SIXEL)


#: Words ``TERMLIT_IMAGES`` takes besides the tier names.
_ALIASES = {"halfblock": Tier.BLOCKS, "half-block": Tier.BLOCKS, "truecolor": Tier.BLOCKS, "none": Tier.TEXT}


def tier_override(value: str | None = None) -> Tier | None:
    """The tier the user asked for (the argument, else ``TERMLIT_IMAGES``);
    None for "auto", unset or a word that is not a tier."""
    text = (value if value is not None else os.environ.get("TERMLIT_IMAGES", "")).strip().lower()
    if not text or text == "auto":
        return None
    if text in _ALIASES:
        return _ALIASES[text]
    try:
        return Tier(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Graphics:
    """What one session's terminal gets: its tier, and the size in pixels of
    one of its cells (for the pixel tiers)."""

    tier: Tier = Tier.BLOCKS
    cell_width: int = 10
    cell_height: int = 20

    @property
    def cell_aspect(self) -> float:
        """Height over width of a cell."""
        return self.cell_height / max(self.cell_width, 1)


def choose_tier(
    *,
    kitty: bool,
    sixel: bool,
    color_system: str | None,
    no_color: bool,
    in_tmux: bool,
    override: Tier | None = None,
) -> Tier:
    """The best tier the terminal supports (see the module docstring)."""
    if override is not None:
        return override
    if no_color or color_system is None:
        return Tier.TEXT
    if not in_tmux:
        if kitty:
            return Tier.KITTY
        if sixel:
            return Tier.SIXEL
    if color_system == "truecolor":
        return Tier.BLOCKS
    if color_system == "256":
        return Tier.BLOCKS_256
    return Tier.BLOCKS_16
