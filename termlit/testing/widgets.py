"""AppTest's handles for input widgets: each reads its value and has the
actions a user has (``click``, ``set_value``, ``input``, ``select``...), with
the names, attributes and checks of Streamlit's AppTest: a selectbox or radio
given an option it does not have raises ``ValueError`` at the next ``run()``,
a disabled widget cannot be changed (``AppTestError``)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from termlit.common.files import download_bytes
from termlit.common.values import contains, find_index, safe_equal
from termlit.elements import UploadedFile
from termlit.testing.nodes import UNSET, Widget, prop

__all__ = [
    "Button", "ButtonGroup", "ChatInput", "Checkbox", "ColorPicker", "DateInput", "DateTimeInput",
    "DownloadButton", "Feedback", "FileUploader", "Multiselect", "NumberInput", "Radio", "SelectSlider",
    "Selectbox", "Slider", "TextArea", "TextInput", "TimeInput", "Toggle",
]

#: Streamlit's numbers for a slider's data type.
_DATA_TYPES = {"int": 0, "float": 1, "datetime": 2, "date": 3, "time": 4}


class Button(Widget):
    """``st.button`` and ``st.form_submit_button`` (``.type`` is "button" for both)."""

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


class Toggle(Widget):
    def set_value(self, v: bool) -> Toggle:
        return super().set_value(bool(v))


class _Bounded(Widget):
    """A widget with bounds: ``min`` and ``max`` as the script gave them."""

    min = prop("min")
    max = prop("max")


class _Stepped(_Bounded):
    step = prop("step")


class Slider(_Stepped):
    @property
    def data_type(self) -> int:
        """Streamlit's number for the values' type: 0 int, 1 float, 2
        datetime, 3 date, 4 time."""
        return _DATA_TYPES[self._element.props["number_type"]]

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))


class NumberInput(_Stepped):
    """``st.number_input``: ``increment``/``decrement`` step as the ± buttons
    do, within the bounds; an empty field stays empty."""

    def increment(self) -> NumberInput:
        if self.value is None:
            return self
        value = self.value + self.step
        return self.set_value(value if self.max is None else min(value, self.max))

    def decrement(self) -> NumberInput:
        if self.value is None:
            return self
        value = self.value - self.step
        return self.set_value(value if self.min is None else max(value, self.min))


class TextInput(Widget):
    @property
    def max_chars(self) -> int:
        """The longest text accepted; 0 for no limit (as Streamlit reports it)."""
        return self._element.props.get("max_chars") or 0

    placeholder = prop("placeholder", text=True)

    autocomplete = prop("autocomplete", text=True)

    def input(self, v: str) -> TextInput:
        """Type ``v``; a text longer than ``max_chars`` is refused, as in the UI."""
        if self.max_chars and len(v) > self.max_chars:
            return self
        return self.set_value(v)


class TextArea(TextInput):
    """``st.text_area``: typed into as a text input is."""


class ColorPicker(Widget):
    def pick(self, v: str) -> ColorPicker:
        """Pick a colour given as hex, with or without the leading "#"."""
        return self.set_value(v if v.startswith("#") else f"#{v}")


class _Choice(Widget):
    """A widget with options: ``.options`` are their labels as shown."""

    @property
    def options(self) -> list[str]:
        return list(self._element.props["labels"])

    @property
    def format_func(self) -> Callable[[Any], str]:
        """Turns an option into its label, as the script's ``format_func`` did."""
        labels = dict(zip(map(id, self._element.props["options"]), self._element.props["labels"]))
        return lambda option: labels.get(id(option), str(option))

    def _option_at(self, index: int) -> Any:
        return self._element.props["options"][index]

    def _index_of(self, value: Any) -> int | None:
        return find_index(self._element.props["options"], value)


