"""AppTest's views of data elements: dataframes (with row selection),
tables, charts and the data editor (with cell edits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termlit.common.frames import EMPTY_EDITS, apply_edits, edits_state, mode_of, selection_state
from termlit.elements.column_config import ButtonColumnClickState, button_label
from termlit.testing.nodes import Node, Widget

__all__ = ["Chart", "DataEditor", "Dataframe", "Table"]


class Dataframe(Widget):
    """``st.dataframe``: ``.value`` is the data; with ``on_select`` also a widget
    whose ``.selection`` holds the selected rows. ``at.dataframe`` lists data
    editors too (their ``editing_mode`` is not "read_only"), as in Streamlit."""

    @property
    def value(self) -> Any:
        """The data; a lazy source's rows are loaded here, on access."""
        source = self._element.props.get("source")
        return source.to_pandas() if source is not None else self._element.props["data"]

    @property
    def source(self) -> Any:
        """The lazy source the table pages from (None for in-memory data)."""
        return self._element.props.get("source")

    def __repr__(self) -> str:
        source = self.source
        if source is None:
            return super().__repr__()
        return f"{type(self).__name__}(type={self.type!r}, source={source!r})"  # not loaded to be shown

    @property
    def editing_mode(self) -> str:
        """"read_only" for st.dataframe; a data editor's ``num_rows``."""
        return "read_only"

    @property
    def label(self) -> str:
        return self._element.props.get("label", "")

    @property
    def columns(self) -> list[str]:
        """The column labels shown, in order (hidden columns left out)."""
        return list(self._element.props["labels"])

    @property
    def selection(self) -> Any:
        return selection_state(self._at._inputs.get(self.id, None)).selection

    def click_button(self, column: str, row: int) -> Dataframe:
        """Click the button in ``row`` (a position in the data) of the button
        column labelled ``column`` for the next run, as Enter on its cell does."""
        props = self._element.props
        labels = list(props["labels"])
        if column not in labels:
            raise ValueError(f"no column {column!r} is shown (columns: {', '.join(labels)})")
        display_col = labels.index(column)
        wid = (props.get("buttons") or {}).get(display_col)
        if wid is None:
            raise ValueError(f"column {column!r} is not a ButtonColumn with a key: its buttons cannot be clicked")
        if not 0 <= row < len(props["data"]):
            raise ValueError(f"row {row} is not a row of the data (0..{len(props['data']) - 1})")
        label = button_label(props["data"].iat[row, props["columns"][display_col]])
        self._at._inputs.set(wid, ButtonColumnClickState(row=row, label=label))
        return self

    def _mode(self, kind: str) -> str:
        modes = self._element.props.get("selection_mode")
        if not modes:
            raise ValueError("this dataframe has no on_select: nothing in it can be selected")
        mode = mode_of(modes, kind)
        if mode is None:
            raise ValueError(f"this dataframe's selection_mode {modes!r} does not select {kind}s")
        return mode

    def _select(self, **part: list[Any]) -> Dataframe:
        current = self.selection
        value = {"selection": {"rows": list(current.rows), "columns": list(current.columns),
                               "cells": [list(c) for c in current.cells], **part}}
        source = self._element.props.get("source")
        if source is not None:
            from termlit.elements.selection import lazy_selection  # lazy: only a lazy table needs its keys read

            value = lazy_selection(source, value)
        self.set_value(value)
        return self

    def select_rows(self, rows: Sequence[int]) -> Dataframe:
        """Select rows (positions in the data) for the next run, as Space does
        (on a lazy table: positions in its unsorted order, with the rows'
        ``row_keys`` read from the source when it has a primary key)."""
        mode = self._mode("row")
        rows = sorted({int(r) for r in rows})
        if mode != "multi-row" and len(rows) > 1:
            raise ValueError(f"a {mode} selection takes one row")
        if mode == "single-row-required" and not rows:
            raise ValueError("a single-row-required selection always holds one row")
        return self._select(rows=rows)

    def select_columns(self, columns: Sequence[str]) -> Dataframe:
        """Select columns (names in the data) for the next run, as ``c`` does."""
        mode = self._mode("column")
        names = self._known_columns(list(dict.fromkeys(str(c) for c in columns)))
        if mode == "single-column" and len(names) > 1:
            raise ValueError("a single-column selection takes one column")
        return self._select(columns=names)

    def select_cells(self, cells: Sequence[tuple[int, str]]) -> Dataframe:
        """Select cells ((row position, column name) pairs) for the next run,
        as ``x`` and Shift+arrows do."""
        self._mode("cell")
        picked = list(dict.fromkeys((int(r), str(c)) for r, c in cells))
        if "multi-cell" not in self._element.props["selection_mode"] and len(picked) > 1:
            raise ValueError("a single-cell selection takes one cell")
        self._known_columns([c for _, c in picked])
        return self._select(cells=[list(c) for c in picked])

    def _known_columns(self, names: list[str]) -> list[str]:
        """``names``, once each is checked to be a column of the data."""
        source = self.source
        known = [str(c) for c in (source.columns if source is not None else self._element.props["data"].columns)]
        unknown = [c for c in names if c not in known]
        if unknown:
            raise ValueError(f"no column {unknown[0]!r} in the data (columns: {', '.join(known)})")
        return names


