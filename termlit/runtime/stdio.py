"""The script's standard streams under ``termlit run``.

The terminal belongs to the UI: a script that reads standard input
(``input()``, ``sys.stdin.read()``) would hang and steal the user's keys, so
:class:`StdinGuard` takes the place of ``sys.stdin`` and every read raises
:class:`StdinUnavailable`, which the app shows as the script's error.
(Textual reads the terminal through ``sys.__stdin__``'s file descriptor,
which stays as it was.)

:class:`OutputLog` keeps what the script prints, and its threads'
tracebacks, in a bounded buffer that the app shows on a key (ctrl+l) and
``termlit run`` prints when it ends.
"""

from __future__ import annotations

import io
import sys
import threading
import traceback
from typing import Any

__all__ = ["OutputLog", "StdinGuard", "StdinUnavailable", "guard_stdin"]

MESSAGE = (
    "The script tried to read standard input ({how}), but under termlit the terminal belongs "
    "to the app's screen. Ask the user with a widget instead: st.text_input(), "
    "st.chat_input() or st.text_area(); or read a file (st.file_uploader())."
)


class StdinUnavailable(RuntimeError):
    """A script read standard input while the app owns the terminal."""


class StdinGuard(io.TextIOBase):
    """``sys.stdin`` for a script whose terminal is the app's: reads raise."""

    def __init__(self, original: Any = None) -> None:
        super().__init__()
        self.original = original

    def _refuse(self, how: str) -> StdinUnavailable:
        return StdinUnavailable(MESSAGE.format(how=how))

    def read(self, size: int | None = -1) -> str:
        raise self._refuse("sys.stdin.read()")

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        raise self._refuse("input() or sys.stdin.readline()")

    def readlines(self, hint: int | None = -1) -> list[str]:  # type: ignore[override]
        raise self._refuse("sys.stdin.readlines()")

    def __iter__(self):  # type: ignore[override]
        raise self._refuse("iterating over sys.stdin")

    def __next__(self) -> str:
        raise self._refuse("iterating over sys.stdin")

    def fileno(self) -> int:
        # input() asks for it to read the terminal itself; refusing it makes
        # input() call readline(), which says what happened.
        raise io.UnsupportedOperation("standard input belongs to the termlit app")

    def readable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> Any:  # sys.stdin.buffer.read()
        return _BinaryGuard(self)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"


class _BinaryGuard(io.RawIOBase):
    def __init__(self, text: StdinGuard) -> None:
        super().__init__()
        self._text = text

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise self._text._refuse("sys.stdin.buffer")

    def read(self, size: int = -1) -> bytes:
        raise self._text._refuse("sys.stdin.buffer.read()")

    def readline(self, size: int | None = -1) -> bytes:
        raise self._text._refuse("sys.stdin.buffer.readline()")


def guard_stdin() -> StdinGuard:
    """Put a :class:`StdinGuard` in ``sys.stdin`` (once); returns it."""
    if not isinstance(sys.stdin, StdinGuard):
        sys.stdin = StdinGuard(sys.stdin)
    return sys.stdin  # type: ignore[return-value]


class OutputLog(io.TextIOBase):
    """What the script prints (stdout, stderr) and the tracebacks of its
    threads, kept in memory up to ``limit`` characters (the oldest output
    goes first). While the app owns the terminal, what reaches ``sys.stdout``
    and ``sys.stderr`` is written here, so output never lands on the screen;
    any thread may write."""

    def __init__(self, limit: int = 1_000_000) -> None:
        super().__init__()
        self.limit = limit
        self.dropped = 0
        self._parts: list[str] = []
        self._size = 0
        self._lock = threading.Lock()
        #: Bumped at every write (a viewer redraws when it changed).
        self.version = 0

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            text = str(text)
        if not text:
            return 0
        with self._lock:
            if len(text) > self.limit:
                self.dropped += len(text) - self.limit
                text = text[-self.limit :]
            self._parts.append(text)
            self._size += len(text)
            while self._size > self.limit and self._parts:
                first = self._parts[0]
                over = self._size - self.limit
                if len(first) <= over:
                    self._parts.pop(0)
                    self._size -= len(first)
                    self.dropped += len(first)
                else:
                    self._parts[0] = first[over:]
                    self._size -= over
                    self.dropped += over
            self.version += 1
        return len(text)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def text(self) -> str:
        """The output kept, after a note of how much was dropped, if any."""
        with self._lock:
            body = "".join(self._parts)
            dropped = self.dropped
        if dropped:
            return f"[{dropped:,} earlier characters of output dropped]\n{body}"
        return body

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: a thread's uncaught exception, into the log."""
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        trace = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
        self.write(f"Exception in thread {name}:\n{trace}")
