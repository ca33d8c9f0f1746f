"""Toasts that a burst cannot pile up.

Textual walks every toast on screen for each new one, so hundreds of them
(ctrl+b held on an app with an empty sidebar, or a script that toasts on
every rerun during a burst) stall the keys for seconds. :class:`BoundedToasts`
shows a toast once while the same one is still up, and at most
:data:`MAX_TOASTS` at a time (a new one closes the oldest).

It also walks Textual's toast collection without ``list()``: that counts
the collection mid-walk, and counting drops expired toasts."""

from __future__ import annotations

from textual.app import App
from textual.notifications import Notify

__all__ = ["BoundedToasts", "MAX_TOASTS"]

#: Toasts shown at once; a new one past this closes the oldest.
MAX_TOASTS = 5


class BoundedToasts(App[None]):
    """An app's toasts, deduplicated and bounded."""

    def _on_notify(self, event: Notify) -> None:
        event.prevent_default()  # instead of App._on_notify
        new = event.notification
        # a walk, not list(): list() also counts the collection, and counting
        # drops expired toasts, so one expiring in between changed the dict
        # under the walk ("dictionary changed size during iteration")
        showing = [n for n in self._notifications]
        if any((n.message, n.title, n.severity) == (new.message, new.title, new.severity) for n in showing):
            return
        self._notifications.add(new)
        for old in showing[: max(0, len(showing) + 1 - MAX_TOASTS)]:
            self._unnotify(old, refresh=False)
        self._refresh_notifications()
