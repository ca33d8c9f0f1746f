"""Parity with the installed Streamlit, found by introspection, never by a list
written here: every public top-level ``st.*`` name, every name in
``st.column_config``, ``st.components.v1``/``v2`` and ``st.errors``; for every
callable every parameter Streamlit accepts (termlit may accept more), and in
the same place when it can be passed by position; every public attribute of
Streamlit's ``AppTest`` and of its element classes; every configuration option
with its default.

What is missing is printed, and the test fails on anything that is not in
``parity_allowlist.txt``, where each line names one gap and says why termlit
leaves it out. A line for a gap that is gone fails too, so the list cannot go
stale. ``python tests/test_parity.py`` prints the summary alone.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import inspect
import sys
import types
from pathlib import Path

import pytest

import termlit
import termlit.compat
import termlit.errors
import termlit.testing
import termlit.testing.element_tree
from termlit.runtime import config as termlit_config

ALLOWLIST = Path(__file__).with_name("parity_allowlist.txt")
SKIP_REASON = 'Streamlit is not installed; `pip install -e ".[test]"` installs the version to compare with'


def _streamlit() -> types.ModuleType:
    if sys.modules.get("streamlit") is termlit:
        pytest.fail("`import streamlit` gives termlit here: something left the streamlit alias installed")
    return pytest.importorskip("streamlit", reason=SKIP_REASON)


def _public_toplevel(module: types.ModuleType) -> list[str]:
    """The public names ``streamlit/__init__.py`` binds itself (not the
    submodules its imports leave behind)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom):
            names.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.asname for a in node.names if a.asname)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node in tree.body:
            names.add(node.name)
    return sorted(n for n in names if not n.startswith("_") and hasattr(module, n))


def _signature(fn: object) -> inspect.Signature | None:
    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def _positional(sig: inspect.Signature) -> list[str]:
    return [p.name for p in sig.parameters.values() if p.kind in _POSITIONAL and p.name not in ("self", "cls")]


def parameter_gaps(theirs: object, ours: object) -> list[str]:
    """Streamlit's parameters of ``theirs`` that ``ours`` does not take: by
    name (``bind``), or not at the same position (``scope@0``)."""
    their_sig = _signature(theirs)
    if their_sig is None:
        return []
    our_sig = _signature(ours)
    if our_sig is None:
        return ["(no signature)"]
    ours_by_name = our_sig.parameters
    any_keyword = any(p.kind is p.VAR_KEYWORD for p in ours_by_name.values())
    any_position = any(p.kind is p.VAR_POSITIONAL for p in ours_by_name.values())
    gaps = []
    for p in their_sig.parameters.values():
        if p.name.startswith("_") or p.name in ("self", "cls") or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.name not in ours_by_name and not (any_keyword and p.kind is not p.POSITIONAL_ONLY):
            gaps.append(p.name)
    if not any_position:
        our_positions = _positional(our_sig)
        for i, name in enumerate(_positional(their_sig)):
            if name in ours_by_name and (i >= len(our_positions) or our_positions[i] != name):
                gaps.append(f"{name}@{i}")
    return gaps


def _compare_names(prefix: str, names: list[str], theirs: object, ours: object, gaps: dict[str, str]) -> None:
    for name in names:
        key = f"{prefix}{name}"
        if not hasattr(ours, name):
            gaps[key] = "missing"
            continue
        their_value, our_value = getattr(theirs, name), getattr(ours, name)
        if callable(their_value):
            for gap in parameter_gaps(their_value, our_value):
                gaps[f"{key}({gap})"] = "parameter"


def _error_classes(module: types.ModuleType) -> list[str]:
    return sorted(
        name for name, value in vars(module).items()
        if not name.startswith("_") and isinstance(value, type) and value.__module__ == module.__name__
    )


