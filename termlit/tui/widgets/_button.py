"""``st.button``."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["ButtonView"]


class ButtonView(ElementView, Button):
    """A button; Enter or Space presses it and the script reruns with it True."""

    kind = "button"

    DEFAULT_CSS = """
    ButtonView { margin: 0 0 1 0; min-width: 10; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        super().__init__(self._label(props), variant=self._variant(props), disabled=bool(props.get("disabled")), compact=True)

    @staticmethod
    def _label(props: dict[str, Any]) -> str:
        icon = props.get("icon")
        return f"{icon} {props['label']}" if icon else props["label"]

    @staticmethod
    def _variant(props: dict[str, Any]) -> str:
        return "primary" if props.get("type") == "primary" else "default"

    def apply_props(self, props: dict[str, Any]) -> None:
        self.label = self._label(props)
        self.variant = self._variant(props)
        self.disabled = bool(props.get("disabled"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_value(True)
