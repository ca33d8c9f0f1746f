"""Snapshots of an app's screen: an SVG for people, plain text for diffs.

:func:`take_snapshot` runs the real Textual app headless at a fixed size and
theme, presses keys, waits after each press until the rerun it caused has
finished and is on screen, and returns the screen. Nothing in it depends on
the clock: spinners stand still and fragment timers are off.
"""

from __future__ import annotations

import asyncio
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Snapshot", "apply_masks", "parse_size", "snapshot_name", "take_snapshot", "text_diff"]

#: The theme every snapshot is taken with.
SNAPSHOT_THEME = "textual-dark"


@dataclass
class Snapshot:
    text: str
    svg: str


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


async def _take(app_path: Path, size: tuple[int, int], press: Sequence[str], timeout: float) -> Snapshot:
    from termlit.runtime.script_runner import ScriptRunner, ScriptSource
    from termlit.testing.screen import svg_text
    from termlit.tui.app import TermlitApp

    runner = ScriptRunner(ScriptSource(app_path), main_module=False, timers=False)
    app = TermlitApp(runner, watch=False, still=True)
    app.theme = SNAPSHOT_THEME
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
        for key in press:
            await pilot.press(key)
            await settle(pilot)
        app.clear_notifications()  # toasts come and go with time
        await pilot.pause()
        svg = app.export_screenshot(title=app_path.name)
    return Snapshot(svg_text(svg), svg)


def take_snapshot(
    app: str | Path,
    *,
    size: tuple[int, int] = (100, 30),
    press: Sequence[str] = (),
    timeout: float = 60.0,
) -> Snapshot:
    """Run ``app`` headless, press ``press``, and return its screen."""
    path = Path(app).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no app at {path}")
    return asyncio.run(_take(path, size, list(press), timeout))


def apply_masks(text: str, masks: Sequence[str]) -> str:
    """Replace what each regular expression matches with '…' (for values an
    app shows that change from run to run, such as timings)."""
    for pattern in masks:
        text = re.sub(pattern, "…", text)
    return text


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
