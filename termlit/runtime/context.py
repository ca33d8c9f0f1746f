"""The run context: where ``st.*`` calls put their elements.

A script run executes in one worker thread with a :class:`RunContext` set in
a context variable. Element functions call :meth:`RunContext.emit` (and
:meth:`RunContext.register_widget` for widgets); the context checks whether
the run should stop or rerun, appends the element under the active container
and tells the runner when it is time to show progress.

Outside a run (plain ``python app.py``, a notebook, a test) a per-thread
*bare* context is used: elements go nowhere and widgets return their
defaults, so imports and helper code still work.

What a run collects for later is in typed fields: the page config (which
the viewer reads from the run's result), the forms and fragments called, the
dialog opened. Per-user data that outlives the run is in :attr:`RunContext.session`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from termlit.errors import DuplicateWidgetID
from termlit.runtime.control import InterruptedRun, StopException
from termlit.runtime.fragments import FragmentCall, FragmentRerun
from termlit.runtime.pages import Navigation
from termlit.runtime.session import Session
from termlit.runtime.source import ScriptSource
from termlit.runtime.state import SessionState, WidgetMeta
from termlit.runtime.tree import Element, snapshot

__all__ = [
    "Form",
    "PageConfig",
    "RunContext",
    "RunOwner",
    "Slot",
    "current_run_context",
    "get_run_context",
    "run_context_var",
]

#: How often a long run shows what it has so far, in seconds.
FLUSH_INTERVAL = 0.05


class Slot:
    """One position in a container: emitting into it replaces what is there."""

    __slots__ = ("container", "index")

    def __init__(self, container: Element, index: int) -> None:
        self.container = container
        self.index = index


Target = Element | Slot

SidebarState = Literal["auto", "expanded", "collapsed"]


@dataclass(frozen=True, slots=True)
class PageConfig:
    """What ``st.set_page_config`` set in a run: the title and icon shown in
    the top bar, and whether the sidebar starts open."""

    title: str | None = None
    initial_sidebar_state: SidebarState = "auto"
    icon: str | None = None


@dataclass(eq=False, slots=True)
class Form:
    """One ``st.form`` of a run."""

    key: str
    #: The form's container.
    element: Element
    clear_on_submit: bool
    #: The widgets inside it, with the slots they were emitted into.
    widgets: list[tuple[WidgetMeta, Slot]] = field(default_factory=list)
    has_submit_button: bool = False
    #: A submit button of the form was pressed for this run.
    submitted: bool = False


class RunOwner(Protocol):
    """What a run needs from the runner that started it."""

    script: ScriptSource

    def notify(self) -> None:
        """The run has something new to show: tell the viewer now."""

    def exec_page(self, path: Path, key: str | None) -> None:
        """Execute the page file ``path`` in this run, as page ``key``."""


class RunContext:
    """Everything one script run needs; created fresh for every run."""

    def __init__(
        self,
        session: Session,
        *,
        runner: RunOwner | None = None,
        run_id: int = 0,
        bare: bool = False,
    ) -> None:
        self.session = session
        self.runner = runner
        self.run_id = run_id
        self.bare = bare
        self.main = Element("main", "main", {}, [])
        self.sidebar = Element("sidebar", "sidebar", {}, [])
        self.stack: list[Target] = []
        self.lock = threading.RLock()
        self.dirty = False
        self.widget_ids: set[str] = set()
        self.widget_keys: dict[str, str] = {}
        #: The buttons' shortcuts in this run: key name -> how the button is named.
        self.shortcuts: dict[str, str] = {}
        #: Set from another thread: "rerun" or "stop".
        self.requested: str | None = None
        self._last_flush = time.monotonic()
        self.page_config = PageConfig()
        #: The script raised: the run finished, but widget state is not pruned.
        self.errored = False
        #: Left behind after ctrl+c, blocked (ScriptRunner._abandon): draws for no one.
        self.abandoned = False
        self._recorders: list[tuple[Target, list[Element]]] = []
        #: Fragments called in this run, by id (what a fragment rerun calls).
        self.fragments: dict[str, FragmentCall] = {}
        self._fragment_calls: dict[str, int] = {}
        #: The fragments being executed, innermost last.
        self.fragment_stack: list[str] = []
        #: Set when this run reruns one fragment only.
        self.fragment_rerun: FragmentRerun | None = None
        #: st.rerun(scope=...) of the run, when it asked for one.
        #: What st.rerun() asked to rerun: "app", "fragment", or fragment ids (st.rerun("key")).
        self.rerun_scope: str | frozenset[str] | None = None
        #: Called when the run finished (forms clear their widgets, check for
        #: a missing submit button...).
        self.end_hooks: list[Callable[[], None]] = []
        #: The forms of this run, by key.
        self.forms: dict[str, Form] = {}
        #: Containers that belong to a form: id(element) -> form key.
        self.form_of: dict[int, str] = {}
        #: The title of the dialog this run opened (one at most).
        self.open_dialog: str | None = None
        #: The page this run is asked to show (a page key; None: the default).
        self.wanted_page: str | None = None
        #: What this run's st.navigation (or the pages/ folder) declared.
        self.navigation: Navigation | None = None
        #: The pages known before this run declared its own (the last run's),
        #: for st.switch_page and st.page_link called before st.navigation.
        self.known_navigation: Navigation | None = None
        #: The page whose widgets are being created: None in the entrypoint.
        self.widget_page: str | None = None
        #: The page returned by st.navigation was run in this run.
        self.page_ran = False
        #: Whether a sidebar menu may show (the client.showSidebarNavigation option).
        self.show_sidebar_navigation = True
        #: The containers emitted in this run, by element id.
        self._containers: dict[str, Element] = {}
        #: What was written into containers of an earlier run before this run
        #: made them again (a callback's ``c.write(...)``), by element id.
        self._early: dict[str, Element] = {}

    @property
    def state(self) -> SessionState:
        """The session's state (``st.session_state``)."""
        return self.session.state

    @property
    def pages(self) -> Navigation | None:
        """The app's pages as far as this run knows them."""
        return self.navigation if self.navigation is not None else self.known_navigation

    @property
    def current_page(self) -> str | None:
        """The key of the page this run shows, once it is known."""
        return self.navigation.current if self.navigation is not None else None

    @contextmanager
    def running_page(self, key: str | None) -> Iterator[None]:
        """Create the widgets of the block as widgets of page ``key``."""
        outer, self.widget_page = self.widget_page, key
        try:
            yield
        finally:
            self.widget_page = outer

    @property
    def fragment_id(self) -> str | None:
        """The fragment this run reruns, or None for a whole-app run."""
        rerun = self.fragment_rerun
        return rerun.id if rerun is not None else None

    # -- control ---------------------------------------------------------------

    def check(self) -> None:
        """Raise if the run was asked to stop or to make way for a rerun."""
        requested = self.requested
        if requested is None:
            return
        if requested == "stop":
            raise StopException()
        raise InterruptedRun()

    # -- building the tree -----------------------------------------------------

    def root(self, name: str) -> Element:
        return self.sidebar if name == "sidebar" else self.main

    @property
    def target(self) -> Target:
        return self.stack[-1] if self.stack else self.main

    def made(self, element_id: str) -> Element | None:
        """The container with this id, if this run has made it; in a
        fragment rerun, also a top-level container of the page the rerun
        builds on (what the fragment writes there adds up, as in Streamlit)."""
        with self.lock:
            found = self._containers.get(element_id)
            if found is None and self.fragment_rerun is not None:
                for child in self.main.children:
                    if child.id == element_id and child.children is not None:
                        found = self._containers[element_id] = child
            return found

    def container(self, node: Element) -> Element:
        """The container of this run that ``node`` (a container handle's
        element, perhaps of an earlier run) stands for, found by its id as
        Streamlit finds containers by their place. A container this run has
        not made yet gets a stand-in: what a callback writes into it shows
        first in the container when the script makes it."""
        if self.bare:
            return node
        with self.lock:
            current = self._containers.get(node.id)
            if current is not None:
                return current
            if node is self.main or node is self.sidebar:
                return node
            early = self._early.get(node.id)
            if early is None:
                early = self._early[node.id] = Element(node.kind, node.id, node.props, [])
            return early

    def emit(
        self,
        kind: str,
        props: dict[str, Any],
        *,
        element_id: str | None = None,
        container: bool = False,
        target: Target | None = None,
    ) -> tuple[Element, Slot]:
        """Put a new element under ``target`` (default: the active container).

        Returns the element and the slot it occupies, so that the caller can
        hand out a handle that replaces it later (``st.empty``, progress bars).
        """
        self.check()
        where = target if target is not None else self.target
        if self.bare:  # nobody is looking: keep nothing
            parent = where.container if isinstance(where, Slot) else where
            return Element(kind, f"bare:{kind}", props, [] if container else None), Slot(parent, 0)
        with self.lock:
            if isinstance(where, Slot):
                parent, index = where.container, where.index
            else:
                parent, index = where, len(where.children)
            eid = element_id if element_id is not None else f"{parent.id}/{index}:{kind}"
            early = self._early.pop(eid, None) if container else None
            element = Element(kind, eid, props, early.children if early is not None else [] if container else None)
            if container:
                self._containers[eid] = element
            if index < len(parent.children):
                parent.children[index] = element
            else:
                parent.children.append(element)
            self.dirty = True
            for base, recorded in self._recorders:
                if where is base:
                    recorded.append(element)
            if container and self.form_of:
                form = self.form_of.get(id(parent))
                if form is not None:
                    self.form_of[id(element)] = form
        self._maybe_flush()
        return element, Slot(parent, index)

    def clear(self, slot: Slot) -> None:
        """Take away what ``slot`` shows (a spinner whose block ended).

        When nothing was emitted after it, the slot itself goes, so the
        elements that follow get the same positions (and ids) as in a run
        where the spinner never showed. Never raises for a stop request: it
        runs in ``finally`` blocks.
        """
        if self.bare:
            return
        with self.lock:
            children = slot.container.children
            if slot.index == len(children) - 1:
                children.pop()
            elif slot.index < len(children):
                children[slot.index] = Element("empty", f"{slot.container.id}/{slot.index}:empty", {})
            self.dirty = True

    def update_props(self, slot: Slot, props: dict[str, Any]) -> Element:
        """Give the element in ``slot`` new props, keeping its children
        (``status.update()``, a spinner's text)."""
        self.check()
        with self.lock:
            old = slot.container.children[slot.index]
            element = Element(old.kind, old.id, props, old.children)
            slot.container.children[slot.index] = element
            self.dirty = True
        self._maybe_flush()
        return element

    def register_widget(
        self,
        meta: WidgetMeta,
        default: Any,
        coerce: Callable[[Any], Any] | None = None,
    ) -> Any:
        """Check the widget's identity is unique in this run; return its value."""
        self.check()
        if self.bare:
            return self.state.register_widget(meta, default, coerce)
        if meta.wid in self.widget_ids:
            raise DuplicateWidgetID(_duplicate_message(meta))
        if meta.key is not None:
            other = self.widget_keys.get(meta.key)
            if other is not None:
                raise DuplicateWidgetID(
                    f"The key '{meta.key}' is used by two widgets in this run "
                    f"(a {other} and a {meta.kind} labelled '{meta.label}'). "
                    "Keys must be unique: give each widget its own `key=`."
                )
            self.widget_keys[meta.key] = meta.kind
        self.widget_ids.add(meta.wid)
        return self.state.register_widget(meta, default, coerce)

    def run_end_hooks(self) -> None:
        requested, self.requested = self.requested, None
        try:
            for hook in self.end_hooks:
                hook()
        finally:
            self.requested = requested

    def add_form(self, key: str, element: Element, *, clear_on_submit: bool) -> Form:
        """Record the form ``key`` whose container is ``element``."""
        form = self.forms[key] = Form(key, element, clear_on_submit)
        self.form_of[id(element)] = key
        return form

    def current_form(self) -> str | None:
        """The key of the form the active target belongs to, if any."""
        for target in reversed(self.stack):
            node = target.container if isinstance(target, Slot) else target
            form = self.form_of.get(id(node))
            if form is not None:
                return form
        return None

    @property
    def current_fragment(self) -> str | None:
        return self.fragment_stack[-1] if self.fragment_stack else None

    def new_fragment_id(self, name: str) -> str:
        """The id of the next call of the fragment function ``name`` in this
        run: the n-th call of one function is ``name#n`` in every run."""
        n = self._fragment_calls.get(name, 0)
        self._fragment_calls[name] = n + 1
        return f"{name}#{n}"

    @contextmanager
    def inside_fragment(self, fid: str, node: Element) -> Iterator[None]:
        """Run the block as fragment ``fid``, drawing into ``node``."""
        self.push(node)
        self.fragment_stack.append(fid)
        try:
            yield
        finally:
            self.fragment_stack.pop()
            self.pop()

    # -- recording (cached functions replay what they showed) -------------------

    @contextmanager
    def record(self) -> Iterator[list[Element]]:
        """Collect the top-level elements emitted inside the block.

        Containers come with their children, so the list is complete when the
        block ends. ``cache_data`` stores it and :meth:`replay` shows it again
        on a hit.
        """
        recorded: list[Element] = []
        base = self.target
        self._recorders.append((base, recorded))
        try:
            yield recorded
        finally:
            self._recorders.remove((base, recorded))

    def replay(self, elements: list[Element]) -> None:
        """Emit copies of recorded elements under the active target."""
        for element in elements:
            self._replay_one(element, None)

    def _replay_one(self, element: Element, parent: Element | None) -> None:
        is_container = element.children is not None
        new, _slot = self.emit(
            element.kind, element.props, container=is_container, target=parent
        )
        for child in element.children or ():
            self._replay_one(child, new)

    def push(self, target: Target) -> None:
        self.stack.append(target)

    def pop(self) -> None:
        if self.stack:
            self.stack.pop()

    # -- showing progress ------------------------------------------------------

    def _maybe_flush(self) -> None:
        if self.runner is None:
            return
        now = time.monotonic()
        if now - self._last_flush >= FLUSH_INTERVAL:
            self._last_flush = now
            self.runner.notify()

    def snapshot(self) -> tuple[Element, Element]:
        with self.lock:
            self.dirty = False
            return snapshot(self.main), snapshot(self.sidebar)


def _duplicate_message(meta: WidgetMeta) -> str:
    return (
        f"There are two `{meta.kind}` widgets labelled '{meta.label}' with the same "
        f"parameters in this run, so they cannot be told apart. Give each a unique "
        f"`key=` argument, e.g. st.{meta.kind}({meta.label!r}, key=\"{meta.kind}_2\")."
    )


run_context_var: ContextVar[RunContext | None] = ContextVar("termlit_run_context", default=None)
_bare = threading.local()


def get_run_context() -> RunContext:
    """The context of the run in progress, or this thread's bare context."""
    ctx = run_context_var.get()
    if ctx is not None:
        return ctx
    bare = getattr(_bare, "ctx", None)
    if bare is None:
        bare = _bare.ctx = RunContext(Session(), bare=True)
    return bare


def current_run_context() -> RunContext | None:
    """The context of the run in progress, or ``None`` outside a run."""
    return run_context_var.get()

