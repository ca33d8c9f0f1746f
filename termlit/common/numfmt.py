"""Numbers in the formats of Streamlit's ``format=`` (``st.metric``,
``NumberColumn``, ``ProgressColumn``): a named format or printf.

Named formats: ``"plain"`` (the number as written), ``"localized"``
(thousands separated), ``"percent"`` (times 100, with ``%``), ``"dollar"``,
``"euro"``, ``"yen"``, ``"accounting"`` (negatives in parentheses),
``"bytes"``, ``"compact"`` (``1.2K``), ``"scientific"`` and
``"engineering"``. Anything else is a printf specifier (``"%.2f"``,
``"$%d"``), where ``%,d`` / ``%,.2f`` separate thousands.
"""

from __future__ import annotations

import math
import re

__all__ = ["NAMED_FORMATS", "format_number", "format_number_text"]

NAMED_FORMATS = (
    "plain", "localized", "percent", "dollar", "euro", "yen", "accounting", "bytes", "compact", "scientific",
    "engineering",
)

_PRINTF_COMMA = re.compile(r"%(?P<flags>[-+ 0#]*),(?P<rest>\d*(?:\.\d+)?[dfieEgGs])")


def _plain(value: float, is_int: bool) -> str:
    if is_int:
        return str(int(value))
    magnitude = abs(value)
    if magnitude >= 1e15 or (magnitude and magnitude < 1e-4):
        return f"{value:.4e}"
    return f"{value:.4f}"


def _engineering(value: float) -> str:
    if value == 0:
        return "0E0"
    exponent = int(math.floor(math.log10(abs(value)) / 3) * 3)
    return f"{value / 10 ** exponent:.3f}E{exponent}"


def _bytes(value: float) -> str:
    size = float(value)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(size) < 1000 or unit == "TB":
            return f"{size:.0f}{unit}" if unit == "B" else f"{size:.1f}{unit}"
        size /= 1000
    return f"{size:.1f}PB"


def _printf(value: float, fmt: str) -> str | None:
    """``fmt`` applied printf-style, ``,`` in a specifier separating thousands."""
    match = _PRINTF_COMMA.search(fmt)
    try:
        if match is None:
            return fmt % value
        spec = match["rest"]
        kind = spec[-1]
        number = int(value) if kind in "di" else value
        python = f"{match['flags']},{spec[:-1]}{'d' if kind == 'i' else kind}"
        return fmt[: match.start()] + format(number, python) + fmt[match.end():]
    except (TypeError, ValueError):
        return None


def format_number(value: float, fmt: str | None, is_int: bool | None = None) -> str:
    """``value`` as ``fmt`` shows it (None: four decimals for a float, as
    the table cells show them)."""
    if is_int is None:
        is_int = isinstance(value, int) or (isinstance(value, float) and value.is_integer() and fmt is None)
    if not fmt:
        return _plain(value, is_int)
    if fmt == "plain":
        return str(value)
    if fmt == "localized":
        return f"{value:,}" if is_int else f"{value:,.4f}".rstrip("0").rstrip(".")
    if fmt == "percent":
        return f"{value * 100:.2f}%"
    if fmt == "dollar":
        return f"-${-value:,.2f}" if value < 0 else f"${value:,.2f}"
    if fmt == "euro":
        return f"-€{-value:,.2f}" if value < 0 else f"€{value:,.2f}"
    if fmt == "yen":
        return f"-¥{-value:,.0f}" if value < 0 else f"¥{value:,.0f}"
    if fmt == "accounting":
        return f"({-value:,.2f})" if value < 0 else f"{value:,.2f}"
    if fmt == "bytes":
        return _bytes(value)
    if fmt == "scientific":
        mantissa, exponent = f"{value:.3E}".split("E")
        return f"{mantissa}E{int(exponent)}"
    if fmt == "engineering":
        return _engineering(value)
    if fmt == "compact":
        for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(value) >= limit:
                return f"{value / limit:.1f}{suffix}"
        return f"{value:g}"
    shown = _printf(value, fmt)
    return _plain(value, is_int) if shown is None else shown


def format_number_text(text: str, fmt: str | None) -> str:
    """A number written as text (a metric's value or delta) in ``fmt``; the
    text as it is when there is no format or it is not a number."""
    if not fmt:
        return text
    stripped = text.strip().replace(",", "")
    try:
        value: float = int(stripped)
    except ValueError:
        try:
            value = float(stripped)
        except ValueError:
            return text
        if not math.isfinite(value):
            return text
    shown = format_number(value, fmt, isinstance(value, int))
    return f"+{shown}" if text.strip().startswith("+") and not shown.startswith(("+", "-")) else shown
