"""``st.number_input``."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from termlit.tui.widgets._field import FieldView, format_number

__all__ = ["NumberField", "NumberInputView"]


class NumberField(Input):
    """A number box: ←/→ step it, or type a number and press Enter.

    | Key | Action |
    | --- | --- |
    | ← / → | one step down / up (while not typing) |
    | shift+← / shift+→ | ten steps |
    | Enter | apply the typed number |
    | Esc | forget what was typed |
    """

    BINDINGS = [
        Binding("left", "step(-1)", "−", show=True),
        Binding("right", "step(1)", "+", show=True),
        Binding("shift+left", "step(-10)", "−10", show=False),
        Binding("shift+right", "step(10)", "+10", show=False),
        Binding("escape", "revert", "Undo typing", show=False),
    ]

    def __init__(self, view: NumberInputView, props: dict[str, Any]) -> None:
        self.view = view
        self.props = props
        self.committed = props.get("value")
        super().__init__(value=self._show(self.committed), placeholder=props.get("placeholder") or "", compact=True)

    def _show(self, value: Any) -> str:
        p = self.props
        return format_number(value, p.get("format"), p["number_type"], p["step"])

    @property
    def editing(self) -> bool:
        return self.value != self._show(self.committed)

    def set_props(self, props: dict[str, Any]) -> None:
        self.props = props
        value = props.get("value")
        if value != self.committed or not self.editing:
            self.committed = value
            with self.prevent(Input.Changed):
                self.value = self._show(value)

    def _clamp(self, value: Any) -> tuple[Any, str | None]:
        low, high = self.props.get("min"), self.props.get("max")
        if low is not None and value < low:
            return low, f"{self._show(value)} is below the minimum; set to {self._show(low)}."
        if high is not None and value > high:
            return high, f"{self._show(value)} is above the maximum; set to {self._show(high)}."
        return value, None

    def _commit(self, value: Any, note: str | None = None) -> None:
        self.view.show_note(note)
        with self.prevent(Input.Changed):
            self.value = self._show(value)
        self.cursor_position = len(self.value)
        if value != self.committed:
            self.committed = value
            self.view.post_value(value)

    def action_step(self, count: int) -> None:
        if self.editing:  # while typing, arrows move the cursor
            if count in (-1, 1):
                self.cursor_position = max(0, min(len(self.value), self.cursor_position + count))
            return
        start = self.committed if self.committed is not None else (self.props.get("min") or 0)
        value, note = self._clamp(start + count * self.props["step"])
        if self.props["number_type"] == "float":
            value = float(self._show(value)) if not self.props.get("format") else round(value, 10)
        self._commit(value, None if note is None else note)

    def action_revert(self) -> None:
        self.view.show_note(None)
        with self.prevent(Input.Changed):
            self.value = self._show(self.committed)

    def commit_text(self) -> None:
        text = self.value.strip()
        if not self.editing:
            return
        if text == "" and self.committed is None:
            return
        caster = int if self.props["number_type"] == "int" else float
        try:
            value = caster(text)
        except ValueError:
            kind = "a whole number" if caster is int else "a number"
            self.view.show_note(f"'{text}' is not {kind}; kept {self._show(self.committed) or 'empty'}.")
            with self.prevent(Input.Changed):
                self.value = self._show(self.committed)
            return
        value, note = self._clamp(value)
        self._commit(value, note)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_text()

    def on_blur(self) -> None:
        self.commit_text()


class NumberInputView(FieldView):
    kind = "number_input"

    def make_control(self, props: dict[str, Any]) -> NumberField:
        self.control = NumberField(self, props)
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.control.set_props(props)
