"""Charts of a million points: termlit vs plotting every point with plotext.

Same data, same plot size, same axis limits and labels, all in this run:

* termlit: series from the frame, points reduced to the braille dots they
  light, plotted by plotext (what the chart view does off the UI thread, on a
  cache miss);
* plain: every point handed to plotext.

The last column checks the two pictures are the same text, cell for cell.

Run: ``python benchmarks/charts.py [--points N] [--runs N]``
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from termlit.common.chartdata import axis_limits
from termlit.common.chartdata import chart_data
from termlit.tui._plot import draw_chart, dress, plotext_problem, rgb
from termlit.tui._plotext import new_figure

WIDTH, HEIGHT = 100, 30


def frames(points: int) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(0)
    return {
        "scatter": pd.DataFrame({"x": rng.normal(size=points), "y": rng.normal(size=points)}),
        "line": pd.DataFrame({"x": np.arange(points, dtype=float), "y": np.cumsum(rng.normal(size=points))}),
    }


def termlit_draw(kind: str, frame: pd.DataFrame) -> str:
    props = {"chart": kind, "data": frame, "x": "x", "y": "y", "color": "#ff4b4b"}
    return draw_chart(kind, chart_data(props), props, WIDTH, HEIGHT)


def plain_draw(kind: str, frame: pd.DataFrame) -> str:
    props = {"chart": kind, "data": frame, "x": "x", "y": "y", "color": "#ff4b4b"}
    data = chart_data(props)
    series = data.series[0]
    figure = new_figure(WIDTH, HEIGHT)
    dress(figure, props, data, axis_limits([series.x]), axis_limits([series.y]), WIDTH)
    draw = figure.scatter if kind == "scatter" else figure.plot
    draw(series.x.tolist(), series.y.tolist(), marker="braille", color=rgb(series.color))
    return figure.build()


def timed(fn, runs: int) -> tuple[float, str]:
    samples, out = [], ""
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7, help="termlit runs (plain plotext runs 3 times)")
    args = parser.parse_args()
    problem = plotext_problem()
    if problem:
        raise SystemExit(problem)
    import plotext

    print(f"Chart benchmark: {args.points:,} points, {WIDTH}x{HEIGHT} cells, plotext {plotext.__version__}; "
          f"medians of {args.runs} (termlit) and 3 (plain) runs\n")
    print(f"| {'chart':<8} | {'termlit ms':>10} | {'plain plotext ms':>16} | {'speed-up':>8} | {'same picture':>12} |")
    print(f"|{'-' * 10}|{'-' * 12}|{'-' * 18}|{'-' * 10}|{'-' * 14}|")
    for kind, frame in frames(args.points).items():
        ours, ours_text = timed(lambda: termlit_draw(kind, frame), args.runs)
        plain, plain_text = timed(lambda: plain_draw(kind, frame), 3)
        same = "yes" if ours_text == plain_text else "NO"
        print(f"| {kind:<8} | {ours * 1000:>10.1f} | {plain * 1000:>16.1f} | {plain / ours:>7.1f}x | {same:>12} |")


if __name__ == "__main__":
    main()
