"""What a cached function shows in the app: a spinner while a miss computes,
and the elements it shows, captured on a miss and shown again on a hit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from termlit.caching._errors import warn_once
from termlit.runtime.context import RunContext
from termlit.runtime.tree import Element, snapshot

__all__ = ["capture_elements", "replay", "spinner"]


@contextmanager
def spinner(ctx: RunContext | None, show_spinner: bool | str, show_time: bool, name: str) -> Iterator[None]:
    """Show a spinner element while a miss computes (inside a run only)."""
    if not show_spinner or ctx is None or ctx.bare:
        yield
        return
    text = show_spinner if isinstance(show_spinner, str) else f"Running {name}(...)."
    _element, slot = ctx.emit("spinner", {"text": text, "show_time": bool(show_time)})
    try:
        yield
    finally:
        ctx.clear(slot)  # never raises for a stop request; the slot goes when last


@contextmanager
def capture_elements(ctx: RunContext | None, func_name: str) -> Iterator[list[Element]]:
    """Collect what the block shows in the active container, as it stands
    when the block ends (placeholders filled in, spinners cleared). Widgets
    are left out: they cannot be replayed."""
    captured: list[Element] = []
    if ctx is None or ctx.bare:
        yield captured
        return
    base = ctx.target
    start = len(base.children) if isinstance(base, Element) and base.children is not None else None
    widgets_before = set(ctx.widget_ids)
    with ctx.record() as recorded:
        yield captured
    elements = list(base.children[start:]) if start is not None else list(recorded)
    new_widgets = ctx.widget_ids - widgets_before
    if new_widgets:
        warn_once(
            "widgets",
            func_name,
            f"{func_name}() shows a widget, but it is cached: on later calls its result comes "
            "from the cache, the widget is not shown and its value is not read again. Create "
            "the widget outside the cached function and pass its value in as an argument.",
        )
    captured.extend(_without(elements, new_widgets))


def _without(elements: list[Element], widget_ids: set[str]) -> list[Element]:
    kept = []
    for element in elements:
        if element.id in widget_ids or element.kind == "spinner":
            continue
        copy = snapshot(element)
        if copy.children is not None:
            copy.children = _without(copy.children, widget_ids)
        kept.append(copy)
    return kept


def replay(ctx: RunContext | None, elements: list[Element]) -> None:
    """Show again, in the active container, what a cached call showed."""
    if elements and ctx is not None and not ctx.bare:
        ctx.replay(elements)
