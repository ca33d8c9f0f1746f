"""Moving between the pages of a multipage app.

* :class:`PageMenu`: the menu at the top of the sidebar, sections as headings.
* :class:`PageTabs`: ``st.navigation(position="top")``, one row of tabs under
  the top bar.
* :class:`PagePicker`: the page picker (ctrl+p), a modal list to filter by
  typing; it works whatever the sidebar shows.
* :class:`PageLinkView`: ``st.page_link``, a link Enter follows.

None of them changes the page itself: each posts :class:`PageRequest` (or,
for a link out of the app, :class:`OpenLink`) to the app, which asks the
runner for the page. They draw with text styles only (bold, reverse, dim),
so they read the same in 16 colours and with ``NO_COLOR``.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from termlit.common.icons import icon_glyph
from termlit.runtime.pages import Navigation, PageInfo
from termlit.runtime.tree import Element
from termlit.tui.widgets._safe import SafeModalScreen, SafeOptionList
from termlit.tui.widgets._base import ElementView

__all__ = ["OpenLink", "PageLinkView", "PageMenu", "PagePicker", "PageRequest", "PageTabs", "page_label"]

#: More pages than this fold the sidebar menu (unless ``expanded``) ...
FOLD_ABOVE = 12
#: ... to this many.
FOLDED_ROWS = 10


class PageRequest(Message):
    """The user chose the page ``key``; it opens with ``query_params``."""

    def __init__(self, key: str, query_params: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.key = key
        self.query_params = query_params


class OpenLink(Message):
    """The user followed a link out of the app, to ``url``."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url


def page_label(page: PageInfo) -> Text:
    """A page as menus show it: its icon's glyph, its title, ↗ when it leads
    out of the app."""
    glyph = icon_glyph(page.icon)
    text = Text(f"{glyph} " if glyph else "")
    text.append(page.title)
    if page.is_external:
        text.append(" ↗", style="dim")
    return text


def _choose(widget: Widget, page: PageInfo) -> None:
    """Post what choosing ``page`` means to the app."""
    if page.external_url is not None:
        widget.app.post_message(OpenLink(page.external_url))
    else:
        widget.app.post_message(PageRequest(page.key))


class _PageChooser(Widget, can_focus=True):
    """What the menu and the tabs share: a cursor over the rows one can
    choose, drawn only while the widget has focus."""

    cursor: reactive[int] = reactive(0)

    def _count(self) -> int:
        raise NotImplementedError

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        count = self._count()
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))


