"""``termlit serve`` under faults: what is refused, what is bounded, and that
one session's trouble never reaches another."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time

import pytest

asyncssh = pytest.importorskip("asyncssh")

from conftest import EXAMPLES, ROOT, run_async  # noqa: E402
from serving import CTRL_C, CTRL_R, ENTER, Client, new_key, plain, serving, wait_for  # noqa: E402

HELLO = EXAMPLES / "hello.py"

LOOPER = """
import termlit as st

st.title("Looper")
if st.button("Loop forever"):
    while True:
        pass
st.markdown(f"run {st.session_state.setdefault('runs', 0)}")
st.session_state.runs += 1
"""

LENGTH = """
import termlit as st

text = st.text_input("Paste here", key="t")
st.markdown(f"length {len(text)}")
"""

FAILING = """
import termlit as st

st.title("Moody")
if st.button("Break"):
    raise RuntimeError("this session broke")
if st.button("Halt"):
    st.stop()
st.markdown(f"all good {st.session_state.setdefault('runs', 0)}")
st.session_state.runs += 1
"""


def test_sessions_without_a_terminal_get_one_line_and_no_shell(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO) as server:
            client = Client(server.port, key=server.key)
            conn = await client.connect()
            ran = await conn.run("cat /etc/passwd", check=False)  # exec
            assert ran.exit_status == 1 and "runs no commands" in ran.stderr
            assert ran.stdout == ""
            shell = await conn.create_process(encoding=None)  # a shell without a PTY
            done = await shell.wait()
            assert done.exit_status == 1 and "needs a terminal" in done.stderr.decode()
            with pytest.raises((asyncssh.SFTPError, asyncssh.ChannelOpenError, asyncssh.ConnectionLost, OSError)):
                async with conn.start_sftp_client():
                    pass
            with pytest.raises(asyncssh.ChannelOpenError, match="does not forward"):
                await conn.open_connection("127.0.0.1", 22)
            conn.close()
            await wait_for(lambda: "end=refused (" in server.log.getvalue(), what="the log line")
            assert not server.sessions

    run_async(main())


def test_a_wrong_key_or_a_password_gets_nobody_in(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO) as server:
            with pytest.raises(asyncssh.PermissionDenied):
                await Client(server.port, key=new_key()).connect()
            with pytest.raises(asyncssh.PermissionDenied):
                await asyncssh.connect("127.0.0.1", server.port, username="alice", password="hunter2",
                                       client_keys=None, known_hosts=None, agent_path=None)
            await wait_for(lambda: "end=login-failed" in server.log.getvalue(), what="the log line")
            assert not server.sessions

    run_async(main())


def test_a_key_restricted_to_a_command_does_not_get_the_app(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO) as server:
            line = server.key.export_public_key().decode()
            (tmp_path / "authorized_keys").write_text(f'command="backup.sh" {line}')
            with pytest.raises(asyncssh.PermissionDenied):
                await Client(server.port, key=server.key).connect()
            (tmp_path / "authorized_keys").write_text(f'from="10.9.9.9" {line}')
            with pytest.raises(asyncssh.PermissionDenied):
                await Client(server.port, key=server.key).connect()
            (tmp_path / "authorized_keys").write_text(f'from="127.0.0.1" {line}')
            client = await server.client()
            await client.see("clicked 0 times")

    run_async(main())


def test_a_huge_paste_is_cut_and_memory_stays_bounded(tmp_path, write_app):
    app = write_app(LENGTH)

    def rss_mb() -> float:
        with open("/proc/self/status") as status:
            return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1)) / 1024

    async def main():
        async with serving(tmp_path, app, max_paste=4096) as server:
            client = await server.client()
            await client.see("length 0")
            await client.focus()
            before = rss_mb()
            client.press(b"\x1b[200~" + b"x" * (10 * 1024 * 1024) + b"\x1b[201~", ENTER)
            await client.see("length 4096", timeout=60)
            assert rss_mb() - before < 100  # 10 MB went by; far less was kept
            other = await server.client(username="bob")
            await other.see("length 0")

    run_async(main())


def test_a_looping_session_does_not_block_another(tmp_path, write_app):
    app = write_app(LOOPER)

    async def main():
        async with serving(tmp_path, app) as server:
            stuck, fine = await server.client(), await server.client(username="bob")
            await asyncio.gather(stuck.see("run 0"), fine.see("run 0"))
            await stuck.focus()
            stuck.press(ENTER)  # its script now loops forever
            await stuck.see("Running")
            await fine.settle()
            fine.press(CTRL_R)  # the other session reruns as usual
            await fine.see("run 1", timeout=10)
            stuck.mark()
            stuck.press(CTRL_C)  # stops that session's run only
            await stuck.see("Stopped", timeout=10)
            fine.mark()
            fine.press(CTRL_R)
            await fine.see("run 2", timeout=10)

    run_async(main())


def test_a_script_error_or_st_stop_stays_in_its_session(tmp_path, write_app):
    app = write_app(FAILING)

    async def main():
        async with serving(tmp_path, app) as server:
            broken, halted = await server.client(), await server.client(username="carol")
            fine = await server.client(username="bob")
            await asyncio.gather(*(c.see("all good 0") for c in (broken, halted, fine)))
            await broken.focus()  # Break: an exception in alice's session
            broken.press(ENTER)
            await broken.see("this session broke")
            await halted.focus(2)  # Halt: st.stop() in carol's
            halted.press(ENTER)
            await halted.see("Stopped")
            fine.press(CTRL_R)
            await fine.see("all good 1")
            await fine.settle()
            assert "broke" not in plain(fine.history) and "Stopped" not in plain(fine.history)
            assert len(server.sessions) == 3

    run_async(main())


def test_server_full_gets_a_polite_line(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO, max_sessions=1) as server:
            first = await server.client()
            await first.see("clicked 0 times")
            second = await server.client(username="bob")
            status, stderr = await second.ended()
            assert status == 1 and "server is full" in stderr
            await first.settle()
            assert len(server.sessions) == 1

    run_async(main())


def test_many_connection_attempts_from_one_address_are_refused_quickly(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO, rate_limit=20) as server:
            client = await server.client()
            await client.see("clicked 0 times")
            start = time.monotonic()
            for _ in range(200):
                _reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
                writer.write(b"SSH-2.0-probe\r\n")
                writer.close()
            assert time.monotonic() - start < 10
            await wait_for(lambda: server.log.getvalue().count("refused (too many connections)") >= 150,
                           what="refusals")
            client.mark()
            await client.focus()
            client.press(ENTER)  # the session that was in keeps working
            await client.see("clicked 1 times")

    run_async(main())


def test_idle_sessions_are_closed_with_a_message(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO, idle_timeout=1.5) as server:
            client = await server.client()
            await client.see("clicked 0 times")
            status, stderr = await client.ended(timeout=15)
            assert status == 0 and "without a key press" in stderr
            await wait_for(lambda: not server.sessions, what="the session to end")

    run_async(main())


def test_a_client_that_drops_mid_run_frees_its_session(tmp_path, write_app):
    app = write_app(LOOPER)

    async def main():
        async with serving(tmp_path, app, reattach=0) as server:
            client = await server.client()
            await client.see("run 0")
            await client.focus()
            client.press(ENTER)
            await client.see("Running")
            client.close()
            await wait_for(lambda: not server.sessions, timeout=15, what="the session to end")

    run_async(main())


@pytest.mark.parametrize("sessions", [5])
def test_sigterm_tells_every_session_and_exits_within_seconds(tmp_path, sessions):
    key = new_key()
    (tmp_path / "keys").write_text(key.export_public_key().decode())
    server = subprocess.Popen(
        [sys.executable, "-m", "termlit", "serve", str(HELLO), "--port", "0", "--authorized-keys",
         str(tmp_path / "keys"), "--host-key", str(tmp_path / "host_key"), "--rate-limit", "0"],
        stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        port = None
        for line in server.stderr:
            found = re.search(r"serving .* on [\d.]+:(\d+)", line)
            if found:
                port = int(found.group(1))
                break
        assert port is not None

        async def main():
            clients = [Client(port, key=key, username=f"user{i}") for i in range(sessions)]
            for client in clients:
                await client.open()
            await asyncio.gather(*(c.see("clicked 0 times", timeout=30) for c in clients))
            start = time.monotonic()
            server.send_signal(signal.SIGTERM)
            ends = await asyncio.gather(*(c.ended(timeout=15) for c in clients))
            assert all("server stopped" in stderr for _status, stderr in ends)
            return start

        start = run_async(main())
        assert server.wait(timeout=10) == 0
        assert time.monotonic() - start < 8
        log = server.stderr.read()
        assert log.count("end=server-stopping") == sessions and "stopped" in log
    finally:
        if server.poll() is None:
            server.kill()
