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

    kind = "feedback"

    def _selected(self, props: dict[str, Any]) -> set[int]:
        value = props.get("value")
        if value is None:
            return set()
        return set(range(value + 1)) if props["options"] == "stars" else {value}

    def _labels(self, props: dict[str, Any], selected: set[int]) -> list[str]:
        glyphs = GLYPHS[props["options"]]
        if props["options"] == "stars":
            return ["★" if i in selected else g for i, g in enumerate(glyphs)]
        return list(glyphs)

    def make_control(self, props: dict[str, Any]) -> OptionsControl:
        self.current = props.get("value")
        selected = self._selected(props)
        self.control = OptionsControl(
            self, style="feedback", labels=self._labels(props, selected), selected=selected
        )
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.current = props.get("value")
        selected = self._selected(props)
        self.control.set_options(self._labels(props, selected), selected)

    def choose(self, index: int) -> None:
        props = {**self.element.props, "value": None if self.current == index else index}
        self.current = props["value"]
        selected = self._selected(props)
        self.control.set_options(self._labels(props, selected), selected)
        self.post_value(self.current)
