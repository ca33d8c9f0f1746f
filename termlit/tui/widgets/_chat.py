"""``st.chat_input`` and ``st.chat_message``."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._field import ControlChanged, FieldView

__all__ = ["ChatField", "ChatInputView", "ChatMessageView"]


class ChatField(Input):
    """The message line: type, Enter sends it (the field empties).

    | Key | Action |
    | --- | --- |
    | Enter | send the message |
    | Esc | leave the field (the text stays) |
    """

    BINDINGS = [
        Binding("enter", "send", "Send", tooltip="send the message"),
        Binding("escape", "leave", "Leave field", tooltip="leave the field (the text stays)"),
    ]

    class Sent(ControlChanged):
        """The user sent the message ``value``."""

    def __init__(self, props: dict[str, Any]) -> None:
        super().__init__(
            placeholder=props.get("placeholder") or "Your message",
            max_length=props.get("max_chars") or 0,
            compact=True,
        )

    def set_props(self, props: dict[str, Any]) -> None:
        self.placeholder = props.get("placeholder") or "Your message"
        self.max_length = props.get("max_chars") or 0

    def action_send(self) -> None:
        text = self.value
        if not text.strip():
            return
        self.value = ""
        self.post_message(self.Sent(self, text))

    def action_leave(self) -> None:
        self.screen.focus_next()


class ChatInputView(FieldView):
    """A message line docked at the bottom of its area, as in Streamlit; it
    comes last in the Tab order (see :class:`~termlit.tui.chrome.PageScreen`)."""

    focus_last = True

    DEFAULT_CSS = """
    ChatInputView { dock: bottom; height: auto; margin: 0; padding: 0 0; background: $surface; }
    ChatInputView > Horizontal { height: auto; border: round $foreground 40%; padding: 0 1; }
    ChatInputView:focus-within > Horizontal { border: round $accent; }
    ChatInputView .chat-prompt { width: 2; }
    ChatInputView ChatField { width: 1fr; }
    """

    def make_control(self, props: dict[str, Any]) -> Horizontal:
        self.control = ChatField(props)
        return Horizontal(Static("›", classes="chat-prompt"), self.control)


class ChatMessageView(ElementView, Horizontal):
    """``st.chat_message``: an avatar glyph, and the message's elements beside it."""

    DEFAULT_CSS = """
    ChatMessageView { height: auto; margin: 0 0 1 0; }
    ChatMessageView > .chat-avatar { width: 4; height: 1; text-style: bold; }
    ChatMessageView > .chat-body { height: auto; width: 1fr; }
    ChatMessageView.-user > .chat-body { border-left: outer $accent; padding-left: 1; }
    ChatMessageView.-assistant > .chat-body { border-left: outer $foreground 40%; padding-left: 1; }
    ChatMessageView.-custom > .chat-body { border-left: outer $secondary; padding-left: 1; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        self.avatar = Static(element.props.get("avatar") or "?", classes="chat-avatar", markup=False)
        self.body = Vertical(*children, classes="chat-body")
        super().__init__(self.avatar, self.body)
        self.apply_props(element.props)

    @property
    def child_host(self) -> Widget:
        return self.body

    def apply_props(self, props: dict[str, Any]) -> None:
        self.avatar.update(props.get("avatar") or "?")
        for role in ("user", "assistant", "custom"):
            self.set_class(props.get("role") == role, f"-{role}")
