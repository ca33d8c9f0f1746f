"""The live sessions of a server: one app each, kept, reattached, ended.

A session is one user's app: its own :class:`ScriptRunner` (session state,
widget state, query params, run thread) and its own :class:`RemoteApp` on the
shared event loop, drawn on the SSH channel it came in on. Caches are not per
session: ``st.cache_data`` and ``st.cache_resource`` live in the process, so
every session shares them, as Streamlit's browser tabs do.

A client that drops while its app runs leaves the session *detached* for
``reattach`` seconds: the same login with the same key gets it back as it was
(state, page, focus). Everything else ends it: the user quits, the idle
timeout or the maximum lifetime passes, the server stops.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import time
from collections.abc import Callable
from typing import Any

from termlit.runtime import ScriptRunner, ScriptSource
from termlit.runtime.session import ClientInfo, Session
from termlit.serve.log import ConnectionRecord, ServerLog
from termlit.serve.options import ServeOptions
from termlit.tui.remote import RemoteApp, forget_ended_apps

__all__ = ["AppSession", "ChannelTerminal", "SessionManager"]


class ChannelTerminal:
    """The client's terminal behind one SSH channel (none while detached).

    Output is dropped while the channel's send buffer is over its high-water
    mark (a client that stops reading cannot grow the server's memory); once
    it drains, the whole screen is sent again.
    """

    def __init__(self, channel: Any, term: str | None, columns: int, rows: int, color_system: str) -> None:
        self.channel = channel
        self.term = term
        self.columns = columns
        self.rows = rows
        self.color_system = color_system
        self.output_paused = False
        self.stale = False
        self.on_drained: Callable[[], None] | None = None

    def write(self, data: str) -> None:
        channel = self.channel
        if channel is None:
            return
        if self.output_paused:
            self.stale = True
            return
        try:
            channel.write(data.encode("utf-8", "replace"))
        except (BrokenPipeError, ConnectionError):
            pass  # closing: the channel's connection_lost follows

    def pause_output(self) -> None:
        self.output_paused = True

    def resume_output(self) -> None:
        self.output_paused = False
        if self.stale and self.on_drained is not None:
            self.stale = False
            self.on_drained()

    def pause_input(self) -> None:
        if self.channel is not None:
            self.channel.pause_reading()

    def resume_input(self) -> None:
        if self.channel is not None:
            self.channel.resume_reading()

    def say(self, text: str) -> None:
        """A line on the client's stderr, outside the app."""
        if self.channel is not None:
            try:
                self.channel.write_stderr(f"termlit serve: {text}\r\n".encode())
            except (BrokenPipeError, ConnectionError):
                pass

    def close(self, status: int) -> None:
        channel, self.channel = self.channel, None
        if channel is not None:
            try:
                channel.exit(status)
            except (BrokenPipeError, ConnectionError, OSError):
                pass


class AppSession:
    """One user's app; outlives its channel while detached."""

    def __init__(self, runner: ScriptRunner, terminal: ChannelTerminal, record: ConnectionRecord, key_id: tuple[str, str] | None, options: ServeOptions) -> None:
        self.runner = runner
        self.terminal = terminal
        self.record = record
        self.key_id = key_id
        self.app = RemoteApp(runner, terminal, max_paste=options.max_paste)
        terminal.on_drained = self.repaint
        self.started = time.monotonic()
        self.last_input = self.started
        self.detached_at: float | None = None
        self.end_reason: str | None = None
        self.end_message: str | None = None
        self.task: asyncio.Task | None = None

    @property
    def attached(self) -> bool:
        return self.detached_at is None

    def feed(self, data: str) -> None:
        self.last_input = time.monotonic()
        self.app.feed(data)

    def resize(self, columns: int, rows: int) -> None:
        self.terminal.columns, self.terminal.rows = columns, rows
        client = self.runner.session.client
        client.columns, client.rows = columns, rows
        self.app.resize(columns, rows)

    def repaint(self) -> None:
        self.app.refresh(layout=True)

    def end(self, reason: str, message: str | None = None) -> None:
        """Close the app; the channel gets ``message`` once the screen is restored."""
        if self.end_reason is None:
            self.end_reason, self.end_message = reason, message
        self.app.exit()


#: Seconds between two freezes of what the running sessions hold.
FREEZE_EVERY = 10.0
#: Seconds between two full collections after sessions ended (unless none is left).
RECLAIM_EVERY = 30.0


class Collector:
    """Keeps Python's garbage collector from scanning every session again and again.

    Each session holds tens of thousands of long-lived objects (its widgets);
    with dozens of sessions a full collection scans millions and stops every
    session for a second or more, over and over. So what the sessions hold is
    frozen every ``FREEZE_EVERY`` seconds (never scanned again), and only
    when sessions have ended is everything unfrozen and collected once, to
    free what they held, then frozen again and handed back to the system.
    """

    def __init__(self, live: Callable[[], int]) -> None:
        self.live = live
        self.last_freeze = 0.0
        self.last_reclaim = 0.0
        self._pending: asyncio.TimerHandle | None = None

    def tick(self, now: float) -> None:
        if now - self.last_freeze >= FREEZE_EVERY:
            self.last_freeze = now
            gc.freeze()

    def session_ended(self) -> None:
        if not self.live() and self._pending is not None:
            self._pending.cancel()  # the last one left: no need to wait
            self._pending = None
        if self._pending is None:
            wait = 1.0 if not self.live() else max(1.0, RECLAIM_EVERY - (time.monotonic() - self.last_reclaim))
            self._pending = asyncio.get_running_loop().call_later(wait, self.reclaim)

    def reclaim(self, again: bool = True) -> None:
        """Free what ended sessions held and give the memory back."""
        self._pending = None
        self.last_reclaim = time.monotonic()
        gc.unfreeze()
        gc.collect()
        forget_ended_apps()
        if self.live():
            gc.freeze()
        elif again:
            # nobody left: what closing connections still held goes a moment later
            self._pending = asyncio.get_running_loop().call_later(4.0, self.reclaim, False)
        name = ctypes.util.find_library("c")
        trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
        if trim is not None:
            trim(0)  # glibc keeps freed memory otherwise

    def close(self) -> None:
        """The server stops: leave the collector as it was found."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        gc.unfreeze()
        forget_ended_apps()


class SessionManager:
    """Opens, reattaches and ends the sessions of one server."""

    def __init__(self, options: ServeOptions, log: ServerLog) -> None:
        self.options = options
        self.log = log
        self.source = ScriptSource(options.script)  # compiled once for every session
        self.sessions: set[AppSession] = set()
        self.stopping = False
        self.collector = Collector(lambda: len(self.sessions))
        self._ticker: asyncio.TimerHandle | None = None

    # -- opening ----------------------------------------------------------------

    def open(self, terminal: ChannelTerminal, client: ClientInfo, record: ConnectionRecord) -> AppSession | None:
        """A new PTY session: reattach a detached one of the same key, or
        start a fresh app. None (and a line to the client) when full."""
        key_id = (client.user_name or "", client.key_fingerprint) if client.key_fingerprint else None
        session = self._detached_for(key_id)
        if session is not None:
            self._reattach(session, terminal, client, record)
            return session
        if len(self.sessions) >= self.options.max_sessions:
            record.end = "server-full"
            terminal.say(f"the server is full ({self.options.max_sessions} sessions); try again later.")
            terminal.close(1)
            return None
        runner = ScriptRunner(self.source, session=Session(client=client), main_module=False)
        runner.session.user.update(user_of(client))
        session = AppSession(runner, terminal, record, key_id, self.options)
        self.sessions.add(session)
        session.task = asyncio.get_running_loop().create_task(self._run(session), name="termlit-session")
        self._start_ticker()
        return session

    def _detached_for(self, key_id: tuple[str, str] | None) -> AppSession | None:
        if key_id is None or not self.options.reattach:
            return None
        waiting = [s for s in self.sessions if s.key_id == key_id and not s.attached and s.end_reason is None]
        return max(waiting, key=lambda s: s.detached_at or 0.0, default=None)

    def _reattach(self, session: AppSession, terminal: ChannelTerminal, client: ClientInfo, record: ConnectionRecord) -> None:
        old = session.runner.session.client
        old.ip_address, old.port, old.term = client.ip_address, client.port, client.term
        old.columns, old.rows = client.columns, client.rows
        terminal.color_system = session.terminal.color_system  # the app's console keeps its depth
        terminal.on_drained = session.repaint
        session.terminal = terminal
        session.record = record
        session.detached_at = None
        session.last_input = time.monotonic()
        record.reattached += 1
        session.app.reattach(terminal)
        session.app.say("Welcome back: your session was kept.", timeout=3)

    # -- running ----------------------------------------------------------------

    async def _run(self, session: AppSession) -> None:
        app = session.app
        try:
            await app.run_remote()
        except Exception as exc:  # noqa: BLE001 - one app's failure ends that session only
            session.end_reason = session.end_reason or f"app-error:{type(exc).__name__}"
        reason = session.end_reason = session.end_reason or ("app-error" if app.return_code else "quit")
        session.record.end = reason
        if session.end_message:
            session.terminal.say(session.end_message)
        elif reason == "app-error":
            session.terminal.say("the app stopped on an error.")
        session.terminal.close(1 if reason.startswith("app-error") else 0)
        self.sessions.discard(session)
        session.terminal.on_drained = None
        self.collector.session_ended()

    def lost(self, session: AppSession) -> None:
        """The session's channel closed under it (the client went away)."""
        if session.end_reason is not None or not session.attached:
            return
        session.terminal.channel = None
        if self.options.reattach and session.key_id is not None and not self.stopping:
            session.detached_at = time.monotonic()
            session.record.end = f"detached (kept {self.options.reattach:g}s)"
            return
        session.record.end = "client-closed"
        session.end("client-closed")

    # -- limits -----------------------------------------------------------------

    def _start_ticker(self) -> None:
        if self._ticker is None:
            self._ticker = asyncio.get_running_loop().call_later(1.0, self._tick)

    def _tick(self) -> None:
        self._ticker = None
        now = time.monotonic()
        self.collector.tick(now)
        opts = self.options
        for session in list(self.sessions):
            if session.end_reason is not None:
                continue
            if not session.attached:
                if now - (session.detached_at or now) >= opts.reattach:
                    session.end("detached-expired")
            elif opts.max_lifetime and now - session.started >= opts.max_lifetime:
                session.end("max-lifetime", f"this session reached its maximum length ({opts.max_lifetime:g} s).")
            elif opts.idle_timeout and now - session.last_input >= opts.idle_timeout:
                session.end("idle-timeout", f"closed after {opts.idle_timeout:g} s without a key press.")
        if self.sessions:
            self._start_ticker()

    # -- stopping ---------------------------------------------------------------

    async def stop(self, grace: float) -> None:
        """Tell every session the server is stopping, wait ``grace`` seconds,
        end them all, and wait (a little) for their apps to close."""
        self.stopping = True
        for session in list(self.sessions):
            if session.attached and session.end_reason is None:
                session.app.say("The server is stopping: this session closes in a moment.", severity="warning")
        if self.sessions:
            await asyncio.sleep(grace)
        for session in list(self.sessions):
            session.end("server-stopping", "the server stopped.")
        tasks = [s.task for s in self.sessions if s.task is not None]
        if tasks:
            await asyncio.wait(tasks, timeout=3.0)
        if self._ticker is not None:
            self._ticker.cancel()
            self._ticker = None
        self.collector.close()


def user_of(client: ClientInfo) -> dict[str, Any]:
    """What ``st.user`` reports for a served client: its login and key, or
    ``is_logged_in`` False for an anonymous one."""
    if client.key_fingerprint is None:
        return {"is_logged_in": False}
    return {
        "is_logged_in": True,
        "name": client.user_name,
        "key_fingerprint": client.key_fingerprint,
        "key_type": client.key_type,
    }
