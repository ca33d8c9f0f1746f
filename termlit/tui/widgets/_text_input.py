"""``st.text_input``."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from termlit.tui.widgets._field import FieldView

__all__ = ["TextInputView", "TextField"]


class TextField(Input):
    """The text box. The value is sent on Enter or when focus leaves it.

    | Key | Action |
    | --- | --- |
    | Enter | apply the text |
    | Esc | apply it and move on |
    """

    BINDINGS = [Binding("escape", "leave", "Leave field", show=True)]

    def __init__(self, view: FieldView, props: dict[str, Any]) -> None:
        value = props.get("value")
        super().__init__(
            value="" if value is None else str(value),
            placeholder=props.get("placeholder") or "",
            password=props.get("type") == "password",
            max_length=props.get("max_chars") or 0,
            compact=True,
        )
        self.view = view
        self.committed = value

    def set_props(self, props: dict[str, Any]) -> None:
        value = props.get("value")
        self.password = props.get("type") == "password"
        self.placeholder = props.get("placeholder") or ""
        self.max_length = props.get("max_chars") or 0
        if value != self.committed:
            self.committed = value
            with self.prevent(Input.Changed):
                self.value = "" if value is None else str(value)

    def commit(self) -> None:
        if self.value != (self.committed or "") or (self.committed is None and self.value):
            self.committed = self.value
            self.view.post_value(self.value)

    def action_leave(self) -> None:
        self.commit()
        self.screen.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit()
        if self.view.element.props.get("form"):
            from termlit.tui.widgets._containers import FormView

            for node in self.ancestors:
                if isinstance(node, FormView):
                    node.submit_from_enter()
                    break

    def on_blur(self) -> None:
        self.commit()


class TextInputView(FieldView):
    kind = "text_input"

    def make_control(self, props: dict[str, Any]) -> TextField:
        self.control = TextField(self, props)
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.control.set_props(props)
