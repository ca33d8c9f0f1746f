"""Multipage apps: ``st.Page``, ``st.navigation``, ``st.switch_page``, ``st.page_link``.

The entrypoint declares its pages with ``st.navigation`` and runs the page it
returns (``pg.run()``); the runtime (:mod:`termlit.runtime.pages`) decides which
page that is and keeps the choice for the session. The rules are Streamlit's:
titles and URL paths are inferred from file and function names, URL paths
must be unique, the first page is the default unless one says
``default=True``, and a page runs once per run, only when ``st.navigation``
returned it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, NoReturn
from urllib.parse import urlparse

from termlit.common.icons import check_icon
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.errors import StreamlitAPIException, StreamlitPageNotFoundError, StreamlitValueError
from termlit.runtime.context import RunContext, get_run_context
from termlit.runtime.control import SwitchPage
from termlit.runtime.pages import Navigation, PageInfo, page_name, resolve

__all__ = ["Page", "StreamlitPage", "navigation", "page_link", "switch_page"]

QueryParamsInput = Mapping[str, Any] | Iterable[tuple[str, Any]]


def _is_url(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _entry_folder(ctx: RunContext) -> Path:
    """The entrypoint's folder, which page paths are relative to."""
    folder = ctx.runner.script.folder if ctx.runner is not None else None
    return folder if folder is not None else Path.cwd()


def _url_path_of_title(title: str) -> str:
    """A URL path made of a title (external pages without ``url_path``)."""
    path = re.sub(r"\s+", "_", title.lower())
    path = re.sub(r"[&#?/\\:*\"<>|']", "", path).strip("_")
    return re.sub(r"_+", "_", path)


def _checked_url_path(url_path: str, *, default: bool) -> str:
    path = url_path.strip().strip("/")
    if not path.strip() and not default:
        raise StreamlitAPIException(
            "st.Page: url_path cannot be empty; only the default page (default=True) may have an empty one."
        )
    if "/" in path:
        raise StreamlitAPIException(
            f"st.Page: url_path {path!r} cannot contain '/': a page's URL path is one segment, "
            "such as 'sales_report'."
        )
    return path


