"""What ``st.download_button`` saves, and which files ``st.file_uploader`` takes."""

from __future__ import annotations

from typing import Any

__all__ = ["accepts", "download_bytes"]


def accepts(name: str, extensions: list[str] | None) -> bool:
    """Whether a file called ``name`` passes a ``type=`` filter (extensions
    with their dot, lower case; None or empty: any file)."""
    if not extensions:
        return True
    lower = name.lower()
    return any(lower.endswith(ext) for ext in extensions)


def download_bytes(data: Any) -> bytes:
    """The bytes to save for ``data`` (str, bytes, a file-like, or a callable
    returning one of those)."""
    if callable(data) and not hasattr(data, "read"):
        data = data()
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            try:
                data.seek(0)
            except (OSError, ValueError):
                pass
        content = data.read()
        return content.encode("utf-8") if isinstance(content, str) else bytes(content)
    raise TypeError(f"cannot save a {type(data).__name__}: give str, bytes or a file-like object")
