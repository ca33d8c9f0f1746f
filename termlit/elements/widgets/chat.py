"""Chat: ``st.chat_input`` (a message line) and ``st.chat_message`` (a bubble
that holds elements)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from termlit.elements._checks import check_positive_int
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs, widget
from termlit.elements.layout import bottom
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context

__all__ = ["AVATARS", "chat_input", "chat_message"]

#: The glyph shown for the names Streamlit knows.
AVATARS = {"user": "🧑", "human": "🧑", "assistant": "🤖", "ai": "🤖"}


@api
def chat_input(
    placeholder: str = "Your message", *, key: Key | None = None, max_chars: int | None = None,
    accept_file: bool | str = False, file_type: str | Sequence[str] | None = None, disabled: bool = False,
    on_submit: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    width: Any = "stretch", **_ignored: Any,
) -> str | None:
    """A message line at the bottom of the main area. Type, press Enter: the
    next run gets the text (once); every other run gets None."""
    placeholder = str(placeholder)
    common = WidgetArgs("chat_input", placeholder, key=key, on_change=on_submit, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility="collapsed")
    check_positive_int(common.where, "max_chars", max_chars)
    if accept_file:
        raise StreamlitAPIException(
            f"{common.where}: accept_file is not supported by termlit yet; "
            "add an st.file_uploader next to the chat instead."
        )

    def coerce(v: Any) -> str | None:
        # A submitted message lives for one run; the runtime resets triggers to False.
        if not isinstance(v, str):
            return None
        return v[:max_chars] if max_chars else v

    ctx = get_run_context()
    # In the main area (not in a container) the line goes to st.bottom, as in Streamlit.
    place = bottom if not ctx.bare and ctx.target is ctx.main else contextlib.nullcontext()
    with place:
        value = widget(
            common,
            default=None,
            props={"placeholder": placeholder, "max_chars": max_chars},
            params={"placeholder": placeholder, "max_chars": max_chars},
            key_params=("max_chars",),
            trigger=True,
            coerce=coerce,
        )
    return value if isinstance(value, str) else None


@api
def chat_message(name: str, *, avatar: Any = None, width: Any = "stretch") -> DeltaGenerator:
    """A chat message: ``with st.chat_message("user"): st.write("hi")``.

    ``name`` is "user", "assistant", "ai", "human" or any other name; the
    avatar is a glyph for the known names, ``avatar`` if it is a short string
    (an emoji or a letter), else the first letter of the name.
    """
    if not isinstance(name, str) or not name.strip():
        raise StreamlitAPIException(
            'st.chat_message needs a name: "user", "assistant", "ai", "human" or your own, '
            f"got {name!r}."
        )
    if isinstance(avatar, str) and avatar in AVATARS:
        glyph = AVATARS[avatar]
    elif isinstance(avatar, str) and avatar.strip() and len(avatar.strip()) <= 2:
        glyph = avatar.strip()
    elif isinstance(avatar, str) and avatar.startswith(":") and avatar.endswith(":"):
        glyph = name.strip()[0].upper()  # a material icon name: not drawable here
    else:
        glyph = AVATARS.get(name.lower(), name.strip()[0].upper())
    role = name.lower() if name.lower() in AVATARS else "custom"
    if role == "human":
        role = "user"
    if role == "ai":
        role = "assistant"
    return emit("chat_message", {"name": name, "avatar": glyph, "role": role}, container=True)[1]
