"""How the app paces what it draws: one frame per change, one relayout per burst.

:class:`Pacing` is a mixin of the app. A change the user makes is sent to the
runner, and the screen waits a moment (:data:`RERUN_GRACE`) for the rerun it
causes: when the run is quick, the widget's own change and the run's result
reach the terminal as one frame. A key's action holds repaints until the
messages it posted have reached the app (:class:`ActionDone` follows them), so
the widget's change cannot slip out on its own before the app has heard of it.

A toggle (ctrl+b for the sidebar, F1 and ``?`` for the key help) waits one
frame (:data:`TOGGLE_SETTLE`) for more presses of its key, so a burst of them
is one relayout to the state the last press asked for. A key that closes the
help (Esc, q) while the help is still to open cancels it
(:meth:`Pacing.toggle_takes`), so F1 then Esc, however fast, ends with the
help closed, as the keys asked.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from textual.app import App
from textual.timer import Timer
from textual.widget import Widget

from termlit.tui.chrome import ActionDone
from termlit.tui.keys import KeyHelp, key_sections

__all__ = ["CLOSE_HELP_KEYS", "RERUN_GRACE", "TOGGLE_SETTLE", "Pacing"]

#: How long the screen waits, after a change, for the rerun it causes before
#: it shows the change alone: one frame at Textual's 60 frames a second.
RERUN_GRACE = 1 / 60
#: How long a toggle (ctrl+b, F1) waits for more presses of its key before it
#: shows the state the last one asked for: one frame.
TOGGLE_SETTLE = 1 / 60
#: The keys that close the key help (its own bindings).
CLOSE_HELP_KEYS = frozenset({"escape", "q"})


class Pacing(App[None]):
    """Holds repaints for one frame per change and settles bursts of toggles."""

    def __init__(self) -> None:
        super().__init__()
        #: While the screen holds repaints: the batch, the timer that ends
        #: it, the actions whose messages are still on their way, and the
        #: run whose newer result ends the wait.
        self._held: ExitStack | None = None
        self._grace: Timer | None = None
        self._actions = 0
        self._awaiting: int | None = None
        #: Toggles waiting for their keys to settle: name -> the state wanted.
        self._toggles: dict[str, bool] = {}

    def _hold_frame(self) -> None:
        """Hold repaints back (for :data:`RERUN_GRACE` at most)."""
        if self._held is None:
            self._held = ExitStack()
            self._held.enter_context(self.batch_update())
            self._grace = self.set_timer(RERUN_GRACE, self._grace_over)

    def _grace_over(self) -> None:
        self._actions, self._awaiting = 0, None
        self._show_frame()

    def _show_frame(self) -> None:
        """End the hold once nothing it waits for is left."""
        if self._held is None or self._actions or self._awaiting is not None:
            return
        held, self._held = self._held, None
        if self._grace is not None:
            self._grace.stop()
            self._grace = None
        held.close()
        self.screen.check_idle()

    async def run_action(self, action: Any, default_namespace: Any = None, namespaces: Any = None) -> bool:
        """Run an action; one a key runs on a widget holds repaints until the
        messages it made the widget post have reached the app."""
        if not isinstance(default_namespace, Widget):
            return await super().run_action(action, default_namespace, namespaces)
        self._hold_frame()
        self._actions += 1
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:  # a widget's action failed: that widget goes, the app stays
            if self._faulty_view(error) is None:
                raise
            self._handle_exception(error)
            return True
        finally:
            if not default_namespace.post_message(ActionDone()):  # the widget is gone
                self._actions -= 1
                self._show_frame()

    def on_action_done(self, message: ActionDone) -> None:
        message.stop()
        self._actions = max(self._actions - 1, 0)
        self._show_frame()

    def _toggle_later(self, name: str, wanted: bool) -> None:
        """Show or hide ``name`` (the sidebar, the key help) once the keys
        asking for it settle: a burst of ctrl+b or F1 presses is one relayout
        showing the state the last press asked for, not one per press."""
        pending = name in self._toggles
        self._toggles[name] = wanted
        if not pending:
            self.set_timer(TOGGLE_SETTLE, lambda: self._apply_toggle(name))

    def toggle_takes(self, key: str) -> bool:
        """True when ``key`` is for a toggle still settling, and taken by it:
        Esc or q while the key help waits to open (the help would have
        taken them, and closed)."""
        if key in CLOSE_HELP_KEYS and self._toggles.get("help") and not isinstance(self.screen, KeyHelp):
            self._toggles["help"] = False
            return True
        return False

    def _apply_toggle(self, name: str) -> None:
        wanted = self._toggles.pop(name, None)
        if wanted is None:
            return
        if name == "sidebar":
            self.sidebar_area.set_class(not wanted, "-hidden")
        elif wanted and not isinstance(self.screen, KeyHelp):
            self.push_screen(KeyHelp(key_sections(self.screen.active_bindings, self.get_key_display)))
        elif not wanted and isinstance(self.screen, KeyHelp):
            self.screen.dismiss()
