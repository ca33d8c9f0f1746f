"""The theme of ``.streamlit/config.toml`` (``[theme]``) as a Textual theme.

``base`` picks textual-light or textual-dark to start from; the colours
replace theirs: ``primaryColor`` the accent of widgets and focus,
``backgroundColor`` the screen, ``secondaryBackgroundColor`` widgets and
panels, ``textColor`` text, ``redColor``/``orangeColor``/``greenColor``
errors, warnings and successes. A colour under ``[theme.light]`` or
``[theme.dark]`` wins for that base. With no theme option set, the app keeps
Textual's default theme.
"""

from __future__ import annotations

from dataclasses import replace

from textual.theme import BUILTIN_THEMES, Theme

from termlit.runtime.config import get_option

__all__ = ["THEME_NAME", "config_theme"]

#: The name the configured theme is registered under.
THEME_NAME = "termlit-config"

#: Streamlit's theme option -> the Textual theme colours it sets.
_COLOURS = {
    "primaryColor": ("primary",),
    "backgroundColor": ("background",),
    "secondaryBackgroundColor": ("surface", "panel"),
    "textColor": ("foreground",),
    "redColor": ("error",),
    "orangeColor": ("warning",),
    "greenColor": ("success",),
}


def config_theme() -> Theme | None:
    """The Textual theme the options describe, or None when none is set."""
    base = get_option("theme.base")
    dark = base != "light"
    scheme = "dark" if dark else "light"
    colours: dict[str, str] = {}
    for option, fields in _COLOURS.items():
        value = get_option(f"theme.{scheme}.{option}") or get_option(f"theme.{option}")
        if value:
            colours.update(dict.fromkeys(fields, str(value)))
    if base is None and not colours:
        return None
    start = BUILTIN_THEMES["textual-dark" if dark else "textual-light"]
    return replace(start, name=THEME_NAME, **colours)
