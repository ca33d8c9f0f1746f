"""``st.dataframe``: a table that draws only the rows it shows."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["DataFrameView"]

#: Rows drawn before the table says how many more there are.
PREVIEW_ROWS = 20


def _cell(value: Any) -> Text:
    if value is None:
        return Text("None", style="dim italic")
    try:
        import pandas as pd

        if pd.isna(value):
            return Text(str(value), style="dim italic")
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        return Text(f"{value:,.4g}" if abs(value) >= 1e6 or (value and abs(value) < 1e-3) else f"{value:,.4f}".rstrip("0").rstrip("."))
    return Text(str(value))


class DataFrameView(ElementView, Static):
    """Shows the first rows of a frame, reading only those rows."""

    kind = "dataframe"

    DEFAULT_CSS = """
    DataFrameView { height: auto; margin: 0 0 1 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__(self._render_frame(element.props))

    def apply_props(self, props: dict[str, Any]) -> None:
        self.update(self._render_frame(props))

    def _render_frame(self, props: dict[str, Any]):
        frame = props["data"]
        rows = frame.iloc[:PREVIEW_ROWS]
        table = Table(show_edge=False, pad_edge=False, header_style="bold", expand=False)
        show_index = not props.get("hide_index")
        if show_index:
            table.add_column("", style="dim", no_wrap=True)
        numeric = [frame[c].dtype.kind in "iufc" if hasattr(frame[c], "dtype") else False for c in frame.columns]
        for name, is_num in zip(frame.columns, numeric):
            table.add_column(str(name), justify="right" if is_num else "left", no_wrap=True, overflow="ellipsis", max_width=30)
        for index, row in zip(rows.index, rows.itertuples(index=False, name=None)):
            cells = [_cell(v) for v in row]
            table.add_row(*([Text(str(index))] if show_index else []), *cells)
        total = len(frame)
        if total > PREVIEW_ROWS:
            return Group(table, Text(f"… {total - PREVIEW_ROWS:,} more rows ({total:,} × {frame.shape[1]})", style="dim"))
        return table
