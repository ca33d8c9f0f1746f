"""Lazy table sources (termlit.sources): window, count, sort and search run
in the engine, and a search string is only ever data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

import termlit as st
import termlit.sources as sources
from termlit.errors import StreamlitAPIException

HOSTILE = ["'; DROP TABLE t; --", "%", "_", "\\", "' OR '1'='1", "\" OR 1=1 --", "%' --"]


def make_rows(n: int = 100) -> list[tuple[int, str, float]]:
    return [(i, f"n{i}%_x" if i % 7 == 0 else f"n{i}", i * 1.5) for i in range(n)]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    db = folder / "t.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t(id integer primary key, name text, v real)")
        conn.executemany("insert into t values (?, ?, ?)", make_rows())
    frame = pd.DataFrame(make_rows(), columns=["id", "name", "v"])
    frame.to_parquet(folder / "t.parquet")
    frame.to_csv(folder / "t.csv", index=False)
    return db, folder / "t.parquet", folder / "t.csv"


def all_sources(files):
    db, parquet, csv = files
    engine = sa.create_engine(f"sqlite:///{db}")
    table = sa.Table("t", sa.MetaData(), autoload_with=engine)
    made = {
        "sql table": sources.sql(table, engine),
        "sql select": sources.sql(sa.select(table), engine),
        "sql text": sources.sql("select * from t", engine),
        "parquet": sources.as_source(parquet),
        "csv": sources.scan(csv),
    }
    duckdb = pytest.importorskip("duckdb")
    made["duckdb relation"] = sources.as_source(duckdb.connect().read_parquet(str(parquet)))
    pl = pytest.importorskip("polars")
    made["polars"] = sources.as_source(pl.scan_parquet(parquet))
    import pyarrow.dataset as ds

    made["arrow dataset"] = sources.as_source(ds.dataset(parquet))
    return made


@pytest.fixture(scope="module")
def every(files):
    return all_sources(files)


NAMES = ["sql table", "sql select", "sql text", "parquet", "csv", "duckdb relation", "polars", "arrow dataset"]


@pytest.mark.parametrize("name", NAMES)
def test_columns_count_and_window(every, name):
    source = every[name]
    assert source.columns == ["id", "name", "v"]
    assert source.count() == 100
    window = source.window(10, 3)
    assert window["id"].tolist() == [10, 11, 12]
    assert window.index.tolist() == [10, 11, 12]  # positions in the table
    assert source.window(98, 10)["id"].tolist() == [98, 99]


@pytest.mark.parametrize("name", NAMES)
def test_sort_and_search_run_in_the_engine(every, name):
    source = every[name]
    assert source.window(0, 3, sort=[("v", False)])["id"].tolist() == [99, 98, 97]
    assert source.window(0, 2, sort=("name", True))["name"].tolist() == ["n0%_x", "n1"]
    # case-insensitive substring of any column's text
    assert source.count("N9") == 11
    assert source.window(5, 3, sort=[("v", False)], search="n9")["id"].tolist() == [94, 93, 92]
    assert source.count("147") == 1  # numbers are searched as text


@pytest.mark.parametrize("name", NAMES)
def test_a_hostile_search_is_data(every, name, files):
    source = every[name]
    for text in HOSTILE:
        expected = sum(1 for row in make_rows() if any(text.lower() in str(v).lower() for v in row))
        assert source.count(text) == expected, text
        assert len(source.window(0, 200, search=text)) == expected, text
    assert source.count("%_") == 15  # the literal characters, not wildcards
    with sqlite3.connect(files[0]) as conn:  # the table is still there
        assert conn.execute("select count(*) from t").fetchone()[0] == 100


def test_a_sort_by_an_unknown_column_names_the_columns(every):
    with pytest.raises(ValueError, match="the source's columns are id, name, v"):
        every["sql table"].window(0, 1, sort=[("nope", True)])


def test_primary_key_and_to_pandas(every):
    assert every["sql table"].primary_key == ["id"]
    assert every["sql text"].primary_key is None
    frame = every["sql text"].to_pandas()
    assert len(frame) == 100 and list(frame.columns) == ["id", "name", "v"]


def test_equal_sources_have_equal_keys(files):
    a, b = all_sources(files), all_sources(files)
    for name in ("sql table", "sql text", "parquet", "polars"):
        assert a[name].key == b[name].key, name
    assert a["sql table"].key != a["sql text"].key


def test_sqlalchemy_objects_without_an_engine_say_how(files):
    engine = sa.create_engine(f"sqlite:///{files[0]}")
    table = sa.Table("t", sa.MetaData(), autoload_with=engine)
    with pytest.raises(TypeError, match=r"termlit.sources.sql\(table, engine\)"):
        sources.as_source(table)
    with pytest.raises(FileNotFoundError, match="no file"):
        sources.scan(Path(files[0]).with_name("missing.parquet"))


def test_connection_table_and_lazy_query(files):
    conn = st.connection("lazy_t", type="sql", url=f"sqlite:///{files[0]}")
    table = conn.table("t")
    assert sources.is_lazy(table) and table.count() == 100 and table.primary_key == ["id"]
    lazy = conn.query("select * from t where id >= :lo", params={"lo": 90}, lazy=True)
    assert lazy.count() == 10
    assert lazy.window(0, 2, sort=[("id", False)])["id"].tolist() == [99, 98]
    assert lazy.to_pandas()["id"].tolist() == list(range(90, 100))
    with pytest.raises(StreamlitAPIException, match="no such table.*the database has t"):
        conn.table("nope")
    with pytest.raises(StreamlitAPIException, match="lazy=True"):
        conn.query("select 1", lazy=True, chunksize=5)
