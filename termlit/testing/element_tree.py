"""The view classes of AppTest under the names ``streamlit.testing.v1.element_tree``
gives them, for tests that import or check them (``isinstance(x, Button)``)."""

from __future__ import annotations

from termlit.testing.actions import AudioInput, CameraInput, LinkButton, MenuButton, Pagination
from termlit.testing.data import Chart, DataEditor, Dataframe, Table
from termlit.testing.elements import (
    Block, ChatMessage, Column, ElementTree, Expander, Grid, PageLink, Space, SpecialBlock, Status, Tab,
)
from termlit.testing.nodes import AppTestError, BlockList, ElementList, Node, Widget, WidgetList
from termlit.testing.text import (
    AlertBase,
    Caption,
    Code,
    Divider,
    Error,
    Exception,
    Header,
    HeadingBase,
    Help,
    Html,
    Image,
    Info,
    Json,
    Latex,
    Markdown,
    Metric,
    Progress,
    Subheader,
    Success,
    Text,
    Title,
    Toast,
    Warning,
)
from termlit.testing.widgets import (
    Button,
    ButtonGroup,
    ChatInput,
    Checkbox,
    ColorPicker,
    DateInput,
    DateTimeInput,
    DownloadButton,
    Feedback,
    FileUploader,
    Multiselect,
    NumberInput,
    Radio,
    Selectbox,
    SelectSlider,
    Slider,
    TextArea,
    TextInput,
    TimeInput,
    Toggle,
)

#: Streamlit's names for the base of every view and for an element it has no view for.
Element = UnknownElement = Node

__all__ = [
    "AlertBase", "AppTestError", "Block", "BlockList", "Button", "ButtonGroup", "Caption", "Chart",
    "ChatInput", "ChatMessage", "Checkbox", "Code", "ColorPicker", "Column", "DataEditor", "Dataframe",
    "DateInput", "DateTimeInput", "Divider", "DownloadButton", "Element", "ElementList", "ElementTree",
    "Error", "Exception", "Expander", "Grid", "Feedback", "FileUploader", "Header", "HeadingBase", "Help", "Html", "Image", "Info",
    "Json", "Latex", "Markdown", "Metric", "Multiselect", "Node", "NumberInput", "Progress", "Radio",
    "SelectSlider", "Selectbox", "Slider", "Space", "SpecialBlock", "Status", "Subheader", "Success", "Tab", "Table", "Text",
    "TextArea", "TextInput", "TimeInput", "Title", "Toast", "Toggle", "UnknownElement", "Warning", "Widget",
    "WidgetList",
    "AudioInput", "CameraInput", "LinkButton", "MenuButton", "PageLink", "Pagination",
]
