"""``st.color_picker``: a hex field, a swatch, and a palette for the keyboard."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from termlit.common.colors import normalize_color
from termlit.tui.widgets._field import FieldView

__all__ = ["ColorField", "ColorPickerView", "PALETTE"]

#: What ←/→ step through: a spread of hues, then greys.
PALETTE = [
    "#ff4b4b", "#ff8700", "#ffd16a", "#21c354", "#00c0f2", "#1c83e1",
    "#803df5", "#ff2b9d", "#7d353b", "#0e1117", "#808495", "#ffffff",
]


class ColorField(Input):
    """The hex code of the colour.

    | Key | Action |
    | --- | --- |
    | ← / → | previous / next colour of the palette (while not typing) |
    | Enter | apply a typed hex code (#rgb or #rrggbb) |
    | Esc | forget what was typed |
    """

    BINDINGS = [
        Binding("left", "palette(-1)", "Prev colour", show=True),
        Binding("right", "palette(1)", "Next colour", show=True),
        Binding("escape", "revert", "Undo typing", show=False),
    ]

    def __init__(self, view: ColorPickerView, value: str) -> None:
        super().__init__(value=value, max_length=7, compact=True)
        self.view = view
        self.committed = value

    @property
    def editing(self) -> bool:
        return self.value != self.committed

    def set_committed(self, value: str) -> None:
        self.committed = value
        with self.prevent(Input.Changed):
            self.value = value

    def action_palette(self, step: int) -> None:
        if self.editing:
            self.cursor_position = max(0, min(len(self.value), self.cursor_position + step))
            return
        try:
            index = PALETTE.index(self.committed)
        except ValueError:
            index = -1 if step > 0 else 0
        self._commit(PALETTE[(index + step) % len(PALETTE)])

    def action_revert(self) -> None:
        self.view.show_note(None)
        self.set_committed(self.committed)
        self.view.preview(self.committed)

    def _commit(self, value: str) -> None:
        self.view.show_note(None)
        self.set_committed(value)
        self.cursor_position = len(value)
        self.view.preview(value)
        self.view.post_value(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        try:
            self.view.preview(normalize_color(self.value))
        except ValueError:
            pass

    def commit_text(self) -> None:
        if not self.editing:
            return
        try:
            value = normalize_color(self.value)
        except ValueError:
            self.view.show_note(f"'{self.value}' is not a hex colour (#rgb or #rrggbb); kept {self.committed}.")
            self.set_committed(self.committed)
            self.view.preview(self.committed)
            return
        self._commit(value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_text()

    def on_blur(self) -> None:
        self.commit_text()


class ColorPickerView(FieldView):
    kind = "color_picker"

    DEFAULT_CSS = """
    ColorPickerView > Horizontal { height: 1; width: auto; }
    ColorPickerView .swatch { width: 4; height: 1; margin-right: 1; }
    ColorPickerView ColorField { width: 9; }
    ColorPickerView .palette { width: auto; height: 1; margin-left: 2; }
    """

    def make_control(self, props: dict[str, Any]) -> Horizontal:
        value = props["value"]
        self.swatch = Static("", classes="swatch")
        self.control = ColorField(self, value)
        self.palette = Static("", classes="palette")
        self.preview(value)
        return Horizontal(self.swatch, self.control, self.palette)

    def preview(self, value: str) -> None:
        self.swatch.styles.background = value
        line = Text()
        for colour in PALETTE:
            line.append("▀" if colour != value else "▣", style=colour)
        self.palette.update(line)

    def apply_control(self, props: dict[str, Any]) -> None:
        if props["value"] != self.control.committed:
            self.control.set_committed(props["value"])
            self.preview(props["value"])
