"""Data elements: ``st.dataframe`` and ``st.table`` (``st.data_editor`` is in
:mod:`termlit.elements.widgets.data_editor`).

Every element keeps a reference to the user's data as a pandas DataFrame (no
copy, no strings); the viewer draws only the rows in view. Column settings
(order, labels, hidden columns, formats, widths) travel as small props next
to the frame, so the frame itself is never rebuilt to show it differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termlit.common.frames import selection_state
from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements._widget import Callback, Key, WidgetArgs, widget
from termlit.elements.column_config import ButtonColumnClickState
from termlit.elements.selection import first_lazy_selection, no_default, selection_default_of, selection_modes
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.ids import widget_id

__all__ = ["alt_text", "column_settings", "dataframe", "frame_props", "table", "to_dataframe"]

#: ``st.table`` draws at most this many rows, then says how many it left out.
TABLE_ROW_CAP = 200

#: Named widths in terminal cells.
_WIDTHS = {"small": 8, "medium": 16, "large": 30}


def to_dataframe(data: Any) -> Any:
    """A pandas DataFrame view of the data Streamlit accepts (no copy when the
    data already is one)."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if isinstance(data, pd.DataFrame):
        return data
    from termlit import sources  # lazy: only lazy data needs it (no engine is loaded here)

    if sources.is_lazy(data):
        raise StreamlitAPIException(
            f"This call cannot page a lazy table ({type(data).__name__}): only st.dataframe and st.table "
            "(a window at a time) and st.line_chart, st.area_chart, st.bar_chart and st.scatter_chart "
            "(binned in the engine) read it in place. Load the rows it needs first, "
            "e.g. `source.window(0, 10_000)` "
            "or `source.to_pandas()` (for a polars LazyFrame, `.collect()`)."
        )
    if isinstance(data, (pd.Series, pd.Index)):
        return data.to_frame()
    module = type(data).__module__ or ""
    if module.startswith("pandas") and type(data).__name__ == "Styler":
        return data.data
    if module.startswith("pyarrow"):
        return data.to_pandas()
    if module.startswith("polars"):
        frame = data.to_pandas()
        return frame.to_frame() if isinstance(frame, pd.Series) else frame
    if module.startswith("numpy"):
        return pd.DataFrame(data if data.ndim > 1 else data.reshape(-1, 1))
    if isinstance(data, dict):
        try:
            return pd.DataFrame(data)
        except ValueError:
            return pd.DataFrame({"key": list(data.keys()), "value": list(data.values())})
    if isinstance(data, (set, frozenset)):
        data = list(data)
    return pd.DataFrame(data)


# -- column settings ------------------------------------------------------------


def _config_of(value: Any) -> dict[str, Any]:
    """One column's config as a flat dict: label, hidden, width, format."""
    if value is None:
        return {"hidden": True}
    if isinstance(value, str):
        return {"label": value}
    if not isinstance(value, dict):
        to_dict = getattr(value, "to_dict", None)
        if to_dict is None:
            raise StreamlitAPIException(
                f"A column_config entry must be a label, None (to hide the column) or "
                f"a dict with label/hidden/width/format; got {type(value).__name__}."
            )
        value = to_dict()
    flat: dict[str, Any] = {}
    for name in ("label", "hidden", "width", "format", "help", "disabled", "alignment"):
        if value.get(name) is not None:
            flat[name] = value[name]
    nested = value.get("type_config") or {}
    if isinstance(nested, dict) and nested.get("format") is not None:
        flat.setdefault("format", nested["format"])
    if isinstance(nested, dict) and nested.get("type") is not None:
        flat["type"] = nested["type"]
        flat["options"] = {k: v for k, v in nested.items() if k not in ("type", "format")}
    width = flat.get("width")
    if isinstance(width, str):
        if width not in _WIDTHS:
            raise StreamlitAPIException(
                f"Column width {width!r} is not one of 'small', 'medium', 'large' or a number of cells."
            )
        flat["width"] = _WIDTHS[width]
    elif width is not None:
        flat["width"] = max(int(width), 3)
    return flat


