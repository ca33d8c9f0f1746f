"""The termlit command: errors are one line with exit code 2; run passes argv."""

from __future__ import annotations

import subprocess
import sys

import pytest

from termlit.compat import uninstall_streamlit_alias

from termlit import cli


def termlit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "termlit", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    "target, message",
    [("missing.py", "no such file"), (".", "is a directory"), ("pyproject.toml", "not a Python file")],
)
def test_bad_script_paths_give_one_line_and_exit_code_2(target, message, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    result = termlit("run", target)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_version_and_help():
    import termlit as st

    version = termlit("version")
    assert version.returncode == 0 and version.stdout.strip() == f"termlit {st.__version__}"
    helped = termlit("--help")
    assert helped.returncode == 0 and "run" in helped.stdout and "version" in helped.stdout


def test_run_gives_the_script_its_arguments_after_double_dash(write_app, tmp_path, monkeypatch):
    out = tmp_path / "argv.txt"
    path = write_app(f"import sys\nopen({str(out)!r}, 'w').write(repr(sys.argv))\n")

    def run_once(app):  # stands in for the terminal UI: one run of the script
        app.runner.run_once()

    monkeypatch.setattr("termlit.tui.app.TermlitApp.run", run_once)
    monkeypatch.setattr(cli, "_need_terminal", lambda command: None)  # tests have no terminal
    monkeypatch.setattr(cli, "guard_stdin", lambda: None)
    monkeypatch.setattr(sys, "argv", ["termlit"])
    try:
        assert cli.main(["run", str(path), "--", "--flag", "value"]) == 0
    finally:
        uninstall_streamlit_alias()  # `termlit run` installs it for good: not for the tests after this one
    assert out.read_text() == repr([str(path), "--flag", "value"])


def test_import_termlit_and_a_headless_apptest_run_load_no_heavy_packages():
    probe = (
        "import sys\n"
        "import termlit\n"
        "heavy = ('textual', 'pandas', 'sqlalchemy', 'plotext', 'diskcache', 'numpy', 'PIL', 'matplotlib',"
        " 'plotly', 'altair', 'vl_convert', 'graphviz', 'pydeck')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
        "from termlit.testing import AppTest\n"
        "AppTest.from_string('import termlit as st\\nst.slider(\"x\")\\nst.write(\"hi\")').run()\n"
        "print('textual' in {m.split('.')[0] for m in sys.modules})\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    at_import, after_apptest = result.stdout.split("\n")[:2]
    assert at_import == "[]"
    assert after_apptest == "False"
