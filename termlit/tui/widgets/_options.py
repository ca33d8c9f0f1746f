"""A row or column of options picked with the keyboard.

:class:`OptionsControl` is the one control behind ``st.radio``, ``st.pills``,
``st.segmented_control`` and ``st.feedback``: a cursor that ←/→ (↑/↓) move
and Enter/Space that pick. It draws with text styles only (bold, reverse,
dim), so it reads the same in 16 colours and with ``NO_COLOR``.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from termlit.tui.widgets._field import ControlMessage

__all__ = ["OptionItems", "OptionsControl"]

_GAPS = {"segments": "│"}

#: A vertical radio with more options than this shows a window of
#: :data:`WINDOW` of them around the cursor (with how many more there are
#: above and below), and a row (a horizontal radio, pills, segments) shows
#: the page of :data:`ROW_WINDOW` options the cursor is on, with
#: ``‹ n more`` / ``n more ›`` at its ends: drawing stays as cheap at
#: 100,000 options as at 20.
WINDOW_FROM = 50
WINDOW = 15
ROW_WINDOW = 20


class OptionItems:
    """Options drawn in one of a few styles: ``"radio"`` (one per line, or
    in a row with ``horizontal``), ``"pills"``, ``"segments"``,
    ``"feedback"`` (the glyphs only) or ``"stars"`` (☆, ★ when picked).
    Options in a row wrap to the width they are given. A long list shows a
    window of its options (see :data:`WINDOW_FROM`).

    ``cursor`` is the option under the cursor (None when the control does
    not have focus).
    """

    def __init__(self, style: str, labels: list[str], selected: frozenset[int], cursor: int | None,
                 captions: list[str] | None = None, horizontal: bool = False) -> None:
        self.style = style
        self.labels = labels
        self.selected = selected
        self.cursor = cursor
        self.captions = captions
        self.horizontal = horizontal

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n").join(self.lines(options.max_width))

    def _item(self, i: int) -> Text:
        label = self.labels[i]
        on = i in self.selected
        style = self.style
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
        elif style == "stars":
            text = Text("★" if on else label, style="bold" if on else "dim")
        else:  # feedback: the glyph only
            text = Text(label, style="bold" if on else "dim")
        if i == self.cursor:
            text.stylize("reverse")
        return text

    @property
    def anchor(self) -> int:
        """The option the window is around: the cursor, else the first picked."""
        return self.cursor if self.cursor is not None else (min(self.selected) if self.selected else 0)

    def row_window(self) -> tuple[int, int]:
        """The options ``[first, last)`` a row draws."""
        count = len(self.labels)
        if count <= WINDOW_FROM:
            return 0, count
        first = self.anchor // ROW_WINDOW * ROW_WINDOW
        return first, min(first + ROW_WINDOW, count)

    def lines(self, width: int) -> list[Text]:
        if not self.labels:
            return [Text("No options to select.", style="dim italic")]
        width = max(width, 8)
        if self.style == "radio" and not self.horizontal:
            out = []
            count = len(self.labels)
            first, last = 0, count
            if count > WINDOW_FROM:  # draw only a window of the options, around the cursor
                anchor = self.anchor
                first = min(max(anchor - WINDOW // 2, 0), count - WINDOW)
                last = first + WINDOW
                out.append(Text(f"  ↑ {first:,} more" if first else "", style="dim"))
            for i in range(first, last):
                mark = Text("› ", style="bold") if i == self.cursor else Text("  ")
                line = mark + self._item(i)
                out.append(line)
                if self.captions and self.captions[i]:
                    out.append(Text("    " + self.captions[i], style="dim"))
            if count > WINDOW_FROM:
                more = count - last
                out.append(Text(f"  ↓ {more:,} more (Home/End: first/last)" if more else "", style="dim"))
            return out
        gap = _GAPS.get(self.style, "  ")
        out = [Text()]
        first, last = self.row_window()
        items = [self._item(i) for i in range(first, last)]
        if first:
            items.insert(0, Text(f"‹ {first:,} more", style="dim"))
        if last < len(self.labels):
            items.append(Text(f"{len(self.labels) - last:,} more ›", style="dim"))
        for item in items:
            line = out[-1]
            extra = (cell_len(gap) if line.cell_len else 0) + item.cell_len
            if line.cell_len and line.cell_len + extra > width:
                out.append(Text())
                line = out[-1]
            if line.cell_len:
                line.append(gap, style="dim")
            line.append_text(item)
        if self.style == "segments":
            out = [Text("│", style="dim") + line + Text("│", style="dim") for line in out]
        return out


class OptionsControl(Widget, can_focus=True):
    """Options with a cursor; the view that holds it decides what a pick does
    (set ``selected`` to show the outcome).

    | Key | Action |
    | --- | --- |
    | ← / → , ↑ / ↓ | move the cursor |
    | Home / End | first / last option |
    | Enter / Space | pick the option under the cursor (multi: add or remove it) |
    """

    BINDINGS = [
        Binding("left,up", "move(-1)", "Prev", tooltip="the previous option"),
        Binding("right,down", "move(1)", "Next", tooltip="the next option"),
        Binding("home", "edge(-1)", "First", show=False, tooltip="the first option"),
        Binding("end", "edge(1)", "Last", show=False, tooltip="the last option"),
        Binding("enter,space", "pick", "Pick", tooltip="pick the option (again: unpick it)"),
    ]

    DEFAULT_CSS = """
    OptionsControl { height: auto; width: 1fr; }
    OptionsControl:focus { background: $boost; }
    """

    class Picked(ControlMessage):
        """The user picked the option at ``index``."""

        def __init__(self, control: OptionsControl, index: int) -> None:
            super().__init__(control)
            self.index = index

    selected: reactive[frozenset[int]] = reactive(frozenset())
    cursor: reactive[int] = reactive(0)

    def __init__(self, *, style: str, labels: list[str], selected: set[int],
                 captions: list[str] | None = None, horizontal: bool = False) -> None:
        super().__init__()
        self.style_name = style
        self.labels = labels
        self.captions = captions
        self.horizontal = horizontal
        self.selected = frozenset(selected)
        self.cursor = min(selected) if selected else 0

    def set_options(self, labels: list[str], selected: set[int], captions: list[str] | None = None,
                    horizontal: bool = False) -> None:
        """New options from a run: repaints only what changed."""
        if labels != self.labels or captions != self.captions or horizontal != self.horizontal:
            self.labels, self.captions, self.horizontal = labels, captions, horizontal
            self.refresh(layout=True)
        self.selected = frozenset(selected)
        self.cursor = min(self.cursor, max(len(labels) - 1, 0))

    def watch_cursor(self, old: int, new: int) -> None:
        if len(self.labels) > WINDOW_FROM and old // ROW_WINDOW != new // ROW_WINDOW:
            self.refresh(layout=True)  # a row shows another page of options

    def watch_selected(self) -> None:
        if len(self.labels) > WINDOW_FROM and not self.has_focus:
            self.refresh(layout=True)  # the window is around the picked option

    def on_focus(self) -> None:
        if len(self.labels) > WINDOW_FROM:
            self.refresh(layout=True)  # the window follows the cursor now

    def on_blur(self) -> None:
        if len(self.labels) > WINDOW_FROM:
            self.refresh(layout=True)  # and the picked option again

    def action_move(self, step: int) -> None:
        if self.labels:
            self.cursor = (self.cursor + step) % len(self.labels)

    def action_edge(self, direction: int) -> None:
        if self.labels:
            self.cursor = len(self.labels) - 1 if direction > 0 else 0

    def action_pick(self) -> None:
        if self.labels:
            self.post_message(self.Picked(self, self.cursor))

    def items(self) -> OptionItems:
        return OptionItems(self.style_name, self.labels, self.selected, self.cursor if self.has_focus else None,
                           self.captions, self.horizontal)

    def render(self) -> OptionItems:
        return self.items()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.items().lines(width))