class Table(Node):
    """``st.table``: ``.value`` is the data."""

    @property
    def value(self) -> Any:
        return self._element.props["data"]

    @property
    def columns(self) -> list[str]:
        """The column labels, in order."""
        return list(self._element.props["labels"])

    @property
    def alt(self) -> str:
        return self._element.props.get("alt") or ""


class Chart(Node):
    """A chart: ``.value`` is the data; its encodings and the series it draws."""

    @property
    def value(self) -> Any:
        return self._element.props["data"]

    @property
    def chart_type(self) -> str:
        return self._element.props["chart"]

    @property
    def alt(self) -> str:
        """The chart's description (``alt=``), "" for none."""
        return self._element.props.get("alt") or ""

    @property
    def encodings(self) -> dict[str, Any]:
        """x, y, color, size, labels, stack, horizontal: as the script gave them."""
        props = self._element.props
        names = ("x", "y", "color", "size", "x_label", "y_label", "stack", "horizontal", "width", "height")
        return {name: props[name] for name in names if name in props}

    @property
    def series(self) -> list[Any]:
        """The series drawn: each has ``name``, ``x``, ``y`` (numbers) and ``color``.
        Over a lazy source: the binned points (bars: none) of a 160 x 48 dot plot."""
        props = self._element.props
        if props.get("lazy") is not None:
            from termlit.common.lazychart import bars, binned, limits  # lazy: numpy and the engine

            plan, source = props["lazy"], props["data"]
            lim = limits(source, plan)
            return (bars(source, plan, lim, 26) if plan.chart == "bar" else binned(source, plan, lim, 160, 48)).series
        from termlit.common.chartdata import chart_data  # lazy: numpy

        return chart_data(props).series


class DataEditor(Dataframe):
    """``st.data_editor``: ``.value`` is the edited data (as the script got it);
    ``edit_cell`` / ``add_row`` / ``delete_row`` change it for the next run."""

    @property
    def editing_mode(self) -> str:
        return self._element.props.get("num_rows") or "fixed"

    @property
    def edits(self) -> dict[str, Any]:
        """``{"edited_rows": ..., "added_rows": [...], "deleted_rows": [...]}``"""
        return edits_state(self._at._inputs.get(self.id, None) or EMPTY_EDITS)

    @property
    def value(self) -> Any:
        return apply_edits(self._element.props["data"], self.edits)

    def _column(self, column: Any) -> str:
        names = [str(c) for c in self._element.props["data"].columns]
        if str(column) not in names:
            raise KeyError(f"no column {column!r} (columns: {', '.join(names)})")
        if str(column) in self._element.props.get("locked", []):
            raise ValueError(f"column {column!r} is disabled")
        return str(column)

    def edit_cell(self, row: int, column: Any, value: Any) -> DataEditor:
        """Set one cell; ``row`` counts the rows as shown (deleted rows gone,
        added rows at the end)."""
        edits = self.edits
        name = self._column(column)
        kept = [i for i in range(len(self._element.props["data"])) if i not in set(edits["deleted_rows"])]
        if row < len(kept):
            edits["edited_rows"].setdefault(kept[row], {})[name] = value
        else:
            edits["added_rows"][row - len(kept)][name] = value
        return self.set_value(edits)

    def _dynamic(self) -> None:
        if self._element.props.get("num_rows") != "dynamic":
            raise ValueError('rows can be added or deleted only with num_rows="dynamic"')

    def add_row(self, values: dict[str, Any] | None = None) -> DataEditor:
        self._dynamic()
        edits = self.edits
        edits["added_rows"].append({self._column(k): v for k, v in (values or {}).items()})
        return self.set_value(edits)

    def delete_row(self, row: int) -> DataEditor:
        self._dynamic()
        edits = self.edits
        kept = [i for i in range(len(self._element.props["data"])) if i not in set(edits["deleted_rows"])]
        if row < len(kept):
            edits["deleted_rows"] = sorted(set(edits["deleted_rows"]) | {kept[row]})
            edits["edited_rows"].pop(kept[row], None)
        else:
            edits["added_rows"].pop(row - len(kept))
        return self.set_value(edits)
