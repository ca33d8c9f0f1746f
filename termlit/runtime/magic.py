"""Magic: a bare expression on its own line is shown, as if passed to st.write.

The script's AST is rewritten once per file version: every expression
statement whose value is not a call, ``await`` or ``yield`` becomes
``__termlit_magic__(<expr>)``, at any nesting level (functions, loops, ``with``
blocks). Docstrings of the module, of functions and of classes are left alone.
"""

from __future__ import annotations

import ast
from typing import Any

__all__ = ["MAGIC_NAME", "rewrite", "magic_write"]

MAGIC_NAME = "__termlit_magic__"


def magic_write(value: Any) -> Any:
    """What a bare expression becomes: ``st.write(value)``."""
    import termlit  # lazy: the runtime sits below the st.* API it calls here

    return termlit.write(value)


_SKIP = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)


def _is_docstring(node: ast.stmt) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


class _Magic(ast.NodeTransformer):
    def _body(self, body: list[ast.stmt], *, has_docstring: bool) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for i, stmt in enumerate(body):
            stmt = self.visit(stmt)
            if (
                isinstance(stmt, ast.Expr)
                and not isinstance(stmt.value, _SKIP)
                and not (i == 0 and has_docstring and _is_docstring(stmt))
            ):
                call = ast.Call(
                    func=ast.Name(id=MAGIC_NAME, ctx=ast.Load()),
                    args=[stmt.value],
                    keywords=[],
                )
                stmt = ast.copy_location(ast.Expr(value=call), stmt)
            out.append(stmt)
        return out

    def generic_visit(self, node: ast.AST) -> ast.AST:
        docstring_owner = isinstance(
            node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        )
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                setattr(
                    node,
                    field,
                    self._body(body, has_docstring=docstring_owner and field == "body"),
                )
        for name, value in ast.iter_fields(node):
            if name in ("body", "orelse", "finalbody") and isinstance(value, list):
                continue
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)
        return node


def rewrite(tree: ast.Module) -> ast.Module:
    """Rewrite ``tree`` in place for magic and return it."""
    _Magic().visit(tree)
    ast.fix_missing_locations(tree)
    return tree
