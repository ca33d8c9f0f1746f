"""Cell text for tables: a few values of one column at a time, never the whole
frame. Shared by ``st.dataframe`` / ``st.data_editor`` (the window in view)
and ``st.table`` (every row, up to a cap).

Formats are the ``format`` of Streamlit's column config: printf (``"%.2f"``)
or a named number format (``"percent"``, ``"dollar"``...) for numbers, and
for dates and times a moment.js-style string (``"D MMM YYYY, h:mm a"``,
written as :func:`~termlit.common.timefmt.format_moment` writes it for the
date widgets), a strftime string (``"%d %b"``) or ``"iso8601"``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from rich.cells import cell_len, set_cell_size

from termlit.common.timefmt import format_moment

__all__ = ["MAX_CELL", "MISSING", "fit", "format_cells", "missing_kind"]

#: Cells wider than this are cut with an ellipsis (unless column_config says).
MAX_CELL = 30

#: What a missing value looks like, by kind.
MISSING = {"nan": "NaN", "none": "None", "nat": "NaT", "na": "<NA>"}

#: Named date formats that are not patterns.
_NAMED_DATES = ("localized", "distance", "calendar")


def missing_kind(value: Any) -> str | None:
    """"nan", "none", "nat" or "na" for a missing value; None for a value."""
    if value is None:
        return "none"
    if isinstance(value, float) and value != value:
        return "nan"
    name = type(value).__name__
    if name == "NaTType":
        return "nat"
    if name == "NAType":
        return "na"
    if isinstance(value, np.floating) and np.isnan(value):
        return "nan"
    if isinstance(value, np.datetime64) and np.isnat(value):
        return "nat"
    return None


def _moment(value: Any, fmt: str | None) -> str:
    if not fmt or fmt in _NAMED_DATES:
        return str(value)
    if fmt == "iso8601":
        return value.isoformat()
    if "%" in fmt:
        return value.strftime(fmt)
    return format_moment(value, fmt)


def _number(value: Any, fmt: str | None, is_int: bool) -> str:
    if fmt:
        if fmt == "plain":
            return str(value)
        if fmt == "localized":
            return f"{value:,}" if is_int else f"{value:,.4f}"
        if fmt == "percent":
            return f"{value * 100:.2f}%"
        if fmt == "dollar":
            return f"${value:,.2f}"
        if fmt == "euro":
            return f"€{value:,.2f}"
        if fmt == "scientific":
            return f"{value:.3e}"
        if fmt == "compact":
            for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
                if abs(value) >= limit:
                    return f"{value / limit:.1f}{suffix}"
            return f"{value:g}"
        try:
            return fmt % value
        except (TypeError, ValueError):
            pass
    if is_int:
        return str(int(value))
    magnitude = abs(value)
    if magnitude >= 1e15 or (magnitude and magnitude < 1e-4):
        return f"{value:.4e}"
    return f"{value:.4f}"


def format_cells(values: Any, fmt: str | None = None) -> tuple[list[str], list[bool], bool]:
    """Text for a few values of one column: (texts, missing flags, numeric?)."""
    array = values.to_numpy() if hasattr(values, "to_numpy") else np.asarray(values)
    dtype = getattr(values, "dtype", array.dtype)
    kind = getattr(dtype, "kind", "O")
    texts: list[str] = []
    missing: list[bool] = []
    if kind == "M" or str(dtype).startswith("datetime64"):
        for value in values if not isinstance(values, np.ndarray) else pd.Series(values):
            gone = value is pd.NaT or missing_kind(value) is not None
            texts.append("NaT" if gone else _moment(value, fmt))
            missing.append(gone)
        return texts, missing, False
    for value in array.tolist() if kind in "iufb" else array:
        gone = missing_kind(value)
        if gone is not None:
            texts.append(MISSING[gone])
            missing.append(True)
            continue
        missing.append(False)
        if isinstance(value, bool) or kind == "b":
            texts.append("true" if value else "false")
        elif isinstance(value, (int, float)):
            texts.append(_number(value, fmt, isinstance(value, int)))
        elif fmt and hasattr(value, "strftime"):  # dates and times in an object column
            texts.append(_moment(value, fmt))
        else:
            text = str(value)
            if "\n" in text or "\t" in text:
                text = text.replace("\n", "↵").replace("\t", " ")
            texts.append(text)
    return texts, missing, kind in "iuf"


def fit(text: str, width: int, right: bool) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    size = cell_len(text)
    if size > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    pad = " " * (width - size)
    return pad + text if right else text + pad
