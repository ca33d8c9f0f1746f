"""``st.data_editor``: an editable table. The element carries the user's
frame and, as its value, the edits (``{"edited_rows", "added_rows",
"deleted_rows"}``); the call returns the frame with the edits applied, in the
type the user passed in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termlit.common.frames import EMPTY_EDITS, apply_edits, edits_state
from termlit.elements._dg import api
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs, widget
from termlit.elements.data import button_clicks, frame_props, to_dataframe
from termlit.errors import StreamlitAPIException

__all__ = ["data_editor"]


def _return_like(original: Any, edited: Any) -> Any:
    """The edited frame in the type the user passed in, where that is cheap."""
    import pandas as pd

    if isinstance(original, pd.DataFrame) or original is None:
        return edited
    if isinstance(original, pd.Series):
        return edited.iloc[:, 0]
    module = type(original).__module__ or ""
    if module.startswith("numpy"):
        values = edited.to_numpy()
        return values if original.ndim > 1 else values[:, 0]
    if isinstance(original, list):
        if original and isinstance(original[0], dict):
            return edited.to_dict("records")
        if edited.shape[1] == 1:
            return edited.iloc[:, 0].tolist()
        return edited.to_numpy().tolist()
    if isinstance(original, dict):
        return {k: list(v) for k, v in edited.to_dict("list").items()}
    if module.startswith("pyarrow"):
        import pyarrow as pa

        return pa.Table.from_pandas(edited, preserve_index=False)
    if module.startswith("polars"):
        import polars as pl

        return pl.from_pandas(edited)
    return edited


@api
def data_editor(
    data: Any, width: Any = None, height: Any = None, *, use_container_width: bool | None = None,
    hide_index: bool | None = None, column_order: Any = None, column_config: Any = None, num_rows: str = "fixed",
    disabled: bool | Sequence[str] = False, key: Key | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    row_height: int | None = None, placeholder: str | None = None, alt: str | None = None,
) -> Any:
    """An editable table: Enter edits a cell; with ``num_rows="dynamic"`` ``a``
    adds a row and ``d`` deletes one. Returns the edited data (the edits live in
    session state, as ``{"edited_rows", "added_rows", "deleted_rows"}``).
    ``placeholder`` is the text of missing values, ``alt`` a short name of
    the table (on its status line)."""
    if num_rows not in ("fixed", "dynamic"):
        raise StreamlitAPIException(f"num_rows must be 'fixed' or 'dynamic'; got {num_rows!r}.")
    frame = to_dataframe(data)
    if isinstance(disabled, bool):
        locked = [str(c) for c in frame.columns] if disabled else []
    else:
        locked = [str(c) for c in disabled]
    for name, value in dict(column_config or {}).items():
        if isinstance(value, dict) and value.get("disabled"):
            locked.append(str(name))
    # The element carries the original frame and (as its value) the edits; the
    # viewer shows the two combined and turns a cell edit into a new edits dict.
    common = WidgetArgs("data_editor", "", key=key, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled is True, label_visibility="collapsed")
    props = frame_props(
        frame, width=width, height=height, use_container_width=use_container_width, hide_index=hide_index,
        column_order=column_order, column_config=column_config, placeholder=placeholder, alt=alt,
        where="st.data_editor",
    )
    button_clicks(props, "st.data_editor")
    edits = widget(
        common,
        default=edits_state(EMPTY_EDITS),
        props={**props, "num_rows": num_rows, "locked": locked},
        params={"columns": [str(c) for c in frame.columns], "rows": len(frame), "num_rows": num_rows},
        coerce=edits_state,
    )
    edited = apply_edits(frame, edits)
    return _return_like(data, edited)