def column_settings(
    frame: Any,
    *,
    column_order: Any = None,
    column_config: Any = None,
    hide_index: bool | None = None,
) -> dict[str, Any]:
    """What the viewer needs to lay out ``frame``'s columns.

    Returns ``columns`` (positions into ``frame.columns``, in display order),
    ``labels``, ``widths`` (None: from the data), ``formats`` and
    ``show_index``. Nothing here touches the rows.
    """
    names = list(frame.columns)
    config: dict[Any, dict[str, Any]] = {}
    for key, value in dict(column_config or {}).items():
        config[key] = _config_of(value)
    index_config = config.pop("_index", {})

    def find(name: Any) -> int | None:
        for i, candidate in enumerate(names):
            if candidate == name or str(candidate) == str(name):
                return i
        if isinstance(name, int) and not isinstance(name, bool) and 0 <= name < len(names):
            return name
        return None

    if column_order is not None:
        if isinstance(column_order, (str, int)):
            column_order = [column_order]
        positions = []
        for name in column_order:
            found = find(name)
            if found is None:
                raise StreamlitAPIException(
                    f"column_order names {name!r}, which is not a column of the data "
                    f"(columns: {', '.join(map(str, names[:10]))}{'…' if len(names) > 10 else ''})."
                )
            positions.append(found)
    else:
        positions = list(range(len(names)))
    by_position: dict[int, dict[str, Any]] = {}
    for key, value in config.items():
        found = find(key)
        if found is not None:
            by_position[found] = value
    positions = [p for p in positions if not by_position.get(p, {}).get("hidden")]
    show_index = not hide_index and not index_config.get("hidden")
    return {
        "columns": positions,
        "labels": [str(by_position.get(p, {}).get("label", names[p])) for p in positions],
        "widths": [by_position.get(p, {}).get("width") for p in positions],
        "formats": [by_position.get(p, {}).get("format") for p in positions],
        "kinds": [by_position.get(p, {}).get("type") for p in positions],
        "alignments": [by_position.get(p, {}).get("alignment") for p in positions],
        "type_options": [by_position.get(p, {}).get("options") for p in positions],
        "show_index": show_index,
        "index_label": str(index_config.get("label", "" if frame.index.name is None else frame.index.name)),
    }


# -- st.dataframe ---------------------------------------------------------------


def alt_text(alt: Any) -> str | None:
    """An ``alt=`` as kept: None for None, "" or blank (as in Streamlit)."""
    if alt is None:
        return None
    text = str(alt).strip()
    return text or None


def _placeholder(where: str, placeholder: Any) -> str | None:
    if placeholder is not None and not isinstance(placeholder, str):
        raise StreamlitAPIException(
            f"{where}: placeholder must be a string (the text of missing values) or None, got {placeholder!r}."
        )
    return placeholder


def frame_props(
    frame: Any, *, width: Any, height: Any, use_container_width: bool | None, hide_index: bool | None,
    column_order: Any, column_config: Any, placeholder: str | None = None, alt: Any = None,
    where: str = "st.dataframe",
) -> dict[str, Any]:
    """The props of an interactive table of ``frame`` (st.dataframe,
    st.data_editor): ``placeholder`` is the text of missing values, ``alt``
    the table's name (shown first on its status line)."""
    return {
        "data": frame,
        "width": width,
        "height": height,
        "use_container_width": use_container_width,
        "hide_index": hide_index,
        "placeholder": _placeholder(where, placeholder),
        "alt": alt_text(alt),
        **column_settings(frame, column_order=column_order, column_config=column_config, hide_index=hide_index),
    }


def _click_state(value: Any) -> Any:
    """A button column's value: the click of this run, or None."""
    if not isinstance(value, dict) or "row" not in value:
        return None
    return ButtonColumnClickState(row=int(value["row"]), label=str(value.get("label", "")))


def button_clicks(props: dict[str, Any], where: str) -> None:
    """Register the button columns that have a ``key`` as widgets (their
    value: the click of this run) and note their ids in ``props["buttons"]``
    (display column -> widget id), for the viewer to send clicks to."""
    options = props.get("type_options") or []
    buttons: dict[int, str] = {}
    for display_col, kind in enumerate(props.get("kinds") or []):
        config = options[display_col] or {} if display_col < len(options) else {}
        if kind != "button" or config.get("key") is None:
            continue
        common = WidgetArgs("button_column", props["labels"][display_col], key=config["key"],
                            on_change=config.get("on_click"), args=config.get("args"), kwargs=config.get("kwargs"),
                            label_visibility="collapsed")
        widget(common, default=None, props={"column": props["labels"][display_col]}, trigger=True,
               coerce=_click_state)
        buttons[display_col] = widget_id("button_column", key=config["key"], label=None,
                                         page=get_run_context().widget_page)
    if buttons:
        props["buttons"] = buttons


