"""Text elements: titles, markdown, code, json, exceptions, ``st.write``."""

from __future__ import annotations

import dataclasses
import inspect
import json as _json
import textwrap
from collections.abc import Callable
from io import StringIO
from typing import Any

from termlit.common.icons import check_icon
from termlit.elements import _types
from termlit.elements._checks import check_size
from termlit.elements._dg import API, DeltaGenerator, api, emit
from termlit.elements.data import dataframe
from termlit.errors import StreamlitAPIException
from termlit.runtime.exceptions import exception_props

__all__ = [
    "badge",
    "caption",
    "code",
    "divider",
    "echo",
    "exception",
    "header",
    "help",
    "latex",
    "json",
    "markdown",
    "subheader",
    "text",
    "title",
    "write",
    "write_stream",
]

_DIVIDER_COLORS = ("blue", "green", "orange", "red", "violet", "gray", "grey", "rainbow")


def _body(body: Any) -> str:
    return body if isinstance(body, str) else str(body)


def _clean(body: Any) -> str:
    """Markdown bodies are dedented and stripped, so indented triple-quoted
    strings read as text, not as code blocks."""
    return textwrap.dedent(_body(body)).strip()


_ALIGNMENTS = ("left", "center", "right", "justify")


def _layout(kind: str, text_alignment: Any, wrap: Any) -> dict[str, Any]:
    """The ``text_alignment`` and ``wrap`` props every text element takes."""
    if text_alignment not in _ALIGNMENTS:
        raise StreamlitAPIException(
            f"st.{kind} got text_alignment={text_alignment!r}; use one of "
            + ", ".join(map(repr, _ALIGNMENTS))
            + "."
        )
    return {"text_alignment": text_alignment, "wrap": bool(wrap)}


def _heading(kind: str, body: Any, anchor: Any, help: str | None, divider: Any = False, *,
             icon: str | None = None, text_alignment: Any = "left", wrap: Any = True) -> DeltaGenerator:
    if divider is True:
        divider = "gray"
    if divider and divider not in _DIVIDER_COLORS:
        raise StreamlitAPIException(
            f"st.{kind} got divider={divider!r}; use True, False or one of "
            + ", ".join(_DIVIDER_COLORS)
            + "."
        )
    props = {"body": _body(body), "anchor": anchor, "help": help, "divider": divider or None,
             "icon": check_icon(icon, f"st.{kind}") or None, **_layout(kind, text_alignment, wrap)}
    return emit(kind, props)[1]


@api
def title(body: Any, anchor: str | bool | None = None, *, help: str | None = None, icon: str | None = None,
          width: Any = "stretch", text_alignment: str = "left", wrap: bool = True) -> DeltaGenerator:
    """Show ``body`` as the page title, after ``icon`` (an emoji or a
    ``:material/name:`` code). ``text_alignment``: "left", "center", "right"
    or "justify"; ``wrap=False`` keeps it on one line, cut with an ellipsis."""
    return _heading("title", body, anchor, help, icon=icon, text_alignment=text_alignment, wrap=wrap)


@api
def header(body: Any, anchor: str | bool | None = None, *, help: str | None = None, icon: str | None = None,
           divider: bool | str = False, width: Any = "stretch", text_alignment: str = "left",
           wrap: bool = True) -> DeltaGenerator:
    """Show ``body`` as a section header, optionally underlined (see st.title
    for ``icon``, ``text_alignment`` and ``wrap``)."""
    return _heading("header", body, anchor, help, divider, icon=icon, text_alignment=text_alignment, wrap=wrap)


@api
def subheader(body: Any, anchor: str | bool | None = None, *, help: str | None = None, icon: str | None = None,
              divider: bool | str = False, width: Any = "stretch", text_alignment: str = "left",
              wrap: bool = True) -> DeltaGenerator:
    """Show ``body`` as a sub-section header (see st.title for ``icon``,
    ``text_alignment`` and ``wrap``)."""
    return _heading("subheader", body, anchor, help, divider, icon=icon, text_alignment=text_alignment, wrap=wrap)


@api
def markdown(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "auto",
             text_alignment: str = "left", anchors: bool = True, wrap: bool = True) -> DeltaGenerator:
    """Show Markdown text. ``anchors=False`` asks for no link icons next to
    headings (the terminal never draws them); ``text_alignment`` and ``wrap``
    as for st.text."""
    props = {"body": _clean(body), "help": help, "allow_html": bool(unsafe_allow_html), "anchors": bool(anchors),
             **_layout("markdown", text_alignment, wrap)}
    return emit("markdown", props)[1]


