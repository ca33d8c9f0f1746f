"""``st.multiselect``: chosen options as chips, and a list to pick from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from termlit.common.filtering import OptionMatcher, shows_select_all
from termlit.common.values import find_indexes
from termlit.tui.widgets._field import ControlChanged, FieldNote, FieldView
from termlit.tui.widgets._lazy_options import LazyRows, Rows
from termlit.tui.widgets._option_filter import FilterInput, FilterScan, highlight_after
from termlit.tui.widgets._options import ROW_WINDOW, WINDOW_FROM
from termlit.tui.widgets._safe import SafeModalScreen, open_window

__all__ = ["Chips", "ChipsControl", "MultiselectPicker", "MultiselectView"]


#: The row of the picker that chooses every option listed.
SELECT_ALL = -1


class MultiselectPicker(FilterScan, SafeModalScreen[list[int]]):
    """The list of options: type to filter, ↑/↓ move, Enter adds or removes.

    | Key | Action |
    | --- | --- |
    | (typing) | filter the options |
    | ↑ / ↓, PgUp / PgDn | move in the list |
    | Enter | add or remove the highlighted option |
    | Esc / Tab | close the list (the choice applies) |

    Typing filters as ``filter_mode`` says (``None``: no typing); a first row
    "Select all" (or "Select N matches") adds every option listed, when
    ``select_all`` allows it for that many. It returns the chosen option
    indexes, in the order they were chosen. The list draws only the rows on
    screen, and filters a step at a time (:class:`FilterScan`).
    """

    BINDINGS = [Binding("escape,tab", "done", "Done", show=True)]

    DEFAULT_CSS = """
    MultiselectPicker { align: center middle; }
    MultiselectPicker > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    MultiselectPicker Input { margin-bottom: 1; }
    MultiselectPicker LazyRows { height: auto; max-height: 14; }
    MultiselectPicker LazyRows, MultiselectPicker LazyRows:focus { border: none; }  /* a click does not move the rows */
    MultiselectPicker .picker-note { color: $warning; height: auto; }
    MultiselectPicker .picker-keys { color: $text-muted; height: 1; }
    """

    def __init__(
        self, title: str, labels: list[str], chosen: list[int], limit: int | None,
        filter_mode: str | None = "fuzzy", select_all: bool | int = 1000,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.labels = labels
        self.chosen = list(chosen)
        self._on = set(self.chosen)  # the same, to look up
        self.limit = limit
        #: How typing filters (``filter_mode``); None: no typing, no filter.
        self.filter_mode = filter_mode
        self.select_all = select_all
        self.matcher = OptionMatcher(labels, filter_mode)
        #: The option index on each row; SELECT_ALL for the "Select all" row.
        self.shown: Sequence[int] = range(len(labels))
        #: How many listed options are not chosen (the "Select all" count).
        self._selectable_count = 0

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield FilterInput(placeholder="Type to filter", compact=True, id="filter",
                              disabled=self.filter_mode is None)
            yield LazyRows(id="choices")
            yield Static("", classes="picker-note", markup=False)
            yield Static("Enter: add/remove · Esc: done", classes="picker-keys", markup=False)

    def on_mount(self) -> None:
        self._filter()
        if self.filter_mode is None:
            self.query_one("#filter", Input).display = False
            self.choices.focus()
        else:
            self.query_one("#filter", Input).focus()

    @property
    def choices(self) -> LazyRows:
        return self.query_one("#choices", LazyRows)

    def _prompt(self, i: int) -> Text:
        if i == SELECT_ALL:
            count = self._selectable_count
            typed = bool(self._typed())
            return Text(f"⊞ Select {count} matches" if typed else f"⊞ Select all ({count})", style="italic")
        on = i in self._on
        text = Text("☑ " if on else "☐ ", style="bold" if on else "")
        text.append(self.labels[i], style="bold" if on else "")
        return text

    def _show(self, matches: Sequence[int], fresh: bool) -> None:
        chosen = self._on
        self._selectable_count = sum(1 for i in matches if i not in chosen)
        full = self.limit is not None and len(self.chosen) >= self.limit
        shown: Sequence[int] = matches
        if not full and shows_select_all(self.select_all, self._selectable_count):
            shown = [SELECT_ALL, *matches]
        self.shown = shown
        choices = self.choices
        if not shown:
            choices.set_rows([Text("No matches", style="dim italic")], disabled_rows=frozenset({0}))
            return
        choices.set_rows(Rows(shown, self._prompt), highlighted=highlight_after(choices, fresh))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter()

    def _list(self) -> LazyRows:
        return self.choices

    def _enter(self) -> None:
        self._toggle()

    def on_lazy_rows_selected(self, event: LazyRows.Selected) -> None:
        event.stop()
        self.choices.highlighted = event.index
        self._toggle()
        self.query_one("#filter", Input).focus()

    def _toggle(self) -> None:
        at = self.choices.highlighted
        if at is None or not self.shown or at >= len(self.shown):
            return
        index = self.shown[at]
        note = ""
        if index == SELECT_ALL:
            room = None if self.limit is None else self.limit - len(self.chosen)
            added = self._selectable()[:room]
            self.chosen.extend(added)
            self._on.update(added)
            self._filter()
            return
        if index in self._on:
            self.chosen.remove(index)
            self._on.discard(index)
            self._selectable_count += 1
        elif self.limit is not None and len(self.chosen) >= self.limit:
            note = f"You can choose at most {self.limit}; remove one first."
        else:
            self.chosen.append(index)
            self._on.add(index)
            self._selectable_count -= 1
        self.query_one(".picker-note", Static).update(note)
        self.choices.refresh_row(at)
        if self.shown[0] == SELECT_ALL:
            self.choices.refresh_row(0)  # its count

    def _selectable(self) -> list[int]:
        """The options on the list (matching what was typed) not chosen yet."""
        chosen = self._on
        return [i for i in self.shown if i != SELECT_ALL and i not in chosen]

    def action_done(self) -> None:
        self.dismiss(self.chosen)


class Chips:
    """The chosen options as chips, ``[label ×]``, wrapped to the width, and
    a ▾ that says a list opens; the placeholder when nothing is chosen.
    ``cursor`` is the chip under the cursor (None without focus). More than
    :data:`WINDOW_FROM` chips show as the page of :data:`ROW_WINDOW` the
    cursor is on, with ``‹ n more`` / ``n more ›`` at its ends."""

    def __init__(self, labels: list[str], cursor: int | None, placeholder: str) -> None:
        self.labels = labels
        self.cursor = cursor
        self.placeholder = placeholder

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("\n").join(self.lines(options.max_width))

    def lines(self, width: int) -> list[Text]:
        if not self.labels:
            text = Text(self.placeholder, style="dim italic")
            text.append("  ▾", style="dim")
            return [text]
        count = len(self.labels)
        first, last = 0, count
        if count > WINDOW_FROM:
            first = (self.cursor or 0) // ROW_WINDOW * ROW_WINDOW
            last = min(first + ROW_WINDOW, count)
        items = []
        for i in range(first, last):
            chip = Text(f"[{self.labels[i]} ×]", style="bold")
            if i == self.cursor:
                chip.stylize("reverse")
            items.append(chip)
        if first:
            items.insert(0, Text(f"‹ {first:,} more", style="dim"))
        if last < count:
            items.append(Text(f"{count - last:,} more ›", style="dim"))
        out = [Text()]
        for chip in items:
            line = out[-1]
            if line.cell_len and line.cell_len + 1 + chip.cell_len > width:
                out.append(Text())
                line = out[-1]
            if line.cell_len:
                line.append(" ")
            line.append_text(chip)
        out[-1].append("  ▾", style="dim")
        return out


def chosen_of(props: dict[str, Any]) -> tuple[Any, ...]:
    """The chosen values as option indexes (ints), or the text of options
    the user added (str)."""
    values = list(props.get("value") or ())
    found = find_indexes(props["options"], values)
    return tuple(i if i is not None else str(v) for v, i in zip(values, found))


class ChipsControl(Widget, can_focus=True):
    """The chosen options, as chips.

    | Key | Action |
    | --- | --- |
    | Enter / Space / ↓ | open the list to add or remove options |
    | ← / → | move between chips |
    | Home / End | the first / last chip |
    | Delete / Backspace | remove the chip under the cursor |
    """

    BINDINGS = [
        Binding("enter,space,down", "open", "Choose", tooltip="open the list to add or remove options"),
        Binding("left", "move(-1)", "Prev chip", show=False, tooltip="the previous chip"),
        Binding("right", "move(1)", "Next chip", show=False, tooltip="the next chip"),
        Binding("home", "edge(-1)", "First chip", show=False, tooltip="the first chip"),
        Binding("end", "edge(1)", "Last chip", show=False, tooltip="the last chip"),
        Binding("delete,backspace", "remove", "Remove", tooltip="remove the chip under the cursor"),
    ]

    DEFAULT_CSS = """
    ChipsControl { height: auto; width: 1fr; }
    ChipsControl:focus { background: $boost; }
    """

    class Changed(ControlChanged):
        """The user changed the choice: ``value`` as in :func:`chosen_of`."""

    chosen: reactive[tuple[Any, ...]] = reactive((), layout=True)
    cursor: reactive[int] = reactive(0)

    def __init__(self, props: dict[str, Any]) -> None:
        super().__init__()
        self.props = props
        self.chosen = chosen_of(props)

    def set_props(self, props: dict[str, Any]) -> None:
        old, self.props = self.props, props
        if old.get("labels") != props.get("labels") or old.get("placeholder") != props.get("placeholder"):
            self.refresh(layout=True)
        self.chosen = chosen_of(props)

    def labels(self) -> list[str]:
        labels = self.props["labels"]
        return [labels[c] if isinstance(c, int) else c for c in self.chosen]

    def chips(self) -> Chips:
        return Chips(self.labels(), self.cursor if self.has_focus else None,
                     self.props.get("placeholder") or "Choose options")

    def render(self) -> Chips:
        return self.chips()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.chips().lines(width))

    def _choose(self, chosen: list[Any]) -> None:
        self.chosen = tuple(chosen)
        self.post_message(self.Changed(self, list(chosen)))

    def watch_cursor(self, old: int, new: int) -> None:
        if len(self.chosen) > WINDOW_FROM and old // ROW_WINDOW != new // ROW_WINDOW:
            self.refresh(layout=True)  # another page of chips

    def on_focus(self) -> None:
        if len(self.chosen) > WINDOW_FROM:
            self.refresh(layout=True)  # the page of the cursor

    def on_blur(self) -> None:
        if len(self.chosen) > WINDOW_FROM:
            self.refresh(layout=True)  # the first page

    def action_move(self, step: int) -> None:
        if self.chosen:
            self.cursor = max(0, min(len(self.chosen) - 1, self.cursor + step))

    def action_edge(self, direction: int) -> None:
        if self.chosen:
            self.cursor = len(self.chosen) - 1 if direction > 0 else 0

    def action_remove(self) -> None:
        chosen = list(self.chosen)
        if chosen:
            del chosen[min(self.cursor, len(chosen) - 1)]
            self.cursor = max(0, min(self.cursor, len(chosen) - 1))
            self._choose(chosen)

    def action_open(self) -> None:
        props = self.props
        if not props["options"]:
            self.post_message(FieldNote("There are no options to choose from."))
            return
        kept = [c for c in self.chosen if isinstance(c, int)]
        extra = [c for c in self.chosen if not isinstance(c, int)]
        limit = props.get("max_selections")
        picker = MultiselectPicker(props["label"] or "Choose", list(props["labels"]), kept,
                                   None if limit is None else max(limit - len(extra), 0),
                                   props.get("filter_mode", "fuzzy"), props.get("select_all", 1000))

        def done(result: list[int] | None) -> None:
            if result is not None and extra + list(result) != list(self.chosen):
                self._choose(extra + list(result))
            self.focus()

        open_window(self, picker, done)


class MultiselectView(FieldView):
    control_class = ChipsControl

    def value_of(self, message: ControlChanged) -> list[Any]:
        options = self.element.props["options"]
        return [options[c] if isinstance(c, int) else c for c in message.value]
