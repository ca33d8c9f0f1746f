"""``st.link_button``: a button that opens its address (the app shows it and
copies it to the clipboard); with ``on_click`` it also reruns the script with
the button True."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._button import apply_wrap, button_label, button_variant, register_shortcut
from termlit.tui.widgets._navigation import OpenLink

__all__ = ["LinkButtonView"]


class LinkButtonView(ElementView, Button):
    """A link as a button: Enter or Space opens it."""

    DEFAULT_CSS = """
    LinkButtonView { margin: 0 0 1 0; min-width: 10; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        super().__init__(button_label(props, icon="↗"), variant=button_variant(props),
                         disabled=bool(props.get("disabled")), compact=True, tooltip=props["url"])
        apply_wrap(self, props.get("wrap"))

    def on_mount(self) -> None:
        register_shortcut(self)

    def apply_props(self, props: dict[str, Any]) -> None:
        self.label = button_label(props, icon="↗")
        self.variant = button_variant(props)
        self.disabled = bool(props.get("disabled"))
        self.tooltip = props["url"]
        apply_wrap(self, props.get("wrap"))
        register_shortcut(self)

    def press_shortcut(self) -> None:
        self.press()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.post_message(OpenLink(self.element.props["url"]))
        if self.element.props.get("widget"):
            self.send(True)
