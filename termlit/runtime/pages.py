"""Pages: what a multipage app declares, which page a run shows.

An app becomes multipage in one of two ways, as in Streamlit:

* its entrypoint calls ``st.navigation(pages)`` (the elements layer turns the
  pages into :class:`PageInfo` records and calls :func:`resolve`); the
  entrypoint runs on every rerun and runs the page it is given;
* it never does, and a ``pages/`` folder sits beside it: the entrypoint is
  the first page and every ``pages/*.py`` another (:func:`folder_pages`,
  ordered and named by :func:`page_sort_key` and :func:`page_name`); only
  the current page's file runs.

A run's :class:`Navigation` says which pages there are, how the menu is shown
and which page the run shows. A page is known by its *key*: its URL path as
given or inferred from its file or function name (the default page keeps its
key, though Streamlit serves it at the root, ``url_path == ""``).

:func:`page_key_for` maps a page file, as a test or the command line names
it, to the key of the page it is (``AppTest.switch_page``, ``termlit
snapshot --page``). Nothing here draws anything.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from termlit.common.icons import split_leading_emoji

__all__ = [
    "Navigation",
    "PageInfo",
    "Position",
    "folder_navigation",
    "folder_pages",
    "page_key_for",
    "page_name",
    "page_sort_key",
    "resolve",
    "show_sidebar_navigation",
]

Position = Literal["sidebar", "top", "hidden"]

#: A page file's name: an optional number, separators, then the label.
_PAGE_FILE = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def page_name(path: Path) -> tuple[str, str]:
    """(icon, name) of a page file, as Streamlit infers them: the number in
    front and the separators after it go, runs of spaces and underscores
    become one underscore, and a leading emoji becomes the icon
    (``"02_📊_data view.py"`` → ``("📊", "data_view")``). The title is the
    name with spaces for underscores; the URL path is the name."""
    match = _PAGE_FILE.search(path.name)
    if match is None:
        return "", ""
    name = re.sub(r"[_ ]+", "_", match[2]).strip() or match[1]
    return split_leading_emoji(name)


def page_sort_key(path: Path) -> tuple[float, str]:
    """The order of ``pages/`` files: by their number (files without one
    last), then by their label, ignoring case."""
    match = _PAGE_FILE.fullmatch(path.name)
    number, label = (match[1], match[2].lower()) if match else ("", path.name.lower())
    return (float(number) if number else float("inf"), label)


def folder_pages(entrypoint: Path) -> list[Path]:
    """The page files of the ``pages/`` folder beside ``entrypoint``, in menu
    order: ``*.py`` only (not in sub-folders), without dotfiles and
    ``__init__.py``."""
    folder = entrypoint.parent / "pages"
    if not folder.is_dir():
        return []
    found = [
        p for p in folder.glob("*.py")
        if p.is_file() and not p.name.startswith(".") and p.name != "__init__.py"
    ]
    return sorted(found, key=page_sort_key)


@dataclass(frozen=True, slots=True)
class PageInfo:
    """One page of an app's menu."""

    #: The page's URL path as given or inferred: its identity.
    key: str
    title: str
    icon: str = ""
    section: str = ""
    #: The page's file (resolved), for file pages.
    script: Path | None = None
    #: Where the page links to, for external pages (never run).
    external_url: str | None = None
    hidden: bool = False
    help: str = ""
    default: bool = False

    @property
    def url_path(self) -> str:
        """The path the page is served at: ``""`` for the default page."""
        return "" if self.default else self.key

    @property
    def is_external(self) -> bool:
        return self.external_url is not None


@dataclass(frozen=True, slots=True)
class Navigation:
    """The pages a run declared and the one it shows."""

    pages: tuple[PageInfo, ...]
    #: Section headings in menu order ("" for pages outside any section).
    sections: tuple[str, ...]
    position: Position
    expanded: bool | int
    #: The key of the page this run shows.
    current: str
    #: A page asked for that is not one of ``pages`` (the run shows the
    #: default page instead), or None.
    not_found: str | None = None
    #: The pages came from a ``pages/`` folder, not from ``st.navigation``.
    from_folder: bool = False

    def page(self, key: str) -> PageInfo | None:
        return next((p for p in self.pages if p.key == key), None)

    @property
    def current_page(self) -> PageInfo:
        page = self.page(self.current)
        assert page is not None
        return page

    @property
    def default_page(self) -> PageInfo:
        return next(p for p in self.pages if p.default)

    @property
    def menu_pages(self) -> list[PageInfo]:
        """The pages the menu lists (hidden pages are only reached by links)."""
        return [p for p in self.pages if not p.hidden]

    @property
    def shows_menu(self) -> bool:
        """The menu is shown: a position other than "hidden", and more than
        one page to choose from."""
        return self.position != "hidden" and len(self.menu_pages) > 1

    def by_script(self, path: Path) -> list[PageInfo]:
        """The pages whose file is ``path`` (resolved)."""
        return [p for p in self.pages if p.script is not None and p.script == path]


