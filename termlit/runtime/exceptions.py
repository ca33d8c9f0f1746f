"""Exceptions as elements: the one place that builds an exception element's props.

A user's error, ``st.exception(e)`` and an element the UI could not draw all
show as an ``exception`` element with the same props: ``type``, ``message``,
``traceback`` (lines), ``filename``, ``lineno``, ``is_syntax_error``, and
``is_markdown`` / ``is_warning`` (a ``MarkdownFormattedException``, a
``StreamlitAPIWarning``: as Streamlit marks them). An error the script did
not catch shows as much as the ``client.showErrorDetails`` option says:
"full" (or True) everything, "stacktrace" (or False) the type and the frames,
"type" the type alone, "none" nothing but that there was an error. The
traceback keeps the user's own frames (and the library frame that raised);
termlit's frames never show. Every message and line goes through
:func:`termlit.common.masking.mask`, so a registered secret never reaches the
screen.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from termlit.common.masking import mask
from termlit.errors import MarkdownFormattedException, StreamlitAPIWarning
from termlit.runtime.config import get_option
from termlit.runtime.context import RunContext

__all__ = ["emit_exception", "exception_props", "exception_props_from_text"]

_TERMLIT_DIR = str(Path(__file__).resolve().parent.parent)
_LIBRARY_MARKERS = ("site-packages", "dist-packages", f"{os.sep}lib{os.sep}python")


def _is_library(filename: str) -> bool:
    return filename.startswith(_TERMLIT_DIR) or any(m in filename for m in _LIBRARY_MARKERS)


def _user_frames(tb: traceback.StackSummary) -> list[traceback.FrameSummary]:
    """The frames of the user's own code, then the frame where the error was
    raised when that was inside a library; termlit's frames never show."""
    frames = [f for f in tb if not f.filename.startswith(_TERMLIT_DIR) and "threading.py" not in f.filename]
    kept = [f for f in frames if not _is_library(f.filename)]
    if frames and _is_library(frames[-1].filename):
        kept.append(frames[-1])
    return kept or frames or list(tb)


def exception_props(exc: BaseException) -> dict[str, Any]:
    """Props of an exception element: type, message and the user's frames."""
    if isinstance(exc, SyntaxError):
        lines = traceback.format_exception_only(type(exc), exc)
        return {
            "type": type(exc).__name__,
            "message": mask(exc.msg or str(exc)),
            "traceback": [mask(line.rstrip("\n")) for line in lines],
            "filename": exc.filename,
            "lineno": exc.lineno,
            "is_syntax_error": True,
            "is_markdown": False,
            "is_warning": False,
        }
    summary = traceback.extract_tb(exc.__traceback__)
    frames = _user_frames(summary)
    lines = [mask(line.rstrip("\n")) for line in traceback.format_list(frames)]
    return {
        "type": type(exc).__name__,
        "message": mask(str(exc)),
        "traceback": lines,
        "filename": frames[-1].filename if frames else None,
        "lineno": frames[-1].lineno if frames else None,
        "is_syntax_error": False,
        "is_markdown": isinstance(exc, MarkdownFormattedException),
        "is_warning": isinstance(exc, StreamlitAPIWarning),
    }


def exception_props_from_text(type_name: str, message: str) -> dict[str, Any]:
    """Props of an exception element for an error that has no traceback."""
    return {
        "type": type_name,
        "message": mask(message),
        "traceback": [],
        "filename": None,
        "lineno": None,
        "is_syntax_error": False,
        "is_markdown": False,
        "is_warning": False,
    }


#: The message shown instead of an uncaught error's own when the
#: ``client.showErrorDetails`` option hides it.
HIDDEN_MESSAGE = (
    "This app ran into an error. Its details are not shown here: the app's "
    "client.showErrorDetails option hides them."
)


def _redacted(props: dict[str, Any]) -> dict[str, Any]:
    """``props`` of an uncaught error with what ``client.showErrorDetails`` hides taken out."""
    details = get_option("client.showErrorDetails")
    if details is True or str(details).lower() in ("full", "true"):
        return props
    shown = dict(props, message=HIDDEN_MESSAGE, is_markdown=False)
    if details is False or str(details).lower() in ("stacktrace", "false"):
        return shown
    shown.update(traceback=[], filename=None, lineno=None)
    if str(details).lower() != "type":
        shown["type"] = ""
    return shown


def emit_exception(ctx: RunContext, exc: BaseException) -> None:
    """Show ``exc``, an error the script did not catch, in the run: at the
    end of the page, or inside the fragment a fragment rerun is drawing (the
    rest stays as it was)."""
    ctx.stack.clear()
    requested, ctx.requested = ctx.requested, None  # show the error even if asked to stop
    rerun = ctx.fragment_rerun
    try:
        ctx.emit("exception", _redacted(exception_props(exc)), target=rerun.node if rerun is not None else None)
    finally:
        if ctx.requested is None:
            ctx.requested = requested
