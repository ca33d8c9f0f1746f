"""Markdown for the terminal, fast where it can be.

Most ``st.markdown`` / ``st.write`` bodies are one paragraph with inline
marks (``**bold**``, ``*italic*``, ```code```, links, Streamlit's
``:red[colour spans]``, ``:emoji:`` shortcodes). Those become a
:class:`rich.text.Text` directly, which renders many times faster than a full
Markdown document. Bodies with block structure (headings, lists, quotes,
code fences, tables, several paragraphs) go to :class:`rich.markdown.Markdown`.
Results are cached by body, so a rerun that shows the same text pays nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.console import RenderableType
from rich.emoji import Emoji
from rich.markdown import Markdown
from rich.style import Style
from rich.text import Text

__all__ = ["render_markdown", "inline_text", "COLORS"]

#: Streamlit's colour names and the terminal colours that stand for them.
COLORS = {
    "red": "red",
    "orange": "dark_orange",
    "yellow": "yellow",
    "green": "green",
    "blue": "blue",
    "violet": "magenta",
    "gray": "grey50",
    "grey": "grey50",
    "primary": "bright_red",
}
_RAINBOW = ["red", "dark_orange", "yellow", "green", "blue", "magenta"]

_BLOCK = re.compile(
    r"^(?:\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|~~~|\|)|\s{4,}\S|\s*$)|^\s*[-*_]{3,}\s*$",
    re.MULTILINE,
)

_COLOR_NAMES = "|".join(sorted({*COLORS, "rainbow"}, key=len, reverse=True))
_INLINE = re.compile(
    r"(?P<code>`+)(?P<code_body>.+?)(?P=code)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|__(?P<bold2>.+?)__"
    r"|~~(?P<strike>.+?)~~"
    r"|\*(?P<ital>[^*\s](?:.*?[^*\s])?)\*"
    r"|(?<!\w)_(?P<ital2>[^_\s](?:.*?[^_\s])?)_(?!\w)"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<link_url>[^)\s]+)\)"
    rf"|:(?P<color>{_COLOR_NAMES})(?P<bg>-background|-badge)?\[(?P<color_body>(?:\\.|[^\]\\])*)\]"
    r"|\\(?P<escaped>[\\`*_{}\[\]()#+\-.!:~|])"
)


def _plain(text: str, out: Text, style: Style | str | None) -> None:
    if ":" in text:
        text = Emoji.replace(text)
    out.append(text, style=style)


def _inline(source: str, out: Text, style: Style | str | None = None) -> None:
    position = 0
    for match in _INLINE.finditer(source):
        if match.start() > position:
            _plain(source[position : match.start()], out, style)
        position = match.end()
        group = match.lastgroup
        if match["code"] is not None:
            out.append(match["code_body"].strip(), style=_join(style, "bold cyan"))
        elif match["bold"] is not None or match["bold2"] is not None:
            _inline(match["bold"] or match["bold2"], out, _join(style, "bold"))
        elif match["strike"] is not None:
            _inline(match["strike"], out, _join(style, "strike"))
        elif match["ital"] is not None or match["ital2"] is not None:
            _inline(match["ital"] or match["ital2"], out, _join(style, "italic"))
        elif match["link_text"] is not None:
            _inline(match["link_text"], out, _join(style, "underline blue"))
        elif match["color"] is not None:
            name, body = match["color"], match["color_body"]
            if name == "rainbow":
                piece = Text()
                _inline(body, piece, style)
                for i in range(len(piece)):
                    piece.stylize(_RAINBOW[i % len(_RAINBOW)], i, i + 1)
                out.append_text(piece)
            else:
                colour = COLORS[name]
                extra = f"on {colour}" if match["bg"] else colour
                _inline(body, out, _join(style, extra))
        elif group == "escaped":
            out.append(match["escaped"], style=style)
    if position < len(source):
        _plain(source[position:], out, style)


def _join(style: Style | str | None, extra: str) -> str:
    return f"{style} {extra}" if style else extra


@lru_cache(maxsize=4096)
def inline_text(body: str) -> Text:
    """A one-paragraph Markdown body as styled Text. As in Markdown, a single
    line break is a space; a line ending in two spaces or a backslash breaks."""
    out = Text()
    lines = body.split("\n")
    for i, line in enumerate(lines):
        hard = line.endswith("  ") or line.endswith("\\")
        _inline(line.rstrip().rstrip("\\"), out)
        if i < len(lines) - 1:
            out.append("\n" if hard else " ")
    return out


@lru_cache(maxsize=1024)
def _document(body: str) -> Markdown:
    return Markdown(_colour_spans_to_plain(body), code_theme="ansi_dark", hyperlinks=False)


def _colour_spans_to_plain(body: str) -> str:
    # Rich's Markdown does not know :red[...] spans; keep their text.
    return re.sub(rf":(?:{_COLOR_NAMES})(?:-background|-badge)?\[((?:\\.|[^\]\\])*)\]", r"\1", body)


def render_markdown(body: str) -> RenderableType:
    """The renderable for a Markdown body (inline fast path when possible)."""
    stripped = body.strip("\n")
    if not _BLOCK.search(stripped):
        return inline_text(stripped)
    return _document(body)
