"""Containers: ``st.container``, ``st.columns`` and their columns."""

from __future__ import annotations

from typing import Any

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["ColumnView", "ColumnsView", "ContainerView"]


class ContainerView(ElementView, Vertical):
    """``st.container``: a group, with a border when asked; ``height=`` scrolls."""

    DEFAULT_CSS = """
    ContainerView { height: auto; }
    ContainerView.-border { border: round $foreground 30%; padding: 0 1; }
    ContainerView > VerticalScroll { height: auto; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        height = element.props.get("height")
        self._scroll = VerticalScroll(*children) if height else None
        super().__init__(*( [self._scroll] if self._scroll else children))
        self.apply_props(element.props)

    @property
    def child_host(self) -> Widget:
        return self._scroll if self._scroll is not None else self

    def apply_props(self, props: dict[str, Any]) -> None:
        self.set_class(bool(props.get("border")), "-border")
        if self._scroll is not None and props.get("height"):
            self._scroll.styles.height = props["height"]


#: A column narrower than this many cells makes the columns stack.
MIN_COLUMN_WIDTH = 16


class ColumnsView(ElementView, Horizontal):
    """``st.columns``: side-by-side columns sized by their weights; on a
    terminal too narrow for them they stack, one under the other."""

    DEFAULT_CSS = """
    ColumnsView { height: auto; }
    ColumnsView.-stacked { layout: vertical; }
    ColumnsView.-gap-small > ColumnView { margin-right: 1; }
    ColumnsView.-gap-medium > ColumnView { margin-right: 2; }
    ColumnsView.-gap-large > ColumnView { margin-right: 4; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)
        self.apply_props(element.props)

    def apply_props(self, props: dict[str, Any]) -> None:
        for gap in ("small", "medium", "large"):
            self.set_class(props.get("gap") == gap, f"-gap-{gap}")

    def on_resize(self) -> None:
        weights = self.element.props.get("weights") or [1]
        narrowest = self.size.width * min(weights) / sum(weights)
        stacked = narrowest < MIN_COLUMN_WIDTH
        if stacked != self.has_class("-stacked"):
            self.set_class(stacked, "-stacked")
            for column in self.children:
                if isinstance(column, ColumnView):
                    column.stack(stacked)


class ColumnView(ElementView, Vertical):
    """One column of ``st.columns``."""

    DEFAULT_CSS = """
    ColumnView { height: auto; width: 1fr; }
    ColumnView.-border { border: round $foreground 30%; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)
        self.apply_props(element.props)

    _stacked = False

    def apply_props(self, props: dict[str, Any]) -> None:
        self.styles.width = "1fr" if self._stacked else f"{props['weight'] * 100:.3f}fr"
        self.set_class(bool(props.get("border")), "-border")

    def stack(self, stacked: bool) -> None:
        self._stacked = stacked
        self.apply_props(self.element.props)
