"""A list of options that draws only the lines on screen.

:class:`LazyRows` looks and moves like Textual's ``OptionList`` (the same
``option-list--*`` component classes and CSS), but it holds its options as a
plain sequence and builds a line only when it is drawn: opening, paging and
moving cost the same with 100,000 options as with 10. Each option is one
line (a longer label ends in "…").

:class:`Rows` is a sequence whose items are made on demand
(``Rows(indexes, prompt)``: ``prompt(indexes[i])``), for lists whose rows
are a filtered view of the options.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Padding

from termlit.tui.widgets._safe import UNLAID_PAGE

__all__ = ["LazyRows", "Rows", "as_content"]

#: ``get_content_width`` measures at most this many options (the rest are
#: assumed no wider): a width:auto list stays cheap at any count.
MEASURED = 2000


def as_content(prompt: Any) -> Content:
    """A prompt (str, rich Text or Content) as Content; a str is plain text
    (no markup), on one line."""
    if isinstance(prompt, Content):
        content = prompt
    elif isinstance(prompt, Text):
        content = Content.from_rich_text(prompt)
    else:
        content = Content(str(prompt))
    if "\n" in content.plain:
        content = Content(content.plain.replace("\n", " "))
    return content


class Rows(Sequence):
    """``prompt(indexes[i])`` for each ``i``, made when asked for."""

    def __init__(self, indexes: Sequence[int], prompt: Callable[[int], Any]) -> None:
        self.indexes = indexes
        self.prompt = prompt

    def __len__(self) -> int:
        return len(self.indexes)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self.prompt(x) for x in self.indexes[i]]
        return self.prompt(self.indexes[i])


class LazyRows(ScrollView, can_focus=True):
    """Options, one per line, drawn only where they are on screen.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | previous / next option |
    | PgUp / PgDn | a screen up / down |
    | Home / End | first / last option |
    | Enter | choose the highlighted option |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "option-list--option",
        "option-list--option-disabled",
        "option-list--option-highlighted",
        "option-list--option-hover",
    }

    # The look of Textual's OptionList (8.2), so that both read the same.
    DEFAULT_CSS = """
    LazyRows {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        &.-textual-compact {
            border: none !important;
            padding: 0;
            & > .option-list--option { padding: 0; }
        }
        & > .option-list--option-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .option-list--option-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .option-list--option-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .option-list--option-disabled { color: $text-disabled; }
        & > .option-list--option-hover { background: $block-hover-background; }
    }
    """

    class Highlighted(Message):
        """The highlight moved to option ``index``."""

        def __init__(self, rows: LazyRows, index: int) -> None:
            super().__init__()
            self.rows = rows
            self.index = index

        @property
        def control(self) -> LazyRows:
            return self.rows

    class Selected(Highlighted):
        """The user chose option ``index`` (Enter or a click)."""

    highlighted: reactive[int | None] = reactive(None)
    compact = reactive(False, toggle_class="-textual-compact")
    _hover: reactive[int | None] = reactive(None)

    def __init__(self, prompts: Sequence[Any] = (), *, disabled_rows: frozenset[int] = frozenset(),
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._prompts: Sequence[Any] = prompts
        self._disabled_rows = disabled_rows
        self._sync_size()

    # -- options ----------------------------------------------------------------

    @property
    def option_count(self) -> int:
        return len(self._prompts)

    @property
    def prompts(self) -> Sequence[Any]:
        return self._prompts

    def set_rows(self, prompts: Sequence[Any], *, disabled_rows: frozenset[int] = frozenset(),
                 highlighted: int | None = None) -> None:
        """New options (the highlight goes to ``highlighted``)."""
        self._prompts = prompts
        self._disabled_rows = disabled_rows
        self._sync_size()
        self.set_reactive(LazyRows.highlighted, None)
        self.highlighted = highlighted
        if highlighted is None:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh(layout=True)

    def refresh_row(self, index: int) -> None:
        """Draw option ``index`` again (its prompt changed)."""
        y = index - int(self.scroll_offset.y)
        if 0 <= y < self.size.height:
            self.refresh_line(index)

    def _sync_size(self) -> None:
        width = max(self.scrollable_content_region.width, 1) if self.is_mounted else 1
        self.virtual_size = Size(width, len(self._prompts))

    def on_resize(self) -> None:
        self._sync_size()
        self.scroll_to_highlight()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        prompts = self._prompts
        if not prompts:
            return 0
        count = len(prompts)
        sample = range(min(count, MEASURED))
        widest = max(as_content(prompts[i]).cell_length for i in sample)
        padding = self.get_component_styles("option-list--option").padding
        return widest + padding.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._prompts)

    # -- drawing -----------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if row >= len(self._prompts):
            return Strip.blank(width, self.get_visual_style("option-list--option").rich_style)
        if row in self._disabled_rows:
            style = self.get_visual_style("option-list--option", "option-list--option-disabled")
        elif row == self.highlighted:
            style = self.get_visual_style("option-list--option", "option-list--option-highlighted")
        elif row == self._hover:
            style = self.get_visual_style("option-list--option", "option-list--option-hover")
        else:
            style = self.get_visual_style("option-list--option")
        padding = self.get_component_styles("option-list--option").padding
        room = max(width - padding.width, 1)
        content = as_content(self._prompts[row])
        if content.cell_length > room:
            content = content.truncate(room, ellipsis=True)
        visual = Padding(content, padding) if padding else content
        strips = visual.to_strips(self, visual, width, None, style)
        strip = strips[0] if strips else Strip.blank(width)
        return strip.extend_cell_length(width, style.rich_style).crop(0, width).apply_meta({"option": row})

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for row in (old, new):
            if row is not None:
                self.refresh_row(row)
        if new is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, new))

    def watch__hover(self, old: int | None, new: int | None) -> None:
        for row in (old, new):
            if row is not None:
                self.refresh_row(row)

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self._prompts:
            return None
        return min(max(value, 0), len(self._prompts) - 1)

    def scroll_to_highlight(self) -> None:
        if self.highlighted is None or not self.is_mounted:
            return
        if self.scrollable_content_region.height <= 0:
            return
        self.scroll_to_region(Region(0, self.highlighted, 1, 1), force=True, animate=False, immediate=True)

    # -- moving -------------------------------------------------------------------

    def _enabled_from(self, start: int, step: int) -> int | None:
        """The first enabled option from ``start`` on, ``step`` by ``step``."""
        count = len(self._prompts)
        row = start
        while 0 <= row < count:
            if row not in self._disabled_rows:
                return row
            row += step
        return None

    def _move_to(self, row: int, step: int) -> None:
        found = self._enabled_from(min(max(row, 0), len(self._prompts) - 1), step)
        if found is None:
            found = self._enabled_from(min(max(row, 0), len(self._prompts) - 1), -step)
        if found is not None:
            self.highlighted = found

    def action_cursor_down(self) -> None:
        if self._prompts:
            at = self.highlighted
            if at is None:
                self._move_to(0, 1)
            else:
                found = self._enabled_from(at + 1, 1)
                self.highlighted = found if found is not None else self._enabled_from(0, 1)

    def action_cursor_up(self) -> None:
        if self._prompts:
            at = self.highlighted
            if at is None:
                self._move_to(len(self._prompts) - 1, -1)
            else:
                found = self._enabled_from(at - 1, -1)
                self.highlighted = found if found is not None else self._enabled_from(len(self._prompts) - 1, -1)

    def action_first(self) -> None:
        if self._prompts:
            self._move_to(0, 1)

    def action_last(self) -> None:
        if self._prompts:
            self._move_to(len(self._prompts) - 1, -1)

    def _page(self, direction: int) -> None:
        if not self._prompts:
            return
        if self.highlighted is None:
            self.action_last() if direction > 0 else self.action_first()
            return
        height = self.scrollable_content_region.height
        self._move_to(self.highlighted + direction * (height if height > 0 else UNLAID_PAGE), direction)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        at = self.highlighted
        if at is not None and at not in self._disabled_rows:
            self.post_message(self.Selected(self, at))

    # -- mouse ----------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("option")
        if row is not None and row not in self._disabled_rows:
            self.highlighted = row
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = event.style.meta.get("option")

    def _on_leave(self, _: events.Leave) -> None:
        self._hover = None

