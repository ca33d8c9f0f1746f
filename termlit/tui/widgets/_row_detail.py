"""One row of a table in full: a window over the page."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from termlit.tui.widgets._safe import SafeModalScreen
from termlit.common.images import picture
from termlit.tui.widgets._cells import fit
from termlit.tui.widgets._image import PictureCanvas

__all__ = ["RowDetail"]

#: Lines an image column's thumbnail takes.
THUMBNAIL_ROWS = 6


class RowDetail(SafeModalScreen[None]):
    """Every column's name and its whole value; an image column
    (``column_config.ImageColumn``) also as a small picture. Esc closes.

    | Key | Action |
    | --- | --- |
    | Esc / Enter / q | close |
    """

    BINDINGS = [Binding("escape,enter,q", "dismiss", "Close", tooltip="close the row")]

    @classmethod
    def of_cursor_row(cls, view: Any) -> RowDetail:
        """The cursor row of a table view: its index (when shown), then every
        column as the table shows it; image cells as thumbnails."""
        position = view.position(view.cursor_row)
        pairs = []
        if view.show_index:
            pairs.append((view.element.props.get("index_label") or "index", str(view.frame.index[position])))
        kinds = view.element.props.get("kinds") or []
        images = {}
        for display_col, label in enumerate(view.labels):
            if display_col < len(kinds) and kinds[display_col] == "image":
                images[len(pairs)] = view.frame.iat[position, view.columns[display_col]]
            pairs.append((label, view.cell_text(view.cursor_row, display_col)))
        return cls(f"Row {view.cursor_row + 1:,} of {view.rows:,}", pairs, images)

    DEFAULT_CSS = """
    RowDetail { align: center middle; }
    RowDetail > VerticalScroll {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    RowDetail Static { height: auto; }
    RowDetail PictureCanvas { margin: 0 0 0 2; }
    """

    def __init__(self, title: str, pairs: list[tuple[str, str]], images: dict[int, Any] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.pairs = pairs
        #: pair index -> the cell's image (URL, path, data URI or bytes).
        self.images = images or {}

    def compose(self) -> ComposeResult:
        width = min(max((cell_len(k) for k, _ in self.pairs), default=4), 24) + 2
        with VerticalScroll() as box:
            box.border_title = self.title_text
            body = Text()
            for i, (name, value) in enumerate(self.pairs):
                if body:
                    body.append("\n")
                body.append(fit(name, width - 2, False) + "  ", style="bold")
                body.append(value)
                if i in self.images:
                    yield Static(body)
                    body = Text()
                    yield PictureCanvas([], width="content", max_rows=THUMBNAIL_ROWS, id=f"thumbnail-{i}")
            body.append("\n\nEsc closes.", style="dim")
            yield Static(body)

    def on_mount(self) -> None:
        images = dict(self.images)
        if not images:
            return

        def load() -> dict[int, Any]:  # a URL may take a while: off the UI thread
            return {i: picture(value) if value is not None else None for i, value in images.items()}

        self.run_worker(load, thread=True, group="thumbnails", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "thumbnails" and event.state is WorkerState.SUCCESS:
            for i, shot in event.worker.result.items():
                if shot is not None:
                    self.query_one(f"#thumbnail-{i}", PictureCanvas).set_pictures([shot], "content")