@api
def caption(body: Any, unsafe_allow_html: bool = False, *, help: str | None = None, width: Any = "stretch",
            text_alignment: str = "left", wrap: bool = True) -> DeltaGenerator:
    """Show small, dimmed text (``text_alignment`` and ``wrap`` as for st.text)."""
    props = {"body": _clean(body), "help": help, "allow_html": bool(unsafe_allow_html),
             **_layout("caption", text_alignment, wrap)}
    return emit("caption", props)[1]


@api
def text(body: Any, *, help: str | None = None, width: Any = "content", text_alignment: str = "left",
         wrap: bool = True) -> DeltaGenerator:
    """Show fixed-width text, with no Markdown. ``text_alignment``: "left",
    "center", "right" or "justify" (within the element's width);
    ``wrap=False``: one line, newlines shown as spaces, cut with an ellipsis
    when too wide."""
    return emit("text", {"body": _body(body), "help": help, **_layout("text", text_alignment, wrap)})[1]


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
    """Show a JSON document (a string, or anything ``json.dumps`` can write),
    as a tree whose nodes open and close. ``expanded``: True (all open), False
    (closed) or a depth."""
    text_form = _types.json_text(body)
    try:
        _json.loads(text_form)
    except ValueError as exc:
        raise StreamlitAPIException(f"st.json got a string that is not valid JSON: {exc}") from None
    if isinstance(expanded, bool) or not isinstance(expanded, int):
        depth = None if expanded else 0
    else:
        if expanded < 0:
            raise StreamlitAPIException(f"st.json: expanded must be a bool or a depth >= 0, got {expanded}.")
        depth = expanded
    return emit("json", {"body": text_form, "expanded": expanded, "depth": depth})[1]


@api
def exception(exception: BaseException, width: Any = "stretch") -> DeltaGenerator:
    """Show an exception: its type, message and where it came from."""
    return emit("exception", exception_props(exception))[1]


