"""st.write hands figures and pictures of other libraries to their own call,
and what has no element of its own to the Markdown it joins."""

from __future__ import annotations

import pytest

from termlit.testing import AppTest

#: A stand-in for each library's figure: st.write tells them by type name.
FAKES = {
    "pyplot": "class Figure:\n    pass\nFigure.__module__ = 'matplotlib.figure'\nvalue = Figure()\n",
    "plotly_chart": "class Figure:\n    pass\nFigure.__module__ = 'plotly.graph_objs._figure'\nvalue = Figure()\n",
    "image": "class Image:\n    pass\nImage.__module__ = 'PIL.Image'\nvalue = Image()\n",
    "graphviz_chart": "class Digraph:\n    source = 'digraph { a -> b }'\nDigraph.__module__ = 'graphviz.graphs'\nvalue = Digraph()\n",
    "pydeck_chart": "class Deck:\n    pass\nDeck.__module__ = 'pydeck.bindings.deck'\nvalue = Deck()\n",
}


def _shown(script: str) -> list[tuple[str, dict]]:
    at = AppTest.from_string(script).run()
    assert not at.exception
    return [(node.kind, node.props) for node in at.main.children.values()]


def _kinds(script: str) -> list[tuple[str, str | None]]:
    """What a run shows: each element's kind (and an exception's message)."""
    at = AppTest.from_string(script).run()
    return [(node.kind, node.props.get("message") if node.kind == "exception" else None)
            for node in at.main.children.values()]


@pytest.mark.parametrize("call", sorted(FAKES))
def test_a_figure_goes_to_the_call_that_draws_it(call):
    """The stand-ins are not real figures, so the call may show what it could
    not draw: st.write must show the same."""
    setup = "import termlit as st\n" + FAKES[call]
    shown = _kinds(setup + "st.write(value)\n")
    assert shown == _kinds(setup + f"st.{call}(value)\n")
    assert shown[0][0] != "markdown"  # not the object's repr as text


def test_handles_string_io_and_generators_have_their_elements():
    at = AppTest.from_string(
        """
        import io
        import termlit as st
        st.write(st.sidebar)
        st.write(io.StringIO("**from a buffer**"))
        st.write(word for word in ["streamed ", "words"])
        """
    ).run()
    assert [n.kind for n in at.main.children.values()] == ["help", "markdown", "markdown"]
    assert at.markdown.values == ["**from a buffer**", "streamed words"]


def test_backticks_in_a_value_are_fenced_with_more():
    at = AppTest.from_string(
        """
        import termlit as st
        class Ticks:
            def __str__(self):
                return "a `b` c"
        st.write(Ticks(), "and", 2)
        """
    ).run()
    assert at.markdown.values == ["``a `b` c`` and `2`"]
