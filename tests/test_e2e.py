"""End to end: the installed `termlit run` in a real terminal (tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from conftest import EXAMPLES

TMUX = shutil.which("tmux")
TERMLIT = shutil.which("termlit")

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux); .ci/run installs it"),
    pytest.mark.skipif(TERMLIT is None, reason="the termlit command is not on PATH (pip install -e .)"),
]


class Terminal:
    """A tmux server of its own (not the user's), one window of ``size``."""

    def __init__(self, command: str, size: tuple[int, int] = (100, 30)) -> None:
        self.socket = f"termlit-e2e-{os.getpid()}"
        self.session = "app"
        # The app must see the window's size, not the COLUMNS/LINES of the test run.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        self.tmux(
            "new-session", "-d", "-s", self.session, "-x", str(size[0]), "-y", str(size[1]), command,
            env=env, check=True,
        )

    def tmux(self, *args: str, env: dict | None = None, check: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run([TMUX, "-L", self.socket, *args], capture_output=True, text=True, env=env, check=check)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", self.session, key, check=True)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{self.screen()}")

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.session).returncode == 0

    def close(self) -> None:
        self.tmux("kill-server")


def test_termlit_run_in_a_real_terminal_keys_rerun_and_quit():
    term = Terminal(f"{TERMLIT} run {EXAMPLES / 'hello.py'}")
    try:
        term.wait_for("^q Quit")
        term.wait_for("At 50 km/h")
        first = term.wait_for("Settings")  # the sidebar comes last in the script: a busy machine may show it a frame later
        assert "Hello, termlit" in first and "At 50 km/h" in first
        term.keys("Tab", "Tab", "Tab", "Tab")  # select, checkbox, button, slider
        term.wait_for("→ +")  # the footer shows the slider's keys
        term.keys("Right")
        screen = term.wait_for("At 55 km/h")
        assert "speed: 55" in screen
        term.keys("C-q")
        deadline = time.monotonic() + 10
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not term.alive(), "ctrl+q did not quit the app"
    finally:
        term.close()
