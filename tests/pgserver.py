"""A throwaway PostgreSQL server in a temp folder, for tests and benchmarks.

``start()`` runs ``initdb`` and ``pg_ctl`` (as the ``postgres`` user when run
as root: the server refuses root) on a free loopback port, without fsync,
and returns a :class:`PgServer` whose ``stop()`` ends it and removes the
folder. Anything missing or failing raises :class:`Unavailable` with the
reason (tests skip with it).
"""

from __future__ import annotations

import glob
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PgServer", "Unavailable", "start"]


class Unavailable(Exception):
    """No server could be had; the message says why."""


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


def driver() -> str | None:
    for module, name in (("psycopg", "psycopg"), ("psycopg2", "psycopg2"), ("pg8000", "pg8000")):
        if importlib.util.find_spec(module) is not None:
            return name
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    port: int
    driver: str
    superuser: str
    password: str
    _stop: list

    def url(self, database: str = "postgres", username: str | None = None, password: str | None = None):
        import sqlalchemy as sa

        return sa.engine.URL.create(f"postgresql+{self.driver}", username=username or self.superuser,
                                    password=password or self.password, host="127.0.0.1", port=self.port,
                                    database=database)

    def stop(self) -> None:
        for step in self._stop:
            step()
        self._stop.clear()


def start(superuser: str = "postgres", password: str = "Sup3r-Secret-Admin") -> PgServer:
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if not (initdb and pg_ctl):
        raise Unavailable("PostgreSQL server programs (initdb, pg_ctl) are not installed: apt-get install -y postgresql")
    name = driver()
    if name is None:
        raise Unavailable("no PostgreSQL driver for SQLAlchemy is installed: pip install pg8000 (or psycopg[binary])")
    prefix: list[str] = []
    owner = None
    if os.geteuid() == 0:  # the server refuses to run as root
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no 'postgres' user to run the server as") from None
        runuser = shutil.which("runuser")
        if runuser is None:
            raise Unavailable("running as root without runuser to start the server as 'postgres'")
        prefix = [runuser, "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="termlit-pg-"))
    data, log, pwfile = base / "data", base / "server.log", base / "pw"
    pwfile.write_text(password + "\n")
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
        os.chown(pwfile, owner.pw_uid, owner.pw_gid)
    port = free_port()

    def run(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, *args], capture_output=True, text=True, timeout=timeout)

    try:
        done = run([initdb, "-D", str(data), "-U", superuser, "--pwfile", str(pwfile), "-A", "scram-sha-256",
                    "-E", "UTF8", "--no-sync", "--locale=C"])
        if done.returncode != 0:
            raise Unavailable(f"initdb failed, so no PostgreSQL server: {done.stderr.strip()[-500:]}")
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        done = run([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "30", "start"])
        if done.returncode != 0:
            tail = log.read_text()[-500:] if log.exists() else done.stderr
            raise Unavailable(f"the PostgreSQL server did not start: {tail.strip()}")
    except (OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(base, ignore_errors=True)
        raise Unavailable(f"could not start PostgreSQL: {exc}") from None
    except Unavailable:
        shutil.rmtree(base, ignore_errors=True)
        raise
    stops = [lambda: run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]),
             lambda: shutil.rmtree(base, ignore_errors=True)]
    return PgServer(port, name, superuser, password, stops)
