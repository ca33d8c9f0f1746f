"""``st.progress``: a bar and its text."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.images.render import PIXELS_PER_CELL
from termlit.tui.widgets._base import ElementView

__all__ = ["ProgressBar", "ProgressView"]


class ProgressBar:
    """``██████░░░░  60%``, under the bar's text when it has one."""

    def __init__(self, percent: int, text: str | None = None, cells: int | None = None) -> None:
        self.percent = percent
        self.text = text
        #: At most this many cells wide (``width=`` in pixels); None: all the room.
        self.cells = cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width if self.cells is None else min(self.cells, options.max_width)
        yield self.line(width)

    def line(self, width: int) -> Text:
        bar = max(width - 6, 4)
        filled = round(bar * self.percent / 100)
        line = Text()
        if self.text:
            line.append(f"{self.text}\n")
        line.append("█" * filled, style="bold")
        line.append("░" * (bar - filled), style="dim")
        line.append(f" {self.percent:>3}%")
        return line


class ProgressView(ElementView, Widget):
    DEFAULT_CSS = """
    ProgressView { height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self.lines = self._lines(element.props)

    @staticmethod
    def _lines(props: dict[str, Any]) -> int:
        return 2 if props.get("text") else 1

    def apply_props(self, props: dict[str, Any]) -> None:
        lines = self._lines(props)
        self.refresh(layout=lines != self.lines)
        self.lines = lines

    def render(self) -> ProgressBar:
        props = self.element.props
        width = props.get("width")
        cells = max(width // PIXELS_PER_CELL, 10) if isinstance(width, int) else None
        return ProgressBar(props["value"], props.get("text"), cells)

    def get_content_height(self, container, viewport, width: int) -> int:
        return self.lines
