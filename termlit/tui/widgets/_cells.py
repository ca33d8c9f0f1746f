"""Cell text for tables: a few values of one column at a time, never the whole
frame. Shared by ``st.dataframe`` / ``st.data_editor`` (the window in view)
and ``st.table`` (every row, up to a cap).

Formats are the ``format`` of Streamlit's column config: printf (``"%.2f"``)
or a named number format (``"percent"``, ``"dollar"``...) for numbers, and
for dates and times a moment.js-style string (``"D MMM YYYY, h:mm a"``,
written as :func:`~termlit.common.timefmt.format_moment` writes it for the
date widgets), a strftime string (``"%d %b"``) or ``"iso8601"``. A column
config's type shapes its cells (progress bars, ``[ button ]`` labels,
multiselect labels, Markdown without marks, media URLs), and its
``alignment`` where they sit (:func:`column_alignment`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
from rich.cells import cell_len, set_cell_size
from rich.color import Color, ColorParseError

from termlit.common.numfmt import format_number
from termlit.common.timefmt import format_moment

__all__ = ["MAX_CELL", "MISSING", "cell_colors", "column_alignment", "fit", "format_cells", "missing_kind"]

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
    return format_number(value, fmt, is_int)


def _format_cells(values: Any, fmt: str | None = None) -> tuple[list[str], list[bool], bool]:
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


def format_cells(values: Any, fmt: str | None = None, kind: str | None = None, options: dict[str, Any] | None = None,
                 placeholder: str | None = None) -> tuple[list[str], list[bool], bool]:
    """Text for a few values of one column: (texts, missing flags, numeric?).

    ``kind`` is the column config's type: "progress" cells are a bar and the
    number, "button" cells ``[ label ]``, "multiselect" cells their labels,
    "markdown" cells their text without marks, "audio"/"video" cells the URL
    (a data URL as its media type). ``placeholder`` is the text of every
    missing value (None: "None", "NaN", "NaT" or "<NA>" by kind)."""
    texts, missing, numeric = _format_cells(values, fmt if kind != "progress" else None)
    if kind in _SHAPERS:
        shape = _SHAPERS[kind]
        raw = values.tolist() if hasattr(values, "tolist") else list(values)
        texts = [t if gone else shape(v, fmt, options or {}) for t, v, gone in zip(texts, raw, missing)]
    if placeholder is not None:
        texts = [placeholder if gone else t for t, gone in zip(texts, missing)]
    return texts, missing, numeric


def column_alignment(alignment: str | None, kind: str | None, numeric: bool) -> str:
    """How a column's cells sit: the config's ``alignment``, else buttons
    centred, numbers (and progress bars) right, the rest left."""
    if alignment:
        return alignment
    if kind == "button":
        return "center"
    return "right" if numeric else "left"


#: Streamlit's colour names in terminal colours (a ``#hex`` passes as it is).
_COLOURS = {"red": "red", "orange": "dark_orange", "yellow": "yellow", "green": "green", "blue": "blue",
            "violet": "magenta", "gray": "grey50", "grey": "grey50", "primary": "bright_red"}


def cell_colors(values: Any, kind: str | None, options: dict[str, Any] | None) -> list[str | None] | None:
    """The colour of each cell a column config asks for (a progress
    column's ``color``), or None."""
    color = (options or {}).get("color")
    if kind != "progress" or color is None:
        return None
    raw = values.tolist() if hasattr(values, "tolist") else list(values)
    if color not in ("auto", "auto-inverse"):
        shown = _COLOURS.get(color, color)
        try:
            Color.parse(shown)
        except ColorParseError:
            return None
        return [shown] * len(raw)
    out: list[str | None] = []
    for value in raw:
        if missing_kind(value) is not None:
            out.append(None)
            continue
        high = _fraction(value, options or {}) > 0.5
        out.append("green" if high == (color == "auto") else "red")
    return out


def _fraction(value: Any, options: dict[str, Any]) -> float:
    low = options.get("min_value")
    high = options.get("max_value")
    low = 0 if low is None else low
    high = (100 if isinstance(value, int) else 1) if high is None else high
    if high == low:
        return 1.0
    return min(max((float(value) - low) / (high - low), 0.0), 1.0)


def _step_text(value: Any, step: Any) -> str:
    """``value`` with as many decimals as ``step`` has."""
    text = repr(float(step))
    decimals = 0 if float(step).is_integer() else len(text.split(".")[1].rstrip("0"))
    return f"{value:.{decimals}f}"


_BAR = 8


def _progress(value: Any, fmt: str | None, options: dict[str, Any]) -> str:
    fraction = _fraction(value, options)
    filled = round(fraction * _BAR)
    step = options.get("step")
    if fmt:
        number = format_number(value, fmt, isinstance(value, int))
    elif step is not None:
        number = _step_text(value, step)
    elif isinstance(value, int):
        number = str(value)
    else:
        number = f"{value:.2f}"
    return "█" * filled + "░" * (_BAR - filled) + " " + number


def _items(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    if hasattr(value, "tolist") and not isinstance(value, str):
        listed = value.tolist()
        return listed if isinstance(listed, list) else [listed]
    return [value]


def _button(value: Any, fmt: str | None, options: dict[str, Any]) -> str:
    return " ".join(f"[ {_plain_markdown(str(label))} ]" for label in _items(value))


def _multiselect(value: Any, fmt: str | None, options: dict[str, Any]) -> str:
    label = options.get("format_func") or str
    return ", ".join(str(label(item)) for item in _items(value))


def _plain_markdown(text: str) -> str:
    from termlit.common.icons import icon_glyph  # lazy: only button and markdown cells need it

    text = re.sub(r":material/[a-z0-9_]+:", lambda m: icon_glyph(m[0]), text)
    text = re.sub(r"(\*\*|__|~~|`+)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_]([^*_\s](?:.*?[^*_\s])?)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)\s]+\)", r"\1", text)
    text = re.sub(r":[a-z]+(?:-background|-badge)?\[([^\]]*)\]", r"\1", text)
    text = re.sub(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|>\s?)", "", text, flags=re.MULTILINE)
    return text.replace("\n", "↵")


def _media(value: Any, fmt: str | None, options: dict[str, Any]) -> str:
    text = str(value)
    if text.startswith("data:"):
        return text[5:].split(";", 1)[0].split(",", 1)[0] or "data"
    return text


_SHAPERS = {
    "progress": _progress,
    "button": _button,
    "multiselect": _multiselect,
    "markdown": lambda value, fmt, options: _plain_markdown(str(value)),
    "audio": _media,
    "video": _media,
}


def fit(text: str, width: int, right: bool | str) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis.
    ``right``: True or "right" pads on the left, "center" on both sides."""
    size = cell_len(text)
    if size > width:
        return set_cell_size(text, width - 1) + "…" if width > 0 else ""
    pad = width - size
    if right == "center":
        return " " * (pad // 2) + text + " " * (pad - pad // 2)
    if right is True or right == "right":
        return " " * pad + text
    return text + " " * pad