def api_gaps() -> dict[str, str]:
    """Every gap of the ``st.*`` API, by the key the allow-list names it with."""
    st = _streamlit()
    import streamlit.column_config
    import streamlit.components.v1
    import streamlit.components.v2
    import streamlit.errors

    gaps: dict[str, str] = {}
    _compare_names("", _public_toplevel(st), st, termlit, gaps)
    _compare_names("column_config.", list(streamlit.column_config.__all__), streamlit.column_config,
                   termlit.column_config, gaps)
    ours = termlit.compat.components
    _compare_names("components.v1.", list(streamlit.components.v1.__all__), streamlit.components.v1, ours.v1, gaps)
    _compare_names("components.v2.", list(streamlit.components.v2.__all__), streamlit.components.v2, ours.v2, gaps)
    error_names = _error_classes(streamlit.errors)
    _compare_names("errors.", error_names, streamlit.errors, termlit.errors, gaps)
    for name in error_names:  # ``except TheirBase`` must catch ours too
        theirs, ours_cls = getattr(streamlit.errors, name), getattr(termlit.errors, name, None)
        for base in theirs.__bases__:
            our_base = getattr(termlit.errors, base.__name__, None) or getattr(builtins, base.__name__, None)
            if ours_cls is not None and not (isinstance(our_base, type) and issubclass(ours_cls, our_base)):
                gaps[f"errors.{name}<{base.__name__}>"] = "base class"
    return gaps


def _class_attributes(cls: type) -> set[str]:
    names = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    names |= {n for n, v in inspect.getmembers(cls) if isinstance(v, property) or inspect.isfunction(v)}
    return {n for n in names if not n.startswith("_")} - {"proto", "root"}


def apptest_gaps() -> dict[str, str]:
    """Every gap of termlit's AppTest and element classes against Streamlit's."""
    _streamlit()
    import streamlit.testing.v1 as their_testing
    import streamlit.testing.v1.element_tree as their_tree

    gaps: dict[str, str] = {}
    theirs, ours = their_testing.AppTest.from_string(""), termlit.testing.AppTest.from_string("")
    their_cls, our_cls = type(theirs), type(ours)
    for name in sorted(n for n in {*dir(their_cls), *vars(theirs)} if not n.startswith("_")):
        if not hasattr(our_cls, name) and name not in vars(ours):
            gaps[f"testing.AppTest.{name}"] = "missing"
            continue
        their_attr = inspect.getattr_static(their_cls, name, None)
        if inspect.isfunction(their_attr) or isinstance(their_attr, classmethod):
            for gap in parameter_gaps(getattr(theirs, name), getattr(ours, name)):
                gaps[f"testing.AppTest.{name}({gap})"] = "parameter"
    for name, cls in sorted(vars(their_tree).items()):
        if name.startswith("_") or not inspect.isclass(cls) or cls.__module__ != their_tree.__name__:
            continue
        if not issubclass(cls, (their_tree.Element, their_tree.Block)):
            continue
        our_cls = getattr(termlit.testing.element_tree, name, None)
        if our_cls is None:
            gaps[f"testing.{name}"] = "missing"
            continue
        for attribute in sorted(_class_attributes(cls)):
            if not hasattr(our_cls, attribute):
                gaps[f"testing.{name}.{attribute}"] = "missing"
            elif inspect.isfunction(inspect.getattr_static(cls, attribute, None)) and inspect.isfunction(
                inspect.getattr_static(our_cls, attribute, None)
            ):
                for gap in parameter_gaps(getattr(cls, attribute), getattr(our_cls, attribute)):
                    gaps[f"testing.{name}.{attribute}({gap})"] = "parameter"
    return gaps


def option_gaps() -> dict[str, str]:
    """Streamlit's configuration options termlit lacks, or has another default for."""
    _streamlit()
    from streamlit import config as their_config

    gaps: dict[str, str] = {}
    for name, option in their_config._config_options_template.items():
        if option.visibility == "hidden" or option.deprecated:
            continue
        ours = termlit_config.OPTIONS.get(name)
        if ours is None:
            gaps[f"option.{name}"] = "missing"
        elif ours.default != option.default_val:
            gaps[f"option.{name}"] = f"default {ours.default!r}, Streamlit's {option.default_val!r}"
    return gaps


