"""``st.select_slider``: a slider whose stops are a list of options."""

from __future__ import annotations

from typing import Any

from termlit.common.values import find_index
from termlit.tui.widgets._field import FieldView
from termlit.tui.widgets._slider import SliderControl

__all__ = ["SelectSliderControl", "SelectSliderView"]


class SelectSliderControl(SliderControl):
    """The track of a select slider: each stop is an option.

    | Key | Action |
    | --- | --- |
    | ← / → | previous / next option |
    | shift+← / shift+→, PgDn / PgUp | ten options |
    | Home / End | the first / the last option |
    | Space | switch thumb (range sliders) |
    """

    def __init__(self, props: dict[str, Any]) -> None:
        super().__init__(_track_props(props))

    def set_props(self, props: dict[str, Any]) -> None:
        super().set_props(_track_props(props))

    @property
    def temporal(self) -> bool:
        return False

    def to_num(self, value: Any) -> float:
        return find_index(self.props["options"], value) or 0

    def from_num(self, number: float) -> Any:
        return self.props["options"][int(number)]

    @property
    def num_step(self) -> float:
        return 1

    def snap(self, value: float) -> Any:
        options = self.props["options"]
        return options[min(max(int(round(value)), 0), len(options) - 1)]

    def text_of(self, value: Any) -> str:
        return self.props["labels"][int(self.to_num(value))]


def _track_props(props: dict[str, Any]) -> dict[str, Any]:
    options = props["options"]
    return {**props, "min": options[0], "max": options[-1], "step": 1, "number_type": "option"}


class SelectSliderView(FieldView):
    control_class = SelectSliderControl
