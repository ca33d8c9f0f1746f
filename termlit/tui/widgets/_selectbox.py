"""``st.selectbox``."""

from __future__ import annotations

from typing import Any

from textual.widgets import Select

from termlit.tui.widgets._field import FieldView

__all__ = ["SelectboxView"]


def _index_of(props: dict[str, Any]) -> int | None:
    value = props.get("value")
    if value is None:
        return None
    for i, option in enumerate(props["options"]):
        if option is value:
            return i
    for i, option in enumerate(props["options"]):
        try:
            if bool(option == value):
                return i
        except Exception:
            continue
    return None


class SelectboxView(FieldView):
    """A drop-down: Enter opens it, ↑/↓ move, Enter picks."""

    kind = "selectbox"

    def make_control(self, props: dict[str, Any]) -> Select:
        index = _index_of(props)
        self.control = Select(
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
        self.post_value(None if index is None else self.element.props["options"][index])
