"""``st.feedback``: thumbs, faces or stars."""

from __future__ import annotations

from typing import Any

from termlit.tui.widgets._field import FieldView
from termlit.tui.widgets._options import OptionsControl

__all__ = ["FeedbackView", "GLYPHS"]

#: What each choice looks like; the value is the index.
GLYPHS = {
    "thumbs": ["👎", "👍"],
    "faces": ["😞", "🙁", "😐", "🙂", "😀"],
    "stars": ["☆"] * 5,  # a picked star (and those before it) shows as ★
}


class FeedbackView(FieldView):
    """A row of glyphs. ←/→ move the cursor, Enter or Space picks; picking the
    picked one again clears it. Stars light up to the one picked. See
    :class:`OptionsControl` for the key table."""

    control: OptionsControl

    @staticmethod
    def _selected(kind: str, value: int | None) -> set[int]:
        if value is None:
            return set()
        return set(range(value + 1)) if kind == "stars" else {value}

    def make_control(self, props: dict[str, Any]) -> OptionsControl:
        kind = props["options"]
        self.current = props.get("value")
        self.control = OptionsControl(
            style="stars" if kind == "stars" else "feedback", labels=list(GLYPHS[kind]),
            selected=self._selected(kind, self.current),
        )
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.current = props.get("value")
        self.control.set_options(list(GLYPHS[props["options"]]), self._selected(props["options"], self.current))

    def on_options_control_picked(self, message: OptionsControl.Picked) -> None:
        message.stop()
        self.current = None if self.current == message.index else message.index
        self.control.selected = frozenset(self._selected(self.element.props["options"], self.current))
        self.send(self.current)
