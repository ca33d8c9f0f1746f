"""AppTest's views of text and status elements: headings, markdown and its
kinds (caption, divider, latex), code, text, json, metric, exceptions,
alerts, toasts, help, progress. Attributes are those of Streamlit's AppTest,
with the values it reports (``Title.tag == "h1"``, ``Divider.value == "---"``,
``Latex.value`` in ``$$`` fences, ``Metric.value`` a string)."""

from __future__ import annotations

from termlit.testing.nodes import Node, prop

__all__ = [
    "AlertBase", "Caption", "Code", "Divider", "Error", "Exception", "Header", "HeadingBase", "Help", "Html",
    "Image", "Info", "Json", "Latex", "Markdown", "Metric", "Progress", "Subheader", "Success", "Text", "Title",
    "Toast", "Warning",
]


class HeadingBase(Node):
    """``st.title``, ``st.header`` and ``st.subheader``."""

    _TAGS = {"title": "h1", "header": "h2", "subheader": "h3"}

    value = prop("body")

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

    icon = prop("icon", text=True)

    help = prop("help", text=True)

    text_alignment = prop("text_alignment", doc='"left", "center", "right" or "justify".')

    wrap = prop("wrap", doc="False: kept on one line, cut with an ellipsis.")


class Title(HeadingBase):
    pass


class Header(HeadingBase):
    pass


class Subheader(HeadingBase):
    pass


class Markdown(Node):
    """``st.markdown`` (and, as subclasses, caption, divider and latex)."""

    value = prop("body")

    @property
    def allow_html(self) -> bool:
        """Whether ``unsafe_allow_html=True`` was given."""
        return bool(self._element.props.get("allow_html", False))

    @property
    def is_caption(self) -> bool:
        return self._element.kind == "caption"

    help = prop("help", text=True)

    @property
    def text_alignment(self) -> str:
        """"left", "center", "right" or "justify"."""
        return self._element.props.get("text_alignment", "left")

    @property
    def wrap(self) -> bool:
        """False: kept on one line, cut with an ellipsis."""
        return self._element.props.get("wrap", True)


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
    value = prop("body")

    language = prop("language")

    @property
    def show_line_numbers(self) -> bool:
        return bool(self._element.props.get("line_numbers"))


class Text(Node):
    value = prop("body")

    help = prop("help", text=True)

    text_alignment = prop("text_alignment", doc='"left", "center", "right" or "justify".')

    wrap = prop("wrap", doc="False: kept on one line, cut with an ellipsis.")


class Json(Node):
    """``st.json``: ``.value`` is the document as JSON text."""

    value = prop("body")

    @property
    def expanded(self) -> bool:
        return self._element.props.get("expanded", True) is not False


#: Streamlit's numbers for a metric's delta colour.
_RED, _GREEN, _GRAY = 0, 1, 2


class Metric(Node):
    """``st.metric``: ``.value`` and ``.delta`` are the strings shown."""

    value = prop("body")

    label = prop("label")

    delta = prop("delta", text=True)

    @property
    def color(self) -> int:
        """The delta's colour as Streamlit numbers it: 0 red, 1 green, 2 gray."""
        props = self._element.props
        direction, mode = props.get("direction"), props.get("delta_color", "normal")
        if direction is None or mode == "off":
            return _GRAY
        good = (direction == "up") == (mode == "normal")
        return _GREEN if good else _RED

    help = prop("help", text=True)

    icon = prop("icon", text=True)

    format = prop("format", text=True, doc="The number format asked for (applied as it is shown).")

    delta_description = prop("delta_description", text=True)

    @property
    def delta_arrow(self) -> str:
        """The arrow shown by the delta: "up", "down" or "off" (none)."""
        return self._element.props.get("arrow") or "off"

    @property
    def chart_data(self) -> list[float]:
        """The sparkline's numbers ([] for none)."""
        return list(self._element.props.get("chart_data") or [])


class Exception(Node):  # noqa: A001 - Streamlit's name for the view
    """An exception element: ``.value`` is its message."""

    @property
    def value(self) -> str:
        return self._element.props["message"]

    message = prop("message")

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

    value = prop("body")

    icon = prop("icon", text=True)

    title = prop("title", text=True, doc="The bold line above the body (\"\" for none).")


class Error(AlertBase):
    pass


class Warning(AlertBase):  # noqa: A001 - Streamlit's name for the view
    pass


class Info(AlertBase):
    pass


class Success(AlertBase):
    pass


class Toast(Node):
    value = prop("body")

    icon = prop("icon", text=True)


class Help(Node):
    """``st.help``: ``.value`` is the object's name (or its value's repr for
    data), ``.doc_string`` its docstring."""

    @property
    def name(self) -> str:
        return self._element.props.get("name", "")

    doc_string = prop("doc", text=True)

    @property
    def value(self) -> str:
        return self._element.props.get("value") or self.name


class Progress(Node):
    @property
    def value(self) -> int:
        return self._element.props["value"]

    text = prop("text", text=True)



class Html(Node):
    """``st.html``: ``.value`` is the HTML given (the terminal shows its text)."""

    value = prop("html")


class Image(Node):
    """``st.image``: ``.value`` lists where each picture is (a URL as given,
    else a ``/media/...`` path), ``.captions`` their captions ("" for none)."""

    @property
    def value(self) -> list[str]:
        props = self._element.props
        return list(props.get("urls") or (f"/media/{p.key}.png" for p in props["pictures"]))

    @property
    def captions(self) -> list[str]:
        return [p.caption or "" for p in self._element.props["pictures"]]
