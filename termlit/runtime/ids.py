"""Widget identity.

A widget's id is a hash of its kind and its ``key`` (plus the few parameters
that change what the widget *is*, such as its options), or, without a key, of
its kind, label and every parameter that defines it. The same definition in
two places of one run is therefore the same id: a DuplicateWidgetID error.
In a multipage app the page a widget is created on is part of its id (with or
without a key), so the same widget on two pages is two widgets; widgets of
the entrypoint belong to no page.
"""

from __future__ import annotations

import hashlib
from typing import Any

from termlit.runtime.state import WIDGET_ID_PREFIX

__all__ = ["widget_id"]


#: The types whose stable repr is ``type name:repr`` (a list of one of them is
#: joined at once: 100,000 options cost milliseconds, not a quarter second).
_PLAIN = {str: "str:", int: "int:", float: "float:", bool: "bool:", type(None): "NoneType:"}


def _stable(value: Any) -> str:
    """A repr that is stable across runs and processes for common values."""
    if isinstance(value, (list, tuple)):
        kinds = set(map(type, value))
        if len(kinds) == 1 and (kind := kinds.pop()) in _PLAIN:
            prefix = _PLAIN[kind]
            return "[" + prefix + ("," + prefix).join(map(repr, value)) + "]"
        inner = ",".join(_stable(v) for v in value)
        return f"[{inner}]"
    if isinstance(value, dict):
        inner = ",".join(f"{_stable(k)}:{_stable(v)}" for k, v in value.items())
        return f"{{{inner}}}"
    if callable(value):
        return getattr(value, "__qualname__", type(value).__name__)
    if hasattr(value, "tolist") and hasattr(value, "dtype"):
        return _stable(value.tolist())
    if hasattr(value, "to_list") and hasattr(value, "index"):
        return _stable(value.to_list())
    return f"{type(value).__name__}:{value!r}"


def widget_id(
    kind: str,
    *,
    key: str | None,
    label: str | None,
    params: dict[str, Any] | None = None,
    key_params: tuple[str, ...] = (),
    page: str | None = None,
) -> str:
    """The id of a widget. ``key_params`` names the params kept with a key;
    ``page`` is the key of the page the widget is created on (None for the
    entrypoint's widgets and apps without pages)."""
    params = params or {}
    if key is not None:
        kept = {name: params.get(name) for name in key_params}
        basis = f"{kind}|key={key}|{_stable(kept)}"
    else:
        basis = f"{kind}|label={label}|{_stable(params)}"
    if page is not None:
        basis += f"|page={page}"
    digest = hashlib.blake2b(basis.encode("utf-8", "surrogatepass"), digest_size=10)
    return f"{WIDGET_ID_PREFIX}{kind}-{digest.hexdigest()}"
