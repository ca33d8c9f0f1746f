"""``st.pills`` and ``st.segmented_control``: a row of options to pick."""

from __future__ import annotations

from typing import Any, ClassVar

from termlit.common.values import find_indexes
from termlit.tui.widgets._field import FieldView
from termlit.tui.widgets._options import OptionsControl

__all__ = ["PillsView", "SegmentedControlView"]


class PillsView(FieldView):
    """Pills in a row (wrapped when narrow). ←/→ move the cursor; Enter or
    Space picks an option, or unpicks it when it is already picked (unless
    ``required``). With ``selection_mode="multi"`` each press adds or removes
    one. See :class:`OptionsControl` for the key table."""

    style: ClassVar[str] = "pills"
    control: OptionsControl

    def _selected(self, props: dict[str, Any]) -> set[int]:
        options = props["options"]
        values = props.get("value")
        if not props.get("multi"):
            values = [] if values is None else [values]
        return {i for i in find_indexes(options, list(values or ())) if i is not None}

    def make_control(self, props: dict[str, Any]) -> OptionsControl:
        self.control = OptionsControl(style=self.style, labels=list(props["labels"]), selected=self._selected(props))
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.control.set_options(list(props["labels"]), self._selected(props))

    def on_options_control_picked(self, message: OptionsControl.Picked) -> None:
        message.stop()
        props = self.element.props
        options = props["options"]
        index = message.index
        selected = set(self.control.selected)
        if props.get("multi"):
            selected ^= {index}
            value: Any = [options[i] for i in sorted(selected)]
        elif index in selected:
            if props.get("required"):
                return
            selected = set()
            value = None
        else:
            selected = {index}
            value = options[index]
        self.control.selected = frozenset(selected)
        self.send(value)


class SegmentedControlView(PillsView):
    """Joined segments, picked like pills (see :class:`PillsView`)."""

    style = "segments"