class _OneChoice(_Choice):
    """A widget with one option chosen: giving it a value that is no option
    raises ValueError at the next run, as in Streamlit's AppTest."""

    def _must_be_option(self, value: Any) -> None:
        """Raise as Streamlit's AppTest does for a value that is no option."""
        if value is None or self._index_of(value) is not None:
            return
        if self._element.props.get("accept_new_options") and isinstance(value, str):
            return
        raise ValueError(f"{self.format_func(value)!r} is not in list")

    def set_value(self, v: Any) -> _OneChoice:
        return self._queue(v, self._must_be_option)

    @property
    def index(self) -> int | None:
        return self._index_of(self.value)


class Selectbox(_OneChoice):
    placeholder = prop("placeholder", text=True)

    def select(self, v: Any) -> Selectbox:
        return self.set_value(v)

    def select_index(self, index: int | None) -> Selectbox:
        if index is None:
            return self.set_value(None)
        return self.set_value(self._option_at(index))


class Radio(_OneChoice):
    @property
    def horizontal(self) -> bool:
        return bool(self._element.props.get("horizontal"))

    def set_index(self, index: int | None) -> Radio:
        return self.set_value(None if index is None else self._option_at(index))


def _without(values: Sequence[Any], value: Any) -> list[Any]:
    return [v for v in values if not (v is value or safe_equal(v, value))]


class Multiselect(_Choice):
    """``st.multiselect``: an option that does not exist is dropped at the
    next run, as in Streamlit."""

    @property
    def max_selections(self) -> int:
        """The most options that can be chosen; 0 for no limit."""
        return self._element.props.get("max_selections") or 0

    @property
    def indices(self) -> list[int]:
        return [i for i in (self._index_of(v) for v in self.value or ()) if i is not None]

    @property
    def values(self) -> list[str]:
        """The labels of the chosen options."""
        return [self.format_func(v) for v in self.value or ()]

    def select(self, v: Any) -> Multiselect:
        current = list(self.value or [])
        if not contains(current, v):
            current.append(v)
        return self.set_value(current)

    def unselect(self, v: Any) -> Multiselect:
        return self.set_value(_without(self.value or [], v))


class SelectSlider(_Choice):
    """``st.select_slider``: a value that is no option leaves it unchanged."""

    @property
    def data_type(self) -> int:
        return _DATA_TYPES["int"]

    def set_range(self, lower: Any, upper: Any) -> SelectSlider:
        return self.set_value((lower, upper))


class DateInput(_Bounded):
    @property
    def is_range(self) -> bool:
        return bool(self._element.props.get("range"))


class TimeInput(Widget):
    @property
    def step(self) -> int:
        """The step in seconds, as Streamlit reports it."""
        return int(self._element.props["step"].total_seconds())

    def _moved(self, sign: int) -> TimeInput:
        if self.value is None:
            return self
        moved = _dt.datetime.combine(_dt.date(2000, 1, 1), self.value) + sign * self._element.props["step"]
        if moved.date() != _dt.date(2000, 1, 1):
            return self
        return self.set_value(moved.time())

    def increment(self) -> TimeInput:
        return self._moved(1)

    def decrement(self) -> TimeInput:
        return self._moved(-1)


class DateTimeInput(_Bounded):
    @property
    def step(self) -> int:
        """The step in seconds."""
        return int(self._element.props["step"].total_seconds())

    format = prop("format", text=True)


class ButtonGroup(_Choice):
    """``st.pills`` and ``st.segmented_control`` (``.type`` is "button_group")."""

    @property
    def _multi(self) -> bool:
        return bool(self._element.props.get("multi"))

    @property
    def indices(self) -> list[int]:
        value = self.value
        items = value if isinstance(value, list) else ([] if value is None else [value])
        return [i for i in (self._index_of(v) for v in items) if i is not None]

    @property
    def formatted_values(self) -> list[str]:
        """The labels of the chosen options."""
        value = self.value
        items = value if isinstance(value, list) else ([] if value is None else [value])
        return [self.format_func(v) for v in items]

    def select(self, v: Any) -> ButtonGroup:
        if not self._multi:
            return self.set_value(v)
        current = list(self.value or [])
        if not contains(current, v):
            current.append(v)
        return self.set_value(current)

    def unselect(self, v: Any) -> ButtonGroup:
        if not self._multi:
            return self.set_value(None) if safe_equal(self.value, v) else self
        return self.set_value(_without(self.value or [], v))


