"""Text elements: titles, markdown, captions, code, json, exceptions, notices."""

from __future__ import annotations

import copy
from typing import Any

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.syntax import Syntax
from rich.text import Text
from textual.widgets import Rule, Static

from termlit.common.icons import icon_glyph
from termlit.common.numfmt import format_number_text
from termlit.runtime.tree import Element
from termlit.tui.markdown import inline_text, render_markdown
from termlit.tui.widgets._base import ElementView

__all__ = [
    "AlertView",
    "CaptionView",
    "CodeView",
    "DividerView",
    "EmptyView",
    "ExceptionView",
    "HeadingView",
    "HelpView",
    "LatexView",
    "MarkdownView",
    "MetricView",
    "NoticeView",
    "TextView",
    "ToastView",
]


class _StaticView(ElementView, Static):
    """A Static that re-renders its element when the props change."""

    DEFAULT_CSS = """
    _StaticView { height: auto; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        self._shown = _laid_out(self.render_props(element.props), element.props)
        super().__init__(self._shown, classes=f"el-{element.kind}")
        self._lay_out(element.props)

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        return Text(str(props.get("body", "")))

    def _lay_out(self, props: dict[str, Any]) -> None:
        """``text_alignment`` and ``wrap`` as the view's text styles."""
        if "text_alignment" not in props and "wrap" not in props:
            return
        self.styles.text_align = props.get("text_alignment") or "left"
        wrap = props.get("wrap", True)
        self.styles.text_wrap = "wrap" if wrap else "nowrap"
        self.styles.text_overflow = "fold" if wrap else "ellipsis"

    def apply_props(self, props: dict[str, Any]) -> None:
        self._lay_out(props)
        new = _laid_out(self.render_props(props), props)
        # Same number of lines: repaint this widget only, no new layout.
        width = self.content_size.width
        before = _line_count(self._shown, width)
        same = before is not None and before == _line_count(new, width)
        self._shown = new
        self.update(new, layout=not same)


_JUSTIFY = {"left": "left", "center": "center", "right": "right", "justify": "full"}


def _laid_out(renderable: RenderableType, props: dict[str, Any]) -> RenderableType:
    """``renderable`` with the element's ``text_alignment`` and ``wrap``:
    aligned ("justify": full lines, the last one left), or on one line each
    (newlines as spaces) cut with an ellipsis when too wide."""
    align = props.get("text_alignment") or "left"
    wrap = props.get("wrap", True)
    if align == "left" and wrap:
        return renderable
    if isinstance(renderable, Text):
        text = renderable.copy()
        if not wrap:
            flat = Text(text.plain.replace("\n", " "), style=text.style, end=text.end)
            flat.spans = list(text.spans)
            text = flat
            text.no_wrap, text.overflow = True, "ellipsis"
        text.justify = _JUSTIFY[align]
        return text
    if isinstance(renderable, Group):
        return Group(*(_laid_out(item, props) for item in renderable.renderables))
    if isinstance(renderable, Markdown):
        shown = copy.copy(renderable)
        shown.justify = _JUSTIFY[align]
        return shown
    return renderable


def _line_count(renderable: RenderableType, width: int) -> int | None:
    """Lines a Text (or a Group of Texts) takes at ``width``, when that is
    plain to see without rendering; None when it is not."""
    if width <= 0:
        return None
    if isinstance(renderable, Text):
        if "\n" in renderable.plain or renderable.cell_len > width:
            return None
        return 1
    if isinstance(renderable, Group):
        total = 0
        for item in renderable.renderables:
            lines = _line_count(item, width)
            if lines is None:
                return None
            total += lines
        return total
    return None


