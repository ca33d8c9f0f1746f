"""``st.checkbox``."""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.widgets import Checkbox

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._button import apply_wrap

__all__ = ["CheckboxView"]


class CheckboxView(ElementView, Checkbox):
    """A checkbox; Enter or Space toggles it."""

    DEFAULT_CSS = """
    CheckboxView { margin: 0 0 1 0; border: none; padding: 0; }
    CheckboxView:focus { border: none; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        super().__init__(props["label"], bool(props["value"]), disabled=bool(props.get("disabled")), compact=True)
        apply_wrap(self, props.get("wrap"))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.element.props.get("wrap"):  # a wrapped label takes the rows it needs
            return max(1, self.render().get_height(self.styles, width))
        return 1

    def apply_props(self, props: dict[str, Any]) -> None:
        if props["label"] != str(self.label):
            self.label = props["label"]
        self.disabled = bool(props.get("disabled"))
        apply_wrap(self, props.get("wrap"))
        with self.prevent(Checkbox.Changed):
            self.value = bool(props["value"])

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.send(bool(event.value))
