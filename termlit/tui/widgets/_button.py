"""``st.button`` and ``st.form_submit_button``, and what every kind of button
shares: its label (icon left or right, the shortcut key after it), whether a
long label wraps, and the shortcut that presses it."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button

from termlit.common.icons import icon_glyph
from termlit.common.shortcuts import shortcut_label
from termlit.runtime.tree import Element
from termlit.tui import shortcuts
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._field import form_problems

__all__ = ["ButtonView", "apply_wrap", "button_label", "button_variant", "register_shortcut"]


def button_label(props: dict[str, Any], icon: str | None = None) -> Content:
    """The text on a button: its icon (or ``icon`` when it has none) on the
    side ``icon_position`` says, its label, then its shortcut in brackets
    (plain text: ``[K]`` is no markup)."""
    icon = icon_glyph(props.get("icon")) or icon
    label = str(props["label"])
    if icon:
        label = f"{label} {icon}" if props.get("icon_position") == "right" else f"{icon} {label}"
    key = props.get("shortcut")
    return Content(f"{label} [{shortcut_label(key)}]" if key else label)


def button_variant(props: dict[str, Any]) -> str:
    return "primary" if props.get("type") == "primary" else "default"


def apply_wrap(widget: Widget, wrap: bool | None) -> None:
    """``wrap=True``: a label too long for the row wraps onto more rows (the
    widget grows); False: it stays on one row, cut with an ellipsis; None:
    as the widget draws by default."""
    styles = widget.styles
    if wrap is True:
        styles.text_wrap = "wrap"
        styles.height = "auto"
        styles.max_width = "100%"
    elif wrap is False:
        styles.text_wrap = "nowrap"
        styles.text_overflow = "ellipsis"
        styles.max_width = "100%"


def register_shortcut(view: ElementView) -> None:
    """Bind the view's shortcut key in the app (see :mod:`termlit.tui.shortcuts`)."""
    key = view.element.props.get("shortcut")
    if key:
        shortcuts.register(view.app, key, str(view.element.props["label"]))  # type: ignore[attr-defined]


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
        apply_wrap(self, props.get("wrap"))

    def on_mount(self) -> None:
        register_shortcut(self)

    def apply_props(self, props: dict[str, Any]) -> None:
        label = button_label(props)
        if label.plain != str(self.label):
            self.label = label
        self.variant = button_variant(props)
        self.disabled = bool(props.get("disabled"))
        apply_wrap(self, props.get("wrap"))
        register_shortcut(self)

    def press_shortcut(self) -> None:
        self.press()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.send(True)

    def send(self, value: Any) -> None:
        """Press; a form's submit button first checks the form's fields (Enter
        in a text field of the form comes here too)."""
        form = self.element.props.get("form")
        if self.element.kind == "form_submit_button" and form:
            problems = form_problems(self.screen, form)
            if problems:  # as in Streamlit, the form is not sent until its fields may be
                for view, problem in problems:
                    view.show_note(problem)
                names = ", ".join(str(view.element.props.get("label")) for view, _ in problems)
                self.app.notify(f"Not submitted: check {names}.", severity="warning", timeout=4)
                return
        super().send(value)
