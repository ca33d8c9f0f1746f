"""What keeps the app up when one of its widgets fails, and ``NO_COLOR`` drawing.

:class:`FaultContainment` is a mixin of the app: an exception that escapes a
widget's key, paint, mount or message handler takes only that element off the
screen (an error shows in its place), is logged, and the app goes on; a
removed widget left with the focus gives it up; SIGHUP ends the app.

Textual has no public hook for an exception raised in a handler (it ends the
app), so termlit overrides a private Textual method here,
``App._handle_exception`` (and ``App._print`` in ``tui/app.py``, to keep
script output in order), and reads a widget's private closing state; the
``textual<9`` pin and ``tests/test_faults.py`` (key, paint, mount and message
faults) keep it honest on upgrades. :func:`guard_timers` keeps Textual's
timers from spinning on a negative interval.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from functools import lru_cache
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.filter import LineFilter
from textual.message_pump import active_message_pump
from textual.timer import Timer
from textual.widget import Widget

from termlit.runtime.exceptions import exception_props_from_text
from termlit.runtime.tree import Element
from termlit.tui.widgets import view_class
from termlit.tui.widgets._base import ElementView

__all__ = ["HANGUP_DEADLINE", "MIN_TIMER", "FaultContainment", "NoColours", "fault_text", "guard_timers"]


#: Seconds the process has to end after SIGHUP before it is ended outright.
HANGUP_DEADLINE = 5.0


#: The shortest timer Textual is given, in seconds (see :func:`guard_timers`).
MIN_TIMER = 0.001


def guard_timers() -> None:
    """Give every Textual timer an interval of at least :data:`MIN_TIMER`.

    Textual's ``Timer`` loops forever without yielding when its interval is
    zero or negative (its catch-up arithmetic never catches up), and a toast
    sets a timer of its notification's time left when it mounts: a toast
    that mounts after its notification expired (an app busy with a burst of
    keys, each saying "nothing in the sidebar") froze the app for good
    (Textual 8.2; found by the soak)."""
    if getattr(Timer.__init__, "guarded", False):
        return
    original = Timer.__init__

    def __init__(self: Timer, event_target: Any, interval: float, *args: Any, **kwargs: Any) -> None:
        original(self, event_target, max(interval, MIN_TIMER), *args, **kwargs)

    __init__.guarded = True  # type: ignore[attr-defined]
    Timer.__init__ = __init__  # type: ignore[method-assign]


class FaultContainment:
    """Mixin for the app (it needs ``main_area``, ``sidebar_area``,
    ``faults``, ``output_log`` and ``_replacing``)."""

    def _on_sighup(self, signum: int, frame: Any) -> None:
        """SIGHUP, as a plain signal handler: it runs in the main thread at
        once, even while the event loop is blocked (an app deep in a storm's
        backlog, its writes to the gone terminal stuck), so the deadline
        starts now; the app's own ending is then asked of the loop."""
        self._arm_hangup_deadline()
        try:
            self._sighup_loop.call_soon_threadsafe(self._hang_up)
        except (AttributeError, RuntimeError):  # no loop any more: the deadline ends it
            pass

    def _arm_hangup_deadline(self) -> None:
        if getattr(self, "_hangup_deadline", None) is None:
            self._hangup_deadline = threading.Timer(HANGUP_DEADLINE, os._exit, args=(128 + signal.SIGHUP,))
            self._hangup_deadline.daemon = True
            self._hangup_deadline.start()

    def _hang_up(self) -> None:
        """The terminal went away (SIGHUP): end the app and its script. A
        script thread that does not stop cannot keep the process alive: it
        ends after :data:`HANGUP_DEADLINE` seconds whatever happens."""
        self.hung_up = True
        self._arm_hangup_deadline()
        self.exit(return_code=128 + signal.SIGHUP)

    def _drop_stale_focus(self) -> None:
        """A focused widget that was removed (its page or element went away
        while it had focus) would swallow every key: focus nothing instead,
        so Tab and the app's keys work again."""
        focused = self.focused
        if focused is not None and (focused._closed or focused._closing or not focused.is_attached):
            self.screen.set_focus(None)

    def _handle_exception(self, error: Exception) -> None:
        """An exception escaped a handler (a key, a paint, a mount, a message).
        When it came from an element's widget, that element shows the error
        in its place (until the next run builds it afresh), the fault is
        logged, and the app goes on; anything else ends the app, as in
        Textual."""
        view = self._faulty_view(error)
        try:
            pump = active_message_pump.get()
        except LookupError:
            pump = None
        inside = isinstance(pump, Widget) and view is not None and (pump is view or view in pump.ancestors)
        if view is None or (not inside and _ends_the_loop(error)):
            # Not an element's fault, or the screen's (or app's) own message loop
            # ends with it: going on would leave a screen that answers no key.
            super()._handle_exception(error)  # type: ignore[misc]
            return
        if id(view) in self._replacing:
            return  # the same widget failing again (each repaint) before it is replaced
        self._replacing.add(id(view))
        if inside:
            # Textual ends the message loop of a widget whose handler raised:
            # nothing may wait on that widget any more (its removal, a test's pause).
            pump._closing = True
            for timer in list(pump._timers):
                timer.stop()
            _hand_over_callbacks(pump, self)
        self.faults.append(fault_text(view.element.kind, error))
        self.output_log.write(self.faults[-1])
        self.log.error(self.faults[-1])
        self.call_later(self._replace_faulty, view, error)

    def _faulty_view(self, error: BaseException) -> ElementView | None:
        """The element view whose widget raised ``error``: the innermost
        handler's ``self`` that lives in an element view."""
        frames = []
        tb = error.__traceback__
        while tb is not None:
            frames.append(tb.tb_frame)
            tb = tb.tb_next
        for frame in reversed(frames):
            node = frame.f_locals.get("self")
            if not isinstance(node, Widget):
                continue
            while node is not None and not isinstance(node, ElementView):
                node = node.parent
            if node is not None and self._owner_of(node) is not None:
                return node
        return None

    def _owner_of(self, view: ElementView) -> Any:
        """The area or container view whose ``views`` hold ``view``."""
        todo: list[Any] = [self.main_area, self.sidebar_area]
        while todo:
            owner = todo.pop()
            views = getattr(owner, "views", None) or []
            if any(child is view for child in views):
                return owner
            todo.extend(views)
        return None

    async def _replace_faulty(self, view: ElementView, error: Exception) -> None:
        try:
            owner = self._owner_of(view)
            if owner is None:
                return
            element = view.element
            shown = Element("exception", element.id, exception_props_from_text(
                type(error).__name__,
                f"st.{element.kind} stopped working and was taken off the screen: {error}. "
                "The rest of the app goes on; the next run shows it again (ctrl+r).",
            ))
            replacement = view_class("exception")(shown)
            focus_was_inside = self.focused is not None and (
                self.focused is view or view in self.focused.ancestors
            )
            widget: Widget = view  # type: ignore[assignment]
            await owner.child_host.mount(replacement, after=widget)
            owner.views = [replacement if child is view else child for child in owner.views]
            try:
                await widget.remove()
            except Exception:  # noqa: BLE001 - a widget that cannot even leave: hide it
                widget.display = False
            if focus_was_inside:
                self.screen.focus_next()
        finally:
            self._replacing.discard(id(view))


