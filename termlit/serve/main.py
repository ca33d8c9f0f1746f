"""Start, run and stop one ``termlit serve`` process."""

from __future__ import annotations

import asyncio
import ipaddress
import signal
import sys
from dataclasses import dataclass
from typing import TextIO

import asyncssh

from termlit.common.signals import quiet_wakeup_fd
from termlit.compat import install_streamlit_alias
from termlit.serve.auth import AuthorizedKeys, default_authorized_keys
from termlit.serve.hostkey import default_host_key_path, load_or_create_host_key
from termlit.serve.log import ServerLog
from termlit.serve.options import ServeOptions
from termlit.serve.server import Server
from termlit.serve.sessions import SessionManager

__all__ = ["RunningServer", "run", "start"]

#: SSH receive window per channel: with the app's own input backlog, what a
#: flooding client can make the server hold.
WINDOW = 256 * 1024


@dataclass
class RunningServer:
    """A listening server; :meth:`stop` ends every session and the listener."""

    acceptor: asyncssh.SSHAcceptor
    server: Server
    manager: SessionManager
    port: int
    fingerprint: str

    async def stop(self) -> None:
        self.acceptor.close()
        await self.manager.stop(self.server.options.stop_grace)
        for connection in list(self.server.connections):
            if connection.conn is not None:
                connection.conn.close()
        try:
            await asyncio.wait_for(self.acceptor.wait_closed(), 2.0)
        except asyncio.TimeoutError:
            pass


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def start(options: ServeOptions, log: ServerLog) -> RunningServer:
    """Listen; raises AuthorizedKeysError / HostKeyError with a message to show."""
    keys = None
    if not options.allow_anonymous:
        keys = AuthorizedKeys(options.authorized_keys or default_authorized_keys())
    host_key_path = options.host_key or default_host_key_path()
    host_key, created = load_or_create_host_key(host_key_path)
    manager = SessionManager(options, log)
    server = Server(manager, keys, log)
    acceptor = await asyncssh.create_server(
        server.connection,
        options.host,
        options.port,
        server_host_keys=[host_key],
        server_version="termlit",
        encoding=None,
        line_editor=False,
        allow_pty=True,
        agent_forwarding=False,
        x11_forwarding=False,
        password_auth=False,
        kbdint_auth=False,
        host_based_auth=False,
        gss_host=None,
        login_timeout=30,
        keepalive_interval=30,
        window=WINDOW,
    )
    port = acceptor.get_port()
    fingerprint = host_key.get_fingerprint("sha256")
    log.say(f"serving {options.script.name} on {options.host}:{port}")
    log.say(f"host key {fingerprint} ({'new' if created else 'kept'} at {host_key_path})")
    if keys is not None:
        log.say(f"public keys from {keys.path} ({keys.count} entries); passwords are never accepted")
    else:
        log.say("WARNING: --allow-anonymous: anyone who can reach this port gets a session")
    if not _is_loopback(options.host):
        log.say(f"WARNING: listening on {options.host}, not only on this machine")
    return RunningServer(acceptor, server, manager, port, fingerprint)


async def _serve(options: ServeOptions, log: ServerLog) -> int:
    running = await start(options, log)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    main_task = asyncio.current_task()

    def on_signal() -> None:
        if stop.is_set() and main_task is not None:
            main_task.cancel()  # asked twice: stop now
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.add_signal_handler(sig, on_signal)
    quiet_wakeup_fd()
    await stop.wait()
    log.say(f"stopping: closing {len(running.manager.sessions)} session(s)")
    await running.stop()
    log.say("stopped")
    return 0


def run(options: ServeOptions, *, stream: TextIO | None = None) -> int:
    """``termlit serve``: serve until SIGTERM, SIGINT or SIGHUP; the exit code."""
    log = ServerLog(stream or sys.stderr)
    sys.argv = [str(options.script), *options.args]
    install_streamlit_alias()  # `import streamlit as st` runs on termlit
    saved = sys.stdout, sys.stderr
    try:
        return asyncio.run(_serve(options, log))
    except asyncio.CancelledError:
        return 1
    finally:
        sys.stdout, sys.stderr = saved  # apps redirect them while they run
