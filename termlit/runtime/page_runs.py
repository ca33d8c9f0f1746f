"""What a runner keeps of a multipage app's pages between runs.

:class:`PageRuns` belongs to one :class:`~termlit.runtime.ScriptRunner`: the
pages the last run declared (what the menu shows when a run fails before
declaring them, and what ``st.switch_page`` resolves against before the
entrypoint reaches ``st.navigation``), the compiled page files, and the
``pages/`` folder mode, where the runner runs the page's file instead of the
entrypoint.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from termlit.runtime.context import RunContext, run_context_var
from termlit.runtime.pages import Navigation, folder_navigation, show_sidebar_navigation
from termlit.runtime.session import Session
from termlit.runtime.source import ScriptSource

__all__ = ["PageRuns"]


class PageRuns:
    """The pages of one runner's app; see the module docstring."""

    def __init__(self, script: ScriptSource) -> None:
        self.script = script
        #: The pages the last run declared (None: not a multipage app).
        self.navigation: Navigation | None = None
        #: The entrypoint called st.navigation: a pages/ folder no longer counts.
        self.declares_pages = False
        #: The client.showSidebarNavigation option.
        self.show_sidebar_navigation = show_sidebar_navigation(script.folder)
        #: The pages st.switch_page() went to in the runs since the last input.
        self.switched: deque[str] = deque(maxlen=4)
        self._sources: dict[Path, ScriptSource] = {}

    def source(self, path: Path) -> ScriptSource:
        """The source of the page file ``path``, compiled once per version."""
        source = self._sources.get(path)
        if source is None:
            source = self._sources[path] = ScriptSource(path)
        return source

    def exec_page(self, path: Path, key: str | None) -> None:
        """Execute the page file ``path`` in the run in flight, in a fresh
        module named ``__main__`` whose ``__file__`` is the file, creating
        its widgets as page ``key``'s."""
        source = self.source(path)
        code = source.code()
        module = source.new_module({}, as_main=False)
        ctx = run_context_var.get()
        assert ctx is not None
        with ctx.running_page(key):
            exec(code, module.__dict__)

    def run_folder_page(self, ctx: RunContext) -> bool:
        """In an app made of a ``pages/`` folder, declare its pages; run the
        page asked for and return True, or return False when the entrypoint is
        to run (it is the page, or the app has no such folder)."""
        entry = self.script.path
        if self.declares_pages or entry is None or not (entry.parent / "pages").is_dir():
            return False
        position = "sidebar" if self.show_sidebar_navigation else "hidden"
        ctx.navigation = folder_navigation(entry, wanted=ctx.wanted_page, position=position)
        page = ctx.navigation.current_page
        if page.default or page.script is None:
            return False
        self.exec_page(page.script, page.key)
        return True

    def remember(self, ctx: RunContext, finished: bool, session: Session) -> Navigation | None:
        """Keep what the run ``ctx`` declared; return the pages to show with
        its result. A run that failed before declaring them shows the last
        ones, so the menu stays usable."""
        navigation = ctx.navigation
        if ctx.fragment_rerun is not None:
            return navigation
        if navigation is not None:
            self.navigation = navigation
            session.page = navigation.current
            if not navigation.from_folder:
                self.declares_pages = True
            return navigation
        if ctx.errored:
            return self.navigation
        if finished:
            self.navigation = None
        return None
