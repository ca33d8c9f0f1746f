"""The script's standard streams under ``termlit run``.

The terminal belongs to the UI: a script that reads standard input
(``input()``, ``sys.stdin.read()``) would hang and steal the user's keys, so
:class:`StdinGuard` takes the place of ``sys.stdin`` and every read raises
:class:`StdinUnavailable`, which the app shows as the script's error.
(Textual reads the terminal through ``sys.__stdin__``'s file descriptor,
which stays as it was.)
"""

from __future__ import annotations

import io
import sys
from typing import Any

__all__ = ["StdinGuard", "StdinUnavailable", "guard_stdin"]

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
