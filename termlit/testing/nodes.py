"""The base of what AppTest hands out: element views, widgets, lists of them.

Names follow Streamlit's ``streamlit.testing.v1`` so that a test ports by
changing its import: ``.type``, ``.value``, ``.label``, ``.key``, and widget
actions (``click``, ``set_value``, ``input``, ``check``, ``select``,
``increment``...) that return the widget so ``.run()`` can chain. The views
of each family are in :mod:`termlit.testing.text`,
:mod:`termlit.testing.widgets` and :mod:`termlit.testing.data`; which view an
element gets is decided in :mod:`termlit.testing.elements`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, Protocol, TypeVar, overload

from termlit.runtime.state import SessionState
from termlit.runtime.tree import Element

__all__ = [
    "UNSET", "AppTestError", "BlockList", "ElementList", "Host", "Inputs", "Node", "Widget", "WidgetList", "prop",
]

#: No value was given to the widget since the last run.
UNSET: Any = object()

#: The type Streamlit's AppTest reports for element kinds it names otherwise.
_TYPES = {
    "form_submit_button": "button",
    "pills": "button_group",
    "segmented_control": "button_group",
    "help": "help_info",
    "datetime_input": "date_time_input",
}


def prop(name: str, *, text: bool = False, doc: str | None = None) -> property:
    """A view attribute reading the element's prop ``name``; with ``text``,
    "" when it is missing or None (as Streamlit reports an unset string)."""
    if text:
        return property(lambda self: self._element.props.get(name) or "", doc=doc)
    return property(lambda self: self._element.props[name], doc=doc)


class AppTestError(Exception):
    """A test asked for something a user could not do (type into a disabled
    widget), or that AppTest cannot do with this element."""


class Inputs:
    """The values a test gave widgets since the last run, by widget id; the
    next ``run()`` hands them to the runner as a user's changes."""

    def __init__(self, state: SessionState) -> None:
        self._state = state
        self._values: dict[str, Any] = {}
        #: The page to show in the next run and its query parameters (None:
        #: keep the session's), or None to stay on the page.
        self.page: tuple[str, dict[str, Any] | None] | None = None
        self._checks: dict[str, Callable[[Any], None]] = {}

    def set(self, wid: str, value: Any, check: Callable[[Any], None] | None = None) -> None:
        """Queue ``value`` for ``wid``; ``check`` raises at the next run when
        the value cannot be given (an option that does not exist)."""
        self._values[wid] = value
        if check is None:
            self._checks.pop(wid, None)
        else:
            self._checks[wid] = check

    def queued(self, wid: str) -> Any:
        """The value given to ``wid`` for the next run, or :data:`UNSET`."""
        return self._values.get(wid, UNSET)

    def get(self, wid: str, default: Any) -> Any:
        """The value ``wid`` has in the next run: the one given, or the
        session's current one."""
        value = self._values.get(wid, UNSET)
        return value if value is not UNSET else self._state.widget_value(wid, default)

    def take(self) -> dict[str, Any]:
        """Every value given, in the order given, after checking each; forgets them."""
        for wid, check in self._checks.items():
            check(self._values[wid])
        values, self._values, self._checks = self._values, {}, {}
        return values

    def take_page(self) -> tuple[str, dict[str, Any] | None] | None:
        """The page asked for since the last run, if any; forgets it."""
        page, self.page = self.page, None
        return page


class Host(Protocol):
    """The AppTest a view belongs to (typed here so views do not import it)."""

    _inputs: Inputs
    session_state: Any

    def run(self, *, timeout: float | None = None) -> Any: ...

    def _tree(self) -> Any: ...


class Node:
    """One element of the last run. Its props read as attributes too
    (``at.dataframe[0].labels``); an attribute it has not is an AttributeError."""

    def __init__(self, element: Element, at: Host) -> None:
        self._element = element
        self._at = at

    @property
    def type(self) -> str:
        """The element's type, as Streamlit's AppTest names it."""
        kind = self._element.kind
        return _TYPES.get(kind, kind)

    @property
    def kind(self) -> str:
        """The element's kind in termlit's tree (the ``st.*`` call that made it)."""
        return self._element.kind

    @property
    def id(self) -> str:
        return self._element.id

    @property
    def key(self) -> str | None:
        return self._element.props.get("key")

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
        element = self.__dict__.get("_element")
        if element is not None and name in element.props:
            return element.props[name]
        if name in ("set_value", "click"):
            def unsupported(*args: Any, **kwargs: Any) -> None:
                raise AppTestError(
                    f"{name}() is not supported for {self.type}: AppTest can inspect this "
                    "element but a user cannot change it."
                )

            return unsupported
        raise AttributeError(f"{type(self).__name__} ({self.type}) has no attribute {name!r}")

    def __iter__(self) -> Iterator[Node]:
        yield self

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._element is self._element  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(id(self._element))

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
    def disabled(self) -> bool:
        return bool(self._element.props.get("disabled", False))

    @property
    def help(self) -> str:
        """The help text, or "" (as Streamlit reports a widget without one)."""
        return self._element.props.get("help") or ""

    @property
    def form_id(self) -> str:
        """The key of the form the widget is in, or ""."""
        return self._element.props.get("form") or ""

    @property
    def value(self) -> Any:
        return self._at._inputs.get(self.id, self._element.props.get("value"))

    def set_value(self, v: Any) -> Widget:
        """Give the widget the value ``v`` in the next run (as if the user did)."""
        return self._queue(v)

    def _queue(self, value: Any, check: Callable[[Any], None] | None = None) -> Widget:
        if self.disabled:
            key = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot update a disabled {self.type} widget{key}: a user cannot change a disabled widget."
            )
        self._at._inputs.set(self.id, value, check)
        return self


N = TypeVar("N", bound=Node)


class ElementList(Generic[N]):
    """The elements of one kind, in document order.

    Index it (``at.button[0]``, ``at.button[-1]``), slice it, iterate it,
    take ``len()`` or ``.len``, compare it with a list, or call it with a key
    (``at.button(key="go")`` or ``at.button("go")``).
    """

    def __init__(self, items: Sequence[N]) -> None:
        self._items = list(items)

    @overload
    def __getitem__(self, index: int) -> N: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(self._items[index])
        try:
            return self._items[index]
        except IndexError:
            raise IndexError(
                f"element index {index} out of range: the last run shows {len(self._items)} of this kind"
            ) from None

    def __len__(self) -> int:
        return len(self._items)

    @property
    def len(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[N]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        return self._items == other

    def __hash__(self) -> int:
        return hash(tuple(self._items))

    def __call__(self, key: str) -> N:
        """The first element with this key."""
        for item in self._items:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def values(self) -> list[Any]:
        return [item.value for item in self._items]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._items!r})"


class WidgetList(ElementList[N]):
    """An :class:`ElementList` of widgets."""


class BlockList(ElementList[N]):
    """An :class:`ElementList` of containers (columns, tabs, expanders...)."""
