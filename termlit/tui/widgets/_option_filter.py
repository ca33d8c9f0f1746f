"""Typing on a closed selectbox opens :class:`FilterPicker`: the options that
match what is typed (``filter_mode``: fuzzy, contains or prefix, as
:func:`termlit.common.filtering.filter_options` ranks them), and with
``accept_new_options`` a row that adds the typed text as a new option.

:class:`FilterScan` is how a picker filters without a freeze: each key
starts an :class:`~termlit.common.filtering.OptionMatcher` and scans a few
milliseconds at a time (the first screen of matches shows after the first
step), so keys stay answered at 100,000 options. The list is a
:class:`~termlit.tui.widgets._lazy_options.LazyRows`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from termlit.common.filtering import OptionMatcher
from termlit.tui.widgets._lazy_options import LazyRows, Rows
from termlit.tui.widgets._safe import SafeModalScreen

__all__ = ["FilterInput", "FilterPicker", "FilterScan", "NEW_OPTION"]

#: What the picker returns for the "Add" row: ``(NEW_OPTION, text)``.
NEW_OPTION = "new"
#: Matches shown after the first step of a scan, before it ends.
PREVIEW = 200
#: Seconds of scanning per step (the UI answers keys between steps).
STEP = 0.008


#: The keys a filter field passes to its list, and the list's action for each.
MOVES = {"up": "cursor_up", "down": "cursor_down", "pageup": "page_up", "pagedown": "page_down"}


class FilterInput(Input):
    """A picker's filter field. Enter and the keys that move in the list act
    here, in the order they were pressed: as bindings they would act only
    once the key reached the app, after the letters typed behind it (Enter
    then "abc" in one burst picked from the list filtered by "abc")."""

    class Pressed(Message):
        """Enter (``"enter"``) or a key of :data:`MOVES` on the field."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" or event.key in MOVES:
            event.stop()
            event.prevent_default()
            self.post_message(self.Pressed(event.key))
            return
        await super()._on_key(event)


class FilterScan:
    """Filtering for a screen with a :class:`FilterInput` ``#filter`` and a
    list: :meth:`_filter` starts a scan of ``self.matcher``; :meth:`_show`
    (the screen's) gets the matches: a preview after the first step
    (``fresh``), all of them at the end. Enter waits for the end of the scan
    (it acts on the matches of everything typed before it), then calls
    :meth:`_enter`."""

    matcher: OptionMatcher
    _scan_id = 0
    _enter_waits = False

    def _typed(self) -> str:
        return self.query_one("#filter", Input).value.strip()  # type: ignore[attr-defined]

    def _filter(self) -> None:
        self._scan_id += 1
        self.matcher.start(self._typed())
        self._scan(self._scan_id, True)

    def _scan(self, scan_id: int, fresh: bool = False) -> None:
        if scan_id != self._scan_id or not self.is_attached:  # type: ignore[attr-defined]
            return  # a newer key started another scan, or the list closed
        if self.matcher.step(STEP):
            self._show(self.matcher.matches, fresh)
            if self._enter_waits:
                self._enter_waits = False
                self._enter()
            return
        if fresh:
            self._show(self.matcher.preview(PREVIEW), True)
        self.set_timer(0.001, partial(self._scan, scan_id))  # type: ignore[attr-defined]

    def _press(self, key: str) -> None:
        """Enter, or a key of :data:`MOVES`, for the list."""
        if key != "enter":
            getattr(self._list(), f"action_{MOVES[key]}")()
        elif self.matcher.done:
            self._enter()
        else:
            self._enter_waits = True

    def on_filter_input_pressed(self, event: FilterInput.Pressed) -> None:
        event.stop()
        self._press(event.key)

    def _list(self) -> LazyRows:
        raise NotImplementedError

    def _show(self, matches: Sequence[int], fresh: bool) -> None:
        raise NotImplementedError

    def _enter(self) -> None:
        raise NotImplementedError


def highlight_after(rows: LazyRows, fresh: bool) -> int:
    """The row to highlight when a list's matches change: the first for a
    new query, else the one the user is on."""
    at = rows.highlighted
    return 0 if fresh or at is None else at


class FilterPicker(FilterScan, SafeModalScreen[int | tuple[str, str] | None]):
    """Type to filter, ↑/↓ move, Enter picks, Esc closes without a pick.

    | Key | Action |
    | --- | --- |
    | (typing) | filter the options |
    | ↑ / ↓, PgUp / PgDn | move in the list |
    | Enter | pick the highlighted option |
    | Esc | close without picking |

    It returns the picked option's index, ``(NEW_OPTION, text)`` for a new
    option, or None.
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", tooltip="close without picking"),
    ]

    DEFAULT_CSS = """
    FilterPicker { align: center middle; }
    FilterPicker > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FilterPicker LazyRows { height: auto; max-height: 14; }
    FilterPicker LazyRows, FilterPicker LazyRows:focus { border: none; }  /* a click does not move the rows */
    """

    def __init__(self, title: str, labels: list[str], mode: str, typed: str = "", accept_new: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.labels = labels
        self.typed = typed
        self.accept_new = accept_new
        self.matcher = OptionMatcher(labels, mode)
        #: The option index on each row; -1 for the "Add" row.
        self.rows: Sequence[int] = []
        self._label_set: set[str] | None = None
        #: Keys pressed on the selectbox before this list was mounted.
        self._early: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield FilterInput(self.typed, placeholder="Type to filter", compact=True, id="filter",
                              select_on_focus=False)
            yield LazyRows(id="matches")

    @property
    def matches_list(self) -> LazyRows:
        return self.query_one("#matches", LazyRows)

    def on_mount(self) -> None:
        self._filter()
        field = self.query_one("#filter", Input)
        field.focus()
        field.cursor_position = len(field.value)
        for key in self._early:
            self._press(key)

    def type_more(self, text: str) -> None:
        """Text typed on the selectbox after this list was opened, before it
        took the focus: it joins the filter, in order."""
        if self.is_mounted:
            self.query_one("#filter", Input).insert_text_at_cursor(text)
        else:
            self.typed += text

    def press_early(self, key: str) -> None:
        """Enter or a key of :data:`MOVES` pressed on the selectbox after
        the letters, before this list took the focus: it acts here, after
        them."""
        if self.is_mounted:
            self._press(key)
        else:
            self._early.append(key)

    def _list(self) -> LazyRows:
        return self.matches_list

    def _enter(self) -> None:
        self._pick(self.matches_list.highlighted)

    def _is_new(self, text: str) -> bool:
        if self._label_set is None:
            self._label_set = set(self.labels)
        return bool(text) and text not in self._label_set

    def _prompt(self, text: str, i: int) -> Text | str:
        return Text(f"Add: {text}", style="italic") if i < 0 else self.labels[i]

    def _show(self, matches: Sequence[int], fresh: bool) -> None:
        text = self._typed()
        self.rows = [*matches, -1] if self.accept_new and self._is_new(text) else matches
        rows = self.matches_list
        if not self.rows:
            rows.set_rows([Text("No matches", style="dim italic")], disabled_rows=frozenset({0}))
            return
        rows.set_rows(Rows(self.rows, partial(self._prompt, text)), highlighted=highlight_after(rows, fresh))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter()

    def on_lazy_rows_selected(self, event: LazyRows.Selected) -> None:
        event.stop()
        self._pick(event.index)

    def _pick(self, row: int | None) -> None:
        if row is None or row >= len(self.rows):
            return
        index = self.rows[row]
        if index < 0:
            self.dismiss((NEW_OPTION, self._typed()))
        else:
            self.dismiss(index)
