"""The selectbox's drop-down: Textual's ``Select`` with a :class:`LazyRows`
list, so that opening it and moving in it cost the same at any number of
options (``Select``'s own list measures every option when it opens).

It leans on ``Select``'s inside as Textual 8.2 has it (``SelectCurrent``,
the overlay's ``Dismiss`` / ``UpdateSelection`` messages, the methods that
reach the overlay, overridden here); tests/test_pickers_many.py and the
selectbox tests notice when a Textual upgrade moves them."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay

from termlit.tui.widgets._lazy_options import LazyRows, Rows, as_content

__all__ = ["DropDown", "DropDownRows"]


class DropDownRows(LazyRows):
    """The open list: Enter picks, Esc (or leaving it) closes it. It speaks
    to the ``Select`` with the messages of Textual's own overlay."""

    BINDINGS = [Binding("escape", "dismiss", "Dismiss menu")]
    ALLOW_SELECT = False

    def action_dismiss(self) -> None:
        self.post_message(SelectOverlay.Dismiss())

    def _on_blur(self, _event: events.Blur) -> None:
        self.post_message(SelectOverlay.Dismiss(lost_focus=True))
        self.suppress_click()

    def action_select(self) -> None:
        at = self.highlighted
        if at is not None:
            self.post_message(SelectOverlay.UpdateSelection(at))


class DropDown(Select):
    """A ``Select`` whose list draws only the options on screen."""

    DEFAULT_CSS = """
    DropDown > DropDownRows {
        width: 1fr;
        display: none;
        height: auto;
        max-height: 12;
        overlay: screen;
        constrain: none inside;
        color: $foreground;
        border: tall $border-blurred;
        background: $surface;
        &:focus { background-tint: $foreground 5%; }
        & > .option-list--option { padding: 0 1; }
    }
    DropDown.-expanded > DropDownRows { display: block; }
    """

    def compose(self):
        yield SelectCurrent(self.prompt)
        yield DropDownRows().data_bind(compact=Select.compact)

    @property
    def rows(self) -> DropDownRows:
        return self.query_one(DropDownRows)

    def _setup_variables_for_options(self, options) -> None:
        super()._setup_variables_for_options(options)
        #: The row of each value, for a look-up that does not scan.
        self._row_of: dict[Any, int] = {}
        for row, (_prompt, value) in enumerate(self._options):
            self._row_of.setdefault(value, row)

    def _prompt_of(self, row: int) -> Any:
        prompt, value = self._options[row]
        return Text(self.prompt, style="dim") if value is self.NULL else prompt

    def _setup_options_renderables(self) -> None:
        self.rows.set_rows(Rows(range(len(self._options)), self._prompt_of))

    def _watch_value(self, value: Any) -> None:
        self._value = value
        try:
            current = self.query_one(SelectCurrent)
        except NoMatches:
            return
        if value == self.NULL:
            current.update(self.NULL)
        else:
            row = self._row_of.get(value)
            if row is not None:
                self.rows.highlighted = row
                current.update(as_content(self._options[row][0]))
        self.post_message(self.Changed(self, value))

    def _watch_expanded(self, expanded: bool) -> None:
        try:
            rows = self.rows
        except NoMatches:  # removed
            return
        self.set_class(expanded, "-expanded")
        if not expanded:
            return
        rows.focus(scroll_visible=False)
        current = self.query_one(SelectCurrent)
        if self.value is self.NULL:
            rows.highlighted = None
            current.has_value = False
        else:
            row = self._row_of.get(self.value)
            if row is not None:
                rows.highlighted = row
            current.has_value = True

    def action_show_overlay(self) -> None:
        self.query_one(SelectCurrent).has_value = True
        self.expanded = True
        if self.rows.highlighted is None:
            self.rows.action_first()

    def _watch_prompt(self, prompt: str) -> None:
        if not self.is_mounted:
            return
        current = self.query_one(SelectCurrent)
        current.placeholder = prompt
        if not self._allow_blank:
            return
        if self.value == self.NULL:
            current.update(self.NULL)
        self.rows.refresh()
