"""``st.toggle``: an on/off switch with its label beside it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["ToggleView"]


class ToggleView(ElementView, Widget, can_focus=True):
    """A switch drawn as ``○━━ label`` (off) or ``━━● label`` (on).

    | Key | Action |
    | --- | --- |
    | Enter / Space | flip the switch |
    """

    kind = "toggle"

    BINDINGS = [Binding("enter,space", "flip", "Toggle", show=True)]

    DEFAULT_CSS = """
    ToggleView { height: 1; width: auto; margin: 0 0 1 0; }
    ToggleView:focus { background: $boost; }
    ToggleView:focus .toggle--label { text-style: bold; }
    ToggleView:disabled { text-opacity: 60%; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self.value = bool(element.props["value"])
        self.disabled = bool(element.props.get("disabled"))

    def apply_props(self, props: dict[str, Any]) -> None:
        self.value = bool(props["value"])
        self.disabled = bool(props.get("disabled"))
        self.refresh(layout=True)

    def render(self) -> Text:
        props = self.element.props
        text = Text()
        if self.value:
            text.append("━━", style="bold")
            text.append("●", style="bold reverse" if self.has_focus else "bold")
            text.append(" on ", style="bold")
        else:
            text.append("○", style="reverse" if self.has_focus else "")
            text.append("━━", style="dim")
            text.append(" off", style="dim")
        if props.get("label_visibility", "visible") == "visible":
            text.append(" ")
            text.append(props["label"], style="bold" if self.has_focus else "")
        return text

    def action_flip(self) -> None:
        self.value = not self.value
        self.refresh(layout=True)
        self.post_value(self.value)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
