"""``st.skeleton``: a dimmed, moving placeholder that stands where content is
still loading.

Standalone it is a placeholder like ``st.empty()``: the first call on it
replaces the skeleton. As a context manager it shows while the block runs and
goes away when the block ends (also when it raises); what the block writes goes
to the container around it, as with ``st.spinner``.
"""

from __future__ import annotations

from typing import Any

from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api
from termlit.runtime.context import get_run_context

__all__ = ["SkeletonPlaceholder", "skeleton"]

#: Streamlit's pixels per terminal row.
_PIXELS_PER_ROW = 24


class SkeletonPlaceholder(DeltaGenerator):
    """What ``st.skeleton`` returns: a one-element placeholder that is also a
    context manager (the skeleton shows while the ``with`` block runs)."""

    __slots__ = ()

    def __enter__(self) -> SkeletonPlaceholder:  # the block writes around the skeleton, not into it
        return self

    def __exit__(self, *exc: object) -> None:
        slot = self._slot
        if slot is not None:
            get_run_context().clear(slot)


@api
def skeleton(height: int | str | None = None, *, width: int | str = "stretch") -> SkeletonPlaceholder:
    """A loading placeholder; see the module docstring. ``height`` is in pixels
    as in Streamlit (about 24 to a terminal row; None: one widget's height,
    3 rows) or "stretch"; ``width`` in pixels or "stretch"."""
    where = "st.skeleton"
    check_size(where, "height", height, ("stretch",))
    check_size(where, "width", width, ("stretch",))
    rows = 3 if height is None or height == "stretch" else max(1, round(height / _PIXELS_PER_ROW))
    columns = None if width == "stretch" else max(4, round(width / 8))
    _element, slot = get_run_context().emit("skeleton", {"rows": rows, "columns": columns, "height": height})
    return SkeletonPlaceholder(slot=slot)
