"""Textual widgets with the guards termlit needs against their edge cases.

``OptionList._move_page`` (PgUp/PgDn) reads the option's line from a cache
that is only filled once the list has a size: a key that reaches a list
before it is laid out (a selectbox's drop-down opened and paged in the same
frame) raised ``KeyError`` and ended the app (Textual 8.2). The lists here
page by a fixed number of options (:data:`UNLAID_PAGE`) until they are laid
out; so does termlit's own :class:`~termlit.tui.widgets._lazy_options.LazyRows`.

A modal screen dismissed twice popped the screen under it (or raised
``ScreenStackError``); :class:`SafeModalScreen` closes once, and F1 shows
the keys that work in it (Textual stops a modal screen's keys at the
screen: the app's F1 never reached it).

A key travels in the queue of the widget it was sent to: in a burst, a
letter queued on a selectbox could be handled after Enter on a table had
opened the row over the page, and open the selectbox's list over the row.
:func:`open_window` opens a widget's window only while the widget's screen
is the one shown.
"""

from __future__ import annotations

from typing import Any, Callable, ClassVar

from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import OptionList

from termlit.tui.footer import KeyFooter

__all__ = ["SafeModalScreen", "SafeOptionList", "guard_paging", "open_window"]

#: How far PgUp/PgDn move in a list that has no height yet.
UNLAID_PAGE = 10


def _move_page(widget: OptionList, direction: int) -> bool:
    """Page ``widget`` by options when it cannot page by lines; True when done."""
    count = widget.option_count
    if not count:
        return True
    if widget.highlighted is None:
        return False  # Textual's own action goes to the first/last option
    highlighted = widget.highlighted
    region = widget.scrollable_content_region
    if region.height > 0 and highlighted in widget._index_to_line:
        return False
    target = min(max(highlighted + direction * UNLAID_PAGE, 0), count - 1)
    step = 1 if direction > 0 else -1
    probe = target
    while 0 <= probe < count and widget.get_option_at_index(probe).disabled:
        probe += step
    if 0 <= probe < count:
        widget.highlighted = probe
    return True


def guard_paging(widget: OptionList) -> None:
    """Give ``widget`` (an OptionList) PgUp/PgDn that work before it is
    laid out, through its public page actions."""
    for direction, name in ((1, "action_page_down"), (-1, "action_page_up")):
        action = getattr(widget, name)

        def page(action=action, direction=direction) -> None:
            if not _move_page(widget, direction):
                action()

        setattr(widget, name, page)


class SafeOptionList(OptionList):
    """An OptionList whose PgUp/PgDn work before it is laid out."""

    def on_mount(self) -> None:
        guard_paging(self)


class SafeModalScreen(ModalScreen[ScreenResultType]):
    """A modal screen that closes once: a second dismissal (Enter pressed
    twice quickly, a key queued behind the one that closed it) is ignored,
    where Textual would pop the screen under it, or raise ``ScreenStackError``
    when none is left. F1 opens the key help over it, and its own footer
    (over the page's) lists the keys that work in it and names its focus."""

    BINDINGS = [Binding("f1", "app.key_help", "Keys", tooltip="the keys that work here")]

    #: False for a window that takes every row and says its keys itself.
    key_footer: ClassVar[bool] = True

    def on_mount(self) -> None:
        if self.key_footer:
            self.mount(KeyFooter())

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        if not self.is_attached or self.app.screen is not self:
            return AwaitComplete()
        return super().dismiss(result)


def open_window(widget: Any, window: SafeModalScreen[Any], callback: Callable[[Any], None] | None = None) -> bool:
    """Open ``window`` (a modal screen) for ``widget``, with ``callback``
    given its result; False, and nothing opened, when ``widget``'s screen is
    covered by another window (the key that asked was queued before that
    window opened: it belonged to the page, not to the window now on top)."""
    app = widget.app
    if not widget.is_attached or widget.screen is not app.screen:
        return False
    app.push_screen(window, callback)
    return True
