"""The one module that touches plotext's private parts.

plotext's public functions draw on one module-level figure that every
thread would share, so termlit draws each chart on a figure of its own,
made from plotext's (private) figure class; and it draws a scatter's cells
straight from plotext's (private) braille table. Both live here, behind
:func:`new_figure` and :func:`braille_chars`; ``tests/test_charts.py`` pins
what they promise, so a plotext release that moves them fails there first.
The figure itself is used through its public drawing methods only
(``plotsize``, ``scatter``, ``plot``, ``bar``, ``xlim``, ``build``...).
"""

from __future__ import annotations

from typing import Any

__all__ = ["DOTS_X", "DOTS_Y", "braille_chars", "new_figure", "plotext_problem"]

#: Braille: 2 dots across and 4 down per cell.
DOTS_X, DOTS_Y = 2, 4

_BRAILLE: list[str] = []


def plotext_problem() -> str | None:
    """Why charts cannot be drawn here, or None when they can."""
    try:
        import plotext
    except ImportError:
        return "Charts need plotext: pip install 'plotext>=5.3,<6'."
    version = getattr(plotext, "__version__", "5")
    if not str(version).startswith("5."):
        return f"termlit draws charts with plotext 5; this is plotext {version}: pip install 'plotext>=5.3,<6'."
    return None


def new_figure(width: int, height: int) -> Any:
    """A figure of its own, ``width`` x ``height`` cells, no colours of its
    theme, not limited to the terminal's size."""
    from plotext._figure import _figure_class

    figure = _figure_class()
    figure._limit_size(False, False)
    figure.plotsize(width, height)
    figure.theme("clear")
    return figure


def braille_chars() -> list[str]:
    """The character for each of the 256 patterns of a cell's dots, as
    plotext draws them: bit ``k`` is dot ``k`` counting rows from the top,
    two dots a row (bit 0 top left, bit 1 top right, ... bit 7 bottom
    right); no dot at all is a space."""
    if not _BRAILLE:
        from plotext._utility import braille_codes

        by_bits = {}
        for code, char in braille_codes.items():
            by_bits[sum(1 << k for k, on in enumerate(code) if on)] = char
        _BRAILLE.extend(by_bits.get(b, " ") for b in range(256))
    return _BRAILLE
