"""Rerun overhead: termlit vs Streamlit on the same ~50-element app.

Prints a table of medians and ratios, all measured in this run:

* a rerun under termlit's AppTest vs under Streamlit's AppTest (same script
  text, same widget change per rerun);
* keystroke to repainted screen in termlit's Textual UI (Pilot presses → on
  the slider, until the rerun's tree is applied and the screen refreshed),
  and how much of it is the framework (minus the script's own run time).

Run: ``python benchmarks/rerun.py [--runs N]`` (Streamlit from the ``bench``
extra: ``pip install -e .[bench]``).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _apps import dashboard  # noqa: E402

FRAME_60HZ_MS = 1000 / 60


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_termlit_apptest(runs: int) -> tuple[float, int]:
    from termlit.testing import AppTest

    at = AppTest.from_string(dashboard("termlit"), default_timeout=30).run()
    from termlit.runtime.tree import walk

    count = sum(1 for root in (at.main, at.sidebar) for _ in walk(root._element)) - 2
    samples = []
    for i in range(runs):
        at.slider[0].set_value(100 + (i % 50))
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
    assert not at.exception, at.exception
    return _median_ms(samples), count


def bench_streamlit_apptest(runs: int) -> float | None:
    try:
        from streamlit.testing.v1 import AppTest
    except ImportError:
        return None
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    at = AppTest.from_string(dashboard("streamlit"), default_timeout=30).run()
    samples = []
    for i in range(runs):
        at.slider[0].set_value(100 + (i % 50))
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
    assert not at.exception, at.exception
    return _median_ms(samples)


def bench_script_only(runs: int) -> float:
    """The script's own cost: one run_once() of the runner, no viewer."""
    from termlit.runtime import ScriptRunner, ScriptSource

    runner = ScriptRunner(ScriptSource(source=dashboard("termlit")), main_module=False)
    runner.run_once()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        runner.run_once()
        samples.append(time.perf_counter() - start)
    return _median_ms(samples)


async def _keystroke_latency(presses: int) -> tuple[list[float], list[float]]:
    """Per press: Pilot press -> the rerun's tree applied (reconciled), and
    Pilot press -> the screen repainted after it (Textual's next frame)."""
    from termlit.runtime import ScriptRunner, ScriptSource
    from termlit.tui.app import TermlitApp
    from termlit.tui.widgets._slider import SliderControl

    runner = ScriptRunner(ScriptSource(source=dashboard("termlit")), main_module=False)
    app = TermlitApp(runner, watch=False, still=True)
    painted: list[float] = []
    applied: list[float] = []
    original_apply = app.apply_result

    async def apply_and_mark(result):
        await original_apply(result)
        if result.final:
            applied.append(time.perf_counter())
            app.call_after_refresh(lambda: painted.append(time.perf_counter()))

    app.apply_result = apply_and_mark
    to_applied: list[float] = []
    to_painted: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        while not app.settled:
            await pilot.pause(0.01)
        for _ in range(30):
            await pilot.press("tab")
            if isinstance(app.focused, SliderControl):
                break
        for i in range(presses):
            painted.clear()
            applied.clear()
            start = time.perf_counter()
            await pilot.press("right" if i % 2 == 0 else "left")
            while not painted or not app.settled:
                await asyncio.sleep(0.001)
            to_applied.append(applied[-1] - start)
            to_painted.append(painted[-1] - start)
    return to_applied, to_painted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()

    termlit_ms, elements = bench_termlit_apptest(args.runs)
    streamlit_ms = bench_streamlit_apptest(args.runs)
    script_ms = bench_script_only(args.runs)
    to_applied, to_painted = asyncio.run(_keystroke_latency(args.runs))
    applied_ms = _median_ms(to_applied)
    painted_ms = _median_ms(to_painted)
    overhead_ms = applied_ms - script_ms

    rows = [("termlit AppTest rerun", termlit_ms, "1.00x")]
    if streamlit_ms is not None:
        rows.append(("Streamlit 1.67 AppTest rerun", streamlit_ms, f"{streamlit_ms / termlit_ms:.2f}x"))
    rows += [
        ("termlit script run alone (runner, no UI)", script_ms, ""),
        ("termlit keystroke -> rerun tree applied", applied_ms, ""),
        ("  of which framework (all but the script)", overhead_ms, f"{overhead_ms / FRAME_60HZ_MS:.2f} frames @60Hz"),
        ("termlit keystroke -> screen repainted", painted_ms, f"{painted_ms / FRAME_60HZ_MS:.2f} frames @60Hz"),
    ]
    print(f"Rerun benchmark: ~{elements}-element dashboard, median of {args.runs} reruns each\n")
    print(f"| {'measure':<44} | {'median ms':>9} | {'ratio':>18} |")
    print(f"|{'-' * 46}|{'-' * 11}|{'-' * 20}|")
    for name, ms, ratio in rows:
        print(f"| {name:<44} | {ms:>9.2f} | {ratio:>18} |")
    if streamlit_ms is not None:
        print(f"\ntermlit rerun = 1/{streamlit_ms / termlit_ms:.1f} of Streamlit's (target: <= 1/4)")
    else:
        print("\nStreamlit is not installed (pip install -e .[bench]); no ratio.")
    print(f"framework overhead per keystroke: {overhead_ms:.2f} ms (target: < {FRAME_60HZ_MS:.1f} ms)")


if __name__ == "__main__":
    main()
