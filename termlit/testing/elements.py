"""Which view AppTest hands out for an element, and containers (:class:`Block`).

Every element of the last run is wrapped in a view by :func:`wrap`: a widget
handle (:mod:`termlit.testing.widgets`), a data view
(:mod:`termlit.testing.data`), an exception, a :class:`Block` for containers,
or a plain :class:`~termlit.testing.nodes.Node`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from termlit.runtime.tree import Element
from termlit.testing import data, widgets
from termlit.testing.nodes import ElementList, Host, Node, Widget

__all__ = ["Block", "Exception_", "PageLink", "accessor", "wrap"]


class Exception_(Node):
    """An exception element: ``.value`` is its message."""

    @property
    def value(self) -> str:
        return self._element.props["message"]

    @property
    def message(self) -> str:
        return self._element.props["message"]

    @property
    def stack_trace(self) -> list[str]:
        return list(self._element.props["traceback"])

    @property
    def is_syntax_error(self) -> bool:
        return bool(self._element.props.get("is_syntax_error"))


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


class Block(Node):
    """A container (sidebar, column, container...) with the same accessors as AppTest."""

    @property
    def children(self) -> list[Node]:
        return [wrap(child, self._at) for child in self._element.children or ()]

    def get(self, kind: str) -> ElementList:
        return ElementList(
            [wrap(e, self._at) for e in _descendants(self._element) if e.kind == kind]
        )

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__["_element"].props
        if name in props:  # a container's own props: chat_message.name, tab.label...
            return props[name]
        return accessor(self, name)

    def __len__(self) -> int:
        return len(self._element.children or ())

    def __getitem__(self, index: int) -> Node:
        return self.children[index]

    @property
    def value(self) -> Any:
        return None


_WIDGETS: dict[str, type[Node]] = {
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
    "chat_input": widgets.ChatInput,
    "dataframe": data.DataFrame,
    "table": data.Table,
    "data_editor": data.DataEditor,
    "scatter_chart": data.Chart,
    "line_chart": data.Chart,
    "area_chart": data.Chart,
    "bar_chart": data.Chart,
    "exception": Exception_,
    "page_link": PageLink,
}

#: Accessor names that differ from the element kind they list.
_PLURAL = {"columns": "column", "tabs": "tab"}


def wrap(element: Element, at: Host) -> Node:
    """The view of ``element``: a Block for a container, else by its kind."""
    if element.children is not None:
        return Block(element, at)
    cls = _WIDGETS.get(element.kind)
    if cls is None:
        cls = Widget if element.props.get("label") is not None and "key" in element.props else Node
    return cls(element, at)


def _descendants(element: Element) -> Iterator[Element]:
    for child in element.children or ():
        yield child
        if child.children is not None:
            yield from _descendants(child)


def accessor(owner: Any, name: str) -> ElementList:
    """``owner.<name>``: the elements of that kind (``at.button``, ``block.columns``)."""
    if name.startswith("_"):
        raise AttributeError(name)
    return owner.get(_PLURAL.get(name, name))

