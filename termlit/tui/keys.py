"""The key help (``?`` / F1), read from the bindings that are active.

Every key termlit answers to is a Textual :class:`~textual.binding.Binding`
(on the app, the page, or a widget); its ``tooltip`` says what it does in a
few words. The help lists the bindings active where the user is: those of
the focused widget and its containers first, then those that work
everywhere. Nothing here repeats a key by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._safe import SafeModalScreen

__all__ = ["KeyHelp", "key_sections"]

Section = tuple[str, list[tuple[str, str]]]

EVERYWHERE = "Everywhere"


def _where(node: DOMNode) -> str:
    """The heading of a binding's section: the element it belongs to
    (``st.slider``), else the node's name, else its class."""
    if isinstance(node, Screen) or node.parent is None:
        return EVERYWHERE
    for ancestor in node.ancestors_with_self:
        if isinstance(ancestor, ElementView):
            return f"st.{ancestor.element.kind}"
    return node.name or type(node).__name__


def key_sections(bindings: Mapping[str, ActiveBinding], key_display: Callable[[Binding], str]) -> list[Section]:
    """(heading, rows) for the active ``bindings`` (as ``Screen.active_bindings``
    gives them: the focused widget's first, the app's last); a row is the keys
    (as ``key_display`` writes them) and what they do. Keys bound to the same
    action with the same meaning share a row."""
    sections: dict[str, dict[tuple[str, str], list[str]]] = {}
    for active in bindings.values():
        binding = active.binding
        what = binding.tooltip or binding.description
        if binding.system or not what:
            continue
        rows = sections.setdefault(_where(active.node), {})
        rows.setdefault((binding.action, what), []).append(key_display(binding))
    ordered = [name for name in sections if name != EVERYWHERE]
    if EVERYWHERE in sections:
        ordered.append(EVERYWHERE)
    return [(name, [(" / ".join(keys), what) for (_action, what), keys in sections[name].items()]) for name in ordered]


class KeyHelp(SafeModalScreen[None]):
    """The keys that work where the user is.

    | Key | Action |
    | --- | --- |
    | Esc / q / ? / F1 | close the help |
    """

    BINDINGS = [
        Binding("escape,q", "app.close_key_help", "Close", tooltip="close the help"),
        Binding("question_mark,f1", "app.key_help", "Close", tooltip="close the help"),
    ]

    DEFAULT_CSS = """
    KeyHelp { align: center middle; }
    KeyHelp > VerticalScroll {
        width: auto; max-width: 90%; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    KeyHelp Static { width: auto; }
    """

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        width = max((cell_len(keys) for _name, rows in self.sections for keys, _what in rows), default=0) + 2
        lines = Text()
        for n, (name, rows) in enumerate(self.sections):
            if n:
                lines.append("\n")
            lines.append(f"{name}\n", style="bold underline")
            for keys, what in rows:
                lines.append(keys + " " * (width - cell_len(keys)), style="bold")
                lines.append(f"{what}\n")
        lines.append("\nEsc closes this help.", style="dim")
        with VerticalScroll() as box:
            box.border_title = "Keys"
            yield Static(lines)