class Page:
    """A page of a multipage app, for ``st.navigation``.

    ``page`` is a Python file (relative to the entrypoint, or absolute), a
    function taking no arguments, or an ``http(s)://`` URL (an external page:
    ``title`` is then required). ``title`` and ``url_path`` are inferred from
    the file or function name when not given (``"02_📊_sales_report.py"`` →
    "sales report" and ``sales_report``, its icon 📊); ``icon`` is an emoji or a
    ``:material/name:`` code (``""``: none); ``default=True`` makes it the page
    the app opens on; ``visibility="hidden"`` leaves it out of the menu (links
    and ``st.switch_page`` still reach it); ``help`` describes it in the menu.
    Only the page ``st.navigation`` returns can be run, once per run.
    """

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        if visibility not in ("visible", "hidden"):
            raise StreamlitValueError(f"st.Page: visibility must be 'visible' or 'hidden', got {visibility!r}.")
        self._default = bool(default)
        self._visibility = visibility
        self._help = help.strip() if isinstance(help, str) else ""
        self._external_url: str | None = None
        self._can_run = False
        self._page: Path | Callable[[], None] | None
        if isinstance(page, str) and _is_url(page):
            self._init_external(page, title, icon, url_path)
            return
        ctx = get_run_context()
        inferred_icon, inferred_name = "", ""
        if isinstance(page, (str, Path)):
            if "\x00" in str(page):
                raise StreamlitAPIException("st.Page: a page path cannot contain null bytes.")
            path = (_entry_folder(ctx) / Path(page)).resolve()
            if not ctx.bare and not path.is_file():
                raise StreamlitPageNotFoundError(
                    f"st.Page: the page file `{Path(page)}` could not be found (looked for {path})."
                )
            self._page = path
            inferred_icon, inferred_name = page_name(path)
        elif callable(page):
            self._page = page
            name = getattr(page, "__name__", None)
            if name is None and title is None:
                raise StreamlitAPIException(
                    "st.Page: this callable has no name to take a title from: give the page a `title=`."
                )
            inferred_name = str(name or "")
        else:
            raise StreamlitAPIException(
                f"st.Page: a page is a file path, a function or an URL, got {type(page).__name__}."
            )
        self._title = title if title is not None else inferred_name.replace("_", " ")
        if not self._title.strip() or not self._title.strip("_ "):
            raise StreamlitAPIException(
                "st.Page: the page needs a title: it cannot be empty or only underscores and spaces."
            )
        self._icon = check_icon(icon if icon is not None else inferred_icon, "st.Page")
        self._url_path = inferred_name if url_path is None else _checked_url_path(url_path, default=self._default)

    def _init_external(self, url: str, title: str | None, icon: str | None, url_path: str | None) -> None:
        if title is None or not title.strip():
            raise StreamlitAPIException(f"st.Page: an external page needs a title: st.Page({url!r}, title=...).")
        if self._default:
            raise StreamlitAPIException(
                "st.Page: an external page cannot be the default page (default=True): it opens "
                "outside the app."
            )
        self._external_url = url
        self._page = None
        self._title = title
        self._icon = check_icon(icon, "st.Page")
        path = (_url_path_of_title(title) if url_path is None else url_path).strip().strip("/")
        if not path:
            raise StreamlitAPIException(
                f"st.Page({url!r}): give a url_path, or a title that makes one (letters or digits)."
            )
        self._url_path = _checked_url_path(path, default=False)

    @property
    def title(self) -> str:
        """The page's title: the menu's label and the top bar's text."""
        return self._title

    @property
    def icon(self) -> str:
        """The page's icon (``""`` when it has none)."""
        return self._icon

    @property
    def url_path(self) -> str:
        """The page's URL path; ``""`` for the default page."""
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> Literal["visible", "hidden"]:
        return self._visibility

    @property
    def help(self) -> str:
        return self._help

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    def info(self, section: str = "") -> PageInfo:
        """The runtime's record of this page."""
        return PageInfo(
            key=self._url_path,
            title=self._title,
            icon=self._icon,
            section=section,
            script=self._page if isinstance(self._page, Path) else None,
            external_url=self._external_url,
            hidden=self._visibility == "hidden",
            help=self._help,
            default=self._default,
        )

    def run(self) -> None:
        """Run the page: only the page ``st.navigation`` returned, once."""
        if not self._can_run:
            raise StreamlitAPIException(
                "This page cannot be run here: only the page st.navigation returned can be run, "
                "and only once per run (pg = st.navigation(...); pg.run())."
            )
        self._can_run = False
        ctx = get_run_context()
        if self.is_external or ctx.bare:
            return
        if isinstance(self._page, Path):
            assert ctx.runner is not None
            ctx.runner.exec_page(self._page, self._url_path)
        elif self._page is not None:
            with ctx.running_page(self._url_path):
                self._page()

    def __repr__(self) -> str:
        return f"Page(title={self._title!r}, url_path={self.url_path!r})"


StreamlitPage = Page


def _as_page(page: Any) -> Page:
    if isinstance(page, Page):
        return page
    if isinstance(page, (str, Path)) or callable(page):
        return Page(page)
    raise StreamlitAPIException(
        f"st.navigation: a page is an st.Page, a file path or a function, got {type(page).__name__}."
    )


