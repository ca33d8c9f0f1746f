"""``st.multiselect``: chosen options as chips, and a list to pick from."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from termlit.tui.widgets._field import FieldView
from termlit.common.values import find_index

__all__ = ["ChipsControl", "MultiselectPicker", "MultiselectView"]


class MultiselectPicker(ModalScreen[list[int]]):
    """The list of options: type to filter, ↑/↓ move, Enter adds or removes.

    | Key | Action |
    | --- | --- |
    | (typing) | filter the options |
    | ↑ / ↓, PgUp / PgDn | move in the list |
    | Enter | add or remove the highlighted option |
    | Esc / Tab | close the list (the choice applies) |

    It returns the chosen option indexes, in the order they were chosen.
    """

    BINDINGS = [
        Binding("escape,tab", "done", "Done", show=True),
        Binding("up", "move('up')", "Up", show=False),
        Binding("down", "move('down')", "Down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
    ]

    DEFAULT_CSS = """
    MultiselectPicker { align: center middle; }
    MultiselectPicker > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    MultiselectPicker Input { margin-bottom: 1; }
    MultiselectPicker OptionList { height: auto; max-height: 14; border: none; }
    MultiselectPicker .picker-note { color: $warning; height: auto; }
    MultiselectPicker .picker-keys { color: $text-muted; height: 1; }
    """

    def __init__(self, title: str, labels: list[str], chosen: list[int], limit: int | None) -> None:
        super().__init__()
        self.title_text = title
        self.labels = labels
        self.chosen = list(chosen)
        self.limit = limit
        self.shown: list[int] = list(range(len(labels)))

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Input(placeholder="Type to filter", compact=True, id="filter")
            yield OptionList(id="choices")
            yield Static("", classes="picker-note", markup=False)
            yield Static("Enter: add/remove · Esc: done", classes="picker-keys", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#filter", Input).focus()

    @property
    def choices(self) -> OptionList:
        return self.query_one("#choices", OptionList)

    def _prompt(self, i: int) -> Text:
        on = i in self.chosen
        text = Text("☑ " if on else "☐ ", style="bold" if on else "")
        text.append(self.labels[i], style="bold" if on else "")
        return text

    def _fill(self, keep: int | None = None) -> None:
        needle = self.query_one("#filter", Input).value.strip().lower()
        self.shown = [i for i, label in enumerate(self.labels) if needle in label.lower()]
        choices = self.choices
        choices.set_options([Option(self._prompt(i)) for i in self.shown])
        if not self.shown:
            choices.set_options([Option(Text("No matches", style="dim italic"), disabled=True)])
            return
        at = self.shown.index(keep) if keep in self.shown else 0
        choices.highlighted = at

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._toggle()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choices.highlighted = event.option_index
        self._toggle()
        self.query_one("#filter", Input).focus()

    def _toggle(self) -> None:
        at = self.choices.highlighted
        if at is None or not self.shown or at >= len(self.shown):
            return
        index = self.shown[at]
        note = ""
        if index in self.chosen:
            self.chosen.remove(index)
        elif self.limit is not None and len(self.chosen) >= self.limit:
            note = f"You can choose at most {self.limit}; remove one first."
        else:
            self.chosen.append(index)
        self.query_one(".picker-note", Static).update(note)
        self.choices.replace_option_prompt_at_index(at, self._prompt(index))

    def action_move(self, where: str) -> None:
        getattr(self.choices, f"action_{'cursor_' if where in ('up', 'down') else ''}{where}")()

    def action_done(self) -> None:
        self.dismiss(self.chosen)


class ChipsControl(Widget, can_focus=True):
    """The chosen options, as chips.

    | Key | Action |
    | --- | --- |
    | Enter / Space / ↓ | open the list to add or remove options |
    | ← / → | move between chips |
    | Delete / Backspace | remove the chip under the cursor |
    """

    BINDINGS = [
        Binding("enter,space,down", "open", "Choose", show=True),
        Binding("left", "move(-1)", "Prev chip", show=False),
        Binding("right", "move(1)", "Next chip", show=False),
        Binding("delete,backspace", "remove", "Remove", show=True),
    ]

    DEFAULT_CSS = """
    ChipsControl { height: auto; width: 1fr; }
    ChipsControl:focus { background: $boost; }
    """

    def __init__(self, view: MultiselectView) -> None:
        super().__init__()
        self.view = view
        self.cursor = 0

    def chips(self) -> list[str]:
        return self.view.chosen_labels()

    def lines(self, width: int) -> list[Text]:
        chips = self.chips()
        if not chips:
            text = Text(self.view.element.props.get("placeholder") or "Choose options", style="dim italic")
            text.append("  ▾", style="dim")
            return [text]
        out = [Text()]
        for i, label in enumerate(chips):
            chip = Text(f"[{label} ×]", style="bold")
            if self.has_focus and i == self.cursor:
                chip.stylize("reverse")
            line = out[-1]
            if line.cell_len and line.cell_len + 1 + chip.cell_len > width:
                out.append(Text())
                line = out[-1]
            if line.cell_len:
                line.append(" ")
            line.append_text(chip)
        out[-1].append("  ▾", style="dim")
        return out

    def render(self) -> Text:
        return Text("\n").join(self.lines(self.content_size.width or 80))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def action_move(self, step: int) -> None:
        count = len(self.chips())
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))
            self.refresh()

    def action_remove(self) -> None:
        chosen = self.view.chosen
        if chosen:
            del chosen[min(self.cursor, len(chosen) - 1)]
            self.cursor = max(0, min(self.cursor, len(chosen) - 1))
            self.view.apply_chosen(chosen)

    def action_open(self) -> None:
        self.view.open_picker()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class MultiselectView(FieldView):
    kind = "multiselect"

    def make_control(self, props: dict[str, Any]) -> ChipsControl:
        self.chosen = self._chosen(props)
        self.control = ChipsControl(self)
        return self.control

    @staticmethod
    def _chosen(props: dict[str, Any]) -> list[Any]:
        """The chosen values: option indexes (ints) or new options (str)."""
        out: list[Any] = []
        for v in props.get("value") or ():
            i = find_index(props["options"], v)
            out.append(i if i is not None else str(v))
        return out

    def chosen_labels(self) -> list[str]:
        labels = self.element.props["labels"]
        return [labels[c] if isinstance(c, int) else c for c in self.chosen]

    def apply_control(self, props: dict[str, Any]) -> None:
        self.chosen = self._chosen(props)
        self.control.refresh(layout=True)

    def apply_chosen(self, chosen: list[Any]) -> None:
        self.chosen = list(chosen)
        self.control.refresh(layout=True)
        options = self.element.props["options"]
        self.post_value([options[c] if isinstance(c, int) else c for c in chosen])

    def open_picker(self) -> None:
        props = self.element.props
        if not props["options"]:
            self.show_note("There are no options to choose from.")
            return
        kept = [c for c in self.chosen if isinstance(c, int)]
        extra = [c for c in self.chosen if not isinstance(c, int)]
        limit = props.get("max_selections")
        picker = MultiselectPicker(props["label"] or "Choose", list(props["labels"]), kept,
                                   None if limit is None else max(limit - len(extra), 0))

        def done(result: list[int] | None) -> None:
            if result is None:
                return
            chosen = extra + list(result)
            if chosen != self.chosen:
                self.apply_chosen(chosen)
            self.control.focus()

        self.app.push_screen(picker, done)
