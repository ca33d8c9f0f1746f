"""Runs that ctrl+c cannot stop: left behind, and a new worker started.

A run blocked in a call that no exception reaches (``time.sleep(1000)``, a
read without a timeout) ignores ctrl+c's stop request and the asynchronous
exception that follows it. :func:`abandon_run` leaves such a run behind.
"""

from __future__ import annotations

import threading
from typing import Any

from termlit.runtime.exceptions import exception_props_from_text
from termlit.runtime.tree import Element

__all__ = ["ABANDON_AFTER", "Abandoned", "abandon_run"]

#: Seconds after ctrl+c's forced stop that a run still blocked is abandoned.
ABANDON_AFTER = 2.0


class Abandoned(Exception):
    """Skips the end of a run that :func:`abandon_run` left behind."""


def abandon_run(self: Any, ctx: Any, waited: float, result_class: Any, stopped: Any) -> None:
    """Leave the run ``ctx`` of the runner ``self`` behind when it is still blocked after ctrl+c
    (in a call that no exception reaches, such as ``time.sleep(1000)``):
    show what it drew with a message, and start a new worker thread for
    the next requests. The old thread ends at its next st.* call, or when
    its call returns; what it does meanwhile no longer reaches the screen.
    ``result_class`` and ``stopped`` are the runner's RunResult and
    RunStatus.STOPPED (passed in: this module does not import the runner)."""
    with self._lock:
        if self._ctx is not ctx or self._shutdown:
            return
        ctx.abandoned = True
        self._ctx = None
        self._run_thread_id = None
        main, sidebar = ctx.snapshot()
        main.children.append(Element("exception", "main/RunAbandoned:exception", exception_props_from_text(
            "ScriptBlocked",
            f"The script did not stop within {waited:g} seconds of ctrl+c: it is blocked in "
            "a call that cannot be interrupted (such as time.sleep() or a network read). termlit left "
            "that run behind; the next change or ctrl+r starts a new run. Give blocking calls a "
            "timeout, or sleep in short steps, to make the script stoppable.",
        )))
        result = result_class(main, sidebar, stopped, ctx.run_id, final=True,
                           page_config=ctx.page_config, navigation=self.pages.navigation)
        self.status = stopped
        self.last_result = result
        self._final = result
        self.abandoned_runs += 1
        self._thread = threading.Thread(target=self._loop, name=f"termlit-script-{self.abandoned_runs}",
                                        daemon=True)
        self._thread.start()
        if not self._wake.is_set():
            self._idle.set()
    if self.on_update is not None:
        self.on_update()
