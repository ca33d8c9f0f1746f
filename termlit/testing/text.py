"""AppTest's views of text and status elements: headings, markdown and its
kinds (caption, divider, latex), code, text, json, metric, exceptions,
alerts, toasts, help, progress. Attributes are those of Streamlit's AppTest,
with the values it reports (``Title.tag == "h1"``, ``Divider.value == "---"``,
``Latex.value`` in ``$$`` fences, ``Metric.value`` a string)."""

from __future__ import annotations

from termlit.testing.nodes import Node

__all__ = [
    "AlertBase", "Caption", "Code", "Divider", "Error", "Exception", "Header", "HeadingBase", "Help",
    "Info", "Json", "Latex", "Markdown", "Metric", "Progress", "Subheader", "Success", "Text", "Title",
    "Toast", "Warning",
]


class HeadingBase(Node):
    """``st.title``, ``st.header`` and ``st.subheader``."""

    _TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}

    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def tag(self) -> str:
        """The HTML heading it would be: "h1", "h2" or "h3"."""
        return self._TAGS[self._element.kind]

    @property
    def anchor(self) -> str:
        """The anchor given (``anchor=``), or ""."""
        anchor = self._element.props.get("anchor")
        return anchor if isinstance(anchor, str) else ""

    @property
    def hide_anchor(self) -> bool:
        """Whether ``anchor=False`` hid the anchor link."""
        return self._element.props.get("anchor") is False

    @property
    def icon(self) -> str:
        return self._element.props.get("icon") or ""

    @property
    def help(self) -> str:
        return self._element.props.get("help") or ""


class Title(HeadingBase):
    pass


class Header(HeadingBase):
    pass


class Subheader(HeadingBase):
    pass


class Markdown(Node):
    """``st.markdown`` (and, as subclasses, caption, divider and latex)."""

    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def allow_html(self) -> bool:
        """Whether ``unsafe_allow_html=True`` was given."""
        return bool(self._element.props.get("allow_html", False))

    @property
    def is_caption(self) -> bool:
        return self._element.kind == "caption"

    @property
    def help(self) -> str:
        return self._element.props.get("help") or ""


class Caption(Markdown):
    pass


class Divider(Markdown):
    """``st.divider``: its value is the Markdown rule it stands for."""

    @property
    def value(self) -> str:
        return "---"


class Latex(Markdown):
    """``st.latex``: its value is the expression in ``$$`` fences."""

    @property
    def value(self) -> str:
        return f"$$\n{self._element.props['body']}\n$$"


class Code(Node):
    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def language(self) -> str:
        return self._element.props["language"]

    @property
    def show_line_numbers(self) -> bool:
        return bool(self._element.props.get("line_numbers"))


class Text(Node):
    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def help(self) -> str:
        return self._element.props.get("help") or ""


class Json(Node):
    """``st.json``: ``.value`` is the document as JSON text."""

    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def expanded(self) -> bool:
        return self._element.props.get("expanded", True) is not False


#: Streamlit's numbers for a metric's delta colour.
_RED, _GREEN, _GRAY = 0, 1, 2


class Metric(Node):
    """``st.metric``: ``.value`` and ``.delta`` are the strings shown."""

    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def label(self) -> str:
        return self._element.props["label"]

    @property
    def delta(self) -> str:
        return self._element.props.get("delta") or ""

    @property
    def color(self) -> int:
        """The delta's colour as Streamlit numbers it: 0 red, 1 green, 2 gray."""
        props = self._element.props
        direction, mode = props.get("direction"), props.get("delta_color", "normal")
        if direction is None or mode == "off":
            return _GRAY
        good = (direction == "up") == (mode == "normal")
        return _GREEN if good else _RED

    @property
    def help(self) -> str:
        return self._element.props.get("help") or ""


class Exception(Node):  # noqa: A001 - Streamlit's name for the view
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
    def is_markdown(self) -> bool:
        """Whether the message is Markdown (a ``MarkdownFormattedException``)."""
        return bool(self._element.props.get("is_markdown"))

    @property
    def is_warning(self) -> bool:
        return bool(self._element.props.get("is_warning"))

    @property
    def is_syntax_error(self) -> bool:
        return bool(self._element.props.get("is_syntax_error"))


class AlertBase(Node):
    """``st.error``, ``st.warning``, ``st.info`` and ``st.success``."""

    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def icon(self) -> str:
        return self._element.props.get("icon") or ""


class Error(AlertBase):
    pass


class Warning(AlertBase):  # noqa: A001 - Streamlit's name for the view
    pass


class Info(AlertBase):
    pass


class Success(AlertBase):
    pass


class Toast(Node):
    @property
    def value(self) -> str:
        return self._element.props["body"]

    @property
    def icon(self) -> str:
        return self._element.props.get("icon") or ""


class Help(Node):
    """``st.help``: ``.value`` is the object's name (or its value's repr for
    data), ``.doc_string`` its docstring."""

    @property
    def name(self) -> str:
        return self._element.props.get("name", "")

    @property
    def doc_string(self) -> str:
        return self._element.props.get("doc") or ""

    @property
    def value(self) -> str:
        return self._element.props.get("value") or self.name


class Progress(Node):
    @property
    def value(self) -> int:
        return self._element.props["value"]

    @property
    def text(self) -> str:
        return self._element.props.get("text") or ""