class HeadingView(_StaticView):
    """``st.title``, ``st.header`` and ``st.subheader``."""

    DEFAULT_CSS = """
    HeadingView { margin: 1 0 0 0; }
    HeadingView.el-title { text-style: bold; color: $accent; margin: 0 0 1 0; }
    HeadingView.el-header { text-style: bold; color: $primary; }
    HeadingView.el-subheader { text-style: bold; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        glyph = icon_glyph(props.get("icon"))
        body = Text(f"{glyph} {props['body']}" if glyph else props["body"])
        rule = "━" if self.element.kind == "title" else "─" if props.get("divider") else None
        if rule is None:
            return body
        return Group(body, Text(rule * min(body.cell_len + 2, 80)))


class MarkdownView(_StaticView):
    """``st.markdown``."""

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        return render_markdown(props["body"])


class CaptionView(_StaticView):
    """``st.caption``: small print, dimmed."""

    DEFAULT_CSS = """
    CaptionView { color: $text-muted; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        return render_markdown(props["body"])


class TextView(_StaticView):
    """``st.text``: fixed-width text, no Markdown."""


class CodeView(_StaticView):
    """``st.code``: syntax-highlighted code."""

    DEFAULT_CSS = """
    CodeView { background: $boost; padding: 0 1; margin: 0 0 1 0; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        return Syntax(
            props["body"],
            props.get("language") or "text",
            line_numbers=props.get("line_numbers", False),
            word_wrap=props.get("wrap_lines", False),
            theme="ansi_dark",
            background_color="default",
        )


class ExceptionView(_StaticView):
    """An exception raised by the script (or shown with ``st.exception``)."""

    DEFAULT_CSS = """
    ExceptionView {
        border: round $error;
        border-title-color: $error;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    """

    def __init__(self, element: Element) -> None:
        super().__init__(element)
        self.border_title = element.props["type"]

    def apply_props(self, props: dict[str, Any]) -> None:
        self.border_title = props["type"]
        super().apply_props(props)

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        parts: list[RenderableType] = []
        if not props.get("is_syntax_error"):
            parts.append(Text(f"{props['type']}: {props['message']}", style="bold"))
        lines = "\n".join(props.get("traceback") or ())
        if lines:
            parts.append(Text(lines))
        return Group(*parts)


class DividerView(ElementView, Rule):
    """``st.divider``."""

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__(line_style="solid")


class EmptyView(ElementView, Static):
    """``st.empty``: takes no room until something replaces it."""

    DEFAULT_CSS = """
    EmptyView { display: none; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()


class NoticeView(_StaticView):
    """Elements the terminal cannot show: one line naming the call."""

    DEFAULT_CSS = """
    NoticeView { color: $text-muted; text-style: italic; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        message = props.get("message") or f"st.{self.element.kind} is not shown in the terminal."
        return Text(f"ⓘ {message}")


class MetricView(_StaticView):
    """``st.metric``: label, a bold value, and a coloured delta with an arrow."""

    DEFAULT_CSS = """
    MetricView { margin: 0 0 1 0; }
    MetricView.-border { border: round $foreground 30%; padding: 0 1; }
    """

    def __init__(self, element: Element) -> None:
        super().__init__(element)
        self.set_class(bool(element.props.get("border")), "-border")

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        lines = []
        if props.get("label_visibility", "visible") == "visible":
            glyph = icon_glyph(props.get("icon"))
            lines.append(Text(f"{glyph} {props['label']}" if glyph else props["label"], style="dim"))
        fmt = props.get("format")
        lines.append(Text(format_number_text(props["body"], fmt), style="bold"))
        delta = props.get("delta")
        style = "dim"
        if delta is not None:
            up = props.get("direction") == "up"
            good = up if props.get("delta_color") == "normal" else not up
            if props.get("delta_color") != "off" and props.get("direction") is not None:
                style = "green" if good else "red"
            arrow = {"up": "▲ ", "down": "▼ "}.get(props.get("arrow", props.get("direction")), "")
            shown = format_number_text(delta, fmt)
            line = Text(f"{arrow}{shown.lstrip('+-') if arrow else shown}", style=style)
            if props.get("delta_description"):
                line.append(f" {props['delta_description']}", style="dim")
            lines.append(line)
        elif props.get("delta_description"):
            lines.append(Text(props["delta_description"], style="dim"))
        chart = props.get("chart_data")
        if chart:
            lines.append(Text(sparkline(chart, props.get("chart_type", "line")), style=style))
        return Group(*lines)


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], chart_type: str = "line", width: int = 40) -> str:
    """Numbers as one line of block glyphs (the last ``width`` of them):
    "bar" and "area" fill from the bottom, "line" marks each level with a
    thin stroke."""
    values = [v for v in values[-width:] if v == v]
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    levels = [round((v - low) / span * (len(_SPARKS) - 1)) for v in values]
    if chart_type == "line":
        return "".join("⎽⎼─⎻⎺"[min(level * 5 // len(_SPARKS), 4)] for level in levels)
    return "".join(_SPARKS[level] for level in levels)


_ALERT_ICONS = {"info": "ℹ", "success": "✔", "warning": "⚠", "error": "✖"}


class AlertView(_StaticView):
    """``st.info`` / ``st.success`` / ``st.warning`` / ``st.error``."""

    DEFAULT_CSS = """
    AlertView { padding: 0 1; margin: 0 0 1 0; border-left: outer $primary; }
    AlertView.el-info { border-left: outer $primary; background: $primary 10%; }
    AlertView.el-success { border-left: outer $success; background: $success 10%; }
    AlertView.el-warning { border-left: outer $warning; background: $warning 10%; }
    AlertView.el-error { border-left: outer $error; background: $error 10%; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        icon = icon_glyph(props.get("icon")) or _ALERT_ICONS[self.element.kind]
        body = render_markdown(props["body"])
        title = props.get("title")
        if title is not None:  # a bold first line: the icon, the title; the body below
            head = Text.assemble(f"{icon} ", inline_text(title))
            head.stylize("bold")
            return Group(head, body)
        if isinstance(body, Text):
            return Text.assemble(f"{icon} ", body)
        return Group(Text(icon), body)


class LatexView(_StaticView):
    """``st.latex``: the terminal shows the expression's source."""

    DEFAULT_CSS = """
    LatexView { color: $text; text-style: italic; padding: 0 2; margin: 0 0 1 0; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        return Text(props["body"])


class HelpView(_StaticView):
    """``st.help``: name, signature, docstring."""

    DEFAULT_CSS = """
    HelpView { border: round $foreground 30%; padding: 0 1; margin: 0 0 1 0; }
    """

    def render_props(self, props: dict[str, Any]) -> RenderableType:
        head = Text(props["name"], style="bold")
        head.append(props.get("signature") or "", style="cyan")
        parts: list[RenderableType] = [head, Text(props["type"], style="dim")]
        if props.get("value"):
            parts.append(Text(props["value"]))
        if props.get("doc"):
            parts.append(Text(props["doc"]))
        return Group(*parts)


class ToastView(EmptyView):
    """``st.toast`` and ``st.balloons``: a notice in the corner, nothing inline."""

    def on_mount(self) -> None:
        self._announce(self.element.props)

    def apply_props(self, props: dict[str, Any]) -> None:
        self._announce(props)

    def _announce(self, props: dict[str, Any]) -> None:
        if "glyph" in props:
            self.app.notify(" ".join([props["glyph"]] * 5), timeout=3)
            return
        icon = props.get("icon")
        body = f"{icon} {props['body']}" if icon else props["body"]
        seconds = props.get("seconds") or 3600
        self.app.notify(body, timeout=seconds)
