"""The base of what AppTest hands out: element views, widgets, lists of them.

Names follow Streamlit's ``streamlit.testing.v1`` so that a test ports by
changing its import: ``.value``, ``.label``, ``.key``, and widget actions
(``click``, ``set_value``, ``input``, ``check``, ``select``, ``increment``...)
that return the widget so ``.run()`` can chain. The widget kinds are in
:mod:`termlit.testing.widgets` and :mod:`termlit.testing.data`; which view
an element gets is decided in :mod:`termlit.testing.elements`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar, overload

from termlit.runtime.state import SessionState
from termlit.runtime.tree import Element

__all__ = ["UNSET", "ElementList", "Host", "Inputs", "Node", "Widget"]

#: No value was given to the widget since the last run.
UNSET: Any = object()


class Inputs:
    """The values a test gave widgets since the last run, by widget id; the
    next ``run()`` hands them to the runner as a user's changes."""

    def __init__(self, state: SessionState) -> None:
        self._state = state
        self._values: dict[str, Any] = {}
        #: The page to show in the next run and its query parameters (None:
        #: keep the session's), or None to stay on the page.
        self.page: tuple[str, dict[str, Any] | None] | None = None

    def set(self, wid: str, value: Any) -> None:
        self._values[wid] = value

    def queued(self, wid: str) -> Any:
        """The value given to ``wid`` for the next run, or :data:`UNSET`."""
        return self._values.get(wid, UNSET)

    def get(self, wid: str, default: Any) -> Any:
        """The value ``wid`` has in the next run: the one given, or the
        session's current one."""
        value = self._values.get(wid, UNSET)
        return value if value is not UNSET else self._state.widget_value(wid, default)

    def take(self) -> dict[str, Any]:
        """Every value given, in the order given; forgets them."""
        values, self._values = self._values, {}
        return values

    def take_page(self) -> tuple[str, dict[str, Any] | None] | None:
        """The page asked for since the last run, if any; forgets it."""
        page, self.page = self.page, None
        return page


class Host(Protocol):
    """The AppTest a view belongs to (typed here so views do not import it)."""

    _inputs: Inputs

    def run(self, *, timeout: float | None = None) -> Any: ...


class Node:
    """One element of the last run."""

    def __init__(self, element: Element, at: Host) -> None:
        self._element = element
        self._at = at

    @property
    def type(self) -> str:
        return self._element.kind

    kind = type

    @property
    def id(self) -> str:
        return self._element.id

    @property
    def props(self) -> dict[str, Any]:
        return self._element.props

    @property
    def value(self) -> Any:
        props = self._element.props
        if "body" in props:
            return props["body"]
        return props.get("value")

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("_element").props
        if name in props:
            return props[name]
        raise AttributeError(f"{type(self).__name__} ({self.type}) has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"

    def run(self, *, timeout: float | None = None) -> Any:
        return self._at.run(timeout=timeout)


class Widget(Node):
    """A widget of the last run; actions queue a value for the next run."""

    @property
    def label(self) -> str:
        return self._element.props["label"]

    @property
    def key(self) -> str | None:
        return self._element.props.get("key")

    @property
    def disabled(self) -> bool:
        return self._element.props.get("disabled", False)

    @property
    def help(self) -> str | None:
        return self._element.props.get("help")

    @property
    def value(self) -> Any:
        return self._at._inputs.get(self.id, self._element.props.get("value"))

    def set_value(self, value: Any) -> Widget:
        """Give the widget ``value`` in the next run (as if the user did)."""
        self._at._inputs.set(self.id, value)
        return self


N = TypeVar("N", bound=Node)


class ElementList(Sequence[N], Generic[N]):
    """The elements of one kind, in document order.

    Index it (``at.button[0]``), iterate it, or call it with a key
    (``at.button(key="go")``).
    """

    def __init__(self, items: list[N]) -> None:
        self._items = items

    @overload
    def __getitem__(self, index: int) -> N: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return ElementList(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError(
                f"element index {index} out of range: the last run shows {len(self._items)} of this kind"
            ) from None

    def __len__(self) -> int:
        return len(self._items)

    def __call__(self, key: str) -> N:
        for item in self._items:
            if getattr(item, "key", None) == key or item.props.get("key") == key:
                return item
        raise KeyError(f"no element with key {key!r} in the last run")

    @property
    def values(self) -> list[Any]:
        return [item.value for item in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"
