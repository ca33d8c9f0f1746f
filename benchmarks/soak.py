"""Soak: long seeded key and resize storms against every example, in a pty.

    python benchmarks/soak.py [--keys 100000] [--seeds 1 2] [--resizes-every 25] [EXAMPLE ...]

Drives the real ``termlit run`` (tests/ptydrive.py), and reports per example
and seed: keys sent, seconds, whether the app was still up, wrote no
traceback, and answered a key at the end. Exit status 1 when any run failed.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from ptydrive import PtyApp, new_files_removed, storm_keys  # noqa: E402
from test_storm import APPS, SIZES, _answers_a_key  # noqa: E402

_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")


def _stacks(pid: int) -> str:
    """What every thread of the app is doing (py-spy, when installed): why it did not answer."""
    try:
        done = subprocess.run(["py-spy", "dump", "--pid", str(pid)], capture_output=True, text=True,
                              timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"\n  (no stacks: {exc})"
    return "\n  its threads:\n" + (done.stdout or done.stderr)


def soak(example: Path, seed: int, keys: int, resizes_every: int, chunk: int = 2000) -> dict:
    started = time.monotonic()
    rnd = random.Random(seed)
    sent = 0
    with new_files_removed(ROOT / "examples"), PtyApp(example) as app:
        up = app.wait_for("termlit", 60)
        app.wait_quiet(0.3, 30)
        while up and sent < keys:
            names = storm_keys(seed * 1_000_003 + sent, min(chunk, keys - sent))
            for n, name in enumerate(names, 1):
                app.press(name)
                if (sent + n) % resizes_every == 0:
                    app.resize(*rnd.choice(SIZES))
                if n % 100 == 0:
                    time.sleep(0.02)
            sent += len(names)
            app.resize(80, 24)
            app.wait_quiet(0.3, 30)
            up = app.alive()
        traceback = app.wrote_traceback
        answered = up and _answers_a_key(app)
        screen = "" if answered else _ESCAPES.sub("", app.text()[-4000:])[-1500:]
        if up and not answered:
            screen += _stacks(app.pid)
    return {"example": example.stem if example.suffix else example.name, "seed": seed, "keys": sent,
            "seconds": round(time.monotonic() - started, 1), "alive": up, "traceback": traceback,
            "answered": answered, "screen": screen}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("examples", nargs="*", help="example names (default: all)")
    parser.add_argument("--keys", type=int, default=100_000)
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--resizes-every", type=int, default=25)
    ns = parser.parse_args()
    apps = [a for a in APPS if not ns.examples or a.stem in ns.examples or a.name in ns.examples]
    failed = 0
    for example in apps:
        for seed in ns.seeds:
            row = soak(example, seed, ns.keys, ns.resizes_every)
            ok = row["alive"] and not row["traceback"] and row["answered"]
            failed += not ok
            screen = row.pop("screen")
            print(("ok   " if ok else "FAIL ") + " ".join(f"{k}={v}" for k, v in row.items()), flush=True)
            if screen:
                print(f"  what it drew last:\n{screen}", flush=True)
    print(f"{failed} failed of {len(apps) * len(ns.seeds)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