@api
def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Show each argument the way that suits it, as Streamlit chooses.

    Strings, and the text of values with nothing better (numbers, ``None``:
    as inline code, or a code block when multi-line), join with a space into
    one Markdown element; tables go to st.dataframe, dicts, lists, named
    tuples, pydantic models and session state to st.json, exceptions to
    st.exception, functions, classes, modules and dataclasses to st.help,
    generators to st.write_stream, and figures of plotting libraries to their
    chart call (st.pyplot, st.plotly_chart, st.altair_chart...).
    """
    pending: list[str] = []

    def flush() -> None:
        if pending:
            markdown(" ".join(pending), unsafe_allow_html=unsafe_allow_html)
            pending.clear()

    for arg in args:
        if isinstance(arg, str):
            pending.append(arg)
            continue
        shown = _shown_alone(arg, unsafe_allow_html)
        if shown is None:
            pending.append(_as_code(arg))
        else:
            flush()
            shown()
    flush()


def _shown_alone(arg: Any, unsafe_allow_html: bool) -> Callable[[], Any] | None:
    """The call that shows ``arg`` as an element of its own, or None when
    its text joins the Markdown of the strings around it."""
    chart = _types.chart_call(arg)
    if isinstance(arg, Exception):
        return lambda: exception(arg)
    if isinstance(arg, DeltaGenerator):
        return lambda: help(arg)
    if _types.is_dataframe_like(arg):
        return lambda: dataframe(arg)
    if chart is not None:
        return lambda: API[chart](arg)
    if _types.is_json_like(arg):
        return lambda: json(arg)
    if isinstance(arg, StringIO):
        return lambda: markdown(arg.getvalue())
    if _types.is_generator(arg):
        return lambda: write_stream(arg)
    if isinstance(arg, _types.HELP_TYPES) or dataclasses.is_dataclass(arg) or inspect.isclass(arg):
        return lambda: help(arg)
    if unsafe_allow_html and callable(getattr(arg, "_repr_html_", None)):
        return lambda: API["html"](arg._repr_html_())
    if callable(getattr(arg, "to_pandas", None)) or callable(getattr(arg, "__dataframe__", None)):
        return lambda: dataframe(arg)
    if _types.is_mem_address(str(arg)):
        return lambda: help(arg)
    return None


def _as_code(arg: Any) -> str:
    """``arg``'s text as Markdown code: inline, or a block when multi-line,
    fenced with more backticks than it holds."""
    text = str(arg)
    if "\n" in text:
        fence = "`" * max(3, _types.max_run(text, "`") + 1)
        return f"{fence}\n{text}\n{fence}"
    fence = "`" * (_types.max_run(text, "`") + 1)
    return f"{fence}{text}{fence}"


@api
def latex(body: Any, *, help: str | None = None, width: Any = "stretch") -> DeltaGenerator:
    """A LaTeX expression; the terminal shows its source."""
    return emit("latex", {"body": _body(body), "help": help})[1]


@api
def write_stream(stream: Any, *, cursor: str | None = None) -> Any:
    """Write a stream of text chunks (a generator, an iterable, or an
    OpenAI-style stream) as it arrives; returns the whole text (or a list when
    the stream also yielded other objects)."""
    import inspect

    if inspect.isgeneratorfunction(stream) or (callable(stream) and not hasattr(stream, "__iter__")):
        stream = stream()
    if not hasattr(stream, "__iter__"):
        raise StreamlitAPIException(
            f"st.write_stream needs a generator or an iterable of text chunks, got {type(stream).__name__}."
        )
    written: list[Any] = []
    text = ""
    handle: DeltaGenerator | None = None
    for chunk in stream:
        piece = _chunk_text(chunk)
        if piece is None:  # not text: write it as st.write would, start a new text run
            if text:
                written.append(text)
                text, handle = "", None
            write(chunk)
            written.append(chunk)
            continue
        text += piece
        if handle is None:
            handle = markdown(text + (cursor or ""))
        else:
            handle.markdown(text + (cursor or ""))
    if text:
        if cursor and handle is not None:
            handle.markdown(text)
        written.append(text)
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written if written else ""


def _chunk_text(chunk: Any) -> str | None:
    if isinstance(chunk, str):
        return chunk
    choices = getattr(chunk, "choices", None)  # OpenAI-style chat chunks
    if choices:
        delta = getattr(choices[0], "delta", None)
        content = getattr(delta, "content", None)
        return content or ""
    return None


class _Echo:
    """``with st.echo():`` shows the code of its block, then runs it."""

    def __init__(self, code_location: str) -> None:
        if code_location not in ("above", "below"):
            raise StreamlitAPIException(f"st.echo: code_location must be 'above' or 'below', got {code_location!r}.")
        self.location = code_location
        self.source = ""

    def __enter__(self) -> None:
        import inspect
        import linecache

        frame = inspect.currentframe().f_back
        filename, start = frame.f_code.co_filename, frame.f_lineno
        lines = linecache.getlines(filename)
        block: list[str] = []
        if 0 < start <= len(lines):
            head = lines[start - 1]
            indent = len(head) - len(head.lstrip())
            for line in lines[start:]:
                if line.strip() and len(line) - len(line.lstrip()) <= indent:
                    break
                block.append(line)
        self.source = textwrap.dedent("".join(block)).strip("\n")
        if self.location == "above":
            code(self.source)

    def __exit__(self, *exc: object) -> None:
        if self.location == "below" and exc[0] is None:
            code(self.source)


@api
def echo(code_location: str = "above") -> _Echo:
    """Use as ``with st.echo():`` to show the block's code next to its output."""
    return _Echo(code_location)


@api
def help(obj: Any = None, *, width: Any = "stretch") -> DeltaGenerator:
    """Show an object's name, signature and docstring. ``width``: "stretch"
    (the default) or a number of pixels (cells in the terminal)."""
    check_size("st.help", "width", width, ("stretch",))
    import inspect
    import pydoc

    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or type(obj).__name__
    try:
        signature = str(inspect.signature(obj)) if callable(obj) else ""
    except (TypeError, ValueError):
        signature = ""
    doc = inspect.getdoc(obj) or pydoc.describe(obj)
    value = "" if callable(obj) or inspect.ismodule(obj) else repr(obj)
    return emit(
        "help",
        {"name": str(name), "signature": signature, "doc": doc, "type": type(obj).__name__, "value": value},
    )[1]


_BADGE_COLORS = ("blue", "green", "orange", "red", "yellow", "violet", "gray", "grey", "primary")


@api
def badge(label: str, *, icon: str | None = None, color: str = "blue", width: Any = "content",
          help: str | None = None) -> DeltaGenerator:
    """A small coloured label; ``help`` is its tooltip."""
    if color not in _BADGE_COLORS:
        raise StreamlitAPIException(f"st.badge: color must be one of {', '.join(_BADGE_COLORS)}, got {color!r}.")
    icon = check_icon(icon, "st.badge")
    escaped = str(label).replace("[", "\\[").replace("]", "\\]")
    text = f"{icon} {escaped}" if icon else escaped
    return markdown(f":{color}-badge[{text}]", help=help)