@api
def dataframe(
    data: Any = None, width: Any = None, height: Any = None, *, use_container_width: bool | None = None,
    hide_index: bool | None = None, column_order: Any = None, column_config: Any = None, key: Key | None = None,
    on_select: str | Callback = "ignore", selection_mode: str | Sequence[str] = "multi-row",
    selection_default: Any = None, row_height: int | None = None, placeholder: str | None = None,
    lazy: bool | None = None, alt: str | None = None,
) -> Any:
    """Show ``data`` (DataFrame, Series, array, list, dict, Arrow, polars) as an
    interactive table that draws only the rows in view.

    With ``on_select="rerun"`` (or a callback) the table is a widget, and
    ``selection_mode`` (one of Streamlit's modes or a list of them) says what
    it selects: Space the row, ``c`` the column, ``x`` the cell, Shift+arrows
    a "multi-cell" range. The call returns ``{"selection": {"rows": [...],
    "columns": [...], "cells": [(row, column), ...]}}``; ``selection_default``
    (``{"selection": {"rows": [0, 2]}}``) is the selection of the first run,
    until the user changes it. ``placeholder``
    is the text of missing values (None: "None", "NaN", "NaT" or "<NA>" by
    kind), ``alt`` a short name of the table, shown on its status line.

    A lazy source (``conn.table()``, ``conn.query(..., lazy=True)``, a DuckDB
    relation, a polars ``LazyFrame``, a pyarrow ``Dataset``, a Parquet/CSV
    ``Path``; see :mod:`termlit.sources`) stays in its engine: the table asks
    for the rows in view and sorts and searches there. ``lazy=False`` shows
    the first ``PREVIEW_ROWS`` rows of such a source instead. An in-memory
    frame is drawn a window at a time whatever ``lazy`` says.

    A selection on a lazy table (Streamlit refuses one) gives row positions
    in the order the table shows (under its sort and search) and, when the
    source has a primary key, ``"row_keys"``: one dict of key values per row
    (``{"id": 7}``), the rows' lasting names. A new sort or search clears the
    selection, since the positions no longer hold; the status line says so.
    """
    check_size("st.dataframe", "width", width, ("stretch", "content"))
    check_size("st.dataframe", "height", height, ("auto", "stretch"))
    selecting = not (on_select == "ignore" or on_select is None)
    source = lazy_source(data, lazy)
    if source is not None:
        props = lazy_props(
            source, width=width, height=height, use_container_width=use_container_width, hide_index=hide_index,
            column_order=column_order, column_config=column_config, placeholder=placeholder, alt=alt,
        )
        if not selecting:
            no_default(selection_default)
            return emit("dataframe", props)[1]
        modes = selection_modes(on_select, selection_mode)
        props["selection_mode"] = modes
        props["primary_key"] = list(source.primary_key or [])
        default = first_lazy_selection(source, selection_default_of(selection_default, None, modes,
                                                                  [str(c) for c in source.columns]))
        return widget(
            WidgetArgs("dataframe", "", key=key, on_change=on_select, label_visibility="collapsed"),
            default=selection_state(default),
            props=props,
            params={"source": repr(source.key), "columns": source.columns, "selection_mode": modes},
            coerce=selection_state,
        )
    frame = to_dataframe(preview(data))
    props = frame_props(
        frame, width=width, height=height, use_container_width=use_container_width, hide_index=hide_index,
        column_order=column_order, column_config=column_config, placeholder=placeholder, alt=alt,
    )
    button_clicks(props, "st.dataframe")
    if not selecting:
        no_default(selection_default)
        return emit("dataframe", props)[1]
    modes = selection_modes(on_select, selection_mode)
    props["selection_mode"] = modes
    names = [str(c) for c in frame.columns]
    default = selection_default_of(selection_default, len(frame), modes, names)
    return widget(
        WidgetArgs("dataframe", "", key=key, on_change=on_select, label_visibility="collapsed"),
        default=selection_state(default),
        props=props,
        params={
            "columns": names,
            "rows": len(frame),
            "selection_mode": modes,
        },
        coerce=selection_state,
    )


# -- lazy sources -----------------------------------------------------------------

#: Rows of a lazy source shown when it is loaded eagerly (``lazy=False``).
PREVIEW_ROWS = 10_000


