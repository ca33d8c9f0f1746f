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


def _leaf(key: Any, value: Any) -> Text:
    return Text(f"{key}: ", style="bold") + _scalar(value)


def _same_shape(old: Any, new: Any) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return list(old) == list(new) and all(_same_shape(old[k], new[k]) for k in new)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same_shape(a, b) for a, b in zip(old, new))
    return not isinstance(old, (dict, list)) and not isinstance(new, (dict, list))


def _relabel(node: TreeNode, old: Any, new: Any) -> None:
    """Give the leaves under ``node`` whose value changed their new label."""
    items = new.items() if isinstance(new, dict) else enumerate(new)
    for child_node, (key, child) in zip(node.children, items):
        before = old[key]
        if isinstance(child, (dict, list)):
            _relabel(child_node, before, child)
        elif type(before) is not type(child) or before != child:
            child_node.set_label(_leaf(key, child))


class JsonView(ElementView, Tree):
    """A JSON tree.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | move between nodes |
    | Enter / Space | open or close a node |
    | shift+← / shift+→ | close all / open all |
    """

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
        self.document = json.loads(props["body"])
        self.open_to = props.get("depth")
        self._add(self.root, self.document, depth=0, open_to=self.open_to)
        if self.open_to != 0:
            self.root.expand()

    def _add(self, node: TreeNode, value: Any, depth: int, open_to: int | None) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in items:
            if isinstance(child, (dict, list)):
                size = f"{{{len(child)}}}" if isinstance(child, dict) else f"[{len(child)}]"
                branch = node.add(Text(f"{key}: ", style="bold") + Text(size, style="dim"))
                self._add(branch, child, depth + 1, open_to)
                if open_to is None or depth + 1 < open_to:
                    branch.expand()
            else:
                node.add_leaf(_leaf(key, child))

    def apply_props(self, props: dict[str, Any]) -> None:
        """A document of the same shape (the same keys, lists of the same
        lengths) only relabels the leaves that changed, keeping what the user
        opened and closed; any other change builds the tree again."""
        value = json.loads(props["body"])
        if props.get("depth") != self.open_to or not _same_shape(self.document, value):
            self._fill(props)
            return
        if not isinstance(value, (dict, list)):
            self.root.set_label(_scalar(value))
        else:
            _relabel(self.root, self.document, value)
        self.document = value

    def action_open_all(self) -> None:
        self.root.expand_all()

    def action_close_all(self) -> None:
        for child in self.root.children:
            child.collapse_all()
