"""What ``st.download_button`` saves."""

from __future__ import annotations

from typing import Any

__all__ = ["download_bytes"]


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
