"""What AppTest hands out: read-only views of elements and widget handles.

Names follow Streamlit's ``streamlit.testing.v1`` so that a test ports by
changing its import: ``.value``, ``.label``, ``.key``, and widget actions
(``click``, ``set_value``, ``input``, ``check``, ``select``, ``increment``...)
that return the widget so ``.run()`` can chain.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from termlit.common.files import download_bytes
from termlit.common.frames import EMPTY_EDITS, apply_edits, edits_state, selection_state
from termlit.common.values import contains, find_index, safe_equal
from termlit.runtime.tree import Element

if TYPE_CHECKING:
    from termlit.testing.apptest import AppTest

__all__ = ["Block", "ElementList", "Node", "Widget", "wrap"]

_UNSET = object()


class Node:
    """One element of the last run."""

    def __init__(self, element: Element, at: AppTest) -> None:
        self._element = element
        self._at = at

    @property
    def type(self) -> str:
        return self._element.kind

    kind = type

    @property
    def id(self) -> str:
        return self._element.id

    @property
    def props(self) -> dict[str, Any]:
        return self._element.props

    @property
    def value(self) -> Any:
        props = self._element.props
        if "body" in props:
            return props["body"]
        return props.get("value")

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("_element").props
        if name in props:
            return props[name]
        raise AttributeError(f"{type(self).__name__} ({self.type}) has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._at.run(timeout=timeout)


class Exception_(Node):
    @property
    def value(self) -> str:
        return self._element.props["message"]

    @property
    def message(self) -> str:
        return self._element.props["message"]

    @property
    def stack_trace(self) -> list[str]:
        return list(self._element.props["traceback"])

    @property
    def is_syntax_error(self) -> bool:
        return bool(self._element.props.get("is_syntax_error"))


class Widget(Node):
    """A widget of the last run; actions queue a value for the next run."""

    @property
    def label(self) -> str:
        return self._element.props["label"]

    @property
    def key(self) -> str | None:
        return self._element.props.get("key")

    @property
    def disabled(self) -> bool:
        return self._element.props.get("disabled", False)

    @property
    def help(self) -> str | None:
        return self._element.props.get("help")

    @property
    def value(self) -> Any:
        pending = self._at._pending.get(self.id, _UNSET)
        if pending is not _UNSET:
            return pending
        return self._at._runner.state.widget_value(self.id, self._element.props.get("value"))

    def set_value(self, value: Any) -> Widget:
        """Give the widget ``value`` in the next run (as if the user did)."""
        self._at._pending[self.id] = value
        return self


class Button(Widget):
    def click(self) -> Button:
        return self.set_value(True)

    @property
    def value(self) -> bool:
        pending = self._at._pending.get(self.id, _UNSET)
        if pending is not _UNSET:
            return bool(pending)
        return bool(self._element.props.get("value"))


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        return self.set_value(False)


class Slider(Widget):
    @property
    def min(self) -> Any:
        return self._element.props["min"]

    @property
    def max(self) -> Any:
        return self._element.props["max"]

    @property
    def step(self) -> Any:
        return self._element.props["step"]

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))


class NumberInput(Widget):
    @property
    def min(self) -> Any:
        return self._element.props["min"]

    @property
    def max(self) -> Any:
        return self._element.props["max"]

    @property
    def step(self) -> Any:
        return self._element.props["step"]

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


class DataFrame(Widget):
    """``st.dataframe``: ``.value`` is the data; with ``on_select`` also a widget
    whose ``.selection`` holds the selected rows."""

    @property
    def value(self) -> Any:
        return self._element.props["data"]

    @property
    def label(self) -> str:
        return self._element.props.get("label", "")

    @property
    def columns(self) -> list[str]:
        """The column labels shown, in order (hidden columns left out)."""
        return list(self._element.props["labels"])

    @property
    def selection(self) -> Any:
        pending = self._at._pending.get(self.id, _UNSET)
        if pending is not _UNSET:
            return selection_state(pending).selection
        return selection_state(self._at._runner.state.widget_value(self.id, None)).selection

    def select_rows(self, rows: Sequence[int]) -> DataFrame:
        """Select rows (positions in the data) for the next run, as Space does."""
        if not self._element.props.get("selection_mode"):
            raise ValueError("this dataframe has no on_select: its rows cannot be selected")
        rows = sorted({int(r) for r in rows})
        if self._element.props["selection_mode"] == "single-row" and len(rows) > 1:
            raise ValueError("a single-row selection takes one row")
        self.set_value({"selection": {"rows": rows, "columns": []}})
        return self


class Table(Node):
    """``st.table``: ``.value`` is the data."""

    @property
    def value(self) -> Any:
        return self._element.props["data"]


class Chart(Node):
    """A chart: ``.value`` is the data; its encodings and the series it draws."""

    @property
    def value(self) -> Any:
        return self._element.props["data"]

    @property
    def chart_type(self) -> str:
        return self._element.props["chart"]

    @property
    def encodings(self) -> dict[str, Any]:
        """x, y, color, size, labels, stack, horizontal: as the script gave them."""
        props = self._element.props
        names = ("x", "y", "color", "size", "x_label", "y_label", "stack", "horizontal", "width", "height")
        return {name: props[name] for name in names if name in props}

    @property
    def series(self) -> list[Any]:
        """The series drawn: each has ``name``, ``x``, ``y`` (numbers) and ``color``."""
        from termlit.common.chartdata import chart_data  # lazy: numpy

        return chart_data(self._element.props).series


class DataEditor(Widget):
    """``st.data_editor``: ``.value`` is the edited data (as the script got it);
    ``edit_cell`` / ``add_row`` / ``delete_row`` change it for the next run."""

    @property
    def label(self) -> str:
        return self._element.props.get("label", "")

    @property
    def edits(self) -> dict[str, Any]:
        """``{"edited_rows": ..., "added_rows": [...], "deleted_rows": [...]}``"""

        pending = self._at._pending.get(self.id, _UNSET)
        if pending is not _UNSET:
            return edits_state(pending)
        return edits_state(self._at._runner.state.widget_value(self.id, None) or EMPTY_EDITS)

    @property
    def value(self) -> Any:
        return apply_edits(self._element.props["data"], self.edits)

    def _column(self, column: Any) -> str:
        names = [str(c) for c in self._element.props["data"].columns]
        if str(column) not in names:
            raise KeyError(f"no column {column!r} (columns: {', '.join(names)})")
        if str(column) in self._element.props.get("locked", []):
            raise ValueError(f"column {column!r} is disabled")
        return str(column)

    def edit_cell(self, row: int, column: Any, value: Any) -> DataEditor:
        """Set one cell; ``row`` counts the rows as shown (deleted rows gone,
        added rows at the end)."""
        edits = self.edits
        name = self._column(column)
        kept = [i for i in range(len(self._element.props["data"])) if i not in set(edits["deleted_rows"])]
        if row < len(kept):
            edits["edited_rows"].setdefault(kept[row], {})[name] = value
        else:
            edits["added_rows"][row - len(kept)][name] = value
        return self.set_value(edits)

    def _dynamic(self) -> None:
        if self._element.props.get("num_rows") != "dynamic":
            raise ValueError('rows can be added or deleted only with num_rows="dynamic"')

    def add_row(self, values: dict[str, Any] | None = None) -> DataEditor:
        self._dynamic()
        edits = self.edits
        edits["added_rows"].append({self._column(k): v for k, v in (values or {}).items()})
        return self.set_value(edits)

    def delete_row(self, row: int) -> DataEditor:
        self._dynamic()
        edits = self.edits
        kept = [i for i in range(len(self._element.props["data"])) if i not in set(edits["deleted_rows"])]
        if row < len(kept):
            edits["deleted_rows"] = sorted(set(edits["deleted_rows"]) | {kept[row]})
            edits["edited_rows"].pop(kept[row], None)
        else:
            edits["added_rows"].pop(row - len(kept))
        return self.set_value(edits)


# -- termlit input widgets (inputs.py, chat.py) --


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


class TextArea(Widget):
    def input(self, value: str) -> TextArea:
        max_chars = self._element.props.get("max_chars")
        if max_chars is not None and len(value) > max_chars:
            return self  # as in the UI: too long a text is not accepted
        return self.set_value(value)


class DateInput(Widget):
    @property
    def min(self) -> Any:
        return self._element.props["min"]

    @property
    def max(self) -> Any:
        return self._element.props["max"]


class TimeInput(Widget):
    @property
    def step(self) -> Any:
        return self._element.props["step"]

    def _moved(self, sign: int) -> TimeInput:
        import datetime as _dt

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
        from termlit.elements import UploadedFile

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


# -- end of input widgets --


class Block(Node):
    """A container (sidebar, column, container...) with the same accessors as AppTest."""

    @property
    def children(self) -> list[Node]:
        return [wrap(child, self._at) for child in self._element.children or ()]

    def get(self, kind: str) -> ElementList:
        return ElementList(
            [wrap(e, self._at) for e in _descendants(self._element) if e.kind == kind]
        )

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__["_element"].props
        if name in props:  # a container's own props: chat_message.name, tab.label...
            return props[name]
        return _accessor(self, name)

    def __len__(self) -> int:
        return len(self._element.children or ())

    def __getitem__(self, index: int) -> Node:
        return self.children[index]

    @property
    def value(self) -> Any:
        return None


_WIDGETS: dict[str, type[Node]] = {
    # input widgets
    "toggle": Toggle,
    "radio": Radio,
    "multiselect": Multiselect,
    "select_slider": SelectSlider,
    "text_area": TextArea,
    "date_input": DateInput,
    "time_input": TimeInput,
    "datetime_input": DateTimeInput,
    "pills": ButtonGroup,
    "segmented_control": ButtonGroup,
    "feedback": Feedback,
    "download_button": DownloadButton,
    "file_uploader": FileUploader,
    "chat_input": ChatInput,
    # end of input widgets
    "button": Button,
    "form_submit_button": Button,
    "checkbox": Checkbox,
    "slider": Slider,
    "number_input": NumberInput,
    "text_input": TextInput,
    "selectbox": Selectbox,
    "color_picker": ColorPicker,
    "exception": Exception_,
    "dataframe": DataFrame,
    "table": Table,
    "data_editor": DataEditor,
    "scatter_chart": Chart,
    "line_chart": Chart,
    "area_chart": Chart,
    "bar_chart": Chart,
}

#: Accessor names that differ from the element kind they list.
_PLURAL = {"columns": "column", "tabs": "tab"}


def wrap(element: Element, at: AppTest) -> Node:
    if element.children is not None:
        return Block(element, at)
    cls = _WIDGETS.get(element.kind)
    if cls is None:
        cls = Widget if element.props.get("label") is not None and "key" in element.props else Node
    return cls(element, at)


def _descendants(element: Element) -> Iterator[Element]:
    for child in element.children or ():
        yield child
        if child.children is not None:
            yield from _descendants(child)


def _accessor(owner: Any, name: str) -> ElementList:
    if name.startswith("_"):
        raise AttributeError(name)
    return owner.get(_PLURAL.get(name, name))


N = TypeVar("N", bound=Node)


class ElementList(Sequence[N], Generic[N]):
    """The elements of one kind, in document order.

    Index it (``at.button[0]``), iterate it, or call it with a key
    (``at.button(key="go")``).
    """

    def __init__(self, items: list[N]) -> None:
        self._items = items

    @overload
    def __getitem__(self, index: int) -> N: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return ElementList(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError(
                f"element index {index} out of range: the last run shows {len(self._items)} of this kind"
            ) from None

    def __len__(self) -> int:
        return len(self._items)

    def __call__(self, key: str) -> N:
        for item in self._items:
            if getattr(item, "key", None) == key or item.props.get("key") == key:
                return item
        raise KeyError(f"no element with key {key!r} in the last run")

    @property
    def values(self) -> list[Any]:
        return [item.value for item in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"
