"""``termlit serve``: many SSH users, each with their own session of the app.

Every test runs a real server on a loopback port and drives it with asyncssh
clients, reading what a terminal would show.
"""

from __future__ import annotations

import asyncio
import gc
import threading

import pytest

pytest.importorskip("asyncssh")

from conftest import EXAMPLES, run_async  # noqa: E402
from serving import CTRL_R, ENTER, RIGHT, plain, serving, wait_for  # noqa: E402

HELLO = EXAMPLES / "hello.py"
#: A button pressed again sooner than this after its last press is not seen
#: (in ``termlit run`` too), so the tests press like a person.
BUTTON_REST = 1.0

SHARED = """
import termlit as st

@st.cache_resource
def shared():
    return {"visits": 0}

box = shared()
if "counted" not in st.session_state:
    st.session_state.counted = True
    box["visits"] += 1
st.markdown(f"object {id(box)} visits {box['visits']}")
"""

WHO = """
import termlit as st

st.text(f"user={st.user.get('name')} logged_in={st.user.get('is_logged_in')} key={st.user.get('key_fingerprint')}")
size = st.context.terminal_size
st.text(f"ip={st.context.ip_address} size={size.columns}x{size.lines} colors={st.context.color_system} term={st.context.term}")
"""


def test_two_users_drive_the_app_by_keys_each_with_their_own_state(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO) as server:
            a, b = await server.client(username="alice"), await server.client(username="bob")
            await asyncio.gather(a.see("clicked 0 times"), b.see("clicked 0 times"))
            for user in (a, b):
                await user.focus()
            a.mark(), b.mark()
            a.press(ENTER)
            await a.see("clicked 1 times")
            await a.settle(BUTTON_REST)
            a.press(ENTER)
            await a.see("clicked 2 times")
            b.press(ENTER)
            await b.see("clicked 1 times")
            # the slider too: alice moves hers, bob's stays where it was
            await a.focus()
            a.mark()
            a.press(RIGHT)
            await a.see("At 55 km/h")
            await b.settle()
            seen_by_bob = plain(b.history)
            assert "clicked 2" not in seen_by_bob and "At 55" not in seen_by_bob
            assert len(server.sessions) == 2

    run_async(main())


def test_cache_resource_is_one_object_for_every_session(tmp_path, write_app):
    app = write_app(SHARED)

    async def main():
        async with serving(tmp_path, app) as server:
            first = await server.client()
            text = await first.see("visits 1")
            object_id = text.split("object ")[1].split()[0]
            second = await server.client(username="bob")
            await second.see(f"object {object_id} visits 2")

    run_async(main())


def test_st_user_and_st_context_describe_the_client(tmp_path, write_app):
    app = write_app(WHO)

    async def main():
        async with serving(tmp_path, app) as server:
            client = await server.client(username="carol", size=(90, 20), term="xterm-kitty")
            fingerprint = server.key.get_fingerprint("sha256")
            await client.see(f"user=carol logged_in=True key={fingerprint}")
            await client.see("ip=127.0.0.1 size=90x20 colors=truecolor term=xterm-kitty")
            # resize is followed live
            client.proc.change_terminal_size(100, 25)
            await asyncio.sleep(0.3)
            client.mark()
            client.press(CTRL_R)
            await client.see("size=100x25")

    run_async(main())


def test_colour_depth_comes_from_term_and_colorterm(tmp_path, write_app):
    app = write_app(WHO)

    async def main():
        async with serving(tmp_path, app) as server:
            basic = await server.client(term="xterm")
            await basic.see("colors=standard")
            assert "\x1b[38;5;" not in basic.screen.decode() and "\x1b[38;2;" not in basic.screen.decode()
            deep = await server.client(term="xterm", env={"COLORTERM": "truecolor"})
            await deep.see("colors=truecolor")
            assert "\x1b[38;2;" in deep.screen.decode() or "\x1b[48;2;" in deep.screen.decode()

    run_async(main())


