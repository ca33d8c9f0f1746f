"""The example apps, driven headless as a user would drive them."""

from __future__ import annotations

from conftest import EXAMPLES

from termlit.caching.cli import main as cache_cli
from termlit.testing import AppTest


def test_hello_counter_keyed_slider_callback_and_sidebar():
    at = AppTest.from_file(EXAMPLES / "hello.py").run()
    assert at.title[0].value == "Hello, termlit"
    assert at.markdown[0].value == "The button was clicked **0** times."
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "The button was clicked **2** times."
    at.slider(key="speed").set_value(100).run()  # the README's example
    assert "100 km/h" in at.markdown[1].value
    assert at.session_state.speed == 100
    at.sidebar.selectbox(key="unit").select("miles").run()
    assert any("62.1 mph" in v for v in at.markdown.values)
    at.text_input(key="name").input("Ada").run()
    assert "Nice to meet you, **Ada**." in at.markdown.values
    assert '"name": "Ada"' in at.json[0].value
    at.sidebar.checkbox[0].uncheck().run()
    assert len(at.json) == 0


def test_dataframe_example_filters_and_selects():
    at = AppTest.from_file(EXAMPLES / "dataframe.py", default_timeout=60).run()
    assert len(at.dataframe[0].value) == 1_000_000
    at.selectbox[1].select("Oslo").run()
    frame = at.dataframe[0].value
    assert 0 < len(frame) < 1_000_000 and set(frame["city"]) == {"Oslo"}
    at.dataframe[0].select_rows([0, 1]).run()
    assert at.subheader[0].value.startswith("2 selected")
    assert len(at.table[0].value) == 2


def test_charts_example_draws_every_chart_kind():
    at = AppTest.from_file(EXAMPLES / "charts.py", default_timeout=60).run()
    kinds = [c.type for c in at.main.children.values() if c.type.endswith("_chart")]
    assert kinds == ["line_chart", "scatter_chart", "area_chart", "bar_chart", "bar_chart"]
    assert list(at.line_chart[0].value.columns) == ["alpha", "beta", "gamma"]
    at.selectbox[0].select(1_000).run()
    assert len(at.line_chart[0].value) == 1_000


def test_caching_example_computes_on_its_first_run_and_hits_the_cache_on_the_next(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(tmp_path))  # an empty cache, this test's own
    at = AppTest.from_file(EXAMPLES / "caching.py", default_timeout=60).run()
    assert not at.exception
    assert "computed now (a miss)" in at.markdown[0].value
    runs = int(at.text[1].value.rpartition(": ")[2])

    at.slider[0].set_value(20).run()
    assert "from the cache (a hit)" in at.markdown[0].value
    assert int(at.text[1].value.rpartition(": ")[2]) == runs + 1  # one shared counter object

    # The table is kept on disk, in the folder the test chose.
    capsys.readouterr()
    assert cache_cli(["info"]) == 0
    info = capsys.readouterr().out
    assert str(tmp_path.resolve()) in info and "total: 1 entries" in info


def test_sql_example_runs_the_seed_snippet_against_its_sqlite_file():
    at = AppTest.from_file(EXAMPLES / "sql.py", default_timeout=60).run()
    assert not at.exception
    customers = at.dataframe[0].value
    assert len(customers) == 48 and "customer" in customers.columns
    at.slider[0].set_value(50).run()
    assert (at.dataframe[1].value["seats"] >= 50).all()


def test_fragments_example_counter_reruns_alone():
    at = AppTest.from_file(EXAMPLES / "fragments.py").run()
    assert at.caption[0].value == "The whole app ran 1 times."
    at.button[0].click().run()
    assert "Count: **1**" in at.markdown[0].value
    assert at.caption[0].value == "The whole app ran 1 times."


def test_widgets_new_example_binds_paginates_and_picks():
    at = AppTest.from_file(EXAMPLES / "widgets_new.py").run()
    assert not at.exception
    assert at.markdown[0].value == "Showing page 1 of 12"
    at.pagination[0].select(4)
    at.menu_button[0].click("JSON")
    at.selectbox(key="size").select("L")
    at.run()
    assert at.markdown[0].value == "Showing page 4 of 12"
    assert at.success[0].value == "Exported as JSON"
    assert at.query_params == {"page": "4", "size": "L"}
    fresh = AppTest.from_file(EXAMPLES / "widgets_new.py")
    fresh.query_params.update({"page": "9", "name": "Ada"})
    fresh.run()
    assert fresh.pagination[0].value == 9 and fresh.text_input(key="name").value == "Ada"
