"""``st.text_area``: multi-line text."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import TextArea

from termlit.tui.widgets._field import ControlChanged, FieldNote, FieldView

__all__ = ["TextAreaView", "TextBox"]


class TextBox(TextArea):
    """The editing box. Enter starts a new line; the text is applied with
    ctrl+enter, or ctrl+j (what most terminals send for ctrl+enter, and what
    every terminal sends for ctrl+j), with Esc, or when focus leaves the box.

    | Key | Action |
    | --- | --- |
    | ctrl+enter / ctrl+j | apply the text |
    | Esc | apply it and move on |
    | Tab / Shift+Tab | move on (applies it) |
    """

    BINDINGS = [
        Binding("ctrl+enter,ctrl+j", "apply", "Apply", key_display="^j/^⏎", tooltip="apply the text"),
        Binding("escape", "leave", "Leave field", tooltip="apply the text and move on"),
    ]

    DEFAULT_CSS = """
    TextBox { height: auto; min-height: 3; }
    """

    class Committed(ControlChanged):
        """The user applied new text."""

    def __init__(self, props: dict[str, Any]) -> None:
        value = props.get("value")
        super().__init__(
            "" if value is None else str(value),
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            placeholder=props.get("placeholder") or "",
            highlight_cursor_line=False,
        )
        self.committed = value
        self.max_chars = props.get("max_chars")
        self._within_limit = (self.text, (0, 0))
        self._size_rows(props)

    def _size_rows(self, props: dict[str, Any]) -> None:
        rows = props.get("rows", 3)
        if rows:
            self.styles.height = rows
        else:
            self.styles.height = "auto"
            self.styles.max_height = 20

    def set_props(self, props: dict[str, Any]) -> None:
        value = props.get("value")
        self.placeholder = props.get("placeholder") or ""
        self.max_chars = props.get("max_chars")
        self._size_rows(props)
        if value != self.committed:
            self.committed = value
            with self.prevent(TextArea.Changed):
                self.load_text("" if value is None else str(value))
            self._within_limit = (self.text, self.cursor_location)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        limit = self.max_chars
        if limit and len(self.text) > limit:
            # Refuse the edit: go back to the last text within the limit.
            good, cursor = self._within_limit
            with self.prevent(TextArea.Changed):
                self.load_text(good)
                self.move_cursor(cursor)
            self.post_message(FieldNote(f"At most {limit} characters."))
            return
        self._within_limit = (self.text, self.cursor_location)
        if limit:
            self.post_message(FieldNote(None))

    def commit(self) -> None:
        text = self.text
        if text != (self.committed or "") or (self.committed is None and text):
            self.committed = text
            self.post_message(self.Committed(self, text))

    def action_apply(self) -> None:
        self.commit()

    def action_leave(self) -> None:
        self.commit()
        self.screen.focus_next()

    def on_blur(self) -> None:
        self.commit()


class TextAreaView(FieldView):
    control_class = TextBox
