"""Key bursts: 2,000 seeded random keys sent within one second, in a pty.

    python benchmarks/burst.py [--keys 2000] [--seed 7] [EXAMPLE ...]

Drives the real ``termlit run`` (tests/ptydrive.py) at 120x40 for each
example, and, in the same run, a bare Textual app with the same kinds of
widgets (inputs, buttons, a checkbox, a select, a 1,000-row table, a footer,
a sidebar on ctrl+b and a help screen on F1) receiving the same keys. For
each: the seconds from the last key sent until the app is idle again (its CPU
use under 10% for half a second), the CPU seconds the burst cost, and the
bytes written to the terminal; then each example's CPU as a multiple of the
bare app's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ptydrive import KEYS, PtyApp, new_files_removed, storm_keys  # noqa: E402

BARE = '''
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Footer, Input, Select, Static


class Help(ModalScreen):
    BINDINGS = [Binding("escape,f1,question_mark", "dismiss", "Close")]

    def compose(self):
        yield Static("Keys\\nTab  next\\nctrl+b  sidebar")


class Bare(App):
    BINDINGS = [Binding("ctrl+b", "sidebar", "Sidebar"), Binding("f1,question_mark", "help", "Keys"),
                Binding("ctrl+r", "noop", "Rerun"), Binding("ctrl+q", "quit", "Quit")]
    CSS = "#side { width: 30; } #side.-hidden { display: none; } DataTable { height: 12; }"

    def compose(self):
        with Horizontal():
            with VerticalScroll(id="side"):
                yield Static("termlit-bare")
                yield Select([(str(n), n) for n in range(20)], value=0)
                yield Checkbox("Show raw data")
            with VerticalScroll():
                yield Input(placeholder="Name")
                yield Button("Refresh")
                yield Checkbox("Metric")
                yield DataTable()
                yield Input(placeholder="Note")
                yield Button("Save")
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("region", "units", "price")
        table.add_rows([(f"r{n % 4}", n, n * 1.5) for n in range(1000)])

    def action_sidebar(self):
        self.query_one("#side").toggle_class("-hidden")

    def action_help(self):
        self.push_screen(Help())

    def action_noop(self):
        pass


Bare().run()
'''


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid: int, window: float = 0.5, share: float = 0.1, timeout: float = 300) -> float | None:
    """When the process's CPU use fell under ``share`` for ``window`` seconds."""
    started, last = time.monotonic(), cpu_seconds(pid)
    while time.monotonic() - started < timeout:
        time.sleep(window)
        now = cpu_seconds(pid)
        if now - last < window * share:
            return time.monotonic() - window
        last = now
    return None


def burst(script: Path, keys: list[str], *, plain: bool = False) -> dict:
    with new_files_removed(ROOT / "examples"), PtyApp(script, columns=120, rows=40, plain=plain) as app:
        app.wait_for("termlit", 60)
        app.wait_quiet(0.5, 30)
        wait_idle(app.pid)
        cpu, mark = cpu_seconds(app.pid), app.mark()
        per = max(1, len(keys) // 50)
        started = time.monotonic()
        for i in range(0, len(keys), per):  # 50 writes over one second
            app.send(b"".join(KEYS[k] for k in keys[i:i + per]))
            time.sleep(1 / 50)
        sent = time.monotonic()
        idle = wait_idle(app.pid)
        return {"send": sent - started, "settle": None if idle is None else max(0.0, idle - sent),
                "cpu": cpu_seconds(app.pid) - cpu, "bytes": app.mark() - mark, "alive": app.alive()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("examples", nargs="*", default=["hello", "widgets", "dataframe", "charts", "forms"])
    parser.add_argument("--keys", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    ns = parser.parse_args()
    keys = storm_keys(ns.seed, ns.keys)
    with tempfile.TemporaryDirectory() as folder:
        bare_script = Path(folder) / "bare.py"
        bare_script.write_text(BARE)
        bare = burst(bare_script, keys, plain=True)
    rows = [("bare Textual app", bare)]
    for name in ns.examples:
        rows.append((f"termlit {name}.py", burst(ROOT / "examples" / f"{name}.py", keys)))
    print(f"{ns.keys:,} keys (seed {ns.seed}) in about one second, 120x40\n")
    print("| app | settles after the last key | CPU for the burst | bytes written | CPU vs bare |")
    print("|---|---|---|---|---|")
    for name, row in rows:
        settle = "never" if row["settle"] is None else f"{row['settle']:.1f} s"
        ratio = row["cpu"] / bare["cpu"] if bare["cpu"] else float("nan")
        alive = "" if row["alive"] else " (ended!)"
        print(f"| {name}{alive} | {settle} | {row['cpu']:.1f} s | {row['bytes'] / 1000:,.0f} kB | {ratio:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
