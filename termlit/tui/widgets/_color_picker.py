"""``st.color_picker``: a hex field, a swatch, and a palette for the keyboard."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from termlit.common.colors import normalize_color
from termlit.tui.widgets._field import FieldView, ValueField

__all__ = ["ColorField", "ColorPickerView", "PALETTE"]

#: What ←/→ step through: a spread of hues, then greys.
PALETTE = [
    "#ff4b4b", "#ff8700", "#ffd16a", "#21c354", "#00c0f2", "#1c83e1",
    "#803df5", "#ff2b9d", "#7d353b", "#0e1117", "#808495", "#ffffff",
]


class ColorField(ValueField):
    """The hex code of the colour.

    | Key | Action |
    | --- | --- |
    | ← / → | previous / next colour of the palette (while not typing) |
    | Enter | apply a typed hex code (#rgb or #rrggbb) |
    | Esc | forget what was typed |
    """

    BINDINGS = [
        Binding("left", "palette(-1)", "Prev colour", tooltip="the previous colour of the palette"),
        Binding("right", "palette(1)", "Next colour", tooltip="the next colour of the palette"),
    ]

    def __init__(self, props: dict[str, Any]) -> None:
        super().__init__(props["value"], max_length=7)

    def parse(self, text: str) -> str:
        return normalize_color(text)

    def refusal(self, text: str) -> str:
        return f"'{text}' is not a hex colour (#rgb or #rrggbb); kept {self.committed}."

    def set_props(self, props: dict[str, Any]) -> None:
        self.take(props["value"])

    def action_palette(self, step: int) -> None:
        if self.editing:
            self.step_cursor(step)
            return
        try:
            index = PALETTE.index(self.committed)
        except ValueError:
            index = -1 if step > 0 else 0
        self.commit(PALETTE[(index + step) % len(PALETTE)])


class ColorPickerView(FieldView):
    """The field, a swatch of the colour it shows (as you type) and the palette."""

    DEFAULT_CSS = """
    ColorPickerView > Horizontal { height: 1; width: auto; }
    ColorPickerView .swatch { width: 4; height: 1; margin-right: 1; }
    ColorPickerView ColorField { width: 9; }
    ColorPickerView .palette { width: auto; height: 1; margin-left: 2; }
    """

    def make_control(self, props: dict[str, Any]) -> Horizontal:
        self.swatch = Static("", classes="swatch")
        self.control = ColorField(props)
        self.palette = Static("", classes="palette")
        self.preview(props["value"])
        return Horizontal(self.swatch, self.control, self.palette)

    def preview(self, value: str) -> None:
        self.previewed = value
        self.swatch.styles.background = value
        line = Text()
        for colour in PALETTE:
            line.append("▀" if colour != value else "▣", style=colour)
        self.palette.update(line)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        try:
            colour = normalize_color(event.value)
        except ValueError:
            return
        if colour != self.previewed:
            self.preview(colour)
