"""Alerts and things that show progress: info/success/warning/error, progress,
spinner, status, toast, balloons/snow."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, api_as, emit
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import Slot, get_run_context
from termlit.runtime.control import ScriptControl

__all__ = ["balloons", "error", "info", "progress", "snow", "spinner", "status", "success", "toast", "warning"]


def _alert(kind: str, doc: str):
    @api_as(kind, doc)
    def alert(body: Any, *, icon: str | None = None, width: Any = "stretch", title: Any = None) -> DeltaGenerator:
        props = {"body": body if isinstance(body, str) else str(body), "icon": icon,
                 "title": None if title is None else str(title)}
        return emit(kind, props)[1]

    return alert


info = _alert("info", "An informational message in a box; ``title``: a bold line above the body.")
success = _alert("success", "A success message in a green box; ``title``: a bold line above the body.")
warning = _alert("warning", "A warning in a yellow box; ``title``: a bold line above the body.")
error = _alert("error", "An error message in a red box; ``title``: a bold line above the body.")


def progress_percent(value: Any) -> int:
    """0..100 from an int 0..100 or a float 0.0..1.0 (Streamlit's rules)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StreamlitAPIException(
            f"st.progress: value must be an int (0-100) or a float (0.0-1.0), got {type(value).__name__} {value!r}."
        )
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise StreamlitAPIException(f"st.progress: an int value must be between 0 and 100, got {value}.")
        return value
    if not 0.0 <= value <= 1.0:
        raise StreamlitAPIException(f"st.progress: a float value must be between 0.0 and 1.0, got {value}.")
    return int(value * 100)


@api
def progress(value: int | float, text: str | None = None, width: Any = "stretch") -> DeltaGenerator:
    """A progress bar. Call ``.progress(v)`` on the result to move it.
    ``width``: "stretch" (the default) or a number of pixels (cells here)."""
    check_size("st.progress", "width", width, ("stretch",))
    return emit("progress", {"value": progress_percent(value), "text": text, "width": width})[1]


@api
@contextmanager
def spinner(text: str = "In progress...", *, show_time: bool = False, width: Any = "content") -> Iterator[None]:
    """Show a spinning line while the block runs, then remove it."""
    ctx = get_run_context()
    _element, slot = ctx.emit("spinner", {"text": str(text), "show_time": show_time, "started": time.time()})
    try:
        yield
    finally:
        ctx.clear(slot)


_STATES = ("running", "complete", "error")


class StatusContainer(DeltaGenerator):
    """What ``st.status`` returns: a container with a label and a state."""

    __slots__ = ("_status_slot", "_props")

    def __init__(self, node, slot: Slot, props: dict[str, Any]) -> None:
        super().__init__(node=node)
        self._status_slot = slot
        self._props = props

    def update(self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None) -> None:
        """Change the label, the state ("running", "complete", "error") or
        whether it is open."""
        if state is not None and state not in _STATES:
            raise StreamlitAPIException(f"status.update: state must be one of {_STATES}, got {state!r}.")
        props = dict(self._props)
        if label is not None:
            props["label"] = str(label)
        if expanded is not None:
            props["expanded"] = bool(expanded)
        if state is not None:
            props["state"] = state
        self._props = props
        self._node = get_run_context().update_props(self._status_slot, props)

    def __enter__(self) -> StatusContainer:
        super().__enter__()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        super().__exit__(exc_type, exc, tb)
        if self._props.get("state") != "running":
            return
        if exc_type is None:
            self.update(state="complete")
        elif not issubclass(exc_type, ScriptControl):  # st.rerun/st.stop leave it running
            self.update(state="error")


@api
def status(
    label: str, *, expanded: bool = False, state: str = "running", type: str = "default", width: Any = "stretch",
) -> StatusContainer:
    """A container that shows how a long task is going: running (spinning),
    complete (✔) or error (✖). Used as ``with st.status("Loading..."):``.
    ``type`` is the look of an expander: "default", "compact" or "step"."""
    if state not in _STATES:
        raise StreamlitAPIException(f"st.status: state must be one of {_STATES}, got {state!r}.")
    if type not in ("default", "compact", "step"):
        raise StreamlitAPIException(f"st.status: type must be 'default', 'compact' or 'step', got {type!r}.")
    props = {"label": str(label), "expanded": bool(expanded), "state": state, "type": type}
    element, slot = get_run_context().emit("status", props, container=True)
    return StatusContainer(element, slot, props)


@api
def toast(body: Any, *, icon: str | None = None, duration: str | int = "short") -> DeltaGenerator:
    """A short notice in the corner that goes away by itself."""
    seconds = {"short": 4, "long": 10, "infinite": 0}.get(duration, duration) if isinstance(duration, str) else duration
    if not isinstance(seconds, (int, float)):
        raise StreamlitAPIException(
            f"st.toast: duration must be 'short', 'long', 'infinite' or seconds, got {duration!r}."
        )
    ctx = get_run_context()
    return emit("toast", {"body": str(body), "icon": icon, "seconds": seconds, "run": ctx.run_id})[1]


@api
def balloons() -> DeltaGenerator:
    """A small celebration."""
    return emit("balloons", {"glyph": "🎈", "run": get_run_context().run_id})[1]


@api
def snow() -> DeltaGenerator:
    """A small winter celebration."""
    return emit("balloons", {"glyph": "❄", "run": get_run_context().run_id})[1]
