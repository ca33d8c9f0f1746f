"""``st.column_config``: how a dataframe or data editor shows each column.

Each helper returns a plain dict (``label``, ``width``, ``help``, ``format``,
``disabled``, ``alignment``...) that ``st.dataframe`` and ``st.data_editor``
read. Progress columns draw a bar, button columns ``[ label ]`` cells,
multiselect columns their labels; what only a browser can draw (images,
sparklines, audio, video, link styling) is kept and the terminal shows the
value as text. A button column with a ``key`` is a widget: Enter on one of
its cells clicks it (see ``ButtonColumn``).
"""

from __future__ import annotations

from typing import Any

from termlit.errors import StreamlitAPIException

__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "ButtonColumn",
    "ButtonColumnClickState",
    "button_label",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MarkdownColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]

_ALIGNMENTS = (None, "left", "center", "right")


def _alignment(kind: str, alignment: Any) -> Any:
    if alignment not in _ALIGNMENTS:
        raise StreamlitAPIException(
            f"st.column_config.{kind}: alignment must be 'left', 'center', 'right' or None, got {alignment!r}."
        )
    return alignment


def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    alignment: str | None = None,
    **type_options: Any,
) -> dict[str, Any]:
    """A column's label, width (``"small"``, ``"medium"``, ``"large"`` or cells),
    help text, whether it can be edited, and ``alignment`` of its cells
    ("left", "center", "right"; None: numbers right, the rest left)."""
    config: dict[str, Any] = {"type_config": {}}
    for name, value in (("label", label), ("width", width), ("help", help), ("disabled", disabled),
                        ("required", required), ("pinned", pinned), ("default", default),
                        ("alignment", _alignment("Column", alignment))):
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
               required: bool | None = None, pinned: bool | None = None, alignment: str | None = None,
               default: str | None = None, max_chars: int | None = None,
               validate: str | None = None) -> dict[str, Any]:
    return _typed("text", label, dict(width=width, help=help, disabled=disabled, required=required, pinned=pinned,
                                      default=default, alignment=_alignment("TextColumn", alignment)),
                  max_chars=max_chars, validate=validate)


def NumberColumn(label: str | None = None, *, width: Any = None, help: str | None = None, disabled: bool | None = None,
                 required: bool | None = None, pinned: bool | None = None, alignment: str | None = None,
                 default: float | None = None, format: str | None = None, min_value: float | None = None,
                 max_value: float | None = None, step: float | None = None) -> dict[str, Any]:
    """A number column; ``format`` is printf-style (``"%.2f"``, ``"$%d"``) or
    a named format ("dollar", "percent", "compact"...)."""
    return _typed("number", label, dict(width=width, help=help, disabled=disabled, required=required, pinned=pinned,
                                        default=default, alignment=_alignment("NumberColumn", alignment)),
                  format=format, min_value=min_value, max_value=max_value, step=step)


def CheckboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: bool | None = None) -> dict[str, Any]:
    return _typed("checkbox", label, dict(width=width, help=help, disabled=disabled, required=required,
                                          pinned=pinned, default=default,
                                          alignment=_alignment("CheckboxColumn", alignment)))


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
               required: bool | None = None, pinned: bool | None = None, alignment: str | None = None,
               default: Any = None, format: str | None = None, min_value: Any = None, max_value: Any = None,
               step: Any = None, timezone: str | None = None) -> dict[str, Any]:
        return _typed(kind, label, dict(width=width, help=help, disabled=disabled, required=required, pinned=pinned,
                                        default=default, alignment=_alignment(f"{kind.capitalize()}Column", alignment)),
                      format=format, min_value=min_value, max_value=max_value, step=step, timezone=timezone)

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


_PROGRESS_COLORS = ("auto", "auto-inverse", "red", "orange", "yellow", "green", "blue", "violet", "gray", "grey",
                    "primary")


def ProgressColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, format: str | None = None, min_value: float | None = None,
                   max_value: float | None = None, step: float | None = None,
                   color: str | None = None) -> dict[str, Any]:
    """A progress column: a bar from ``min_value`` (0) to ``max_value``
    (100 for ints, 1 for floats) and the number (in ``format``; ``step``
    sets its decimals). ``color``: None (the primary colour), a colour name or
    ``#hex``, "auto" (green above half, red below) or "auto-inverse"."""
    if color is not None and color not in _PROGRESS_COLORS and not str(color).startswith("#"):
        raise StreamlitAPIException(
            f"st.column_config.ProgressColumn: color {color!r} is not one of {', '.join(_PROGRESS_COLORS)} "
            "or a '#rrggbb' code."
        )
    if step is not None and (isinstance(step, bool) or not isinstance(step, (int, float)) or step <= 0):
        raise StreamlitAPIException(f"st.column_config.ProgressColumn: step must be a positive number, got {step!r}.")
    return _typed("progress", label, dict(width=width, help=help, pinned=pinned), format=format,
                  min_value=min_value, max_value=max_value, step=step, color=color)