def read_allowlist() -> dict[str, str]:
    """``key: why`` lines; blank lines and ``#`` comments are skipped."""
    entries = {}
    for number, line in enumerate(ALLOWLIST.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, why = line.partition(":")
        assert sep and why.strip(), f"{ALLOWLIST.name}:{number}: each line is `key: why it is left out`"
        entries[key.strip()] = why.strip()
    return entries


def summary(gaps: dict[str, str], allowed: dict[str, str]) -> str:
    """The gaps as the README shows them: counts, then each gap, parameters
    grouped by callable, wrapped to lines of about 100 characters."""
    names = sorted(k for k in gaps if "(" not in k and not k.startswith(("testing.", "option.")))
    params = sorted(k for k in gaps if "(" in k and not k.startswith("testing."))
    testing = sorted(k for k in gaps if k.startswith("testing."))
    options = sorted(k for k in gaps if k.startswith("option."))
    by_callable: dict[str, list[str]] = {}
    for key in params:
        name, _, rest = key.partition("(")
        by_callable.setdefault(name, []).append(rest.rstrip(")"))
    lines = [
        f"Streamlit parity: {len(names)} names missing, {len(by_callable)} callables missing "
        f"{len(params)} parameters, {len(testing)} AppTest gaps, {len(options)} option gaps; "
        f"{len([k for k in gaps if k in allowed])} of them allowed in {ALLOWLIST.name}",
    ]

    def add(title: str, items: list[str]) -> None:
        line = f"{title}:"
        for item in items:
            if len(line) + len(item) > 98:
                lines.append(line)
                line = "   "
            line += f" {item},"
        lines.append(line.rstrip(","))

    mark = {key: key + (" (allowed)" if key in allowed else "") for key in gaps}
    if names:
        add("names", [mark[k] for k in names])
    if by_callable:
        add("parameters", [f"{name}({' '.join(ps)})" for name, ps in by_callable.items()])
    if testing:
        add("AppTest", [mark[k].removeprefix("testing.") for k in testing])
    if options:
        add("options", [mark[k] for k in options])
    return "\n".join(lines)


def test_every_streamlit_name_parameter_apptest_attribute_and_option_is_there_or_allowed():
    gaps = {**api_gaps(), **apptest_gaps(), **option_gaps()}
    allowed = read_allowlist()
    print(summary(gaps, allowed))
    unexplained = sorted(k for k in gaps if k not in allowed)
    stale = sorted(k for k in allowed if k not in gaps)
    assert not unexplained and not stale, (
        summary(gaps, allowed)
        + (f"\nnot in {ALLOWLIST.name}: {', '.join(unexplained)}" if unexplained else "")
        + (f"\nin {ALLOWLIST.name} but no longer missing (remove the line): {', '.join(stale)}" if stale else "")
    )


def test_the_allowlist_stays_short():
    assert len(read_allowlist()) <= 10


def test_parameter_gaps_finds_missing_and_misplaced_parameters():
    def theirs(label, value=0, *, key=None, bind=None): ...
    def ours_missing(label, value=0, *, key=None): ...
    def ours_keyword_only(label, *, value=0, key=None, bind=None): ...
    def ours_any(*args, **kwargs): ...

    assert parameter_gaps(theirs, ours_missing) == ["bind"]
    assert parameter_gaps(theirs, ours_keyword_only) == ["value@1"]
    assert parameter_gaps(theirs, ours_any) == []


if __name__ == "__main__":  # pragma: no cover - the summary alone
    print(summary({**api_gaps(), **apptest_gaps(), **option_gaps()}, read_allowlist()))
