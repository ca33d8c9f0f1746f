"""Keystroke latency in a real terminal: key written -> screen settled.

Runs ``termlit run examples/hello.py`` in a pseudo-terminal, focuses the
speed slider with Tab, and steps it with → / ←. For each key it writes the
key to the pty and records every write the app makes in reply, until the
output has been quiet for a while. It reports:

* **first frame**: when the first write after the key arrived;
* **settled**: when the last write after the key arrived (the screen no
  longer changes: here, the rerun's "At N km/h" line is on screen);
* **result**: when the write that carries the rerun's new text arrived;
* frames (bursts of writes) and bytes written per key.

The same measurement is made, in the same run, on a bare Textual app where →
changes one number on screen: the floor a Textual app has in this terminal.

Run: ``python benchmarks/latency.py [--presses N] [--size 100x30]``.
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import fcntl
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Writes closer together than this belong to one frame.
FRAME_GAP = 0.002
#: The screen has settled when nothing was written for this long.
QUIET = 0.25
#: Give up waiting for a key's effect after this long.
TIMEOUT = 5.0
_ANSI = re.compile(rb"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Z0-9]|[=>78])")

RIGHT, LEFT, TAB = b"\x1b[C", b"\x1b[D", b"\t"


@dataclass
class Press:
    """One key and the writes it caused: (seconds after the key, bytes)."""

    #: The text the key's rerun shows ("At 55 km/h").
    needle: bytes = b""
    writes: list[tuple[float, bytes]] = field(default_factory=list)

    @property
    def frames(self) -> list[tuple[float, bytes]]:
        out: list[tuple[float, bytes]] = []
        last = None
        for at, data in self.writes:
            if out and last is not None and at - last <= FRAME_GAP:
                out[-1] = (out[-1][0], out[-1][1] + data)
            else:
                out.append((at, data))
            last = at
        return out

    def first(self) -> float:
        return self.writes[0][0]

    def settled(self) -> float:
        return self.writes[-1][0]

    def showing(self) -> float | None:
        """When the key's text was first written (ANSI codes aside)."""
        seen = b""
        for at, data in self.writes:
            seen += data
            if self.needle in _ANSI.sub(b"", seen):
                return at
        return None


class Terminal:
    """A program running in a pseudo-terminal of a given size."""

    def __init__(self, argv: list[str], columns: int, rows: int) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=env,
            start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self.screen = b""

    def _read(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            return os.read(self.fd, 65536)
        except OSError:
            return b""

    def drain(self, quiet: float = QUIET, limit: float = 30.0) -> bytes:
        """Read until nothing came for ``quiet`` seconds."""
        got = b""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            data = self._read(quiet)
            if not data:
                break
            got += data
        self.screen += got
        return got

    def wait_for(self, needle: bytes, limit: float = 30.0) -> None:
        end = time.monotonic() + limit
        seen = b""
        while needle not in _ANSI.sub(b"", seen):
            if time.monotonic() > end:
                raise RuntimeError(f"{needle!r} never appeared on the screen")
            seen += self._read(0.1) or b""
        self.screen += seen
        self.drain()

    def press(self, key: bytes, needle: bytes = b"") -> Press:
        """Write ``key``; collect the writes until the screen is quiet and
        ``needle`` was written."""
        press = Press(needle)
        start = time.perf_counter()
        os.write(self.fd, key)
        deadline = start + TIMEOUT
        while True:
            now = time.perf_counter()
            if now > deadline:
                break
            data = self._read(QUIET)
            at = time.perf_counter() - start
            if data is None:
                if press.showing() is not None:
                    break
                continue
            if not data:
                break
            press.writes.append((at, data))
        if not press.writes:
            raise RuntimeError(f"key {key!r} caused no output")
        return press

    def close(self) -> None:
        try:
            os.write(self.fd, b"\x11")  # ctrl+q
            self.process.wait(3)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        os.close(self.fd)


BARE_APP = '''
from textual.app import App
from textual.widgets import Static

class Bare(App):
    BINDINGS = [("right", "step(1)"), ("left", "step(-1)"), ("ctrl+q", "quit")]

    def compose(self):
        self.number = 50
        yield Static("Speed", id="label")
        yield Static(self._text(), id="value")

    def _text(self):
        return f"At {self.number} km/h"

    def action_step(self, by):
        self.number += 5 * by
        self.query_one("#value", Static).update(self._text())

Bare().run()
'''


def measure_termlit(presses: int, columns: int, rows: int) -> list[Press]:
    command = shutil.which("termlit")
    argv = [command] if command else [sys.executable, "-m", "termlit"]
    term = Terminal([*argv, "run", "examples/hello.py", "--no-watch"], columns, rows)
    try:
        term.wait_for(b"At 50 km/h")
        for _ in range(4):  # the sidebar's select, its checkbox, the button, the slider
            term.press(TAB)
        speed, out = 50, []
        for i in range(presses + 3):
            key, speed = (RIGHT, speed + 5) if i % 2 == 0 else (LEFT, speed - 5)
            press = term.press(key, f"At {speed} km/h".encode())
            if press.showing() is None:
                raise RuntimeError("the slider did not move: is it focused?")
            if i >= 3:  # the first few warm caches up
                out.append(press)
        return out
    finally:
        term.close()


def measure_bare(presses: int, columns: int, rows: int) -> list[Press]:
    term = Terminal([sys.executable, "-c", BARE_APP], columns, rows)
    try:
        term.wait_for(b"At 50 km/h")
        number, out = 50, []
        for i in range(presses + 3):
            key, number = (RIGHT, number + 5) if i % 2 == 0 else (LEFT, number - 5)
            press = term.press(key, f"At {number} km/h".encode())
            if i >= 3:
                out.append(press)
        return out
    finally:
        term.close()


def _ms(values: list[float]) -> tuple[float, float]:
    values = sorted(v * 1000 for v in values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return statistics.median(values), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))

    bare = measure_bare(args.presses, columns, rows)
    ours = measure_termlit(args.presses, columns, rows)

    floor = _ms([p.settled() for p in bare])[0]
    rows_out = []
    for name, presses in (("bare Textual app, → changes a number", bare),
                          ("termlit hello.py, → steps the slider", ours)):
        first = _ms([p.first() for p in presses])
        settled = _ms([p.settled() for p in presses])
        result = _ms([p.showing() for p in presses])
        frames = statistics.mean(len(p.frames) for p in presses)
        sizes = [[len(d) for _t, d in p.frames] for p in presses]
        common = max(set(map(tuple, sizes)), key=lambda s: sizes.count(list(s)))
        rows_out.append((name, first, result, settled, frames, common, settled[0] / floor))

    print(f"Keystroke latency in a {columns}x{rows} pseudo-terminal, {args.presses} presses each\n")
    head = ("app", "first frame ms", "result on screen ms", "settled ms (p95)", "frames/key",
            "bytes per frame", "settled vs bare")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for name, first, result, settled, frames, common, ratio in rows_out:
        print(
            f"| {name} | {first[0]:.1f} | {result[0]:.1f} | {settled[0]:.1f} ({settled[1]:.1f}) | "
            f"{frames:.2f} | {', '.join(f'{n:,}' for n in common)} | {ratio:.1f}x |"
        )


if __name__ == "__main__":
    main()
