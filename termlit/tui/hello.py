"""``termlit hello``: a menu of the example apps; Enter runs one, ctrl+q in
the app comes back here."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from termlit.compat import install_streamlit_alias
from termlit.runtime.script_runner import ScriptRunner, ScriptSource
from termlit.tui.app import TermlitApp

__all__ = ["find_examples", "run_hello"]

#: The gallery, in the order the menu shows it.
GALLERY = [
    "hello", "widgets", "layout", "forms", "fragments", "progress",
    "dataframe", "charts", "colors", "caching", "sql",
]


def examples_folder() -> Path | None:
    """The examples next to the package (a source checkout) or in the current folder."""
    for candidate in (Path(__file__).resolve().parents[2] / "examples", Path.cwd() / "examples"):
        if (candidate / "hello.py").is_file():
            return candidate
    return None


def find_examples(folder: Path) -> list[tuple[str, Path, str]]:
    """(name, path, first line of the docstring) for each gallery example there."""
    found = []
    for name in GALLERY:
        path = folder / f"{name}.py"
        if path.is_file():
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            first = doc.split(". ")[0].splitlines()[0].rstrip(".") if doc else ""
            found.append((name, path, first if len(first) <= 72 else first[:71] + "…"))
    return found


class HelloMenu(App[Path | None]):
    """Pick an example.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | move |
    | Enter | run the example |
    | ctrl+q / Esc | quit |
    """

    BINDINGS = [Binding("escape", "quit", "Quit"), Binding("ctrl+q", "quit", "Quit", priority=True)]
    CSS = """
    Static { padding: 1 2 0 2; }
    OptionList { margin: 1 2; height: 1fr; }
    """
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, examples: list[tuple[str, Path, str]]) -> None:
        super().__init__()
        self.examples = examples

    def compose(self) -> ComposeResult:
        yield Static("[b]termlit examples[/b] — Enter runs one; ctrl+q in the app comes back here.")
        width = max(len(name) for name, _p, _d in self.examples) + 2
        yield OptionList(*[Option(f"{name:<{width}}{doc}", id=name) for name, _p, doc in self.examples])
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = next(path for name, path, _d in self.examples if name == event.option.id)
        self.exit(chosen)


def run_hello() -> int:
    folder = examples_folder()
    if folder is None:
        print(
            "termlit: the example apps were not found. They live in the examples/ folder of "
            "termlit's source; run `termlit hello` from a checkout (pip install -e .).",
            file=sys.stderr,
        )
        return 2
    examples = find_examples(folder)
    install_streamlit_alias()
    while True:
        chosen = HelloMenu(examples).run()
        if chosen is None:
            return 0
        TermlitApp(ScriptRunner(ScriptSource(chosen), main_module=False), watch=False).run()
