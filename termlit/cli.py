"""The ``termlit`` command.

    termlit run APP.py [-- ARGS...]   show the app; ARGS reach the script in sys.argv
    termlit run FOLDER                the folder's streamlit_app.py (or app.py)
    termlit hello                     the example apps, as one multipage app
    termlit snapshot APP.py [--size 100x30] [--page PAGE] [--press KEY ...] [-o FILE]
                                      save the app's screen as FILE.svg and FILE.txt
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
from termlit.testing.snapshot import parse_size, snapshot_name, take_snapshot

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
    sub.add_parser("hello", help="the example apps, as one multipage app")
    snap = sub.add_parser(
        "snapshot",
        help="run an app headless, press keys, save its screen (SVG + text)",
        description="Run APP headless, press the keys (each press waits for the rerun it "
        "causes), and write FILE.svg (for people) and FILE.txt (for diffs).",
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


def _run(script: Path, args: list[str], *, watch: bool) -> int:
    if args and args[0] == "--":
        args = args[1:]
    sys.argv = [str(script), *args]
    install_streamlit_alias()  # `import streamlit as st` runs on termlit
    runner = ScriptRunner(ScriptSource(script))
    from termlit.tui.app import TermlitApp  # lazy: Textual loads only for the commands that draw

    TermlitApp(runner, watch=watch).run()
    return 0


def _snapshot(script: Path, size: str, press: list[str], output: str | None, page: str | None) -> int:
    try:
        columns_rows = parse_size(size)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    base = Path(output) if output else Path(snapshot_name(script, press))
    if base.suffix in (".svg", ".txt"):
        base = base.with_suffix("")
    try:
        shot = take_snapshot(script, size=columns_rows, press=press, page=page)
    except ValueError as exc:  # no such page
        raise _UsageError(str(exc)) from None
    base.parent.mkdir(parents=True, exist_ok=True)
    svg, txt = base.with_name(base.name + ".svg"), base.with_name(base.name + ".txt")
    svg.write_text(shot.svg, encoding="utf-8")
    txt.write_text(shot.text + "\n", encoding="utf-8")
    print(f"wrote {svg} and {txt}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else argv
    ns = parser.parse_args(argv)
    try:
        if ns.command == "run":
            return _run(_check_script(ns.script), ns.args, watch=not ns.no_watch)
        if ns.command == "snapshot":
            return _snapshot(_check_script(ns.script), ns.size, ns.press, ns.output, ns.page)
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
