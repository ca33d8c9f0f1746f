"""Drive the real ``termlit run`` in a pseudo-terminal: keys, resizes, output.

Used by the storm tests (tests/test_storm.py) and the soak
(benchmarks/soak.py). Only the standard library: ``pty``, ``os``, ``signal``.
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import select
import signal
import struct
import sys
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["KEYS", "PtyApp", "new_files_removed", "storm_keys"]

#: A CSI escape: what sits between the letters of a word a full-screen app draws in styles.
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")

#: The keys a storm presses, as the bytes a terminal sends for them.
KEYS: dict[str, bytes] = {
    **{c: c.encode() for c in "abcxyz019 ,.-"},
    "up": b"\x1b[A", "down": b"\x1b[B", "right": b"\x1b[C", "left": b"\x1b[D",
    "tab": b"\t", "shift+tab": b"\x1b[Z", "enter": b"\r", "backspace": b"\x7f",
    "pageup": b"\x1b[5~", "pagedown": b"\x1b[6~", "home": b"\x1b[H", "end": b"\x1b[F",
    "ctrl+r": b"\x12", "ctrl+b": b"\x02", "f1": b"\x1bOP", "escape": b"\x1b",
}


def storm_keys(seed: int, count: int) -> list[str]:
    """``count`` key names drawn with ``seed``; Escape is drawn less often
    (each one waits for the next byte to tell it from a sequence)."""
    rnd = random.Random(seed)
    names = [name for name in KEYS if name != "escape"]
    return [("escape" if rnd.random() < 0.02 else rnd.choice(names)) for _ in range(count)]


class new_files_removed:
    """Remove the files a storm made under ``folder`` (a download button's
    save dialog, typed into at random, saves files where the app runs).
    Databases the examples make for themselves stay: another test running
    the same example at the same time may be using one."""

    KEEP = (".db", ".db-journal", ".db-wal", ".db-shm", ".partial")

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __enter__(self) -> None:
        self.before = set(self.folder.rglob("*"))

    def __exit__(self, *exc: object) -> None:
        for path in sorted(set(self.folder.rglob("*")) - self.before, reverse=True):
            if path.name.endswith(self.KEEP):
                continue
            try:
                path.rmdir() if path.is_dir() else path.unlink()
            except OSError:
                pass


def _set_size(fd: int, columns: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))


class PtyApp:
    """``termlit run SCRIPT`` in a pty of ``columns`` x ``rows`` (with
    ``plain``, ``python SCRIPT``: a bare Textual app to compare with)."""

    def __init__(self, script: Path | str, *, columns: int = 80, rows: int = 24,
                 env: dict[str, str] | None = None, args: Sequence[str] = (), plain: bool = False) -> None:
        self.output = bytearray()
        #: True once "Traceback" was drawn anywhere in the output, even in a styled panel
        #: or in output the buffer no longer keeps.
        self.wrote_traceback = False
        self._lock = threading.Lock()
        argv = ([sys.executable, str(script), *args] if plain  # a Python program of its own
                else [sys.executable, "-m", "termlit", "run", str(script), "--no-watch", *args])
        environ = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        environ.pop("NO_COLOR", None)
        environ.update(env or {})
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is its controlling terminal
            try:
                os.chdir(Path(script).resolve().parent)
                os.execve(sys.executable, argv, environ)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        _set_size(fd, columns, rows)
        self.returncode: int | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- output ---------------------------------------------------------------

    def _read(self) -> None:
        tail = b""
        while True:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.2)
                if not ready:
                    if self.returncode is not None:
                        return
                    continue
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            # Look at every byte once, escapes stripped: the buffer keeps only its tail,
            # and a traceback drawn in a styled panel has codes between its letters.
            window = tail + data
            if not self.wrote_traceback and b"Traceback" in _ESCAPES.sub(b"", window):
                self.wrote_traceback = True
            tail = window[-512:]
            with self._lock:
                self.output += data
                if len(self.output) > 4_000_000:  # keep the tail
                    del self.output[: len(self.output) - 2_000_000]

    def mark(self) -> int:
        with self._lock:
            return len(self.output)

    def since(self, mark: int) -> bytes:
        with self._lock:
            return bytes(self.output[mark:])

    def text(self) -> str:
        with self._lock:
            return self.output.decode("utf-8", "replace")

    def wait_for(self, needle: bytes | str, timeout: float = 30.0, start: int = 0) -> bool:
        """True once ``needle`` has appeared in the output after ``start``."""
        if isinstance(needle, str):
            needle = needle.encode()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if needle in self.output[start:]:
                    return True
            if not self.alive():  # ended: what it wrote last may still be on its way through the pty
                self._reader.join(5)
                with self._lock:
                    return needle in self.output[start:]
            time.sleep(0.05)
        return False

    def wait_quiet(self, quiet: float = 0.5, timeout: float = 30.0) -> None:
        """Wait until no output came for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        last, since = self.mark(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.mark()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    # -- input ----------------------------------------------------------------

    def send(self, data: bytes) -> None:
        try:
            os.write(self.fd, data)
        except OSError:
            pass

    def press(self, *names: str) -> None:
        for name in names:
            self.send(KEYS[name])

    def resize(self, columns: int, rows: int) -> None:
        _set_size(self.fd, columns, rows)  # the kernel sends SIGWINCH to the app

    # -- life -----------------------------------------------------------------

    def alive(self) -> bool:
        if self.returncode is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.returncode = os.waitstatus_to_exitcode(status)
        return False

    def wait(self, timeout: float = 10.0) -> int | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                return self.returncode
            time.sleep(0.05)
        return None

    def drain(self, timeout: float = 5.0) -> None:
        """After the app ended: wait until everything it wrote has been read."""
        self._reader.join(timeout)

    def close(self) -> None:
        """End the app (ctrl+q, then signals) and reap it."""
        if self.alive():
            self.send(b"\x11")
            if self.wait(5) is None:
                os.kill(self.pid, signal.SIGTERM)
                if self.wait(3) is None:
                    os.kill(self.pid, signal.SIGKILL)
                    self.wait(3)
        self._reader.join(2)
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
