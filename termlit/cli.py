"""The ``termlit`` command.

    termlit run APP.py [-- ARGS...]   show the app; ARGS reach the script in sys.argv
    termlit version                   print the version
    termlit cache info | clear [APP]  look at or empty the st.cache_data store
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    from termlit.runtime.script_runner import ScriptRunner, ScriptSource

    if args and args[0] == "--":
        args = args[1:]
    sys.argv = [str(script), *args]
    from termlit.compat import install_streamlit_alias

    install_streamlit_alias()  # `import streamlit as st` runs on termlit
    runner = ScriptRunner(ScriptSource(script))
    from termlit.tui.app import TermlitApp

    TermlitApp(runner, watch=watch).run()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else argv
    ns = parser.parse_args(argv)
    try:
        if ns.command == "run":
            return _run(_check_script(ns.script), ns.args, watch=not ns.no_watch)
        if ns.command == "version":
            from termlit import __version__

            print(f"termlit {__version__}")
            return 0
        if ns.command == "cache":
            from termlit.caching.cli import main as cache_main

            return cache_main(ns.cache_args)
    except _UsageError as exc:
        print(f"termlit: {exc}", file=sys.stderr)
        return 2
    parser.print_help()
    return 0 if not argv else 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
