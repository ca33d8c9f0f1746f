"""``st.data_editor``: the dataframe view, with cells you can change."""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from textual.binding import Binding

from termlit.common.frames import apply_edits, cast_cell, edits_state
from termlit.runtime.tree import Element
from termlit.tui.widgets._dataframe import DataFrameView

__all__ = ["DataEditorView"]


class DataEditorView(DataFrameView):
    """An editable table. Keys as in ``st.dataframe``, and:

    | Key | Action |
    | --- | --- |
    | Enter | edit the cell (Enter keeps the new value, Esc drops it) |
    | a | add a row (``num_rows="dynamic"``) |
    | d / Delete | delete the row (``num_rows="dynamic"``) |
    | v | show the row in full |
    """

    BINDINGS: ClassVar = [
        Binding("enter", "edit_cell", "Edit", tooltip="edit the cell (Enter keeps it, Esc drops it)"),
        Binding("a", "add_row", "Add row", tooltip="add a row (num_rows=\"dynamic\")"),
        Binding("d,delete", "delete_row", "Delete row", tooltip="delete the row (num_rows=\"dynamic\")"),
        Binding("v", "open_row", "Row", show=False, tooltip="show the row in full"),
    ]

    def __init__(self, element: Element) -> None:
        self.original: Any = None
        self._edits: dict[str, Any] | None = None
        super().__init__(element)

    def frame_of(self, props: dict[str, Any]) -> Any:
        edits = edits_state(props.get("value") or {})
        if props["data"] is self.original and edits == self._edits:
            return self.frame  # the run echoed the edits on screen
        self.original, self._edits = props["data"], edits
        return apply_edits(self.original, edits)

    def _origin(self, display_row: int) -> tuple[str, int]:
        """("row", original position) or ("added", index into added_rows)."""
        position = self.position(display_row)
        kept = len(self.original) - len(self._edits["deleted_rows"])
        if position >= kept:
            return "added", position - kept
        deleted = self._edits["deleted_rows"]
        original = position
        for gone in deleted:  # sorted: shift past each deleted row before us
            if gone <= original:
                original += 1
        return "row", original

    def _commit(self, edits: dict[str, Any]) -> None:
        self._set_props({**self.element.props, "value": edits})
        self.send(edits)

    def action_edit_cell(self) -> None:
        if self.element.props.get("disabled") or not self.rows or not self.columns:
            return
        if self._click(self.position(self.cursor_row)):
            return  # a button column's cell: Enter clicks it
        name = str(self.frame.columns[self.columns[self.cursor_col]])
        if name in self.element.props.get("locked", []):
            self.note = f"{self.labels[self.cursor_col]} is read-only"
            self._dirty()
            return
        text = self.cell_text(self.cursor_row, self.cursor_col)
        self.typing = "edit"
        self.typed = "" if text in ("NaN", "None", "NaT", "<NA>") else text
        self._dirty()

    def finish_typing(self, typing: str, text: str) -> None:
        if typing != "edit":
            super().finish_typing(typing, text)
            return
        column = self.frame.columns[self.columns[self.cursor_col]]
        dtype = self.original[column].dtype
        value: Any = text
        if text.strip() == "":
            value = None
        else:
            try:
                value = cast_cell(text, dtype)
            except (TypeError, ValueError):
                self.note = f"“{text}” is not a valid {dtype} value"
                self._dirty()
                return
            if hasattr(value, "isoformat"):
                value = value.isoformat()
        edits = copy.deepcopy(self._edits)
        where, at = self._origin(self.cursor_row)
        if where == "added":
            edits["added_rows"][at][str(column)] = value
        else:
            edits["edited_rows"].setdefault(at, {})[str(column)] = value
        self._commit(edits)

    def _dynamic(self) -> bool:
        if self.element.props.get("num_rows") != "dynamic" or self.element.props.get("disabled"):
            self.note = "rows can be added and deleted only with num_rows=\"dynamic\""
            self._dirty()
            return False
        return True

    def action_add_row(self) -> None:
        if not self._dynamic():
            return
        edits = copy.deepcopy(self._edits)
        edits["added_rows"].append({})
        self._commit(edits)
        self.cursor_row = self.rows - 1
        self._moved()

    def action_delete_row(self) -> None:
        if not self._dynamic() or not self.rows:
            return
        edits = copy.deepcopy(self._edits)
        where, at = self._origin(self.cursor_row)
        if where == "added":
            edits["added_rows"].pop(at)
        else:
            edits["deleted_rows"] = sorted(set(edits["deleted_rows"]) | {at})
            edits["edited_rows"].pop(at, None)
        self._commit(edits)
