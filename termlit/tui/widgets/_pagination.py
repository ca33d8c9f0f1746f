"""``st.pagination``: ``‹ 1 … 4 [5] 6 … 10 ›`` on one row."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.events import Click, Key
from textual.widgets import Static

from termlit.elements.widgets.menus import visible_pages
from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["PaginationView", "pages_text"]


def pages_text(page: int, num_pages: int, max_visible: int | None, *, focused: bool = False) -> Text:
    """The row of page numbers with the current page marked."""
    text = Text("‹ ", style="bold" if page > 1 else "dim")
    for n in visible_pages(page, num_pages, max_visible):
        if n is None:
            text.append("… ", style="dim")
        elif n == page:
            text.append(f"[{n}]", style="bold reverse" if focused else "bold")
            text.append(" ")
        else:
            text.append(f"{n} ")
    if max_visible == 0:
        text.append(f"{page}/{num_pages} ", style="bold")
    text.append("›", style="bold" if page < num_pages else "dim")
    return text


class PaginationView(ElementView, Static, can_focus=True):
    """Page numbers.

    | Key | Action |
    | --- | --- |
    | ← / → | the previous / next page |
    | Home / End | the first / last page |
    | 1-9 | that page |
    """

    BINDINGS = [
        Binding("left", "move(-1)", "Previous", tooltip="the previous page"),
        Binding("right", "move(1)", "Next", tooltip="the next page"),
        Binding("home", "go(1)", "First", show=False, tooltip="the first page"),
        Binding("end", "go(0)", "Last", show=False, tooltip="the last page"),
    ]

    DEFAULT_CSS = """
    PaginationView { width: auto; height: 1; margin: 0 0 1 0; }
    PaginationView:focus { text-style: none; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        self.current = int(element.props["value"])
        super().__init__("", markup=False)
        self.update(self._text())

    def _text(self) -> Text:
        props = self.element.props
        return pages_text(self.current, props["num_pages"], props["max_visible_pages"], focused=self.has_focus)

    def apply_props(self, props: dict[str, Any]) -> None:
        self.current = int(props["value"])
        self.update(self._text())

    def on_focus(self) -> None:
        self.update(self._text())

    def on_blur(self) -> None:
        self.update(self._text())

    def _set(self, page: int) -> None:
        props = self.element.props
        page = max(1, min(props["num_pages"], page))
        if props.get("disabled") or page == self.current:
            return
        self.current = page
        self.update(self._text())
        self.send(page)

    def action_move(self, step: int) -> None:
        self._set(self.current + step)

    def action_go(self, page: int) -> None:
        self._set(page or self.element.props["num_pages"])

    def on_key(self, event: Key) -> None:
        if event.character and event.character.isdigit() and event.character != "0":
            event.stop()
            self._set(int(event.character))

    def on_click(self, event: Click) -> None:
        plain = self._text().plain
        x = event.x
        if x < 2:
            self._set(self.current - 1)
        elif x >= len(plain) - 1:
            self._set(self.current + 1)
        else:
            start = plain.rfind(" ", 0, x) + 1
            end = plain.find(" ", x)
            word = plain[start:end if end >= 0 else None].strip("[]")
            if word.isdigit():
                self._set(int(word))
