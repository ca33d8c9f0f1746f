"""What every element widget shares."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.message import Message
from textual.widget import Widget

from termlit.runtime.tree import Element

__all__ = ["ClickTarget", "ElementView", "WidgetValue", "element_view_of", "props_changed"]


class WidgetValue(Message, bubble=False):
    """The user changed the value of the widget ``view`` shows: the app queues
    ``value`` for the script and reruns it. Posted straight to the app (see
    :meth:`ElementView.send`)."""

    def __init__(self, view: ElementView, value: Any) -> None:
        super().__init__()
        self.view = view
        self.value = value


class ClickTarget:
    """The widget a :class:`WidgetValue` is for, when the view that sends it
    is not that widget's own (a table's button column, which has no view)."""

    def __init__(self, element_id: str) -> None:
        self.element_id = element_id


def props_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """True when the props differ. Large values (frames, arrays) compare by
    identity only: comparing them cell by cell would cost more than a redraw."""
    if old is new:
        return False
    if old.keys() != new.keys():
        return True
    for name, value in new.items():
        before = old[name]
        if before is value:
            continue
        if isinstance(value, (str, int, float, bool, type(None), tuple)) and type(before) is type(value):
            try:
                if before == value:
                    continue
            except Exception:
                pass
        elif isinstance(value, (list, dict)) and type(before) is type(value):
            try:
                if bool(before == value):
                    continue
            except Exception:
                pass
        return True
    return False


class ElementView:
    """Mixin for a Textual widget that shows one element.

    The reconciler builds a view from its element (``View(element)``, or
    ``View(element, children)`` for containers) and, on later runs, calls
    :meth:`update_element`, which calls :meth:`apply_props` only when the
    props changed. ``apply_props`` repaints only what it has to: a run that
    echoes the value the user just chose changes nothing on screen.
    Containers set ``child_host`` to the widget their children mount in.
    """

    element: Element
    element_id: str
    #: Tab reaches this view after every other one on its screen (a line
    #: docked at the bottom, such as the chat input).
    focus_last: ClassVar[bool] = False
    #: Child views in element order, for containers (kept by the reconciler).
    views: list[ElementView]

    def bind_element(self, element: Element) -> None:
        self.element = element
        self.element_id = element.id
        self.views = []

    @property
    def child_host(self) -> Widget:
        return self  # type: ignore[return-value]

    def update_element(self, element: Element) -> bool:
        """Take the new run's element; redraw only if its props changed."""
        old = self.element
        self.element = element
        self.element_id = element.id
        if props_changed(old.props, element.props):
            self.apply_props(element.props)
            return True
        return False

    def apply_props(self, props: dict[str, Any]) -> None:
        """Show new props; override in each widget."""

    def send(self, value: Any) -> None:
        """Tell the app the user set this widget to ``value``.

        The message goes to the app directly, not up the DOM: it reaches the
        app before the screen repaints the widget's own change, so the app
        can hold that repaint for the rerun (one frame for both)."""
        app = self.app  # type: ignore[attr-defined]
        app.post_message(WidgetValue(self, value))


def element_view_of(widget: Any) -> ElementView | None:
    """The element view ``widget`` belongs to (itself or its nearest such
    ancestor), or None (chrome, or no widget)."""
    node = widget
    while node is not None and not isinstance(node, ElementView):
        node = node.parent
    return node
