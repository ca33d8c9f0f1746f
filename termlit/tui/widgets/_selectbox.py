"""``st.selectbox``."""

from __future__ import annotations

from typing import Any

from textual.widgets import Select

from termlit.common.values import find_index
from termlit.tui.widgets._field import FieldView
from termlit.tui.widgets._safe import SafeSelect

__all__ = ["SelectboxView"]


def _index_of(props: dict[str, Any]) -> int | None:
    value = props.get("value")
    return None if value is None else find_index(props["options"], value)


class SelectboxView(FieldView):
    """A drop-down: Enter opens it, ↑/↓ move, Enter picks."""

    control: Select

    def make_control(self, props: dict[str, Any]) -> Select:
        index = _index_of(props)
        self.control = SafeSelect(
            [(label, i) for i, label in enumerate(props["labels"])],
            prompt=props.get("placeholder") or "Choose an option",
            allow_blank=index is None,
            value=index if index is not None else Select.NULL,
            compact=True,
        )
        self._labels = list(props["labels"])
        self._index = index
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        index = _index_of(props)
        self._index = index
        with self.control.prevent(Select.Changed):
            if props["labels"] != self._labels:
                self._labels = list(props["labels"])
                self.control.set_options([(label, i) for i, label in enumerate(self._labels)])
            self.control.value = index if index is not None else Select.NULL

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        index = None if event.value is Select.NULL else event.value
        if index == self._index:
            return  # Select announces its first value on mount: not a change
        self._index = index
        self.send(None if index is None else self.element.props["options"][index])
