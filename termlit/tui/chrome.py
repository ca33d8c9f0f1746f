"""The parts of the app's screen around the elements: the page screen (and
its Tab order), the main area and the sidebar, the top bar, the help line,
and the messages the app passes itself."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from termlit.tui.widgets._base import ElementView

__all__ = ["ActionDone", "Area", "FilesChanged", "HelpLine", "PageScreen", "RunUpdate", "TopBar"]


class RunUpdate(Message):
    """The runner has something new to show (posted from its thread)."""


class ActionDone(Message):
    """Posted to the widget a key's action ran on, after the action: it
    reaches the app behind the messages the action made that widget post."""


class FilesChanged(Message):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names


class Area(VerticalScroll, can_focus=False):
    """The main area or the sidebar: the roots the reconciler fills.
    ``name`` heads its keys (scrolling) in the key help; a ``header`` (the
    sidebar's page menu) stays above the elements."""

    def __init__(self, *, id: str, name: str, header: Widget | None = None) -> None:
        super().__init__(id=id, name=name)
        self.views: list[Any] = []
        self._header = header
        self._host: Widget = self if header is None else Vertical(classes="area-views")

    def compose(self) -> ComposeResult:
        if self._header is not None:
            yield self._header
            yield self._host

    @property
    def child_host(self) -> Widget:
        return self._host


class TopBar(Static):
    """App name on the left, run state on the right."""

    DEFAULT_CSS = """
    TopBar { dock: top; height: 1; background: $panel; color: $text; padding: 0 1; }
    """


class HelpLine(Static):
    """The help text of the focused widget."""

    DEFAULT_CSS = """
    HelpLine { height: auto; max-height: 3; color: $text-muted; padding: 0 1; display: none; }
    HelpLine.-shown { display: block; }
    """


def _focus_last(widget: Widget) -> bool:
    for node in widget.ancestors_with_self:
        if isinstance(node, ElementView):
            return node.focus_last
    return False


class PageScreen(Screen[None], inherit_bindings=False):
    """The page: the sidebar and the main area.

    Tab moves through the widgets in page order; a widget docked at the
    bottom (the chat input) comes last, as it does on the page."""

    #: Textual repaints the whole screen when the focus moves (``focused``
    #: repaints); the widgets whose look depends on the focus repaint
    #: themselves, so a Tab redraws those lines only (a few hundred bytes
    #: over SSH instead of the whole screen).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    BINDINGS = [
        Binding("tab", "app.focus_next", "Next", show=False, tooltip="the next widget"),
        Binding("shift+tab", "app.focus_previous", "Previous", show=False, tooltip="the previous widget"),
    ]

    @property
    def focus_chain(self) -> list[Widget]:
        chain = super().focus_chain
        last = [widget for widget in chain if _focus_last(widget)]
        return [widget for widget in chain if widget not in last] + last if last else chain
