"""The ``termlit`` command.

    termlit run APP.py [-- ARGS...]   show the app; ARGS reach the script in sys.argv
    termlit hello                     a menu of the example apps
    termlit snapshot APP.py [--size 100x30] [--press KEY ...] [-o FILE]
                                      save the app's screen as FILE.txt, FILE.styled.txt and FILE.svg
    termlit version                   print the version
    termlit cache info | clear [APP]  look at or empty the st.cache_data store
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termlit import __version__
from termlit.caching.cli import main as cache_main
from termlit.compat import install_streamlit_alias
from termlit.runtime import ScriptRunner, ScriptSource
from termlit.runtime.config import get_option
from termlit.runtime.session import ClientInfo
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
    run.add_argument("script", help="the app's .py file")
    run.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the script (after --)")
    run.add_argument("--no-watch", action="store_true", help="do not rerun when the script is saved")
    sub.add_parser("hello", help="a menu of the example apps")
    snap = sub.add_parser(
        "snapshot",
        help="run an app headless, press keys, save its screen (SVG + text)",
        description="Run APP headless, press the keys (each press waits for the rerun it "
        "causes), and write FILE.svg (for people), FILE.txt and FILE.styled.txt (for diffs).",
    )
    snap.add_argument("script", help="the app's .py file")
    snap.add_argument("--size", default="100x30", help="terminal size COLUMNSxROWS (default 100x30)")
    snap.add_argument("--press", nargs="*", default=[], metavar="KEY", help="keys to press, e.g. tab right enter")
    snap.add_argument("-o", "--output", help="output path without extension (default: the app's name)")
    sub.add_parser("version", help="print termlit's version")
    cache = sub.add_parser("cache", help="st.cache_data's store: info, clear [APP]")
    cache.add_argument("cache_args", nargs=argparse.REMAINDER)
    return parser


def _check_script(raw: str) -> Path:
    path = Path(raw)
    if not path.exists():
        raise _UsageError(f"{raw}: no such file. Give the path of your app's .py file.")
    if path.is_dir():
        raise _UsageError(f"{raw} is a directory. Give the path of your app's .py file.")
    if path.suffix != ".py":
        raise _UsageError(f"{raw} is not a Python file (.py). Give the path of your app's .py file.")
    return path.resolve()


def _run(script: Path, args: list[str], *, watch: bool) -> int:
    if args and args[0] == "--":
        args = args[1:]
    sys.argv = [str(script), *args]
    install_streamlit_alias()  # `import streamlit as st` runs on termlit
    runner = ScriptRunner(ScriptSource(script))
    runner.session.client = ClientInfo.local()  # st.context: this machine's locale and time zone
    from termlit.tui.app import TermlitApp  # lazy: Textual loads only for the commands that draw

    watch = watch and get_option("server.fileWatcherType") != "none"
    TermlitApp(runner, watch=watch).run()
    return 0


def _snapshot(script: Path, size: str, press: list[str], output: str | None) -> int:
    try:
        columns_rows = parse_size(size)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    base = Path(output) if output else Path(snapshot_name(script, press))
    if base.suffix in (".svg", ".txt"):
        base = base.with_suffix("")
    if base.name.endswith(".styled"):
        base = base.with_name(base.name[: -len(".styled")])
    shot = take_snapshot(script, size=columns_rows, press=press)
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
        if ns.command == "snapshot":
            return _snapshot(_check_script(ns.script), ns.size, ns.press, ns.output)
        if ns.command == "hello":
            from termlit.tui.hello import run_hello  # lazy: Textual, as for `run`

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
