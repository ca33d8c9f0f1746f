"""Large option sets: key -> settled screen, termlit against bare Textual.

    python benchmarks/options.py [--counts 1000,100000] [--timeout 60] [--repeat 3]

Drives the real ``termlit run`` in a pty (tests/ptydrive.py) at 100x30, and,
in the same run, a bare Textual app with Textual's own widget for the same
job and the same options (``option 0`` ... ``option N-1``):

* **open drop-down**: Enter on a selectbox (Textual: ``Select``);
* **type a filter**: "999" typed on it (termlit: on the closed selectbox,
  which opens its filter list; Textual: ``Select``'s type-to-search in the
  list left open);
* **open multiselect**: Enter on a multiselect (Textual: a ``SelectionList``
  on a modal screen);
* **radio first screen**: from the start of the process to the first screen
  of a horizontal radio (Textual: a horizontal ``RadioSet``);
* **radio →**: → on that radio.

Each figure is the seconds from the (last) key written until the screen
settled: the text the key brings is on screen and nothing more was written
for 0.15 s (the time of the last write is taken). "> T s" means it was not
there after the timeout; "not reached", that the screen the key is pressed
on never came. Each figure is the median of ``--repeat`` runs (a fresh
process each; one run only when it timed out).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ptydrive import PtyApp  # noqa: E402

_ANSI = re.compile(rb"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Z0-9]|[=>78])")
QUIET = 0.15
#: A figure not measured: the screen it starts from never came.
NOT_REACHED = -1.0

TERMLIT = {
    "select": '''
import termlit as st
opts = [f"option {{i}}" for i in range({n})]
s = st.selectbox("Pick one", opts)
st.write(f"picked={{s}}")
''',
    "multi": '''
import termlit as st
opts = [f"option {{i}}" for i in range({n})]
m = st.multiselect("Pick many", opts)
st.write(f"picked={{m}}")
''',
    "radio": '''
import termlit as st
opts = [f"option {{i}}" for i in range({n})]
r = st.radio("Radio", opts, horizontal=True)
st.write(f"picked={{r}}")
''',
}

BARE = {
    "select": '''
from textual.app import App
from textual.widgets import Footer, Select, Static

class Bare(App):
    def compose(self):
        yield Static("Pick one")
        yield Select([(f"option {{i}}", i) for i in range({n})], value=0, compact=True)
        yield Footer()

Bare().run()
''',
    "multi": '''
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, SelectionList, Static

class Pick(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss", "Done")]

    def compose(self):
        yield SelectionList(*[(f"option {{i}}", i) for i in range({n})])

class Bare(App):
    def compose(self):
        yield Static("Pick many")
        yield Button("Choose options")
        yield Footer()

    def on_button_pressed(self):
        self.push_screen(Pick())

Bare().run()
''',
    "radio": '''
from textual.app import App
from textual.widgets import Footer, RadioButton, RadioSet, Static

class Bare(App):
    CSS = "RadioSet {{ layout: horizontal; width: 1fr; overflow-x: auto; }} RadioButton {{ width: auto; }}"

    def compose(self):
        yield Static("Radio")
        yield RadioSet(*[RadioButton(f"option {{i}}", value=i == 0) for i in range({n})])
        yield Footer()

Bare().run()
''',
}


def plain(data: bytes) -> bytes:
    return _ANSI.sub(b"", data)


def settle(app: PtyApp, mark: int, needle: bytes, started: float, timeout: float) -> float | None:
    """Seconds from ``started`` to the last write, once ``needle`` is on
    screen (after ``mark``) and the output has been quiet for QUIET."""
    deadline = started + timeout
    seen = False
    last_size, last_time = app.mark(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.002)
        size = app.mark()
        now = time.monotonic()
        if size != last_size:
            last_size, last_time = size, now
            if not seen:
                seen = needle in plain(app.since(mark))
        elif seen and now - last_time >= QUIET:
            return last_time - started
        if not app.alive():
            return None
    return None


def ready(app: PtyApp, needle: str, timeout: float) -> bool:
    if not app.wait_for(needle, timeout):
        return False
    app.wait_quiet(0.4, timeout)
    return True


def measure(kind: str, n: int, folder: Path, timeout: float, bare: bool) -> dict[str, float | None]:
    """The figures for one script (``kind``), termlit's or the bare app's."""
    source = (BARE if bare else TERMLIT)[kind].format(n=n)
    script = folder / f"{'bare' if bare else 'tl'}_{kind}_{n}.py"
    script.write_text(source)
    out: dict[str, float | None] = {}
    started = time.monotonic()
    with PtyApp(script, columns=100, rows=30, plain=bare) as app:
        if kind == "radio":
            out["radio first screen"] = settle(app, 0, b"option 3", started, timeout)
            if out["radio first screen"] is None:
                out["radio \u2192"] = NOT_REACHED
                return out
        elif not ready(app, "Pick", timeout):
            return out
        if not bare:
            app.press("tab")  # termlit: the first Tab focuses the widget
            app.wait_quiet(0.4, timeout)
        if kind == "select":
            mark, t = app.mark(), time.monotonic()
            app.press("enter")
            out["open drop-down"] = settle(app, mark, b"option 5", t, timeout)
            if not bare:  # termlit filters on the closed selectbox; Select, in its open list
                app.press("escape")
                app.wait_quiet(0.5, timeout)
            mark, t = app.mark(), time.monotonic()
            app.send(b"999")
            out["type a filter"] = settle(app, mark, b"option 999", t, timeout)
        elif kind == "multi":
            mark, t = app.mark(), time.monotonic()
            app.press("enter")
            out["open multiselect"] = settle(app, mark, b"option 5", t, timeout)
        else:
            mark, t = app.mark(), time.monotonic()
            app.press("right")
            out["radio \u2192"] = settle(app, mark, b"option 1", t, timeout)
    return out


def measure_median(kind: str, n: int, folder: Path, timeout: float, bare: bool,
                   repeat: int) -> dict[str, float | None]:
    """:func:`measure` ``repeat`` times: the median of each figure."""
    runs: list[dict[str, float | None]] = []
    for _ in range(repeat):
        runs.append(measure(kind, n, folder, timeout, bare))
        if any(v is None or v == NOT_REACHED for v in runs[-1].values()):
            break  # a timeout: once is enough
    out: dict[str, float | None] = {}
    for what in dict.fromkeys(k for run in runs for k in run):
        values = [run.get(what) for run in runs]
        if None in values:
            out[what] = None
        elif NOT_REACHED in values:
            out[what] = NOT_REACHED
        else:
            out[what] = statistics.median(v for v in values if v is not None)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="1000,100000")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--repeat", type=int, default=3)
    ns = parser.parse_args()
    counts = [int(c) for c in ns.counts.split(",")]
    rows: list[tuple[str, int, float | None, float | None]] = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for n in counts:
            for kind in ("select", "multi", "radio"):
                mine = measure_median(kind, n, folder, ns.timeout, False, ns.repeat)
                theirs = measure_median(kind, n, folder, ns.timeout, True, ns.repeat)
                for what in dict.fromkeys([*mine, *theirs]):
                    rows.append((what, n, mine.get(what), theirs.get(what)))
    print(f"Seconds from the key to the settled screen, 100x30 pty, median of {ns.repeat}\n")
    print("| action | options | termlit | bare Textual | termlit vs bare |")
    print("|---|---:|---:|---:|---:|")

    def show(v: float | None) -> str:
        if v == NOT_REACHED:
            return "not reached"
        return f"> {ns.timeout:.0f} s" if v is None else f"{v:.2f} s"

    for what, n, mine, theirs in rows:
        if NOT_REACHED in (mine, theirs):
            ratio = "-"
        elif mine is not None and theirs is not None and mine > 0:
            ratio = f"{theirs / mine:.1f}x faster" if theirs >= mine else f"{mine / theirs:.1f}x slower"
        elif mine is not None and theirs is None:
            ratio = f"> {ns.timeout / max(mine, 0.01):.0f}x faster"
        else:
            ratio = "-"
        print(f"| {what} | {n:,} | {show(mine)} | {show(theirs)} | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
