"""``st.selectbox``."""

from __future__ import annotations

from typing import Any

from textual.events import Key
from textual.widgets import Select

from termlit.common.values import find_index
from termlit.tui.widgets._drop_down import DropDown
from termlit.tui.widgets._field import FieldView, with_icon
from termlit.tui.widgets._option_filter import MOVES, FilterPicker
from termlit.tui.widgets._safe import open_window

__all__ = ["SelectboxView"]


def _index_of(props: dict[str, Any]) -> int | None:
    value = props.get("value")
    return None if value is None else find_index(props["options"], value)


class SelectboxView(FieldView):
    """A drop-down: Enter opens it, ↑/↓ move, Enter picks."""

    control: Select
    #: The filter list typing opened, until it closes (one at a time).
    _picker: FilterPicker | None = None

    def make_control(self, props: dict[str, Any]) -> Select:
        index = _index_of(props)
        self.control = DropDown(
            [(label, i) for i, label in enumerate(props["labels"])],
            prompt=props.get("placeholder") or "Choose an option",
            allow_blank=index is None,
            value=index if index is not None else Select.NULL,
            compact=True,
            type_to_search=False,  # typing opens the FilterPicker instead
        )
        self._labels = list(props["labels"])
        self._index = index
        return with_icon(self.control, props)

    def apply_control(self, props: dict[str, Any]) -> None:
        index = _index_of(props)
        self._index = index
        with self.control.prevent(Select.Changed):
            if props["labels"] != self._labels:
                self._labels = list(props["labels"])
                self.control.set_options([(label, i) for i, label in enumerate(self._labels)])
            self.control.value = index if index is not None else Select.NULL

    def on_key(self, event: Key) -> None:
        """A letter typed on the closed selectbox filters its options."""
        props = self.element.props
        if self._picker is not None and (event.key == "enter" or event.key in MOVES):
            # pressed after letters, before the open list took the focus: it goes to that list
            event.stop()
            event.prevent_default()
            self._picker.press_early(event.key)
            return
        if not event.is_printable or not event.character or props.get("filter_mode", "fuzzy") is None:
            return
        if props.get("disabled") or self.control.expanded:
            return
        event.stop()
        event.prevent_default()
        if self._picker is not None:
            # typed before the open list took the focus: it goes to that list
            self._picker.type_more(event.character)
            return

        def picked(result: Any) -> None:
            self._picker = None
            self.control.focus()
            if result is None:
                return
            value = result[1] if isinstance(result, tuple) else props["options"][result]
            if not isinstance(result, tuple):
                with self.control.prevent(Select.Changed):
                    self.control.value = result
                self._index = result
            self.send(value)

        self._picker = FilterPicker(str(props["label"]) or "Choose", list(props["labels"]),
                                    props.get("filter_mode", "fuzzy"), event.character,
                                    bool(props.get("accept_new_options")))
        if not open_window(self, self._picker, picked):
            self._picker = None

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        index = None if event.value is Select.NULL else event.value
        if index == self._index:
            return  # Select announces its first value on mount: not a change
        self._index = index
        self.send(None if index is None else self.element.props["options"][index])
