"""What kind of value an object is, for ``st.write`` (which element shows it)
and ``st.json`` (how it becomes JSON), as Streamlit tells them apart.

The checks look at type names, never import the libraries they name
(pandas, matplotlib, plotly, PIL...): a value of a library that is not loaded
cannot be of its type.
"""

from __future__ import annotations

import inspect
import json
import re
import types
from collections import ChainMap, UserDict, UserList, deque
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from enum import EnumMeta
from typing import Any

__all__ = [
    "HELP_TYPES", "chart_call", "is_custom_dict", "is_dataframe_like", "is_generator", "is_json_like",
    "is_mem_address", "json_text", "max_run",
]

#: Objects st.write shows with st.help.
HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType, types.MethodType, types.ModuleType)

_MEM_ADDRESS = re.compile(r"^<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+>$")
_ALTAIR = re.compile(r"^altair\.vegalite\.v\d+\.api\.\w*Chart$")


def _names(obj: Any) -> list[str]:
    """The qualified names of ``obj``'s type and its bases."""
    return [f"{t.__module__}.{t.__qualname__}" for t in type(obj).__mro__]


def _callable_attr(obj: Any, name: str) -> bool:
    return callable(getattr(obj, name, None)) and type(obj).__name__ != "DeltaGenerator"


def is_dataframe_like(obj: Any) -> bool:
    """A table st.dataframe draws: pandas, numpy, pyarrow, polars and friends."""
    module = type(obj).__module__ or ""
    name = type(obj).__name__
    if module.startswith("pandas") and name in ("DataFrame", "Series", "Index", "Styler"):
        return True
    if module.startswith("numpy") and name == "ndarray":
        return True
    if module.startswith("pyarrow") and name in ("Table", "RecordBatch"):
        return True
    return module.startswith("polars") and name in ("DataFrame", "Series", "LazyFrame")


def is_custom_dict(obj: Any) -> bool:
    """One of termlit's own mappings (session state, query params, st.user,
    widget events): shown as the dict ``to_dict()`` gives."""
    return (type(obj).__module__ or "").startswith("termlit") and _callable_attr(obj, "to_dict")


def _is_pydantic(obj: Any) -> bool:
    return not isinstance(obj, type) and "pydantic.main.BaseModel" in _names(obj)


def _is_pydantic_list(obj: Any) -> bool:
    return isinstance(obj, (list, tuple, set, frozenset)) and len(obj) > 0 and _is_pydantic(next(iter(obj)))


def is_json_like(obj: Any) -> bool:
    """A value st.write shows as JSON."""
    return (
        isinstance(obj, (dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap, UserList,
                         ItemsView, KeysView, ValuesView))
        or is_custom_dict(obj)
        or (isinstance(obj, tuple) and _callable_attr(obj, "_asdict"))
        or _is_pydantic(obj)
        or _is_pydantic_list(obj)
    )


def is_generator(obj: Any) -> bool:
    """A stream st.write hands to st.write_stream."""
    return (
        inspect.isgenerator(obj) or inspect.isgeneratorfunction(obj) or inspect.isasyncgenfunction(obj)
        or inspect.isasyncgen(obj) or "openai.Stream" in _names(obj)
    )


def chart_call(obj: Any) -> str | None:
    """The ``st.*`` call that draws a figure or picture of a plotting or
    imaging library (``"pyplot"`` for a Matplotlib figure...), or None."""
    names = _names(obj)
    first = names[0]
    if _ALTAIR.match(first):
        return "altair_chart"
    if "matplotlib.figure.Figure" in names:
        return "pyplot"
    if first == "plotly.graph_objs._figure.Figure":
        return "plotly_chart"
    if first.startswith("graphviz.") and type(obj).__name__ in ("Graph", "Digraph", "Source"):
        return "graphviz_chart"
    if first.startswith("sympy") and any(n.startswith("sympy.core.expr.Expr") for n in names):
        return "latex"
    if first.startswith("PIL."):
        return "image"
    if first == "pydeck.bindings.deck.Deck":
        return "pydeck_chart"
    return None


def is_mem_address(text: str) -> bool:
    """``<foo object at 0x7f...>``: a repr that says nothing but where it lives."""
    return bool(_MEM_ADDRESS.match(text))


def max_run(text: str, char: str) -> int:
    """The longest run of ``char`` in ``text``."""
    longest = current = 0
    for c in text:
        current = current + 1 if c == char else 0
        longest = max(longest, current)
    return longest


def _serializable(obj: Any) -> Any:
    return list(obj) if isinstance(obj, (set, frozenset)) else repr(obj)


def json_text(body: Any) -> str:
    """``body`` as st.json shows it: a string as given, anything else as
    JSON (custom mappings, named tuples, pydantic models and list-likes
    first turned into dicts and lists; sets as lists; the rest by repr)."""
    if isinstance(body, str):
        return body
    if is_custom_dict(body):
        body = body.to_dict()
    if isinstance(body, tuple) and _callable_attr(body, "_asdict"):
        body = body._asdict()
    if isinstance(body, (ChainMap, types.MappingProxyType, UserDict)) or _is_pydantic(body):
        body = dict(body)
    elif isinstance(body, Mapping):
        pass
    elif _is_pydantic_list(body):
        body = [item.model_dump(mode="json") if _callable_attr(item, "model_dump") else dict(item) for item in body]
    elif isinstance(body, (list, set, tuple, frozenset, deque, EnumMeta, enumerate, ItemsView, KeysView, map,
                           range, UserList, ValuesView)):
        body = list(body)
    try:
        return json.dumps(body, default=_serializable)
    except TypeError:  # keys json cannot write
        return json.dumps(body, skipkeys=True, default=_serializable)

