"""``bind="query-params"``: a value kept in ``st.query_params`` under its key.

Streamlit syncs a bound widget or container with the page URL. A terminal
has no address bar, so here the query parameters are the session's
``st.query_params`` (what ``st.page_link`` / ``st.switch_page`` hand a page,
and what the script reads): a bound value starts from the parameter named by
its key when that parameter holds a valid value, and every run writes the
value back, or removes the parameter when the value is the default.

:func:`check_bind` checks the argument; :func:`initial` and :func:`write`
do the reading and the writing around the registration of the value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context

__all__ = ["BIND_OPTIONS", "check_bind", "initial", "write"]

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


def _params() -> Any:
    return get_run_context().session.query_params


def initial(key: str, default: Any, parse: Callable[[str], Any]) -> Any:
    """The value the query parameter ``key`` asks for, or ``default`` when it
    is absent or not valid (``parse`` raises ValueError); an invalid one is
    removed, as Streamlit removes it from the URL."""
    params = _params()
    if key not in params:
        return default
    raw = params[key]
    if isinstance(raw, list):
        raw = raw[-1] if raw else ""
    try:
        return parse(str(raw))
    except ValueError:
        params.pop(key, None)
        return default


def write(key: str, value: Any, default: Any, format: Callable[[Any], str] = str) -> None:
    """Put ``value`` in the query parameter ``key``; remove it when ``value``
    is the default (to keep the parameters clean, as Streamlit does)."""
    params = _params()
    if value == default:
        params.pop(key, None)
    else:
        params[key] = format(value)
