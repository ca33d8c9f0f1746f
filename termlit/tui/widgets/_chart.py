"""Charts: scatter, line, area and bar, drawn by plotext off the UI thread.

The view asks for its picture at its current size; pictures are kept in a
small cache by (data, encodings, size), so a rerun that passes the same frame
again, or a resize back to a size seen before, costs a lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from rich.text import Text
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["ChartView"]

#: Lines a chart takes when the script gives no height.
DEFAULT_HEIGHT = 14
#: Streamlit heights are pixels; about this many make a terminal line.
PIXELS_PER_LINE = 20
_CACHE_SIZE = 32
#: (id(data), encodings, width, height) -> (data, picture); data is kept so its id stays unique.
_pictures: OrderedDict[tuple, tuple[Any, Text]] = OrderedDict()
#: (id(data), encodings) -> (data, ChartData)
_series: OrderedDict[tuple, tuple[Any, Any]] = OrderedDict()

_ENCODINGS = ("chart", "x", "y", "color", "size", "x_label", "y_label", "horizontal", "stack", "sort")


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def encoding_key(props: dict[str, Any]) -> tuple:
    return (id(props["data"]),) + tuple(_frozen(props.get(name)) for name in _ENCODINGS)


def _remember(cache: OrderedDict, key: tuple, value: tuple) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)


def picture(props: dict[str, Any], width: int, height: int) -> Text:
    """The chart for ``props`` at ``width`` x ``height`` (cached)."""
    from termlit.common.chartdata import chart_data
    from termlit.tui._plot import draw_chart

    data = props["data"]
    key = encoding_key(props)
    hit = _pictures.get(key + (width, height))
    if hit is not None and hit[0] is data:
        return hit[1]
    series = _series.get(key)
    if series is None or series[0] is not data:
        series = (data, chart_data(props))
        _remember(_series, key, series)
    text = Text.from_ansi(draw_chart(props["chart"], series[1], props, width, height), no_wrap=True)
    _remember(_pictures, key + (width, height), (data, text))
    return text


class ChartView(ElementView, Widget):
    """A plotext chart that redraws (off the UI thread) when its data or size changes."""

    DEFAULT_CSS = """
    ChartView { height: 14; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        self._picture: Text | None = None
        self._shown_key: tuple | None = None
        self._set_height(element.props)

    def _set_height(self, props: dict[str, Any]) -> None:
        height = props.get("height")
        if isinstance(height, int) and not isinstance(height, bool):
            self.styles.height = max(height // PIXELS_PER_LINE, 5)
        else:
            self.styles.height = DEFAULT_HEIGHT

    def apply_props(self, props: dict[str, Any]) -> None:
        self._set_height(props)
        self._schedule()

    def on_mount(self) -> None:
        self._schedule()

    def on_resize(self) -> None:
        self._schedule()

    def _wanted(self) -> tuple[dict[str, Any], int, int]:
        props = self.element.props
        width = self.size.width
        wanted_width = props.get("width")
        if isinstance(wanted_width, int) and not isinstance(wanted_width, bool):
            width = min(width, max(wanted_width // 8, 20))
        return props, width, self.size.height

    def _schedule(self) -> None:
        props, width, height = self._wanted()
        if width <= 0 or height <= 0:
            return
        key = encoding_key(props) + (width, height)
        if key == self._shown_key:
            return
        hit = _pictures.get(key)
        if hit is not None and hit[0] is props["data"]:
            self._show(key, hit[1])
            return

        def work() -> None:
            try:
                text = picture(props, width, height)
            except Exception as exc:  # a bad column or value: say so in place of the chart
                text = Text(f"This chart cannot be drawn: {exc}", style="italic")
            self.app.call_from_thread(self._show, key, text)

        self.run_worker(work, thread=True, exclusive=True, group="chart", exit_on_error=False)

    def _show(self, key: tuple, text: Text) -> None:
        props, width, height = self._wanted()
        if key != encoding_key(props) + (width, height):
            return  # an older picture finished after a newer request
        self._shown_key = key
        self._picture = text
        self.refresh()

    @property
    def drawn(self) -> bool:
        """True when the picture on screen is the one for the current data and size."""
        props, width, height = self._wanted()
        return self._shown_key == encoding_key(props) + (width, height)

    def render(self) -> Text:
        if self._picture is None:
            return Text("drawing…", style="dim italic")
        return self._picture
