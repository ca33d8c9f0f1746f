"""A row or column of options picked with the keyboard.

:class:`OptionsControl` is the one control behind ``st.radio``, ``st.pills``,
``st.segmented_control`` and ``st.feedback``: a cursor that ←/→ (↑/↓) move
and Enter/Space that pick. It only draws text styles (bold, reverse, dim), so
it reads the same in 16 colours and with ``NO_COLOR``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget

__all__ = ["OptionsControl"]


class OptionsControl(Widget, can_focus=True):
    """Options with a cursor.

    | Key | Action |
    | --- | --- |
    | ← / → , ↑ / ↓ | move the cursor |
    | Home / End | first / last option |
    | Enter / Space | pick the option under the cursor (multi: add or remove it) |

    ``style`` says how options look: ``"radio"`` (one per line, or in a row
    with ``horizontal``), ``"pills"``, ``"segments"``, or ``"feedback"``.
    ``owner.choose(index)`` is called when an option is picked.
    """

    BINDINGS = [
        Binding("left,up", "move(-1)", "Prev", show=True),
        Binding("right,down", "move(1)", "Next", show=True),
        Binding("home", "edge(-1)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter,space", "pick", "Pick", show=True),
    ]

    DEFAULT_CSS = """
    OptionsControl { height: auto; width: 1fr; }
    OptionsControl:focus { background: $boost; }
    """

    def __init__(self, owner: Any, *, style: str, labels: list[str], selected: set[int],
                 captions: list[str] | None = None, horizontal: bool = False) -> None:
        super().__init__()
        self.owner = owner
        self.style_name = style
        self.labels = labels
        self.selected = selected
        self.captions = captions
        self.horizontal = horizontal
        self.cursor = min(selected) if selected else 0

    def set_options(self, labels: list[str], selected: set[int], captions: list[str] | None = None,
                    horizontal: bool = False) -> None:
        resized = labels != self.labels or captions != self.captions or horizontal != self.horizontal
        self.labels, self.selected, self.captions, self.horizontal = labels, selected, captions, horizontal
        self.cursor = min(self.cursor, max(len(labels) - 1, 0))
        self.refresh(layout=resized)

    # -- actions ------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.labels:
            self.cursor = (self.cursor + step) % len(self.labels)
            self.refresh()

    def action_edge(self, direction: int) -> None:
        if self.labels:
            self.cursor = len(self.labels) - 1 if direction > 0 else 0
            self.refresh()

    def action_pick(self) -> None:
        if self.labels:
            self.owner.choose(self.cursor)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- drawing ------------------------------------------------------------------

    def _item(self, i: int) -> Text:
        label = self.labels[i]
        on = i in self.selected
        style = self.style_name
        if style == "radio":
            text = Text("◉ " if on else "○ ", style="bold" if on else "")
            text.append(label, style="bold" if on else "")
            if self.horizontal and self.captions and self.captions[i]:
                text.append(f" ({self.captions[i]})", style="dim")
        elif style == "pills":
            text = Text("[", style="dim")
            text.append(f"✓ {label}" if on else f" {label} ", style="bold" if on else "")
            text.append("]", style="dim")
        elif style == "segments":
            text = Text(f" ✓ {label} " if on else f"  {label}  ", style="bold" if on else "")
        else:  # feedback: the glyph only
            text = Text(label, style="bold" if on else "dim")
        if self.has_focus and i == self.cursor:
            text.stylize("reverse")
        return text

    def lines(self, width: int) -> list[Text]:
        if not self.labels:
            return [Text("No options to select.", style="dim italic")]
        width = max(width, 8)
        if self.style_name == "radio" and not self.horizontal:
            out = []
            for i in range(len(self.labels)):
                line = self._item(i)
                if self.has_focus and i == self.cursor:
                    line = Text("› ", style="bold") + line
                else:
                    line = Text("  ") + line
                out.append(line)
                if self.captions and self.captions[i]:
                    out.append(Text("    " + self.captions[i], style="dim"))
            return out
        gap = {"segments": "│", "feedback": "  "}.get(self.style_name, "  ")
        out = [Text()]
        for i in range(len(self.labels)):
            item = self._item(i)
            line = out[-1]
            extra = (len(gap) if line.cell_len else 0) + item.cell_len
            if line.cell_len and line.cell_len + extra > width:
                out.append(Text())
                line = out[-1]
            if line.cell_len:
                line.append(gap, style="dim")
            line.append_text(item)
        if self.style_name == "segments":
            out = [Text("│", style="dim") + line + Text("│", style="dim") for line in out]
        return out

    def render(self) -> Text:
        return Text("\n").join(self.lines(self.content_size.width or 80))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))
