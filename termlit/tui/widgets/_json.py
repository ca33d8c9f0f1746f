"""``st.json``: a JSON document as a tree whose nodes open and close."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = ["JsonView"]

_SCALAR_STYLE = {str: "green", bool: "magenta", int: "cyan", float: "cyan", type(None): "dim italic"}


def _scalar(value: Any) -> Text:
    return Text(json.dumps(value, ensure_ascii=False), style=_SCALAR_STYLE.get(type(value), ""))


class JsonView(ElementView, Tree):
    """A JSON tree.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | move between nodes |
    | Enter / Space | open or close a node |
    | shift+← / shift+→ | close all / open all |
    """

    kind = "json"

    BINDINGS = [
        ("shift+right", "open_all", "Open all"),
        ("shift+left", "close_all", "Close all"),
    ]

    DEFAULT_CSS = """
    JsonView { height: auto; max-height: 24; margin: 0 0 1 0; background: transparent; padding: 0; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__(self._root_label(element.props))
        self.show_root = True
        self._fill(element.props)

    @staticmethod
    def _root_label(props: dict[str, Any]) -> Text:
        value = json.loads(props["body"])
        if isinstance(value, dict):
            return Text(f"{{}} {len(value)} keys", style="bold")
        if isinstance(value, list):
            return Text(f"[] {len(value)} items", style="bold")
        return _scalar(value)

    def _fill(self, props: dict[str, Any]) -> None:
        self.clear()
        self.root.set_label(self._root_label(props))
        value = json.loads(props["body"])
        self._add(self.root, value, depth=0, open_to=props.get("depth"))
        if props.get("depth") != 0:
            self.root.expand()

    def _add(self, node: TreeNode, value: Any, depth: int, open_to: int | None) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in items:
            name = Text(f"{key}: " if isinstance(value, dict) else f"{key}: ", style="bold")
            if isinstance(child, (dict, list)):
                size = f"{{{len(child)}}}" if isinstance(child, dict) else f"[{len(child)}]"
                branch = node.add(name + Text(size, style="dim"))
                self._add(branch, child, depth + 1, open_to)
                if open_to is None or depth + 1 < open_to:
                    branch.expand()
            else:
                node.add_leaf(name + _scalar(child))

    def apply_props(self, props: dict[str, Any]) -> None:
        self._fill(props)

    def action_open_all(self) -> None:
        self.root.expand_all()

    def action_close_all(self) -> None:
        for child in self.root.children:
            child.collapse_all()
