"""The key footer: Textual's ``Footer``, rebuilt only when what it shows changes.

Textual's footer rebuilds all of its key widgets (a mount and a style pass
for each) on every change of the active bindings, which is every focus move.
Under a burst of Tabs (a key held down, a paste, a fast typist over SSH)
those rebuilds were most of the app's work: about half of each Tab's cost.
This footer rebuilds at most once per :data:`SETTLE` seconds, whatever the
number of changes meanwhile, and skips the rebuild when the keys it would show
are the ones it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

__all__ = ["SETTLE", "KeyFooter"]

#: Seconds from a change of the bindings to the rebuild that shows it (and
#: every other change made meanwhile).
SETTLE = 0.04


class KeyFooter(Footer):
    """A footer that rebuilds once per burst of focus moves, and only on change."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._settle_timer: Timer | None = None
        self._shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._settle_timer is None:  # one rebuild serves every change until it runs
            self._settle_timer = self.set_timer(SETTLE, self._settled)

    def _shown_keys(self) -> tuple:
        """What the footer would show: the keys, their texts and whether each is enabled."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    async def _settled(self) -> None:
        self._settle_timer = None
        if not self.is_attached:
            return
        shown = self._shown_keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
