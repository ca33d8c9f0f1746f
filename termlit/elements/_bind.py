"""``bind="query-params"``: a value kept in ``st.query_params`` under its key.

Streamlit syncs a bound widget or container with the page URL. A terminal
has no address bar, so here the query parameters are the session's
``st.query_params`` (what ``st.page_link`` / ``st.switch_page`` hand a page,
what a test sets in ``at.query_params``, what the script reads): a bound
value takes the parameter named by its key when that parameter was set from
outside and holds a valid value, and every run writes the value back, or
removes the parameter when the value is the default.

:func:`check_bind` checks the argument; :func:`incoming` (before the value
is registered: put what it returns in ``st.session_state[key]``) and
:func:`write` (after) do the reading and the writing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context

__all__ = ["BIND_OPTIONS", "NOTHING", "check_bind", "incoming", "write"]

#: The values ``bind=`` takes.
BIND_OPTIONS = (None, "query-params")


def check_bind(where: str, bind: Any, key: str | None) -> bool:
    """True when ``bind`` asks for a query-parameter binding (which needs a key)."""
    if bind is None:
        return False
    if bind != "query-params":
        raise StreamlitAPIException(f"{where}: bind must be 'query-params' or None, got {bind!r}.")
    if key is None:
        raise StreamlitAPIException(
            f"{where}: bind='query-params' needs a key: the key is the name of the query "
            "parameter, so give the call a unique `key=`."
        )
    return True


#: :func:`incoming` found nothing new.
NOTHING: Any = object()


def _params() -> Any:
    return get_run_context().session.query_params


def _written(params: Any) -> dict[str, str | None]:
    """What the bindings of the session last wrote, kept with its query
    parameters: a parameter that differs was set from outside."""
    return params.__dict__.setdefault("_bound_written", {})


def incoming(key: str, parse: Callable[[str], Any]) -> Any:
    """The value the query parameter ``key`` asks for when it was set from
    outside since the binding last wrote it (a page link's parameters, a
    test's ``at.query_params``), else :data:`NOTHING`. A value ``parse``
    rejects (ValueError) is removed, as Streamlit removes it from the URL."""
    params = _params()
    raw = params.get(key)
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    if raw is None or raw == _written(params).get(key):
        return NOTHING
    try:
        return parse(str(raw))
    except ValueError:
        params.pop(key, None)
        return NOTHING


def write(key: str, value: Any, default: Any, format: Callable[[Any], str] = str) -> None:
    """Put ``value`` in the query parameter ``key``; remove it when ``value``
    is the default (to keep the parameters clean, as Streamlit does)."""
    params = _params()
    written = _written(params)
    if value == default:
        params.pop(key, None)
        written[key] = None
    else:
        params[key] = written[key] = format(value)
