"""The multipage examples and `termlit hello`'s gallery, headless, and the
command line's folder and --page forms."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from termlit.cli import main
from termlit.testing import AppTest

MULTIPAGE = EXAMPLES / "multipage" / "streamlit_app.py"


def test_the_multipage_example_shares_the_region_resets_months_and_keeps_the_note():
    at = AppTest.from_file(MULTIPAGE).run()
    assert at.title[0].value == "Welcome" and [link.value for link in at.page_link][:2] == ["Sales by month", "Place an order"]
    at.sidebar.selectbox(key="region").select("East").run()
    at.page_link[0].click().run()
    at.slider(key="months").set_value(9)
    at.text_input(key="sales_note").input("call Bob")
    at.run()
    assert "**East**: 9 months" in at.markdown[0].value
    at.switch_page("stock.py").run()
    at.switch_page("sales.py").run()
    assert at.slider(key="months").value == 3 and at.text_input(key="sales_note").value == "call Bob"
    assert "**East**" in at.markdown[0].value


def test_the_multipage_example_places_an_order_and_switches_to_its_hidden_thanks_page():
    at = AppTest.from_file(MULTIPAGE).run()
    at.switch_page("orders.py").run()
    at.number_input(key="count").set_value(3)
    at.button[0].click().run()
    assert at.success[0].value == "Ordered: 3 bolts for the North region."
    assert at.navigation.current_page.hidden


def test_the_pages_folder_example_lists_its_files_as_pages():
    at = AppTest.from_file(EXAMPLES / "pages_folder" / "app.py").run()
    assert [p.title for p in at.navigation.pages] == ["app", "Trends", "Unit converter", "About"]
    at.page_link[2].click().run()
    at.button[0].click().run()
    assert at.title[0].value == "Home"


def test_the_gallery_links_every_example_and_runs_one():
    at = AppTest.from_file(EXAMPLES / "streamlit_app.py").run()
    files = {p.script.name for p in at.navigation.pages if p.script is not None}
    assert files == {p.name for p in EXAMPLES.glob("*.py")} - {"streamlit_app.py"}
    assert len(at.page_link) == len(files)
    at.switch_page("hello.py").run()
    assert at.title[0].value == "Hello, termlit" and not at.exception


def test_run_takes_a_folder_with_an_entrypoint(tmp_path, capsys):
    assert main(["run", str(tmp_path)]) == 2
    assert "streamlit_app.py or app.py" in capsys.readouterr().err


def test_snapshot_opens_the_page_asked_for(tmp_path, capsys):
    out = tmp_path / "shot"
    assert main(["snapshot", str(EXAMPLES / "multipage"), "--page", "stock.py", "-o", str(out), "--size", "80x24"]) == 0
    assert "📦 stock" in (tmp_path / "shot.txt").read_text().splitlines()[0]
    assert main(["snapshot", str(MULTIPAGE), "--page", "nowhere.py", "-o", str(out)]) == 2
    assert "Could not find page 'nowhere.py'" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["streamlit_app.py", "app.py"])
def test_a_folder_runs_its_streamlit_app_or_app_file(tmp_path, name, monkeypatch):
    (tmp_path / name).write_text("import termlit as st\n")
    seen = []
    monkeypatch.setattr("termlit.cli._run", lambda script, args, watch: seen.append(script) or 0)
    assert main(["run", str(tmp_path)]) == 0 and seen == [(tmp_path / name).resolve()]
