"""Snapshots of an app's screen: its text and its styles for diffs, an SVG
for people.

:func:`take_snapshot` runs the real Textual app headless, presses keys,
waits after each press until the rerun it caused has finished and is on
screen, and returns the screen. Runs are made alike: a fixed size and theme,
``NO_COLOR`` ignored, no animation (spinners stand still, Textual animates
nothing), fragment timers off, no toasts, and a text cursor that shows
without blinking. What a script itself shows of the clock (``datetime.now()``,
timings) is the script's: mask it (:meth:`Snapshot.masked`).

The app runs as under ``termlit run``: ``import streamlit`` loads termlit.

A snapshot is kept as three files (see :func:`files`): ``NAME.txt`` the
screen's text, ``NAME.styled.txt`` the same text with its colours and
attributes (:func:`termlit.testing.screen.render_styled`), and ``NAME.svg``
the picture.
"""

from __future__ import annotations

import asyncio
import difflib
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from termlit.compat import streamlit_alias
from termlit.runtime.pages import page_key_for
from termlit.testing.screen import Cell, render_styled, render_text, svg_cells

__all__ = ["Snapshot", "files", "parse_size", "snapshot_name", "take_snapshot", "text_diff"]

#: The theme every snapshot is taken with.
SNAPSHOT_THEME = "textual-dark"
#: The files of a snapshot, by what they hold, and how each is named.
SUFFIXES = {"text": ".txt", "styled": ".styled.txt", "svg": ".svg"}


@dataclass(frozen=True)
class Snapshot:
    """One screen: its cells (characters, colours, attributes), one list per
    row, the SVG they were read from, and the screen's size (columns, rows)."""

    cells: list[list[Cell]]
    svg: str
    size: tuple[int, int]

    @property
    def text(self) -> str:
        """The screen's characters, one line per row."""
        return render_text(self.cells)

    @property
    def styled(self) -> str:
        """The screen's characters with their colours and attributes."""
        return render_styled(self.cells, self.size)

    def contents(self) -> dict[str, str]:
        """What each of the snapshot's files holds, by kind (see :data:`SUFFIXES`)."""
        return {"text": self.text, "styled": self.styled, "svg": self.svg}

    def masked(self, patterns: Sequence[str]) -> Snapshot:
        """The snapshot with what each regular expression matches in a row
        (values that change from run to run, such as timings) shown as one
        ``…`` cell in the style of the first cell matched. The SVG is kept as
        it was."""
        if not patterns:
            return self
        return Snapshot([_mask_row(row, patterns) for row in self.cells], self.svg, self.size)


def _mask_row(row: list[Cell], patterns: Sequence[str]) -> list[Cell]:
    for pattern in patterns:
        text = "".join(cell.char for cell in row)
        # The cell each character of ``text`` is drawn in.
        owner = [x for x, cell in enumerate(row) for _char in cell.char]
        for match in reversed(list(re.finditer(pattern, text))):
            if match.end() == match.start():
                continue
            first = owner[match.start()]
            last = owner[match.end()] if match.end() < len(owner) else len(row)
            cell = row[first]
            row = [*row[:first], Cell("…", cell.fg, cell.bg, cell.attributes), *row[last:]]
    return row


def files(base: Path) -> dict[str, Path]:
    """The paths of a snapshot's files for ``base`` (a path without suffix),
    by what they hold: ``text``, ``styled`` and ``svg``."""
    return {kind: base.with_name(base.name + suffix) for kind, suffix in SUFFIXES.items()}


def write_files(paths: dict[str, Path], contents: dict[str, str]) -> None:
    """Write a snapshot's files (``paths`` as :func:`files` gives them)."""
    for kind, path in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = contents[kind]
        path.write_text(text if kind == "svg" else text + "\n", encoding="utf-8")


def parse_size(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", value)
    if not match or int(match[1]) < 20 or int(match[2]) < 5:
        raise ValueError(f"size {value!r} is not COLUMNSxROWS (at least 20x5), e.g. 100x30")
    return int(match[1]), int(match[2])


def snapshot_name(app: str | Path, press: Sequence[str] = ()) -> str:
    """The default file name: the app's name, then the keys pressed."""
    stem = Path(app).stem
    keys = "-".join(re.sub(r"[^\w+]+", "_", key) for key in press)
    return f"{stem}-{keys}" if keys else stem


@contextmanager
def _colours_on() -> Iterator[None]:
    """Hide ``NO_COLOR`` from the app (Textual reads and removes it when an
    app is made), and put it back afterwards."""
    saved = os.environ.pop("NO_COLOR", None)
    try:
        yield
    finally:
        if saved is not None:
            os.environ["NO_COLOR"] = saved


def _steady_cursors(app) -> None:
    """Stop every text cursor blinking, so it shows whatever the time."""
    for screen in app.screen_stack:
        for widget in screen.query("*"):
            if getattr(widget, "cursor_blink", False):
                widget.cursor_blink = False


async def _take(
    app_path: Path, size: tuple[int, int], press: Sequence[str], timeout: float, page: str | None
) -> Snapshot:
    from termlit.runtime.script_runner import ScriptRunner, ScriptSource  # lazy: only a snapshot needs the runner
    from termlit.tui.app import TermlitApp  # lazy: Textual loads only when a snapshot is taken

    runner = ScriptRunner(ScriptSource(app_path), main_module=False, timers=False)
    with _colours_on():
        app = TermlitApp(runner, watch=False, still=True)
    app.theme = SNAPSHOT_THEME
    app.animation_level = "none"
    loop = asyncio.get_running_loop()

    async def settle(pilot) -> None:
        deadline = loop.time() + timeout
        await pilot.pause()
        while not app.settled:
            if loop.time() > deadline:
                raise TimeoutError(f"{app_path.name}: the run did not finish within {timeout} s")
            await pilot.pause(0.01)
        await pilot.pause()

    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if page is not None:
            runner.request_page(page_key_for(runner.pages.navigation, app_path.parent, page))
            await settle(pilot)
        for key in press:
            await pilot.press(key)
            await settle(pilot)
        app.clear_notifications()  # toasts come and go with time
        _steady_cursors(app)
        await pilot.pause()
        svg = app.export_screenshot(title=app_path.name)
    return Snapshot(svg_cells(svg, size), svg, size)


def take_snapshot(
    app: str | Path,
    *,
    size: tuple[int, int] = (100, 30),
    press: Sequence[str] = (),
    timeout: float = 60.0,
    page: str | None = None,
) -> Snapshot:
    """Run ``app`` headless at ``size`` (columns, rows), open ``page`` (a
    page's file relative to the app, or its URL path; raises ValueError
    when the app has no such page), press ``press``, and return its screen."""
    path = Path(app).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no app at {path}")
    with streamlit_alias():
        return asyncio.run(_take(path, size, list(press), timeout, page))


def text_diff(expected: str, actual: str, name: str) -> str:
    """A unified diff of two screens, line by line."""
    lines = difflib.unified_diff(
        expected.splitlines(),
        actual.splitlines(),
        fromfile=f"{name} (snapshot)",
        tofile=f"{name} (now)",
        lineterm="",
    )
    return "\n".join(lines)
