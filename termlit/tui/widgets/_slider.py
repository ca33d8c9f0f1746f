"""``st.slider``: a keyboard slider over ints, floats, dates, times or
datetimes, single or range."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from termlit.common.timefmt import format_moment, from_number, step_number, to_number
from termlit.common.values import safe_equal
from termlit.tui.widgets._field import ControlChanged, FieldView, format_number

__all__ = ["SliderControl", "SliderTrack", "SliderView"]

#: The props a track is drawn from, besides its value.
_TRACK_PROPS = ("min", "max", "step", "format", "number_type", "options", "labels")


class SliderTrack:
    """A slider's track: ``━━━◉──── 55``. A single slider is filled up to its
    thumb, a range between its two thumbs; the value text follows the track.

    ``positions`` are the thumbs' places from 0 (the minimum) to 1; the thumb
    ``active`` (when not None) is drawn as the one the keys move.
    """

    def __init__(self, positions: list[float], label: str, active: int | None = None) -> None:
        self.positions = positions
        self.label = label
        self.active = active

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.line(options.max_width)

    def line(self, width: int) -> Text:
        track = max(width - cell_len(self.label) - 2, 4)
        cells = [min(int(min(max(p, 0.0), 1.0) * (track - 1) + 0.5), track - 1) for p in self.positions]
        text = Text(no_wrap=True, overflow="crop")
        # Drawn in runs (a few appends, not one per cell).
        single = len(cells) == 1
        position = 0
        for cell in sorted(set(cells)):
            if cell > position:
                filled = single or position > cells[0]
                text.append(("━" if filled else "─") * (cell - position), style="bold" if filled else "dim")
            text.append("◉" if cells.index(cell) == self.active else "●", style="bold")
            position = cell + 1
        if position < track:
            text.append("─" * (track - position), style="dim")
        text.append("  ")
        text.append(self.label, style="bold")
        return text


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
        Binding("left", "step(-1)", "−", tooltip="one step down (shift: ten)"),
        Binding("right", "step(1)", "+", tooltip="one step up (shift: ten)"),
        Binding("shift+left,pagedown", "step(-10)", "−10", show=False, tooltip="ten steps down"),
        Binding("shift+right,pageup", "step(10)", "+10", show=False, tooltip="ten steps up"),
        Binding("home", "jump(-1)", "Min", show=False, tooltip="the minimum"),
        Binding("end", "jump(1)", "Max", show=False, tooltip="the maximum"),
        Binding("space", "switch_thumb", "Other end", show=False, tooltip="the other thumb (range)"),
    ]

    DEFAULT_CSS = """
    SliderControl { height: 1; width: 1fr; }
    SliderControl:focus { background: $boost; }
    """

    class Changed(ControlChanged):
        """The user moved a thumb; ``value`` is the slider's value (for a
        range, the pair in order)."""

    #: Where the thumbs are: one value, or two for a range.
    value: reactive[tuple[Any, ...]] = reactive(())
    #: The thumb the keys move.
    thumb: reactive[int] = reactive(0)

    def __init__(self, props: dict[str, Any]) -> None:
        super().__init__()
        self.props = props
        self.value = self._thumbs(props["value"])

    @staticmethod
    def _thumbs(value: Any) -> tuple[Any, ...]:
        return tuple(value) if isinstance(value, (list, tuple)) else (value,)

    def set_props(self, props: dict[str, Any]) -> None:
        """New props from a run: repaints only when what is drawn changed."""
        old, self.props = self.props, props
        if not all(safe_equal(old.get(k), props.get(k)) for k in _TRACK_PROPS):
            self.refresh()
        self.value = self._thumbs(props["value"])
        self.thumb = min(self.thumb, len(self.value) - 1)

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

    def snap(self, value: float) -> Any:
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

    def _move(self, thumbs: list[Any]) -> None:
        new = tuple(thumbs)
        if new == self.value:
            return
        self.value = new
        chosen = tuple(sorted(new, key=self.to_num)) if self.props["range"] else new[0]
        self.post_message(self.Changed(self, chosen))

    def action_step(self, count: int) -> None:
        thumbs = list(self.value)
        thumbs[self.thumb] = self.snap(self.to_num(thumbs[self.thumb]) + count * self.num_step)
        self._move(thumbs)

    def action_jump(self, direction: int) -> None:
        thumbs = list(self.value)
        thumbs[self.thumb] = self.props["max"] if direction > 0 else self.props["min"]
        self._move(thumbs)

    def action_switch_thumb(self) -> None:
        if len(self.value) > 1:
            self.thumb = 1 - self.thumb

    # -- drawing ----------------------------------------------------------------

    def text_of(self, value: Any) -> str:
        p = self.props
        if self.temporal:
            return format_moment(value, p["format"])
        return format_number(value, p.get("format"), p["number_type"], p["step"])

    def render(self) -> SliderTrack:
        low, high = self.to_num(self.props["min"]), self.to_num(self.props["max"])
        span = (high - low) or 1
        return SliderTrack(
            [(self.to_num(v) - low) / span for v in self.value],
            " – ".join(self.text_of(v) for v in self.value),
            self.thumb if self.has_focus else None,
        )


class SliderView(FieldView):
    control_class = SliderControl
