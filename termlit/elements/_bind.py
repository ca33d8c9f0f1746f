"""``bind="query-params"``: a widget's value kept in ``st.query_params``.

A bound widget (it needs a ``key``, the parameter's name) reads its value from
the query parameter of its key when the parameter is there and was not put
there by the widget itself (at the start of a session, or when a test or a
page link sets it), and writes its value back after every run it is drawn in:
as text, a list of texts for several values, and no parameter at all while
the value equals the widget's default. A parameter that does not hold a value
the widget can take is removed, and the widget keeps its value. Scripts can
not set or delete a bound parameter through ``st.query_params``; they change
the widget through ``st.session_state`` instead.

Values are written as Streamlit writes them to the URL: ``true``/``false``,
numbers as Python prints them, dates ``YYYY-MM-DD``, times ``HH:MM``,
datetimes ``YYYY-MM-DDTHH:MM``, options by their label (``format_func``), a
range or several options as repeated values, and an empty value for "none".

The logic is the same for every kind of widget, so any element that keeps a
value under a key (a container's open state, a tab) can bind it with
:func:`check_bind`, :func:`read_bound` and :func:`write_bound`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, Literal

from termlit.common.values import find_index
from termlit.errors import StreamlitAPIException

__all__ = ["BindOption", "INVALID", "check_bind", "decode", "encode", "read_bound", "write_bound"]

#: The values ``bind=`` takes.
BindOption = Literal["query-params"] | None

#: What :func:`decode` returns for text no value of the widget is written as.
INVALID: Any = object()

_TRUE = {"true"}
_FALSE = {"false"}


def check_bind(bind: Any, key: str | None, where: str) -> bool:
    """Whether the widget is bound; a bad ``bind`` or a missing key is an error."""
    if bind is None:
        return False
    if bind != "query-params":
        raise StreamlitAPIException(
            f"{where}: bind={bind!r} is not supported. Use bind='query-params' (the value is kept in "
            "st.query_params under the widget's key) or None."
        )
    if key is None:
        raise StreamlitAPIException(
            f"{where}: bind='query-params' needs a key: the key is the name of the query parameter. "
            "Give the widget a unique `key=`."
        )
    return True


# -- text <-> value --------------------------------------------------------------


def _one_text(value: Any, props: dict[str, Any]) -> str:
    labels = props.get("labels")
    if labels is not None and "options" in props:
        i = find_index(props["options"], value)
        return labels[i] if i is not None else str(value)  # a new option (accept_new_options)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%S" if value.second else "%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return "" if value is None else str(value)


def encode(value: Any, props: dict[str, Any]) -> str | list[str]:
    """The query parameter text of a widget's value: one text, or a list for
    a range, several options or none (``[]`` is written as one empty text)."""
    if isinstance(value, (list, tuple)):
        texts = [_one_text(v, props) for v in value]
        return texts if texts else ""
    return _one_text(value, props)


def _parse_one(kind: str, text: str, props: dict[str, Any], sample: Any) -> Any:
    labels = props.get("labels")
    if labels is not None and "options" in props:
        if text in labels:
            return props["options"][labels.index(text)]
        if props.get("accept_new_options"):
            return text
        raise ValueError("not an option")
    if kind in ("checkbox", "toggle"):
        low = text.strip().lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE
        raise ValueError("not a bool")
    if kind in ("feedback", "pagination"):
        return int(text)
    if kind in ("date_input",) or isinstance(sample, date) and not isinstance(sample, datetime) or (
        props.get("number_type") == "date"
    ):
        return date.fromisoformat(text)
    if kind == "datetime_input" or isinstance(sample, datetime) or props.get("number_type") == "datetime":
        if "T" not in text:
            raise ValueError("a datetime is written YYYY-MM-DDTHH:MM")
        return datetime.fromisoformat(text)
    if kind == "time_input" or isinstance(sample, time) or props.get("number_type") == "time":
        return time.fromisoformat(text)
    number_type = props.get("number_type")
    if number_type == "int":
        return int(text)
    if number_type == "float":
        return float(text)
    return text


def decode(kind: str, raw: str | list[str], default: Any, props: dict[str, Any]) -> Any:
    """The widget value a query parameter holds, or :data:`INVALID`."""
    texts = list(raw) if isinstance(raw, list) else [raw]
    many = isinstance(default, (list, tuple)) or props.get("range") or props.get("multi")
    try:
        if many:
            if texts in ([], [""]):
                values: list[Any] = []
            else:
                sample = default[0] if isinstance(default, (list, tuple)) and default else None
                values = [_parse_one(kind, t, props, sample) for t in texts]
            if isinstance(default, list) or props.get("multi"):
                unique: list[Any] = []
                for v in values:
                    if v not in unique:
                        unique.append(v)
                limit = props.get("max_selections")
                return unique[:limit] if limit else unique
            return tuple(values)
        text = texts[-1] if texts else ""
        if text == "" and kind not in ("text_input", "text_area"):
            return None if default is None or props.get("clearable") else INVALID
        return _parse_one(kind, text, props, default)
    except (ValueError, TypeError, IndexError):
        return INVALID


# -- the session side ----------------------------------------------------------------


def read_bound(
    query_params: Any,
    key: str,
    kind: str,
    default: Any,
    props: dict[str, Any],
    coerce: Callable[[Any], Any] | None,
) -> Any:
    """The value the query parameter ``key`` gives a bound widget now, or
    :data:`INVALID` when it gives none: no parameter, the widget's own last
    write, or text that is no value of the widget (then it is removed)."""
    query_params.mark_bound(key)
    if key not in query_params:
        return INVALID
    raw = query_params[key]
    if query_params.bound_text(key) == raw:
        return INVALID  # what the widget wrote itself
    value = decode(kind, raw, default, props)
    if value is not INVALID and coerce is not None:
        try:
            value = coerce(value)
        except Exception:
            value = INVALID
    # Invalid text is removed; valid text stays as written (``True`` is not
    # rewritten ``true``) and counts as the widget's own from now on.
    query_params.write_bound(key, None if value is INVALID else raw)
    return value


def write_bound(query_params: Any, key: str, value: Any, default: Any, props: dict[str, Any]) -> None:
    """Write a bound widget's value to its query parameter (none while it
    equals the default)."""
    try:
        same = bool(value == default)
    except Exception:
        same = False
    query_params.write_bound(key, None if same else encode(value, props))
