"""Graphs as text: DOT (graphviz) and Mermaid flowcharts read into nodes and
edges, laid out in layers and drawn with box-drawing characters.

Reading covers the common parts: DOT ``graph``/``digraph`` with node and
edge statements (chains ``a -> b -> c``, ``label`` attributes, ``rankdir``,
subgraphs flattened); Mermaid ``graph``/``flowchart`` with ``TD``/``TB``/
``BT``/``LR``/``RL``, node shapes ``[..]``, ``(..)``, ``{..}``, ``((..))``,
``>..]``, links ``-->``, ``---``, ``-.->``, ``==>``, ``--text-->`` and
``-->|text|``. Anything else raises :class:`Unreadable`, and the source is
shown instead.

Layout (a small Sugiyama): edges that close a cycle are turned round, each
node goes to the layer after its longest path from a root, edges that skip
layers pass through reserved points, nodes in a layer are ordered by the mean
position of their neighbours (a few sweeps down and up), then placed on a
character grid, top to bottom or left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Graph", "Unreadable", "draw", "parse_dot", "parse_mermaid"]


class Unreadable(Exception):
    """The source is not in the part of the language read here."""


@dataclass
class Node:
    id: str
    label: str
    shape: str = "box"  # box, round, decision


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, label)
    directed: bool = True
    #: "TB" (top to bottom) or "LR" (left to right).
    direction: str = "TB"

    def node(self, node_id: str, label: str | None = None, shape: str | None = None) -> None:
        found = self.nodes.get(node_id)
        if found is None:
            self.nodes[node_id] = Node(node_id, label if label is not None else node_id, shape or "box")
            return
        if label is not None:
            found.label = label
        if shape is not None:
            found.shape = shape


# -- DOT ------------------------------------------------------------------------

_DOT_TOKEN = re.compile(
    r'\s*(?:(//[^\n]*|#[^\n]*|/\*.*?\*/)|("(?:[^"\\]|\\.)*")|(<<.*?>>)|(->|--)|([{}\[\];,=:])|([\w.\-]+))', re.S
)


def _dot_tokens(source: str) -> list[str]:
    tokens, at = [], 0
    while at < len(source):
        match = _DOT_TOKEN.match(source, at)
        if match is None:
            if source[at:].strip():
                raise Unreadable(f"DOT near {source[at:at + 20]!r}")
            break
        at = match.end()
        comment, quoted, html, edge, punct, word = match.groups()
        if comment:
            continue
        if quoted:
            tokens.append("\x00" + quoted[1:-1].replace('\\"', '"').replace("\\n", "\n"))
        elif html:
            tokens.append("\x00" + re.sub(r"<[^>]+>", "", html[2:-2]))
        else:
            tokens.append(edge or punct or word)
    return tokens


def _word(token: str) -> str:
    return token[1:] if token.startswith("\x00") else token


def parse_dot(source: str) -> Graph:
    tokens = _dot_tokens(source)
    i = 0
    while i < len(tokens) and tokens[i].lower() in ("strict",):
        i += 1
    if i >= len(tokens) or tokens[i].lower() not in ("graph", "digraph"):
        raise Unreadable("DOT without graph or digraph")
    graph = Graph(directed=tokens[i].lower() == "digraph")
    i += 1
    if i < len(tokens) and tokens[i] != "{":
        i += 1
    if i >= len(tokens) or tokens[i] != "{":
        raise Unreadable("DOT without a body")
    i += 1

    def attributes(at: int) -> tuple[dict[str, str], int]:
        found: dict[str, str] = {}
        while at < len(tokens) and tokens[at] == "[":
            at += 1
            while at < len(tokens) and tokens[at] != "]":
                key = _word(tokens[at])
                if at + 2 < len(tokens) and tokens[at + 1] == "=":
                    found[key] = _word(tokens[at + 2])
                    at += 3
                else:
                    at += 1
                if at < len(tokens) and tokens[at] in (",", ";"):
                    at += 1
            at += 1
        return found, at

    while i < len(tokens):
        token = tokens[i]
        if token in ("}", ";", "{"):
            i += 1
            continue
        if token.lower() == "subgraph":
            i += 1
            if i < len(tokens) and tokens[i] != "{":
                i += 1
            continue
        if token.lower() in ("graph", "node", "edge"):
            attrs, i = attributes(i + 1)
            if token.lower() == "graph" and attrs.get("rankdir", "").upper() in ("LR", "RL"):
                graph.direction = "LR"
            continue
        if i + 1 < len(tokens) and tokens[i + 1] == "=":
            if token == "rankdir" and i + 2 < len(tokens) and _word(tokens[i + 2]).upper() in ("LR", "RL"):
                graph.direction = "LR"
            i += 3
            continue
        chain = [_word(token)]
        i += 1
        while i + 1 < len(tokens) and tokens[i] in ("->", "--"):
            chain.append(_word(tokens[i + 1]))
            i += 2
        attrs, i = attributes(i)
        if len(chain) == 1:
            graph.node(chain[0], attrs.get("label"), _dot_shape(attrs.get("shape")))
        else:
            for name in chain:
                graph.node(name)
            for a, b in zip(chain, chain[1:]):
                graph.edges.append((a, b, attrs.get("label", "")))
    if not graph.nodes:
        raise Unreadable("a DOT graph with no nodes")
    return graph


def _dot_shape(shape: str | None) -> str | None:
    if shape is None:
        return None
    return {"ellipse": "round", "oval": "round", "circle": "round", "diamond": "decision"}.get(shape, "box")


# -- Mermaid --------------------------------------------------------------------

_SHAPES = [("((", "))", "round"), ("([", "])", "round"), ("[[", "]]", "box"), ("[(", ")]", "round"),
           ("{{", "}}", "decision"), ("[", "]", "box"), ("(", ")", "round"), ("{", "}", "decision"),
           (">", "]", "box")]
_NODE = re.compile(r"\s*([A-Za-z0-9_\-.]+)")
_LINK = re.compile(r"\s*(?:(--|==|-\.)\s*([^->=|.][^->=|]*?)\s*(-->|==>|\.->|---)|(<?-->|<?==>|-\.->|---|-\.-|===|--o|--x)"
                   r"(?:\|([^|]*)\|)?)")


def _mermaid_node(text: str, at: int, graph: Graph) -> tuple[str, int]:
    match = _NODE.match(text, at)
    if match is None:
        raise Unreadable(f"Mermaid near {text[at:at + 20]!r}")
    node_id, at = match.group(1), match.end()
    for opening, closing, shape in _SHAPES:
        if text.startswith(opening, at):
            end = text.find(closing, at + len(opening))
            if end < 0:
                raise Unreadable(f"Mermaid node {node_id} without {closing!r}")
            label = text[at + len(opening) : end].strip().strip('"')
            graph.node(node_id, label, shape)
            return node_id, end + len(closing)
    graph.node(node_id)
    return node_id, at


def parse_mermaid(source: str) -> Graph:
    lines = [line.strip() for line in source.strip().splitlines()]
    lines = [line for line in lines if line and not line.startswith("%%")]
    if not lines:
        raise Unreadable("an empty diagram")
    head = lines[0].split()
    if head[0] not in ("graph", "flowchart"):
        raise Unreadable(f"Mermaid {head[0]} diagrams")
    graph = Graph(direction="LR" if len(head) > 1 and head[1].upper() in ("LR", "RL") else "TB")
    for line in lines[1:]:
        for statement in line.split(";"):
            statement = statement.strip()
            if not statement or statement.split()[0] in ("classDef", "class", "style", "linkStyle", "click", "end",
                                                         "subgraph", "direction"):
                continue
            node, at = _mermaid_node(statement, 0, graph)
            while at < len(statement):
                link = _LINK.match(statement, at)
                if link is None:
                    raise Unreadable(f"Mermaid near {statement[at:at + 20]!r}")
                label = (link.group(2) or link.group(5) or "").strip()
                target, at = _mermaid_node(statement, link.end(), graph)
                graph.edges.append((node, target, label))
                node = target
    return graph


# -- layout and drawing -------------------------------------------------------

_UP, _DOWN, _LEFT, _RIGHT = 1, 2, 4, 8
_LINES = {
    _UP | _DOWN: "│", _LEFT | _RIGHT: "─", _DOWN | _RIGHT: "┌", _DOWN | _LEFT: "┐", _UP | _RIGHT: "└",
    _UP | _LEFT: "┘", _UP | _DOWN | _RIGHT: "├", _UP | _DOWN | _LEFT: "┤", _DOWN | _LEFT | _RIGHT: "┬",
    _UP | _LEFT | _RIGHT: "┴", 15: "┼", _UP: "│", _DOWN: "│", _LEFT: "─", _RIGHT: "─",
}


def _layers(graph: Graph) -> tuple[list[list[str]], list[tuple[str, str, str, bool]]]:
    """Layers of node ids (dummies named "\\x00n") and the edges between
    adjacent layers: (upper, lower, label, arrow points up)."""
    order = list(graph.nodes)
    children: dict[str, list[str]] = {n: [] for n in order}
    for a, b, _ in graph.edges:
        children[a].append(b)
    # Depth-first search: an edge to a node on the current path closes a cycle.
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in order:
        if root in state:
            continue
        stack = [(root, iter(children[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(children[nxt])))
    edges = [((b, a, label, True) if (a, b) in back else (a, b, label, False)) for a, b, label in graph.edges if a != b]
    rank = {n: 0 for n in order}
    for _ in range(len(order)):
        changed = False
        for a, b, _, _ in edges:
            if rank[b] < rank[a] + 1:
                rank[b] = rank[a] + 1
                changed = True
        if not changed:
            break
    layers: list[list[str]] = [[] for _ in range(max(rank.values(), default=0) + 1)]
    for n in order:
        layers[rank[n]].append(n)
    links = []
    dummy = 0
    for a, b, label, up in edges:
        previous = a
        for level in range(rank[a] + 1, rank[b]):
            name = f"\x00{dummy}"
            dummy += 1
            layers[level].append(name)
            links.append((previous, name, label if level == rank[a] + 1 else "", up))
            previous = name
        links.append((previous, b, "" if rank[b] - rank[a] > 1 else label, up))
    _order(layers, links)
    return layers, links


def _order(layers: list[list[str]], links: list[tuple[str, str, str, bool]]) -> None:
    """Reorder each layer by the mean position of its neighbours."""
    ups: dict[str, list[str]] = {}
    downs: dict[str, list[str]] = {}
    for a, b, _, _ in links:
        downs.setdefault(a, []).append(b)
        ups.setdefault(b, []).append(a)
    for _ in range(4):
        for level in list(range(1, len(layers))) + list(range(len(layers) - 2, -1, -1)):
            neighbours = ups if level > 0 else downs
            reference = layers[level - 1] if level > 0 else layers[1] if len(layers) > 1 else []
            where = {n: i for i, n in enumerate(reference)}

            def key(node: str, i: int) -> float:
                spots = [where[m] for m in neighbours.get(node, []) if m in where]
                return sum(spots) / len(spots) if spots else i

            layers[level] = [n for _, n in sorted((key(n, i), n) for i, n in enumerate(layers[level]))]


class _Canvas:
    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], str] = {}
        self.lines: dict[tuple[int, int], int] = {}
        self.kinds: dict[tuple[int, int], str] = {}

    def text(self, x: int, y: int, text: str, kind: str = "text") -> None:
        for i, ch in enumerate(text):
            self.cells[(x + i, y)] = ch
            self.kinds[(x + i, y)] = kind

    def line(self, points: list[tuple[int, int]]) -> None:
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if x0 == x1:
                step = 1 if y1 > y0 else -1
                for y in range(y0, y1, step):
                    self._join((x0, y), _DOWN if step > 0 else _UP)
                    self._join((x0, y + step), _UP if step > 0 else _DOWN)
            else:
                step = 1 if x1 > x0 else -1
                for x in range(x0, x1, step):
                    self._join((x, y0), _RIGHT if step > 0 else _LEFT)
                    self._join((x + step, y0), _LEFT if step > 0 else _RIGHT)

    def _join(self, at: tuple[int, int], bit: int) -> None:
        self.lines[at] = self.lines.get(at, 0) | bit

    def rows(self) -> list[list[tuple[str, str]]]:
        keys = set(self.cells) | set(self.lines)
        if not keys:
            return []
        width = max(x for x, _ in keys) + 1
        height = max(y for _, y in keys) + 1
        grid = [[(" ", "") for _ in range(width)] for _ in range(height)]
        for (x, y), bits in self.lines.items():
            grid[y][x] = (_LINES.get(bits, "┼"), "edge")
        for (x, y), ch in self.cells.items():
            grid[y][x] = (ch, self.kinds[(x, y)])
        return grid


def _box(canvas: _Canvas, x: int, y: int, node: Node, width: int) -> None:
    corners = {"box": "┌┐└┘", "round": "╭╮╰╯", "decision": "◇◇◇◇"}[node.shape if node.shape in ("box", "round",
                                                                                                   "decision") else "box"]
    canvas.text(x, y, corners[0] + "─" * (width - 2) + corners[1], "box")
    label = node.label.replace("\n", " ")
    pad = width - 2 - len(label)
    canvas.text(x, y + 1, "│", "box")
    canvas.text(x + 1, y + 1, " " * (pad // 2) + label + " " * (pad - pad // 2), "label")
    canvas.text(x + width - 1, y + 1, "│", "box")
    canvas.text(x, y + 2, corners[2] + "─" * (width - 2) + corners[3], "box")


def draw(graph: Graph) -> list[list[tuple[str, str]]]:
    """The graph as rows of (character, kind) cells; kind is "box",
    "label", "edge", "arrow" or "text" (edge labels)."""
    layers, links = _layers(graph)
    canvas = _Canvas()
    size = {n: (len(graph.nodes[n].label.replace("\n", " ")) + 4 if n in graph.nodes else 1) for layer in layers
            for n in layer}
    centre: dict[str, tuple[int, int]] = {}
    if graph.direction == "LR":
        x = 0
        for layer in layers:
            column = max((size[n] for n in layer), default=1)
            y = 0
            for n in layer:
                height = 3 if n in graph.nodes else 1
                if n in graph.nodes:
                    _box(canvas, x + (column - size[n]) // 2, y, graph.nodes[n], size[n])
                centre[n] = (x + column // 2, y + height // 2)
                y += height + 1
            for n in layer:
                cx, cy = centre[n]
                centre[n] = (cx, cy)
            x += column + 10
        for a, b, label, up in links:
            (ax, ay), (bx, by) = centre[a], centre[b]
            start = ax + (size[a] + 1) // 2 if a in graph.nodes else ax
            end = bx - size[b] // 2 - 1 if b in graph.nodes else bx
            middle = (start + end) // 2
            canvas.line([(start, ay), (middle, ay), (middle, by), (end, by)])
            if up and a in graph.nodes:
                canvas.text(start, ay, "◀", "arrow")
            elif b in graph.nodes:
                canvas.text(end, by, "▶", "arrow")
            if label:
                room = end - middle - 2
                if room >= len(label) + 2:  # on the last stretch of the line, before the arrow
                    canvas.text(middle + 2, by, label, "text")
                else:
                    canvas.text(middle + 1, by - 1, label, "text")
        return canvas.rows()
    widths = [sum(size[n] for n in layer) + 3 * (len(layer) - 1) for layer in layers]
    full = max(widths, default=0)
    y = 0
    for layer, width in zip(layers, widths):
        x = (full - width) // 2
        for n in layer:
            if n in graph.nodes:
                _box(canvas, x, y, graph.nodes[n], size[n])
                centre[n] = (x + size[n] // 2, y + 1)
            else:
                centre[n] = (x, y + 1)
            x += size[n] + 3
        y += 3 + 3
    for a, b, label, up in links:
        (ax, ay), (bx, by) = centre[a], centre[b]
        start, end = ay + 2, by - 2
        middle = start + 1
        if a not in graph.nodes:  # a point an edge passes through: a line across its layer
            canvas.line([(ax, ay - 2), (ax, start)])
        canvas.line([(ax, start), (ax, middle), (bx, middle), (bx, end)])
        if up and a in graph.nodes:
            canvas.text(ax, start, "▲", "arrow")
        elif b in graph.nodes:
            canvas.text(bx, end, "▼", "arrow")
        if label:
            canvas.text(bx + 1, end if b not in graph.nodes else end, label, "text")
    return canvas.rows()
