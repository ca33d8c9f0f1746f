"""Charts: scatter, line, area and bar, drawn by plotext off the UI thread.

The view asks for its picture at its current size; pictures are kept in a
small cache by (data, encodings, size), so a rerun that passes the same frame
again, or a resize back to a size seen before, costs a lookup. The caches are
shared by every chart view and the worker threads that draw for them.

A chart over a lazy source (``props["lazy"]``, see
:mod:`termlit.common.lazychart`) is keyed by the source's key instead of the
data's identity: its ranges are asked once per source and encodings, its
bins once per size, both in the worker, one request at a time per source (a
request overtaken while it waited asks nothing); a rerun over the same
source (same key) draws from the caches.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from rich.text import Text
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from termlit.common.chartdata import chart_data
from termlit.common.lazychart import bars, binned, limits, skeleton
from termlit.runtime.tree import Element
from termlit.tui._plot import draw_chart, plot_cells
from termlit.tui._plotext import DOTS_X, DOTS_Y
from termlit.tui.widgets._base import ElementView

__all__ = ["ChartView", "chart_picture"]

#: Lines a chart takes when the script gives no height.
DEFAULT_HEIGHT = 14
#: Streamlit heights are pixels; about this many make a terminal line.
PIXELS_PER_LINE = 20


class _Memo:
    """A small least-recently-used map, safe to use from several threads.

    Keys start with ``id(data)``; the data is kept with the value, so a hit
    is only a hit for that very object (an id can be reused once the object
    is gone)."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._items: OrderedDict[tuple, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, data: Any) -> Any:
        with self._lock:
            hit = self._items.get(key)
            if hit is None or hit[0] is not data:
                return None
            self._items.move_to_end(key)
            return hit[1]

    def put(self, key: tuple, data: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = (data, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


#: (id(data), encodings, width, height) -> the picture
_pictures = _Memo()
#: (id(data), encodings) -> the ChartData
_series = _Memo()
#: (source key, encodings) -> a lazy chart's Limits
_limits = _Memo()
#: source key -> a lock: queries on one lazy source take turns, and a
#: request overtaken while it waited (a burst of resizes) asks nothing.
_turns: dict[Any, threading.Lock] = {}
_turns_lock = threading.Lock()


def _turn(source_key: Any) -> threading.Lock:
    with _turns_lock:
        return _turns.setdefault(source_key, threading.Lock())


def _never() -> bool:
    return False

_ENCODINGS = ("chart", "x", "y", "color", "size", "x_label", "y_label", "horizontal", "stack", "sort")


def _frozen(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    return value


def encoding_key(props: dict[str, Any]) -> tuple:
    data_id = ("lazy", props["source_key"]) if props.get("lazy") is not None else id(props["data"])
    return (data_id,) + tuple(_frozen(props.get(name)) for name in _ENCODINGS)


def _token(props: dict[str, Any]) -> Any:
    """What a cache hit must be kept with: the frame itself; nothing for a
    lazy source (its key is in the cache key)."""
    return None if props.get("lazy") is not None else props["data"]


def lazy_chart(props: dict[str, Any], width: int, height: int, stale: Any = _never) -> str | None:
    """A lazy chart at ``width`` x ``height``: ranges (cached), then the bins
    of this size from the engine, drawn as ANSI text; None when ``stale()``
    says, once it is this request's turn, that nobody wants it any more."""
    plan, source = props["lazy"], props["data"]
    key = encoding_key(props)
    with _turn(props["source_key"]):
        if stale():
            return None
        lim = _limits.get(key, None)
        if lim is None:
            lim = limits(source, plan)
            _limits.put(key, None, lim)
        if plan.chart == "bar":
            across = width if not props.get("horizontal") else height * 3
            data = bars(source, plan, lim, max(across // 3, 4))
        else:
            area = plot_cells(skeleton(plan, lim), props, width, height)
            data = skeleton(plan, lim) if area is None else binned(source, plan, lim, area[0] * DOTS_X,
                                                                   area[1] * DOTS_Y)
    return draw_chart(plan.chart, data, props, width, height)


def chart_picture(props: dict[str, Any], width: int, height: int, stale: Any = _never) -> Text | None:
    """The chart for ``props`` at ``width`` x ``height`` (cached); None only
    for a lazy chart whose request went stale (see :func:`lazy_chart`)."""
    data = _token(props)
    key = encoding_key(props)
    text = _pictures.get(key + (width, height), data)
    if text is not None:
        return text
    if props.get("lazy") is not None:
        drawn = lazy_chart(props, width, height, stale)
        if drawn is None:
            return None
    else:
        series = _series.get(key, data)
        if series is None:
            series = chart_data(props)
            _series.put(key, data, series)
        drawn = draw_chart(props["chart"], series, props, width, height)
    text = Text.from_ansi(drawn, no_wrap=True)
    _pictures.put(key + (width, height), data, text)
    return text


class ChartView(ElementView, Widget):
    """A plotext chart that redraws (off the UI thread) when its data or size changes."""

    DEFAULT_CSS = """
    ChartView { height: 14; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()
        #: The chart on screen (None until the first is drawn).
        self.picture: Text | None = None
        self._shown_key: tuple | None = None
        self._set_height(element.props)
        self._set_alt(element.props)

    def _set_height(self, props: dict[str, Any]) -> None:
        height = props.get("height")
        if isinstance(height, int) and not isinstance(height, bool):
            self.styles.height = max(height // PIXELS_PER_LINE, 5)
        else:
            self.styles.height = DEFAULT_HEIGHT

    def apply_props(self, props: dict[str, Any]) -> None:
        self._set_height(props)
        self._set_alt(props)
        self._schedule()

    def _set_alt(self, props: dict[str, Any]) -> None:
        """``alt`` describes the chart: its tooltip, and the text shown
        until it is drawn or when it cannot be."""
        self.tooltip = props.get("alt")

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
        hit = _pictures.get(key, _token(props))
        if hit is not None:
            self._show(key, hit)
            return

        def work() -> tuple[tuple, Text | None]:
            worker = get_current_worker()
            try:
                return key, chart_picture(props, width, height, stale=lambda: worker.is_cancelled)
            except Exception as exc:  # a bad column or value: say so in place of the chart
                alt = props.get("alt")
                return key, Text(f"{alt + ': ' if alt else ''}This chart cannot be drawn: {exc}", style="italic")

        self.run_worker(work, thread=True, exclusive=True, group="chart", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS:
            self._show(*event.worker.result)

    def _show(self, key: tuple, text: Text | None) -> None:
        props, width, height = self._wanted()
        if text is None or key != encoding_key(props) + (width, height):
            return  # an older picture finished after a newer request
        self._shown_key = key
        self.picture = text
        self.refresh()

    @property
    def drawn(self) -> bool:
        """True when the picture on screen is the one for the current data and size."""
        props, width, height = self._wanted()
        return self._shown_key == encoding_key(props) + (width, height)

    def render(self) -> Text:
        if self.picture is None:
            alt = self.element.props.get("alt")
            return Text(f"{alt} (drawing…)" if alt else "drawing…", style="dim italic")
        return self.picture
