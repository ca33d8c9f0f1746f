"""``st.chat_input`` and ``st.chat_message``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.message import Message
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._field import ControlChanged, FieldView
from termlit.tui.widgets._file_uploader import FilePicker
from termlit.tui.widgets._safe import open_window

__all__ = ["ChatField", "ChatInputView", "ChatMessageView"]


class AttachNote(Message):
    """The files attached to the message changed; ``text`` names them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class ChatField(Input):
    """The message line: type, Enter sends it (the field empties). With
    ``accept_file``, ctrl+o attaches files to the message.

    | Key | Action |
    | --- | --- |
    | Enter | send the message |
    | ctrl+o | attach files (``accept_file``) |
    | Esc | leave the field (the text stays) |
    """

    BINDINGS = [
        Binding("enter", "send", "Send", tooltip="send the message"),
        Binding("ctrl+o", "attach", "Attach", tooltip="attach files to the message"),
        Binding("escape", "leave", "Leave field", tooltip="leave the field (the text stays)"),
    ]

    class Sent(ControlChanged):
        """The user sent the message ``value``."""

    def __init__(self, props: dict[str, Any]) -> None:
        self.props = props
        #: Paths attached to the next message.
        self.attached: list[str] = []
        super().__init__(
            placeholder=props.get("placeholder") or "Your message",
            max_length=props.get("max_chars") or 0,
            compact=True,
        )

    def set_props(self, props: dict[str, Any]) -> None:
        self.props = props
        self.placeholder = props.get("placeholder") or "Your message"
        self.max_length = props.get("max_chars") or 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "attach":
            return bool(self.props.get("accept_file"))
        return True

    def action_send(self) -> None:
        text = self.value
        if not text.strip() and not self.attached:
            return
        self.value = ""
        if self.props.get("accept_file"):
            files, self.attached = self.attached, []
            self.post_message(AttachNote(""))
            self.post_message(self.Sent(self, {"text": text, "files": files}))
        else:
            self.post_message(self.Sent(self, text))

    def action_attach(self) -> None:
        if not self.props.get("accept_file"):
            return
        multi = self.props["accept_file"] == "multiple"
        picker = FilePicker("Attach to the message", self.props.get("types"), multi, 200 * 1024 * 1024)

        def picked(paths: list[Path] | None) -> None:
            self.focus()
            if not paths:
                return
            self.attached = [*self.attached, *map(str, paths)] if multi else [str(paths[0])]
            self.post_message(AttachNote("📎 " + ", ".join(Path(p).name for p in self.attached)))

        open_window(self, picker, picked)

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
    ChatInputView .chat-attached { width: auto; max-width: 40%; color: $text-muted; }
    """

    def make_control(self, props: dict[str, Any]) -> Horizontal:
        self.control = ChatField(props)
        self.attach_note = Static("", classes="chat-attached", markup=False)
        return Horizontal(Static("›", classes="chat-prompt"), self.control, self.attach_note)

    def on_attach_note(self, message: AttachNote) -> None:
        message.stop()
        self.attach_note.update(message.text)


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
