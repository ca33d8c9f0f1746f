"""The Textual app that shows a termlit script.

| Key | Action |
| --- | --- |
| Tab / Shift+Tab | next / previous widget |
| Enter / Space | press a button, toggle a checkbox, open a select |
| ← / → | step a slider or number input (Shift: ×10) |
| ctrl+r | rerun the script |
| ctrl+c | stop a running script; when idle (or pressed again) quit |
| ctrl+b | show / hide the sidebar |
| ? / F1 | key help |
| ctrl+q | quit |
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Static

from termlit.runtime.script_runner import RunResult, RunStatus, ScriptRunner
from termlit.runtime.watcher import ScriptWatcher
from termlit.tui.reconcile import Reconciler
from termlit.tui.widgets._base import ElementView, WidgetValue
from termlit.tui.widgets._spinner import FRAMES

__all__ = ["TermlitApp"]

KEY_HELP = [
    ("Tab / Shift+Tab", "move to the next / previous widget"),
    ("Enter / Space", "press a button, toggle a checkbox, open a list"),
    ("← / →", "step a slider or number input (with Shift: 10 steps)"),
    ("↑ / ↓", "move in lists and tables"),
    ("PgUp / PgDn", "scroll the page"),
    ("Esc", "leave a text field"),
    ("ctrl+r", "rerun the script"),
    ("ctrl+c", "stop a running script (again, or when idle: quit)"),
    ("ctrl+b", "show or hide the sidebar"),
    ("? / F1", "this help"),
    ("ctrl+q", "quit"),
]

#: Below this many columns the sidebar starts hidden.
NARROW = 70


class RunUpdate(Message):
    """The runner has something new to show (posted from its thread)."""


class FilesChanged(Message):
    def __init__(self, names: list[str]) -> None:
        super().__init__()
        self.names = names


class Area(VerticalScroll, can_focus=False):
    """The main area or the sidebar: the roots the reconciler fills."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.views: list[Any] = []

    @property
    def child_host(self) -> Widget:
        return self


class TopBar(Static):
    """App name on the left, run state on the right."""

    DEFAULT_CSS = """
    TopBar { dock: top; height: 1; background: $panel; color: $text; padding: 0 1; }
    """


class HelpLine(Static):
    """The help text of the focused widget."""

    DEFAULT_CSS = """
    HelpLine { height: auto; max-height: 3; color: $text-muted; padding: 0 1; display: none; }
    HelpLine.-shown { display: block; }
    """


