"""Fragments and dialogs: parts of a script that rerun on their own.

A function decorated with ``@st.fragment`` draws into its own container. When
a widget inside it changes, only the function reruns (with the arguments of
its last call), and the rest of the page stays as the last full run left it.
``run_every`` reruns it on a timer. ``@st.dialog`` is a fragment shown in a
modal window.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from termlit.elements._dg import api
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.fragments import FragmentCall

__all__ = ["dialog", "fragment"]

F = TypeVar("F", bound=Callable[..., Any])


_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _seconds(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str):
        parts = re.findall(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?", value.strip())
        if not parts or not re.fullmatch(r"(\s*\d+(?:\.\d+)?\s*(ms|s|m|h|d)?\s*)+", value):
            raise StreamlitAPIException(
                f"run_every={value!r} is not a duration: use seconds (2.5), a timedelta, or a string like '10s', '1m'."
            )
        seconds = sum(float(n) * _UNITS[u or "s"] for n, u in parts)
    else:
        raise StreamlitAPIException(f"run_every must be seconds, a timedelta or a string, got {type(value).__name__}.")
    if seconds <= 0:
        raise StreamlitAPIException(f"run_every must be positive, got {value!r}.")
    return seconds


def _wrap(func: Callable[..., Any], kind: str, props: dict[str, Any], run_every: float | None) -> Callable[..., Any]:
    name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', repr(func))}"

    @functools.wraps(func)
    def call(*args: Any, **kwargs: Any) -> Any:
        ctx = get_run_context()
        if ctx.bare:
            return func(*args, **kwargs)
        fid = ctx.new_fragment_id(name)
        key = props.get("key")
        if key is not None:
            owners = ctx.__dict__.setdefault("_fragment_keys", {})
            if owners.setdefault(key, name) != name:
                raise StreamlitAPIException(
                    f"The fragment key {key!r} is used by two fragment functions in this run "
                    f"({owners[key]} and {name}); fragment keys must be unique."
                )
        if kind == "dialog":
            if ctx.open_dialog is not None:
                raise StreamlitAPIException(
                    f"Only one dialog can be open at a time; '{props['title']}' was called "
                    f"while '{ctx.open_dialog}' is open."
                )
            ctx.open_dialog = props["title"]
        element, _slot = ctx.emit(kind, dict(props), container=True)
        ctx.fragments[fid] = FragmentCall(func, args, kwargs, element.id, run_every, ctx.widget_page, key)
        with ctx.inside_fragment(fid, element):
            return func(*args, **kwargs)

    return call


def _check_fragment_key(key: Any) -> str | None:
    if key is None:
        return None
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise StreamlitAPIException(f"st.fragment: key must be a string or an int, got {type(key).__name__} {key!r}.")
    key = str(key)
    if key in ("app", "fragment"):
        raise StreamlitAPIException(
            f"st.fragment: the key {key!r} is reserved (st.rerun takes it as a scope); choose another key."
        )
    return key


@api
def fragment(func: F | None = None, *, run_every: Any = None, parallel: bool = False, key: str | int | None = None) -> Any:
    """Make a function a fragment: its widgets rerun only the function.

    Use as ``@st.fragment`` or ``@st.fragment(run_every="5s")``. ``key``
    names the fragment, so that a widget callback can rerun only it with
    ``st.rerun("key")`` (unique among the fragments of a run; every call
    site of one function shares it). ``parallel=True`` is accepted: in the
    terminal a fragment always runs in line with the script, in order, so
    the page reads the same as with ``parallel=False``.
    """
    seconds = _seconds(run_every)
    key = _check_fragment_key(key)
    props = {"run_every": seconds, "key": key, "parallel": bool(parallel)}
    if func is None:
        return lambda f: _wrap(f, "fragment", props, seconds)
    if not callable(func):
        raise StreamlitAPIException(f"st.fragment decorates a function, got {type(func).__name__}.")
    return _wrap(func, "fragment", props, seconds)


@api
def dialog(
    title: str,
    *,
    width: str = "small",
    position: str = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Callable[[F], F]:
    """Make a function a dialog: calling it opens a modal window with what it
    shows; its widgets rerun only the dialog, and ``st.rerun()`` closes it.
    ``position="left"`` or ``"right"`` shows it as a full-height drawer on
    that side; ``icon`` goes before the title."""
    if width not in ("small", "medium", "large"):
        raise StreamlitAPIException(f"st.dialog: width must be 'small', 'medium' or 'large', got {width!r}.")
    if position not in ("center", "left", "right"):
        raise StreamlitAPIException(f"st.dialog: position must be 'center', 'left' or 'right', got {position!r}.")
    if callable(title):
        raise StreamlitAPIException("st.dialog needs a title: use @st.dialog(\"Title\"), with parentheses.")
    props = {"title": str(title), "width": width, "dismissible": bool(dismissible), "position": position, "icon": icon}
    return lambda func: _wrap(func, "dialog", props, None)
