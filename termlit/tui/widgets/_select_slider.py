"""``st.select_slider``: a slider whose stops are a list of options."""

from __future__ import annotations

from typing import Any

from termlit.tui.widgets._field import FieldView
from termlit.tui.widgets._slider import SliderControl

__all__ = ["SelectSliderControl", "SelectSliderView"]


def option_index(options: list[Any], value: Any) -> int:
    for i, option in enumerate(options):
        if option is value:
            return i
    for i, option in enumerate(options):
        try:
            if bool(option == value):
                return i
        except Exception:
            continue
    return 0


class SelectSliderControl(SliderControl):
    """The track of a select slider: each stop is an option.

    | Key | Action |
    | --- | --- |
    | ← / → | previous / next option |
    | shift+← / shift+→, PgDn / PgUp | ten options |
    | Home / End | the first / the last option |
    | Space | switch thumb (range sliders) |
    """

    @property
    def temporal(self) -> bool:
        return False

    def to_num(self, value: Any) -> float:
        return option_index(self.props["options"], value)

    def from_num(self, number: float) -> Any:
        return self.props["options"][int(number)]

    @property
    def num_step(self) -> float:
        return 1

    def _snap(self, value: float) -> Any:
        options = self.props["options"]
        return options[min(max(int(round(value)), 0), len(options) - 1)]

    def _text(self, value: Any) -> str:
        return self.props["labels"][option_index(self.props["options"], value)]


def _track_props(props: dict[str, Any]) -> dict[str, Any]:
    options = props["options"]
    return {
        **props,
        "min": options[0],
        "max": options[-1],
        "step": 1,
        "number_type": "option",
    }


class SelectSliderView(FieldView):
    kind = "select_slider"

    def make_control(self, props: dict[str, Any]) -> SelectSliderControl:
        self.control = SelectSliderControl(self, _track_props(props))
        return self.control

    def apply_control(self, props: dict[str, Any]) -> None:
        self.control.set_props(_track_props(props))
