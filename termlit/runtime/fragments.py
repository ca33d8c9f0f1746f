"""Fragments: parts of a script that rerun on their own.

``@st.fragment`` (in the elements layer) records each call as a
:class:`FragmentCall` in the run context. The runner keeps the calls of the
last runs in a :class:`Fragments` registry; rerunning one fragment means
copying the last run's tree, emptying the fragment's container in the copy
(:meth:`Fragments.prepare`) and calling the function again into it. Fragments
with ``run_every`` get a timer thread that asks the runner for their rerun.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from termlit.runtime.tree import Element, snapshot

__all__ = ["FragmentCall", "FragmentRerun", "Fragments"]


@dataclass(frozen=True, slots=True)
class FragmentCall:
    """One call of a fragment function: what its rerun calls again."""

    func: Callable[..., Any]
    args: tuple
    kwargs: dict[str, Any]
    #: The container the fragment draws into.
    element_id: str
    #: Seconds between timed reruns, or None.
    run_every: float | None
    #: The page whose widgets the fragment creates (None: the entrypoint's).
    page: str | None = None
    #: The ``key=`` of the fragment, which ``st.rerun("key")`` names.
    key: str | None = None


@dataclass(frozen=True, slots=True)
class FragmentRerun:
    """A run that reruns one fragment inside a copy of the last run's tree."""

    id: str
    call: FragmentCall
    main: Element
    sidebar: Element
    #: The fragment's container in the copy, emptied: the rerun fills it.
    node: Element


class Fragments:
    """The fragments of one session's last runs, by id, and their timers."""

    def __init__(self) -> None:
        self.calls: dict[str, FragmentCall] = {}
        self._timers: dict[str, threading.Event] = {}
        self._stopped = False

    def remember(self, calls: dict[str, FragmentCall], *, full_run: bool) -> None:
        """Take the calls of a run: a finished whole-app run replaces them all,
        any other run adds its own."""
        if full_run:
            self.calls = dict(calls)
        else:
            self.calls.update(calls)

    def ids_for(self, keys: tuple[str, ...]) -> tuple[frozenset[str], list[str]]:
        """The ids of the fragment calls with these keys, and the keys no
        call of the last runs has."""
        ids = frozenset(fid for fid, call in self.calls.items() if call.key in keys)
        known = {call.key for call in self.calls.values()}
        return ids, [key for key in keys if key not in known]

    def prepare(self, fid: str, main: Element, sidebar: Element) -> FragmentRerun | None:
        """Set up the rerun of ``fid`` inside copies of ``main`` and ``sidebar``
        (the last run's roots); None when the fragment is unknown or gone."""
        call = self.calls.get(fid)
        if call is None:
            return None
        main, sidebar = snapshot(main), snapshot(sidebar)
        for root in (main, sidebar):
            found = _find_parent(root, call.element_id)
            if found is not None:
                parent, index = found
                old = parent.children[index]
                fresh = Element(old.kind, old.id, old.props, [])
                parent.children[index] = fresh
                return FragmentRerun(fid, call, main, sidebar, fresh)
        return None

    def schedule_timers(self, request: Callable[[str], None]) -> None:
        """Keep one timer thread per fragment with ``run_every``; each tick
        calls ``request(fragment_id)``."""
        if self._stopped:
            return
        wanted = {fid: call.run_every for fid, call in self.calls.items() if call.run_every}
        for fid, stop in list(self._timers.items()):
            if fid not in wanted:
                stop.set()
                del self._timers[fid]
        for fid, seconds in wanted.items():
            if fid in self._timers:
                continue
            stop = threading.Event()
            self._timers[fid] = stop

            def tick(fid: str = fid, seconds: float = seconds, stop: threading.Event = stop) -> None:
                while not stop.wait(seconds) and not self._stopped:
                    request(fid)

            threading.Thread(target=tick, name=f"termlit-every-{fid}", daemon=True).start()

    def stop_timers(self) -> None:
        """End every timer, for good (the session is shutting down)."""
        self._stopped = True
        for stop in list(self._timers.values()):
            stop.set()


def _find_parent(root: Element, element_id: str) -> tuple[Element, int] | None:
    for index, child in enumerate(root.children or ()):
        if child.id == element_id:
            return root, index
        if child.children is not None:
            found = _find_parent(child, element_id)
            if found is not None:
                return found
    return None
