"""``st.slider``: a keyboard slider over ints, floats, dates, times or
datetimes, single or range."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from termlit.common.timefmt import format_moment, from_number, step_number, to_number
from termlit.tui.widgets._field import FieldView, format_number

__all__ = ["SliderControl", "SliderView"]


class SliderControl(Widget, can_focus=True):
    """The track of a slider.

    | Key | Action |
    | --- | --- |
    | ← / → | one step down / up |
    | shift+← / shift+→, PgDn / PgUp | ten steps |
    | Home / End | the minimum / the maximum |
    | Space | switch thumb (range sliders) |
    """

    BINDINGS = [
        Binding("left", "step(-1)", "−", show=True),
        Binding("right", "step(1)", "+", show=True),
        Binding("shift+left,pagedown", "step(-10)", "−10", show=False),
        Binding("shift+right,pageup", "step(10)", "+10", show=False),
        Binding("home", "jump(-1)", "Min", show=False),
        Binding("end", "jump(1)", "Max", show=False),
        Binding("space", "switch_thumb", "Other end", show=False),
    ]

    DEFAULT_CSS = """
    SliderControl { height: 1; width: 1fr; }
    SliderControl:focus { background: $boost; }
    SliderControl > .slider--track { color: $foreground-muted; }
    """

    def __init__(self, view: SliderView, props: dict[str, Any]) -> None:
        super().__init__()
        self.view = view
        self.props = props
        self.values = self._as_list(props["value"])
        self.thumb = 0

    @staticmethod
    def _as_list(value: Any) -> list[Any]:
        return list(value) if isinstance(value, (list, tuple)) else [value]

    def set_props(self, props: dict[str, Any]) -> None:
        self.props = props
        self.values = self._as_list(props["value"])
        self.thumb = min(self.thumb, len(self.values) - 1)
        self.refresh()

    # -- values -----------------------------------------------------------------
    # The track works on numbers; dates, times and datetimes are mapped to days
    # or seconds and back (subclasses map other values, e.g. option indexes).

    @property
    def temporal(self) -> bool:
        return self.props["number_type"] in ("date", "time", "datetime")

    def to_num(self, value: Any) -> float:
        return to_number(value, self.props["number_type"]) if self.temporal else value

    def from_num(self, number: float) -> Any:
        return from_number(number, self.props["number_type"], self.props["min"]) if self.temporal else number

    @property
    def num_step(self) -> float:
        step = self.props["step"]
        return step_number(step, self.props["number_type"]) if self.temporal else step

    def _snap(self, value: float) -> Any:
        low, high = self.to_num(self.props["min"]), self.to_num(self.props["max"])
        step = self.num_step
        value = min(max(value, low), high)
        if self.props["number_type"] == "int":
            return int(round((value - low) / step) * step + low)
        steps = round((value - low) / step)
        snapped = min(max(low + steps * step, low), high)
        if self.temporal:
            return self.from_num(snapped)
        decimals = len(format_number(step, None, "float", step).split(".")[1])
        return round(snapped, decimals + 1)

    def _commit(self, values: list[Any]) -> None:
        if values == self.values:
            return
        self.values = values
        self.refresh()
        if self.props["range"]:
            value = tuple(sorted(values, key=self.to_num))
        else:
            value = values[0]
        self.view.post_value(value)

    def action_step(self, count: int) -> None:
        values = list(self.values)
        values[self.thumb] = self._snap(self.to_num(values[self.thumb]) + count * self.num_step)
        self._commit(values)

    def action_jump(self, direction: int) -> None:
        values = list(self.values)
        values[self.thumb] = self.props["max"] if direction > 0 else self.props["min"]
        self._commit(values)

    def action_switch_thumb(self) -> None:
        if len(self.values) > 1:
            self.thumb = 1 - self.thumb
            self.refresh()

    # -- drawing ----------------------------------------------------------------

    def _text(self, value: Any) -> str:
        p = self.props
        if self.temporal:
            return format_moment(value, p["format"])
        return format_number(value, p.get("format"), p["number_type"], p["step"])

    def render(self) -> Text:
        p = self.props
        label = " – ".join(self._text(v) for v in self.values)
        width = max(self.size.width - len(label) - 2, 4)
        low, high = self.to_num(p["min"]), self.to_num(p["max"])
        span = (high - low) or 1
        cells = [min(int((self.to_num(v) - low) / span * (width - 1) + 0.5), width - 1) for v in self.values]
        text = Text()
        # Draw in runs (a few appends, not one per cell). A single slider is
        # filled up to its thumb; a range slider between its two thumbs.
        single = len(cells) == 1
        position = 0
        for cell in sorted(set(cells)):
            if cell > position:
                filled = single or position > cells[0]
                text.append(("━" if filled else "─") * (cell - position), style="bold" if filled else "dim")
            active = self.has_focus and cells.index(cell) == self.thumb
            text.append("◉" if active else "●", style="bold")
            position = cell + 1
        if position < width:
            text.append("─" * (width - position), style="dim")
        text.append("  ")
        text.append(label, style="bold")
        return text

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class SliderView(FieldView):
    kind = "slider"

    def make_control(self, props: dict[str, Any]) -> SliderControl:
        self.control = SliderControl(self, props)
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.control.set_props(props)