def resolve(
    pages: Iterable[PageInfo],
    sections: Iterable[str],
    *,
    wanted: str | None,
    position: Position,
    expanded: bool | int,
    from_folder: bool = False,
) -> Navigation:
    """The navigation of a run: ``wanted`` (a page key, or None for the
    default page) when it is one of ``pages`` and not external, else the
    default page, with ``not_found`` saying what was asked for."""
    pages = tuple(pages)
    current = next((p for p in pages if p.key == wanted and not p.is_external), None) if wanted is not None else None
    not_found = wanted if wanted is not None and current is None else None
    if current is None:
        current = next(p for p in pages if p.default)
    return Navigation(pages, tuple(sections), position, expanded, current.key, not_found, from_folder)


def folder_navigation(entrypoint: Path, *, wanted: str | None, position: Position) -> Navigation:
    """The navigation of an app made of ``entrypoint`` and its ``pages/``
    folder: the entrypoint is the default page."""
    entry = entrypoint.resolve()
    infos = [_file_page(entry, default=True)]
    infos += [_file_page(path.resolve()) for path in folder_pages(entry)]
    # Two files with the same name after the number: the first one wins.
    unique: dict[str, PageInfo] = {}
    for info in infos:
        unique.setdefault(info.key, info)
    return resolve(unique.values(), ("",), wanted=wanted, position=position, expanded=False, from_folder=True)


def _file_page(path: Path, *, default: bool = False) -> PageInfo:
    icon, name = page_name(path)
    return PageInfo(key=name, title=name.replace("_", " "), icon=icon, script=path, default=default)


def page_key_for(navigation: Navigation | None, folder: Path | None, page: str) -> str:
    """The key of the page ``page`` names: a file relative to the
    entrypoint's ``folder`` (as ``AppTest.switch_page`` and ``termlit
    snapshot --page`` take it), or, for pages that are not files, a page's
    URL path. Raises ValueError with what went wrong."""
    path = (folder / page).resolve() if folder is not None else Path(page).resolve()
    if path.is_file():
        if navigation is None:  # nothing registered yet: the file's inferred name
            return page_name(path)[1]
        matches = navigation.by_script(path)
        if matches:
            name = page_name(path)[1]
            return next((p.key for p in matches if p.key == name), matches[0].key)
    elif navigation is not None and navigation.page(page.strip("/")) is not None:
        return page.strip("/")
    if navigation is None:
        raise ValueError(f"Could not find page {page!r} relative to the app's folder ({folder}).")
    known = [str(p.script) if p.script is not None else p.key for p in navigation.pages if not p.is_external]
    raise ValueError(
        f"Could not find page {page!r}: it is neither a page file of the app nor the URL path of "
        f"one of its pages. Known pages: {known}."
    )



#: The environment variable that sets ``client.showSidebarNavigation``, as Streamlit names it.
SIDEBAR_NAVIGATION_ENV = "STREAMLIT_CLIENT_SHOW_SIDEBAR_NAVIGATION"


def show_sidebar_navigation(folder: Path | None) -> bool:
    """The ``client.showSidebarNavigation`` option: False hides the sidebar
    menu (``position="sidebar"``; a ``"top"`` menu still shows). Read from
    ``config.toml`` in ``~/.streamlit``, ``~/.termlit``, then the current
    folder's and the app folder's ``.streamlit`` and ``.termlit`` (later
    files win), and the environment variable above, which wins over all."""
    value = True
    places = [Path.home(), Path.cwd()] + ([folder] if folder is not None else [])
    for base in places:
        for name in (".streamlit", ".termlit"):
            path = base / name / "config.toml"
            try:
                client = tomllib.loads(path.read_text(encoding="utf-8")).get("client", {})
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if isinstance(client, dict) and isinstance(client.get("showSidebarNavigation"), bool):
                value = client["showSidebarNavigation"]
    env = os.environ.get(SIDEBAR_NAVIGATION_ENV, "").strip().lower()
    if env in ("true", "false"):
        value = env == "true"
    return value
