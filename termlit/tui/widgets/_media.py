"""``st.audio``, ``st.video`` and ``st.pdf``: what the media is (name, type,
length or pages, size), a PDF's first pages as pictures when they were
drawn, and a key to save the media to a file (as ``st.download_button``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView
from termlit.tui.widgets._download_button import SaveDialog, human_size
from termlit.tui.widgets._image import FullScreenPicture, PictureCanvas
from termlit.tui.widgets._safe import open_window

__all__ = ["MediaView", "media_line"]

_ICONS = {"audio": "♪", "video": "▶", "pdf": "▤"}


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest:02d}" if hours else f"{minutes}:{rest:02d}"


def media_line(props: dict[str, Any]) -> Text:
    """``♪ purr.wav · audio/wav · 0:02 · 86 KB  s save``."""
    parts = [props["name"], props["mime"]]
    if props.get("seconds") is not None:
        parts.append(_duration(props["seconds"]))
    if props.get("pages"):
        parts.append(f"{props['pages']} page{'s' if props['pages'] != 1 else ''}")
    if props.get("subtitles"):
        parts.append(f"{props['subtitles']} subtitle track{'s' if props['subtitles'] != 1 else ''}")
    if props.get("size") is not None:
        parts.append(human_size(props["size"]))
    line = Text()
    line.append(_ICONS.get(props["media"], "■") + " ", style="bold")
    line.append(" · ".join(str(p) for p in parts))
    if props.get("url"):
        line.append(f"  at {props['url']}", style="dim")
    elif props.get("data") is not None:
        line.append("   s save", style="dim")
    return line


class MediaView(ElementView, Vertical, can_focus=True):
    """A media file the terminal cannot play.

    | Key | Action |
    | --- | --- |
    | s | save it to a file |
    | Enter | a PDF's pages full-screen |
    """

    BINDINGS = [
        Binding("s", "save", "Save", tooltip="save the media to a file"),
        Binding("enter", "full_screen", "Pages", show=False, tooltip="show a PDF's pages full-screen"),
    ]

    DEFAULT_CSS = """
    MediaView { height: auto; margin: 0 0 1 0; }
    MediaView:focus > .media-line { background: $boost; }
    MediaView > .media-line { height: 1; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()

    def compose(self) -> ComposeResult:
        props = self.element.props
        yield Static(media_line(props), classes="media-line")
        if props.get("pictures"):
            yield PictureCanvas(list(props["pictures"]), width="content")

    def apply_props(self, props: dict[str, Any]) -> None:
        self.refresh(recompose=True)

    def action_save(self) -> None:
        props = self.element.props
        if props.get("data") is None:
            self.app.notify("This media is at a URL; there is nothing here to save.", timeout=3)
            return

        def saved(path: Path | None) -> None:
            self.focus()
            if path is not None:
                self.app.notify(f"Saved {human_size(path.stat().st_size)} to {path}", title="Saved", timeout=6)

        open_window(self, SaveDialog(props["data"], props["name"], props["name"]), saved)

    def action_full_screen(self) -> None:
        pictures = list(self.element.props.get("pictures") or ())
        if pictures:
            open_window(self, FullScreenPicture(pictures))
