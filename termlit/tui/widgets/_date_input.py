"""``st.date_input``, ``st.time_input`` and ``st.datetime_input``: typed or
stepped with the arrow keys."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Static

from termlit.common.timefmt import date_order, format_moment, parse_date, parse_datetime, parse_time
from termlit.tui.widgets._field import FieldView

__all__ = ["DateField", "DateInputView", "DateTimeInputView", "TimeInputView", "add_months"]

_DAY_START, _DAY_END = time(0, 0), time(23, 59)


def add_months(value: date, months: int) -> date:
    """``value`` moved by whole months, the day clamped to the month's length."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


class DateField(Input):
    """A date, a time, or both, as text.

    | Key | date | time | datetime |
    | --- | --- | --- | --- |
    | ← / → | a day | one step | one step |
    | shift+← / shift+→ | 10 days | 10 steps | 10 steps |
    | ↑ / ↓ | a week later / earlier | an hour | a day |
    | PgUp / PgDn | a month | 6 hours | a month |
    | Home / End | min / max | 00:00 / 23:59 | min / max |
    | Enter | apply a typed value (ISO, or the widget's format) | | |
    | Esc | forget what was typed | | |

    While you type, ←/→/Home/End move the cursor instead.
    """

    BINDINGS = [
        Binding("left", "step('small', -1)", "−", show=True),
        Binding("right", "step('small', 1)", "+", show=True),
        Binding("shift+left", "step('small', -10)", "−10", show=False),
        Binding("shift+right", "step('small', 10)", "+10", show=False),
        Binding("up", "step('big', 1)", "Later", show=False),
        Binding("down", "step('big', -1)", "Earlier", show=False),
        Binding("pageup", "step('huge', 1)", "Month+", show=False),
        Binding("pagedown", "step('huge', -1)", "Month−", show=False),
        Binding("home", "edge(-1)", "Min", show=False),
        Binding("end", "edge(1)", "Max", show=False),
        Binding("escape", "revert", "Undo typing", show=False),
    ]

    DEFAULT_CSS = """
    DateField { width: 12; }
    DateField.-time { width: 10; }
    DateField.-datetime { width: 18; }
    """

    def __init__(self, owner: Any, mode: str, props: dict[str, Any], value: Any) -> None:
        self.owner = owner
        self.mode = mode
        self.props = props
        self.committed = value
        super().__init__(value=self.show(value), placeholder=self._placeholder(), compact=True, classes=f"-{mode}")

    # -- text <-> value -------------------------------------------------------------

    @property
    def date_format(self) -> str:
        return self.props.get("format") or "YYYY/MM/DD"

    @property
    def time_format(self) -> str:
        return "h:mm A" if self.props.get("format") == "12h" else "HH:mm"

    def _placeholder(self) -> str:
        if self.mode == "time":
            return "HH:MM"
        if self.mode == "date":
            return self.date_format
        return f"{self.date_format} HH:MM"

    def show(self, value: Any) -> str:
        if value is None:
            return ""
        if self.mode == "date":
            return format_moment(value, self.date_format)
        if self.mode == "time":
            return format_moment(value, self.time_format)
        return format_moment(value, f"{self.date_format} HH:mm")

    def parse(self, text: str) -> Any:
        order = date_order(self.date_format)
        if self.mode == "date":
            return parse_date(text, order)
        if self.mode == "time":
            return parse_time(text)
        value = parse_datetime(text, order)
        tz = getattr(self.props.get("min"), "tzinfo", None)
        return value.replace(tzinfo=tz) if tz is not None else value

    @property
    def editing(self) -> bool:
        return self.value != self.show(self.committed)

    def set_value(self, value: Any, props: dict[str, Any]) -> None:
        self.props = props
        if value != self.committed or not self.editing:
            self.committed = value
            with self.prevent(Input.Changed):
                self.value = self.show(value)

    # -- bounds ---------------------------------------------------------------------

    def bounds(self) -> tuple[Any, Any]:
        if self.mode == "time":
            return _DAY_START, _DAY_END
        return self.owner.bounds_for(self)

    def clamp(self, value: Any) -> tuple[Any, str | None]:
        low, high = self.bounds()
        if low is not None and value < low:
            return low, f"{self.show(value)} is before {self.show(low)}, the earliest allowed here; set to it."
        if high is not None and value > high:
            return high, f"{self.show(value)} is after {self.show(high)}, the latest allowed here; set to it."
        return value, None

    # -- actions --------------------------------------------------------------------

    def _start(self) -> Any:
        if self.committed is not None:
            return self.committed
        now = datetime.now().replace(second=0, microsecond=0)
        start = {"date": now.date(), "time": now.time(), "datetime": now}[self.mode]
        return self.clamp(start)[0]

    def _moved(self, value: Any, unit: str, count: int) -> Any:
        step = self.props.get("step") or timedelta(minutes=15)
        if self.mode == "date":
            if unit == "huge":
                return add_months(value, count)
            return value + timedelta(days=count * (7 if unit == "big" else 1))
        if self.mode == "time":
            delta = {"small": step, "big": timedelta(hours=1), "huge": timedelta(hours=6)}[unit] * count
            moved = datetime.combine(date(2000, 1, 1), value) + delta
            if moved.date() != date(2000, 1, 1):  # past midnight: stop at the day's edge
                return _DAY_END if count > 0 else _DAY_START
            return moved.time()
        if unit == "huge":
            return datetime.combine(add_months(value.date(), count), value.time(), tzinfo=value.tzinfo)
        delta = step if unit == "small" else timedelta(days=1)
        return value + delta * count

    def action_step(self, unit: str, count: int) -> None:
        if self.editing:
            if unit == "small" and count in (-1, 1):
                self.cursor_position = max(0, min(len(self.value), self.cursor_position + count))
            return
        value, note = self.clamp(self._moved(self._start(), unit, count))
        self._commit(value, note)

    def action_edge(self, direction: int) -> None:
        if self.editing:
            self.cursor_position = len(self.value) if direction > 0 else 0
            return
        low, high = self.bounds()
        target = high if direction > 0 else low
        if target is not None:
            self._commit(target, None)

    def action_revert(self) -> None:
        self.owner.show_note(None)
        with self.prevent(Input.Changed):
            self.value = self.show(self.committed)

    def _commit(self, value: Any, note: str | None) -> None:
        self.owner.show_note(note)
        with self.prevent(Input.Changed):
            self.value = self.show(value)
        self.cursor_position = len(self.value)
        if value != self.committed:
            self.committed = value
            self.owner.field_changed(self, value)

    def commit_text(self) -> None:
        if not self.editing:
            return
        text = self.value.strip()
        if not text:
            if self.props.get("clearable", True):
                self._commit(None, None)
            else:
                self.action_revert()
            return
        try:
            value = self.parse(text)
        except ValueError:
            example = self.show(self._start())
            self.owner.show_note(f"'{text}' is not a valid {self.mode}; type it like {example}.")
            with self.prevent(Input.Changed):
                self.value = self.show(self.committed)
            return
        value, note = self.clamp(value)
        self._commit(value, note)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_text()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()

    def on_blur(self) -> None:
        self.commit_text()