class NoColours(LineFilter):
    """``NO_COLOR``: every colour taken out of what is drawn; bold, dim,
    italic, underline and reverse stay (Textual's own filter draws greys)."""

    def apply(self, segments: list[Segment], background: Any) -> list[Segment]:
        return [Segment(text, _colourless(style) if style is not None else None, control)
                for text, style, control in segments]


@lru_cache(4096)
def _colourless(style: Style) -> Style:
    return style.without_color


#: Where Textual catches a handler's exception and ends the pump's message loop.
_LOOP_ENDERS = {"_process_messages_loop", "_flush_next_callbacks", "_pre_process"}


def _hand_over_callbacks(pump: Any, app: Any) -> None:
    """Callbacks already queued on a widget whose loop ended (``call_later``:
    Textual's own, or a test's wait for the screen) run on the app instead,
    so whoever waits on them is not left waiting."""
    queue = pump._message_queue
    while not queue.empty():
        message = queue.get_nowait()
        if isinstance(message, events.Callback):
            app.call_later(message.callback)


def _ends_the_loop(error: BaseException) -> bool:
    """True when ``error`` was caught where Textual ends the message loop."""
    tb = error.__traceback__
    return tb is not None and tb.tb_frame.f_code.co_name in _LOOP_ENDERS


def fault_text(kind: str, error: BaseException) -> str:
    """A widget's fault as logged: what failed and the traceback."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"st.{kind} failed in its widget and was taken off the screen:\n{trace}"
