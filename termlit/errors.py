"""Exceptions a script can see.

The class names follow Streamlit's so that code written against Streamlit
(``except StreamlitAPIException``) keeps working unchanged.
"""

from __future__ import annotations


class StreamlitAPIException(Exception):
    """A call into the ``st.*`` API was used the wrong way.

    The message says what was wrong and how to fix it; the app shows it as an
    exception element and the next change reruns normally.
    """


class DuplicateWidgetID(StreamlitAPIException):
    """Two widgets in one run ended up with the same identity."""


class StreamlitValueError(StreamlitAPIException, ValueError):
    """An argument has a value the element cannot take."""


class StreamlitAPIWarning(Warning):
    """A suspicious, but still valid, use of the API."""


# termlit's own spelling, for users who prefer it.
TermlitAPIException = StreamlitAPIException


class StreamlitPageNotFoundError(StreamlitAPIException):
    """A page given to ``st.Page``, ``st.switch_page`` or ``st.page_link``
    is not a file, or not a page of the app."""
