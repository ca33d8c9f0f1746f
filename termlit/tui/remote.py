"""The termlit app on a remote terminal: a Textual driver bound to a stream.

``termlit run`` draws on the process's own terminal. ``termlit serve`` runs
one app per SSH channel, many in one process and one event loop, so none of
them may touch stdin, stdout, signals or termios. :class:`RemoteDriver` writes
the app's frames to a :class:`RemoteTerminal` (the serving layer implements it
over an SSH channel) and turns the bytes the client types into Textual events
with Textual's own xterm parser.

Input is bounded: what the client sends waits in a backlog of at most
``INPUT_BACKLOG`` characters (past that the terminal is asked to stop reading,
so the SSH window pushes back on the client), is parsed a slice at a time, and
the next slice is parsed only once the app has handled the events of the last
one. A bracketed paste longer than ``MAX_PASTE`` characters is cut there.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any, Protocol

from rich.console import Console
from textual import events
from textual.app import App
from textual._styles_cache import StylesCache  # only to empty a cache, see forget_ended_apps
from textual._xterm_parser import XTermParser  # Textual's parser, as its own drivers use it
from textual.driver import Driver
from textual.filter import ANSIToTruecolor
from textual.geometry import Size

from termlit.runtime import ScriptRunner
from termlit.tui.app import TermlitApp

__all__ = ["INPUT_BACKLOG", "MAX_PASTE", "PasteLimiter", "RemoteApp", "RemoteDriver", "RemoteTerminal", "forget_ended_apps"]

#: Characters of input waiting to be parsed before the terminal stops reading.
INPUT_BACKLOG = 64 * 1024
#: Characters parsed per turn of the app's message queue.
INPUT_SLICE = 1024
#: The longest bracketed paste passed on; the rest of a longer one is dropped.
MAX_PASTE = 64 * 1024

PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


class RemoteTerminal(Protocol):
    """What the app needs from the client's terminal (an SSH channel)."""

    columns: int
    rows: int
    #: Rich's name for the colour depth: "standard", "256" or "truecolor".
    color_system: str

    def write(self, data: str) -> None:
        """Send output; dropped when nobody is connected."""

    def pause_input(self) -> None:
        """Stop reading from the client until :meth:`resume_input`."""

    def resume_input(self) -> None: ...


class PasteLimiter:
    """Cuts bracketed pastes to ``limit`` characters, across chunk borders.

    The text between the start and end markers passes until ``limit``
    characters of it have passed; the rest is dropped up to the end marker,
    which passes so the parser closes the paste.
    """

    def __init__(self, limit: int = MAX_PASTE) -> None:
        self.limit = limit
        self.in_paste = False
        self.pasted = 0
        self.dropped = 0
        self._tail = ""  # a marker cut by a chunk border

    def filter(self, data: str) -> str:
        data, self._tail = self._tail + data, ""
        out: list[str] = []
        pos = 0
        while pos < len(data):
            marker = PASTE_END if self.in_paste else PASTE_START
            found = data.find(marker, pos)
            if found < 0:
                end = len(data)
                # keep a possible marker prefix for the next chunk
                for keep in range(min(len(marker) - 1, end - pos), 0, -1):
                    if marker.startswith(data[end - keep :]):
                        self._tail = data[end - keep :]
                        end -= keep
                        break
                self._pass(data[pos:end], out)
                break
            self._pass(data[pos:found], out)
            out.append(marker)
            pos = found + len(marker)
            self.in_paste = not self.in_paste
            self.pasted = 0
        return "".join(out)

    def _pass(self, text: str, out: list[str]) -> None:
        if not self.in_paste:
            out.append(text)
            return
        room = max(self.limit - self.pasted, 0)
        out.append(text[:room])
        self.pasted += min(len(text), room)
        self.dropped += max(len(text) - room, 0)


class RemoteDriver(Driver):
    """Draws on a :class:`RemoteTerminal` and reads keys from what it feeds.

    Everything runs on the event loop's thread: no input thread, no writer
    thread, no signal handlers.
    """

    def __init__(self, app: RemoteApp, *, debug: bool = False, mouse: bool = True, size: tuple[int, int] | None = None) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size or (app.terminal.columns, app.terminal.rows))
        self.remote_app = app
        self._parser = XTermParser(debug)
        self._pastes = PasteLimiter(app.max_paste)
        self._out: list[str] = []
        self._backlog = ""
        self._pumping = False
        self._paused = False
        self._tick: asyncio.TimerHandle | None = None
        self._started = False
        app.driver_ready(self)

    # -- output -----------------------------------------------------------------

    def write(self, data: str) -> None:
        self._out.append(data)

    def flush(self) -> None:
        if self._out:
            data, self._out = "".join(self._out), []
            self.remote_app.terminal.write(data)

    def start_application_mode(self) -> None:
        self._started = True
        self.send_terminal_setup()
        self._post_size()
        if self._backlog:
            self._pump()

    def send_terminal_setup(self) -> None:
        """The sequences that put the client's terminal in application mode
        (also sent again when a client reattaches)."""
        write = self.write
        write("\x1b[?1049h")  # alternate screen
        if self._mouse:
            write("\x1b[?1000h\x1b[?1003h\x1b[?1015h\x1b[?1006h")  # mouse reports, SGR form
        write("\x1b[?25l")  # hide the cursor
        write("\x1b[?1004h")  # focus in / out
        write("\x1b[?2026$p")  # ask whether synchronized output is supported
        write("\x1b[?2004h")  # bracketed paste
        write("\x1b[?7l")  # no line wrap
        self.flush()

    def disable_input(self) -> None:
        self._backlog = ""
        if self._tick is not None:
            self._tick.cancel()
            self._tick = None

    def stop_application_mode(self) -> None:
        self.disable_input()
        write = self.write
        write("\x1b[?2004l\x1b[?7h")
        if self._mouse:
            write("\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l")
        write("\x1b[?1004l\x1b[?1049l\x1b[?25h")
        self.flush()

    # -- size -------------------------------------------------------------------

    def resize(self, columns: int, rows: int) -> None:
        self._size = (columns, rows)
        if self._started:
            self._post_size()

    def _post_size(self) -> None:
        size = Size(*self._size)
        self.send_message(events.Resize(size, size))

    # -- input ------------------------------------------------------------------

    def feed(self, data: str) -> None:
        """Take what the client typed (on the loop's thread)."""
        data = self._pastes.filter(data)
        if not data:
            return
        self._backlog += data
        if len(self._backlog) >= INPUT_BACKLOG and not self._paused:
            self._paused = True
            self.remote_app.terminal.pause_input()
        if self._started and not self._pumping:
            self._pump()

    def _pump(self) -> None:
        """Parse one slice of the backlog; the next waits for the app to
        handle this one's events (a callback queued behind them)."""
        chunk, self._backlog = self._backlog[:INPUT_SLICE], self._backlog[INPUT_SLICE:]
        for event in self._parser.feed(chunk):
            self.process_message(event)
        if self._paused and len(self._backlog) < INPUT_BACKLOG // 2:
            self._paused = False
            self.remote_app.terminal.resume_input()
        self._schedule_tick()
        self._pumping = bool(self._backlog) and self.remote_app.call_later(self._pump)

    def _schedule_tick(self) -> None:
        """A lone Esc is a key only once the parser has waited for more."""
        if self._tick is None:
            self._tick = self._loop.call_later(0.12, self._on_tick)

    def _on_tick(self) -> None:
        self._tick = None
        for event in self._parser.tick():
            self.process_message(event)

    def send_message(self, message: Any) -> None:
        # Same thread as the app: post directly instead of across threads.
        self.remote_app.post_message(message)