def _media(kind: str):
    @_named(
        f"{kind.capitalize()}Column",
        f"A {kind} column: each cell a URL or data URL of the {kind}; the terminal shows the URL "
        "(a data URL as its type), as it cannot play it in a cell.",
    )
    def column(label: str | None = None, *, width: Any = None, help: str | None = None, pinned: bool | None = None,
               alignment: str | None = None) -> dict[str, Any]:
        return _typed(kind, label, dict(width=width, help=help, pinned=pinned,
                                        alignment=_alignment(f"{kind.capitalize()}Column", alignment)))

    return column


AudioColumn = _media("audio")
VideoColumn = _media("video")

_BUTTON_TYPES = ("primary", "secondary", "tertiary")


def ButtonColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                 pinned: bool | None = None, alignment: str | None = None, type: str = "secondary",
                 on_click: Any = None, args: Any = None, kwargs: Any = None, key: str | None = None) -> dict[str, Any]:
    """A button column: each cell's value is its button's label (a list of
    labels: several buttons), drawn ``[ label ]``, centred unless
    ``alignment`` says. Read-only, in a data editor too. With a ``key``,
    Enter on a cell clicks its (first) button: ``on_click(*args, **kwargs)``
    runs and ``st.session_state[key]`` is a :class:`ButtonColumnClickState`
    (``row``, ``label``) for that one run, None after."""
    if type not in _BUTTON_TYPES:
        raise StreamlitAPIException(
            f"st.column_config.ButtonColumn: type must be 'primary', 'secondary' or 'tertiary', got {type!r}."
        )
    if on_click is not None and not callable(on_click):
        raise StreamlitAPIException("st.column_config.ButtonColumn: on_click must be a callable or None.")
    if key is not None and (isinstance(key, bool) or not isinstance(key, (str, int))):
        raise StreamlitAPIException(f"st.column_config.ButtonColumn: key must be a string, got {key!r}.")
    return _typed("button", label, dict(width=width, help=help, pinned=pinned, disabled=True,
                                        alignment=_alignment("ButtonColumn", alignment)),
                  button_type=type, key=None if key is None else str(key), on_click=on_click,
                  args=None if args is None else tuple(args), kwargs=None if kwargs is None else dict(kwargs))


def button_label(value: Any) -> str:
    """The label of the (first) button a button column's cell holds."""
    if isinstance(value, (list, tuple)):
        return str(value[0]) if value else ""
    if hasattr(value, "tolist") and not isinstance(value, str):
        listed = value.tolist()
        return button_label(listed) if isinstance(listed, list) else str(listed)
    return str(value)


class ButtonColumnClickState(dict):
    """What a button column's ``key`` holds in the run its click starts:
    ``row`` (the row's position in the data) and ``label`` (the button's
    label), by key or by attribute."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def MarkdownColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: str | None = None) -> dict[str, Any]:
    """A Markdown column: cells show their text plainly (marks taken off);
    Enter on a row shows it whole."""
    return _typed("markdown", label, dict(width=width, help=help, disabled=disabled, required=required,
                                          pinned=pinned, default=default,
                                          alignment=_alignment("MarkdownColumn", alignment)))


def MultiselectColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                      disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                      default: Any = None, options: Any = None, accept_new_options: bool | None = None,
                      color: Any = None, format_func: Any = None) -> dict[str, Any]:
    """A column of lists of options, each cell shown as its labels joined
    with commas (``format_func`` turns an option into its label)."""
    if format_func is not None and not callable(format_func):
        raise StreamlitAPIException("st.column_config.MultiselectColumn: format_func must be a callable or None.")
    return _typed("multiselect", label, dict(width=width, help=help, disabled=disabled, required=required,
                                             pinned=pinned, default=None if default is None else list(default)),
                  options=None if options is None else list(options), accept_new_options=accept_new_options,
                  color=color if color is None or isinstance(color, str) else list(color), format_func=format_func)
