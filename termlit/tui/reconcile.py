"""The reconciler: make the mounted widgets show a new element tree.

Children are matched by element id. A matched widget whose props changed is
updated in place; an unchanged one is not touched at all; only elements that
are new (or changed kind) are mounted, and only those that are gone are
removed. A partial tree (a run still in flight) leaves the elements it has
not reached yet in place, dimmed, until the run finishes.

A widget the user has just changed is not touched by runs that started
before that change (:meth:`Reconciler.sent`): they carry its older value,
and showing it would undo what the user did until the newer run arrives.
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, Protocol

from textual.widget import Widget

from termlit.runtime.exceptions import exception_props_from_text
from termlit.runtime.tree import Element
from termlit.tui.widgets import view_class

__all__ = ["Reconciler", "build_view"]


class Owner(Protocol):
    views: list[Any]

    @property
    def child_host(self) -> Widget: ...


def build_view(element: Element) -> Widget:
    """A new widget (with its whole subtree) for ``element``. An element that
    cannot be shown (bad data reaching a widget) shows the error instead: the
    app never goes down for it."""
    try:
        return _build(element)
    except Exception as exc:  # noqa: BLE001 - any failure becomes an error element
        return view_class("exception")(_display_error(element, exc))


def _display_error(element: Element, exc: Exception) -> Element:
    props = exception_props_from_text(type(exc).__name__, f"st.{element.kind} could not be shown: {exc}")
    return Element("exception", element.id, props)


def _build(element: Element) -> Widget:
    cls = view_class(element.kind)
    if element.children is not None:
        if cls.__name__ == "NoticeView":
            cls = view_class("container")
        children = [build_view(child) for child in element.children]
        view = cls(element, children)
        view.views = children
        return view
    return cls(element)


def _can_update(view: Any, element: Element) -> bool:
    check = getattr(view, "can_update", None)
    return check(element) if check is not None else True


@dataclass
class Counts:
    mounted: int = 0
    updated: int = 0
    removed: int = 0
    moved: int = 0


class Reconciler:
    """Applies trees to owners (the main area, the sidebar, containers)."""

    def __init__(self) -> None:
        self.counts = Counts()
        #: element id -> the last run that had started when the user changed
        #: that widget: runs up to it predate the change.
        self._sent: dict[str, int] = {}
        self._run_id = 0

    def sent(self, element_id: str, after_run: int) -> None:
        """The user changed ``element_id`` when runs up to ``after_run`` had
        started: the widget keeps what the user chose until a later run shows it."""
        self._sent[element_id] = after_run

    def _holds(self, element_id: str) -> bool:
        """True for a widget the user changed after the run being applied started."""
        return self._sent.get(element_id, -1) >= self._run_id

    def apply(self, owner: Owner, elements: list[Element], *, final: bool, run_id: int) -> list[Awaitable[Any]]:
        """Reconcile ``owner``'s children with the elements of run ``run_id``;
        return what to await."""
        waits: list[Awaitable[Any]] = []
        self._run_id = run_id
        self._reconcile(owner, elements, final, waits)
        if final:  # changes this run carries are on screen now
            self._sent = {wid: after for wid, after in self._sent.items() if after >= run_id}
        return waits

    def _reconcile(self, owner: Owner, elements: list[Element], final: bool, waits: list) -> None:
        host = owner.child_host
        old = owner.views
        by_id = {view.element_id: view for view in old}
        desired: list[Any] = []
        fresh: set[int] = set()
        removed: list[Any] = []
        for element in elements:
            view = by_id.pop(element.id, None)
            if view is not None and view.element.kind == element.kind and _can_update(view, element):
                if view.element is not element and not self._holds(element.id):
                    try:
                        if view.update_element(element):
                            self.counts.updated += 1
                    except Exception as exc:  # noqa: BLE001 - shown, never fatal
                        removed.append(view)
                        view = view_class("exception")(_display_error(element, exc))
                        fresh.add(id(view))
                        desired.append(view)
                        continue
                if view.has_class("-stale"):
                    view.remove_class("-stale")
                if element.children is not None:
                    self._reconcile(view, element.children, final, waits)
            else:
                if view is not None:
                    removed.append(view)
                view = build_view(element)
                fresh.add(id(view))
            desired.append(view)
        leftovers = [view for view in old if view.element_id in by_id]
        if final:
            removed.extend(leftovers)
            leftovers = []
        else:
            for view in leftovers:
                view.add_class("-stale")
        for view in removed:
            waits.append(view.remove())
        self.counts.removed += len(removed)
        order = desired + leftovers

        # Existing widgets keep their relative order unless the tree changed it.
        gone = {id(v) for v in removed}
        kept_now = [v for v in old if id(v) not in gone]
        kept_wanted = [v for v in order if id(v) not in fresh]
        if kept_now != kept_wanted:
            previous = None
            for view in kept_wanted:
                if previous is None:
                    host.move_child(view, before=0)
                else:
                    host.move_child(view, after=previous)
                previous = view
                self.counts.moved += 1

        # Mount the new ones, consecutive ones in one batch.
        previous = None
        batch: list[Widget] = []

        def flush(anchor_after: Widget | None, anchor_before: Widget | None) -> None:
            if not batch:
                return
            if anchor_after is not None:
                waits.append(host.mount_all(batch, after=anchor_after))
            elif anchor_before is not None:
                waits.append(host.mount_all(batch, before=anchor_before))
            else:
                waits.append(host.mount_all(batch))
            self.counts.mounted += len(batch)

        for view in order:
            if id(view) in fresh:
                batch.append(view)
                continue
            flush(previous, view)
            batch = []
            previous = view
        flush(previous, None)
        owner.views = order
        if fresh or removed:
            changed = getattr(owner, "children_changed", None)
            if changed is not None:
                changed()
