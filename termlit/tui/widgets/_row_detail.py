"""One row of a table in full: a window over the page."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from termlit.tui.widgets._cells import fit

__all__ = ["RowDetail"]


class RowDetail(ModalScreen[None]):
    """Every column's name and its whole value. Esc closes.

    | Key | Action |
    | --- | --- |
    | Esc / Enter / q | close |
    """

    BINDINGS = [Binding("escape,enter,q", "dismiss", "Close", tooltip="close the row")]

    DEFAULT_CSS = """
    RowDetail { align: center middle; }
    RowDetail > VerticalScroll {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    """

    def __init__(self, title: str, pairs: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.pairs = pairs

    def compose(self) -> ComposeResult:
        width = min(max((cell_len(k) for k, _ in self.pairs), default=4), 24) + 2
        body = Text()
        for i, (name, value) in enumerate(self.pairs):
            if i:
                body.append("\n")
            body.append(fit(name, width - 2, False) + "  ", style="bold")
            body.append(value)
        body.append("\n\nEsc closes.", style="dim")
        with VerticalScroll() as box:
            box.border_title = self.title_text
            yield Static(body)
