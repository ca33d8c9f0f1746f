"""The ``termlit`` command.

    termlit run APP.py [-- ARGS...]   show the app; ARGS reach the script in sys.argv
    termlit run FOLDER                the folder's streamlit_app.py (or app.py)
    termlit serve APP.py [--port 2222] [...] [-- ARGS...]
                                      serve the app over SSH, one session per user
    termlit hello                     the example apps, as one multipage app
    termlit snapshot APP.py [--size 100x30] [--page PAGE] [--press KEY ...] [-o FILE]
                                      save the app's screen as FILE.txt, FILE.styled.txt and FILE.svg
    termlit version                   print the version
    termlit cache info | clear [APP]  look at or empty the st.cache_data store
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Any

from termlit import __version__
from termlit.caching.cli import main as cache_main
from termlit.compat import install_streamlit_alias
from termlit.runtime import ScriptRunner, ScriptSource
from termlit.runtime.config import get_option
from termlit.runtime.session import ClientInfo
from termlit.runtime.stdio import guard_stdin
from termlit.testing.snapshot import files, parse_size, snapshot_name, take_snapshot, write_files

__all__ = ["main"]


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="termlit",
        description="Streamlit-style data apps in the terminal.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="run an app script in the terminal")
    run.add_argument("script", help="the app's .py file, or a folder with a streamlit_app.py or app.py")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script (after --)")
    run.add_argument("--no-watch", action="store_true", help="do not rerun when the script is saved")
    _add_serve_parser(sub)
    sub.add_parser("hello", help="the example apps, as one multipage app")
    snap = sub.add_parser(
        "snapshot",
        help="run an app headless, press keys, save its screen (SVG + text)",
        description="Run APP headless, press the keys (each press waits for the rerun it "
        "causes), and write FILE.svg (for people), FILE.txt and FILE.styled.txt (for diffs).",
    )
    snap.add_argument("script", help="the app's .py file, or its folder")
    snap.add_argument("--size", default="100x30", help="terminal size COLUMNSxROWS (default 100x30)")
    snap.add_argument("--page", help="open this page first: its file relative to the app, or its URL path")
    snap.add_argument("--press", nargs="*", default=[], metavar="KEY", help="keys to press, e.g. tab right enter")
    snap.add_argument("-o", "--output", help="output path without extension (default: the app's name)")
    sub.add_parser("version", help="print termlit's version")
    cache = sub.add_parser("cache", help="st.cache_data's store: info, clear [APP]")
    cache.add_argument("cache_args", nargs=argparse.REMAINDER)
    return parser


def _add_serve_options(parser: argparse.ArgumentParser) -> None:
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    add("--port", type=int, default=2222, help="port to listen on (default 2222)")
    add("--authorized-keys", type=Path, metavar="FILE", help="public keys allowed in (default ~/.ssh/authorized_keys)")
    add("--host-key", type=Path, metavar="FILE", help="the server's private key (default: made once in your config folder)")
    add("--max-sessions", type=int, default=50, metavar="N", help="sessions at once (default 50)")
    add("--idle-timeout", type=float, default=1800, metavar="S", help="close a session after S seconds without input (default 1800; 0: never)")
    add("--max-lifetime", type=float, default=43200, metavar="S", help="close a session after S seconds (default 43200; 0: never)")
    add("--reattach", type=float, default=120, metavar="S", help="keep a dropped session S seconds for its key to come back (default 120; 0: off)")
    add("--rate-limit", type=int, default=30, metavar="N", help="connection attempts per address per minute (default 30; 0: no limit)")
    add("--allow-anonymous", action="store_true", help="let anyone in without a key (kiosk demos); limits still apply")


def _add_serve_parser(sub: Any) -> None:
    serve = sub.add_parser(
        "serve",
        help="serve the app over SSH: one live session per user, shared caches",
        description="Listen for SSH connections and give each one its own session of APP. "
        "Public-key logins only (against --authorized-keys) unless --allow-anonymous.",
    )
    serve.add_argument("script", help="the app's .py file")
    serve.add_argument("args", nargs=argparse.REMAINDER, help="options, then -- and arguments for the script")
    _add_serve_options(serve)


def _serve(ns: argparse.Namespace) -> int:
    from termlit.serve import MissingExtra, ServeOptions, serve  # lazy: only this command needs it

    # Options may follow the script; the script's own arguments follow "--"
    # (which argparse has already dropped when every option came first).
    rest = ns.args
    if "--" in rest:
        options_given, script_args = rest[: rest.index("--")], rest[rest.index("--") + 1 :]
    elif rest and not rest[0].startswith("-"):
        options_given, script_args = [], rest
    else:
        options_given, script_args = rest, []
    late = argparse.ArgumentParser(prog="termlit serve", add_help=False)
    _add_serve_options(late)
    ns = late.parse_args(options_given, namespace=ns)
    options = ServeOptions(
        script=_check_script(ns.script), args=script_args, host=ns.host, port=ns.port,
        authorized_keys=ns.authorized_keys, host_key=ns.host_key, max_sessions=ns.max_sessions,
        idle_timeout=ns.idle_timeout, max_lifetime=ns.max_lifetime, reattach=ns.reattach,
        rate_limit=ns.rate_limit, allow_anonymous=ns.allow_anonymous,
    )
    try:
        return serve(options)
    except MissingExtra as exc:
        raise _UsageError(str(exc)) from None


#: The entrypoints ``termlit run FOLDER`` looks for, in this order.
ENTRYPOINTS = ("streamlit_app.py", "app.py")


def _check_script(raw: str) -> Path:
    path = Path(raw)
    if not path.exists():
        raise _UsageError(f"{raw}: no such file. Give the path of your app's .py file.")
    if path.is_dir():
        found = next((path / name for name in ENTRYPOINTS if (path / name).is_file()), None)
        if found is None:
            raise _UsageError(
                f"{raw} is a directory without {' or '.join(ENTRYPOINTS)}. Give the path of your app's .py file."
            )
        return found.resolve()
    if path.suffix != ".py":
        raise _UsageError(f"{raw} is not a Python file (.py). Give the path of your app's .py file.")
    return path.resolve()


NO_TERMINAL = (
    "termlit: `termlit {command}` needs a terminal, and standard {which} not one "
    "(a pipe, a CI job, or `ssh host` without -t). For headless use, `termlit snapshot APP.py` "
    "saves the app's screen and termlit.testing.AppTest runs it in tests; over SSH, use `ssh -t`."
)


def _need_terminal(command: str) -> None:
    """Refuse to draw into something that is not a terminal (exit status 2)."""
    missing = [name for name, stream in (("input", sys.stdin), ("output", sys.stdout))
               if stream is None or not stream.isatty()]
    if missing:
        which = " and ".join(missing) + (" are" if len(missing) > 1 else " is")
        raise _UsageError(NO_TERMINAL.format(command=command, which=which)[len("termlit: "):])


def _run(script: Path, args: list[str], *, watch: bool) -> int:
    _need_terminal("run")
    if args and args[0] == "--":
        args = args[1:]
    sys.argv = [str(script), *args]
    install_streamlit_alias()  # `import streamlit as st` runs on termlit
    runner = ScriptRunner(ScriptSource(script))
    runner.session.client = ClientInfo.local()  # st.context: this machine's locale and time zone
    from termlit.tui.app import TermlitApp  # lazy: Textual loads only for the commands that draw

    watch = watch and get_option("server.fileWatcherType") != "none"
    guard_stdin()  # input() in the script: an error on screen, not a hang
    app = TermlitApp(runner, watch=watch, hangup=True, capture_output=True)
    app.run()
    output = app.output_log.text()
    if output:  # what the script printed while the app had the terminal
        sys.stderr.write(f"--- output of {script.name} ---\n{output}")
        if not output.endswith("\n"):
            sys.stderr.write("\n")
    if app.hung_up:
        return 128 + signal.SIGHUP
    return app.return_code or 0  # an app that ended on an error exits non-zero


def _snapshot(script: Path, size: str, press: list[str], output: str | None, page: str | None) -> int:
    try:
        columns_rows = parse_size(size)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    base = Path(output) if output else Path(snapshot_name(script, press))
    if base.suffix in (".svg", ".txt"):
        base = base.with_suffix("")
    if base.name.endswith(".styled"):
        base = base.with_name(base.name[: -len(".styled")])
    try:
        shot = take_snapshot(script, size=columns_rows, press=press, page=page)
    except ValueError as exc:  # no such page
        raise _UsageError(str(exc)) from None
    paths = files(base)
    write_files(paths, shot.contents())
    print("wrote " + ", ".join(str(path) for path in paths.values()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else argv
    ns = parser.parse_args(argv)
    try:
        if ns.command == "run":
            return _run(_check_script(ns.script), ns.args, watch=not ns.no_watch)
        if ns.command == "serve":
            return _serve(ns)
        if ns.command == "snapshot":
            return _snapshot(_check_script(ns.script), ns.size, ns.press, ns.output, ns.page)
        if ns.command == "hello":
            from termlit.tui.hello import run_hello  # lazy: Textual, as for `run`

            _need_terminal("hello")

            return run_hello()
        if ns.command == "version":
            print(f"termlit {__version__}")
            return 0
        if ns.command == "cache":
            return cache_main(ns.cache_args)
    except _UsageError as exc:
        print(f"termlit: {exc}", file=sys.stderr)
        return 2
    parser.print_help()
    return 0 if not argv else 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
