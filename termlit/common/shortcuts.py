"""Keyboard shortcuts of buttons (``shortcut="Ctrl+K"``), as Streamlit writes
them, turned into the key names the terminal UI binds (``ctrl+k``).

:data:`APP_KEYS` are the keys termlit answers to everywhere (the app's own
bindings in ``tui/app.py`` and ``tui/chrome.py``); a button cannot take one
of them, nor a key a terminal cannot tell apart from another.
"""

from __future__ import annotations

__all__ = ["APP_KEYS", "ShortcutError", "parse_shortcut", "shortcut_label"]

#: The keys termlit binds everywhere -> what they do (a test checks this
#: against the app's bindings).
APP_KEYS: dict[str, str] = {
    "ctrl+r": "rerun the script",
    "ctrl+c": "stop the run / quit",
    "ctrl+q": "quit",
    "ctrl+b": "show or hide the sidebar",
    "ctrl+p": "pick a page of the app",
    "ctrl+l": "show the script's output log",
    "question_mark": "the key help",
    "f1": "the key help",
    "tab": "the next widget",
    "shift+tab": "the previous widget",
    "pageup": "scroll the page up",
    "pagedown": "scroll the page down",
}

_MODIFIERS = {
    "ctrl": "ctrl", "control": "ctrl", "cmd": "ctrl", "command": "ctrl", "meta": "ctrl", "mod": "ctrl",
    "alt": "alt", "option": "alt", "opt": "alt",
    "shift": "shift",
}
_SPECIAL = {
    "backspace": "backspace", "delete": "delete", "del": "delete", "down": "down", "end": "end",
    "enter": "enter", "return": "enter", "esc": "escape", "escape": "escape", "home": "home", "left": "left",
    "pagedown": "pagedown", "pageup": "pageup", "right": "right", "space": "space", "tab": "tab", "up": "up",
}
#: Ctrl with these letters reaches a terminal as another key.
_SAME_AS = {"ctrl+i": "tab", "ctrl+m": "enter", "ctrl+h": "backspace", "ctrl+[": "escape"}


class ShortcutError(ValueError):
    """A shortcut that cannot be bound; the message says why and what to use."""


def parse_shortcut(text: str) -> str:
    """The key name (Textual's spelling: ``ctrl+shift+k``, ``f5``, ``enter``)
    of a shortcut written as Streamlit takes it (``"Ctrl+Shift+K"``)."""
    if not isinstance(text, str) or not text.strip():
        raise ShortcutError(f"a shortcut must be a key such as 'K', 'F5' or 'Ctrl+K', got {text!r}")
    parts = [p.strip().lower() for p in text.replace(" ", "").split("+")]
    if any(not p for p in parts):
        raise ShortcutError(f"{text!r} is not a key: write keys joined by '+', e.g. 'Ctrl+K'")
    *mods, key = parts
    seen: list[str] = []
    for m in mods:
        if m not in _MODIFIERS:
            raise ShortcutError(
                f"{m!r} in {text!r} is not a modifier: use Ctrl (or Cmd, Meta, Mod), Alt (or Option) or Shift"
            )
        if _MODIFIERS[m] not in seen:
            seen.append(_MODIFIERS[m])
    if key in _SPECIAL:
        name = _SPECIAL[key]
    elif len(key) == 1 and key.isalnum():
        name = key
    elif key[:1] == "f" and key[1:].isdigit() and 1 <= int(key[1:]) <= 24:
        name = key
    else:
        raise ShortcutError(
            f"{key!r} in {text!r} is not a key a shortcut can use: use a letter, a digit, F1-F24 or one of "
            "Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Space, Tab, Up"
        )
    if key in ("c", "r"):
        raise ShortcutError(f"{text!r}: the keys C and R are reserved (as in Streamlit), even with modifiers")
    order = [m for m in ("ctrl", "alt", "shift") if m in seen]
    if name.isalpha() and len(name) == 1 and order == ["shift"]:
        return name.upper()  # the terminal sends the capital letter
    full = "+".join([*order, name])
    return _SAME_AS.get(full, full)


def shortcut_label(key: str) -> str:
    """How a button shows its key: ``Ctrl+K``, ``F5``, ``Enter``."""
    return "+".join(part.upper() if len(part) == 1 else part.capitalize() for part in key.split("+")).replace(
        "Pageup", "PgUp").replace("Pagedown", "PgDn").replace("Escape", "Esc")
