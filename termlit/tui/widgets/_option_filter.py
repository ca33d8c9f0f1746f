"""Typing on a closed selectbox opens :class:`FilterPicker`: the options that
match what is typed (``filter_mode``: fuzzy, contains or prefix, as
:func:`termlit.common.filtering.filter_options` ranks them), and with
``accept_new_options`` a row that adds the typed text as a new option."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from termlit.common.filtering import filter_options
from termlit.tui.widgets._safe import SafeModalScreen, SafeOptionList

__all__ = ["FilterPicker", "NEW_OPTION"]

#: What the picker returns for the "Add" row: ``(NEW_OPTION, text)``.
NEW_OPTION = "new"


class FilterPicker(SafeModalScreen[int | tuple[str, str] | None]):
    """Type to filter, ↑/↓ move, Enter picks, Esc closes without a pick.

    | Key | Action |
    | --- | --- |
    | (typing) | filter the options |
    | ↑ / ↓ | move in the list |
    | Enter | pick the highlighted option |
    | Esc | close without picking |

    It returns the picked option's index, ``(NEW_OPTION, text)`` for a new
    option, or None.
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", tooltip="close without picking"),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
    ]

    DEFAULT_CSS = """
    FilterPicker { align: center middle; }
    FilterPicker > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FilterPicker OptionList { height: auto; max-height: 14; border: none; }
    """

    def __init__(self, title: str, labels: list[str], mode: str, typed: str = "", accept_new: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.labels = labels
        self.mode = mode
        self.typed = typed
        self.accept_new = accept_new
        #: The option index on each row; -1 for the "Add" row.
        self.rows: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Input(self.typed, placeholder="Type to filter", compact=True, id="filter", select_on_focus=False)
            yield SafeOptionList(id="matches")

    def on_mount(self) -> None:
        self._fill()
        field = self.query_one("#filter", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def type_more(self, text: str) -> None:
        """Text typed on the selectbox after this list was opened, before it
        took the focus: it joins the filter, in order."""
        if self.is_mounted:
            self.query_one("#filter", Input).insert_text_at_cursor(text)
        else:
            self.typed += text

    def _fill(self) -> None:
        text = self.query_one("#filter", Input).value
        self.rows = filter_options(self.labels, text.strip(), self.mode)
        if self.accept_new and text.strip() and text.strip() not in self.labels:
            self.rows.append(-1)
        matches = self.query_one("#matches", OptionList)
        options = [Option(Text(f"Add: {text.strip()}", style="italic") if i < 0 else self.labels[i]) for i in self.rows]
        matches.set_options(options or [Option(Text("No matches", style="dim italic"), disabled=True)])
        if self.rows:
            matches.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pick(self.query_one("#matches", OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._pick(event.option_index)

    def _pick(self, row: int | None) -> None:
        if row is None or row >= len(self.rows):
            return
        index = self.rows[row]
        if index < 0:
            self.dismiss((NEW_OPTION, self.query_one("#filter", Input).value.strip()))
        else:
            self.dismiss(index)

    def action_move(self, step: int) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.action_cursor_down() if step > 0 else matches.action_cursor_up()
