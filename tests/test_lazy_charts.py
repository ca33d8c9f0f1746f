"""Charts over lazy sources: the engine bins (DuckDB on a Parquet file, a
polars LazyFrame, SQLite through st.connection, PostgreSQL when installed),
the bins are what pandas computes on the same rows, and the picture is the
eager chart's."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import polars as pl
import pytest
import sqlalchemy as sa
from conftest import run_async, running
from test_connections_postgres import events, server  # noqa: F401 - PostgreSQL fixtures (skip without a server)

from termlit import sources
from termlit.common.chartdata import dot_index
from termlit.common.lazychart import CATEGORY_CAP
from termlit.elements.charts import _lazy
from termlit.errors import StreamlitAPIException
from termlit.sources import Bins, ChartQuery
from termlit.testing import AppTest
from termlit.tui._plotext import plotext_problem
from termlit.tui.widgets._chart import chart_picture

ROWS = 4000
HOSTILE = "x\"; DROP TABLE points; --'"

needs_plotext = pytest.mark.skipif(plotext_problem() is not None, reason="plotext 5 is not installed")


def make_frame(rows: int = ROWS) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    x = np.sort(rng.uniform(-50, 250, rows))
    frame = pd.DataFrame({
        "x": x,
        "y": np.sin(x / 20) * 10 + rng.normal(0, 1, rows),
        "z": rng.normal(3, 2, rows),
        "n": rng.integers(0, 40, rows),
        "c": rng.choice(["north", "south", "east"], rows),
        "g": rng.choice([f"k{i:03d}" for i in range(CATEGORY_CAP + 20)], rows),
        "t": pd.Timestamp("2024-03-01") + pd.to_timedelta(np.round(x * 600), unit="s"),
    })
    frame.loc[::97, "y"] = np.nan
    return frame


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return make_frame()


@pytest.fixture(scope="module")
def parquet(frame, tmp_path_factory):
    path = tmp_path_factory.mktemp("lazycharts") / "points.parquet"
    frame.to_parquet(path)
    return path


@pytest.fixture(scope="module")
def sqlite_db(frame, tmp_path_factory):
    path = tmp_path_factory.mktemp("lazycharts") / "points.db"
    with sqlite3.connect(path) as conn:
        # timestamps as SQLite keeps them (ISO text, declared DATETIME)
        conn.execute("create table points (x real, y real, z real, n integer, c text, g text, t datetime)")
        rows = frame.astype({"t": str}).astype(object).where(frame.notna(), None).itertuples(index=False)
        conn.executemany("insert into points values (?, ?, ?, ?, ?, ?, ?)", list(rows))
    return path


def _sql_source(path, table="points"):
    engine = sa.create_engine(f"sqlite:///{path}")
    return sources.sql(sa.Table(table, sa.MetaData(), autoload_with=engine), engine)


@pytest.fixture(params=["duckdb", "polars", "sqlite"])
def source(request, frame, parquet, sqlite_db):
    if request.param == "duckdb":
        return sources.as_source(parquet)
    if request.param == "polars":
        return sources.as_source(pl.scan_parquet(parquet))
    return _sql_source(sqlite_db)


def epoch_seconds(values: pd.Series) -> np.ndarray:
    return values.astype("datetime64[ns]").to_numpy().astype("int64").astype("float64") / 1e9


# -- the bins equal pandas ---------------------------------------------------------


def test_ranges_are_the_finite_min_and_max(source, frame):
    ranges = source.ranges(ChartQuery("x", ("y", "n")))
    assert ranges["x"] == (frame.x.min(), frame.x.max())
    assert ranges["y"] == [(frame.y.min(), frame.y.max()), (frame.n.min(), frame.n.max())]
    stacked = source.ranges(ChartQuery("t", ("y", "z"), x_kind="datetime", stack=True))
    tops = frame.y.fillna(0) + frame.z
    assert stacked["x"] == pytest.approx((epoch_seconds(frame.t).min(), epoch_seconds(frame.t).max()))
    assert stacked["y"][1] == pytest.approx((tops.min(), tops.max()))
    assert source.distinct("c") == sorted(frame.c.unique())


def _pandas_cells(frame, x, ys, xb, yb, color=None):
    out = []
    for s, y in enumerate(ys):
        part = frame if color is None else frame[frame[color].notna()]
        xv = epoch_seconds(part[x]) if part[x].dtype.kind == "M" else part[x].to_numpy(dtype="float64")
        yv = part[y].to_numpy(dtype="float64")
        keep = np.isfinite(xv) & np.isfinite(yv)
        cells = pd.DataFrame({"s": s, "xi": dot_index(xv[keep], xb.lo, xb.hi, xb.count).astype("int64"),
                              "yi": dot_index(yv[keep], yb.lo, yb.hi, yb.count).astype("int64"), "xv": xv[keep]})
        if color is not None:
            cells.insert(0, "color", part[color].to_numpy()[keep])
        keys = (["color"] if color is not None else []) + ["s", "xi", "yi"]
        out.append(cells.groupby(keys, as_index=False).agg(x_lo=("xv", "min"), x_hi=("xv", "max")))
    return pd.concat(out, ignore_index=True)


def _sorted(frame):
    return frame.sort_values(list(frame.columns[:-2])).reset_index(drop=True)


@pytest.mark.parametrize("x, color", [("x", None), ("x", "c"), ("t", None)])
def test_lit_cells_are_a_pandas_groupby(source, frame, x, color):
    kind = "datetime" if x == "t" else "number"
    values = epoch_seconds(frame.t) if x == "t" else frame.x.to_numpy()
    lo, hi = values.min(), values.max()
    xb, yb = Bins(lo, hi, 141), Bins(frame.y.min(), frame.y.max() + 1, 37)
    got = source.aggregate(ChartQuery(x, ("y", "z"), color, kind), x=xb, y=yb)
    want = _pandas_cells(frame, x, ["y", "z"], xb, yb, color)
    got, want = _sorted(got[list(want.columns)]), _sorted(want)
    pd.testing.assert_frame_equal(got.iloc[:, :-2], want.iloc[:, :-2], check_dtype=False)
    np.testing.assert_allclose(got[["x_lo", "x_hi"]].to_numpy(), want[["x_lo", "x_hi"]].to_numpy(), rtol=1e-12)
    lit = source.aggregate(ChartQuery(x, ("y", "z"), color, kind), x=xb, y=yb, ends=False)  # a scatter's question
    assert "x_lo" not in lit.columns
    assert sorted(map(tuple, lit[list(want.columns[:-2])].values.tolist())) == sorted(
        map(tuple, want.iloc[:, :-2].values.tolist()))


def test_bar_sums_are_a_pandas_groupby(source, frame):
    by_text = source.aggregate(ChartQuery("c", ("y", "n"), x_kind="category")).sort_values("key")
    want = frame.groupby("c")[["y", "n"]].sum()
    assert by_text["key"].tolist() == want.index.tolist()
    np.testing.assert_allclose(by_text[["y0", "y1"]].to_numpy(dtype=float), want.to_numpy(dtype=float))
    edges = np.linspace(frame.x.min(), frame.x.max(), 9)
    buckets = source.aggregate(ChartQuery("x", ("y",), color="c"), edges=edges.tolist())
    frame = frame.assign(key=np.clip(np.searchsorted(edges, frame.x, side="right") - 1, 0, 7))
    want = frame.groupby(["c", "key"], as_index=False)["y"].sum()
    got = buckets.sort_values(["color", "key"]).reset_index(drop=True)
    assert got[["color", "key"]].values.tolist() == want[["c", "key"]].values.tolist()
    np.testing.assert_allclose(got["y0"].to_numpy(dtype=float), want["y"].to_numpy())
    some = source.aggregate(ChartQuery("g", ("n",), x_kind="category"), values=["k001", "k002", HOSTILE])
    assert sorted(some["key"]) == ["k001", "k002"]


# -- the picture is the eager chart's ----------------------------------------------


def _props(kind, data, **encodings):
    base = dict(x=None, y=None, color=None, size=None, x_label=None, y_label=None, width=None, height=None,
                stack=None, horizontal=False, sort=True, alt=None)
    base.update(encodings)
    lazy = _lazy(kind, kind.split("_")[0], data, base)
    return {**(lazy or {"chart": kind.split("_")[0], "data": data}), **base}


CASES = [
    ("scatter_chart", dict(x="x", y="y")),
    ("scatter_chart", dict(x="x", y="z", color="c")),
    ("line_chart", dict(x="x", y="y")),
    ("line_chart", dict(x="t", y=["y", "z"])),
    ("area_chart", dict(x="x", y=["y", "z"])),
    ("bar_chart", dict(x="x", y="y")),
    ("bar_chart", dict(x="c", y="n", color="c")),
]


@needs_plotext
@pytest.mark.parametrize("kind, encodings", CASES, ids=[f"{k}-{'-'.join(map(str, e.values()))}" for k, e in CASES])
def test_the_lazy_picture_is_the_eager_picture(source, frame, kind, encodings):
    eager = frame.sort_values("c", kind="stable") if encodings["x"] == "c" else frame  # bars of text: by value
    for width, height in ((72, 16), (41, 9)):
        want = chart_picture(_props(kind, eager, **encodings), width, height).plain
        got = chart_picture(_props(kind, source, **encodings), width, height).plain
        assert "cannot be drawn" not in got
        assert got == want


@needs_plotext
def test_text_bars_are_capped_and_say_so(source, frame):
    picture = chart_picture(_props("bar_chart", source, x="g", y="n"), 120, 20).plain
    assert f"g (first {CATEGORY_CAP} values)" in picture


@needs_plotext
def test_sql_column_types_not_the_first_row_say_what_x_is(tmp_path):
    path = tmp_path / "gaps.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table gaps (t datetime, v real)")
        conn.executemany("insert into gaps values (?, ?)",
                         [(None, None)] + [(f"2024-01-{d:02d} 12:00:00", d * 1.5) for d in range(1, 29)])
    source = _sql_source(path, "gaps")
    assert source.schema["t"].dtype.kind == "O"  # the first row is all NULLs
    assert (source.kind("t"), source.kind("v")) == ("datetime", "number")
    frame = source.to_pandas().dropna()
    frame["t"] = pd.to_datetime(frame["t"])
    got = chart_picture(_props("line_chart", source, x="t"), 60, 12).plain
    assert got == chart_picture(_props("line_chart", frame, x="t"), 60, 12).plain
    assert "2024-01-28" in got


@needs_plotext
def test_a_lazy_sql_query_with_parameters(sqlite_db, frame):
    engine = sa.create_engine(f"sqlite:///{sqlite_db}")
    query = sources.sql("select x, y, c from points where x > :lo and c != :no", engine,
                        params={"lo": 10.0, "no": "east"})
    rows = frame[(frame.x > 10) & (frame.c != "east")]
    for kind in ("scatter_chart", "line_chart"):
        got = chart_picture(_props(kind, query, x="x", y="y", color="c"), 60, 12).plain
        assert got == chart_picture(_props(kind, rows, x="x", y="y", color="c"), 60, 12).plain


# -- in the app -------------------------------------------------------------------


@needs_plotext
def test_charts_over_a_connection_and_a_parquet_file_draw_in_the_app(write_app, sqlite_db, parquet, frame):
    path = write_app(f"""
        from pathlib import Path
        import termlit as st
        conn = st.connection("points", type="sql", url="sqlite:///{sqlite_db}")
        st.scatter_chart(conn.table("points"), x="x", y="y", x_label="position", height=300)
        st.line_chart(Path({str(parquet)!r}), x="x", y="n", y_label="count", height=300)
        st.line_chart(conn.table("points").to_pandas(), x="x", y="n", y_label="count", height=300)
    """)

    async def scenario():
        from test_charts import _drawn

        from termlit.tui.widgets._chart import ChartView

        async with running(path, size=(90, 60)) as (app, pilot):
            await _drawn(pilot)
            scatter, lazy_line, eager_line = [v.picture.plain for v in app.query(ChartView)]
            assert "position" in scatter and "cannot be drawn" not in scatter
            # the x ticks span the data's range
            assert f"{frame.x.min():.1f}" in scatter and f"{frame.x.max():.1f}" in scatter
            assert "count" in lazy_line and "39" in lazy_line  # n's maximum is a y tick
            assert lazy_line == eager_line
            for size in ((70, 60), (75, 60), (64, 60)):  # a burst of resizes: the last size is drawn
                await pilot.resize_terminal(*size)
            await pilot.pause()
            await _drawn(pilot)
            scatter, lazy_line, eager_line = [v.picture.plain for v in app.query(ChartView)]
            assert len(lazy_line.splitlines()[0]) < 90 and lazy_line == eager_line

    run_async(scenario())


# -- safety and clear errors ------------------------------------------------------


@pytest.mark.parametrize("engine", ["duckdb", "sqlite"])
def test_a_hostile_column_name_and_values_stay_data(engine, tmp_path):
    frame = pd.DataFrame({HOSTILE: [1.0, 2.0, 3.0, 4.0], "v": [5.0, 6.0, 7.0, 8.0],
                          "who": ["a", "b", HOSTILE, HOSTILE]})
    if engine == "duckdb":
        path = tmp_path / "points.parquet"
        frame.to_parquet(path)
        source = sources.as_source(path)
    else:
        path = tmp_path / "points.db"
        sa_engine = sa.create_engine(f"sqlite:///{path}")
        frame.to_sql("points", sa_engine, index=False)
        source = sources.sql(sa.Table("points", sa.MetaData(), autoload_with=sa_engine), sa_engine)
    query = ChartQuery(HOSTILE, ("v",), color="who")
    assert source.ranges(query)["x"] == (1.0, 4.0)
    cells = source.aggregate(query, x=Bins(1, 4, 4), y=Bins(5, 8, 4))
    assert sorted(zip(cells["color"], cells["xi"])) == [("a", 0), ("b", 1), (HOSTILE, 2), (HOSTILE, 3)]
    sums = source.aggregate(ChartQuery("who", ("v",), x_kind="category"), values=[HOSTILE, "' OR '1'='1"])
    assert sums["key"].tolist() == [HOSTILE] and sums["y0"].tolist() == [15.0]
    with pytest.raises(ValueError, match="no column"):
        source.aggregate(ChartQuery("v; drop table points", ("v",)), x=Bins(0, 1, 2), y=Bins(0, 1, 2))
    assert len(source.to_pandas()) == 4  # the table is still there


@pytest.mark.parametrize("call, problem", [
    ("st.scatter_chart(src, x='x', y='y', size='z')", "size='z' (a size per point) is not supported"),
    ("st.line_chart(src, y='y')", "x= must name a column"),
    ("st.area_chart(src, x='x', y=['y', 'z'], stack='normalize')", "stack='normalize' is not supported"),
    ("st.line_chart(src, x='c', y='y')", "x='c' is a text column"),
    ("st.line_chart(src, x='x', y='t')", "y='t' is a date/time column"),
    ("st.line_chart(src, x='nope', y='y')", "x='nope' is not a column"),
])
def test_what_the_engine_cannot_answer_is_a_clear_error(parquet, call, problem):
    at = AppTest.from_string(f"""
        from pathlib import Path
        import termlit as st
        src = Path({str(parquet)!r})
        {call}
    """).run()
    message = at.exception[0].message
    assert problem in message
    assert "lazy source" not in problem or ".to_pandas()" in message
    assert "Traceback" not in message


def test_too_many_colours_is_said_in_place_of_the_chart(parquet):
    from termlit.tui.widgets._chart import lazy_chart

    props = _props("scatter_chart", sources.as_source(parquet), x="x", y="y", color="g")
    with pytest.raises(StreamlitAPIException, match="color='g' has more than 40 values"):
        lazy_chart(props, 60, 12)


def test_apptest_gives_the_binned_series(parquet):
    at = AppTest.from_string(f"""
        from pathlib import Path
        import termlit as st
        st.scatter_chart(Path({str(parquet)!r}), x="x", y=["y", "z"])
    """).run()
    chart = at.get("scatter_chart")[0]
    assert [s.name for s in chart.series] == ["y", "z"]
    assert 0 < len(chart.series[0].x) < ROWS


# -- PostgreSQL (skips without a server) -------------------------------------------


@needs_plotext
def test_postgres_bins_and_picture(events):  # noqa: F811 - the fixture
    table = sources.sql(sa.Table("events", sa.MetaData(), autoload_with=events), events)
    frame = table.to_pandas()
    xb, yb = Bins(frame.id.min(), frame.id.max(), 120), Bins(frame.score.min(), frame.score.max(), 40)
    got = _sorted(table.aggregate(ChartQuery("id", ("score",)), x=xb, y=yb))
    want = _sorted(_pandas_cells(frame, "id", ["score"], xb, yb))
    assert got[["s", "xi", "yi"]].values.tolist() == want[["s", "xi", "yi"]].values.tolist()
    for kind in ("scatter_chart", "line_chart"):
        lazy = chart_picture(_props(kind, table, x="id", y="score"), 70, 14).plain
        assert lazy == chart_picture(_props(kind, frame, x="id", y="score"), 70, 14).plain


@needs_plotext
def test_postgres_times_on_x(events):  # noqa: F811 - the fixture
    frame = make_frame(500)[["t", "y", "c"]]
    with events.begin() as c:
        c.execute(sa.text("drop table if exists lazy_times"))
        c.execute(sa.text("create table lazy_times (t timestamp, y double precision, c text)"))
        rows = [{"t": t.to_pydatetime(), "y": None if y != y else y, "c": g}
                for t, y, g in frame.itertuples(index=False)]
        c.execute(sa.text("insert into lazy_times values (:t, :y, :c)"), rows)
    table = sources.sql(sa.Table("lazy_times", sa.MetaData(), autoload_with=events), events)
    assert table.distinct("t", "datetime", 3) == pytest.approx(np.sort(epoch_seconds(frame.t))[:3].tolist())
    for kind in ("line_chart", "scatter_chart"):
        lazy = chart_picture(_props(kind, table, x="t", y="y", color="c"), 70, 14).plain
        assert lazy == chart_picture(_props(kind, frame, x="t", y="y", color="c"), 70, 14).plain
