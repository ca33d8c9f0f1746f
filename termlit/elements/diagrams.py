"""Diagrams: ``st.graphviz_chart`` (DOT) and ``st.mermaid_chart``
(flowcharts), drawn with box-drawing characters
(:mod:`termlit.common.diagrams`). Where Graphviz's ``dot`` program is
installed, its picture of a DOT graph goes along too, for terminals that show
real pixels. A source outside what is read here is shown as code."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from termlit.common.diagrams import Unreadable, draw, parse_dot, parse_mermaid
from termlit.common.images import picture
from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements.text import caption, code

__all__ = ["graphviz_chart", "mermaid_chart"]

#: The longest ``dot`` may take to draw a graph, in seconds.
DOT_TIMEOUT = 10


def _dot_picture(source: str) -> Any:
    """Graphviz's own drawing of ``source`` (PNG), when ``dot`` is installed."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    try:
        done = subprocess.run([dot, "-Tpng", "-Gbgcolor=transparent"], input=source.encode(), capture_output=True,
                              timeout=DOT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0 or not done.stdout:
        return None
    return picture(done.stdout)


def _diagram(where: str, language: str, source: str, parse, width: Any) -> DeltaGenerator:
    try:
        rows = draw(parse(source))
    except Unreadable as problem:
        caption(f"{where}: the terminal does not draw {problem}; here is the source.")
        return code(source.strip("\n"), language=language)
    shot = _dot_picture(source) if language == "dot" else None
    return emit("diagram", {"rows": rows, "source": source, "language": language, "picture": shot,
                            "width": width})[1]


@api
def graphviz_chart(
    figure_or_dot: Any,
    use_container_width: bool | None = None,
    *,
    width: Any = "content",
    height: Any = "content",
    alt: str | None = None,
) -> DeltaGenerator:
    """Draw a graph: a ``graphviz`` Graph/Digraph or DOT text."""
    check_size("st.graphviz_chart", "width", width, ("stretch", "content"))
    source = figure_or_dot.source if hasattr(figure_or_dot, "source") else str(figure_or_dot)
    return _diagram("st.graphviz_chart", "dot", source, parse_dot, width)


@api
def mermaid_chart(body: str, *, width: Any = "stretch", alt: str | None = None) -> DeltaGenerator:
    """Draw a Mermaid flowchart (other Mermaid diagrams show as their source)."""
    check_size("st.mermaid_chart", "width", width, ("stretch", "content"))
    return _diagram("st.mermaid_chart", "mermaid", str(body), parse_mermaid, width)