class _NullFile:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return True


def forget_ended_apps() -> None:
    """Let ended apps be freed.

    A few Textual methods cache their results in a process-wide LRU cache
    keyed by the object itself (each widget's styles cache, each app's colour
    filter, each input parser), up to 1024 of them. One app per process never
    notices; with an app per session those caches keep ended sessions' widgets
    and their rendered lines alive (~100 MB after a few dozen sessions). The
    results are cheap to compute again for the apps still running.
    """
    StylesCache.get_inner_outer.cache_clear()
    ANSIToTruecolor.truecolor_style.cache_clear()
    XTermParser._parse_extended_key.cache_clear()


def _outside(stream: Any, index: int) -> Any:
    """The process's own stream behind ``stream``, which may be the print
    capture of another running app."""
    owner = getattr(stream, "app", None)
    if isinstance(owner, RemoteApp):
        return owner._outside[index]
    return stream


class RemoteApp(TermlitApp):
    """A :class:`TermlitApp` drawn on a remote terminal, with its colour depth.

    The serving layer calls :meth:`feed`, :meth:`resize`, :meth:`reattach`
    and :meth:`say` on the loop's thread.
    """

    #: Do not block the shared event loop while the script's thread ends.
    runner_join_timeout = 0.0

    def __init__(self, runner: ScriptRunner, terminal: RemoteTerminal, *, max_paste: int = MAX_PASTE) -> None:
        super().__init__(runner, watch=False)
        self.terminal = terminal
        self.max_paste = max_paste
        self.driver_class = RemoteDriver
        self.console = Console(
            color_system=terminal.color_system,
            file=_NullFile(),
            markup=True,
            highlight=False,
            emoji=False,
            legacy_windows=False,
            force_terminal=True,
            safe_box=False,
            soft_wrap=False,
            width=terminal.columns,
            height=terminal.rows,
        )
        self.remote_driver: RemoteDriver | None = None
        self._early_input: list[str] = []
        self._outside: tuple[Any, Any] = (sys.stdout, sys.stderr)

    def driver_ready(self, driver: RemoteDriver) -> None:
        self.remote_driver = driver
        for data in self._early_input:
            driver.feed(data)
        self._early_input.clear()

    async def run_remote(self) -> None:
        """Run until the user quits or :meth:`exit` is called."""
        self._outside = (_outside(sys.stdout, 0), _outside(sys.stderr, 1))
        try:
            await self.run_async(size=(self.terminal.columns, self.terminal.rows))
        finally:
            # Textual points sys.stdout/stderr at a running app's capture and
            # puts back what it found, but with apps ending in any order what
            # it puts back may belong to an app that ended (keeping it alive).
            for index, name in enumerate(("stdout", "stderr")):
                owner = getattr(getattr(sys, name), "app", None)
                if isinstance(owner, App) and (owner is self or not owner.is_running):
                    setattr(sys, name, self._outside[index])

    def feed(self, data: str) -> None:
        if self.remote_driver is not None:
            self.remote_driver.feed(data)
        elif sum(map(len, self._early_input)) < INPUT_BACKLOG:
            self._early_input.append(data)

    def resize(self, columns: int, rows: int) -> None:
        if self.remote_driver is not None:
            self.remote_driver.resize(columns, rows)

    def reattach(self, terminal: RemoteTerminal) -> None:
        """Draw on a new terminal (a client that came back): set it up, take
        its size, and send the whole screen."""
        self.terminal = terminal
        driver = self.remote_driver
        if driver is None:
            return
        driver.send_terminal_setup()
        driver.resize(terminal.columns, terminal.rows)
        self.refresh(layout=True)

    def say(self, text: str, *, severity: str = "information", timeout: float = 5) -> None:
        """Show the user a notice from the server."""
        self.notify(text, severity=severity, timeout=timeout)  # type: ignore[arg-type]
