"""Layout: the sidebar, containers, columns and placeholders."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context

__all__ = ["columns", "container", "empty", "expander", "popover", "sidebar", "tabs"]

#: ``st.sidebar``: everything called on it (or inside ``with st.sidebar:``)
#: goes to the sidebar, which ``ctrl+b`` shows and hides.
sidebar = DeltaGenerator("sidebar")

_GAPS = ("small", "medium", "large", None)


@api
def empty() -> DeltaGenerator:
    """A placeholder holding at most one element; each call on it replaces it."""
    return emit("empty", {})[1]


@api
def container(
    *,
    border: bool | None = None,
    key: str | None = None,
    height: int | None = None,
    width: Any = "stretch",
) -> DeltaGenerator:
    """A group of elements; ``with st.container():`` puts elements in it."""
    if height is not None and (not isinstance(height, int) or height < 1):
        raise StreamlitAPIException(f"st.container: height must be a positive int (rows), got {height!r}.")
    return emit("container", {"border": bool(border) if border is not None else height is not None, "height": height, "key": key}, container=True)[1]


@api
def columns(
    spec: int | Sequence[float],
    *,
    gap: str | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: Any = "stretch",
) -> list[DeltaGenerator]:
    """Side-by-side columns: ``spec`` is a count or a list of relative widths."""
    if isinstance(spec, numbers.Integral) and not isinstance(spec, bool):
        if spec < 1:
            raise StreamlitAPIException(f"st.columns: the number of columns must be at least 1, got {spec}.")
        weights = [1.0] * int(spec)
    else:
        try:
            weights = [float(w) for w in spec]
        except (TypeError, ValueError):
            raise StreamlitAPIException(
                f"st.columns: spec must be an int or a list of positive numbers, got {spec!r}."
            ) from None
        if not weights or any(w <= 0 for w in weights):
            raise StreamlitAPIException(
                f"st.columns: widths must be positive numbers, got {list(spec)!r}."
            )
    if gap not in _GAPS:
        raise StreamlitAPIException(f"st.columns: gap must be 'small', 'medium', 'large' or None, got {gap!r}.")
    row, _handle = emit("columns", {"gap": gap, "weights": weights, "border": border, "vertical_alignment": vertical_alignment}, container=True)
    ctx = get_run_context()
    total = sum(weights)
    handles = []
    for w in weights:
        column, _slot = ctx.emit("column", {"weight": w / total, "border": border}, container=True, target=row)
        handles.append(DeltaGenerator(node=column))
    return handles


@api
def tabs(labels: Sequence[str], *, width: Any = "stretch", default: str | None = None) -> list[DeltaGenerator]:
    """Tabs: one container per label; ←/→ on the tab bar switch between them."""
    names = [str(label) for label in labels] if not isinstance(labels, str) else None
    if not names:
        raise StreamlitAPIException(
            "st.tabs needs a non-empty list of labels, e.g. st.tabs(['Chart', 'Data'])."
        )
    if default is not None and default not in names:
        raise StreamlitAPIException(f"st.tabs: default={default!r} is not one of the labels {names}.")
    row, _handle = emit("tabs", {"labels": names, "default": default}, container=True)
    ctx = get_run_context()
    handles = []
    for name in names:
        tab, _slot = ctx.emit("tab", {"label": name}, container=True, target=row)
        handles.append(DeltaGenerator(node=tab))
    return handles


@api
def expander(label: str, expanded: bool = False, *, icon: str | None = None, width: Any = "stretch") -> DeltaGenerator:
    """A section that opens and closes (Enter on its title)."""
    return emit("expander", {"label": str(label), "expanded": bool(expanded), "icon": icon}, container=True)[1]


@api
def popover(
    label: str, *, help: str | None = None, type: str = "secondary", icon: str | None = None,
    disabled: bool = False, use_container_width: bool | None = None, width: Any = "content",
) -> DeltaGenerator:
    """A button that shows its contents when pressed (Enter), hides them when
    pressed again."""
    return emit(
        "popover",
        {"label": str(label), "help": help, "icon": icon, "disabled": bool(disabled)},
        container=True,
    )[1]
