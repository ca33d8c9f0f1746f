"""``st.progress``: a bar and its text."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["ProgressView"]


class ProgressView(ElementView, Widget):
    kind = "progress"

    DEFAULT_CSS = """
    ProgressView { height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()

    def apply_props(self, props: dict[str, Any]) -> None:
        self.refresh(layout=bool(props.get("text")) != bool(self._previous_text))

    _previous_text: str | None = None

    def render(self) -> Text:
        props = self.element.props
        value = props["value"]
        self._previous_text = props.get("text")
        width = max(self.size.width - 6, 4)
        filled = round(width * value / 100)
        line = Text()
        if props.get("text"):
            line.append(f"{props['text']}\n")
        line.append("█" * filled, style="bold")
        line.append("░" * (width - filled), style="dim")
        line.append(f" {value:>3}%")
        return line

    def get_content_height(self, container, viewport, width: int) -> int:
        return 2 if self.element.props.get("text") else 1
