"""Bytes over the wire: what one key makes the app write to its terminal.

    python benchmarks/bytes.py [--presses 8]

Over SSH every byte is latency. Drives the real ``termlit run`` in a pty at
120x40 (tests/ptydrive.py) and counts the bytes written after each key, until
the app is quiet: ↓ and PgDn in a focused ``st.dataframe``
(examples/dataframe.py), and Tab through examples/hello.py. In the same run,
the same keys on a bare Textual app (benchmarks/burst.py's: a ``DataTable``
of 1,000 rows, inputs, buttons, a footer). Medians of ``--presses`` presses.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from burst import BARE  # noqa: E402
from ptydrive import PtyApp  # noqa: E402

#: Tabs from the start to each app's table.
TO_TABLE = {"dataframe": 3, "bare": 7}


def per_press(script: Path, before: list[str], key: str, presses: int, *, plain: bool = False) -> list[int]:
    """Bytes written after each of ``presses`` presses of ``key`` (after the
    keys ``before``), each counted once the app is quiet again."""
    with PtyApp(script, columns=120, rows=40, plain=plain) as app:
        app.wait_for("termlit", 60)
        app.wait_quiet(0.8, 30)
        for name in before:
            app.press(name)
            app.wait_quiet(0.4, 10)
        sizes = []
        for _ in range(presses):
            mark = app.mark()
            app.press(key)
            app.wait_quiet(0.4, 10)
            sizes.append(app.mark() - mark)
        return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=8)
    ns = parser.parse_args()
    n = ns.presses
    examples = ROOT / "examples"
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE)
        for what, key, termlit_args, bare_args in (
            ("↓ in a table", "down", (examples / "dataframe.py", ["tab"] * TO_TABLE["dataframe"]),
             (bare, ["tab"] * TO_TABLE["bare"])),
            ("PgDn in a table", "pagedown", (examples / "dataframe.py", ["tab"] * TO_TABLE["dataframe"]),
             (bare, ["tab"] * TO_TABLE["bare"])),
            ("Tab to the next widget", "tab", (examples / "hello.py", []), (bare, [])),
        ):
            ours = per_press(*termlit_args, key, n)
            theirs = per_press(*bare_args, key, n, plain=True)
            rows.append((what, ours, theirs))
    print(f"bytes written per key at 120x40, median (max) of {n} presses\n")
    print("| key | termlit | bare Textual app | termlit vs bare |")
    print("|---|---|---|---|")
    for what, ours, theirs in rows:
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"| {what} | {a:,.0f} B ({max(ours):,}) | {b:,.0f} B ({max(theirs):,}) | {a / b if b else float('nan'):.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
