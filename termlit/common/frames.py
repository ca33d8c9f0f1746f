"""A dataframe's selection and a data editor's edits: the values these two
widgets keep in session state, and the edited frame they give back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "EMPTY_EDITS", "SELECTION_KINDS", "DataframeState", "apply_edits", "cast_cell", "edits_state", "mode_of", "plain",
    "row_keys", "selection_state",
]

#: A dataframe's selection modes, by what they select (Streamlit's names).
SELECTION_KINDS = {
    "single-row": "row", "single-row-required": "row", "multi-row": "row",
    "single-column": "column", "multi-column": "column",
    "single-cell": "cell", "multi-cell": "cell",
}


def mode_of(modes: Sequence[str] | None, kind: str) -> str | None:
    """The mode of ``modes`` that selects ``kind`` ("row", "column" or "cell"), if any."""
    return next((m for m in modes or () if SELECTION_KINDS.get(m) == kind), None)


class DataframeState(dict):
    """A dataframe's selection, read as ``event.selection.rows`` or
    ``event["selection"]["rows"]`` (as in Streamlit)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def selection_state(value: Any) -> DataframeState:
    selection = (value or {}).get("selection", {}) if isinstance(value, dict) else {}
    rows = [int(r) for r in selection.get("rows", [])]
    columns = [str(c) for c in selection.get("columns", [])]
    cells = [(int(c[0]), str(c[1])) for c in selection.get("cells", []) or []]
    state = DataframeState(rows=rows, columns=columns, cells=cells)
    keys = selection.get("row_keys")  # a lazy table's rows, by their primary key
    if isinstance(keys, list) and len(keys) == len(rows) and all(isinstance(k, dict) for k in keys):
        state["row_keys"] = [dict(k) for k in keys]
    return DataframeState(selection=state)


def plain(value: Any) -> Any:
    """A cell value as plain Python (a key value in a selection): numpy
    scalars as Python numbers, missing values as None."""
    if hasattr(value, "item") and type(value).__module__ == "numpy":
        value = value.item()
    try:
        import pandas as pd

        if value is not None and not isinstance(value, (list, dict)) and pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def row_keys(frame: Any, position: int, primary_key: Sequence[str]) -> dict[str, Any]:
    """The key values of the row at ``position`` of ``frame``."""
    return {name: plain(frame[name].iloc[position]) for name in primary_key}


EMPTY_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def edits_state(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("edits must be a dict")
    return {
        "edited_rows": {int(r): dict(cells) for r, cells in (value.get("edited_rows") or {}).items()},
        "added_rows": [dict(row) for row in value.get("added_rows") or []],
        "deleted_rows": sorted({int(r) for r in value.get("deleted_rows") or []}),
    }


def cast_cell(value: Any, dtype: Any) -> Any:
    import pandas as pd

    if value is None:
        return None
    kind = getattr(dtype, "kind", "O")
    if kind == "b":
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "y", "on", "✓")
        return bool(value)
    if kind in "iu":
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "f":
        return float(value)
    if kind == "M":
        return pd.Timestamp(value)
    return value


def apply_edits(frame: Any, edits: dict[str, Any]) -> Any:
    """``frame`` with a data editor's edits applied (a copy; ``frame`` is untouched)."""
    import pandas as pd

    if not edits["edited_rows"] and not edits["added_rows"] and not edits["deleted_rows"]:
        return frame.copy()
    result = frame.copy()
    columns = list(result.columns)
    by_name = {str(c): c for c in columns}
    for row, cells in edits["edited_rows"].items():
        if not 0 <= row < len(result):
            continue
        for name, value in cells.items():
            column = by_name.get(str(name))
            if column is None:
                continue
            position = columns.index(column)
            value = cast_cell(value, result.dtypes.iloc[position])
            try:
                result.iat[row, position] = value
            except (TypeError, ValueError):
                result[column] = result[column].astype(object)
                result.iat[row, position] = value
    if edits["deleted_rows"]:
        keep = [i for i in range(len(result)) if i not in set(edits["deleted_rows"])]
        result = result.iloc[keep]
    if edits["added_rows"]:
        added = pd.DataFrame(
            [{by_name.get(str(k), k): v for k, v in row.items()} for row in edits["added_rows"]],
            columns=columns,
        )
        for column in columns:
            dtype = frame[column].dtype
            try:
                added[column] = added[column].map(lambda v, d=dtype: cast_cell(v, d)).astype(dtype)
            except (TypeError, ValueError):
                pass
        if isinstance(frame.index, pd.RangeIndex) and frame.index.equals(pd.RangeIndex(len(frame))):
            added.index = pd.RangeIndex(len(frame), len(frame) + len(added))
        result = pd.concat([result, added])
    return result
