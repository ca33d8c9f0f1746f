"""AppTest's handles for input widgets: each reads its value and has the
actions a user has (``click``, ``set_value``, ``input``, ``select``...)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from termlit.common.files import download_bytes
from termlit.common.values import contains, find_index, safe_equal
from termlit.elements import UploadedFile
from termlit.testing.nodes import UNSET, Widget

__all__ = [
    "Button",
    "ButtonGroup",
    "ChatInput",
    "Checkbox",
    "ColorPicker",
    "DateInput",
    "DateTimeInput",
    "DownloadButton",
    "Feedback",
    "FileUploader",
    "Multiselect",
    "NumberInput",
    "Radio",
    "SelectSlider",
    "Selectbox",
    "Slider",
    "TextArea",
    "TextInput",
    "TimeInput",
    "Toggle",
]


class Button(Widget):
    def click(self) -> Button:
        return self.set_value(True)

    @property
    def value(self) -> bool:
        queued = self._at._inputs.queued(self.id)
        return bool(queued if queued is not UNSET else self._element.props.get("value"))


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        return self.set_value(False)


class _Bounded(Widget):
    """A widget with bounds: ``min`` and ``max`` as the script gave them."""

    @property
    def min(self) -> Any:
        return self._element.props["min"]

    @property
    def max(self) -> Any:
        return self._element.props["max"]


class _Stepped(_Bounded):
    @property
    def step(self) -> Any:
        return self._element.props["step"]


class Slider(_Stepped):
    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))


class NumberInput(_Stepped):
    def _clamp(self, value: Any) -> Any:
        lo, hi = self.min, self.max
        if lo is not None:
            value = max(value, lo)
        if hi is not None:
            value = min(value, hi)
        return value

    def increment(self) -> NumberInput:
        current = self.value if self.value is not None else 0
        return self.set_value(self._clamp(current + self.step))

    def decrement(self) -> NumberInput:
        current = self.value if self.value is not None else 0
        return self.set_value(self._clamp(current - self.step))


class TextInput(Widget):
    def input(self, value: str) -> TextInput:
        max_chars = self._element.props.get("max_chars")
        if max_chars is not None and len(value) > max_chars:
            return self  # as in the UI: too long a text is not accepted
        return self.set_value(value)


class Selectbox(Widget):
    @property
    def options(self) -> list[str]:
        return list(self._element.props["labels"])

    @property
    def format_func(self):
        labels = dict(zip(map(id, self._element.props["options"]), self._element.props["labels"]))
        return lambda option: labels.get(id(option), str(option))

    def select(self, value: Any) -> Selectbox:
        return self.set_value(value)

    def select_index(self, index: int | None) -> Selectbox:
        if index is None:
            return self.set_value(None)
        return self.set_value(self._element.props["options"][index])


class ColorPicker(Widget):
    def pick(self, value: str) -> ColorPicker:
        return self.set_value(value)


class Toggle(Widget):
    def set_value(self, value: bool) -> Toggle:
        return super().set_value(bool(value))


class _Choice(Widget):
    """A widget with options: ``.options`` are their labels as shown."""

    @property
    def options(self) -> list[str]:
        return list(self._element.props["labels"])

    def _option_at(self, index: int) -> Any:
        return self._element.props["options"][index]

    def _index_of(self, value: Any) -> int | None:
        return find_index(self._element.props["options"], value)


class Radio(_Choice):
    @property
    def index(self) -> int | None:
        return self._index_of(self.value)

    def set_index(self, index: int | None) -> Radio:
        return self.set_value(None if index is None else self._option_at(index))


class Multiselect(_Choice):
    @property
    def indices(self) -> list[int]:
        return [i for i in (self._index_of(v) for v in self.value or ()) if i is not None]

    def select(self, value: Any) -> Multiselect:
        current = list(self.value or [])
        if self._index_of(value) is None and not isinstance(value, str):
            raise ValueError(f"{value!r} is not an option of {self.label!r}")
        if not contains(current, value):
            current.append(value)
        return self.set_value(current)

    def unselect(self, value: Any) -> Multiselect:
        return self.set_value([v for v in self.value or [] if not (v is value or safe_equal(v, value))])


class SelectSlider(_Choice):
    def set_range(self, lower: Any, upper: Any) -> SelectSlider:
        return self.set_value((lower, upper))


class TextArea(TextInput):
    """``st.text_area``: typed into as a text input is."""


class DateInput(_Bounded):
    pass


class TimeInput(Widget):
    @property
    def step(self) -> Any:
        return self._element.props["step"]

    def _moved(self, sign: int) -> TimeInput:
        current = self.value or _dt.time(0, 0)
        moved = _dt.datetime.combine(_dt.date(2000, 1, 1), current) + sign * self.step
        if moved.date() != _dt.date(2000, 1, 1):
            return self
        return self.set_value(moved.time())

    def increment(self) -> TimeInput:
        return self._moved(1)

    def decrement(self) -> TimeInput:
        return self._moved(-1)


class DateTimeInput(DateInput):
    pass


class ButtonGroup(_Choice):
    """``st.pills`` and ``st.segmented_control``."""

    @property
    def indices(self) -> list[int]:
        value = self.value
        items = value if isinstance(value, list) else ([] if value is None else [value])
        return [i for i in (self._index_of(v) for v in items) if i is not None]

    def select(self, value: Any) -> ButtonGroup:
        if not self._element.props.get("multi"):
            return self.set_value(value)
        current = list(self.value or [])
        if not contains(current, value):
            current.append(value)
        return self.set_value(current)

    def unselect(self, value: Any) -> ButtonGroup:
        if not self._element.props.get("multi"):
            return self.set_value(None)
        return self.set_value([v for v in self.value or [] if not (v is value or safe_equal(v, value))])


class Feedback(Widget):
    def set_value(self, value: int | None) -> Feedback:
        return super().set_value(value)


class DownloadButton(Button):
    """``.click()`` acts as a completed save (the test writes no file)."""

    @property
    def data(self) -> bytes:
        return download_bytes(self._element.props["data"])

    @property
    def file_name(self) -> str:
        return self._element.props["file_name"]


class FileUploader(Widget):
    def upload(self, file: Any, data: bytes | str | None = None, type: str | None = None) -> FileUploader:
        """Choose a file for the next run: a path, or a name with its ``data``.
        With ``accept_multiple_files`` each call adds one file."""
        if data is None:
            item: Any = str(file)
        else:
            raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
            item = UploadedFile(str(file), raw, type)
        if self._element.props.get("multi"):
            current = list(self.value or [])
            return self.set_value([*current, item])
        return self.set_value(item)

    def clear(self) -> FileUploader:
        return self.set_value([] if self._element.props.get("multi") else None)


class ChatInput(Widget):
    """``.set_value(text)`` sends a message: the next run gets it once."""

    @property
    def placeholder(self) -> str:
        return self._element.props["placeholder"]