class PageMenu(_PageChooser):
    """The pages, by section; the current one marked ▌.

    | Key | Action |
    | --- | --- |
    | ↑ / ↓ | move |
    | Home / End | first / last page |
    | Enter / Space | open the page (or show the folded pages) |
    """

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, tooltip="the page above"),
        Binding("down", "move(1)", "Down", show=False, tooltip="the page below"),
        Binding("home", "move(-1000)", "First", show=False, tooltip="the first page"),
        Binding("end", "move(1000)", "Last", show=False, tooltip="the last page"),
        Binding("enter,space", "open", "Open", tooltip="open the page"),
    ]

    DEFAULT_CSS = """
    PageMenu { height: auto; margin: 0 0 1 0; display: none; }
    PageMenu.-shown { display: block; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.navigation: Navigation | None = None
        self._unfolded = False
        self._alone = True

    def show(self, navigation: Navigation | None, *, alone: bool) -> None:
        """Show ``navigation``'s pages (None: hide the menu); ``alone`` says
        the menu is all the sidebar holds (it then never folds)."""
        old = self.navigation
        if navigation is not None and old is not None and navigation.pages != old.pages:
            self._unfolded = False
        self.navigation, self._alone = navigation, alone
        self.set_class(navigation is not None, "-shown")
        if navigation is not None and (old is None or old.current != navigation.current):
            self.cursor = self._index_of(navigation.current)
        self.refresh(layout=True)

    def _limit(self) -> int | None:
        nav = self.navigation
        if nav is None or self._alone or self._unfolded or nav.expanded is True:
            return None
        count = len(nav.menu_pages)
        if isinstance(nav.expanded, int) and not isinstance(nav.expanded, bool) and nav.expanded > 0:
            return nav.expanded if count >= nav.expanded + 3 else None
        return FOLDED_ROWS if count > FOLD_ABOVE else None

    def _rows(self) -> list[tuple[str, Any]]:
        """("heading", name) | ("page", PageInfo) | ("more", count), in order."""
        nav = self.navigation
        if nav is None:
            return []
        pages = nav.menu_pages
        limit = self._limit()
        shown = pages if limit is None else pages[:limit]
        rows: list[tuple[str, Any]] = []
        section = None
        for page in shown:
            if page.section != section:
                section = page.section
                if section:
                    rows.append(("heading", section))
            rows.append(("page", page))
        if limit is not None and len(pages) > limit:
            rows.append(("more", len(pages) - limit))
        return rows

    def _choices(self) -> list[tuple[str, Any]]:
        return [row for row in self._rows() if row[0] != "heading"]

    def _count(self) -> int:
        return len(self._choices())

    def _index_of(self, key: str) -> int:
        return next((i for i, (kind, page) in enumerate(self._choices()) if kind == "page" and page.key == key), 0)

    def render(self) -> Text:
        nav = self.navigation
        lines: list[Text] = []
        choice = 0
        for kind, item in self._rows():
            if kind == "heading":
                lines.append(Text(item, style="bold dim"))
                continue
            current = kind == "page" and nav is not None and item.key == nav.current
            line = Text()
            line.append("▌" if current else " ", style="bold")
            if kind == "page":
                line.append_text(page_label(item))
            else:
                line.append(f"▾ {item} more", style="dim")
            if current:
                line.stylize("bold", 1)
            if self.has_focus and choice == self.cursor:
                line.stylize("reverse", 1)
            lines.append(line)
            choice += 1
        return Text("\n").join(lines)

    def action_open(self) -> None:
        choices = self._choices()
        if not choices:
            return
        kind, item = choices[min(self.cursor, len(choices) - 1)]
        if kind == "more":
            self._unfolded = True
            self.refresh(layout=True)
        else:
            _choose(self, item)

    def on_click(self, event: events.Click) -> None:
        row = event.y
        rows = self._rows()
        if 0 <= row < len(rows) and rows[row][0] != "heading":
            self.cursor = sum(1 for kind, _item in rows[:row] if kind != "heading")
            self.action_open()


class PageTabs(_PageChooser):
    """``position="top"``: the pages as one row of tabs, sections as dim
    headings; the row scrolls to keep the cursor in view.

    | Key | Action |
    | --- | --- |
    | ← / → | move |
    | Home / End | first / last page |
    | Enter / Space | open the page |
    """

    BINDINGS = [
        Binding("left", "move(-1)", "Left", show=False, tooltip="the page before"),
        Binding("right", "move(1)", "Right", show=False, tooltip="the page after"),
        Binding("home", "move(-1000)", "First", show=False, tooltip="the first page"),
        Binding("end", "move(1000)", "Last", show=False, tooltip="the last page"),
        Binding("enter,space", "open", "Open", tooltip="open the page"),
    ]

    DEFAULT_CSS = """
    PageTabs { height: 1; background: $boost; padding: 0 1; display: none; }
    PageTabs.-shown { display: block; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.navigation: Navigation | None = None

    def show(self, navigation: Navigation | None) -> None:
        old = self.navigation
        self.navigation = navigation
        self.set_class(navigation is not None, "-shown")
        if navigation is not None and (old is None or old.current != navigation.current):
            pages = navigation.menu_pages
            self.cursor = next((i for i, p in enumerate(pages) if p.key == navigation.current), 0)
        self.refresh()

    def _pages(self) -> list[PageInfo]:
        return self.navigation.menu_pages if self.navigation is not None else []

    def _count(self) -> int:
        return len(self._pages())

    def render(self) -> Text:
        nav = self.navigation
        if nav is None:
            return Text()
        parts: list[Text] = []
        focus_at = 0
        section = ""
        for i, page in enumerate(self._pages()):
            if page.section != section:
                section = page.section
                if section:
                    parts.append(Text(f"{section} ›", style="dim"))
            label = Text(" ") + page_label(page) + Text(" ")
            if page.key == nav.current:
                label.stylize("bold underline")
            if self.has_focus and i == self.cursor:
                label.stylize("reverse")
                focus_at = sum(cell_len(p.plain) + 1 for p in parts)
            parts.append(label)
        row = Text(" ").join(parts)
        width = max(self.size.width, 1)
        if row.cell_len <= width or focus_at < width - 12:
            return row
        start = focus_at - width // 3  # keep the cursor a third in
        return Text("‹", style="dim") + row[start + 1:]

    def action_open(self) -> None:
        pages = self._pages()
        if pages:
            _choose(self, pages[min(self.cursor, len(pages) - 1)])


class PagePicker(SafeModalScreen[PageInfo | None]):
    """Pick a page: type to filter, ↑/↓ to move, Enter to open.

    | Key | Action |
    | --- | --- |
    | type | filter the pages |
    | ↑ / ↓ | move |
    | Enter | open the page |
    | Esc | close |
    """

    BINDINGS = [
        Binding("escape", "close", "Close", tooltip="close the page picker"),
        Binding("up", "move(-1)", "Up", show=False, tooltip="the page above"),
        Binding("down", "move(1)", "Down", show=False, tooltip="the page below"),
    ]

    DEFAULT_CSS = """
    PagePicker { align: center middle; }
    PagePicker > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    PagePicker Input { margin: 0 0 1 0; }
    PagePicker OptionList { height: auto; max-height: 20; border: none; padding: 0; }
    """

    def __init__(self, navigation: Navigation) -> None:
        super().__init__()
        self.navigation = navigation
        self._shown: list[PageInfo] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Pages"
            yield Input(placeholder="Type to filter the pages")
            yield SafeOptionList()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, text: str) -> None:
        words = text.lower().split()
        nav = self.navigation
        self._shown = [
            p for p in nav.menu_pages
            if all(w in f"{p.section} {p.title} {p.key}".lower() for w in words)
        ]
        options = []
        for page in self._shown:
            label = Text()
            label.append("● " if page.key == nav.current else "  ", style="bold")
            if page.section:
                label.append(f"{page.section} › ", style="dim")
            label.append_text(page_label(page))
            options.append(Option(label))
        found = self.query_one(OptionList)
        found.clear_options()
        found.add_options(options or [Option(Text("No page matches.", style="dim italic"), disabled=True)])
        current = next((i for i, p in enumerate(self._shown) if p.key == nav.current), 0)
        found.highlighted = current if self._shown else None
        if words and self._shown:
            found.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.query_one(OptionList).highlighted
        if index is not None and index < len(self._shown):
            self.dismiss(self._shown[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._shown):
            self.dismiss(self._shown[event.option_index])

    def action_move(self, step: int) -> None:
        found = self.query_one(OptionList)
        if self._shown:
            index = found.highlighted if found.highlighted is not None else 0
            found.highlighted = max(0, min(len(self._shown) - 1, index + step))

    def action_close(self) -> None:
        self.dismiss(None)


class PageLinkView(ElementView, Static, can_focus=True):
    """``st.page_link``: → and the label (↗ for a link out of the app, drawn
    as a terminal hyperlink). Enter or Space follows it."""

    BINDINGS = [Binding("enter,space", "follow", "Follow", tooltip="follow the link")]

    DEFAULT_CSS = """
    PageLinkView { width: auto; height: 1; margin: 0 0 1 0; }
    PageLinkView:focus { text-style: reverse; }
    PageLinkView.-disabled { text-style: dim; }
    """

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        super().__init__(self._label(element.props))
        self._apply_disabled(element.props)

    def _apply_disabled(self, props: dict[str, Any]) -> None:
        self.can_focus = not props["disabled"]
        self.set_class(bool(props["disabled"]), "-disabled")

    @staticmethod
    def _label(props: dict[str, Any]) -> Text:
        glyph = icon_glyph(props["icon"])
        label = props["label"]
        text = Text()
        text.append("↗ " if props["external"] else "→ ", style="bold")
        if glyph and props["icon_position"] == "left":
            text.append(f"{glyph} ")
        text.append(label, style=Style(link=props["url"], underline=True) if props["url"] else "underline")
        if glyph and props["icon_position"] == "right":
            text.append(f" {glyph}")
        return text

    def apply_props(self, props: dict[str, Any]) -> None:
        self.update(self._label(props))
        self._apply_disabled(props)

    def action_follow(self) -> None:
        props = self.element.props
        if props["disabled"]:
            return
        if props["url"] is not None:
            self.app.post_message(OpenLink(props["url"]))
        elif props["page"] is not None:
            self.app.post_message(PageRequest(props["page"], props["query_params"] or {}))

    def on_click(self) -> None:
        self.action_follow()