def test_reattach_gives_the_same_key_its_session_back(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO, reattach=30) as server:
            first = await server.client()
            await first.see("clicked 0 times")
            await first.focus()
            first.press(ENTER)
            await first.see("clicked 1 times")
            await first.settle(BUTTON_REST)
            first.press(ENTER)
            await first.see("clicked 2 times")
            first.close()  # the network drops
            await wait_for(lambda: any(not s.attached for s in server.sessions), what="detached")
            again = await server.client()
            await again.see("clicked 2 times")
            await again.see("Welcome back")
            await again.settle(BUTTON_REST)
            again.mark()
            again.press(ENTER)  # focus is still on the button
            await again.see("clicked 3 times")
            assert len(server.sessions) == 1
            # another key gets a fresh session
            from serving import new_key

            other_key = new_key()
            (tmp_path / "authorized_keys").write_text(
                server.key.export_public_key().decode() + other_key.export_public_key().decode()
            )
            stranger = await server.client(key=other_key)
            await stranger.see("clicked 0 times")
        assert "reattached=1" in server.log.getvalue()

    run_async(main())


def _run_threads() -> int:
    """The script threads alive: what a session holds (the event loop's executor
    keeps its own idle threads for name lookups, as many as a busy moment needed)."""
    return sum(t.name.startswith("termlit-script") for t in threading.enumerate())


def test_without_reattach_a_dropped_session_is_freed(tmp_path):
    async def main():
        baseline = _run_threads()
        async with serving(tmp_path, HELLO, reattach=0) as server:
            users = [await server.client() for _ in range(3)]
            await asyncio.gather(*(u.see("clicked 0 times") for u in users))
            assert _run_threads() >= baseline + 3  # a run thread each
            for user in users:
                user.close()
            await wait_for(lambda: not server.sessions, what="sessions to end")
            await wait_for(lambda: _run_threads() <= baseline, timeout=30,
                           what="run threads to end")  # a busy machine: they end in their own time
        gc.collect()
        from termlit.tui.remote import RemoteApp

        assert not [o for o in gc.get_objects() if isinstance(o, RemoteApp)]

    run_async(main())


def test_one_log_line_per_connection_without_secrets(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO) as server:
            client = await server.client(username="dave")
            await client.see("clicked 0 times")
            client.press(b"secret-typed-text")
            await client.settle()
            client.press(b"\x11")  # ctrl+q quits
            await client.ended()
            await wait_for(lambda: "end=" in server.log.getvalue(), what="the log line")
            lines = [line for line in server.log.getvalue().splitlines() if "end=" in line]
            assert len(lines) == 1
            line = lines[0]
            fingerprint = server.key.get_fingerprint("sha256")
            assert "127.0.0.1:" in line and "user=dave" in line and f"key={fingerprint}" in line
            assert "end=quit" in line and "length=" in line
            assert "secret-typed-text" not in server.log.getvalue()
            assert server.key.export_public_key().decode().split()[1] not in server.log.getvalue()

    run_async(main())


def test_a_detached_session_ends_when_its_time_is_up(tmp_path):
    async def main():
        async with serving(tmp_path, HELLO, reattach=1.0) as server:
            client = await server.client()
            await client.see("clicked 0 times")
            client.close()
            await wait_for(lambda: any(not s.attached for s in server.sessions), what="detached")
            await wait_for(lambda: not server.sessions, timeout=10, what="the detached session to end")

    run_async(main())


def test_anonymous_logins_need_the_flag_and_know_no_user(tmp_path, write_app):
    app = write_app(WHO)

    async def main():
        async with serving(tmp_path, app, allow_anonymous=True) as server:
            assert "WARNING: --allow-anonymous" in server.log.getvalue()
            client = await server.client(key=None, username="guest")
            await client.see("user=None logged_in=False key=None")
            client.close()
            await wait_for(lambda: not server.sessions, what="no reattach without a key")

    run_async(main())
