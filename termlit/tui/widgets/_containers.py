"""Containers that open, close and switch: expander, popover, status, tabs."""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Collapsible, ContentSwitcher, TabbedContent, TabPane

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._field import FieldEntered
from termlit.tui.widgets._spinner import FRAMES

__all__ = ["ExpanderView", "PopoverView", "StatusView", "TabView", "TabsView"]


class ExpanderView(ElementView, Collapsible):
    """``st.expander``: Enter on the title opens or closes it.

    The user's choice is kept across reruns; only a change of ``expanded=``
    in the script overrides it. An expander that tracks its state (``key``
    with ``on_change`` or ``bind``) tells the app when the user opens or
    closes it, so the script reruns with the new state; its ``expanded``
    prop is then that state. ``type="compact"`` draws a bare title,
    ``"step"`` a timeline step (a rule down the side of its content).
    """

    DEFAULT_CSS = """
    ExpanderView { height: auto; margin: 0 0 1 0; border-top: none; padding-bottom: 0; }
    ExpanderView > Contents { height: auto; padding: 0 0 0 2; }
    ExpanderView.-compact { margin: 0; background: transparent; }
    ExpanderView.-compact > CollapsibleTitle { color: $text-muted; }
    ExpanderView.-step { margin: 0; background: transparent; }
    ExpanderView.-step > Contents { border-left: vkey $foreground 30%; padding: 0 0 0 1; margin-left: 1; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        self._expanded = element.props.get("expanded")
        super().__init__(*children, title=self._title_text(element.props), collapsed=not self._expanded)
        kind = element.props.get("type", "default")
        self.set_class(kind == "compact", "-compact")
        self.set_class(kind == "step", "-step")

    def _on_collapsible_title_toggle(self, event: Any) -> None:
        """The user opened or closed it: a tracking one tells the app.
        (Textual calls Collapsible's own handler after this one; that one
        does the toggling.)"""
        if self.element.props.get("tracked"):
            self._expanded = bool(self.collapsed)  # it is about to open if it is collapsed
            self.send(self._expanded)

    @staticmethod
    def _title_text(props: dict[str, Any]) -> str:
        icon = props.get("icon")
        if icon is None and props.get("type") == "step":
            icon = "○"
        return f"{icon} {props['label']}" if icon else props["label"]

    @property
    def child_host(self) -> Widget:
        return self.query_one(Collapsible.Contents)

    def apply_props(self, props: dict[str, Any]) -> None:
        self.title = self._title_text(props)
        kind = props.get("type", "default")
        self.set_class(kind == "compact", "-compact")
        self.set_class(kind == "step", "-step")
        if props.get("expanded") != self._expanded:
            self._expanded = props.get("expanded")
            self.collapsed = not self._expanded


class PopoverView(ExpanderView):
    """``st.popover``: a button-like title that shows its contents below it."""

    DEFAULT_CSS = """
    PopoverView > Contents { border: round $foreground 30%; padding: 0 1; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        super().__init__(element, children)
        self.disabled = bool(element.props.get("disabled"))


_STATE_ICON = {"complete": "✔", "error": "✖"}


class StatusView(ExpanderView):
    """``st.status``: an expander whose title shows running / complete / error."""

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self._frame = 0
        super().__init__(element, children)

    def _title_text(self, props: dict[str, Any]) -> str:  # type: ignore[override]
        state = props.get("state", "running")
        icon = _STATE_ICON.get(state) or FRAMES[getattr(self, "_frame", 0) % len(FRAMES)]
        return f"{icon} {props['label']}"

    def on_mount(self) -> None:
        if not getattr(self.app, "still", False):
            self.set_interval(0.1, self._spin)

    def _spin(self) -> None:
        if self.element.props.get("state", "running") == "running":
            self._frame += 1
            self.title = self._title_text(self.element.props)


class TabView(ElementView, TabPane):
    """One tab of ``st.tabs``."""

    DEFAULT_CSS = """
    TabView { height: auto; padding: 1 0 0 0; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(element.props["label"], *children)


class TabsView(ElementView, TabbedContent):
    """``st.tabs``: ←/→ on the tab bar switch tabs; Tab moves into the tab.

    Tabs that track the selected one (``key`` with ``on_change`` or
    ``bind``) tell the app when the user switches, so the script reruns
    with the new tab (and can skip the work of hidden ones); their
    ``value`` prop, the selected label, is what they show. ``height`` in
    rows makes the tab panel scroll."""

    DEFAULT_CSS = """
    TabsView { height: auto; margin: 0 0 1 0; }
    TabsView > ContentSwitcher { height: auto; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        props = element.props
        labels = props["labels"]
        self._selected = props.get("value") if props.get("tracked") else props.get("default")
        initial = self._selected
        super().__init__(initial=f"tab-{labels.index(initial) + 1}" if initial else "")
        for pane in children:  # as a `with TabbedContent():` block would add them
            self.compose_add_child(pane)

    def can_update(self, element: Element) -> bool:
        """New labels need new tabs: the reconciler builds a new view then."""
        return element.props["labels"] == self.element.props["labels"]

    def on_mount(self) -> None:
        self._apply_height(self.element.props)

    def _apply_height(self, props: dict[str, Any]) -> None:
        switcher = self.get_child_by_type(ContentSwitcher)
        height = props.get("height")
        if isinstance(height, int):
            switcher.styles.height = height
            switcher.styles.overflow_y = "auto"
        else:
            switcher.styles.height = "auto"

    def apply_props(self, props: dict[str, Any]) -> None:
        if self.is_mounted:
            self._apply_height(props)
        if props.get("tracked") and props.get("value") != self._selected:
            self._selected = props.get("value")
            if self._selected in props["labels"]:
                self.active = f"tab-{props['labels'].index(self._selected) + 1}"

    def on_tabbed_content_tab_activated(self, message: TabbedContent.TabActivated) -> None:
        props = self.element.props
        if message.tabbed_content is not self or not props.get("tracked"):
            return
        message.stop()
        pane = message.pane.id or ""
        try:
            label = props["labels"][int(pane.removeprefix("tab-")) - 1]
        except (ValueError, IndexError):
            return
        if label != self._selected:  # the user switched, not the script
            self._selected = label
            self.send(label)


class FormView(ElementView, Vertical):
    """``st.form``: a bordered group; Enter in a text field presses its submit
    button when ``enter_to_submit``."""

    DEFAULT_CSS = """
    FormView { height: auto; margin: 0 0 1 0; }
    FormView.-border { border: round $foreground 30%; padding: 0 1; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)
        self.apply_props(element.props)

    def apply_props(self, props: dict[str, Any]) -> None:
        self.set_class(bool(props.get("border")), "-border")

    def on_field_entered(self, message: FieldEntered) -> None:
        """Enter in a text field presses the submit button (unless the form
        says otherwise); the field has sent its value to the app already."""
        message.stop()
        if not self.element.props.get("enter_to_submit", True):
            return
        for widget in self.query("*"):
            if isinstance(widget, ElementView) and widget.element.kind == "form_submit_button":
                if not widget.element.props.get("disabled"):
                    widget.send(True)
                return


class FragmentView(ElementView, Vertical):
    """``@st.fragment``: shows what the fragment drew; no frame of its own."""

    DEFAULT_CSS = """
    FragmentView { height: auto; }
    """

    def __init__(self, element: Element, children: list[Widget]) -> None:
        self.bind_element(element)
        super().__init__(*children)

