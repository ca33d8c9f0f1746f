"""``st.radio``: the options on screen, one picked (past 50 options, the
window of them around the cursor: see :mod:`._options`)."""

from __future__ import annotations

from typing import Any

from termlit.common.values import find_index
from termlit.tui.widgets._field import FieldView
from termlit.tui.widgets._options import OptionsControl

__all__ = ["RadioView"]


class RadioView(FieldView):
    """Options one per line (or in a row with ``horizontal=True``), captions
    under them. ↑/↓ or ←/→ move the cursor; Enter or Space picks; see
    :class:`OptionsControl` for the key table."""

    control: OptionsControl

    def _selected(self, props: dict[str, Any]) -> set[int]:
        i = find_index(props["options"], props.get("value"))
        return set() if i is None else {i}

    def make_control(self, props: dict[str, Any]) -> OptionsControl:
        self.control = OptionsControl(
            style="radio", labels=list(props["labels"]), selected=self._selected(props),
            captions=props.get("captions"), horizontal=bool(props.get("horizontal")),
        )
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.control.set_options(
            list(props["labels"]), self._selected(props), props.get("captions"), bool(props.get("horizontal"))
        )

    def on_options_control_picked(self, message: OptionsControl.Picked) -> None:
        message.stop()
        if message.index in self.control.selected:
            return
        self.control.selected = frozenset({message.index})
        self.send(self.element.props["options"][message.index])
