"""``st.number_input``."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from termlit.tui.widgets._field import FieldView, ValueField, format_number

__all__ = ["NumberField", "NumberInputView"]


class NumberField(ValueField):
    """A number box: ←/→ step it, or type a number and press Enter.

    | Key | Action |
    | --- | --- |
    | ← / → | one step down / up (while not typing) |
    | shift+← / shift+→ | ten steps |
    | Enter | apply the typed number |
    | Esc | forget what was typed |
    """

    BINDINGS = [
        Binding("left", "step(-1)", "−", tooltip="one step down (shift: ten)"),
        Binding("right", "step(1)", "+", tooltip="one step up (shift: ten)"),
        Binding("shift+left", "step(-10)", "−10", show=False, tooltip="ten steps down"),
        Binding("shift+right", "step(10)", "+10", show=False, tooltip="ten steps up"),
    ]

    def __init__(self, props: dict[str, Any]) -> None:
        self.props = props
        super().__init__(props.get("value"), placeholder=props.get("placeholder") or "")

    def show(self, value: Any) -> str:
        p = self.props
        return format_number(value, p.get("format"), p["number_type"], p["step"])

    def parse(self, text: str) -> Any:
        return (int if self.props["number_type"] == "int" else float)(text.strip())

    def refusal(self, text: str) -> str:
        kind = "a whole number" if self.props["number_type"] == "int" else "a number"
        return f"'{text}' is not {kind}; kept {self.show(self.committed) or 'empty'}."

    def check(self, value: Any) -> tuple[Any, str | None]:
        low, high = self.props.get("min"), self.props.get("max")
        if low is not None and value < low:
            return low, f"{self.show(value)} is below the minimum; set to {self.show(low)}."
        if high is not None and value > high:
            return high, f"{self.show(value)} is above the maximum; set to {self.show(high)}."
        return value, None

    def set_props(self, props: dict[str, Any]) -> None:
        self.props = props
        self.placeholder = props.get("placeholder") or ""
        self.take(props.get("value"))

    def action_step(self, count: int) -> None:
        if self.editing:  # while typing, arrows move the cursor
            self.step_cursor(count)
            return
        start = self.committed if self.committed is not None else (self.props.get("min") or 0)
        value, note = self.check(start + count * self.props["step"])
        if self.props["number_type"] == "float":
            value = float(self.show(value)) if not self.props.get("format") else round(value, 10)
        self.commit(value, note)


class NumberInputView(FieldView):
    control_class = NumberField
