"""``st.skeleton``: dim shaded rows where content is still loading."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["SkeletonView", "skeleton_text"]


def skeleton_text(rows: int, width: int) -> Text:
    """``rows`` shaded lines ``width`` cells wide, the last one shorter."""
    lines = []
    for i in range(rows):
        cells = width if i < rows - 1 or rows == 1 else max(1, width * 2 // 3)
        lines.append("░" * cells)
    return Text("\n".join(lines), style="dim")


class SkeletonView(ElementView, Static):
    DEFAULT_CSS = """
    SkeletonView { height: auto; margin: 0 0 1 0; color: $foreground 40%; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__("", markup=False)

    def on_resize(self) -> None:
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    def apply_props(self, props: dict[str, Any]) -> None:
        self._draw()

    def _draw(self) -> None:
        props = self.element.props
        width = props.get("columns") or max(1, self.size.width or 20)
        self.update(skeleton_text(int(props.get("rows") or 3), min(width, max(1, self.size.width or width))))
