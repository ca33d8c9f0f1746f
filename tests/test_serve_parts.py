"""The parts of ``termlit serve`` on their own: paste cutting, per-address
limits, the host key, the log line, the command line, and the extra."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT


def test_import_termlit_does_not_load_the_server():
    code = "import sys, termlit; print('asyncssh' in sys.modules, 'termlit.serve' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"]


def test_without_the_extra_the_command_names_it(monkeypatch, capsys):
    import importlib.util

    from termlit import cli

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "asyncssh" else real(name, *a))
    assert cli.main(["serve", str(EXAMPLES / "hello.py")]) == 2
    assert 'pip install "termlit-tui[serve]"' in capsys.readouterr().err


def test_options_may_follow_the_script_and_its_arguments_follow_a_double_dash(monkeypatch):
    pytest.importorskip("asyncssh")
    import termlit.serve
    from termlit import cli

    seen = []
    monkeypatch.setattr(termlit.serve, "serve", lambda options: seen.append(options) or 0)
    hello = str(EXAMPLES / "hello.py")
    assert cli.main(["serve", hello, "--port", "2300", "--reattach", "5", "--", "a", "--b"]) == 0
    assert cli.main(["serve", "--max-sessions", "3", hello, "--", "x"]) == 0
    first, second = seen
    assert (first.port, first.reattach, first.args) == (2300, 5.0, ["a", "--b"])
    assert (second.max_sessions, second.port, second.args) == (3, 2222, ["x"])
    assert first.host == "127.0.0.1" and not first.allow_anonymous


def test_no_authorized_keys_file_is_a_clear_error(tmp_path):
    pytest.importorskip("asyncssh")
    out = subprocess.run(
        [sys.executable, "-m", "termlit", "serve", str(EXAMPLES / "hello.py"), "--port", "0",
         "--authorized-keys", str(tmp_path / "missing"), "--host-key", str(tmp_path / "key")],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert out.returncode == 2
    assert "no such file" in out.stderr and "--allow-anonymous" in out.stderr


def test_the_host_key_is_made_private_once_then_reused(tmp_path):
    pytest.importorskip("asyncssh")
    from termlit.serve.hostkey import HostKeyError, load_or_create_host_key

    path = tmp_path / "cfg" / "host_key"
    key, created = load_or_create_host_key(path)
    assert created and (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    again, created_again = load_or_create_host_key(path)
    assert not created_again and again.get_fingerprint() == key.get_fingerprint()
    path.chmod(0o644)
    with pytest.raises(HostKeyError, match="chmod 600"):
        load_or_create_host_key(path)


def test_pastes_are_cut_across_chunk_borders():
    pytest.importorskip("textual")
    from termlit.tui.remote import PASTE_END, PASTE_START, PasteLimiter

    limiter = PasteLimiter(limit=5)
    data = "ab" + PASTE_START + "0123456789" + PASTE_END + "cd"
    out = "".join(limiter.filter(data[i : i + 3]) for i in range(0, len(data), 3))
    assert out == "ab" + PASTE_START + "01234" + PASTE_END + "cd"
    assert limiter.dropped == 5
    # typing outside a paste is never cut
    assert PasteLimiter(limit=1).filter("x" * 100) == "x" * 100


def test_address_limits_count_attempts_and_failures_per_minute():
    from termlit.serve.limits import AddressLimiter

    now = [0.0]
    limiter = AddressLimiter(attempts=3, failures=2, clock=lambda: now[0])
    assert [limiter.connection("10.0.0.1") for _ in range(4)] == [None, None, None, "too many connections"]
    assert limiter.connection("10.0.0.2") is None  # another address has its own count
    now[0] = 61.0
    assert limiter.connection("10.0.0.1") is None  # a minute later it may try again
    limiter.login_failed("10.0.0.2")
    limiter.login_failed("10.0.0.2")
    assert limiter.connection("10.0.0.2") == "too many failed logins"
    assert AddressLimiter(attempts=0, failures=0).connection("x") is None


def test_the_log_line_escapes_what_the_client_chose():
    from termlit.serve.log import ConnectionRecord

    record = ConnectionRecord(address="127.0.0.1", port=5000, started=0.0, user="eve\nroot ok", end="quit")
    line = record.line(now=2.5)
    assert "\n" not in line and "user=eve\\x0aroot\\x20ok" in line
    assert line.endswith("length=2.5s end=quit")


@pytest.mark.parametrize(
    ("term", "colorterm", "expected"),
    [("xterm", None, "standard"), ("xterm-256color", None, "256"), ("xterm-256color", "truecolor", "truecolor"),
     ("xterm-kitty", None, "truecolor"), (None, None, "standard")],
)
def test_colour_depth_from_the_terminal_name(term, colorterm, expected):
    from termlit.runtime.session import color_system_for

    assert color_system_for(term, colorterm) == expected


def test_a_local_run_has_no_user_and_a_local_terminal():
    from termlit.runtime.session import Session
    from termlit.testing import AppTest

    assert Session().user == {}  # what `termlit run` gives a script
    at = AppTest.from_string(
        "import termlit as st\n"
        "st.text(f'{st.user.to_dict()} {st.context.ip_address} {st.context.terminal_size.columns > 0}')\n"
    )
    at.user = {}  # AppTest starts with Streamlit's test user; a local run has none
    assert at.run().text[0].value == "{} None True"
    missing = AppTest.from_string("import termlit as st\nst.user.email\n")
    missing.user = {}
    assert 'st.user has no attribute "email"' in missing.run().exception[0].message


def test_serve_re_executes_itself_with_the_system_allocator(monkeypatch):
    pytest.importorskip("asyncssh")
    import termlit.serve as serve_package

    calls = []
    monkeypatch.delenv("PYTHONMALLOC", raising=False)
    monkeypatch.setattr(os, "execve", lambda path, argv, env: calls.append((path, argv, env["PYTHONMALLOC"])))
    monkeypatch.setattr("termlit.serve.main.run", lambda options, stream=None: 0)
    assert serve_package.serve(serve_package.ServeOptions(script=EXAMPLES / "hello.py")) == 0
    assert calls == [(sys.executable, sys.orig_argv, "malloc")]
