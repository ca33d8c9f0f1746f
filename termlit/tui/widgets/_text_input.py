"""``st.text_input``."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Input

from termlit.tui.widgets._field import FieldEntered, FieldView, ValueField

__all__ = ["TextField", "TextInputView"]


class TextField(ValueField):
    """The text box. The value is sent on Enter or when focus leaves it, and
    with ``live`` also after a pause in typing (outside forms); in a form,
    Enter also submits the form (unless it says otherwise).

    | Key | Action |
    | --- | --- |
    | Enter | apply the text |
    | Esc | apply it and move on |
    """

    BINDINGS = [Binding("escape", "leave", "Leave field", tooltip="apply the text and move on")]

    def __init__(self, props: dict[str, Any]) -> None:
        self.live: float | None = None if props.get("form") else props.get("live")
        self._pause: Timer | None = None
        super().__init__(
            props.get("value"),
            placeholder=props.get("placeholder") or "",
            password=props.get("type") == "password",
            max_length=props.get("max_chars") or 0,
        )

    def set_props(self, props: dict[str, Any]) -> None:
        self.password = props.get("type") == "password"
        self.placeholder = props.get("placeholder") or ""
        self.max_length = props.get("max_chars") or 0
        self.live = None if props.get("form") else props.get("live")
        self.take(props.get("value"))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Live fields commit once typing pauses for ``live`` seconds."""
        if self.live is None or not self.editing:
            return
        if self._pause is not None:
            self._pause.stop()
        if self.live <= 0:
            self.commit_text()
        else:
            self._pause = self.set_timer(self.live, self.commit_text)

    def action_leave(self) -> None:
        self.commit_text()
        self.screen.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_text()
        self.post_message(FieldEntered())


class TextInputView(FieldView):
    control_class = TextField
