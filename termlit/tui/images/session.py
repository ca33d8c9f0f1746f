"""One app's graphics: the tier its terminal gets, found once at start.

:class:`SessionGraphics` starts with the cell tier for the colour depth
Textual found (so pictures show at once), writes the probe's questions with
the app's driver, takes the answers out of the key presses while they come
in (for one second at most), then settles on the best tier and has every
picture drawn again. Key presses that come in meanwhile and are not part of
an answer are held and handed back to the app, in order, when the probe
ends: nothing the user types is lost. A headless app (snapshots, tests) is not asked: it
gets half blocks in true colour, unless the app was given a tier.
"""

from __future__ import annotations

import os
from typing import Any

from textual import events

from termlit.tui.images.probe import QUERY, TerminalProbe
from termlit.tui.images.tiers import Graphics, Tier, choose_tier, tier_override

__all__ = ["SessionGraphics", "in_tmux"]

#: The longest wait for the terminal's answers, in seconds.
PROBE_TIMEOUT = 1.0


def in_tmux(environ: Any = os.environ) -> bool:
    """True inside tmux or screen (which pass neither protocol through by default)."""
    term = environ.get("TERM", "")
    return bool(environ.get("TMUX")) or term.startswith(("tmux", "screen"))


class SessionGraphics:
    """See the module docstring; ``app.graphics`` is the result."""

    def __init__(self, app: Any, images: str | None = None) -> None:
        self.app = app
        self.override = tier_override(images)
        self._probe: TerminalProbe | None = None
        self._timer: Any = None
        #: Key presses taken while the probe runs, with the text each added.
        self._held: list[tuple[events.Key, str]] = []

    def _cell_tier(self) -> Tier:
        return choose_tier(kitty=False, sixel=False, color_system=self.app.console.color_system,
                           no_color=bool(getattr(self.app, "no_color", False)), in_tmux=True)

    def start(self) -> Graphics:
        """The graphics to use now; asks the terminal when that may do better."""
        app = self.app
        if app.is_headless:
            return Graphics(self.override or Tier.BLOCKS)
        if self.override is not None:
            return Graphics(self.override)
        first = Graphics(self._cell_tier())
        driver = getattr(app, "_driver", None)  # Textual has no public handle on its driver's write
        if first.tier is not Tier.TEXT and driver is not None:
            self._probe = TerminalProbe()
            driver.write(QUERY)
            driver.flush()
            self._timer = app.set_timer(PROBE_TIMEOUT, self.finish)
        return first

    def take(self, event: events.Event) -> bool:
        """Keep a key press that is part of the terminal's answers away from
        the page; True when it was taken."""
        if self._probe is None or not isinstance(event, events.Key):
            return False
        characters = event.character or ""
        named = not characters.isprintable() and characters != "\x1b"
        if named and not self._held:
            return False  # a named key (arrows, Tab...) is never part of an answer

        self._probe.feed(characters)
        self._held.append((event, characters))
        if self._probe.done:
            self.finish()
        return True

    def finish(self) -> None:
        """Settle on the tier the answers allow and redraw the pictures."""
        probe, self._probe = self._probe, None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if probe is None:
            return
        held, self._held = self._held, []
        self._give_back(held)
        answers = probe.answers()
        tier = choose_tier(kitty=answers.kitty, sixel=answers.sixel, color_system=self.app.console.color_system,
                           no_color=bool(getattr(self.app, "no_color", False)), in_tmux=in_tmux())
        width, height = answers.cell or (10, 20)
        graphics = Graphics(tier, width, height)
        if graphics != self.app.graphics:
            self.app.graphics = graphics
            self.app.pictures_changed()

    def _give_back(self, held: list[tuple[events.Key, str]]) -> None:
        """Post again, in order, the held key presses that were the user's."""
        text, owner = "", []
        for index, (_event, characters) in enumerate(held):
            text += characters
            owner.extend([index] * len(characters))
        answer = {owner[i] for i in TerminalProbe.answer_positions(text)}
        for index, (event, _characters) in enumerate(held):
            if index not in answer:
                self.app.post_message(event)
