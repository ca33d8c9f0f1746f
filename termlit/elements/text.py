"""Text elements: titles, markdown, code, json, exceptions, ``st.write``."""

from __future__ import annotations

import json as _json
import textwrap
from typing import Any

from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.errors import StreamlitAPIException
from termlit.runtime.magic import set_writer

__all__ = [
    "caption",
    "code",
    "divider",
    "exception",
    "header",
    "json",
    "markdown",
    "metric",
    "subheader",
    "text",
    "title",
    "write",
]

_DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


def _body(body: Any) -> str:
    return body if isinstance(body, str) else str(body)


def _clean(body: Any) -> str:
    """Markdown bodies are dedented and stripped, so indented triple-quoted
    strings read as text, not as code blocks."""
    return textwrap.dedent(_body(body)).strip()


def _heading(kind: str, body: Any, anchor: Any, help: str | None, divider: Any = False) -> DeltaGenerator:
    if divider is True:
        divider = "gray"
    if divider and divider not in _DIVIDER_COLORS:
        raise StreamlitAPIException(
            f"st.{kind} got divider={divider!r}; use True, False or one of "
            + ", ".join(_DIVIDER_COLORS)
            + "."
        )
    return emit(kind, {"body": _body(body), "anchor": anchor, "help": help, "divider": divider or None})[1]


@api
def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None, width: Any = "stretch") -> DeltaGenerator:
    """Show ``body`` as the page title."""
    return _heading("title", body, anchor, help)


@api
def header(body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False, width: Any = "stretch") -> DeltaGenerator:
    """Show ``body`` as a section header, optionally underlined."""
    return _heading("header", body, anchor, help, divider)


@api
def subheader(body: Any, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False, width: Any = "stretch") -> DeltaGenerator:
    """Show ``body`` as a sub-section header."""
    return _heading("subheader", body, anchor, help, divider)


@api
def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "stretch") -> DeltaGenerator:
    """Show Markdown text."""
    return emit("markdown", {"body": _clean(body), "help": help})[1]


@api
def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "stretch") -> DeltaGenerator:
    """Show small, dimmed text."""
    return emit("caption", {"body": _clean(body), "help": help})[1]


@api
def text(body: Any, *, help: str | None = None, width: Any = "content") -> DeltaGenerator:
    """Show fixed-width text, with no Markdown."""
    return emit("text", {"body": _body(body), "help": help})[1]


@api
def code(
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: int | None = None,
    width: Any = "stretch",
) -> DeltaGenerator:
    """Show code with syntax highlighting."""
    return emit(
        "code",
        {
            "body": _body(body),
            "language": language or "text",
            "line_numbers": bool(line_numbers),
            "wrap_lines": bool(wrap_lines),
        },
    )[1]


@api
def divider(*, width: Any = "stretch") -> DeltaGenerator:
    """Show a horizontal rule."""
    return emit("divider", {})[1]


@api
def json(body: Any, *, expanded: bool | int = True, width: Any = "stretch") -> DeltaGenerator:
    """Show a JSON document (a string, or anything ``json.dumps`` can write)."""
    if isinstance(body, str):
        try:
            value = _json.loads(body)
        except ValueError as exc:
            raise StreamlitAPIException(f"st.json got a string that is not valid JSON: {exc}") from None
    else:
        value = body
    text_form = _json.dumps(value, indent=2, default=repr, ensure_ascii=False)
    return emit("json", {"body": text_form, "expanded": expanded})[1]


@api
def exception(exception: BaseException, width: Any = "stretch") -> DeltaGenerator:
    """Show an exception: its type, message and where it came from."""
    from termlit.runtime.script_runner import exception_props

    return emit("exception", exception_props(exception))[1]


def _is_dataframe_like(obj: Any) -> bool:
    module = type(obj).__module__ or ""
    name = type(obj).__name__
    if module.startswith("pandas") and name in ("DataFrame", "Series", "Index", "Styler"):
        return True
    if module.startswith("numpy") and name == "ndarray":
        return True
    if module.startswith("pyarrow") and name in ("Table", "RecordBatch"):
        return True
    return module.startswith("polars") and name in ("DataFrame", "Series")


@api
def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Show each argument the way that suits it.

    Strings are Markdown (consecutive strings are joined with a space),
    DataFrames and arrays a table, dicts and lists JSON, exceptions an
    exception element, anything else its ``repr``.
    """
    pending: list[str] = []

    def flush() -> None:
        if pending:
            markdown(" ".join(pending))
            pending.clear()

    for arg in args:
        if isinstance(arg, str):
            pending.append(arg)
            continue
        flush()
        if _is_dataframe_like(arg):
            from termlit.elements.data import dataframe

            dataframe(arg)
        elif isinstance(arg, BaseException):
            exception(arg)
        elif isinstance(arg, (dict, list)):
            json(arg)
        else:
            text(repr(arg))
    flush()


set_writer(write)


def _metric_text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


@api
def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: str = "normal",
    help: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: Any = "stretch",
    height: Any = "content",
    chart_data: Any = None,
    chart_type: str = "line",
) -> DeltaGenerator:
    """A big number with a label and an optional change (delta) below it.

    ``delta_color``: "normal" (up is good: green), "inverse" (up is bad: red)
    or "off" (grey).
    """
    if delta_color not in ("normal", "inverse", "off"):
        raise StreamlitAPIException(
            f"st.metric('{label}'): delta_color must be 'normal', 'inverse' or 'off', got {delta_color!r}."
        )
    delta_text = None if delta is None or delta == "" else _metric_text(delta)
    if delta_text is None:
        direction = None
    elif isinstance(delta, (int, float)) and not isinstance(delta, bool):
        direction = "down" if delta < 0 else "up"
    else:
        direction = "down" if delta_text.strip().startswith("-") else "up"
    return emit(
        "metric",
        {
            "label": str(label),
            "body": _metric_text(value),
            "delta": delta_text,
            "direction": direction,
            "delta_color": delta_color,
            "help": help,
            "label_visibility": label_visibility,
            "border": bool(border),
        },
    )[1]
