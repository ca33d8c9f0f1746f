"""Buttons' keyboard shortcuts (``st.button(..., shortcut="Ctrl+K")``).

A button view with a shortcut calls :func:`register` when it mounts: the key
becomes an app binding (so the footer and the key help show it) whose action
presses the button on screen that has the key now. The app hides a binding
while no mounted button has its key (:func:`is_live`), so a shortcut leaves
the footer with its button.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.app import App

from termlit.common.shortcuts import shortcut_label
from termlit.tui.widgets._base import ElementView

__all__ = ["ACTION", "is_live", "press", "register"]

#: The app action every shortcut binding runs, with the key as its parameter.
ACTION = "press_shortcut"

#: The keys bound so far, per app (each session of ``termlit serve`` has its own).
_bound: WeakKeyDictionary[App, set[str]] = WeakKeyDictionary()


def register(app: App, key: str, label: str) -> None:
    """Make ``key`` press the button labelled ``label`` (once per key and app)."""
    keys = _bound.setdefault(app, set())
    if key in keys:
        return
    keys.add(key)
    app.bind(key, f"{ACTION}({key!r})", description=label[:24], key_display=shortcut_label(key))
    app.refresh_bindings()


def _views(app: App, key: str) -> list[ElementView]:
    return [
        node for node in app.screen.walk_children()
        if isinstance(node, ElementView) and node.element.props.get("shortcut") == key
    ]


def is_live(app: App, key: str) -> bool:
    """Whether a button on screen has ``key`` as its shortcut."""
    return bool(_views(app, key))


def press(app: App, key: str) -> None:
    """Press the button whose shortcut is ``key`` (a disabled one: nothing)."""
    for view in _views(app, key):
        if not view.element.props.get("disabled"):
            view.press_shortcut()  # type: ignore[attr-defined]
        return
