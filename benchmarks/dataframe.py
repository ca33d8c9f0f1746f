"""st.dataframe at scale: termlit's virtualized table vs Textual's DataTable.

Both tables are mounted in the same bare Textual app (headless, 100x30) and
measured the same way, all in this run:

* first paint: from creating the widget (for DataTable: including loading its
  rows) to the end of the first screen refresh that shows it;
* PgDn: from the key press to the end of the repaint, median of many presses.

termlit's table gets 1M and 10M-row frames (float, int and string columns);
DataTable gets the first 100k rows of the same frame (more takes minutes).
The frames' own creation is not counted.

Run: ``python benchmarks/dataframe.py [--presses N] [--skip-10m]``
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import numpy as np
import pandas as pd
from textual.app import App
from textual.widgets import DataTable

from termlit.runtime.tree import Element
from termlit.tui.widgets._dataframe import DataFrameView

SIZE = (100, 30)


def make_frame(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    words = np.array(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"])
    return pd.DataFrame(
        {
            "price": rng.random(rows) * 100,
            "units": rng.integers(0, 10_000, rows),
            "ratio": rng.normal(size=rows),
            "name": words[rng.integers(0, len(words), rows)],
            "count": np.arange(rows),
        }
    )


class Bench(App[None]):
    CSS = "DataFrameView { height: 1fr; } DataTable { height: 1fr; }"


async def _refreshed(app: App) -> None:
    done = asyncio.Event()
    app.call_after_refresh(done.set)
    await done.wait()


async def measure(make_widget, presses: int) -> tuple[float, float, float]:
    """(first paint s, median PgDn s, median PgDn redraw s) for the widget
    ``make_widget`` builds. The redraw is the widget's own work for a page:
    the page action and rendering every line in view, called directly."""
    app = Bench()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        widget = make_widget()
        await app.mount(widget)
        widget.focus()
        await _refreshed(app)
        first = time.perf_counter() - start
        samples = []
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("pagedown")
            await _refreshed(app)
            samples.append(time.perf_counter() - start)
        redraws = []
        region = widget.size.region
        for _ in range(presses):
            start = time.perf_counter()
            page_down(widget)
            widget.render_lines(region)
            redraws.append(time.perf_counter() - start)
        return first, statistics.median(samples), statistics.median(redraws)


def page_down(widget) -> None:
    if isinstance(widget, DataTable):
        widget.action_page_down()
        widget.scroll_to(y=widget.cursor_row, animate=False, immediate=True)
        widget._line_cache.clear() if hasattr(widget, "_line_cache") else None
    else:
        widget.action_page(1)


def termlit_table(frame: pd.DataFrame):
    props = {"data": frame, "height": None}
    return lambda: DataFrameView(Element("dataframe", "bench", props))


def textual_table(frame: pd.DataFrame):
    def make():
        table = DataTable()
        table.add_columns("index", *map(str, frame.columns))
        table.add_rows([(i, *row) for i, row in zip(frame.index, frame.itertuples(index=False, name=None))])
        return table

    return make


async def empty_press_cost(presses: int) -> float:
    """PgDn with nothing focused: what the press and refresh cost on their own."""
    app = Bench()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        samples = []
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("pagedown")
            await _refreshed(app)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--skip-10m", action="store_true")
    args = parser.parse_args()

    sizes = [1_000_000] + ([] if args.skip_10m else [10_000_000])
    frames = {n: make_frame(n) for n in sizes}
    rows = []
    base = asyncio.run(empty_press_cost(args.presses))
    textual = asyncio.run(measure(textual_table(frames[sizes[0]].iloc[:100_000]), args.presses))
    for n in sizes:
        rows.append((f"termlit table, {n:,} rows", *asyncio.run(measure(termlit_table(frames[n]), args.presses))))
    rows.append(("Textual DataTable, 100,000 rows", *textual))

    print(f"DataFrame benchmark: headless {SIZE[0]}x{SIZE[1]}, PgDn medians of {args.presses} presses\n")
    head = ("table", "first paint ms", "ratio", "PgDn->repaint ms", "ratio", "PgDn redraw ms", "ratio")
    print(f"| {head[0]:<32} | {head[1]:>14} | {head[2]:>7} | {head[3]:>16} | {head[4]:>6} | {head[5]:>14} | {head[6]:>6} |")
    print(f"|{'-' * 34}|{'-' * 16}|{'-' * 9}|{'-' * 18}|{'-' * 8}|{'-' * 16}|{'-' * 8}|")
    for name, first, pgdn, redraw in rows:
        print(
            f"| {name:<32} | {first * 1000:>14.1f} | {textual[0] / first:>6.0f}x | {pgdn * 1000:>16.2f} "
            f"| {textual[1] / pgdn:>5.2f}x | {redraw * 1000:>14.2f} | {textual[2] / redraw:>5.1f}x |"
        )
    print("\nratio: DataTable's time / this row's time (higher is faster).")
    print(f"PgDn->repaint includes Pilot's key delivery and a screen refresh; with nothing to redraw that alone is {base * 1000:.2f} ms.")
    print("PgDn redraw: the page action plus rendering every line in view, called directly.")
    print("Targets: 10M rows first paint < 300 ms; PgDn < 10 ms.")


if __name__ == "__main__":
    main()
