"""``st.button`` and ``st.form_submit_button``."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["ButtonView", "button_label", "button_variant"]


def button_label(props: dict[str, Any], icon: str | None = None) -> str:
    """The text on a button: its icon (or ``icon`` when it has none), then its label."""
    icon = props.get("icon") or icon
    return f"{icon} {props['label']}" if icon else props["label"]


def button_variant(props: dict[str, Any]) -> str:
    return "primary" if props.get("type") == "primary" else "default"


class ButtonView(ElementView, Button):
    """A button; Enter or Space presses it and the script reruns with it True."""

    DEFAULT_CSS = """
    ButtonView { margin: 0 0 1 0; min-width: 10; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        super().__init__(button_label(props), variant=button_variant(props),
                         disabled=bool(props.get("disabled")), compact=True)

    def apply_props(self, props: dict[str, Any]) -> None:
        label = button_label(props)
        if label != str(self.label):
            self.label = label
        self.variant = button_variant(props)
        self.disabled = bool(props.get("disabled"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.send(True)
