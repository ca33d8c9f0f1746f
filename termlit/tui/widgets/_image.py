"""``st.image`` (and every element drawn as a picture: figures, diagrams,
PDF pages): pictures in a wrapping row, each with its caption.

The view sizes each picture to its cells (:func:`~termlit.tui.images.render.fit`),
draws it for the session's tier off the UI thread when the drawing is not
cached yet, and shows it line by line. Enter opens the focused element's
first picture full-screen (← / → step through the others, Esc closes).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from typing import Any

from rich.segment import ControlType, Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from termlit.tui.widgets._safe import SafeModalScreen, open_window
from termlit.common.images import Picture
from termlit.runtime.tree import Element
from termlit.tui.images.render import PIXELS_PER_CELL, Drawn, description, draw, fit
from termlit.tui.images.tiers import Graphics, Tier
from termlit.tui.widgets._base import ElementView

__all__ = ["FullScreenPicture", "ImageView", "LogoView", "PictureCanvas", "graphics_of", "place"]

#: Cells between pictures in a row.
GAP = 2

#: kitty image ids each terminal (app) has been sent already.
_sent: weakref.WeakKeyDictionary[Any, set[int]] = weakref.WeakKeyDictionary()


def graphics_of(app: Any) -> Graphics:
    """The session's graphics (half blocks for an app that has none)."""
    return getattr(app, "graphics", None) or Graphics()


def send_escape(app: Any, drawn: Drawn) -> None:
    """Send a kitty picture to the terminal once (the cells then show it)."""
    if drawn.tier is not Tier.KITTY or not drawn.escape:
        return
    sent = _sent.setdefault(app, set())
    if drawn.image_id in sent:
        return
    driver = getattr(app, "_driver", None)  # Textual has no public handle on its driver's write
    if driver is not None:
        driver.write(drawn.escape)
        sent.add(drawn.image_id)


@dataclass
class Placed:
    """One picture laid out in the view: its cell box and its drawing."""

    picture: Picture
    x: int
    y: int
    cols: int
    rows: int
    drawn: Drawn | None = None


