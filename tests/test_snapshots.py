"""Snapshots: every example app compared with its snapshot under
snapshots/, and what makes a snapshot test fail.

`pytest --snapshot-update` rewrites them; review the SVGs in the diff.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

from conftest import EXAMPLES

import termlit as st
from termlit.testing.screen import Cell, render_styled
from termlit.testing.snapshot import Snapshot, take_snapshot

pytest_plugins = ["pytester"]

#: The caching example shows how long the load took and the time of day.
TIMES = [r"\d[\d,]*\.\d ms", r"\d\d:\d\d:\d\d"]

GALLERY = [
    ("hello", []),
    ("hello", ["tab", "tab", "tab", "tab", "right"]),
    ("widgets", []),
    ("widgets_new", []),
    ("layout", []),
    ("layout_new", []),
    ("forms", []),
    ("fragments", []),
    ("progress", []),
    ("dataframe", []),
    ("charts", []),
    ("colors", []),
    ("caching", []),
    ("sql", []),
    ("streamlit_app", []),
    ("pictures", []),
    ("text_data", []),
    ("bigtable", []),
]


def test_every_example_has_a_snapshot_test():
    covered = {name for name, _press in GALLERY}
    assert covered == {path.stem for path in EXAMPLES.glob("*.py")}


@pytest.mark.parametrize(("example", "press"), GALLERY, ids=["-".join([n, *p]) for n, p in GALLERY])
def test_example_matches_its_snapshot(termlit_snapshot, example, press, tmp_path, monkeypatch):
    # An empty cache and no shared objects yet: the caching example's first
    # run is a miss, and its first run of the process.
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(tmp_path / "cache"))
    # The big table on a small file, made afresh by the example's first run
    # (at a path of fixed length: the app shows it).
    big = Path(tempfile.gettempdir()) / "termlit-snapshot-bigtable.db"
    big.unlink(missing_ok=True)
    monkeypatch.setenv("BIGTABLE_ROWS", "5000")
    monkeypatch.setenv("BIGTABLE_DB", str(big))
    st.cache_resource.clear()
    assert termlit_snapshot(f"examples/{example}.py", press=press, mask=TIMES if example == "caching" else ())


APP = """
import termlit as st
st.title("Snapshot me")
v = st.slider("Level", 0, 10, 3)
st.markdown(f"Level is {v}")
"""


def test_a_changed_app_fails_only_its_own_snapshot_with_a_readable_diff(pytester):
    pytester.makefile(".py", app_one=APP, app_two=APP.replace("Snapshot me", "Second app"))
    pytester.makeini("[pytest]\n")
    pytester.makepyfile(
        test_snaps="""
        def test_one(termlit_snapshot):
            assert termlit_snapshot("app_one.py", size=(60, 12))

        def test_two(termlit_snapshot):
            assert termlit_snapshot("app_two.py", size=(60, 12), press=["tab", "right"])
        """
    )
    pytester.runpytest("--snapshot-update").assert_outcomes(passed=2)
    assert (pytester.path / "snapshots" / "app_one.txt").read_text().count("Snapshot me") == 1
    assert (pytester.path / "snapshots" / "app_two-tab-right.svg").exists()
    pytester.runpytest().assert_outcomes(passed=2)

    (pytester.path / "app_one.py").write_text(APP.replace("Level is", "Now at"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    output = result.stdout.str()
    assert "test_one" in output and "FAILED test_snaps.py::test_two" not in output
    assert "-  Level is 3" in output and "+  Now at 3" in output
    assert "app_one.actual.svg" in output and "--snapshot-update" in output


def test_a_missing_snapshot_fails_and_says_how_to_make_it(pytester):
    pytester.makefile(".py", app=APP)
    pytester.makepyfile(test_new="def test_new(termlit_snapshot):\n    assert termlit_snapshot('app.py', size=(60, 12))\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    assert "No snapshot" in result.stdout.str() and "--snapshot-update" in result.stdout.str()


COLOURED = """
import termlit as st
st.markdown("Status: :red[alert] for now")
"""


def test_a_colour_change_alone_fails_with_a_diff_of_the_styles(pytester):
    pytester.makefile(".py", app=COLOURED)
    pytester.makepyfile(test_colour="def test_colour(termlit_snapshot):\n    assert termlit_snapshot('app.py', size=(60, 12))\n")
    pytester.runpytest("--snapshot-update").assert_outcomes(passed=1)
    snapshots = pytester.path / "snapshots"
    red_row = next(line for line in (snapshots / "app.styled.txt").read_text().splitlines() if "alert" in line)

    (pytester.path / "app.py").write_text(COLOURED.replace(":red[", ":blue["))
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    # The text alone is the same: a text-only comparison would have passed.
    assert (snapshots / "app.actual.txt").read_text() == (snapshots / "app.txt").read_text()
    blue_row = next(line for line in (snapshots / "app.actual.styled.txt").read_text().splitlines() if "alert" in line)
    assert blue_row != red_row
    output = result.stdout.str()
    assert "colours or styles differ" in output
    assert f"-{red_row}" in output and f"+{blue_row}" in output
    assert "app.actual.svg" in output

    pytester.runpytest("--snapshot-update").assert_outcomes(passed=1)
    pytester.runpytest().assert_outcomes(passed=1)
    assert not (snapshots / "app.actual.styled.txt").exists()


def _cells(text: str, fg: str, bg: str, *attributes: str) -> list[Cell]:
    return [Cell(c, fg, bg, attributes) if c != " " else Cell(" ", None, bg) for c in text]


def test_the_styled_form_brackets_each_run_of_another_style():
    usual, panel = "#121212", "#1e1e1e"
    row = (
        _cells("see ", "#e0e0e0", usual)
        + _cells("red ", "#ff0000", usual, "bold")
        + _cells(" ok ", "#e0e0e0", panel)
        + _cells("[x] ", "#e0e0e0", usual)
    )
    styled = render_styled([row, _cells(" " * len(row), "#e0e0e0", usual)])
    assert styled.split("\n") == [
        "16x2, unmarked text is #e0e0e0 on #121212",
        # the blank after "red" is on the usual background: outside the
        # brackets; the panel's blanks are inside, showing its width
        "see [bold #ff0000 on #121212]red[/] [#e0e0e0 on #1e1e1e] ok [/]\\[x]",
        "",
    ]


def test_masks_hide_a_changing_value_in_its_own_style_and_leave_the_rest():
    bg = "#121212"
    row = [Cell(c, "#e0e0e0", bg) for c in "took "] + [Cell(c, "#ffffff", bg, ("bold",)) for c in "12.5 ms"]
    row += [Cell(c, "#e0e0e0", bg) for c in " ok"]
    shot = Snapshot([row], "<svg/>", (15, 1)).masked([r"\d+\.\d ms"])
    assert shot.text == "took … ok"
    assert shot.cells[0][5] == Cell("…", "#ffffff", bg, ("bold",))


APP_WITH_COLOUR = """
import termlit as st
st.title("Colours")
st.markdown(":red[red] and :green[green]")
"""


def test_no_color_in_the_environment_does_not_change_a_snapshot(tmp_path, monkeypatch):
    app = tmp_path / "app.py"
    app.write_text(APP_WITH_COLOUR)
    coloured = take_snapshot(app, size=(40, 8))
    monkeypatch.setenv("NO_COLOR", "1")
    again = take_snapshot(app, size=(40, 8))
    assert again.styled == coloured.styled
    spans = next(line for line in coloured.styled.splitlines() if "green" in line)
    red, green = (re.search(rf"\[([^\]]+)\]{word}\[/\]", spans) for word in ("red", "green"))
    assert red and green and red[1] != green[1]  # each word in its own colour
    assert os.environ.get("NO_COLOR") == "1"  # and the user's setting is kept


def test_the_snapshot_command_writes_the_files_the_fixture_compares(pytester):
    """`termlit snapshot -o snapshots/app` makes a snapshot the fixture accepts as is."""
    from termlit.cli import main

    pytester.makefile(".py", app=COLOURED)
    assert main(["snapshot", str(pytester.path / "app.py"), "--size", "60x12", "-o", str(pytester.path / "snapshots" / "app")]) == 0
    written = sorted(p.name for p in (pytester.path / "snapshots").iterdir())
    assert written == ["app.styled.txt", "app.svg", "app.txt"]
    pytester.makepyfile(test_cmd="def test_cmd(termlit_snapshot):\n    assert termlit_snapshot('app.py', size=(60, 12))\n")
    pytester.runpytest().assert_outcomes(passed=1)
