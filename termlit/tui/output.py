"""The script's output log (:class:`~termlit.runtime.stdio.OutputLog`) on screen: ctrl+l."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from termlit.runtime.stdio import OutputLog
from termlit.tui.widgets._safe import SafeModalScreen

__all__ = ["OutputScreen"]

#: The most of the log the screen shows (the newest characters).
SHOWN = 200_000


class OutputScreen(SafeModalScreen[None]):
    """What the script printed, newest at the bottom; it follows new output.

    | Key | Action |
    | --- | --- |
    | Esc / q / ctrl+l | close the log |
    """

    BINDINGS = [Binding("escape,q,ctrl+l", "dismiss", "Close", tooltip="close the output log")]

    DEFAULT_CSS = """
    OutputScreen { align: center middle; }
    OutputScreen > VerticalScroll {
        width: 95%; height: 90%; border: round $accent; padding: 0 1; background: $surface;
    }
    """

    def __init__(self, log: OutputLog) -> None:
        super().__init__()
        self.log_source = log
        self._version = -1

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "Output (print, stderr, thread errors)"
            box.border_subtitle = "Esc closes"
            yield Static("", markup=False, id="output-text")

    def on_mount(self) -> None:
        self._redraw()
        self.set_interval(0.25, self._redraw)

    def _redraw(self) -> None:
        if self.log_source.version == self._version:
            return
        self._version = self.log_source.version
        text = self.log_source.text()
        if len(text) > SHOWN:
            text = f"[only the last {SHOWN:,} characters are shown here]\n" + text[-SHOWN:]
        self.query_one("#output-text", Static).update(Text(text or "The script has printed nothing yet."))
        self.query_one(VerticalScroll).scroll_end(animate=False)
