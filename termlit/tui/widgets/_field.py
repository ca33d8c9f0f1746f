"""A labelled field: the label line, the control, and a note line."""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["FieldView", "format_number"]


def format_number(value: Any, fmt: str | None, number_type: str, step: Any = None) -> str:
    """Show a number the way ``format`` (printf style, e.g. "%.2f") asks."""
    if value is None:
        return ""
    if fmt:
        try:
            return fmt % value
        except (TypeError, ValueError):
            pass
    if number_type == "int":
        return str(int(value))
    decimals = 2
    if step is not None:
        text = repr(float(step))
        decimals = int(text.split("e-")[1]) if "e-" in text else len(text.split(".")[1].rstrip("0"))
    return f"{float(value):.{max(decimals, 1)}f}"


class FieldView(ElementView, Vertical):
    """Base of widgets drawn as a label above a control."""

    DEFAULT_CSS = """
    FieldView { height: auto; margin: 0 0 1 0; }
    FieldView > .field-label { color: $text; }
    FieldView:focus-within > .field-label { color: $accent; text-style: bold; }
    FieldView > .field-label.-collapsed { display: none; }
    FieldView > .field-label.-hidden { visibility: hidden; }
    FieldView > .field-note { color: $warning; display: none; }
    FieldView > .field-note.-shown { display: block; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        self.label_widget = Static(element.props.get("label", ""), classes="field-label", markup=False)
        self.note_widget = Static("", classes="field-note", markup=False)
        super().__init__(self.label_widget, self.make_control(element.props), self.note_widget)
        self._apply_label(element.props)

    def make_control(self, props: dict[str, Any]):
        raise NotImplementedError

    def _apply_label(self, props: dict[str, Any]) -> None:
        visibility = props.get("label_visibility", "visible")
        self.label_widget.set_class(visibility == "collapsed", "-collapsed")
        self.label_widget.set_class(visibility == "hidden", "-hidden")
        label = props.get("label", "")
        if label != getattr(self, "_label_text", None):
            self._label_text = label
            self.label_widget.update(label)
        self.disabled = bool(props.get("disabled"))

    def apply_props(self, props: dict[str, Any]) -> None:
        self._apply_label(props)
        self.apply_control(props)

    def apply_control(self, props: dict[str, Any]) -> None:
        """Show new props on the control; override."""

    def show_note(self, text: str | None) -> None:
        self.note_widget.update(text or "")
        self.note_widget.set_class(bool(text), "-shown")
