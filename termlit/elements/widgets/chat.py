"""Chat: ``st.chat_input`` (a message line) and ``st.chat_message`` (a bubble
that holds elements)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any

from termlit.elements._checks import check_positive_int
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs, widget
from termlit.elements.layout import bottom
from termlit.elements.widgets.file_uploader import UploadedFile, accepted_types
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context

__all__ = ["AVATARS", "ChatInputValue", "chat_input", "chat_message"]

#: The glyph shown for the names Streamlit knows.
AVATARS = {"user": "🧑", "human": "🧑", "assistant": "🤖", "ai": "🤖"}


class ChatInputValue(MutableMapping[str, Any]):
    """What ``st.chat_input(accept_file=...)`` returns for a message: its
    ``text`` and its attached ``files`` (a list of :class:`UploadedFile`),
    as attributes or keys."""

    def __init__(self, text: str, files: list[UploadedFile]) -> None:
        self._data: dict[str, Any] = {"text": text, "files": files}

    @property
    def text(self) -> str:
        return self._data["text"]

    @property
    def files(self) -> list[UploadedFile]:
        return self._data["files"]

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._data[key] = value

    def __delitem__(self, key: str) -> None:
        del self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"ChatInputValue(text={self.text!r}, files={self.files!r})"


@api
def chat_input(
    placeholder: str = "Your message", *, key: Key | None = None, max_chars: int | None = None,
    accept_file: bool | str = False, file_type: str | Sequence[str] | None = None, disabled: bool = False,
    on_submit: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    width: Any = "stretch", **_ignored: Any,
) -> str | ChatInputValue | None:
    """A message line at the bottom of the main area. Type, press Enter: the
    next run gets the text (once); every other run gets None. With
    ``accept_file`` (True: one file, "multiple": several) ctrl+o attaches
    files and the message is a :class:`ChatInputValue` (text and files)."""
    placeholder = str(placeholder)
    common = WidgetArgs("chat_input", placeholder, key=key, on_change=on_submit, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility="collapsed")
    check_positive_int(common.where, "max_chars", max_chars)
    if accept_file == "directory":
        raise StreamlitAPIException(
            f"{common.where}: accept_file='directory' is not supported by termlit yet. "
            "Use accept_file='multiple' and pick the files."
        )
    if accept_file not in (True, False, "multiple"):
        raise StreamlitAPIException(
            f"{common.where}: accept_file must be True, False or 'multiple', got {accept_file!r}."
        )
    types = accepted_types(common.where, file_type)

    def coerce(v: Any) -> Any:
        # A submitted message lives for one run; the runtime resets triggers to False.
        if isinstance(v, dict) and accept_file:
            text = str(v.get("text") or "")
            files = [f if isinstance(f, UploadedFile) else UploadedFile.from_path(f) for f in v.get("files") or ()]
            keep = None if accept_file == "multiple" else 1
            return {"text": text[:max_chars] if max_chars else text, "files": files[:keep]}
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
            props={"placeholder": placeholder, "max_chars": max_chars, "accept_file": accept_file, "types": types},
            params={"placeholder": placeholder, "max_chars": max_chars, "accept_file": accept_file},
            key_params=("max_chars",),
            trigger=True,
            coerce=coerce,
        )
    if accept_file:
        if isinstance(value, dict):
            return ChatInputValue(value["text"], list(value["files"]))
        return ChatInputValue(value, []) if isinstance(value, str) else None
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
