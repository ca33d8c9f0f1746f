"""ScriptRunner: runs a user's script top to bottom, again and again.

One runner serves one :class:`~termlit.runtime.session.Session`. Requests
come from any thread: :meth:`ScriptRunner.set_widget_value` (a widget
changed), :meth:`~ScriptRunner.request_rerun` (ctrl+r, a saved file, a
fragment's timer) and the script's own ``st.rerun()``. Each names a *scope*,
the whole app or one fragment; the requests made before a run starts merge
into one scope (the app wins over fragments, fragments add up), and
:meth:`~ScriptRunner.run_pending` serves them: it applies the queued widget
values, calls their callbacks, then executes the script in a fresh
``__main__`` module, or reruns only the fragments asked for. A request that
arrives while a run is in flight makes that run stop at its next ``st.*``
call; the merged scope then covers what the stopped run was doing too.

The worker thread (:meth:`~ScriptRunner.start`) runs ``run_pending`` whenever
a request comes in; AppTest calls it directly, so both serve the same
requests the same way.

In a multipage app (:mod:`termlit.runtime.pages`) the runner knows the page
the session is on: :meth:`~ScriptRunner.request_page` (the menu, a page
link, ``AppTest.switch_page``) and ``st.switch_page()`` ask for another one,
and the next run shows it. With ``st.navigation`` the entrypoint runs every
time and runs the page; with a ``pages/`` folder only the page's file runs.

The runner knows nothing of the screen: a viewer passes ``on_update`` (called
from the worker thread, must not block) and pulls the latest tree with
:meth:`ScriptRunner.take_update`.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from termlit.errors import StreamlitAPIException
from termlit.runtime.context import RunContext, run_context_var
from termlit.runtime.control import InterruptedRun, RerunException, StopException, SwitchPage
from termlit.runtime.blocked import ABANDON_AFTER, Abandoned, abandon_run
from termlit.runtime.exceptions import emit_exception, exception_props_from_text
from termlit.runtime.fragments import Fragments
from termlit.runtime.page_runs import PageRuns
from termlit.runtime.results import RunResult, RunStatus
from termlit.runtime.session import Session
from termlit.runtime.source import ScriptSource
from termlit.runtime.state import SessionState
from termlit.runtime.tree import Element

__all__ = ["APP", "RunStatus", "RunResult", "ScriptRunner", "ScriptSource"]

#: st.rerun() this many times in a row, with no input in between, is a loop.
MAX_CONSECUTIVE_RERUNS = 100


#: The scope of a run that executes the whole script.
APP = "app"

#: What a run covers: the whole app, or a set of fragment ids.
Scope = str | frozenset[str]


def _merge_scopes(a: Scope | None, b: Scope) -> Scope:
    """Two pending requests as one: the whole app wins over fragments."""
    b = b if b == APP or isinstance(b, frozenset) else frozenset([b])
    if a is None:
        return b
    if a == APP or b == APP:
        return APP
    return a | b


class ScriptRunner:
    """Runs one session's script; see the module docstring."""

    def __init__(
        self,
        script: ScriptSource,
        *,
        session: Session | None = None,
        on_update: Callable[[], None] | None = None,
        main_module: bool = True,
        timers: bool = True,
    ) -> None:
        self.script = script
        self.session = session if session is not None else Session()
        #: Rerun fragments with ``run_every`` on their timers (off for snapshots).
        self.timers = timers
        self.on_update = on_update
        #: Run in ``sys.modules["__main__"]`` (``termlit run``) or a private module.
        self.main_module = main_module
        #: Names put in the script's namespace at every run.
        self.extra_globals: dict[str, Any] = {}
        self.run_count = 0
        self.status = RunStatus.IDLE
        self.last_result: RunResult | None = None
        #: The fragments of the last runs: what a fragment rerun calls.
        self.fragments = Fragments()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._shutdown = False
        self._ctx: RunContext | None = None
        self._final: RunResult | None = None
        self._thread: threading.Thread | None = None
        self._run_thread_id: int | None = None
        self._consecutive_reruns = 0
        #: Runs left behind, blocked, after ctrl+c (see request_stop).
        self.abandoned_runs = 0
        self._idle = threading.Event()
        self._idle.set()
        #: What the next run covers; None when nothing was asked for.
        self._scope: Scope | None = None
        #: The app's pages, as the last runs declared them.
        self.pages = PageRuns(script)

    @property
    def state(self) -> SessionState:
        """The session's state."""
        return self.session.state

    # -- requests (any thread) --------------------------------------------------

    def request_rerun(self, *, from_user: bool = True, scope: str = APP) -> None:
        """Ask for a new run of the app (or of one fragment); a run in flight
        stops at its next st.* call. Requests made meanwhile are merged."""
        with self._lock:
            if from_user:
                self._consecutive_reruns = 0
                self.pages.switched.clear()
            ctx = self._ctx
            if ctx is not None:
                if ctx.fragment_id is None:
                    scope = APP  # a whole-app run in flight must be finished, not patched
                else:  # the fragment in flight stops: it must run again too
                    self._scope = _merge_scopes(self._scope, ctx.fragment_id)
                if ctx.requested is None:
                    ctx.requested = "rerun"
            self._scope = _merge_scopes(self._scope, scope)
            self._idle.clear()
            self._wake.set()

    def offer_value(self, wid: str, value: Any) -> str | None:
        """Take a widget value from the UI. Returns the scope of the rerun it
        needs (APP or a fragment id), or None when it waits in its form for
        the submit button, or (``on_change="ignore"``) for the next rerun."""
        meta = self.state.widget_meta(wid)
        if meta is not None and meta.form is not None:
            if not meta.trigger:
                self.state.hold_form_value(meta.form, wid, value)
                return None
            self.state.release_form(meta.form)
        self.state.queue_value(wid, value)
        if meta is not None and not meta.rerun:
            return None  # on_change="ignore": the next rerun takes the value
        return meta.fragment if meta is not None and meta.fragment else APP

    def set_widget_value(self, wid: str, value: Any) -> str | None:
        """A widget changed in the UI: queue its value and ask for the rerun it
        needs. Returns that rerun's scope, or None when the value waits in its
        form."""
        scope = self.offer_value(wid, value)
        if scope is not None:
            self.request_rerun(scope=scope)
        return scope

    def request_page(self, key: str, *, query_params: dict[str, Any] | None = None) -> None:
        """The user asked for the page ``key`` (the menu, a page link): the
        next run shows it. The page starts with ``query_params`` as its
        query parameters (none by default), as a link in a browser does."""
        with self._lock:
            self.session.page_request = key
            self.session.query_params.from_dict(query_params or {})
        self.request_rerun()

    def request_stop(self, *, force_after: float | None = 1.0,
                     abandon_after: float | None = ABANDON_AFTER) -> bool:
        """Stop the run in flight (ctrl+c). Returns False when nothing runs.

        A script busy in pure Python, never calling st.*, is interrupted with
        an asynchronous exception after ``force_after`` seconds. A run still
        blocked ``abandon_after`` seconds later (in a call no exception
        reaches) is left behind, and a new worker serves the next requests
        (only with the worker thread of :meth:`start`).
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
            if abandon_after is not None and self._thread is not None:
                later = threading.Timer(force_after + abandon_after, self._abandon, args=(ctx, force_after + abandon_after))
                later.daemon = True
                later.start()
        return True

    def _abandoned(self, thread: threading.Thread) -> bool:
        """True when ``thread`` is a worker left behind by :meth:`_abandon`."""
        return self._thread is not None and thread is not self._thread and thread.name.startswith("termlit-script")

    def _abandon(self, ctx: RunContext, waited: float) -> None:
        abandon_run(self, ctx, waited, RunResult, RunStatus.STOPPED)

    @property
    def is_running(self) -> bool:
        return self._ctx is not None

    # -- serving requests -------------------------------------------------------

    def start(self) -> None:
        """Start the worker thread and the first run."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="termlit-script", daemon=True)
            self._thread.start()
        self.request_rerun()

    def shutdown(self, timeout: float = 2.0) -> None:
        self._shutdown = True
        self.fragments.stop_timers()
        self.request_stop(force_after=0.5, abandon_after=None)
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no run is in flight or requested (tests, snapshots)."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        me = threading.current_thread()
        while not self._shutdown and self._thread is me:
            self._wake.wait()
            if self._thread is not me:  # abandoned while blocked: a new worker serves
                return
            try:
                self.run_pending()
            except BaseException:  # pragma: no cover - a fault of the runner itself
                with self._lock:
                    self._ctx = None
                    self._run_thread_id = None
                self._idle.set()
                if self._thread is not me:
                    return
                time.sleep(0.05)
        if self._thread is me:
            self._idle.set()

    def run_pending(self) -> RunResult | None:
        """Serve the pending requests in the calling thread: one run per merged
        scope, again while new requests come in (``st.rerun()`` makes one),
        until none is left. Returns the last run's result (None when nothing
        was asked for)."""
        result = None
        me = threading.current_thread()
        while not self._shutdown:
            if self._abandoned(me):
                return None
            with self._lock:
                if not self._wake.is_set():
                    self._idle.set()
                    break
                self._wake.clear()
                scope, self._scope = self._scope, None
            result = self._run_scope(scope if scope is not None else APP)
        return result

    def _run_scope(self, scope: Scope) -> RunResult:
        if scope == APP or not scope:
            return self.run_once()
        ids = sorted(scope)
        for done, fid in enumerate(ids, 1):
            result = self.run_once(fragment=fid)
            if self._wake.is_set() and done < len(ids):
                # Something newer came in: the next run covers it and the rest.
                with self._lock:
                    self._scope = _merge_scopes(self._scope, frozenset(ids[done:]))
                break
        return result

    def run_once(self, fragment: str | None = None) -> RunResult:
        """Execute the script once, or only one fragment of it, in the calling
        thread."""
        with self._lock:
            self.run_count += 1
            ctx = RunContext(self.session, runner=self, run_id=self.run_count)
            base = self.last_result
            if fragment is not None and base is not None:
                # None (unknown fragment, or nothing to patch): run the app
                ctx.fragment_rerun = self.fragments.prepare(fragment, base.main, base.sidebar)
            if ctx.fragment_rerun is not None:
                ctx.main, ctx.sidebar = ctx.fragment_rerun.main, ctx.fragment_rerun.sidebar
                ctx.page_config = base.page_config
                ctx.navigation = base.navigation
                ctx.widget_page = ctx.fragment_rerun.call.page
            else:
                session = self.session
                if session.page_request is not None:
                    session.page, session.page_request = session.page_request, None
                ctx.wanted_page = session.page
            ctx.known_navigation = self.pages.navigation
            ctx.show_sidebar_navigation = self.pages.show_sidebar_navigation
            self._ctx = ctx
            self._run_thread_id = threading.get_ident()
        self.status = RunStatus.RUNNING
        token = run_context_var.set(ctx)
        status = RunStatus.FINISHED
        rerun_by_script = False
        switch: SwitchPage | None = None
        try:
            status, switch = self._execute(ctx)
            rerun_by_script = status is RunStatus.RERUN and ctx.requested is None
            if status is RunStatus.FINISHED and not ctx.errored and not ctx.abandoned:
                ctx.run_end_hooks()
        finally:
            if ctx.abandoned:  # left behind by _abandon: the runner is not its to touch
                run_context_var.reset(token)
            # A StopException injected by request_stop may land here late;
            # it has nothing left to stop.
            try:
                if ctx.abandoned:
                    raise Abandoned
                with self._lock:
                    self._ctx = None
                    self._run_thread_id = None
                # A run that failed keeps the state of the widgets it never
                # reached: fixing the script must not cost the user their inputs.
                self.state.end_run(
                    finished=status is RunStatus.FINISHED and not ctx.errored,
                    fragment=ctx.fragment_id,
                    page=ctx.current_page,
                )
                run_context_var.reset(token)
            except (StopException, Abandoned):  # StopException: timing dependent
                pass
        if ctx.abandoned:  # its result reaches no one
            return RunResult(*ctx.snapshot(), RunStatus.STOPPED, ctx.run_id, final=True)
        self.fragments.remember(
            ctx.fragments, full_run=ctx.fragment_id is None and status is RunStatus.FINISHED
        )
        navigation = self.pages.remember(ctx, status is RunStatus.FINISHED, self.session)
        main, sidebar = ctx.snapshot()
        result = RunResult(
            main, sidebar, status, ctx.run_id, final=True, page_config=ctx.page_config, navigation=navigation
        )
        self.status = status
        if status is not RunStatus.RERUN and self._thread is not None and self.timers:
            self.fragments.schedule_timers(self._timer_request)
        if rerun_by_script:
            self._consecutive_reruns += 1
            if switch is not None:
                self.pages.switched.append(switch.key)
            if self._consecutive_reruns > MAX_CONSECUTIVE_RERUNS:
                self._consecutive_reruns = 0
                main.children.append(self._loop_error(switch))
                self.pages.switched.clear()
                status = result.status = RunStatus.STOPPED
            else:
                scope = APP
                if ctx.rerun_scope == "fragment" and ctx.fragment_id is not None:
                    scope = ctx.fragment_id
                elif isinstance(ctx.rerun_scope, frozenset) and ctx.rerun_scope:
                    scope = ctx.rerun_scope  # st.rerun("key") from a callback
                with self._lock:
                    if switch is not None:
                        self.session.page_request = switch.key
                        self.session.query_params.from_dict(switch.query_params or {})
                    self._scope = _merge_scopes(self._scope, scope)
                    self._idle.clear()
                    self._wake.set()
        if status is not RunStatus.RERUN:
            with self._lock:
                self.last_result = result
                self._final = result
            if self.on_update is not None:
                self.on_update()
        return result

    def _loop_error(self, switch: SwitchPage | None) -> Element:
        """The message that ends a loop of st.rerun() (or st.switch_page()) calls."""
        if switch is not None:
            pages = " → ".join(f"'{key}'" for key in self.pages.switched)
            name, message = "SwitchPageLoopError", (
                f"st.switch_page() was called {MAX_CONSECUTIVE_RERUNS} times in a row without any "
                f"input (the last pages: {pages}), so termlit stopped switching pages. Pages that "
                "switch to each other need a condition that ends the loop."
            )
        else:
            name, message = "RerunLoopError", (
                f"st.rerun() was called {MAX_CONSECUTIVE_RERUNS} times in a row "
                "without any input, so termlit stopped rerunning. Call st.rerun() "
                "only when something changed (guard it with a condition), or use "
                "@st.fragment(run_every=...) to refresh on a timer."
            )
        return Element("exception", f"main/{name}:exception", exception_props_from_text(name, message))

    def exec_page(self, path: Path, key: str | None) -> None:
        """Execute the page file ``path`` in the run in flight, as page ``key``."""
        self.pages.exec_page(path, key)

    def _timer_request(self, fid: str) -> None:
        if not self._shutdown:
            self.request_rerun(scope=fid, from_user=False)

    def _execute(self, ctx: RunContext) -> tuple[RunStatus, SwitchPage | None]:
        """Run the callbacks and the script (or the fragment); how the run
        ended, and the page st.switch_page() asked for."""
        try:
            return self._execute_script(ctx), None
        except SwitchPage as switch:
            return RunStatus.RERUN, switch

    def _execute_script(self, ctx: RunContext) -> RunStatus:
        try:
            try:
                changed = self.state.begin_run()
                keyed: list[str] = []
                for meta in changed:
                    if meta.callback is not None:
                        try:
                            meta.callback(*meta.args, **meta.kwargs)
                        except RerunException as exc:
                            if exc.scope != "keys":
                                raise
                            keyed.extend(exc.keys)  # st.rerun("key"): only those fragments
                        except Exception as exc:  # shown, the run goes on
                            emit_exception(ctx, exc)
                if keyed:
                    ids, unknown = self.fragments.ids_for(tuple(keyed))
                    if not unknown:
                        ctx.rerun_scope = ids
                        return RunStatus.RERUN
                    emit_exception(ctx, StreamlitAPIException(
                        f"st.rerun({unknown[0]!r}): no fragment has that key; give one "
                        f"@st.fragment(key={unknown[0]!r}), or rerun the app with st.rerun()."
                    ))
                rerun = ctx.fragment_rerun
                if rerun is not None:
                    with ctx.inside_fragment(rerun.id, rerun.node):
                        rerun.call.func(*rerun.call.args, **rerun.call.kwargs)
                elif not self.pages.run_folder_page(ctx):
                    module = self.script.new_module(self.extra_globals, as_main=self.main_module)
                    exec(self.script.code(), module.__dict__)
            except SyntaxError as exc:
                ctx.errored = True
                emit_exception(ctx, exc)
            except RerunException as exc:
                if exc.scope == "keys":
                    emit_exception(ctx, StreamlitAPIException(
                        f"st.rerun({exc.keys[0]!r}) reruns keyed fragments only from a widget callback "
                        "(on_click / on_change); in the script or a fragment, use st.rerun() or "
                        "st.rerun(scope='fragment')."
                    ))
                    return RunStatus.FINISHED
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
                emit_exception(ctx, exc)
            except (RerunException, InterruptedRun, StopException, SwitchPage):
                raise
            except BaseException as exc:  # KeyboardInterrupt, GeneratorExit, a script's own
                ctx.errored = True
                emit_exception(ctx, exc)
        except (RerunException, InterruptedRun):
            return RunStatus.RERUN
        except StopException:
            return RunStatus.STOPPED
        return RunStatus.FINISHED

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
            navigation = ctx.navigation if ctx.navigation is not None else self.pages.navigation
            return RunResult(
                main, sidebar, RunStatus.RUNNING, ctx.run_id, final=False, page_config=ctx.page_config,
                navigation=navigation,
            )
        return None
