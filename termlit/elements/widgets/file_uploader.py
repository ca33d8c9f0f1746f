"""``st.file_uploader`` and the :class:`UploadedFile` it returns: files
picked from disk with the keyboard."""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termlit.common.files import accepts
from termlit.elements._checks import check_positive_int
from termlit.elements._dg import api
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs, widget
from termlit.errors import StreamlitAPIException

__all__ = ["UploadedFile", "accepted_types", "file_uploader", "file_widget"]


class UploadedFile(io.BytesIO):
    """A file the user picked: its bytes, plus ``name``, ``type`` (MIME) and
    ``size``. Read it like any binary file (``read``, ``seek``, ``getvalue``);
    pandas and PIL accept it directly."""

    def __init__(self, name: str, data: bytes, type: str | None = None, path: str | None = None) -> None:
        super().__init__(data)
        self.name = name
        self.type = type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.size = len(data)
        #: Where the file was read from (termlit only; None for test uploads).
        self.path = path
        self.file_id = f"{name}:{self.size}:{hash(data) & 0xFFFFFFFF:08x}"

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> UploadedFile:
        p = Path(path).expanduser()
        return cls(p.name, p.read_bytes(), path=str(p.resolve()))

    def __repr__(self) -> str:
        return f"UploadedFile(name={self.name!r}, type={self.type!r}, size={self.size})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.name == other.name and self.getvalue() == other.getvalue()

    __hash__ = None  # type: ignore[assignment]


def accepted_types(where: str, type: Any) -> list[str] | None:
    """The file extensions ``type`` allows (``.csv``...), None for any."""
    return _extensions(where, type)


def _extensions(where: str, type: Any) -> list[str] | None:
    if type is None:
        return None
    items = [type] if isinstance(type, str) else list(type)
    out = []
    for item in items:
        if not isinstance(item, str) or not item.strip(". "):
            raise StreamlitAPIException(
                f"{where}: type must be an extension or a list of them, e.g. "
                f"type=['csv', 'txt'], got {item!r}."
            )
        ext = "." + item.strip().lstrip(".").lower()
        out.append(ext)
        if ext in (".jpg", ".jpeg"):
            out.extend(e for e in (".jpg", ".jpeg") if e not in out)
    return out


@api
def file_uploader(
    label: str, type: str | Sequence[str] | None = None, accept_multiple_files: bool | str = False,
    key: Key | None = None, help: str | None = None,
    on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    max_upload_size: int | None = None, disabled: bool = False, label_visibility: str = "visible",
    width: Any = "stretch",
) -> Any:
    """Pick files from disk with the keyboard: Enter opens a file tree at the
    current directory. Returns an :class:`UploadedFile` (or None), or a list of
    them with ``accept_multiple_files=True``.

    ``accept_multiple_files="directory"`` is not supported in the terminal yet.
    """
    return file_widget("file_uploader", label, type, accept_multiple_files, key=key, help=help, on_change=on_change,
                       args=args, kwargs=kwargs, max_upload_size=max_upload_size, disabled=disabled,
                       label_visibility=label_visibility)


def file_widget(
    kind: str, label: str, type: Any, accept_multiple_files: bool | str, *, key: Any, help: str | None,
    on_change: Any, args: Any, kwargs: Any, max_upload_size: int | None = None, disabled: bool = False,
    label_visibility: str = "visible", props: dict[str, Any] | None = None,
) -> Any:
    """A widget of ``kind`` whose value is picked files: ``st.file_uploader``,
    and ``st.camera_input`` / ``st.audio_input``, which pick a file in a terminal."""
    common = WidgetArgs(kind, label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility=label_visibility)
    where = common.where
    if accept_multiple_files == "directory":
        raise StreamlitAPIException(
            f"{where}: accept_multiple_files='directory' is not supported by termlit yet. "
            "Use accept_multiple_files=True and pick the files."
        )
    if not isinstance(accept_multiple_files, bool):
        raise StreamlitAPIException(
            f"{where}: accept_multiple_files must be True or False, got {accept_multiple_files!r}."
        )
    extensions = _extensions(where, type)
    check_positive_int(where, "max_upload_size (megabytes)", max_upload_size)
    multi = accept_multiple_files
    limit = (max_upload_size or 200) * 1024 * 1024

    def one(v: Any) -> UploadedFile:
        f = v if isinstance(v, UploadedFile) else UploadedFile.from_path(v)
        if not accepts(f.name, extensions) or f.size > limit:
            raise ValueError("rejected")
        f.seek(0)
        return f

    def coerce(v: Any) -> Any:
        if multi:
            items = [] if v is None else (list(v) if isinstance(v, (list, tuple)) else [v])
            return [one(i) for i in items]
        if isinstance(v, (list, tuple)):
            v = v[0] if v else None
        return None if v is None else one(v)

    value = widget(
        common,
        default=[] if multi else None,
        props={**(props or {}), "types": extensions, "multi": multi, "max_size": limit},
        params={"types": extensions, "multi": multi, "help": help, "max_size": max_upload_size},
        key_params=("types", "multi"),
        coerce=coerce,
    )
    return list(value) if multi else value
