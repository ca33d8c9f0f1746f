"""``st.table``: a static table of every row, up to a cap."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._cells import MAX_CELL, format_cells

__all__ = ["TableView"]


def render_table(props: dict[str, Any]) -> RenderableType:
    """A rich Table of the first ``row_cap`` rows, and a note for the rest."""
    frame = props["data"]
    cap = int(props.get("row_cap", 200))
    head = frame.iloc[:cap]
    table = Table(show_edge=True, pad_edge=True, header_style="bold", expand=False, show_lines=False)
    columns = list(props.get("columns", range(frame.shape[1])))
    labels = list(props.get("labels", [str(c) for c in frame.columns]))
    show_index = props.get("show_index", True)
    body: list[list[Text]] = []
    if show_index:
        table.add_column(props.get("index_label", ""), style="dim", no_wrap=True)
        body.append([Text(str(v)) for v in head.index])
    for position, label in zip(columns, labels):
        texts, missing, numeric = format_cells(head.iloc[:, position])
        table.add_column(label, justify="right" if numeric else "left", overflow="ellipsis", max_width=MAX_CELL * 2)
        body.append([Text(t, style="dim italic" if m else "") for t, m in zip(texts, missing)])
    for row in zip(*body):
        table.add_row(*row)
    total = int(props.get("total_rows", len(frame)))
    if total > cap:
        note = Text(
            f"Showing the first {cap:,} of {total:,} rows: st.table draws every row, "
            "so use st.dataframe for large data.",
            style="dim italic",
        )
        return Group(table, note)
    return table


class TableView(ElementView, Static):
    """``st.table``: all rows drawn at once (capped), nothing to scroll inside."""

    DEFAULT_CSS = """
    TableView { height: auto; width: auto; max-width: 100%; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__(render_table(element.props))

    def apply_props(self, props: dict[str, Any]) -> None:
        self.update(render_table(props))