@api
def navigation(
    pages: Sequence[Any] | Mapping[str, Sequence[Any]],
    *,
    position: Literal["sidebar", "top", "hidden"] = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """Declare the app's pages and return the one to show: call ``.run()`` on it.

    ``pages`` is a list of pages (``st.Page``, file paths, functions) or a dict
    of section heading -> list. The menu is in the sidebar, a row at the top
    (``position="top"``) or not shown (``"hidden"``, one page only, or the
    ``client.showSidebarNavigation`` option off); ctrl+p picks a page anywhere.
    ``expanded``: with more than 12 pages the sidebar menu shows 10 until
    expanded; True shows all, a number that many.
    """
    if not isinstance(position, str) or position not in ("sidebar", "top", "hidden"):
        raise StreamlitValueError(f"st.navigation: position must be 'sidebar', 'top' or 'hidden', got {position!r}.")
    if isinstance(expanded, bool):
        pass
    elif isinstance(expanded, int):
        if expanded < 0:
            raise StreamlitValueError(f"st.navigation: expanded must be True, False or a number >= 0, got {expanded}.")
    else:
        raise StreamlitAPIException(f"st.navigation: expanded must be a bool or an int, got {type(expanded).__name__}.")
    if isinstance(pages, Mapping):
        sections = {str(name): [_as_page(p) for p in group] for name, group in pages.items()}
    else:
        sections = {"": [_as_page(p) for p in pages]}
    listed = [(name, page) for name, group in sections.items() for page in group]
    if not listed:
        raise StreamlitAPIException("st.navigation needs at least one page: pass a list of st.Page.")
    defaults = [page for _name, page in listed if page._default]
    if len(defaults) > 1:
        raise StreamlitAPIException(
            "st.navigation: more than one page says default=True; at most one page can be the default."
        )
    if not defaults:
        internal = [page for _name, page in listed if not page.is_external]
        if not internal:
            raise StreamlitAPIException(
                "st.navigation needs at least one page that is not an external URL: it is the default page."
            )
        internal[0]._default = True
    default = next(page for _name, page in listed if page._default)
    ctx = get_run_context()
    if ctx.bare:
        default._can_run = True
        return default
    seen: dict[str, tuple[str, Page]] = {}
    for name, page in listed:
        other = seen.get(page._url_path)
        if other is not None:
            raise StreamlitAPIException(_duplicate_message(other, (name, page), _entry_folder(ctx)))
        seen[page._url_path] = (name, page)
    if position == "sidebar" and not ctx.show_sidebar_navigation:
        position = "hidden"
    ctx.navigation = resolve(
        (page.info(name) for name, page in listed),
        sections,
        wanted=ctx.wanted_page,
        position=position,
        expanded=expanded,
    )
    chosen = seen[ctx.navigation.current][1]
    chosen._can_run = True
    return chosen


def _describe(section: str, page: Page, folder: Path) -> str:
    if page.is_external:
        text = f"the external page {page.external_url}"
    elif isinstance(page._page, Path):
        path = page._page
        text = f"`{path.relative_to(folder) if path.is_relative_to(folder) else path}`"
    else:
        text = f"the function page titled {page.title!r}"
    notes = [f"section {section!r}"] if section else []
    notes += ["hidden"] if page.visibility == "hidden" else []
    notes += ["the default page"] if page._default else []
    return f"{text} ({', '.join(notes)})" if notes else text


def _duplicate_message(first: tuple[str, Page], second: tuple[str, Page], folder: Path) -> str:
    return (
        f"st.navigation: two pages have the URL path '{second[1]._url_path}': "
        f"{_describe(*first, folder)} and {_describe(*second, folder)}. Every page needs its own "
        "URL path (inferred from the file or function name, or an external page's title), in every "
        "section, hidden or not; give one of them st.Page(..., url_path=...)."
    )


def _check_registered(page: Page, pages: Navigation | None, where: str) -> None:
    """``page`` must be the page the app registered under its URL path."""
    registered = pages.page(page._url_path) if pages is not None else None
    if registered is None:
        return
    mine = page._page if isinstance(page._page, Path) else None
    if mine != registered.script:
        theirs = registered.script or "a function"
        raise StreamlitAPIException(
            f"{where}: the page's source ({mine or 'a function'}) is not the page st.navigation "
            f"registered for the URL path '{page._url_path}' ({theirs}). Pass the st.Page "
            "given to st.navigation, or one made from the same file."
        )


def _page_for_path(ctx: RunContext, page: str | Path, where: str) -> PageInfo:
    """The registered page whose file is ``page`` (relative to the entrypoint)."""
    if "\x00" in str(page):
        raise StreamlitAPIException(f"{where}: a page path cannot contain null bytes.")
    folder = _entry_folder(ctx)
    path = (folder / Path(page)).resolve()
    pages = ctx.pages
    if pages is not None:
        found = pages.by_script(path)
        if found:
            return found[0]
    entry = ctx.runner.script.path if ctx.runner is not None else None
    if pages is None and entry is not None and path == entry:  # the app's only page
        icon, name = page_name(entry)
        return PageInfo(key=name, title=name.replace("_", " "), icon=icon, script=entry, default=True)
    hint = (
        "a file of the pages/ folder or the entrypoint" if pages is not None and pages.from_folder
        else "the file of a page given to st.navigation, or that st.Page"
    )
    raise StreamlitPageNotFoundError(
        f"{where}: could not find page `{page}`. Give {hint}, as a path relative to the entrypoint "
        f"({folder})."
    )


def _query_params(value: QueryParamsInput | None, where: str) -> dict[str, str | list[str]] | None:
    if value is None:
        return None
    items = value.items() if isinstance(value, Mapping) else value
    out: dict[str, str | list[str]] = {}
    try:
        for key, item in items:
            out[str(key)] = [str(v) for v in item] if isinstance(item, (list, tuple, set)) else str(item)
    except (TypeError, ValueError):
        raise StreamlitAPIException(
            f"{where}: query_params must be a dict or a list of (key, value) pairs."
        ) from None
    return out


@api
def switch_page(page: str | Path | Page, *, query_params: QueryParamsInput | None = None) -> NoReturn:
    """Stop this run and run ``page`` instead: a page file (relative to the
    entrypoint) or an ``st.Page`` given to ``st.navigation``. The new page's
    query parameters are ``query_params`` (none by default)."""
    ctx = get_run_context()
    if ctx.bare:
        raise StreamlitAPIException("st.switch_page works only while termlit runs the app.")
    if isinstance(page, Page):
        if page.is_external:
            raise StreamlitAPIException(
                "st.switch_page cannot go to an external URL page; show it with st.page_link instead."
            )
        _check_registered(page, ctx.pages, "st.switch_page")
        key = page._url_path
    else:
        key = _page_for_path(ctx, page, "st.switch_page").key
    raise SwitchPage(key, _query_params(query_params, "st.switch_page"))


@api
def page_link(
    page: str | Path | Page,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: Any = "content",
    query_params: QueryParamsInput | None = None,
) -> DeltaGenerator:
    """A link to another page of the app (Enter goes there) or to an
    ``http(s)://`` URL (shown as a link the terminal can open; ``label`` is
    then required). Label and help default to the page's, and so does the
    icon of a link made from an ``st.Page``."""
    if icon_position not in ("left", "right"):
        raise StreamlitValueError(f"st.page_link: icon_position must be 'left' or 'right', got {icon_position!r}.")
    ctx = get_run_context()
    props: dict[str, Any] = {
        "label": None if label is None else str(label),
        "icon": check_icon(icon, "st.page_link") if icon is not None else None,
        "icon_position": icon_position,
        "help": help,
        "disabled": bool(disabled),
        "page": None,
        "url": None,
        "query_params": _query_params(query_params, "st.page_link"),
    }
    target: PageInfo | None = None
    if isinstance(page, Page):
        if page.is_external:
            props["url"] = page.external_url
        else:
            _check_registered(page, ctx.pages, "st.page_link")
        target = page.info()
    elif isinstance(page, (str, Path)) and _is_url(str(page)):
        if not label:
            raise StreamlitAPIException(
                f"st.page_link({str(page)!r}) needs a label: there is no page to take one from."
            )
        props["url"] = str(page)
    elif isinstance(page, (str, Path)):
        target = _page_for_path(ctx, page, "st.page_link") if not ctx.bare else None
    else:
        raise StreamlitAPIException(
            f"st.page_link: page is a page file, an st.Page or an URL, got {type(page).__name__}."
        )
    if target is not None:
        props["label"] = target.title if props["label"] is None else props["label"]
        if isinstance(page, Page) and props["icon"] is None:  # a path link takes no icon, as in Streamlit
            props["icon"] = target.icon
        props["help"] = target.help if props["help"] is None else props["help"]
        if props["url"] is None:
            props["page"] = target.key
    props["label"] = props["label"] or ""
    props["icon"] = props["icon"] or ""
    props["external"] = props["url"] is not None
    return emit("page_link", props)[1]
