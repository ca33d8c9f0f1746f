"""The key footer: Textual's ``Footer``, rebuilt only when what it shows changes.

Textual's footer rebuilds all of its key widgets (a mount and a style pass
for each) on every change of the active bindings, which is every focus move.
Under a burst of Tabs (a key held down, a paste, a fast typist over SSH)
those rebuilds were most of the app's work: about half of each Tab's cost.
This footer rebuilds at most once per :data:`SETTLE` seconds, whatever the
number of changes meanwhile, and skips the rebuild when the keys it would show
are the ones it shows.

Its first cell names the focused element ("Speed · slider"), so the focus
can be found without colour; a focus move updates that cell alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer, Static

from termlit.tui.widgets._base import element_view_of

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

__all__ = ["SETTLE", "KeyFooter", "focus_name"]

#: Seconds from a change of the bindings to the rebuild that shows it (and
#: every other change made meanwhile).
SETTLE = 0.04


#: The longest name the footer gives the focused element, in cells.
NAME_WIDTH = 26  # the cell is 28 wide: a focus move repaints it alone, with no relayout


def focus_name(widget: Widget | None) -> str:
    """What the footer calls the focused widget: its element's label and
    kind ("Speed · slider"), else the widget's own name; "" for none."""
    view = element_view_of(widget)
    if view is not None and getattr(view, "element", None) is not None:
        element = view.element
        label = element.props.get("label")
        kind = element.kind.replace("_", " ")
        if not isinstance(label, str) or not label.strip():
            return kind
        label = " ".join(label.split())
        room = max(NAME_WIDTH - len(kind) - 3, 8)  # the kind always shows; a long label is cut
        return f"{label if len(label) <= room else label[: room - 1] + '…'} · {kind}"
    text = " ".join(((widget.name or "") if widget is not None else "").split())
    return text if len(text) <= NAME_WIDTH else text[: NAME_WIDTH - 1] + "…"


class FocusName(Static):
    """The footer's first cell: the focused element's name."""

    DEFAULT_CSS = """
    FocusName { width: 28; height: 1; padding: 0 1; text-style: bold; }
    FocusName.-empty { display: none; }
    """


class KeyFooter(Footer):
    """A footer that rebuilds once per burst of focus moves, and only on
    change, and names the focused element."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._settle_timer: Timer | None = None
        self._shown: tuple | None = None
        self._name = ""
        self._name_cell: FocusName | None = None
        self._name_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._name_cell = FocusName(self._name, classes="" if self._name else "-empty")
        yield self._name_cell
        yield from super().compose()
        self.styles.grid_size_columns = (self.styles.grid_size_columns or 0) + 1

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_moved)

    def _focus_moved(self, focused: Widget | None) -> None:
        """The focus moved: name it once the burst of moves settles (at
        most once per :data:`SETTLE`, as the keys)."""
        if self._name_timer is None:
            self._name_timer = self.set_timer(SETTLE, self._show_name)

    def _show_name(self) -> None:
        self._name_timer = None
        name = focus_name(self.screen.focused) if self.is_attached else ""
        cell = self._name_cell
        if cell is None or not cell.is_attached:  # being rebuilt: the new cell shows it
            self._name = name
            return
        if name == self._name:
            return
        self._name = name
        cell.update(name, layout=False)  # a cell of fixed width: no relayout
        cell.set_class(not name, "-empty")

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if self._settle_timer is None:  # one rebuild serves every change until it runs
            self._settle_timer = self.set_timer(SETTLE, self._settled)

    def _shown_keys(self) -> tuple:
        """What the footer would show: the keys, their texts and whether each is enabled."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    async def _settled(self) -> None:
        self._settle_timer = None
        if not self.is_attached:
            return
        shown = self._shown_keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
