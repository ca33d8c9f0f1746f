"""Load on ``termlit serve``: many SSH users at once, against OpenSSH serving
``termlit run`` (one process per user), measured in the same run.

N clients (asyncssh, in this process) connect to 127.0.0.1 at once; each waits
for the first frame of ``examples/hello.py`` and tabs to the slider; once the
server has settled, each presses → / ← 20 times, one press after the frame of
the previous one plus a think time, and times each press to the frame that
shows the rerun's result ("At N km/h"). Printed as a table: p50/p95 key-to-frame, memory per extra session,
server CPU, failures; and whether memory comes back after everyone leaves.

The comparison is OpenSSH's sshd on a loopback port with ``ForceCommand
termlit run examples/hello.py`` (started when this runs as root and sshd is
installed; otherwise the table says why not).

Run: ``python benchmarks/serve.py [--sessions 10,50,100] [--think 0.25]``
(needs the serve extra: ``pip install -e .[serve]``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "examples" / "hello.py"
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
SIZE = (66, 30)  # the sidebar stays hidden, so Tab, Tab reaches the slider
TIMEOUT = 20.0


def plain(data: bytes) -> str:
    return ANSI.sub("", data.decode("utf-8", "replace"))


# -- one simulated user -------------------------------------------------------------


@dataclass
class UserResult:
    latencies: list[float] = field(default_factory=list)
    connect: float | None = None
    error: str | None = None


class User:
    def __init__(self, port: int, key: asyncssh.SSHKey, username: str) -> None:
        self.port, self.key, self.username = port, key, username
        self.buf = b""
        self.conn: asyncssh.SSHClientConnection | None = None
        self.proc = None

    async def _until(self, text: str, timeout: float = TIMEOUT) -> None:
        deadline = time.perf_counter() + timeout
        while text not in plain(self.buf):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {text!r} on screen")
            chunk = await asyncio.wait_for(self.proc.stdout.read(1 << 16), left)
            if not chunk:
                raise ConnectionError("the server closed the session")
            self.buf += chunk

    async def _quiet(self, seconds: float) -> None:
        """Read until nothing arrives for ``seconds``."""
        while True:
            try:
                chunk = await asyncio.wait_for(self.proc.stdout.read(1 << 16), seconds)
            except asyncio.TimeoutError:
                return
            if not chunk:
                raise ConnectionError("the server closed the session")

    async def connect(self) -> float:
        start = time.perf_counter()
        self.conn = await asyncssh.connect(
            "127.0.0.1", self.port, username=self.username, client_keys=[self.key],
            known_hosts=None, connect_timeout=TIMEOUT,
        )
        self.proc = await self.conn.create_process(term_type="xterm-256color", term_size=SIZE, encoding=None)
        await self._until("At 50 km/h")
        return time.perf_counter() - start

    async def focus_slider(self) -> None:
        for _ in range(2):
            self.proc.stdin.write(b"\t")
            await self._quiet(0.3)

    async def drive(self, presses: int, think: float, result: UserResult) -> None:
        value = 50
        for i in range(presses):
            right = i < presses - 4 if presses > 4 else i % 2 == 0
            value += 5 if right else -5
            self.buf = b""
            start = time.perf_counter()
            self.proc.stdin.write(b"\x1b[C" if right else b"\x1b[D")
            await self._until(f"At {value} km/h")
            result.latencies.append(time.perf_counter() - start)
            await self._quiet(0.005)
            await asyncio.sleep(think)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


async def run_users(port: int, key: asyncssh.SSHKey, username: str, count: int, presses: int, think: float,
                    on_ready, on_done) -> list[UserResult]:
    users = [User(port, key, username) for _ in range(count)]
    results = [UserResult() for _ in users]

    async def connect(user: User, result: UserResult) -> None:
        try:
            result.connect = await user.connect()
        except Exception as exc:  # noqa: BLE001 - counted as a failure
            result.error = f"connect: {type(exc).__name__}: {exc}"

    await asyncio.gather(*(connect(u, r) for u, r in zip(users, results)))

    async def focus(user: User, result: UserResult) -> None:
        if result.error:
            return
        try:
            await user.focus_slider()
        except Exception as exc:  # noqa: BLE001 - counted as a failure
            result.error = f"focus: {type(exc).__name__}: {exc}"

    await asyncio.gather(*(focus(u, r) for u, r in zip(users, results)))
    await on_ready()  # everybody is on screen with the slider focused: measure memory now

    async def drive(user: User, result: UserResult, delay: float) -> None:
        if result.error:
            return
        await asyncio.sleep(delay)  # users do not all press at the same instant
        try:
            await user.drive(presses, think, result)
        except Exception as exc:  # noqa: BLE001 - counted as a failure
            result.error = f"keys: {type(exc).__name__}: {exc}"

    await asyncio.gather(*(drive(u, r, think * i / count) for i, (u, r) in enumerate(zip(users, results))))
    await on_done()  # before anyone leaves: a process per session takes its CPU time with it
    for user in users:
        user.close()
    return results


# -- the process(es) under test -----------------------------------------------------


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # utime, stime, cutime, cstime: children that ended count too
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            children = []
        todo += [int(c) for c in children]
    return pids


class Target:
    """A server under load: its memory (PSS of its process tree) and CPU."""

    name = ""
    proc: subprocess.Popen
    port = 0

    def memory_mb(self) -> float:
        return sum(_pss_kb(p) for p in _tree(self.proc.pid)) / 1024

    def cpu_seconds(self) -> float:
        return sum(_cpu_seconds(p) for p in _tree(self.proc.pid))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class TermlitServe(Target):
    name = "termlit serve (one process)"

    def __init__(self, folder: Path, authorized: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "termlit", "serve", str(APP), "--port", "0",
             "--authorized-keys", str(authorized), "--host-key", str(folder / "host_key"),
             "--max-sessions", "500", "--rate-limit", "0", "--reattach", "0"],
            stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            found = re.search(r"serving .* on [\d.]+:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                break
        else:
            raise RuntimeError("termlit serve did not start")
        # keep reading its log so the pipe never fills
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()


class OpenSSH(Target):
    name = "OpenSSH + ForceCommand termlit run"

    @staticmethod
    def unavailable() -> str | None:
        if shutil.which("sshd") is None and not Path("/usr/sbin/sshd").exists():
            return "sshd is not installed (apt-get install openssh-server)"
        if os.geteuid() != 0:
            return "sshd needs root to start sessions for a user"
        return None

    def __init__(self, folder: Path, authorized: Path) -> None:
        sshd = shutil.which("sshd") or "/usr/sbin/sshd"
        Path("/run/sshd").mkdir(exist_ok=True)
        host_key = folder / "sshd_host_key"
        if not host_key.exists():
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)], check=True)
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = f"{sys.executable} -m termlit run --no-watch {APP}"
        config = folder / "sshd_config"
        config.write_text(
            f"Port {self.port}\nListenAddress 127.0.0.1\nHostKey {host_key}\nPidFile {folder}/sshd.pid\n"
            f"AuthorizedKeysFile {authorized}\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nMaxStartups 500\n"
            f"MaxSessions 500\nLogLevel ERROR\nMatch all\n    ForceCommand {command}\n"
        )
        self.proc = subprocess.Popen([sshd, "-D", "-e", "-f", str(config)], stderr=subprocess.DEVNULL)
        time.sleep(0.5)


# -- the table ----------------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000


async def measure(target: Target, key: asyncssh.SSHKey, count: int, presses: int, think: float) -> dict:
    username = os.environ.get("USER") or "root"
    # warm up (imports, first CSS parse), then the idle figure
    await run_users(target.port, key, username, 1, 0, 0.0, _nothing, _nothing)
    await settle(target)
    idle = target.memory_mb()
    loaded: dict[str, float] = {}

    async def on_ready() -> None:
        await settle(target)  # every app has finished starting
        loaded["mb"] = target.memory_mb()
        loaded["cpu"] = target.cpu_seconds()
        loaded["t"] = time.perf_counter()

    async def on_done() -> None:
        loaded["cpu"] = (target.cpu_seconds() - loaded["cpu"]) / (time.perf_counter() - loaded["t"])

    results = await run_users(target.port, key, username, count, presses, think, on_ready, on_done)
    cpu = loaded["cpu"]
    after = idle
    for _ in range(80):  # sessions end asynchronously (100 apps take a while to close)
        await asyncio.sleep(0.5)
        after = target.memory_mb()
        if after <= idle * 1.1:
            break
    latencies = [x for r in results for x in r.latencies]
    connects = [r.connect for r in results if r.connect is not None]
    return {
        "p50": _pct(latencies, 0.50),
        "p95": _pct(latencies, 0.95),
        "connect": statistics.median(connects) if connects else float("nan"),
        "per_session": (loaded["mb"] - idle) / count,
        "cpu": cpu * 100,
        "failures": sum(1 for r in results if r.error),
        "errors": sorted({r.error for r in results if r.error})[:3],
        "idle": idle,
        "after": after,
    }


async def _nothing() -> None:
    return None


async def settle(target: Target, *, quiet: float = 0.15, longest: float = 60.0) -> None:
    """Wait until the server uses less than ``quiet`` of a core (apps started)."""
    deadline = time.perf_counter() + longest
    while time.perf_counter() < deadline:
        before, start = target.cpu_seconds(), time.perf_counter()
        await asyncio.sleep(1.0)
        if (target.cpu_seconds() - before) / (time.perf_counter() - start) < quiet:
            return


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", default="10,50,100", help="comma-separated session counts")
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between a frame and the next press")
    parser.add_argument("--openssh", default="10,50", help="session counts for the OpenSSH comparison ('' for none)")
    ns = parser.parse_args()
    counts = [int(x) for x in ns.sessions.split(",") if x]
    openssh_counts = [int(x) for x in ns.openssh.split(",") if x]

    folder = Path(tempfile.mkdtemp(prefix="termlit-bench-serve-"))
    key = asyncssh.generate_private_key("ssh-ed25519")
    authorized = folder / "authorized_keys"
    authorized.write_text(key.export_public_key().decode())
    authorized.chmod(0o600)
    rows = []

    async def bench(kind: type[Target], sizes: list[int]) -> None:
        for count in sizes:  # a fresh server for each size
            target = kind(folder, authorized)
            try:
                figures = await measure(target, key, count, ns.presses, ns.think)
            finally:
                target.stop()
            rows.append((target.name, count, figures))
            print(f"  {target.name}, {count} sessions: {figures}", file=sys.stderr)

    async def all_runs() -> None:
        await bench(TermlitServe, counts)
        why_not = OpenSSH.unavailable()
        if why_not is None:
            await bench(OpenSSH, openssh_counts)
        elif openssh_counts:
            print(f"OpenSSH comparison skipped: {why_not}")

    asyncio.run(all_runs())
    shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{ns.presses} slider presses per session, {ns.think * 1000:.0f} ms think time, "
          f"terminal {SIZE[0]}x{SIZE[1]}, {os.cpu_count()} cores\n")
    print("| server | sessions | key-to-frame p50 ms | p95 ms | first frame (median s) | MB per extra session | "
          "server CPU % of a core | failures | MB idle → after all left |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, count, f in rows:
        print(f"| {name} | {count} | {f['p50']:.1f} | {f['p95']:.1f} | {f['connect']:.2f} | {f['per_session']:.1f} | "
              f"{f['cpu']:.0f} | {f['failures']} | {f['idle']:.0f} → {f['after']:.0f} |")
    for name, count, f in rows:
        for error in f["errors"]:
            print(f"{name}, {count} sessions: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
