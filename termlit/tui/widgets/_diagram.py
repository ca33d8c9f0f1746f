"""``st.graphviz_chart`` and ``st.mermaid_chart``: a graph drawn with
box-drawing characters (scrolls sideways when wider than the page), or
Graphviz's own picture on terminals that show real pixels."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._image import PictureCanvas, graphics_of

__all__ = ["DiagramView", "diagram_text"]

_STYLES = {"box": "bold #4fa3ff", "label": "bold", "edge": "#9a9a9a", "arrow": "bold #c0c0c0", "text": "italic #c8a040"}


def diagram_text(rows: list[list[tuple[str, str]]]) -> Text:
    """The drawn cells as styled text."""
    text = Text(no_wrap=True, end="")
    for index, row in enumerate(rows):
        if index:
            text.append("\n")
        line = "".join(ch for ch, _ in row).rstrip()
        for ch, kind in row[: len(line)]:
            text.append(ch, _STYLES.get(kind))
    return text


class DiagramView(ElementView, ScrollableContainer, can_focus=True):
    """A diagram; ← / → scroll a wide one."""

    DEFAULT_CSS = """
    DiagramView { height: auto; max-height: 40; overflow-x: auto; overflow-y: auto; margin: 0 0 1 0; }
    DiagramView > Static { width: auto; }
    DiagramView > PictureCanvas { width: 100%; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()

    def _uses_picture(self, props: dict[str, Any]) -> bool:
        return props.get("picture") is not None and graphics_of(self.app).tier.pixels

    def compose(self) -> ComposeResult:
        props = self.element.props
        if self._uses_picture(props):
            yield PictureCanvas([props["picture"]], width=props.get("width", "content"))
        else:
            yield Static(diagram_text(props["rows"]))

    def apply_props(self, props: dict[str, Any]) -> None:
        self.refresh(recompose=True)

    def redraw(self) -> None:
        """The session's tier changed: the picture or the drawing."""
        self.refresh(recompose=True)
