"""``st.toggle``: an on/off switch with its label beside it."""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._button import apply_wrap

__all__ = ["Switch", "ToggleView"]


class Switch:
    """``○━━ off Label`` or ``━━● on  Label``; the knob is reversed while
    the switch has focus, and the label is left out when hidden."""

    def __init__(self, on: bool, label: str | None, focused: bool = False, wrap: bool | None = None) -> None:
        self.on = on
        self.label = label
        self.focused = focused
        #: False: the label stays on one row, cut with an ellipsis.
        self.wrap = wrap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text()

    def text(self) -> Text:
        text = Text()
        if self.on:
            text.append("━━", style="bold")
            text.append("●", style="bold reverse" if self.focused else "bold")
            text.append(" on ", style="bold")
        else:
            text.append("○", style="reverse" if self.focused else "")
            text.append("━━", style="dim")
            text.append(" off", style="dim")
        if self.label is not None:
            text.append(" ")
            text.append(self.label, style="bold" if self.focused else "")
        if self.wrap is False:
            text.no_wrap, text.overflow = True, "ellipsis"
        return text


class ToggleView(ElementView, Widget, can_focus=True):
    """A switch, drawn by :class:`Switch`.

    | Key | Action |
    | --- | --- |
    | Enter / Space | flip the switch |
    """

    BINDINGS = [Binding("enter,space", "flip", "Toggle", tooltip="flip the switch")]

    DEFAULT_CSS = """
    ToggleView { height: 1; width: auto; margin: 0 0 1 0; }
    ToggleView:focus { background: $boost; }
    ToggleView:disabled { text-opacity: 60%; }
    """

    value: reactive[bool] = reactive(False, layout=True)

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self.value = bool(element.props["value"])
        self.disabled = bool(element.props.get("disabled"))
        self.label = self._label(element.props)
        apply_wrap(self, element.props.get("wrap"))

    def apply_props(self, props: dict[str, Any]) -> None:
        self.value = bool(props["value"])
        self.disabled = bool(props.get("disabled"))
        label = self._label(props)
        if label != self.label:
            self.label = label
            self.refresh(layout=True)

    @staticmethod
    def _label(props: dict[str, Any]) -> str | None:
        return props["label"] if props.get("label_visibility", "visible") == "visible" else None

    def render(self) -> Switch:
        return Switch(self.value, self.label, self.has_focus, self.element.props.get("wrap"))

    def action_flip(self) -> None:
        self.value = not self.value
        self.send(self.value)
