"""Data elements: ``st.dataframe``.

The element keeps a reference to the user's data (no copy, no strings); the
viewer draws only the rows in view.
"""

from __future__ import annotations

from typing import Any

from termlit.elements._dg import DeltaGenerator, api, emit

__all__ = ["dataframe", "to_dataframe"]


def to_dataframe(data: Any) -> Any:
    """A pandas DataFrame view of the data Streamlit accepts (no copy when the
    data already is one)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index)):
        return data.to_frame()
    module = type(data).__module__ or ""
    if module.startswith("pandas") and type(data).__name__ == "Styler":
        return data.data
    if module.startswith("pyarrow"):
        return data.to_pandas()
    if module.startswith("polars"):
        return data.to_pandas()
    if module.startswith("numpy"):
        return pd.DataFrame(data if data.ndim > 1 else data.reshape(-1, 1))
    if isinstance(data, dict):
        try:
            return pd.DataFrame(data)
        except ValueError:
            return pd.DataFrame({"key": list(data.keys()), "value": list(data.values())})
    return pd.DataFrame(data)


@api
def dataframe(
    data: Any = None,
    width: Any = None,
    height: int | None = None,
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Any = None,
    column_config: Any = None,
    key: str | None = None,
    on_select: str = "ignore",
    selection_mode: str = "multi-row",
    row_height: int | None = None,
) -> DeltaGenerator:
    """Show a table of ``data`` (DataFrame, Series, array, list, dict...)."""
    frame = to_dataframe(data)
    return emit(
        "dataframe",
        {"data": frame, "height": height, "hide_index": bool(hide_index), "column_order": column_order},
    )[1]
