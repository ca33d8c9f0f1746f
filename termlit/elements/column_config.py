"""``st.column_config``: how a dataframe or data editor shows each column.

Each helper returns a plain dict (``label``, ``width``, ``help``, ``format``,
``disabled``...) that ``st.dataframe`` and ``st.data_editor`` read. Options
that only a browser can draw (images, sparklines, link styling) are kept but
the terminal shows the value as text.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AreaChartColumn",
    "BarChartColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
]


def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    **type_options: Any,
) -> dict[str, Any]:
    """A column's label, width (``"small"``, ``"medium"``, ``"large"`` or cells),
    help text and whether it can be edited."""
    config: dict[str, Any] = {"type_config": {}}
    for name, value in (("label", label), ("width", width), ("help", help), ("disabled", disabled),
                        ("required", required), ("pinned", pinned), ("default", default)):
        if value is not None:
            config[name] = value
    for name, value in type_options.items():
        if value is not None:
            config["type_config"][name] = value
    return config


def _typed(kind: str, label: str | None, common: dict[str, Any], **options: Any) -> dict[str, Any]:
    config = Column(label, **common, **options)
    config["type_config"]["type"] = kind
    return config


def TextColumn(label: str | None = None, *, width: Any = None, help: str | None = None, disabled: bool | None = None,
               required: bool | None = None, pinned: bool | None = None, default: str | None = None,
               max_chars: int | None = None, validate: str | None = None) -> dict[str, Any]:
    return _typed("text", label, dict(width=width, help=help, disabled=disabled, required=required, pinned=pinned,
                                      default=default), max_chars=max_chars, validate=validate)


def NumberColumn(label: str | None = None, *, width: Any = None, help: str | None = None, disabled: bool | None = None,
                 required: bool | None = None, pinned: bool | None = None, default: float | None = None,
                 format: str | None = None, min_value: float | None = None, max_value: float | None = None,
                 step: float | None = None) -> dict[str, Any]:
    """A number column; ``format`` is printf-style (``"%.2f"``, ``"$%d"``)."""
    return _typed("number", label, dict(width=width, help=help, disabled=disabled, required=required, pinned=pinned,
                                        default=default), format=format, min_value=min_value, max_value=max_value,
                  step=step)


def CheckboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   default: bool | None = None) -> dict[str, Any]:
    return _typed("checkbox", label, dict(width=width, help=help, disabled=disabled, required=required,
                                          pinned=pinned, default=default))


def SelectboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                    default: Any = None, options: Any = None, format_func: Any = None) -> dict[str, Any]:
    return _typed("selectbox", label, dict(width=width, help=help, disabled=disabled, required=required,
                                           pinned=pinned, default=default),
                  options=list(options) if options is not None else None, format_func=format_func)


def _named(name: str, doc: str):
    """Name and document a column helper made by one of the factories below."""

    def name_it(fn):
        fn.__name__ = fn.__qualname__ = name
        fn.__doc__ = doc
        return fn

    return name_it


def _when(kind: str):
    @_named(
        f"{kind.capitalize()}Column",
        f"A {kind} column; ``format`` uses Streamlit's tokens (``YYYY-MM-DD``, ``HH:mm``).",
    )
    def column(label: str | None = None, *, width: Any = None, help: str | None = None, disabled: bool | None = None,
               required: bool | None = None, pinned: bool | None = None, default: Any = None,
               format: str | None = None, min_value: Any = None, max_value: Any = None, step: Any = None,
               timezone: str | None = None) -> dict[str, Any]:
        return _typed(kind, label, dict(width=width, help=help, disabled=disabled, required=required, pinned=pinned,
                                        default=default), format=format, min_value=min_value, max_value=max_value,
                      step=step, timezone=timezone)

    return column


DatetimeColumn = _when("datetime")
DateColumn = _when("date")
TimeColumn = _when("time")


def _shown_as_text(kind: str):
    @_named(
        f"{kind.replace('_', ' ').title().replace(' ', '')}Column",
        f"A {kind.replace('_', ' ')} column; the terminal shows its values as text.",
    )
    def column(label: str | None = None, *, width: Any = None, help: str | None = None, pinned: bool | None = None,
               **options: Any) -> dict[str, Any]:
        return _typed(kind, label, dict(width=width, help=help, pinned=pinned), **options)

    return column


ListColumn = _shown_as_text("list")
LinkColumn = _shown_as_text("link")
ImageColumn = _shown_as_text("image")
JsonColumn = _shown_as_text("json")
LineChartColumn = _shown_as_text("line_chart")
BarChartColumn = _shown_as_text("bar_chart")
AreaChartColumn = _shown_as_text("area_chart")


def ProgressColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, format: str | None = None, min_value: float | None = None,
                   max_value: float | None = None) -> dict[str, Any]:
    """A progress column; the terminal shows the number (in ``format``)."""
    return _typed("progress", label, dict(width=width, help=help, pinned=pinned), format=format,
                  min_value=min_value, max_value=max_value)
