"""Helpers for the ``termlit serve`` tests: a server on a loopback port and
asyncssh clients that read the screen as plain text."""

from __future__ import annotations

import asyncio
import io
import re
import time
from contextlib import asynccontextmanager
from pathlib import Path

import asyncssh

from termlit.serve.log import ServerLog
from termlit.serve.main import start
from termlit.serve.options import ServeOptions

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
RIGHT, LEFT, TAB, ENTER, CTRL_C, CTRL_R = b"\x1b[C", b"\x1b[D", b"\t", b"\r", b"\x03", b"\x12"


def plain(data: bytes) -> str:
    """What a terminal would show, as text (escape sequences removed)."""
    return ANSI.sub("", data.decode("utf-8", "replace"))


def new_key() -> asyncssh.SSHKey:
    return asyncssh.generate_private_key("ssh-ed25519")


class Served:
    """A running server, the key it accepts, and its log."""

    def __init__(self, running, key: asyncssh.SSHKey, log: io.StringIO) -> None:
        self.running = running
        self.port = running.port
        self.key = key
        self.log = log

    @property
    def sessions(self) -> set:
        return self.running.manager.sessions

    async def client(self, **kwargs) -> Client:
        kwargs.setdefault("key", self.key)
        client = Client(self.port, **kwargs)
        await client.open()
        return client


@asynccontextmanager
async def serving(tmp_path: Path, script: Path, **options):
    """A server for ``script`` on 127.0.0.1 (any free port)."""
    key = new_key()
    authorized = tmp_path / "authorized_keys"
    authorized.write_text(key.export_public_key().decode())
    options.setdefault("host_key", tmp_path / "host_key")
    options.setdefault("stop_grace", 0.2)
    opts = ServeOptions(script=script, port=0, authorized_keys=authorized, **options)
    log = io.StringIO()
    running = await start(opts, ServerLog(log))
    try:
        yield Served(running, key, log)
    finally:
        await running.stop()


class Client:
    """One SSH user with a terminal."""

    def __init__(self, port: int, *, key: asyncssh.SSHKey | None, username: str = "alice",
                 size: tuple[int, int] = (66, 30), term: str = "xterm-256color", env: dict | None = None) -> None:
        self.port, self.key, self.username = port, key, username
        self.size, self.term, self.env = size, term, env
        self.screen = b""  # everything received since the last mark()
        self.history = b""  # everything received
        self.conn: asyncssh.SSHClientConnection | None = None
        self.proc = None

    async def connect(self) -> asyncssh.SSHClientConnection:
        self.conn = await asyncssh.connect(
            "127.0.0.1", self.port, username=self.username,
            client_keys=[self.key] if self.key is not None else None,
            known_hosts=None, agent_path=None, connect_timeout=10,
        )
        return self.conn

    async def open(self) -> None:
        await self.connect()
        self.proc = await self.conn.create_process(term_type=self.term, term_size=self.size, env=self.env, encoding=None)

    def mark(self) -> None:
        self.screen = b""

    def press(self, *keys: bytes) -> None:
        for key in keys:
            self.proc.stdin.write(key)

    async def see(self, text: str, timeout: float = 10.0) -> str:
        """Wait until ``text`` was drawn since the last mark(); the text so far."""
        deadline = time.monotonic() + timeout
        while text not in plain(self.screen):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} not on screen; got: {plain(self.screen)[-800:]!r}")
            try:
                chunk = await asyncio.wait_for(self.proc.stdout.read(1 << 16), left)
            except asyncio.TimeoutError:
                continue
            if not chunk:
                raise AssertionError(f"session closed before {text!r} showed; got: {plain(self.screen)[-800:]!r}")
            self.screen += chunk
            self.history += chunk
        return plain(self.screen)

    async def settle(self, quiet: float = 0.3) -> None:
        """Read until nothing arrives for ``quiet`` seconds."""
        while True:
            try:
                chunk = await asyncio.wait_for(self.proc.stdout.read(1 << 16), quiet)
            except asyncio.TimeoutError:
                return
            if not chunk:
                return
            self.screen += chunk
            self.history += chunk

    async def focus(self, tabs: int = 1) -> None:
        """Let the screen settle, then move the focus ``tabs`` widgets on."""
        await self.settle()
        self.press(*[TAB] * tabs)
        await self.settle()

    async def ended(self, timeout: float = 10.0) -> tuple[int | None, str]:
        """Wait for the session to close: (exit status, its stderr)."""
        result = await asyncio.wait_for(self.proc.wait(), timeout)
        return result.exit_status, plain(result.stderr or b"")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


async def wait_for(condition, timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)
