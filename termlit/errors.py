"""Exceptions a script can see.

The classes and how they derive from one another follow Streamlit's
``streamlit.errors``, so code written against Streamlit (``except
StreamlitAPIException``, ``except DuplicateWidgetID``) keeps working
unchanged. An exception whose message is Markdown
(:class:`MarkdownFormattedException` and everything derived from it, which
includes :class:`StreamlitAPIException`) is shown with its Markdown drawn.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "BidiComponentError",
    "BidiComponentInvalidCallbackNameError",
    "BidiComponentInvalidDefaultKeyError",
    "BidiComponentInvalidIdError",
    "BidiComponentUnserializableDataError",
    "DuplicateWidgetID",
    "Error",
    "FragmentHandledException",
    "FragmentStorageKeyError",
    "LocalizableStreamlitException",
    "MarkdownFormattedException",
    "NoSessionContext",
    "StreamlitAPIException",
    "StreamlitAPIWarning",
    "StreamlitAuthError",
    "StreamlitBadTimeStringError",
    "StreamlitComponentRegistryError",
    "StreamlitDataframeConversionError",
    "StreamlitDefaultNotInOptionsError",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitIncompatibleParametersError",
    "StreamlitInvalidColorError",
    "StreamlitInvalidColumnSpecError",
    "StreamlitInvalidFormCallbackError",
    "StreamlitInvalidHeightError",
    "StreamlitInvalidLayoutContextError",
    "StreamlitInvalidMinMaxError",
    "StreamlitInvalidNumberFormatError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitInvalidThemeError",
    "StreamlitInvalidThemeOptionError",
    "StreamlitInvalidThemeSectionError",
    "StreamlitInvalidURLError",
    "StreamlitInvalidWidthError",
    "StreamlitJSNumberBoundsError",
    "StreamlitMaxRetriesError",
    "StreamlitMissingAuthlibError",
    "StreamlitMissingRequiredParameterError",
    "StreamlitMixedNumericTypesError",
    "StreamlitPageNotFoundError",
    "StreamlitQueryParamDictValueError",
    "StreamlitSecretNotFoundError",
    "StreamlitSelectionCountExceedsMaxError",
    "StreamlitValueAboveMaxError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueBelowMinError",
    "StreamlitValueError",
    "StreamlitValueOutOfRangeError",
    "StreamlitWidgetAlreadyInstantiatedError",
    "TermlitAPIException",
    "UnserializableSessionStateError",
]


class Error(Exception):
    """The base of every exception termlit raises for a script.

    Takes a message as any exception does; the named details Streamlit's
    exceptions are built with (``value=``, ``min_value=``...) are kept in
    :attr:`details`, and make the message when none is given.
    """

    def __init__(self, *args: Any, **details: Any) -> None:
        if not args and details:
            args = (", ".join(f"{name}={value!r}" for name, value in details.items()),)
        super().__init__(*args)
        self.details = details


class MarkdownFormattedException(Error):
    """An exception whose message is Markdown; it is shown drawn as Markdown."""


class StreamlitAPIException(MarkdownFormattedException):
    """A call into the ``st.*`` API was used the wrong way.

    The message says what was wrong and how to fix it; the app shows it as an
    exception element and the next change reruns normally.
    """


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A suspicious, but still valid, use of the API."""


class NoSessionContext(Error):
    """An ``st.*`` command that needs a session ran outside one."""


class FragmentHandledException(Exception):
    """An exception a fragment has already shown."""


class FragmentStorageKeyError(Error, KeyError):
    """A fragment looked up that is not stored."""


class StreamlitComponentRegistryError(Error):
    """Components could not be found or registered."""


class StreamlitMaxRetriesError(Error):
    """A file or folder could not be read after several tries."""


class DuplicateWidgetID(StreamlitAPIException):
    """Two widgets in one run ended up with the same identity."""


class StreamlitDuplicateElementId(DuplicateWidgetID):
    """Two elements in one run ended up with the same identity."""


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    """Two elements in one run have the same key."""


class StreamlitAuthError(StreamlitAPIException):
    """Signing in failed."""


class StreamlitMissingAuthlibError(StreamlitAuthError):
    """Signing in needs a package that is not installed."""


