"""Pictures: a photo to half blocks, an Altair scatter against st.scatter_chart,
a matplotlib figure against matplotlib's own PNG export. All in this run.

* photo: a 1920x1080 RGB array shown on 100x30 cells (half blocks, true
  colour): the element's work (reading the pixels, their key) and the
  encoding (Pillow's resampling to 100 x 2*rows pixels, then the cells), with
  the cache emptied each time; then a rerun with the same array, which must
  be a cache hit (no encoding: the count of encodings is checked);
* Altair: 1,000,000 points, ``alt.Chart(df).mark_point().encode(x, y)``,
  translated and drawn, against ``st.scatter_chart(df, x, y)``'s chart data
  and drawing, on 100x30 cells; the braille dots of the two are compared;
* matplotlib: a figure with 20,000 points and a histogram, drawn with Agg for
  the picture tiers and for cells (two renders) and encoded to half blocks,
  against ``fig.savefig`` to PNG.

Run: ``python benchmarks/pictures.py [--runs N]``
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import time

import numpy as np
import pandas as pd

from termlit.common import vegalite
from termlit.common.chartdata import chart_data
from termlit.common.images import picture
from termlit.elements.images import figure_pictures
from termlit.elements.vega import _altair_spec
from termlit.tui._plot import draw_chart
from termlit.tui.images import cells, render
from termlit.tui.images.tiers import Graphics, Tier

COLS, ROWS = 100, 30
BUDGET_MS = 15.0


#: Fastest run of each measure, next to the median (the machine is shared:
#: the fastest run is the code's cost with the least noise).
FASTEST: dict[str, float] = {}


def timed(fn, runs: int, name: str = "") -> tuple[float, object]:
    samples, out = [], None
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        samples.append((time.perf_counter() - start) * 1000)
    FASTEST[name] = min(samples)
    return statistics.median(samples), out


def photo() -> np.ndarray:
    """A photo-like picture: smooth light, edges and grain."""
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:1080, 0:1920].astype(np.float32)
    y, x = y / 1080, x / 1920
    base = np.stack([0.9 - 0.5 * y, 0.5 + 0.3 * np.sin(6 * x), 0.3 + 0.6 * y * x], axis=-1)
    base[y > 0.6 + 0.1 * np.sin(x * 11)] *= 0.4
    grain = rng.normal(0, 0.03, base.shape).astype(np.float32)
    return (np.clip(base + grain, 0, 1) * 255).astype(np.uint8)


def bench_photo(runs: int) -> list[tuple[str, float, str]]:
    array = photo()
    graphics = Graphics(Tier.BLOCKS)
    element_ms, shot = timed(lambda: picture(array), runs, "element")
    cols, rows = render.fit(shot.size, COLS, ROWS, graphics, Tier.BLOCKS)

    def cold():
        render._cache.clear()
        cells._COLORS.clear()
        return render.draw(shot, cols, rows, graphics)

    encode_ms, drawn = timed(cold, runs, "encode")
    assert len(drawn.strips) == rows
    encoded = render.stats.encoded
    rerun_ms, _ = timed(lambda: render.draw(picture(array), cols, rows, graphics), runs, "rerun")
    hit = render.stats.encoded == encoded
    lookup_ms, _ = timed(lambda: render.draw(shot, cols, rows, graphics), runs, "lookup")
    fastest = FASTEST["encode"]
    return [
        (f"photo 1920x1080 -> {cols}x{rows} half blocks: encode (caches empty)", encode_ms,
         f"fastest {fastest:.1f} ms = {fastest / BUDGET_MS:.2f}x the 15 ms budget"),
        ("  the element's work (pixels and their key)", element_ms, ""),
        ("  rerun, same array: key + cache lookup", rerun_ms, f"cache hit: {'yes' if hit else 'NO'}"),
        ("  cache lookup alone", lookup_ms, ""),
    ]


def dots(text: str) -> list[str]:
    return [re.sub(r"[^\u2800-\u28ff]", " ", re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in text.splitlines()]


def bench_altair(runs: int) -> list[tuple[str, float, str]]:
    import altair as alt

    rng = np.random.default_rng(1)
    frame = pd.DataFrame({"x": rng.normal(size=1_000_000), "y": rng.normal(size=1_000_000)})
    props = {"chart": "scatter", "data": frame, "x": "x", "y": "y"}

    def builtin():
        return draw_chart("scatter", chart_data(props), props, COLS, ROWS)

    def altair():
        spec, frames = _altair_spec(alt.Chart(frame).mark_point().encode(x="x", y="y"))
        panel = vegalite.translate(spec, frames).panels[0]
        return draw_chart(panel.kind, panel.data, panel.props, COLS, ROWS)

    # Alternate the two, so both see the same load on a shared machine.
    theirs_all, ours_all = [], []
    for _ in range(runs):
        theirs_all.append(timed(builtin, 1, "builtin"))
        ours_all.append(timed(altair, 1, "altair"))
    theirs_ms = statistics.median(ms for ms, _ in theirs_all)
    ours_ms = statistics.median(ms for ms, _ in ours_all)
    same = dots(ours_all[-1][1]) == dots(theirs_all[-1][1])
    return [
        ("st.scatter_chart, 1,000,000 points (chart data + drawing)", theirs_ms, "1.00x"),
        ("st.altair_chart, same points (spec + translation + drawing)", ours_ms,
         f"{ours_ms / theirs_ms:.2f}x; same lit cells: {'yes' if same else 'NO'}"),
    ]


def bench_figure(runs: int) -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(2)
    fig, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.2))
    left.plot(np.cumsum(rng.normal(size=20_000)), linewidth=0.8)
    left.set_title("walk")
    right.hist(rng.normal(size=20_000), bins=40)
    right.set_xlabel("value")

    def savefig():
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer

    def ours():
        full, cells = figure_pictures(fig)
        cols, rows = render.fit(cells.size, COLS, ROWS, Graphics(), Tier.BLOCKS)
        render._cache.clear()
        return render.draw(cells, cols, rows, Graphics())

    png_ms, _ = timed(savefig, runs, "savefig")
    ours_ms, _ = timed(ours, runs, "pyplot")
    pictures_ms, _ = timed(lambda: figure_pictures(fig), runs, "agg")
    plt.close(fig)
    return [
        ("matplotlib savefig to PNG", png_ms, "1.00x"),
        ("st.pyplot: Agg for pixels and for cells, then half blocks", ours_ms, f"{ours_ms / png_ms:.2f}x"),
        ("  of which the two Agg renders", pictures_ms, f"{pictures_ms / png_ms:.2f}x"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rows = bench_photo(args.runs) + bench_altair(max(args.runs // 2, 3)) + bench_figure(max(args.runs // 2, 3))
    width = max(len(name) for name, _, _ in rows)
    print(f"| {'measure'.ljust(width)} | median ms | ratio |")
    print(f"|{'-' * (width + 2)}|-----------|-------|")
    for name, ms, note in rows:
        print(f"| {name.ljust(width)} | {ms:9.2f} | {note} |")


if __name__ == "__main__":
    main()
