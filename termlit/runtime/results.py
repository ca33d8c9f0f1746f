"""What a run gives its viewers: how it ended (:class:`RunStatus`) and its
tree (:class:`RunResult`). :mod:`termlit.runtime.script_runner` makes them;
the TUI, AppTest and snapshots read them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from termlit.runtime.context import PageConfig
from termlit.runtime.pages import Navigation
from termlit.runtime.tree import Element

__all__ = ["RunResult", "RunStatus"]


class RunStatus(enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    FINISHED = "finished"  # ran to the end (possibly showing the user's error)
    STOPPED = "stopped"  # st.stop(), ctrl+c, or a timeout
    RERUN = "rerun"  # st.rerun() or pre-empted by a newer request


@dataclass(slots=True)
class RunResult:
    """What a viewer gets: the two root containers and how the run ended."""

    main: Element
    sidebar: Element
    status: RunStatus
    run_id: int
    final: bool
    page_config: PageConfig = PageConfig()
    #: The app's pages and the one shown, for a multipage app (a run that
    #: failed before declaring them shows the last run's).
    navigation: Navigation | None = None

    @property
    def title(self) -> str | None:
        """The app's title from st.set_page_config (after its icon), if any."""
        config = self.page_config
        if config.title is None:
            return None
        return f"{config.icon} {config.title}" if config.icon else config.title