class StreamlitDataframeConversionError(StreamlitAPIException):
    """A value cannot be turned into a table."""


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """A call was made in a container where it is not allowed."""


class UnserializableSessionStateError(StreamlitAPIException):
    """A session state value cannot be pickled."""


class LocalizableStreamlitException(StreamlitAPIException):
    """An API exception whose message is built from a template."""


class BidiComponentError(LocalizableStreamlitException):
    """A component error."""


class BidiComponentInvalidCallbackNameError(BidiComponentError):
    """A component callback has an invalid name."""


class BidiComponentInvalidDefaultKeyError(BidiComponentError):
    """A component default has an invalid key."""


class BidiComponentInvalidIdError(BidiComponentError):
    """A component got an invalid id."""


class BidiComponentUnserializableDataError(BidiComponentError):
    """Data for a component cannot be serialized."""


class StreamlitBadTimeStringError(LocalizableStreamlitException):
    """A time string cannot be parsed."""


class StreamlitDefaultNotInOptionsError(LocalizableStreamlitException):
    """A default value is not one of the options."""


class StreamlitIncompatibleParametersError(LocalizableStreamlitException):
    """Two arguments cannot be given together."""


class StreamlitInvalidColorError(LocalizableStreamlitException):
    """A colour is not a hex string or an RGB(A) sequence."""


class StreamlitInvalidColumnSpecError(LocalizableStreamlitException):
    """Column weights are missing or negative."""


class StreamlitInvalidFormCallbackError(LocalizableStreamlitException):
    """A widget inside a form has a callback."""


class StreamlitInvalidHeightError(LocalizableStreamlitException):
    """A height is not valid."""


class StreamlitInvalidMinMaxError(LocalizableStreamlitException):
    """``min_value`` is greater than ``max_value``."""


class StreamlitInvalidNumberFormatError(LocalizableStreamlitException):
    """A number format string is not valid."""


class StreamlitInvalidParameterTypeError(LocalizableStreamlitException):
    """An argument has a type the call does not take."""


class StreamlitInvalidThemeError(LocalizableStreamlitException):
    """A theme setting is not valid."""


class StreamlitInvalidThemeOptionError(StreamlitInvalidThemeError):
    """A theme option is not valid."""


class StreamlitInvalidThemeSectionError(StreamlitInvalidThemeError):
    """A theme section is not valid."""


class StreamlitInvalidURLError(LocalizableStreamlitException):
    """A URL is malformed or uses an unsupported scheme."""


class StreamlitInvalidWidthError(LocalizableStreamlitException):
    """A width is not valid."""


class StreamlitJSNumberBoundsError(LocalizableStreamlitException):
    """A number is too large to be represented."""


class StreamlitMissingRequiredParameterError(LocalizableStreamlitException):
    """A required argument is missing or empty."""


class StreamlitMixedNumericTypesError(LocalizableStreamlitException):
    """A number widget got ints and floats mixed."""


class StreamlitPageNotFoundError(LocalizableStreamlitException):
    """A page given to ``st.Page``, ``st.switch_page`` or ``st.page_link``
    is not a file, or not a page of the app."""


class StreamlitQueryParamDictValueError(LocalizableStreamlitException):
    """A query parameter's value is a dictionary."""


class StreamlitSecretNotFoundError(LocalizableStreamlitException, FileNotFoundError):
    """A secret cannot be found, or a secrets file cannot be parsed."""


class StreamlitSelectionCountExceedsMaxError(LocalizableStreamlitException):
    """More default choices than ``max_selections``."""


class StreamlitValueAboveMaxError(LocalizableStreamlitException):
    """A value is above ``max_value``."""


class StreamlitValueAssignmentNotAllowedError(LocalizableStreamlitException):
    """A value cannot be set this way."""


class StreamlitValueBelowMinError(LocalizableStreamlitException):
    """A value is below ``min_value``."""


class StreamlitValueError(LocalizableStreamlitException, ValueError):
    """An argument has a value the element cannot take."""


class StreamlitValueOutOfRangeError(LocalizableStreamlitException):
    """A value is outside a closed interval."""


class StreamlitWidgetAlreadyInstantiatedError(LocalizableStreamlitException):
    """Session state was set for a widget already created in this run."""


# termlit's own spelling, for users who prefer it.
TermlitAPIException = StreamlitAPIException
