"""The code's own layering rules (docs/architecture.md), checked on the source.

- Textual is imported only under ``termlit/tui/``.
- No module imports another package's private (underscore) names or modules.
- No import cycles between modules, counting imports inside functions too;
  an import deliberately deferred to break a cycle or to keep a heavy package
  out of ``import termlit`` says so with a ``# lazy`` comment on its line,
  and only those are left out of the cycle check.
- No module is much longer than 500 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "termlit"
MAX_LINES = 520


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _package_of(module: str) -> str:
    """The top-level area a module belongs to: termlit.tui, termlit.elements..."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else parts[0]


def _imports(path: Path):
    """(target module, imported names, line, is_lazy, in_function) for every
    import of a termlit module in ``path``."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    in_function: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Import, ast.ImportFrom)):
                    in_function.add(id(sub))
    here = _module_name(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.split(".")
                if path.name != "__init__.py":
                    base = base[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            module, names = "", [alias.name for alias in node.names]
        else:
            continue
        text = " ".join(lines[node.lineno - 1 : node.end_lineno])
        lazy = "# lazy" in text
        if isinstance(node, ast.Import):
            for name in names:
                yield name, [], node.lineno, lazy, id(node) in in_function
        else:
            yield module, names, node.lineno, lazy, id(node) in in_function


def _targets(module: str, names: list[str]) -> list[str]:
    """The termlit modules an import statement loads."""
    found = []
    for name in names:
        sub = f"{module}.{name}"
        if sub in MODULES:
            found.append(sub)
    if len(found) < len(names) and module in MODULES:
        found.append(module)
    return found


def test_textual_is_imported_only_by_the_tui():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for name, path in MODULES.items()
        if not name.startswith("termlit.tui")
        for module, _names, line, _lazy, _fn in _imports(path)
        if module.split(".")[0] == "textual"
    ]
    assert offenders == []


def test_no_module_imports_another_packages_private_names():
    offenders = []
    for name, path in MODULES.items():
        mine = _package_of(name)
        for module, names, line, _lazy, _fn in _imports(path):
            if not module.startswith("termlit") or _package_of(module) == mine:
                continue
            private_module = any(part.startswith("_") for part in module.split(".")[2:])
            private_names = [n for n in names if n.startswith("_") and not n.endswith("__")]
            if private_module or private_names:
                offenders.append(f"{path.relative_to(ROOT)}:{line} {module} {private_names}")
    assert offenders == []


def test_no_import_cycles_between_modules():
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for module, names, _line, lazy, _fn in _imports(path):
            if lazy or not module.startswith("termlit"):
                continue
            for target in _targets(module, names):
                if target != name:
                    graph[name].add(target)
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


def test_function_level_imports_of_termlit_say_why():
    """An import inside a function is either needed to break a cycle or to
    keep something heavy out of ``import termlit``; it says which."""
    undocumented = [
        f"{path.relative_to(ROOT)}:{line} {module}"
        for name, path in MODULES.items()
        for module, _names, line, lazy, in_fn in _imports(path)
        if in_fn and module.startswith("termlit") and not lazy
    ]
    assert undocumented == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_small(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines: split it along its seams"
