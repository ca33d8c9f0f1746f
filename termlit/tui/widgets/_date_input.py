"""``st.date_input``, ``st.time_input`` and ``st.datetime_input``: typed or
stepped with the arrow keys."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from termlit.common.timefmt import date_order, format_moment, parse_date, parse_datetime, parse_time
from termlit.tui.widgets._field import ControlChanged, FieldView, ValueField

__all__ = ["DateField", "DateInputView", "DateTimeInputView", "TimeInputView", "add_months"]

_DAY_START, _DAY_END = time(0, 0), time(23, 59)


def add_months(value: date, months: int) -> date:
    """``value`` moved by whole months, the day clamped to the month's length."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


class DateField(ValueField):
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

    While you type, ←/→/Home/End move the cursor instead. ``bounds`` are the
    earliest and latest values allowed (the view keeps them up to date).
    """

    BINDINGS = [
        Binding("left", "step('small', -1)", "−", tooltip="earlier by a day (a time: one step)"),
        Binding("right", "step('small', 1)", "+", tooltip="later by a day (a time: one step)"),
        Binding("shift+left", "step('small', -10)", "−10", show=False, tooltip="ten days (steps) earlier"),
        Binding("shift+right", "step('small', 10)", "+10", show=False, tooltip="ten days (steps) later"),
        Binding("up", "step('big', 1)", "Later", show=False, tooltip="a week later (a time: an hour)"),
        Binding("down", "step('big', -1)", "Earlier", show=False, tooltip="a week earlier (a time: an hour)"),
        Binding("pageup", "step('huge', 1)", "Month+", show=False, tooltip="a month later (a time: 6 hours)"),
        Binding("pagedown", "step('huge', -1)", "Month−", show=False, tooltip="a month earlier (a time: 6 hours)"),
        Binding("home", "edge(-1)", "Min", show=False, tooltip="the earliest allowed"),
        Binding("end", "edge(1)", "Max", show=False, tooltip="the latest allowed"),
    ]

    DEFAULT_CSS = """
    DateField { width: 12; }
    DateField.-time { width: 10; }
    DateField.-datetime { width: 18; }
    """

    def __init__(self, mode: str, props: dict[str, Any], value: Any) -> None:
        self.mode = mode
        self.props = props
        self.bounds: tuple[Any, Any] = (props.get("min"), props.get("max"))
        super().__init__(value, placeholder=self._placeholder(), classes=f"-{mode}")

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
        text = text.strip()
        if not text:
            return None  # cleared (only reached when the widget is clearable)
        order = date_order(self.date_format)
        if self.mode == "date":
            return parse_date(text, order)
        if self.mode == "time":
            return parse_time(text)
        value = parse_datetime(text, order)
        tz = getattr(self.props.get("min"), "tzinfo", None)
        return value.replace(tzinfo=tz) if tz is not None else value

    def refusal(self, text: str) -> str:
        return f"'{text}' is not a valid {self.mode}; type it like {self.show(self._start())}."

    def check(self, value: Any) -> tuple[Any, str | None]:
        if value is None:
            return None, None
        low, high = self.limits()
        if low is not None and value < low:
            return low, f"{self.show(value)} is before {self.show(low)}, the earliest allowed here; set to it."
        if high is not None and value > high:
            return high, f"{self.show(value)} is after {self.show(high)}, the latest allowed here; set to it."
        return value, None

    def limits(self) -> tuple[Any, Any]:
        return (_DAY_START, _DAY_END) if self.mode == "time" else self.bounds

    def set_value(self, value: Any, props: dict[str, Any]) -> None:
        self.props = props
        self.take(value)

    def commit_text(self) -> None:
        if self.editing and not self.value.strip() and not self.props.get("clearable", True):
            self.action_revert()
            return
        super().commit_text()

    # -- actions --------------------------------------------------------------------

    def _start(self) -> Any:
        if self.committed is not None:
            return self.committed
        now = datetime.now().replace(second=0, microsecond=0)
        start = {"date": now.date(), "time": now.time(), "datetime": now}[self.mode]
        return self.check(start)[0]

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
            if unit == "small":
                self.step_cursor(count)
            return
        self.commit(*self.check(self._moved(self._start(), unit, count)))

    def action_edge(self, direction: int) -> None:
        if self.editing:
            self.cursor_position = len(self.value) if direction > 0 else 0
            return
        low, high = self.limits()
        target = high if direction > 0 else low
        if target is not None:
            self.commit(target)


class _DateLikeView(FieldView):
    """One field (or two for a date range), with a hint beside it."""

    mode: ClassVar[str] = "date"

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
        self.fields = [DateField(self.mode, props, v) for v in values]
        self.hint = Static("", classes="date-hint", markup=False)
        parts: list[Any] = [self.fields[0]]
        if len(self.fields) == 2:
            parts += [Static("–", classes="date-sep"), self.fields[1]]
        self.control = self.fields[0]
        self._show_values()
        return Horizontal(*parts, self.hint)

    def apply_control(self, props: dict[str, Any]) -> None:
        for field, value in zip(self.fields, self._values(props)):
            field.set_value(value, props)
        self._show_values()

    def _show_values(self) -> None:
        """The hint (weekday, or the days a range spans) and, in a range, the
        limits each end puts on the other (the start never passes the end)."""
        values = [f.committed for f in self.fields]
        props = self.element.props
        low, high = props.get("min"), props.get("max")
        if len(self.fields) == 2:
            start, end = values
            self.fields[0].bounds = (low, end if end is not None else high)
            self.fields[1].bounds = (start if start is not None else low, high)
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

    def value_of(self, message: ControlChanged) -> Any:
        self._show_values()
        if len(self.fields) == 2:
            return tuple(f.committed for f in self.fields if f.committed is not None)
        return message.value


class DateInputView(_DateLikeView):
    """``st.date_input``; keys in :class:`DateField`."""

    mode = "date"


class TimeInputView(_DateLikeView):
    """``st.time_input``; keys in :class:`DateField`."""

    mode = "time"


class DateTimeInputView(_DateLikeView):
    """``st.datetime_input``; keys in :class:`DateField`."""

    mode = "datetime"
