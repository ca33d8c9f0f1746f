"""``@st.dialog``: a fragment shown in a modal window, centred, or as a
full-height drawer on the left or right (``position=``)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget

from termlit.tui.widgets._safe import SafeModalScreen
from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["DialogScreen", "DialogView", "title_text"]

_WIDTHS = {"small": 50, "medium": 70, "large": 90}


def title_text(props: dict[str, Any]) -> str:
    """The dialog's title, after its icon if it has one."""
    icon = props.get("icon")
    return f"{icon} {props['title']}" if icon else props["title"]


class _Body(VerticalScroll, can_focus=False):
    """The dialog's contents (focus goes to its widgets, not to it)."""


class DialogScreen(SafeModalScreen[None]):
    """The window of a dialog. Esc closes it when the dialog is dismissible.

    | Key | Action |
    | --- | --- |
    | Esc | close the dialog |
    """

    BINDINGS = [Binding("escape", "close", "Close")]
    #: The first widget of the dialog has focus when it opens.
    AUTO_FOCUS = "*"

    DEFAULT_CSS = """
    DialogScreen { align: center middle; }
    DialogScreen > _Body {
        height: auto; max-height: 90%; border: round $accent; padding: 0 1;
        background: $surface;
    }
    DialogScreen.-left { align: left top; }
    DialogScreen.-right { align: right top; }
    DialogScreen.-left > _Body, DialogScreen.-right > _Body { height: 100%; max-height: 100%; }
    """

    def __init__(self, view: DialogView, children: list[Widget]) -> None:
        super().__init__()
        self.view = view
        self.body = _Body(*children)

    def compose(self) -> ComposeResult:
        props = self.view.element.props
        self.body.border_title = title_text(props)
        self.body.styles.width = f"{_WIDTHS.get(props.get('width'), 50)}%"
        position = props.get("position", "center")
        self.set_class(position == "left", "-left")
        self.set_class(position == "right", "-right")
        yield self.body

    def action_close(self) -> None:
        if self.view.element.props.get("dismissible", True):
            self.dismiss()


class DialogView(ElementView, Widget):
    """Holds the dialog's place in the page; its contents live in the window."""

    DEFAULT_CSS = """
    DialogView { display: none; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__()
        self.screen_window = DialogScreen(self, children)

    @property
    def child_host(self) -> Widget:
        return self.screen_window.body

    def on_mount(self) -> None:
        self.app.push_screen(self.screen_window)

    def on_unmount(self) -> None:
        if self.screen_window.is_attached and self.app.screen is self.screen_window:
            self.screen_window.dismiss()

    def apply_props(self, props: dict[str, Any]) -> None:
        self.screen_window.body.border_title = title_text(props)
