"""Keep secret values out of messages.

Every value that looks like a credential (a password in a connection's
parts or URL, a secrets.toml value under a key such as ``password``,
``token``, ``api_key``, ``signing_key`` or ``hmac_key``) is registered here
when it is read, with its URL-encoded and URL-decoded forms. :func:`mask`
replaces each of them, and the password of any ``scheme://user:pass@host``
URL, with ``***``; :func:`masked_exception` gives an exception of the same
class whose message (and chained causes) went through :func:`mask`.
"""

from __future__ import annotations

import re
import threading
from urllib.parse import quote, quote_plus, unquote, unquote_plus
from typing import Any

__all__ = [
    "MASK",
    "contains_secret",
    "is_sensitive_key",
    "mask",
    "mask_exception_args",
    "masked_exception",
    "register",
    "register_from_mapping",
    "register_url",
]

MASK = "***"

#: Values shorter than this are only masked inside URLs (as the password of
#: ``scheme://user:pass@host``): masking a one- to three-character password
#: everywhere would garble every message. Such a password is weak anyway.
MIN_MASK_LENGTH = 4

_SENSITIVE_KEY = re.compile(
    r"pass|pwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key|credential|auth(?!or)|^key$"
    r"|(?:^|[_\-.])keys?$|hmac|signing|salt|cookie|session[_-]?id|dsn|conn(?:ection)?[_-]?str",
    re.IGNORECASE,
)
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s'\"]*:)(?P<pw>[^@\s'\"]+)(?P<at>@)")

_lock = threading.Lock()
_values: set[str] = set()
#: Longest first, so that a secret containing another is masked whole.
_ordered: tuple[str, ...] = ()


def is_sensitive_key(key: str) -> bool:
    return bool(_SENSITIVE_KEY.search(str(key)))


def register(value: Any) -> None:
    """Remember ``value`` (a password, token...) so that :func:`mask` hides it."""
    global _ordered
    if value is None:
        return
    text = str(value)
    if not text:
        return
    for found in _URL_PASSWORD.finditer(text):  # a URL carries its own password
        register(found.group("pw"))
    # The forms a value takes in messages: as written, URL-decoded (a
    # password written %-encoded in a URL reaches the driver decoded), and
    # %-encoded (a plain password put into a URL).
    forms = {text, unquote(text), unquote_plus(text), quote(text, safe=""), quote_plus(text, safe="")}
    forms = {form for form in forms if len(form) >= MIN_MASK_LENGTH and form not in _values}
    if not forms:
        return
    with _lock:
        _values.update(forms)
        _ordered = tuple(sorted(_values, key=len, reverse=True))


def register_url(text: Any) -> None:
    """Remember the password of every ``scheme://user:pass@host`` URL in ``text``."""
    for found in _URL_PASSWORD.finditer(str(text)):
        register(found.group("pw"))


def register_from_mapping(data: Any, *, sensitive: bool = False) -> None:
    """Register the credential-like values of a (nested) mapping.

    A value counts when its key looks sensitive (``password``, ``token``...)
    or when it is a string holding a URL with a password.
    """
    if isinstance(data, dict):
        for key, value in data.items():
            register_from_mapping(value, sensitive=sensitive or is_sensitive_key(key))
    elif isinstance(data, (list, tuple)):
        for value in data:
            register_from_mapping(value, sensitive=sensitive)
    elif isinstance(data, str):
        if sensitive:
            register(data)
        elif "@" in data and "://" in data:
            register_url(data)
    elif sensitive and isinstance(data, (int, float)) and not isinstance(data, bool):
        register(data)


def mask(text: Any, extra: tuple[str, ...] | list[str] = ()) -> str:
    """``text`` with every registered secret (and ``extra``) replaced by ``***``."""
    out = str(text)
    out = _URL_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}{m.group('at')}", out)
    values = _ordered
    if extra:
        values = tuple(sorted({*values, *(str(e) for e in extra if e)}, key=len, reverse=True))
    for value in values:
        if value in out:
            out = out.replace(value, MASK)
    return out


def contains_secret(text: Any) -> bool:
    return mask(text) != str(text)


# -- exceptions ---------------------------------------------------------------------

_masked_classes: dict[type, type] = {}


def _masked_class(cls: type[BaseException]) -> type[BaseException]:
    """A subclass of ``cls`` whose str() is a fixed, already masked message.

    ``except OriginalError`` still catches it and its name reads the same.
    """
    sub = _masked_classes.get(cls)
    if sub is None:

        def __str__(self: BaseException) -> str:
            return self.__dict__.get("_masked_message", "")

        def __repr__(self: BaseException) -> str:
            return f"{cls.__name__}({self.__dict__.get('_masked_message', '')!r})"

        def __reduce__(self: BaseException) -> Any:  # pickles as a plain RuntimeError
            return (RuntimeError, (f"{cls.__name__}: {str(self)}",))

        try:
            sub = type(
                cls.__name__,
                (cls,),
                {
                    "__str__": __str__,
                    "__repr__": __repr__,
                    "__reduce__": __reduce__,
                    "__module__": cls.__module__,
                    "__qualname__": cls.__qualname__,
                    "__termlit_masked__": True,
                },
            )
        except TypeError:  # final classes (bool-like) cannot be subclassed
            sub = RuntimeError
        _masked_classes[cls] = sub
    return sub


#: Attributes of database errors that are safe to carry over.
_SAFE_ATTRIBUTES = ("code", "connection_invalidated", "pgcode", "sqlstate", "errno")


def masked_exception(exc: BaseException, message: str | None = None) -> BaseException:
    """An exception like ``exc`` whose message, and its causes', are masked.

    ``message`` replaces the text (it is masked too). The result has no
    ``__cause__``/``__context__`` that could still hold a secret: raise it
    ``from None``.
    """
    text = mask(message if message is not None else str(exc))
    cls = _masked_class(type(exc))
    try:
        new = cls.__new__(cls)
        BaseException.__init__(new, text)
    except Exception:  # an exception class with an unusual constructor
        new = RuntimeError(f"{type(exc).__name__}: {text}")
        return new
    new.__dict__["_masked_message"] = text
    for name in _SAFE_ATTRIBUTES:
        if name in getattr(exc, "__dict__", {}):
            try:
                new.__dict__[name] = exc.__dict__[name]
            except Exception:  # pragma: no cover - defensive
                pass
    if "statement" in getattr(exc, "__dict__", {}):
        new.__dict__["statement"] = mask(exc.__dict__["statement"])
        new.__dict__["params"] = None
        new.__dict__["orig"] = None
    # No traceback is carried over: the frames inside the database library
    # say nothing to the app's author; raising adds the frames that do.
    return new


def mask_exception_args(exc: BaseException) -> None:
    """Mask the string arguments of ``exc`` in place (driver errors, whose
    text SQLAlchemy formats into its own messages later)."""
    try:
        args = exc.args
    except Exception:  # pragma: no cover - defensive
        return
    changed = False
    new_args = []
    for arg in args:
        if isinstance(arg, str):
            masked = mask(arg)
            changed = changed or masked != arg
            new_args.append(masked)
        elif isinstance(arg, dict):  # pg8000 puts the server's fields in a dict
            masked_dict = {k: mask(v) if isinstance(v, str) else v for k, v in arg.items()}
            changed = changed or masked_dict != arg
            new_args.append(masked_dict)
        else:
            new_args.append(arg)
    if changed:
        try:
            exc.args = tuple(new_args)
        except Exception:  # pragma: no cover - read-only args
            pass
