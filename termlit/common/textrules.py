"""What a text field may commit: ``required``, ``validate`` and the built-in
format checks of ``type="email"`` / ``"url"``, and ``live`` (commit after a
pause in typing). The rules are data on the element; the terminal UI checks a
value with :func:`text_problem` before it commits it, as Streamlit's browser
does (a test's ``input()`` sets the value directly, as in Streamlit's AppTest)."""

from __future__ import annotations

import re
from typing import Any

from termlit.common.durations import parse_ttl
from termlit.errors import StreamlitAPIException

__all__ = ["LIVE_DEFAULT", "TEXT_TYPES", "check_live", "check_validate", "text_problem"]

TEXT_TYPES = ("default", "password", "email", "url", "phone", "search")

#: ``live=True``: commit after this many seconds without typing.
LIVE_DEFAULT = 0.25

_BUILT_IN = {
    "email": (r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "Enter an email address, such as name@example.com."),
    "url": (r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$", "Enter a web address, such as https://example.com."),
}


def check_validate(where: str, validate: Any, type: str) -> tuple[str, str] | None:
    """The rule a value must match, as ``(pattern, message)``; None: no rule."""
    if validate is None:
        return _BUILT_IN.get(type)
    if isinstance(validate, str):
        pattern, message = validate, None
    elif (
        isinstance(validate, tuple) and len(validate) == 2 and all(isinstance(v, str) for v in validate)
    ):
        pattern, message = validate
    else:
        raise StreamlitAPIException(
            f"{where}: validate must be a regular expression, a (regex, message) tuple or None, got {validate!r}."
        )
    if pattern == "":
        return None  # turns a type's own check off
    try:
        re.compile(pattern)
    except re.error as e:
        raise StreamlitAPIException(f"{where}: validate={pattern!r} is not a regular expression: {e}.") from None
    return pattern, message or f"The value must match the pattern {pattern}."


def check_live(where: str, live: Any) -> float | None:
    """Seconds to wait after the last key before committing; None: not live."""
    if live is False:
        return None
    if live is True:
        return LIVE_DEFAULT
    if not isinstance(live, str):
        raise StreamlitAPIException(
            f"{where}: live must be True, False or a duration string such as '250ms' or '0.5s', got {live!r} "
            "(a bare number is not taken: write '300ms')."
        )
    if live.strip() == "0":
        return 0.0
    try:
        seconds = parse_ttl(live)
    except StreamlitAPIException:
        seconds = None
    if seconds is None or not 0 <= seconds <= 60:
        raise StreamlitAPIException(
            f"{where}: live={live!r} must be a duration between 0 and 1 minute, such as '250ms' or '0.5s'."
        )
    return seconds


def text_problem(value: str | None, props: dict[str, Any]) -> str | None:
    """Why ``value`` cannot be committed to a text field with ``props``, or
    None when it can. Empty values skip ``validate``; ``required`` refuses them."""
    if value is None or not value.strip():
        return "A value is required." if props.get("required") else None
    rule = props.get("validate")
    if rule and re.search(rule[0], value) is None:
        return rule[1]
    return None
