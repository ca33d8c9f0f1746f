"""ScriptRunner: runs a user's script top to bottom, again and again.

One runner serves one session. Its worker thread waits for a rerun request,
applies the widget values queued by the UI, calls their callbacks, then
executes the script in a fresh ``__main__`` module. A request that arrives
while a run is in flight makes that run stop at its next ``st.*`` call, and
all the requests made meanwhile are served by a single new run.

The runner knows nothing of the screen: a viewer passes ``on_update`` (called
from the worker thread, must not block) and pulls the latest tree with
:meth:`ScriptRunner.take_update`.
"""

from __future__ import annotations

import ast
import ctypes
import enum
import hashlib
import linecache
import os
import sys
import threading
import traceback
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termlit.runtime.client import Client
from termlit.runtime.context import RunContext, run_context_var
from termlit.runtime.control import InterruptedRun, RerunException, StopException
from termlit.runtime.magic import MAGIC_NAME, magic_write, rewrite
from termlit.runtime.state import SessionState
from termlit.runtime.tree import Element, snapshot

__all__ = ["RunStatus", "RunResult", "ScriptRunner", "ScriptSource", "exception_props"]

#: st.rerun() this many times in a row, with no input in between, is a loop.
MAX_CONSECUTIVE_RERUNS = 100

#: The scope of a run that executes the whole script.
APP = "app"

Scope = str | frozenset


def _merge_scopes(a: Scope | None, b: Scope) -> Scope:
    """Two pending requests as one: the whole app wins over fragments."""
    if a is None:
        return b if b == APP else frozenset([b]) if isinstance(b, str) else b
    if a == APP or b == APP:
        return APP
    return frozenset(a) | (frozenset([b]) if isinstance(b, str) else frozenset(b))

_TERMLIT_DIR = str(Path(__file__).resolve().parent.parent)


