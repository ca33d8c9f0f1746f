"""Handles that say *where* elements go: ``st.sidebar``, a column, a placeholder.

A :class:`DeltaGenerator` is a target: the sidebar or main area, a container
element, or one slot (what ``st.empty()`` and every non-widget element return,
so that ``bar = st.progress(0); bar.progress(50)`` replaces the bar). Every
``st.*`` function is also a method of a handle (``st.sidebar.slider(...)``),
and a handle is a context manager (``with col: ...``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from termlit.runtime.context import RunContext, Slot, get_run_context
from termlit.runtime.tree import Element

__all__ = ["DeltaGenerator", "api", "api_as", "API", "emit"]

#: Every public element function, by name; handles look methods up here.
API: dict[str, Callable[..., Any]] = {}

F = TypeVar("F", bound=Callable[..., Any])


def api(fn: F) -> F:
    """Register ``fn`` as an ``st.*`` function and a handle method."""
    API[fn.__name__] = fn
    return fn


def api_as(name: str, doc: str) -> Callable[[F], F]:
    """Register the decorated function as ``st.<name>`` with its own docstring:
    for one definition that serves several names (``checkbox`` and ``toggle``)."""

    def register(fn: F) -> F:
        fn.__name__ = fn.__qualname__ = name
        fn.__doc__ = doc
        return api(fn)

    return register


class DeltaGenerator:
    """A place to put elements; see the module docstring."""

    __slots__ = ("_root", "_node", "_slot")

    def __init__(
        self,
        root: str | None = None,
        *,
        node: Element | None = None,
        slot: Slot | None = None,
    ) -> None:
        self._root = root
        self._node = node
        self._slot = slot

    def _target(self, ctx: RunContext) -> Element | Slot:
        if self._slot is not None:
            return self._slot
        if self._node is not None:  # perhaps made by an earlier run: its counterpart in this one
            return ctx.container(self._node)
        return ctx.root(self._root or "main")

    def __enter__(self) -> DeltaGenerator:
        ctx = get_run_context()
        ctx.push(self._target(ctx))
        return self

    def __exit__(self, *exc: object) -> None:
        get_run_context().pop()

    def __getattr__(self, name: str) -> Callable[..., Any]:
        fn = API.get(name)
        if fn is None:
            raise AttributeError(
                f"`{name}` is not an element termlit knows; see `termlit --help` "
                "or the README for the list of supported st.* calls."
            )

        def bound(*args: Any, **kwargs: Any) -> Any:
            ctx = get_run_context()
            ctx.push(self._target(ctx))
            try:
                return fn(*args, **kwargs)
            finally:
                ctx.pop()

        bound.__name__ = name
        bound.__doc__ = fn.__doc__
        return bound

    def __repr__(self) -> str:
        if self._slot is not None:
            return f"DeltaGenerator(slot {self._slot.container.id}[{self._slot.index}])"
        if self._node is not None:
            return f"DeltaGenerator({self._node.id})"
        return f"DeltaGenerator({self._root or 'main'})"


def emit(kind: str, props: dict[str, Any], *, container: bool = False) -> tuple[Element, DeltaGenerator]:
    """Emit an element under the active target; return it and its handle."""
    element, slot = get_run_context().emit(kind, props, container=container)
    handle = DeltaGenerator(node=element) if container else DeltaGenerator(slot=slot)
    return element, handle

