"""Spinners: a spinning line while a slow block (or a cache miss) runs."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["SpinnerView"]

FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class SpinnerView(ElementView, Static):
    DEFAULT_CSS = """
    SpinnerView { height: auto; color: $accent; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        self._frame = 0
        super().__init__(self._text())

    def _text(self) -> Text:
        body = self.element.props.get("text") or "Running…"
        return Text(f"{FRAMES[self._frame % len(FRAMES)]} {body}")

    def on_mount(self) -> None:
        if not getattr(self.app, "still", False):
            self.set_interval(0.1, self._spin)

    def _spin(self) -> None:
        self._frame += 1
        self.update(self._text())

    def apply_props(self, props: dict[str, Any]) -> None:
        self.update(self._text())