class Feedback(Widget):
    """``st.feedback``: ``set_value`` takes the index of the choice, or None."""


class DownloadButton(Button):
    """``.click()`` acts as a completed save (the test writes no file)."""

    @property
    def data(self) -> bytes:
        return download_bytes(self._element.props["data"])

    file_name = prop("file_name")


def _uploaded(file: Any) -> Any:
    """An upload as the widget takes it: Streamlit's ``(name, content, mime)``
    tuple or an UploadedFile become an UploadedFile; a path stays a path."""
    if isinstance(file, tuple) and len(file) == 3 and isinstance(file[0], str):
        name, content, mime = file
        raw = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        return UploadedFile(name, raw, mime)
    return file if isinstance(file, UploadedFile) else str(file)


class FileUploader(Widget):
    @property
    def accept_multiple_files(self) -> bool:
        return bool(self._element.props.get("multi"))

    @property
    def accept_directory(self) -> bool:
        return self._element.props.get("multi") == "directory"

    @property
    def allowed_type(self) -> list[str]:
        return list(self._element.props.get("types") or [])

    def set_value(self, files: Any) -> FileUploader:
        """Choose the files for the next run: a ``(name, content, mime)``
        tuple, a path, or a list of them; None clears."""
        if files is None:
            return self.clear()
        many = isinstance(files, list) or (isinstance(files, tuple) and not _is_file_tuple(files))
        items = [_uploaded(f) for f in files] if many else [_uploaded(files)]
        if self.accept_multiple_files:
            return self._queue(items)
        return self._queue(items[-1] if items else None)

    def upload(
        self, filename: Any, content: bytes | str | None = None, mime_type: str = "application/octet-stream"
    ) -> FileUploader:
        """Choose a file for the next run: a name with its ``content`` (and
        MIME type), or a path to read. With ``accept_multiple_files`` each
        call adds one file."""
        item = _uploaded(filename) if content is None else _uploaded((str(filename), content, mime_type))
        if self.accept_multiple_files:
            return self._queue([*(self.value or []), item])
        return self._queue(item)

    def clear(self) -> FileUploader:
        return self._queue([] if self.accept_multiple_files else None)


def _is_file_tuple(value: tuple) -> bool:
    return len(value) == 3 and isinstance(value[0], str) and isinstance(value[1], (bytes, bytearray, str))


class ChatInput(Widget):
    """``.set_value(text)`` sends a message: the next run gets it once. With
    ``accept_file``, ``upload()`` attaches a file to it (an upload alone
    sends a message with no text, as in Streamlit's AppTest)."""

    placeholder = prop("placeholder")

    def clear(self) -> ChatInput:
        return self.set_value(None)

    def _attached(self) -> list[Any]:
        queued = self._at._inputs.queued(self.id)
        return list(queued["files"]) if isinstance(queued, dict) else []

    def set_value(self, v: str | None) -> ChatInput:
        if v is not None and self._element.props.get("accept_file"):
            return self._queue({"text": v, "files": self._attached()})
        return self._queue(v)

    def upload(self, filename: str, content: bytes, mime_type: str = "application/octet-stream") -> ChatInput:
        if not self._element.props.get("accept_file"):
            raise RuntimeError(f"the chat input {self.placeholder!r} has no accept_file: it takes no files")
        queued = self._at._inputs.queued(self.id)
        text = queued["text"] if isinstance(queued, dict) else ""
        file = _uploaded((str(filename), content, mime_type))
        files = [*self._attached(), file] if self._element.props["accept_file"] == "multiple" else [file]
        return self._queue({"text": text, "files": files})
