"""Which view AppTest hands out for an element, containers (:class:`Block`
and its kinds), and the element lists by name (``at.button``, ``block.tabs``).

Every element of the last run is wrapped in a view by :func:`wrap`: a text
view (:mod:`termlit.testing.text`), a widget handle
(:mod:`termlit.testing.widgets`), a data view (:mod:`termlit.testing.data`),
a :class:`Block` for containers, or a plain :class:`~termlit.testing.nodes.Node`.

The lists are those of Streamlit's AppTest, under its names and with its
choices (``button`` lists form submit buttons too, ``dataframe`` lists data
editors too), plus the ones for what only termlit's AppTest reaches
(dialogs, popovers, fragments, charts). They are properties of
:class:`Block` and of AppTest (:func:`add_lists`); any other attribute is an
AttributeError, not an empty list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from termlit.elements.widgets.chat import AVATARS
from termlit.runtime.tree import Element
from termlit.testing import actions, data, text, widgets
from termlit.testing.nodes import AppTestError, BlockList, ElementList, Host, Node, Widget, WidgetList, prop

__all__ = [
    "LISTS", "Block", "ChatMessage", "Column", "ElementTree", "Expander", "Grid", "Space", "SpecialBlock", "Status",
    "Tab",
    "PageLink", "add_lists", "wrap",
]

class PageLink(Node):
    """An ``st.page_link``: ``.value`` is its label. ``click()`` follows it in
    the next run, as Enter does in the terminal (Streamlit's AppTest has no
    such action: it switches pages with ``switch_page`` only)."""

    @property
    def value(self) -> str:
        return self._element.props["label"]

    label = value

    @property
    def external(self) -> bool:
        """The link goes to an URL outside the app (``.url``)."""
        return bool(self._element.props["external"])

    def click(self) -> PageLink:
        props = self._element.props
        if props["disabled"] or props["page"] is None:
            raise RuntimeError(f"the page link {props['label']!r} is disabled or leads out of the app")
        self._at._inputs.page = (props["page"], props["query_params"] or {})
        return self


_VIEWS: dict[str, type[Node]] = {
    "title": text.Title,
    "header": text.Header,
    "subheader": text.Subheader,
    "markdown": text.Markdown,
    "caption": text.Caption,
    "divider": text.Divider,
    "latex": text.Latex,
    "code": text.Code,
    "text": text.Text,
    "json": text.Json,
    "metric": text.Metric,
    "exception": text.Exception,
    "error": text.Error,
    "warning": text.Warning,
    "info": text.Info,
    "success": text.Success,
    "toast": text.Toast,
    "help": text.Help,
    "progress": text.Progress,
    "html": text.Html,
    "image": text.Image,
    "button": widgets.Button,
    "form_submit_button": widgets.Button,
    "download_button": widgets.DownloadButton,
    "checkbox": widgets.Checkbox,
    "toggle": widgets.Toggle,
    "slider": widgets.Slider,
    "select_slider": widgets.SelectSlider,
    "number_input": widgets.NumberInput,
    "text_input": widgets.TextInput,
    "text_area": widgets.TextArea,
    "selectbox": widgets.Selectbox,
    "radio": widgets.Radio,
    "multiselect": widgets.Multiselect,
    "pills": widgets.ButtonGroup,
    "segmented_control": widgets.ButtonGroup,
    "date_input": widgets.DateInput,
    "time_input": widgets.TimeInput,
    "datetime_input": widgets.DateTimeInput,
    "color_picker": widgets.ColorPicker,
    "feedback": widgets.Feedback,
    "file_uploader": widgets.FileUploader,
    "camera_input": actions.CameraInput,
    "audio_input": actions.AudioInput,
    "link_button": actions.LinkButton,
    "menu_button": actions.MenuButton,
    "pagination": actions.Pagination,
    "chat_input": widgets.ChatInput,
    "dataframe": data.Dataframe,
    "table": data.Table,
    "data_editor": data.DataEditor,
    "scatter_chart": data.Chart,
    "line_chart": data.Chart,
    "area_chart": data.Chart,
    "bar_chart": data.Chart,
    "page_link": PageLink,
}

#: Every element list by name: the element kinds it holds, and whether they
#: are "elements", "widgets" or "blocks".
LISTS: dict[str, tuple[frozenset[str], str]] = {}


def _lists(category: str, *names: str, **renamed: tuple[str, ...]) -> None:
    for name in names:
        LISTS[name] = (frozenset([name]), category)
    for name, kinds in renamed.items():
        LISTS[name] = (frozenset(kinds), category)


_lists(
    "elements", "caption", "code", "divider", "error", "exception", "header", "help", "html", "image", "info",
    "json", "latex", "link_button", "markdown", "metric", "page_link", "progress", "space", "subheader",
    "success", "table", "text", "title", "toast", "warning",
    # termlit's own
    "area_chart", "bar_chart", "line_chart", "scatter_chart", "notice", "spinner", "balloons",
    dataframe=("dataframe", "data_editor"),
)
_lists(
    "widgets", "audio_input", "camera_input", "chat_input", "checkbox", "color_picker", "date_input",
    "datetime_input", "download_button", "feedback", "file_uploader", "form_submit_button", "menu_button",
    "multiselect", "number_input", "pagination", "pills", "radio", "segmented_control", "select_slider",
    "selectbox", "slider", "text_area", "text_input", "time_input", "toggle", "data_editor",
    button=("button", "form_submit_button"),
    button_group=("pills", "segmented_control"),
)
_lists(
    "blocks", "chat_message", "container", "expander", "form", "grid", "status",
    # termlit's own
    "dialog", "popover", "fragment",
    columns=("column",), column=("column",), tabs=("tab",), tab=("tab",),
)
#: Type names ``get()`` takes besides the list names.
_TYPE_NAMES = {"help_info": "help", "date_time_input": "datetime_input"}
_LIST_TYPES = {"elements": ElementList, "widgets": WidgetList, "blocks": BlockList}


class Block(Node):
    """A container (sidebar, column, container...) with the same element
    lists as AppTest; ``children`` by position, iteration over itself and
    everything inside."""

    @property
    def children(self) -> dict[int, Node]:
        return {i: wrap(child, self._at) for i, child in enumerate(self._element.children or ())}

    def __iter__(self) -> Iterator[Node]:
        yield self
        for child in self.children.values():
            yield from child

    def __len__(self) -> int:
        return len(self._element.children or ())

    def __getitem__(self, index: int) -> Node:
        return self.children[index]

    @property
    def value(self) -> Any:
        return None

    def get(self, element_type: str) -> list[Node]:
        """Every element of a list name (``"button"``), a Streamlit type name
        (``"help_info"``) or a termlit kind (``"notice"``), in order."""
        name = _TYPE_NAMES.get(element_type, element_type)
        kinds = LISTS[name][0] if name in LISTS else frozenset([name])
        return [wrap(e, self._at) for e in _descendants(self._element) if e.kind in kinds]

    def _list(self, name: str) -> ElementList:
        kinds, category = LISTS[name]
        return _LIST_TYPES[category]([wrap(e, self._at) for e in _descendants(self._element) if e.kind in kinds])

    def get_by_key(self, key: str) -> Node:
        """The one element, widget or container with this key."""
        matches = [wrap(e, self._at) for e in _descendants(self._element) if e.props.get("key") == key]
        if not matches:
            raise KeyError(key)
        if len(matches) > 1:
            raise AppTestError(f"Several elements have the key {key!r}: look it up in a list, e.g. at.button(key=...).")
        return matches[0]


class Column(Block):
    weight = prop("weight")

    @property
    def gap(self) -> str | None:
        return self._element.props.get("gap")


class Tab(Block):
    label = prop("label")

    def select(self) -> Tab:
        """Pick this tab in the next run, as ←/→ on the tab bar do (termlit's
        own; only for tabs that track their state: ``key`` with ``on_change``
        or ``bind``)."""
        tabs_id = self.id.rsplit("/", 1)[0]
        tabs = next((node for node in self._at._tree() if node.id == tabs_id), None)
        if tabs is None or not tabs.props.get("tracked"):
            raise AppTestError(
                f"Tab {self.label!r} does not track which tab is selected: give st.tabs a key and "
                "on_change='rerun' (or a callback, or bind='query-params') to pick tabs in a test."
            )
        self._at._inputs.set(tabs_id, self.label)
        return self


class Expander(Block):
    label = prop("label")

    icon = prop("icon", text=True)

    def set_open(self, value: bool) -> Expander:
        """Open (True) or close the expander in the next run, as Enter on its
        title does (termlit's own; only for one that tracks its state)."""
        if not self._element.props.get("tracked"):
            raise AppTestError(
                f"The expander {self.label!r} does not track its state: give it a key and "
                "on_change='rerun' (or a callback, or bind='query-params') to open it in a test."
            )
        self._at._inputs.set(self.id, bool(value))
        return self


class Status(Expander):
    @property
    def state(self) -> str:
        """"running", "complete" or "error"."""
        return self._element.props["state"]


class ChatMessage(Block):
    name = prop("name")

    @property
    def avatar(self) -> str:
        """The avatar as Streamlit reports it: the one given, "user" or
        "assistant" for those names' own, "" for another name's letter."""
        props = self._element.props
        name, glyph, role = props["name"], props["avatar"], props.get("role")
        if role in ("user", "assistant") and glyph == AVATARS.get(name.lower()):
            return role
        if role == "custom" and glyph == name.strip()[0].upper():
            return ""
        return glyph


class Grid(Block):
    """An ``st.grid``: its attributes are the arguments it was made with, as
    Streamlit's AppTest reports them (``column_count`` is ``columns``)."""

    @property
    def type(self) -> str:
        return "grid_container"

    @property
    def column_count(self) -> int | str:
        return self._element.props["columns"]

    wrap = prop("wrap")
    border = prop("border")
    row_height = prop("row_height")
    min_column_width = prop("min_column_width")
    vertical_alignment = prop("vertical_alignment")
    dense = prop("dense")
    width = prop("width")
    height = prop("height")

    @property
    def gap(self) -> Any:
        """The gap: one value, or ``(row_gap, column_gap)`` when they differ."""
        props = self._element.props
        row, column = props["row_gap"], props["column_gap"]
        return row if row == column else (row, column)


class Space(Node):
    """An ``st.space``: ``.size`` and ``.value`` are its size argument."""

    @property
    def size(self) -> Any:
        return self._element.props["size"]

    value = size

    @property
    def key(self) -> None:
        return None

    def __repr__(self) -> str:
        return f"Space(size={self.size!r})"


class SpecialBlock(Block):
    """The main area or the sidebar."""


class ElementTree(Block):
    """The whole page of the last run: ``main`` and ``sidebar``, in that order."""

    def __init__(self, main: Element, sidebar: Element, at: Host) -> None:
        super().__init__(Element("root", "root", {}, [main, sidebar]), at)

    @property
    def session_state(self) -> Any:
        """The AppTest's ``session_state``."""
        return self._at.session_state

    def get_widget_states(self) -> dict[str, Any]:
        """The value every widget of the last run has in the next run, by
        widget id (the values set since the last run included)."""
        return {w.id: w.value for w in self if isinstance(w, Widget)}

    @property
    def main(self) -> Block:
        return self.children[0]

    @property
    def sidebar(self) -> Block:
        return self.children[1]


_BLOCKS: dict[str, type[Block]] = {
    "main": SpecialBlock, "sidebar": SpecialBlock, "bottom": SpecialBlock, "grid": Grid, "column": Column, "tab": Tab, "expander": Expander, "status": Status, "chat_message": ChatMessage,
}


_VIEWS["space"] = Space


def wrap(element: Element, at: Host) -> Node:
    """The view of ``element``: a Block for a container, else by its kind."""
    if element.children is not None:
        return _BLOCKS.get(element.kind, Block)(element, at)
    cls = _VIEWS.get(element.kind)
    if cls is None:
        cls = Widget if element.props.get("label") is not None and "key" in element.props else Node
    return cls(element, at)


def _descendants(element: Element) -> Iterator[Element]:
    for child in element.children or ():
        yield child
        if child.children is not None:
            yield from _descendants(child)


def _list_property(name: str) -> property:
    kinds, category = LISTS[name]
    what = {"elements": "element", "widgets": "widget", "blocks": "container"}[category]
    return property(
        lambda self: self._list(name),
        doc=f"Every {what} of kind {', '.join(sorted(kinds))} in the last run, in order.",
    )


def add_lists(cls: type) -> type:
    """Give ``cls`` (which has ``_list(name)``) a property per element list."""
    for name in LISTS:
        setattr(cls, name, _list_property(name))
    return cls


add_lists(Block)
