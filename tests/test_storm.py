"""The real ``termlit run`` in a pseudo-terminal: key and resize storms on
every example, a terminal that is missing or goes away, stdin reads.

Bounded and seeded: the keys of a storm are drawn from a fixed seed, and the
whole module stays within about two minutes on a small machine. The long
soak is ``benchmarks/soak.py``.
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ptydrive import PtyApp, new_files_removed, storm_keys

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
APPS = sorted([p for p in EXAMPLES.glob("*.py")] + [EXAMPLES / "multipage", EXAMPLES / "pages_folder"])
#: Keys and resizes per example (TERMLIT_STORM_KEYS for more; the soak sends many more).
STORM_KEYS = int(os.environ.get("TERMLIT_STORM_KEYS", "400"))
RESIZES = max(STORM_KEYS // 30, 1)
#: The examples run on small data (bigtable would write 10M rows first).
EXAMPLE_ENV = {"BIGTABLE_ROWS": "5000"}
SIZES = [(80, 24), (100, 30), (60, 20), (120, 40), (40, 12), (81, 25)]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def _storm(app: PtyApp, seed: int, keys: int, resizes: int) -> None:
    rnd = random.Random(seed + 1)
    names = storm_keys(seed, keys)
    resize_at = set(rnd.sample(range(keys), resizes))
    for n, name in enumerate(names):
        app.press(name)
        if n in resize_at:
            app.resize(*rnd.choice(SIZES))
        if n % 100 == 99:
            time.sleep(0.02)  # a fast typist, not a paste
            assert app.alive(), f"ended after {n + 1} keys: {app.text()[-2000:]}"
    app.resize(80, 24)


def _answers_a_key(app: PtyApp) -> bool:
    """True when the app, after leaving what the storm opened, opens its key
    help. The storm may leave windows open three deep (a dialog, a list
    opened in it, the key help): Esc four times closes them all. F1 toggles
    the help: when the storm left it open after all (a busy machine still
    working through the keys), the second press opens it."""
    app.wait_quiet(0.5, 60)
    for _ in range(4):
        app.send(b"\x1b")
        time.sleep(0.2)
    app.wait_quiet(0.3, 10)
    for _ in range(2):
        mark = app.mark()
        app.press("f1")
        # The help's frame (its title) or its footer (Close) is drawn.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            drawn = app.since(mark)
            if b"Keys" in drawn or b"Close" in drawn:
                return True
            time.sleep(0.05)
    return False


@pytest.mark.parametrize("example", APPS, ids=lambda p: p.stem if p.suffix else p.name)
def test_key_and_resize_storm_leaves_every_example_up_and_answering(example):
    seed = sum(map(ord, example.name))
    with new_files_removed(EXAMPLES), PtyApp(example, columns=80, rows=24, env=EXAMPLE_ENV) as app:
        assert app.wait_for("termlit", 60), app.text()[-2000:]
        app.wait_quiet(0.3, 30)
        _storm(app, seed, STORM_KEYS, RESIZES)
        app.wait_quiet(0.3, 20)  # a blinking cursor writes every 0.5 s
        assert app.alive(), f"the app ended: {app.text()[-3000:]}"
        assert not app.wrote_traceback, app.text()[-3000:]
        assert _answers_a_key(app), app.text()[-3000:]
        app.send(b"\x11")  # ctrl+q
        assert app.wait(30) == 0  # a busy machine may still be drawing what the storm asked for
        assert not app.wrote_traceback


@pytest.mark.parametrize("drawn, seen", [
    ("'\\x1b[1;31mTrace\\x1b[38;5;196mback\\x1b[0m (most recent call last)'", True),  # a styled panel
    ("'x' * 5_000_000 + 'Traceback'", True),  # before what the buffer keeps
    ("'\\x1b[1mTrack\\x1b[0m back'", False),
], ids=["styled", "long-ago", "none"])
def test_the_storms_see_a_traceback_however_it_is_drawn(tmp_path, drawn, seen):
    program = tmp_path / "draw.py"
    program.write_text(f"import sys\nsys.stdout.write({drawn})\nsys.stdout.write('x' * 3_000_000 + 'done')\n"
                       "sys.stdout.flush()\n")
    with PtyApp(program, plain=True) as app:
        assert app.wait_for("done", 30)
        assert app.wrote_traceback is seen


def test_termlit_run_without_a_terminal_says_so_and_exits_2(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import termlit as st\nst.text('hi')\n")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "termlit", "run", str(script)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2
    assert done.stdout == ""  # no escape codes into the pipe
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "needs a terminal" in lines[0]
    assert "termlit snapshot" in lines[0] and "AppTest" in lines[0]
    assert time.monotonic() - started < 30


def test_a_hang_up_ends_the_app_and_its_blocked_script(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import termlit as st, time\nst.text('sleeping')\ntime.sleep(1000)\n")
    with PtyApp(script) as app:
        assert app.wait_for("sleeping", 60)
        os.kill(app.pid, signal.SIGHUP)
        assert app.wait(10) == 128 + signal.SIGHUP


def test_a_terminal_that_goes_away_mid_burst_ends_the_app():
    """The terminal closes while the app still works through a burst (its
    writes to the gone terminal stuck, the loop blocked): the process still
    ends within the hangup deadline, never left spinning."""
    app = PtyApp(EXAMPLES / "layout_new.py", env=EXAMPLE_ENV)
    try:
        assert app.wait_for("termlit", 60)
        app.wait_quiet(0.3, 30)
        for n, name in enumerate(storm_keys(7, 10_000), 1):
            app.press(name)
            if n % 100 == 0:
                time.sleep(0.02)
        os.close(app.fd)  # the terminal goes away
        deadline = time.monotonic() + 20
        while app.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not app.alive(), "the app outlived its terminal"
    finally:
        if app.alive():
            os.kill(app.pid, signal.SIGKILL)
            os.waitpid(app.pid, 0)


def test_input_in_a_script_is_a_clear_error_and_the_app_quits_cleanly(tmp_path):
    script = tmp_path / "app.py"
    script.write_text("import termlit as st\nst.text('asking')\nname = input('name? ')\nst.text(name)\n")
    with PtyApp(script, columns=120, rows=40) as app:
        assert app.wait_for("StdinUnavailable", 60), app.text()[-2000:]
        assert app.wait_for("st.text_input", 10)
        app.wait_quiet(0.3)
        mark = app.mark()
        app.press("f1")  # the UI still has its keys
        assert app.wait_for("the next widget", 30, start=mark)
        app.send(b"\x11")
        assert app.wait(10) == 0
        assert b"Fatal Python error" not in app.since(0)


def test_script_output_goes_to_a_log_shown_on_ctrl_l_and_printed_on_exit(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(
        "import sys, threading\nimport termlit as st\n"
        "print('x' * 2_000_000)\n"  # more than the log keeps: the oldest part goes
        "print('hello from print')\nprint('to stderr', file=sys.stderr)\n"
        "def work():\n    raise ValueError('thread went wrong')\n"
        "t = threading.Thread(target=work, name='worker'); t.start(); t.join()\n"
        "st.text('drawn')\n"
    )
    with PtyApp(script, columns=100, rows=30) as app:
        assert app.wait_for("drawn", 60)
        app.wait_quiet(0.3)
        assert b"hello from print" not in app.since(0)  # never onto the app's screen
        mark = app.mark()
        app.send(b"\x0c")  # ctrl+l
        assert app.wait_for("Output (print", 30, start=mark)
        assert app.wait_for("thread went wrong", 10, start=mark)
        app.send(b"\x1b")
        time.sleep(0.3)
        mark = app.mark()
        app.send(b"\x11")
        assert app.wait(10) == 0
        app.drain()
        after = app.since(mark)
        assert b"--- output of app.py ---" in after
        assert b"hello from print" in after and b"to stderr" in after
        assert b"Exception in thread worker" in after and b"ValueError: thread went wrong" in after
        assert b"earlier characters of output dropped" in after
        assert len(after) < 1_200_000


_COLOUR = re.compile(rb"\x1b\[[0-9;]*(?:[34]8;[25];|(?<=[\[;])(?:3[0-7]|4[0-7]|9[0-7]|10[0-7])[;m])")
_REVERSE = re.compile(rb"\x1b\[(?:[0-9;]*;)?7[;m]")


def _tabs_show_the_focus_by_attribute(app: PtyApp, tabs: int = 3) -> None:
    """Each of ``tabs`` Tabs draws reverse video (or nothing: the focus
    stayed where it was, one widget to focus)."""
    assert app.wait_for("termlit", 60)
    app.wait_quiet(1.0, 30)  # charts draw in workers after the first frame: let them land
    for n in range(tabs):
        mark = app.mark()
        app.press("tab")
        app.wait_quiet(0.3, 20)
        drawn = app.since(mark)
        assert not drawn or _REVERSE.search(drawn), f"Tab {n + 1} showed the focus by colour only: {drawn[-800:]!r}"


@pytest.mark.parametrize("example", APPS, ids=lambda p: p.stem if p.suffix else p.name)
def test_no_color_draws_no_colours_and_every_tab_shows_the_focus_by_attribute(example):
    with new_files_removed(EXAMPLES), PtyApp(example, env={**EXAMPLE_ENV, "NO_COLOR": "1"}) as app:
        _tabs_show_the_focus_by_attribute(app)
        assert not _COLOUR.search(app.since(0)), "a colour code under NO_COLOR"


@pytest.mark.parametrize("name", ["hello", "widgets", "sql", "charts", "layout"])
def test_in_16_colours_every_tab_shows_the_focus_by_attribute(name):
    """TERM=linux: the greys and shades that mark the focus in 256 colours
    fold into the same few colours, so the focus is in reverse video."""
    with new_files_removed(EXAMPLES), PtyApp(EXAMPLES / f"{name}.py", env={**EXAMPLE_ENV, "TERM": "linux"}) as app:
        _tabs_show_the_focus_by_attribute(app)
        assert not re.search(rb"\x1b\[[0-9;]*[34]8;[25];", app.since(0)), "a 256-colour or RGB code in 16 colours"