class _DateLikeView(FieldView):
    """One field (or two for a date range), with a hint beside it."""

    mode = "date"

    DEFAULT_CSS = """
    _DateLikeView > Horizontal { height: 1; width: 1fr; }
    _DateLikeView .date-sep { width: 3; content-align: center middle; }
    _DateLikeView .date-hint { width: auto; margin-left: 2; color: $text-muted; }
    """

    def _values(self, props: dict[str, Any]) -> list[Any]:
        if props.get("range"):
            items = list(props.get("value") or ())
            return items + [None] * (2 - len(items))
        return [props.get("value")]

    def make_control(self, props: dict[str, Any]) -> Horizontal:
        values = self._values(props)
        self.fields = [DateField(self, self.mode, props, v) for v in values]
        self.hint = Static("", classes="date-hint", markup=False)
        parts: list[Any] = [self.fields[0]]
        if len(self.fields) == 2:
            parts += [Static("–", classes="date-sep"), self.fields[1]]
        self.control = self.fields[0]
        self._show_hint(values)
        return Horizontal(*parts, self.hint)

    def apply_control(self, props: dict[str, Any]) -> None:
        values = self._values(props)
        for field, value in zip(self.fields, values):
            field.set_value(value, props)
        self._show_hint(values)

    def _show_hint(self, values: list[Any]) -> None:
        text = Text()
        if self.mode != "time":
            days = [v for v in values if v is not None]
            if len(values) == 2 and len(days) == 2:
                span = (days[1] - days[0]).days
                if isinstance(days[0], datetime):
                    span = round((days[1] - days[0]).total_seconds() / 86400)
                text.append(f"{span + 1} day{'s' if span else ''}")
            elif days:
                text.append(days[0].strftime("%a"))
        self.hint.update(text)

    def bounds_for(self, field: DateField) -> tuple[Any, Any]:
        """A field's limits: min/max, and in a range the other end (the start
        never passes the end)."""
        props = self.element.props
        low, high = props.get("min"), props.get("max")
        if len(self.fields) == 2:
            start, end = (f.committed for f in self.fields)
            if field is self.fields[0] and end is not None:
                high = end
            elif field is self.fields[1] and start is not None:
                low = start
        return low, high

    def field_changed(self, field: DateField, value: Any) -> None:
        values = [f.committed for f in self.fields]
        if len(self.fields) == 2:
            chosen = [v for v in values if v is not None]
            self._show_hint(values)
            self.post_value(tuple(chosen))
        else:
            self._show_hint(values)
            self.post_value(value)


class DateInputView(_DateLikeView):
    """``st.date_input``; keys in :class:`DateField`."""

    kind = "date_input"
    mode = "date"


class TimeInputView(_DateLikeView):
    """``st.time_input``; keys in :class:`DateField`."""

    kind = "time_input"
    mode = "time"


class DateTimeInputView(_DateLikeView):
    """``st.datetime_input``; keys in :class:`DateField`."""

    kind = "datetime_input"
    mode = "datetime"
