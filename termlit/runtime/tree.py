"""The element tree a script run builds.

An :class:`Element` is plain data: a kind (``"markdown"``, ``"slider"``,
``"columns"``...), an id, a dict of props and, for containers, a list of
children. Elements are never mutated after a run hands them to a viewer;
a container's ``children`` list is the only thing that grows while a run is in
flight, and :func:`snapshot` copies just those lists.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Element", "snapshot", "walk"]


class Element:
    """One node of a run's tree."""

    __slots__ = ("kind", "id", "props", "children")

    def __init__(
        self,
        kind: str,
        id: str,
        props: dict[str, Any] | None = None,
        children: list[Element] | None = None,
    ) -> None:
        self.kind = kind
        self.id = id
        self.props = props if props is not None else {}
        #: ``None`` for a leaf; a list (possibly empty) for a container.
        self.children = children

    @property
    def is_container(self) -> bool:
        return self.children is not None

    def __repr__(self) -> str:
        extra = f", {len(self.children)} children" if self.children is not None else ""
        return f"Element({self.kind!r}, {self.id!r}{extra})"


def snapshot(element: Element) -> Element:
    """Copy the container structure of ``element``; leaves are shared."""
    if element.children is None:
        return element
    return Element(
        element.kind,
        element.id,
        element.props,
        [snapshot(child) for child in element.children],
    )


def walk(element: Element):
    """Yield ``element`` and every descendant, in document order."""
    yield element
    if element.children:
        for child in element.children:
            yield from walk(child)
