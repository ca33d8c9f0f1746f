"""Every example app, compared with its snapshot under snapshots/.

`pytest --snapshot-update` rewrites them; review the SVGs in the diff.
"""

from __future__ import annotations

import pytest

from conftest import EXAMPLES

pytest_plugins = ["pytester"]

#: Timings, clocks, hit or miss, and process-wide counters the caching
#: example shows change from run to run (and with the tests that ran before).
TIMES = [
    r"\d[\d,]*\.\d ms",
    r"\d\d:\d\d:\d\d",
    r"(?<=a cache_resource object\): )\d+",
    r"computed now \(a miss\)|from the cache \(a hit\)",
]

GALLERY = [
    ("hello", []),
    ("hello", ["tab", "tab", "tab", "tab", "right"]),
    ("widgets", []),
    ("layout", []),
    ("forms", []),
    ("fragments", []),
    ("progress", []),
    ("dataframe", []),
    ("charts", []),
    ("colors", []),
    ("caching", []),
    ("sql", []),
]


def test_every_example_has_a_snapshot_test():
    covered = {name for name, _press in GALLERY}
    assert covered == {path.stem for path in EXAMPLES.glob("*.py")}


@pytest.mark.parametrize(("example", "press"), GALLERY, ids=["-".join([n, *p]) for n, p in GALLERY])
def test_example_matches_its_snapshot(termlit_snapshot, example, press):
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
