"""``st.file_uploader``: a keyboard file picker."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DirectoryTree, Static
from textual.widgets.tree import TreeNode

from termlit.common.files import accepts
from termlit.tui.widgets._download_button import human_size
from termlit.tui.widgets._field import ControlChanged, FieldView
from termlit.tui.widgets._safe import SafeModalScreen, open_window

__all__ = ["FilePicker", "FileTree", "FileUploaderView", "UploadControl"]


class FileTree(DirectoryTree):
    """Folders and the files a ``type=`` filter lets through; no hidden files.
    Marked files (multiple choice) show a ✓."""

    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "
    ICON_FILE = "  "

    def __init__(self, path: Path, extensions: list[str] | None) -> None:
        self.extensions = extensions
        self.marked: list[Path] = []
        super().__init__(path, id="file-tree")

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        out = []
        for path in paths:
            if path.name.startswith("."):
                continue
            try:
                if path.is_dir() or accepts(path.name, self.extensions):
                    out.append(path)
            except OSError:
                continue
        return out

    def render_label(self, node: TreeNode, base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)
        entry = node.data
        if entry is not None and entry.path in self.marked:
            return Text("✓ ", style="bold") + text
        return text


class FilePicker(SafeModalScreen[list[Path] | None]):
    """Pick files, starting in the current directory.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | move |
    | Enter | open a folder; pick a file (several files: mark or unmark it) |
    | Space | open or close a folder |
    | Backspace | go up to the parent folder |
    | ctrl+s | done: take the marked files (several files) |
    | Esc | cancel |
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", show=True),
        Binding("backspace", "parent", "Parent folder", show=True),
        Binding("ctrl+s", "done", "Done", show=True),
    ]

    DEFAULT_CSS = """
    FilePicker { align: center middle; }
    FilePicker > Vertical {
        width: 80; max-width: 95%; height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    FilePicker FileTree { height: 1fr; }
    FilePicker .picker-where { height: 1; color: $text-muted; }
    FilePicker .picker-note { height: auto; color: $warning; }
    FilePicker .picker-keys { height: 1; color: $text-muted; }
    """

    def __init__(self, title: str, extensions: list[str] | None, multi: bool, max_size: int) -> None:
        super().__init__()
        self.title_text = title
        self.extensions = extensions
        self.multi = multi
        self.max_size = max_size
        #: Set by the first dismissal: keys already queued (Enter pressed
        #: twice quickly) must not dismiss the screen a second time.
        self.closing = False

    def finish(self, result: list[Path] | None) -> None:
        """Close the picker with ``result``, once."""
        if self.closing:
            return
        self.closing = True
        self.dismiss(result)

    def compose(self) -> ComposeResult:
        keys = "Enter: mark/unmark · ctrl+s: done" if self.multi else "Enter: pick"
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static("", classes="picker-where", markup=False)
            yield FileTree(Path.cwd(), self.extensions)
            yield Static("", classes="picker-note", markup=False)
            yield Static(f"{keys} · Backspace: parent folder · Esc: cancel", classes="picker-keys", markup=False)

    @property
    def tree(self) -> FileTree:
        return self.query_one(FileTree)

    def on_mount(self) -> None:
        self._where()
        self.tree.focus()

    def _where(self) -> None:
        types = ", ".join(self.extensions) if self.extensions else "any file"
        self.query_one(".picker-where", Static).update(f"{self.tree.path}   ({types})")

    def _note(self, text: str) -> None:
        self.query_one(".picker-note", Static).update(text)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        if self.closing:
            return
        path = Path(event.path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            self._note(f"Cannot read {path.name}: {exc}")
            return
        if size > self.max_size:
            self._note(f"{path.name} is {human_size(size)}, over the limit of {human_size(self.max_size)}.")
            return
        if not self.multi:
            self.finish([path])
            return
        tree = self.tree
        if path in tree.marked:
            tree.marked.remove(path)
        else:
            tree.marked.append(path)
        self._note(f"{len(tree.marked)} marked. ctrl+s takes them." if tree.marked else "")
        tree.refresh()

    def action_parent(self) -> None:
        tree = self.tree
        current = Path(tree.path)
        if current.parent != current:
            tree.path = current.parent
            self._where()

    def action_done(self) -> None:
        if self.multi:
            self.finish(list(self.tree.marked))

    def action_cancel(self) -> None:
        self.finish(None)


def _files(props: dict[str, Any]) -> list[Any]:
    value = props.get("value")
    return value if isinstance(value, list) else ([] if value is None else [value])


def _shown(props: dict[str, Any]) -> tuple:
    """What the control draws from its props."""
    files = tuple((f.name, f.size) for f in _files(props))
    return files, tuple(props.get("types") or ()), props.get("max_size")


class UploadControl(Widget, can_focus=True):
    """The chosen files, and how to choose.

    | Key | Action |
    | --- | --- |
    | Enter / Space | browse files |
    | Delete / Backspace | remove the chosen file(s) |
    """

    BINDINGS = [
        Binding("enter,space", "browse", "Browse files", tooltip="choose files"),
        Binding("delete,backspace", "clear", "Remove", tooltip="remove the chosen file(s)"),
    ]

    DEFAULT_CSS = """
    UploadControl { height: auto; width: 1fr; border: round $foreground 30%; padding: 0 1; }
    UploadControl:focus { border: round $accent; }
    """

    class Changed(ControlChanged):
        """The user chose files: ``value`` is a path (a list of them for
        several files; None or [] when removed)."""

    def __init__(self, props: dict[str, Any]) -> None:
        super().__init__()
        self.props = props

    def set_props(self, props: dict[str, Any]) -> None:
        old, self.props = self.props, props
        if _shown(old) != _shown(props):
            self.refresh(layout=True)

    def lines(self) -> list[Text]:
        props = self.props
        head = Text("Browse files", style="bold reverse" if self.has_focus else "bold")
        limit = human_size(props.get("max_size") or 0)
        types = ", ".join(e.lstrip(".").upper() for e in props.get("types") or ()) or "any type"
        head.append(f"  Enter · {types} · up to {limit} each", style="dim")
        out = [head]
        for f in _files(props):
            line = Text("• ")
            line.append(f.name, style="bold")
            line.append(f"  {human_size(f.size)}", style="dim")
            out.append(line)
        return out

    def render(self) -> Text:
        return Text("\n").join(self.lines())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines())

    def action_browse(self) -> None:
        props = self.props
        picker = FilePicker(props["label"] or "Choose a file", props.get("types"), bool(props.get("multi")),
                            props.get("max_size") or 200 * 1024 * 1024)

        def picked(paths: list[Path] | None) -> None:
            self.focus()
            if paths is None:
                return
            value: Any = [str(p) for p in paths] if props.get("multi") else (str(paths[0]) if paths else None)
            self.post_message(self.Changed(self, value))

        open_window(self, picker, picked)

    def action_clear(self) -> None:
        if self.props.get("value"):
            self.post_message(self.Changed(self, [] if self.props.get("multi") else None))


class FileUploaderView(FieldView):
    control_class = UploadControl