def lazy_source(data: Any, lazy: bool | None) -> Any:
    """The lazy source to page ``data`` from, or None to show it in memory."""
    if lazy is not None and not isinstance(lazy, bool):
        raise StreamlitAPIException(f"st.dataframe(lazy=...) takes True, False or None, not {lazy!r}.")
    module = type(data).__module__ or ""
    if lazy is True:
        if module.startswith("pandas") and type(data).__name__ == "Styler":
            raise StreamlitAPIException(
                "`lazy=True` is not supported for a pandas Styler: its styling needs the whole table. "
                "Remove `lazy=True` or pass the underlying dataframe."
            )
        columns = getattr(data, "columns", None)
        if getattr(columns, "nlevels", 1) > 1:
            raise StreamlitAPIException(
                "`lazy=True` cannot show a frame with multi-level column headers: flatten the columns "
                "or remove `lazy=True`."
            )
    if lazy is False or data is None:
        return None
    from termlit import sources  # lazy: the engines load only for lazy data

    if not sources.is_lazy(data):
        return None
    try:
        return sources.as_source(data)
    except (TypeError, FileNotFoundError, ValueError) as exc:
        raise StreamlitAPIException(f"st.dataframe cannot read this data lazily: {exc}") from None


def preview(data: Any) -> Any:
    """Lazy data shown eagerly: its first ``PREVIEW_ROWS`` rows."""
    from termlit import sources  # lazy: see lazy_source

    if data is None or not sources.is_lazy(data):
        return data
    try:
        return sources.as_source(data).window(0, PREVIEW_ROWS)
    except (TypeError, FileNotFoundError, ValueError) as exc:
        raise StreamlitAPIException(f"st.dataframe cannot read this data: {exc}") from None


def lazy_props(source: Any, **settings: Any) -> dict[str, Any]:
    """An interactive table's props for a lazy source: its columns come from
    the source's schema (an empty frame); the rows stay in the engine."""
    props = frame_props(source.schema, **settings)
    props["source"] = source
    props["source_key"] = source.key
    return props


# -- st.table -------------------------------------------------------------------


_BORDERS = (True, False, "horizontal")


def _hide_header(data: Any, frame: Any, hide_header: bool | None) -> bool:
    """Streamlit's rule for ``hide_header=None``: no header for data without
    column names of its own (lists, tuples, arrays), a header otherwise."""
    if hide_header is not None:
        return bool(hide_header)
    import pandas as pd

    named = isinstance(data, (pd.DataFrame, pd.Series, dict)) or not isinstance(frame.columns, pd.RangeIndex)
    module = type(data).__module__ or ""
    return not (named or module.startswith(("pyarrow", "polars")))


@api
def table(data: Any = None, *, border: bool | str = True, width: Any = "stretch", height: Any = "content",
          hide_index: bool | None = None, hide_header: bool | None = None, alt: str | None = None) -> DeltaGenerator:
    """A static table of all of ``data`` (the first ``TABLE_ROW_CAP`` rows, with
    a note saying how many were left out; use ``st.dataframe`` for big data).

    ``border``: True (lines around and between cells), False (none) or
    "horizontal" (lines between rows only). ``hide_index``: None hides a
    default 0, 1, 2... index and shows any other; ``hide_header``: None hides
    the header of data without column names (lists, arrays). ``height``:
    "content" (every row), "stretch" or pixels (it then scrolls). ``alt``
    names the table (its tooltip).
    """
    import pandas as pd

    from termlit import sources  # lazy: the engines load only for lazy data

    if border not in _BORDERS or (border is not True and border is not False and border != "horizontal"):
        raise StreamlitAPIException(f"st.table: border must be True, False or 'horizontal', got {border!r}.")
    check_size("st.table", "width", width, ("stretch", "content"))
    check_size("st.table", "height", height, ("stretch", "content"))
    total = None
    if data is not None and sources.is_lazy(data):
        try:
            source = sources.as_source(data)
            data, total = source.window(0, TABLE_ROW_CAP), source.count()
        except (TypeError, FileNotFoundError, ValueError) as exc:
            raise StreamlitAPIException(f"st.table cannot read this data: {exc}") from None
    frame = to_dataframe(data)
    if hide_index is None:
        index = frame.index
        hide_index = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1 and index.name is None
    props = {"data": frame, "row_cap": TABLE_ROW_CAP, **column_settings(frame, hide_index=hide_index),
             "border": border, "width": width, "height": height,
             "hide_header": _hide_header(data, frame, hide_header), "alt": alt_text(alt)}
    if total is not None:
        props["total_rows"] = total
    return emit("table", props)[1]