class KeyHelp(ModalScreen[None]):
    """The key table (``?`` / F1)."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    DEFAULT_CSS = """
    KeyHelp { align: center middle; }
    KeyHelp > Vertical { width: auto; max-width: 90%; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    KeyHelp Static { width: auto; }
    """

    def compose(self) -> ComposeResult:
        width = max(len(k) for k, _ in KEY_HELP) + 2
        lines = Text()
        for key, what in KEY_HELP:
            lines.append(f"{key:<{width}}", style="bold")
            lines.append(f"{what}\n")
        lines.append("\nEsc closes this help.", style="dim")
        with Vertical() as box:
            box.border_title = "Keys"
            yield Static(lines)


class TermlitApp(App[None]):
    """Shows one script; every widget change reruns it."""

    CSS = """
    Screen { layout: vertical; }
    #body { height: 1fr; }
    #sidebar { width: 32; max-width: 33%; height: 1fr; border-right: vkey $foreground 20%; padding: 0 1; background: $boost; }
    #sidebar.-hidden { display: none; }
    #main { width: 1fr; height: 1fr; padding: 0 2; }
    .-stale { text-opacity: 50%; }
    """

    BINDINGS = [
        Binding("ctrl+r", "rerun", "Rerun"),
        Binding("ctrl+c", "interrupt", "Stop/Quit", priority=True, show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar"),
        Binding("question_mark,f1", "key_help", "Keys"),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    ENABLE_COMMAND_PALETTE = False
    #: Nothing has focus at start: keys like ? work at once, Tab enters the app.
    AUTO_FOCUS = None
    #: Seconds ``on_unmount`` waits for the script's thread to end. An app that
    #: shares its event loop with other sessions (``termlit serve``) waits 0.
    runner_join_timeout = 1.0

    def __init__(self, runner: ScriptRunner, *, watch: bool = True, still: bool = False) -> None:
        super().__init__()
        self.runner = runner
        self.watch_files = watch
        #: No animation (spinners, the running indicator): for snapshots.
        self.still = still
        self.reconciler = Reconciler(hold=runner.state.is_pending)
        self.applied_runs = 0
        self.last_applied: RunResult | None = None
        self._sidebar_wanted: bool | None = None
        self._frame = 0
        self._watcher: ScriptWatcher | None = None
        self._last_ctrl_c = 0.0
        self.app_name = runner.script.path.name if runner.script.path else "app"
        self._title = self.app_name

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Horizontal(id="body"):
            yield Area(id="sidebar")
            yield Area(id="main")
        yield HelpLine(id="helpline")
        yield Footer()

    @property
    def main_area(self) -> Area:
        return self.query_one("#main", Area)

    @property
    def sidebar_area(self) -> Area:
        return self.query_one("#sidebar", Area)

    def on_mount(self) -> None:
        self.sidebar_area.add_class("-hidden")
        self._draw_topbar()
        self.runner.on_update = self._post_update
        self.runner.start()
        self.set_interval(0.05, self._tick)
        if self.watch_files and self.runner.script.folder is not None:
            self._watcher = ScriptWatcher(self.runner.script.folder, self._files_changed)
            self._watcher.start()

    def on_unmount(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
        self.runner.shutdown(timeout=self.runner_join_timeout)

    # -- runner -> screen -------------------------------------------------------

    def _post_update(self) -> None:
        self.post_message(RunUpdate())

    def _files_changed(self, paths: set[Path]) -> None:
        self.post_message(FilesChanged(sorted(p.name for p in paths)))
        self.runner.request_rerun()

    def on_files_changed(self, message: FilesChanged) -> None:
        self.notify(f"{', '.join(message.names)} changed: rerunning", timeout=2)

    def _tick(self) -> None:
        if self.runner.is_running:
            self._frame += 1
            self._draw_topbar()
            self.post_message(RunUpdate())

    async def on_run_update(self, message: RunUpdate) -> None:
        result = self.runner.take_update()
        while result is not None:
            await self.apply_result(result)
            result = self.runner.take_update()
        self._draw_topbar()

    async def apply_result(self, result: RunResult) -> None:
        """Reconcile the screen with a (partial or final) run result."""
        focused_id = self._focused_element_id()
        waits = self.reconciler.apply(self.main_area, result.main.children, final=result.final)
        waits += self.reconciler.apply(self.sidebar_area, result.sidebar.children, final=result.final)
        for wait in waits:
            await wait
        if result.title:
            self._title = result.title
        self._update_sidebar_visibility(result)
        if focused_id is not None and self.focused is None:
            self._refocus(focused_id)
        if result.final:
            self.applied_runs += 1
            self.last_applied = result

    @property
    def settled(self) -> bool:
        """True when no run is in flight or queued and the last run is on screen."""
        runner = self.runner
        return (
            runner.wait_idle(0)
            and not runner.state.has_pending()
            and runner.last_result is not None
            and self.last_applied is runner.last_result
        )

    def _update_sidebar_visibility(self, result: RunResult) -> None:
        has_items = bool(result.sidebar.children)
        wanted = self._sidebar_wanted
        if wanted is None:
            state = (result.extras or {}).get("initial_sidebar_state", "auto")
            wanted = state == "expanded" or (state == "auto" and self.size.width >= NARROW)
        self.sidebar_area.set_class(not (has_items and wanted), "-hidden")

    def _focused_element_id(self) -> str | None:
        node = self.focused
        while node is not None and not isinstance(node, ElementView):
            node = node.parent
        return node.element_id if node is not None else None

    def _refocus(self, element_id: str) -> None:
        for area in (self.main_area, self.sidebar_area):
            for widget in area.query("*"):
                if isinstance(widget, ElementView) and widget.element_id == element_id:
                    target = widget if widget.focusable else next(
                        (w for w in widget.query("*") if w.focusable), None
                    )
                    if target is not None:
                        target.focus()
                    return

    def _draw_topbar(self) -> None:
        bar = self.query_one(TopBar)
        line = Text()
        line.append("termlit", style="bold")
        line.append(f" · {self._title}")
        right = Text()
        if self.runner.is_running:
            frame = "•" if self.still else FRAMES[self._frame % len(FRAMES)]
            right.append(f"{frame} Running…", style="bold")
            right.append("  ctrl+c stop", style="dim")
        elif self.runner.status is RunStatus.STOPPED:
            right.append("■ Stopped", style="bold")
            right.append("  ctrl+r rerun", style="dim")
        pad = max(self.size.width - 2 - line.cell_len - right.cell_len, 1)
        line.append(" " * pad)
        line.append_text(right)
        bar.update(line, layout=False)

    def on_resize(self) -> None:
        self._draw_topbar()

    # -- screen -> runner -------------------------------------------------------

    def on_widget_value(self, message: WidgetValue) -> None:
        message.stop()
        self.runner.set_widget_value(message.wid, message.value)

    def on_descendant_focus(self) -> None:
        self._show_help()

    def _show_help(self) -> None:
        node = self.focused
        while node is not None and not isinstance(node, ElementView):
            node = node.parent
        text = node.element.props.get("help") if node is not None else None
        line = self.query_one(HelpLine)
        line.update(Text(text) if text else "")
        line.set_class(bool(text), "-shown")

    # -- actions ----------------------------------------------------------------

    def action_rerun(self) -> None:
        self.runner.request_rerun()

    def action_interrupt(self) -> None:
        now = time.monotonic()
        if self.runner.is_running and now - self._last_ctrl_c > 2.0:
            self._last_ctrl_c = now
            self.runner.request_stop()
            self.notify("Stopping the script. Press ctrl+c again to quit.", timeout=3)
            return
        self.exit()

    def action_toggle_sidebar(self) -> None:
        area = self.sidebar_area
        self._sidebar_wanted = area.has_class("-hidden")
        if self._sidebar_wanted and not area.views:
            self.notify("This app has nothing in its sidebar.", timeout=2)
            return
        area.set_class(not self._sidebar_wanted, "-hidden")

    def action_key_help(self) -> None:
        self.push_screen(KeyHelp())

    def action_page(self, direction: int) -> None:
        main = self.main_area
        if direction > 0:
            main.scroll_page_down()
        else:
            main.scroll_page_up()
