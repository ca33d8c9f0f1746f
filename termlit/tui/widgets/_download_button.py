"""``st.download_button``: save data to a file the user names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, Input, Static

from termlit.common.files import download_bytes
from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._button import (
    apply_wrap,
    button_label,
    button_variant,
    register_shortcut,
)
from termlit.tui.widgets._safe import SafeModalScreen, open_window

__all__ = ["DownloadButtonView", "SaveDialog", "human_size"]


def human_size(size: int) -> str:
    """1536 -> "1.5 KB" (units of 1024, as Streamlit counts upload limits)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            if unit == "B":
                return f"{int(value)} B"
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class SaveDialog(SafeModalScreen[Path | None]):
    """Where to save: a path field, prefilled with the file name in the
    current directory.

    | Key | Action |
    | --- | --- |
    | Enter | save (a second Enter confirms overwriting a file) |
    | Esc | cancel |

    Returns the path written, or None when cancelled.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=True)]

    DEFAULT_CSS = """
    SaveDialog { align: center middle; }
    SaveDialog > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    SaveDialog .save-note { height: auto; color: $text-muted; }
    SaveDialog .save-note.-warn { color: $warning; text-style: bold; }
    SaveDialog Input { margin: 1 0; }
    """

    def __init__(self, data: Any, file_name: str, label: str) -> None:
        super().__init__()
        self.data = data
        self.file_name = Path(file_name).name or "download"
        self.label = label
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Save: {self.label}"
            yield Static("Save to this file (edit the path), Enter to save, Esc to cancel.",
                         classes="save-note", markup=False)
            yield Input(str(Path.cwd() / self.file_name), compact=True, id="save-path")
            yield Static("", classes="save-note", id="save-status", markup=False)

    def on_mount(self) -> None:
        field = self.query_one("#save-path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _status(self, text: str, warn: bool = False) -> None:
        status = self.query_one("#save-status", Static)
        status.update(text)
        status.set_class(warn, "-warn")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._confirm is not None:
            self._confirm = None
            self._status("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self._status("Type a file path first.", warn=True)
            return
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.is_dir():
            path = path / self.file_name
        if not path.parent.is_dir():
            self._status(f"The folder {path.parent} does not exist.", warn=True)
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            self._status(f"{path.name} already exists. Press Enter again to overwrite it, or change the path.",
                         warn=True)
            return
        try:
            content = download_bytes(self.data)
            path.write_bytes(content)
        except Exception as exc:  # the user's data function, or the disk
            self._status(f"Could not save: {type(exc).__name__}: {exc}", warn=True)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DownloadButtonView(ElementView, Vertical):
    """A button; Enter or Space asks where to save (see :class:`SaveDialog`),
    saves, says where (a notice, and a line under the button that stays), and
    reruns the script with the button True."""

    DEFAULT_CSS = """
    DownloadButtonView { height: auto; margin: 0 0 1 0; }
    DownloadButtonView > Button { min-width: 10; }
    DownloadButtonView > .saved-note { color: $text-muted; display: none; }
    DownloadButtonView > .saved-note.-shown { display: block; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        self.button = Button(button_label(props, icon="⤓"), variant=button_variant(props),
                             disabled=bool(props.get("disabled")), compact=True)
        apply_wrap(self.button, props.get("wrap"))
        self.saved_note = Static("", classes="saved-note", markup=False)
        super().__init__(self.button, self.saved_note)

    def on_mount(self) -> None:
        register_shortcut(self)

    def apply_props(self, props: dict[str, Any]) -> None:
        self.button.label = button_label(props, icon="⤓")
        self.button.variant = button_variant(props)
        self.button.disabled = bool(props.get("disabled"))
        apply_wrap(self.button, props.get("wrap"))
        register_shortcut(self)

    def press_shortcut(self) -> None:
        self.button.press()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        props = self.element.props
        dialog = SaveDialog(props["data"], props["file_name"], props["label"])

        def saved(path: Path | None) -> None:
            self.button.focus()
            if path is None:
                return
            message = f"Saved {human_size(path.stat().st_size)} to {path}"
            self.app.notify(message, title="Download", timeout=6)
            self.saved_note.update(message)
            self.saved_note.add_class("-shown")
            self.send(True)

        open_window(self, dialog, saved)