def _wanted_cols(picture: Picture, width: Any, room: int, graphics: Graphics) -> int:
    """Columns a picture asks for: ``"stretch"`` all the room, an int that
    many pixels, ``"content"`` its own size (never more than the room)."""
    if width == "stretch" or width is True:
        return room
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return max(min(width // PIXELS_PER_CELL, room), 1)
    pixels_per_col = graphics.cell_width if graphics.tier.pixels else PIXELS_PER_CELL
    return max(min(-(-picture.size[0] // pixels_per_col), room), 1) if picture.size[0] else room


def place(pictures: list[Picture], width: Any, room: int, max_rows: int, graphics: Graphics,
          captions: bool = True) -> tuple[list[Placed], int]:
    """Lay pictures out left to right, wrapping; returns them and the lines used."""
    placed: list[Placed] = []
    x = y = line_height = 0
    for picture in pictures:
        as_text = picture.image is None or graphics.tier is Tier.TEXT
        if as_text:  # one line that names the picture (caption included)
            cols, rows = max(min(len(description(picture)), room), 1), 1
        else:
            cols, rows = fit(picture.size, _wanted_cols(picture, width, room, graphics), max_rows, graphics,
                             graphics.tier)
        if x and x + cols > room:
            x, y, line_height = 0, y + line_height + 1, 0
        placed.append(Placed(picture, x, y, cols, rows))
        line_height = max(line_height, rows + (1 if captions and picture.caption and not as_text else 0))
        x += cols + GAP
    return placed, (y + line_height) if placed else 0


class PictureCanvas(Widget):
    """Pictures drawn into cells; the base of every picture view."""

    DEFAULT_CSS = """
    PictureCanvas { height: auto; }
    """

    def __init__(self, pictures: list[Picture], *, width: Any = "content", max_rows: int = 0,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pictures = pictures
        self.picture_width = width
        #: Most lines one picture may take (0: the screen's height less 4).
        self.max_rows = max_rows
        self.placed: list[Placed] = []
        self._lines = 1
        self._pending: tuple | None = None

    def set_pictures(self, pictures: list[Picture], width: Any) -> None:
        self.pictures, self.picture_width = pictures, width
        self._layout()

    # -- layout and drawing ---------------------------------------------------

    def _room(self) -> tuple[int, int]:
        room = self.size.width or (self.parent.size.width if self.parent is not None else 0) or 80
        max_rows = self.max_rows or max(self.app.size.height - 6, 4)
        return room, max_rows

    def _layout(self) -> None:
        room, max_rows = self._room()
        graphics = graphics_of(self.app)
        placed, lines = place(self.pictures, self.picture_width, room, max_rows, graphics)
        background = self._background()
        wanted = tuple((p.picture.key, p.cols, p.rows) for p in placed) + (graphics, background)
        if wanted == self._pending:
            return
        self._pending = wanted
        old = {(p.picture.key, p.cols, p.rows): p.drawn for p in self.placed}
        for item in placed:
            item.drawn = old.get((item.picture.key, item.cols, item.rows))
        self.placed = placed
        if lines != self._lines:
            self._lines = lines
            self.styles.height = max(lines, 1)
        if all(item.drawn is not None for item in placed):
            self.refresh()
            return

        def work() -> tuple[tuple, list[Drawn]]:
            return wanted, [draw(item.picture, item.cols, item.rows, graphics, None if item.picture.image is not None
                                 else Tier.TEXT, background) for item in placed]

        self.run_worker(work, thread=True, exclusive=True, group="picture", exit_on_error=False)

    def _background(self) -> tuple[int, int, int]:
        color = self.background_colors[1]
        return color.r, color.g, color.b

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "picture" or event.worker.node is not self:
            return
        event.stop()
        if event.state is WorkerState.SUCCESS:
            wanted, drawings = event.worker.result
            if wanted != self._pending:
                return
            for item, drawn in zip(self.placed, drawings):
                item.drawn = drawn
                send_escape(self.app, drawn)
            self.refresh()
        elif event.state is WorkerState.ERROR:
            self.placed = []
            self.refresh()

    def on_mount(self) -> None:
        self._layout()

    def on_resize(self) -> None:
        self._layout()

    def redraw(self) -> None:
        """Draw again (the session's tier changed)."""
        self._pending = None
        self._layout()

    @property
    def drawn(self) -> bool:
        """True once every picture is drawn for the current size."""
        return all(item.drawn is not None for item in self.placed)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        pieces: list[tuple[int, Strip]] = []
        for item in self.placed:
            row = y - item.y
            if row < 0 or row > item.rows:
                continue
            if row == item.rows:
                if item.picture.caption and item.picture.image is not None and (
                        item.drawn is None or item.drawn.tier is not Tier.TEXT):
                    pieces.append((item.x, _caption(item.picture.caption, item.cols)))
                continue
            drawn = item.drawn
            if drawn is None:
                strip = Strip([Segment("drawing…", Style(dim=True, italic=True))]) if row == 0 else Strip.blank(0)
            else:
                strip = drawn.strips[row] if row < len(drawn.strips) else Strip.blank(drawn.cols)
                if drawn.tier is Tier.SIXEL and row == drawn.rows - 1:
                    strip = self._with_sixel(item, drawn, strip)
            pieces.append((item.x, strip))
        if not pieces:
            return Strip.blank(width, self.rich_style)
        segments: list[Segment] = []
        at = 0
        for x, strip in sorted(pieces, key=lambda piece: piece[0]):
            if x > at:
                segments.append(Segment(" " * (x - at), self.rich_style))
                at = x
            segments.extend(strip)
            at += strip.cell_length
        return Strip(segments).apply_style(self.rich_style).adjust_cell_length(width, self.rich_style).crop(0, width)

    def _with_sixel(self, item: Placed, drawn: Drawn, strip: Strip) -> Strip:
        """The picture's last line, preceded by its sixel pixels written at
        its top-left corner (cursor saved and restored around them), when the
        whole picture is on screen."""
        region = self.region
        top, left = region.y + item.y, region.x + item.x
        visible = self.screen.find_widget(self).visible_region if self.is_mounted else region
        if visible.height < region.height or top < 0:
            return strip
        move = f"\x1b7\x1b[{top + 1};{left + 1}H"
        control = Segment(move + drawn.escape + "\x1b8", None, [(ControlType.CURSOR_FORWARD, 0)])
        return Strip([control, *strip], strip.cell_length)


def _caption(text: str, cols: int) -> Strip:
    shown = text if len(text) <= cols else text[: max(cols - 1, 0)] + "…"
    pad = max((cols - len(shown)) // 2, 0)
    return Strip([Segment(" " * pad), Segment(shown, Style(dim=True, italic=True))])


class FullScreenPicture(SafeModalScreen[None]):
    """One picture as large as the screen allows.

    | Key | Action |
    | --- | --- |
    | Esc / q | close |
    | ← / → | the previous / next picture |
    """

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", tooltip="close the picture"),
        Binding("left", "step(-1)", "Previous", tooltip="the previous picture"),
        Binding("right", "step(1)", "Next", tooltip="the next picture"),
    ]
    key_footer = False  # every row for the picture; its title line says "Esc closes"

    DEFAULT_CSS = """
    FullScreenPicture { align: center middle; background: $background; }
    FullScreenPicture > PictureCanvas { width: 100%; }
    FullScreenPicture > Static { dock: bottom; height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, pictures: list[Picture], index: int = 0) -> None:
        super().__init__()
        self.pictures = pictures
        self.index = index

    def _bare(self) -> list[Picture]:
        """The picture shown, its caption left to the title line."""
        return [replace(self.pictures[self.index], caption=None)]

    def compose(self) -> ComposeResult:
        yield PictureCanvas(self._bare(), width="stretch", id="full")
        yield Static(self._title(), markup=False, id="full-title")

    def _title(self) -> str:
        picture = self.pictures[self.index]
        width, height = picture.size
        parts = [picture.caption or "", picture.source, f"{width}×{height}" if width else ""]
        where = f"{self.index + 1} of {len(self.pictures)} · " if len(self.pictures) > 1 else ""
        return where + " · ".join(p for p in parts if p) + "   Esc closes"

    def on_mount(self) -> None:
        canvas = self.query_one(PictureCanvas)
        canvas.max_rows = max(self.app.size.height - 2, 4)
        canvas.redraw()

    def action_step(self, step: int) -> None:
        if len(self.pictures) < 2:
            return
        self.index = (self.index + step) % len(self.pictures)
        self.query_one(PictureCanvas).set_pictures(self._bare(), "stretch")
        self.query_one("#full-title", Static).update(self._title())


class ImageView(ElementView, PictureCanvas, can_focus=True):
    """Pictures of one element; Enter shows them full-screen.

    | Key | Action |
    | --- | --- |
    | Enter | full screen |
    """

    BINDINGS = [Binding("enter", "full_screen", "Full screen", tooltip="show the picture full-screen")]

    DEFAULT_CSS = """
    ImageView { height: auto; margin: 0 0 1 0; }
    ImageView:focus { background: $boost; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        props = element.props
        super().__init__(list(props["pictures"]), width=props.get("width", "content"))

    def _shown(self, props: dict[str, Any]) -> list[Picture]:
        """The pictures for this terminal: some elements (figures) have a
        version made for cells."""
        cells = props.get("cell_pictures")
        if cells and not graphics_of(self.app).tier.pixels:
            return list(cells)
        return list(props["pictures"])

    def on_mount(self) -> None:
        self.pictures = self._shown(self.element.props)
        super().on_mount()

    def apply_props(self, props: dict[str, Any]) -> None:
        self.set_pictures(self._shown(props), props.get("width", "content"))

    def redraw(self) -> None:
        self.pictures = self._shown(self.element.props)
        super().redraw()

    def action_full_screen(self) -> None:
        drawable = [p for p in self.element.props["pictures"] if p.image is not None]
        if drawable:
            open_window(self, FullScreenPicture(drawable))


class LogoView(ElementView, Widget):
    """``st.logo``: nothing in the page; the picture goes to the app's top bar
    (one line high)."""

    DEFAULT_CSS = """
    LogoView { height: 0; display: none; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__()

    def on_mount(self) -> None:
        self.apply_props(self.element.props)

    def apply_props(self, props: dict[str, Any]) -> None:
        picture = props["pictures"][0]
        graphics = graphics_of(self.app)
        if picture.image is None or graphics.tier is Tier.TEXT:
            self._show(None)
            return
        cols, rows = fit(picture.size, 24, 1, graphics, graphics.tier)
        drawn = draw(picture, cols, rows, graphics)
        send_escape(self.app, drawn)
        if drawn.tier is Tier.SIXEL:  # the bar is redrawn with its text: no room for pixels there
            drawn = draw(picture, cols, rows, graphics, Tier.BLOCKS)
        line = Text()
        for segment in drawn.strips[0]:
            line.append(segment.text, segment.style)
        self._show(line)

    def redraw(self) -> None:
        self.apply_props(self.element.props)

    def _show(self, line: Text | None) -> None:
        set_logo = getattr(self.app, "set_logo", None)
        if set_logo is not None:
            set_logo(line)

    def on_unmount(self) -> None:
        self._show(None)