class RunStatus(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    FINISHED = "finished"  # ran to the end (possibly showing the user's error)
    STOPPED = "stopped"  # st.stop(), ctrl+c, or a timeout
    RERUN = "rerun"  # st.rerun() or pre-empted by a newer request


@dataclass(slots=True)
class RunResult:
    """What a viewer gets: the two root containers and how the run ended."""

    main: Element
    sidebar: Element
    status: RunStatus
    run_id: int
    final: bool
    title: str | None = None
    extras: dict[str, Any] | None = None


class ScriptSource:
    """A script given as a file or as a string; compiled once per version."""

    def __init__(self, path: str | os.PathLike[str] | None = None, source: str | None = None):
        if path is None and source is None:
            raise ValueError("ScriptSource needs a path or a source string")
        self.path = Path(path).resolve() if path is not None else None
        self._source = source
        self._cache_key: tuple | None = None
        self._code: types.CodeType | None = None

    @property
    def filename(self) -> str:
        if self.path is not None:
            return str(self.path)
        # one pseudo-file per source text, so tracebacks quote the right lines
        digest = hashlib.blake2b(self._source.encode(), digest_size=4).hexdigest()
        return f"<app-{digest}>"

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    def read(self) -> str:
        if self._source is not None:
            return self._source
        assert self.path is not None
        return self.path.read_text(encoding="utf-8")

    def code(self) -> types.CodeType:
        """The compiled, magic-rewritten script; raises SyntaxError as Python does."""
        if self.path is not None:
            st = self.path.stat()
            key: tuple = (st.st_mtime_ns, st.st_size)
        else:
            key = (hashlib.blake2b(self._source.encode(), digest_size=16).digest(),)
        if key != self._cache_key or self._code is None:
            source = self.read()
            if self.path is None:  # let tracebacks quote the lines
                linecache.cache[self.filename] = (len(source), None, source.splitlines(True), self.filename)
            tree = rewrite(ast.parse(source, self.filename))
            self._code = compile(tree, self.filename, "exec", dont_inherit=True)
            self._cache_key = key
        return self._code


class ScriptRunner:
    """Runs one session's script; see the module docstring."""

    def __init__(
        self,
        script: ScriptSource,
        *,
        state: SessionState | None = None,
        on_update: Callable[[], None] | None = None,
        main_module: bool = True,
        timers: bool = True,
    ) -> None:
        self.script = script
        #: Rerun fragments with ``run_every`` on their timers (off for snapshots).
        self.timers = timers
        self.state = state if state is not None else SessionState()
        self.on_update = on_update
        #: Run in ``sys.modules["__main__"]`` (``termlit run``) or a private module.
        self.main_module = main_module
        #: For higher layers that need per-session objects (secrets overrides...).
        self.session_extras: dict[str, Any] = {}
        #: Names put in the script's namespace at every run.
        self.extra_globals: dict[str, Any] = {}
        #: The remote client of a served session (``termlit serve`` sets it);
        #: ``st.user`` and ``st.context`` read it. None for a local run.
        self.client: Client | None = None
        self.run_count = 0
        self.status = RunStatus.IDLE
        self.last_result: RunResult | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._shutdown = False
        self._ctx: RunContext | None = None
        self._final: RunResult | None = None
        self._thread: threading.Thread | None = None
        self._run_thread_id: int | None = None
        self._consecutive_reruns = 0
        self._idle = threading.Event()
        self._idle.set()
        #: What the next run covers: APP, a set of fragment ids, or None.
        self._scope: Scope | None = None
        #: Fragments of the last runs, by id: what a fragment rerun calls.
        self.fragments: dict[str, Any] = {}
        self._fragment_timers: dict[str, threading.Event] = {}

    # -- requests (any thread) --------------------------------------------------

    def request_rerun(self, *, from_user: bool = True, scope: str = APP) -> None:
        """Ask for a new run of the app (or of one fragment); a run in flight
        stops at its next st.* call. Requests made meanwhile are merged."""
        with self._lock:
            if from_user:
                self._consecutive_reruns = 0
            ctx = self._ctx
            if scope != APP and ctx is not None and ctx.fragment_id is None:
                scope = APP  # a whole-app run in flight must be finished, not patched
            self._scope = _merge_scopes(self._scope, scope)
            if ctx is not None and ctx.requested is None:
                ctx.requested = "rerun"
            self._idle.clear()
            self._wake.set()

    def offer_value(self, wid: str, value: Any) -> str | None:
        """Take a widget value from the UI. Returns the scope of the rerun it
        needs (APP or a fragment id), or None when it waits in its form for
        the submit button."""
        meta = self.state.widget_meta(wid)
        if meta is not None and meta.form is not None:
            if not meta.trigger:
                self.state.hold_form_value(meta.form, wid, value)
                return None
            self.state.release_form(meta.form)
        self.state.queue_value(wid, value)
        return meta.fragment if meta is not None and meta.fragment else APP

    def set_widget_value(self, wid: str, value: Any) -> None:
        """A widget changed in the UI: queue its value and rerun what it needs."""
        scope = self.offer_value(wid, value)
        if scope is not None:
            self.request_rerun(scope=scope)

    def request_stop(self, *, force_after: float | None = 1.0) -> bool:
        """Stop the run in flight (ctrl+c). Returns False when nothing runs.

        A script busy in pure Python, never calling st.*, is interrupted with
        an asynchronous exception after ``force_after`` seconds.
        """
        with self._lock:
            ctx = self._ctx
            if ctx is None:
                return False
            ctx.requested = "stop"
            thread_id = self._run_thread_id
        if force_after is not None and thread_id is not None:
            def force() -> None:
                if self._ctx is ctx:
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(
                        ctypes.c_ulong(thread_id), ctypes.py_object(StopException)
                    )
            timer = threading.Timer(force_after, force)
            timer.daemon = True
            timer.start()
        return True

    @property
    def is_running(self) -> bool:
        return self._ctx is not None

    # -- the worker -------------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread and the first run."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="termlit-script", daemon=True)
            self._thread.start()
        self.request_rerun()

    def shutdown(self, timeout: float = 2.0) -> None:
        self._shutdown = True
        for stop in self._fragment_timers.values():
            stop.set()
        self.request_stop(force_after=0.5)
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no run is in flight or requested (tests, snapshots)."""
        return self._idle.wait(timeout)

    def _take_scope(self) -> Scope:
        with self._lock:
            scope, self._scope = self._scope, None
        return scope if scope is not None else APP

    def _loop(self) -> None:
        while True:
            self._wake.wait()
            if self._shutdown:
                break
            self._wake.clear()
            self._run_scope(self._take_scope())
            with self._lock:
                if not self._wake.is_set():
                    self._idle.set()
        self._idle.set()

    def _run_scope(self, scope: Scope) -> RunResult:
        if scope == APP or not scope:
            return self.run_once()
        result = None
        for fid in sorted(scope):
            result = self.run_once(fragment=fid)
            if self._wake.is_set():
                break  # something newer came in; it decides what runs next
        assert result is not None
        return result

    def run_until_settled(self, scope: Scope = APP) -> RunResult:
        """Run once (the app or fragments), then again for as long as the
        script asks (st.rerun()). For AppTest and snapshots."""
        with self._lock:
            self._scope = None
        self._wake.clear()
        result = self._run_scope(scope)
        while result.status is RunStatus.RERUN and self._wake.is_set():
            self._wake.clear()
            result = self._run_scope(self._take_scope())
        self._wake.clear()
        self._idle.set()
        return result

    def run_once(self, fragment: str | None = None) -> RunResult:
        """Execute the script once, or only one fragment of it, in the calling
        thread."""
        with self._lock:
            self.run_count += 1
            ctx = RunContext(self.state, runner=self, run_id=self.run_count)
            if fragment is not None and not self._prepare_fragment(ctx, fragment):
                fragment = None  # unknown fragment, or nothing to patch: run the app
            self._ctx = ctx
            self._run_thread_id = threading.get_ident()
        self.status = RunStatus.RUNNING
        token = run_context_var.set(ctx)
        status = RunStatus.FINISHED
        rerun_by_script = False
        try:
            status = self._execute(ctx)
            rerun_by_script = status is RunStatus.RERUN and ctx.requested is None
            if status is RunStatus.FINISHED and not ctx.errored:
                ctx.run_end_hooks()
        finally:
            # A StopException injected by request_stop may land here late;
            # it has nothing left to stop.
            try:
                with self._lock:
                    self._ctx = None
                    self._run_thread_id = None
                # A run that failed keeps the state of the widgets it never
                # reached: fixing the script must not cost the user their inputs.
                self.state.end_run(
                    finished=status is RunStatus.FINISHED and not ctx.errored,
                    fragment=ctx.fragment_id,
                )
                run_context_var.reset(token)
            except StopException:  # pragma: no cover - timing dependent
                pass
        if ctx.fragment_id is None and status is RunStatus.FINISHED:
            self.fragments = dict(ctx.fragments)
        else:
            self.fragments.update(ctx.fragments)
        if ctx.fragment_id is not None and self.last_result is not None:
            ctx.title = ctx.title or self.last_result.title
            ctx.extras = {**(self.last_result.extras or {}), **ctx.extras}
        main, sidebar = ctx.snapshot()
        result = RunResult(
            main, sidebar, status, ctx.run_id, final=True, title=ctx.title, extras=ctx.extras
        )
        self.status = status
        if status is not RunStatus.RERUN and self._thread is not None and self.timers:
            self._schedule_fragment_timers()
        if rerun_by_script:
            self._consecutive_reruns += 1
            if self._consecutive_reruns > MAX_CONSECUTIVE_RERUNS:
                self._consecutive_reruns = 0
                main.children.append(
                    Element(
                        "exception",
                        "main/rerun-loop:exception",
                        exception_props_from_text(
                            "RerunLoopError",
                            f"st.rerun() was called {MAX_CONSECUTIVE_RERUNS} times in a row "
                            "without any input, so termlit stopped rerunning. Call st.rerun() "
                            "only when something changed (guard it with a condition), or use "
                            "@st.fragment(run_every=...) to refresh on a timer.",
                        ),
                    )
                )
                status = result.status = RunStatus.STOPPED
            else:
                scope = APP
                if ctx.rerun_scope == "fragment" and ctx.fragment_id is not None:
                    scope = ctx.fragment_id
                with self._lock:
                    self._scope = _merge_scopes(self._scope, scope)
                self._wake.set()
                self._idle.clear()
        if status is not RunStatus.RERUN:
            with self._lock:
                self.last_result = result
                self._final = result
            if self.on_update is not None:
                self.on_update()
        return result

    def _execute(self, ctx: RunContext) -> RunStatus:
        try:
            try:
                changed = self.state.begin_run()
                for meta in changed:
                    if meta.callback is not None:
                        try:
                            meta.callback(*meta.args, **meta.kwargs)
                        except Exception as exc:  # shown, the run goes on
                            _emit_exception(ctx, exc)
                if ctx.fragment_id is not None:
                    self._call_fragment(ctx)
                else:
                    module = self._new_module()
                    code = self.script.code()
                    exec(code, module.__dict__)
            except SyntaxError as exc:
                ctx.errored = True
                _emit_exception(ctx, exc)
            except RerunException as exc:
                ctx.rerun_scope = exc.scope
                return RunStatus.RERUN
            except InterruptedRun:
                return RunStatus.RERUN
            except StopException:
                return RunStatus.STOPPED
            except SystemExit:
                return RunStatus.STOPPED
            except Exception as exc:
                ctx.errored = True
                _emit_exception(ctx, exc)
        except (RerunException, InterruptedRun):
            return RunStatus.RERUN
        except StopException:
            return RunStatus.STOPPED
        return RunStatus.FINISHED

    # -- fragments --------------------------------------------------------------

    def _prepare_fragment(self, ctx: RunContext, fid: str) -> bool:
        """Set ``ctx`` up to rerun fragment ``fid`` inside the last run's tree."""
        call = self.fragments.get(fid)
        base = self.last_result
        if call is None or base is None:
            return False
        ctx.main, ctx.sidebar = snapshot(base.main), snapshot(base.sidebar)
        for root in (ctx.main, ctx.sidebar):
            found = _find_parent(root, call.element_id)
            if found is not None:
                parent, index = found
                old = parent.children[index]
                fresh = Element(old.kind, old.id, old.props, [])
                parent.children[index] = fresh
                ctx.fragment_id = fid
                ctx.fragment_call = call
                ctx.fragment_node = fresh
                return True
        return False

    def _call_fragment(self, ctx: RunContext) -> None:
        call = ctx.fragment_call
        ctx.push(ctx.fragment_node)
        ctx.fragment_stack.append(ctx.fragment_id)
        try:
            call.func(*call.args, **call.kwargs)
        finally:
            ctx.fragment_stack.pop()
            ctx.pop()

    def _schedule_fragment_timers(self) -> None:
        """Keep one timer thread per fragment with ``run_every``."""
        wanted = {fid: call.run_every for fid, call in self.fragments.items() if call.run_every}
        for fid, stop in list(self._fragment_timers.items()):
            if fid not in wanted:
                stop.set()
                del self._fragment_timers[fid]
        for fid, seconds in wanted.items():
            if fid in self._fragment_timers:
                continue
            stop = threading.Event()
            self._fragment_timers[fid] = stop

            def tick(fid: str = fid, seconds: float = seconds, stop: threading.Event = stop) -> None:
                while not stop.wait(seconds) and not self._shutdown:
                    self.request_rerun(scope=fid, from_user=False)

            threading.Thread(target=tick, name=f"termlit-every-{fid}", daemon=True).start()

    def _new_module(self) -> types.ModuleType:
        module = types.ModuleType("__main__")
        module.__dict__["__file__"] = self.script.filename
        module.__dict__[MAGIC_NAME] = magic_write
        module.__dict__.update(self.extra_globals)
        folder = self.script.folder
        if folder is not None and str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
        if self.main_module:
            sys.modules["__main__"] = module
        return module

    # -- what viewers read ------------------------------------------------------

    def notify(self) -> None:
        """The run in flight has something new to show."""
        if self.on_update is not None:
            self.on_update()

    def take_update(self) -> RunResult | None:
        """The newest thing to show: a finished run's tree, or the partial tree
        of the run in flight when it changed since it was last taken."""
        with self._lock:
            final, self._final = self._final, None
            ctx = self._ctx
        if final is not None:
            return final
        if ctx is not None and ctx.dirty:
            main, sidebar = ctx.snapshot()
            return RunResult(
                main, sidebar, RunStatus.RUNNING, ctx.run_id, final=False, title=ctx.title
            )
        return None


def _find_parent(root: Element, element_id: str) -> tuple[Element, int] | None:
    for index, child in enumerate(root.children or ()):
        if child.id == element_id:
            return root, index
        if child.children is not None:
            found = _find_parent(child, element_id)
            if found is not None:
                return found
    return None


# -- exceptions as elements ------------------------------------------------------

#: Applied to every message and traceback line an exception element shows
#: (the connections layer adds one that masks secret values).
MESSAGE_FILTERS: list[Callable[[str], str]] = []

_LIBRARY_MARKERS = ("site-packages", "dist-packages", f"{os.sep}lib{os.sep}python")


def _filtered(text: str) -> str:
    for apply in MESSAGE_FILTERS:
        text = apply(text)
    return text


def _is_library(filename: str) -> bool:
    return filename.startswith(_TERMLIT_DIR) or any(m in filename for m in _LIBRARY_MARKERS)


def _user_frames(tb: traceback.StackSummary) -> list[traceback.FrameSummary]:
    """The frames of the user's own code, then the frame where the error was
    raised when that was inside a library; termlit's frames never show."""
    frames = [f for f in tb if not f.filename.startswith(_TERMLIT_DIR) and "threading.py" not in f.filename]
    kept = [f for f in frames if not _is_library(f.filename)]
    if frames and _is_library(frames[-1].filename):
        kept.append(frames[-1])
    return kept or frames or list(tb)


def exception_props(exc: BaseException) -> dict[str, Any]:
    """Props of an exception element: type, message and the user's frames."""
    if isinstance(exc, SyntaxError):
        lines = traceback.format_exception_only(type(exc), exc)
        return {
            "type": type(exc).__name__,
            "message": _filtered(exc.msg or str(exc)),
            "traceback": [_filtered(line.rstrip("\n")) for line in lines],
            "filename": exc.filename,
            "lineno": exc.lineno,
            "is_syntax_error": True,
        }
    summary = traceback.extract_tb(exc.__traceback__)
    frames = _user_frames(summary)
    lines = [_filtered(line.rstrip("\n")) for line in traceback.format_list(frames)]
    return {
        "type": type(exc).__name__,
        "message": _filtered(str(exc)),
        "traceback": lines,
        "filename": frames[-1].filename if frames else None,
        "lineno": frames[-1].lineno if frames else None,
        "is_syntax_error": False,
    }


def exception_props_from_text(type_name: str, message: str) -> dict[str, Any]:
    return {
        "type": type_name,
        "message": _filtered(message),
        "traceback": [],
        "filename": None,
        "lineno": None,
        "is_syntax_error": False,
    }


def _emit_exception(ctx: RunContext, exc: BaseException) -> None:
    ctx.stack.clear()
    requested, ctx.requested = ctx.requested, None  # show the error even if asked to stop
    try:
        # A fragment's error shows inside the fragment; the rest stays as it was.
        ctx.emit("exception", exception_props(exc), target=ctx.fragment_node)
    finally:
        if ctx.requested is None:
            ctx.requested = requested

