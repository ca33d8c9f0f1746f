"""Icons as Streamlit takes them (``icon=``, ``page_icon=``, a leading emoji
in a page's file name) and as a terminal shows them.

An icon is an emoji (``"🔥"``), a Material Symbols code
(``":material/home:"``), ``"spinner"``, or nothing (``""``).
:func:`check_icon` checks one the way ``st.Page`` and ``st.page_link`` do;
:func:`split_leading_emoji` takes an emoji off the front of a name
(``"📊_data"`` → ``("📊", "data")``); :func:`icon_glyph` is what a terminal
draws for an icon: the emoji itself, a text glyph for the common Material
names, nothing for the others (never the raw code).

termlit has no emoji catalogue: any non-ASCII text counts as an emoji, and
a symbol character (Unicode category ``So``) with its joiners and modifiers
as a leading one.
"""

from __future__ import annotations

import re
import unicodedata

from termlit.errors import StreamlitAPIException

__all__ = ["check_icon", "icon_glyph", "split_leading_emoji"]

_MATERIAL = re.compile(r":material/([a-z0-9_]+):")
_SHORTCODE = re.compile(r":[\w+-]+:")
_HINT = "Use a single emoji or a Material icon code such as ':material/thumb_up:'."

#: Material Symbols names and the text glyphs that stand for them.
MATERIAL_GLYPHS = {
    "home": "⌂", "house": "⌂", "dashboard": "▦", "grid_view": "▦", "apps": "▦",
    "settings": "⚙", "tune": "⚙", "build": "⚒", "search": "⌕", "info": "ℹ",
    "help": "?", "question_mark": "?", "warning": "⚠", "error": "⚠", "report": "⚠",
    "check": "✓", "check_circle": "✓", "done": "✓", "close": "✕", "cancel": "✕",
    "add": "+", "add_circle": "+", "remove": "−", "edit": "✎", "delete": "✗",
    "favorite": "♥", "star": "★", "grade": "★", "person": "☺", "account_circle": "☺",
    "group": "☺", "people": "☺", "mail": "✉", "email": "✉", "call": "☎", "phone": "☎",
    "schedule": "◷", "history": "↺", "refresh": "↻", "sync": "↻", "calendar_month": "▤",
    "calendar_today": "▤", "event": "▤", "bar_chart": "▥", "insert_chart": "▥",
    "analytics": "▥", "leaderboard": "▥", "show_chart": "↗", "trending_up": "↗",
    "trending_down": "↘", "monitoring": "↗", "table": "▤", "table_chart": "▤",
    "table_view": "▤", "database": "◫", "storage": "◫", "cloud": "☁", "folder": "▭",
    "description": "▤", "article": "▤", "menu_book": "▤", "book": "▤", "code": "‹›",
    "terminal": "›_", "link": "⛓", "open_in_new": "↗", "arrow_forward": "→",
    "arrow_back": "←", "arrow_upward": "↑", "arrow_downward": "↓", "login": "→",
    "logout": "←", "lock": "⚿", "key": "⚿", "bolt": "⚡", "flag": "⚑", "map": "▧",
    "public": "◍", "language": "◍", "palette": "◐", "image": "▨", "photo": "▨",
    "notifications": "♪", "music_note": "♪", "chat": "✉", "forum": "✉", "list": "☰",
    "menu": "☰", "filter_list": "☰", "science": "⚗", "school": "✎", "lightbulb": "☼",
    "wb_sunny": "☼", "rocket_launch": "↑", "speed": "◔", "timer": "◔", "thumb_up": "↑",
    "thumb_down": "↓", "download": "↓", "upload": "↑", "play_arrow": "▶", "pause": "⏸",
    "stop": "■", "circle": "●", "square": "■", "layers": "≋", "widgets": "▣",
    "view_column": "▥", "view_list": "☰", "sell": "◇", "shopping_cart": "⊻",
    "payments": "$", "attach_money": "$", "euro": "€", "savings": "$",
}

#: What an icon of ``"spinner"`` shows where nothing moves.
SPINNER_GLYPH = "⋯"


def check_icon(icon: object, where: str) -> str:
    """``icon`` as ``where`` (``"st.Page"``) keeps it: ``""`` for none, an
    emoji, a ``:material/name:`` code or ``"spinner"``; anything else is an
    error that names ``where``."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise StreamlitAPIException(f"{where}: icon must be a string or None, got {type(icon).__name__}.")
    icon = icon.strip()
    if not icon or icon == "spinner":
        return icon
    if icon.lower().startswith(":material"):
        if not _MATERIAL.fullmatch(icon):
            raise StreamlitAPIException(
                f"{where}: {icon!r} is not a Material icon code. Write the icon's name in "
                "snake case, such as ':material/thumb_up:'."
            )
        return icon
    if _SHORTCODE.fullmatch(icon):
        raise StreamlitAPIException(f"{where}: {icon!r} is an emoji shortcode, which icons do not take. {_HINT}")
    if icon.isascii():
        raise StreamlitAPIException(f"{where}: {icon!r} is not an icon. {_HINT}")
    return icon


def _joins(char: str) -> bool:
    """A character that belongs to the emoji before it: a variation
    selector, a zero-width joiner, a skin tone, a keycap or tag mark."""
    code = ord(char)
    return (
        code in (0xFE0F, 0xFE0E, 0x200D, 0x20E3)
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


def split_leading_emoji(text: str) -> tuple[str, str]:
    """The emoji ``text`` starts with and the rest (without the ``_``, space
    or ``-`` between them); ``("", text)`` when it starts with none."""
    if not text or text.isascii() or unicodedata.category(text[0]) != "So":
        return "", text
    end = 1
    while end < len(text):
        char = text[end]
        if _joins(char):
            end += 1
            if char == "\u200d" and end < len(text):
                end += 1  # the symbol the joiner joins
            continue
        if 0x1F1E6 <= ord(text[end - 1]) <= 0x1F1FF and 0x1F1E6 <= ord(char) <= 0x1F1FF and end == 1:
            end += 1  # a flag: two regional indicators
            continue
        break
    return text[:end], text[end:].lstrip("_ -")


def icon_glyph(icon: str | None) -> str:
    """What a terminal shows for ``icon``: the emoji, a glyph for a Material
    code (nothing for the names without one), ``""`` for none."""
    if not icon:
        return ""
    match = _MATERIAL.fullmatch(icon)
    if match is not None:
        return MATERIAL_GLYPHS.get(match[1], "")
    if icon == "spinner":
        return SPINNER_GLYPH
    return icon
