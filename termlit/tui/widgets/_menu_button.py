"""``st.menu_button``: a button that opens a list of options; picking one
reruns the script with it. The list draws only the options on screen
(:class:`~termlit.tui.widgets._lazy_options.LazyRows`)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._button import apply_wrap, button_label, button_variant
from termlit.tui.widgets._lazy_options import LazyRows
from termlit.tui.widgets._safe import SafeModalScreen, open_window

__all__ = ["MenuButtonView", "MenuPicker"]


class MenuPicker(SafeModalScreen[int | None]):
    """The open menu: ↑/↓ move, Enter picks, Esc closes without a pick.

    | Key | Action |
    | --- | --- |
    | Esc | close the menu |
    """

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", tooltip="close the menu")]

    DEFAULT_CSS = """
    MenuPicker { align: center middle; }
    MenuPicker > LazyRows {
        width: auto; min-width: 24; max-width: 80%; height: auto; max-height: 80%; border: round $accent;
    }
    """

    def __init__(self, title: str, labels: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.labels = labels

    def compose(self) -> ComposeResult:
        options = LazyRows(self.labels)
        options.border_title = self.title_text
        yield options

    def on_mount(self) -> None:
        options = self.query_one(LazyRows)
        options.highlighted = 0
        options.focus()

    def on_lazy_rows_selected(self, event: LazyRows.Selected) -> None:
        event.stop()
        self.dismiss(event.index)


class MenuButtonView(ElementView, Button):
    """Enter or Space opens the menu; the label stays as it is."""

    DEFAULT_CSS = """
    MenuButtonView { margin: 0 0 1 0; min-width: 10; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        super().__init__(self._label(props), variant=button_variant(props),
                         disabled=bool(props.get("disabled")), compact=True)
        apply_wrap(self, props.get("wrap"))

    @staticmethod
    def _label(props: dict[str, Any]) -> Content:
        return Content(f"{button_label(props).plain} ▾")

    def apply_props(self, props: dict[str, Any]) -> None:
        self.label = self._label(props)
        self.variant = button_variant(props)
        self.disabled = bool(props.get("disabled"))
        apply_wrap(self, props.get("wrap"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        props = self.element.props

        def picked(index: int | None) -> None:
            self.focus()
            if index is not None:
                self.send(props["options"][index])

        open_window(self, MenuPicker(str(props["label"]), list(props["labels"])), picked)
