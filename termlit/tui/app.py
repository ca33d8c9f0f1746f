"""The Textual app that shows a termlit script.

Its keys are the bindings of :class:`TermlitApp` and :class:`PageScreen`
(and of the focused widget); ``?`` lists them (:mod:`termlit.tui.keys`).

A change the user makes is sent to the runner; the screen shows the change
and the rerun it causes as one frame, and a burst of toggle keys as one
relayout (:mod:`termlit.tui.pacing`).

A multipage app's pages are in a menu at the top of the sidebar, or in a row
of tabs under the top bar (``position="top"``), and in the page picker
(ctrl+p) whatever the sidebar shows (:mod:`termlit.tui.widgets._navigation`);
the top bar shows the current page's icon and title.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.filter import Monochrome, NoColor
from textual.screen import Screen

from termlit.common.icons import icon_glyph
from termlit.runtime.pages import Navigation, PageInfo
from termlit.runtime.script_runner import RunResult, RunStatus, ScriptRunner
from termlit.runtime.stdio import OutputLog
from termlit.runtime.watcher import ScriptWatcher
from termlit.tui import shortcuts
from termlit.tui.chrome import (
    Area,
    FilesChanged,
    HelpLine,
    PageScreen,
    RunUpdate,
    TopBar,
)
from termlit.tui.faults import FaultContainment, NoColours, guard_timers
from termlit.tui.footer import KeyFooter
from termlit.tui.images.session import SessionGraphics
from termlit.tui.images.tiers import Graphics
from termlit.tui.keys import KeyHelp
from termlit.tui.output import OutputScreen
from termlit.tui.pacing import RERUN_GRACE, Pacing
from termlit.tui.reconcile import Reconciler
from termlit.tui.theme import config_theme
from termlit.tui.toasts import BoundedToasts
from termlit.tui.widgets._base import ElementView, WidgetValue, element_view_of
from termlit.tui.widgets._navigation import (
    OpenLink,
    PageMenu,
    PagePicker,
    PageRequest,
    PageTabs,
)
from termlit.tui.widgets._spinner import FRAMES

__all__ = ["PageScreen", "RERUN_GRACE", "TermlitApp"]

#: Below this many columns the sidebar starts hidden.
NARROW = 70


class TermlitApp(FaultContainment, BoundedToasts, Pacing):
    """Shows one script; every widget change reruns it."""

    CSS = """
    Screen { layout: vertical; }
    #body { height: 1fr; }
    #sidebar { width: 32; max-width: 33%; height: 1fr; border-right: vkey $foreground 20%; padding: 0 1; background: $boost; }
    #sidebar.-hidden { display: none; }
    .area-views { height: auto; }
    #main { width: 1fr; height: 1fr; padding: 0 2; }
    .-stale { text-opacity: 50%; }
    /* Without colour, or with 16 (greys and shades gone), the focus still
       shows: the focused widget in reverse video. */
    TermlitApp:nocolor Screen *:focus { text-style: reverse; }
    TermlitApp.-few-colours Screen *:focus { text-style: reverse; }
    """

    BINDINGS = [
        Binding("ctrl+r", "rerun", "Rerun", tooltip="rerun the script"),
        Binding("ctrl+c", "interrupt", "Stop/Quit", priority=True, show=False,
                tooltip="stop a running script (again, or when idle: quit)"),
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="quit"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar", tooltip="show or hide the sidebar"),
        Binding("ctrl+p", "pick_page", "Pages", tooltip="pick a page of the app"),
        Binding("question_mark,f1", "key_help", "Keys", tooltip="this help"),
        Binding("ctrl+l", "show_output", "Output", show=False, tooltip="what the script printed (the output log)"),
        Binding("pageup", "page(-1)", "Page up", show=False, tooltip="scroll the page up"),
        Binding("pagedown", "page(1)", "Page down", show=False, tooltip="scroll the page down"),
    ]

    ENABLE_COMMAND_PALETTE = False
    #: Nothing has focus at start: keys like ? work at once, Tab enters the app.
    AUTO_FOCUS = None
    #: Seconds ``on_unmount`` waits for the script's thread to end. An app that
    #: shares its event loop with other sessions (``termlit serve``) waits 0.
    runner_join_timeout = 1.0

    def __init__(self, runner: ScriptRunner, *, watch: bool = True, still: bool = False,
                 images: str | None = None, hangup: bool = False, capture_output: bool = False) -> None:
        super().__init__()
        guard_timers()  # a toast mounted late must not freeze the app
        if self.no_color:  # NO_COLOR: text attributes only, not Textual's greys
            self._filters = [f for f in self._filters if not isinstance(f, (Monochrome, NoColor))]
            self._filters.append(NoColours())
        #: What the script prints, its threads' tracebacks and widget faults
        #: (ctrl+l shows it). With ``capture_output`` what reaches
        #: ``sys.stdout``/``sys.stderr`` and ``threading.excepthook`` goes there.
        self.output_log = OutputLog()
        self.capture_output = capture_output
        self._saved_streams: tuple[Any, Any, Any] | None = None
        #: End the app on SIGHUP (the terminal went away); ``hung_up`` says it did.
        self.hangup = hangup
        self.hung_up = False
        self.runner = runner
        #: How pictures are drawn (see termlit.tui.images.tiers); ``images``
        #: names a tier to use instead of asking the terminal.
        self.graphics = Graphics()
        self._graphics = SessionGraphics(self, images)
        self._logo: Text | None = None
        self.watch_files = watch
        #: No animation (spinners, the running indicator): for snapshots.
        self.still = still
        self.reconciler = Reconciler()
        self.applied_runs = 0
        self.last_applied: RunResult | None = None
        self._sidebar_wanted: bool | None = None
        self._frame = 0
        self._watcher: ScriptWatcher | None = None
        self._last_ctrl_c = 0.0
        self.app_name = runner.script.path.name if runner.script.path else "app"
        self._title = self.app_name
        self._topbar_line: Text | None = None
        #: The pages on screen (None: not a multipage app).
        self.navigation: Navigation | None = None
        #: Faults of widgets (tracebacks), each taken off the screen.
        self.faults: list[str] = []
        self._replacing: set[int] = set()
        theme = config_theme()  # [theme] of .streamlit/config.toml
        if theme is not None:
            self.register_theme(theme)
            self.theme = theme.name

    # -- layout -----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return PageScreen(id="_default")

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        yield PageTabs(id="page-tabs", name="The page tabs")
        with Horizontal(id="body"):
            yield Area(id="sidebar", name="The sidebar", header=PageMenu(id="page-menu", name="The page menu"))
            yield Area(id="main", name="The page")
        yield HelpLine(id="helpline")
        yield KeyFooter()

    @property
    def main_area(self) -> Area:
        return self.query_one("#main", Area)

    @property
    def sidebar_area(self) -> Area:
        return self.query_one("#sidebar", Area)

    def on_mount(self) -> None:
        if self.capture_output:
            self._saved_streams = (sys.stdout, sys.stderr, threading.excepthook)
            threading.excepthook = self.output_log.thread_excepthook
        if self.hangup and threading.current_thread() is threading.main_thread():
            self._sighup_loop = asyncio.get_running_loop()
            signal.signal(signal.SIGHUP, self._on_sighup)  # not the loop's: it may be blocked
        self.graphics = self._graphics.start()
        if not self.is_headless and self.console.color_system in ("standard", "windows"):  # 16 colours (TERM=linux)
            self.add_class("-few-colours")
        # st.context.theme: the theme the user sees
        self.runner.session.client.theme = "dark" if self.current_theme.dark else "light"
        self.sidebar_area.add_class("-hidden")
        self._draw_topbar()
        self.runner.on_update = self._post_update
        self.runner.start()
        self.set_interval(0.05, self._tick)
        if self.watch_files and self.runner.script.folder is not None:
            self._watcher = ScriptWatcher(self.runner.script.folder, self._files_changed)
            self._watcher.start()

    def _print(self, text: str, stderr: bool = False) -> None:
        """Script output (Textual captures it from any thread) into the output
        log in the order written (Textual's Print events would come late)."""
        if self.capture_output:
            self.output_log.write(text)
        else:
            super()._print(text, stderr)

    def on_unmount(self) -> None:
        if self._saved_streams is not None:
            threading.excepthook = self._saved_streams[2]
            self._saved_streams = None
        if self._watcher is not None:
            self._watcher.stop()
        self.runner.shutdown(timeout=self.runner_join_timeout)

    async def on_event(self, event: events.Event) -> None:
        if self._graphics.take(event):  # the terminal answering the graphics probe
            return
        if isinstance(event, events.Key):
            self._drop_stale_focus()
            if self.toggle_takes(event.key):
                event.stop()
                return
        await super().on_event(event)

    def pictures_changed(self) -> None:
        """The graphics changed: draw every picture again."""
        for screen in self.screen_stack:
            for canvas in screen.query("PictureCanvas, LogoView, DiagramView"):
                canvas.redraw()

    def set_logo(self, logo: Text | None) -> None:
        """Show ``logo`` (drawn cells) at the left of the top bar, or none."""
        self._logo = logo
        try:
            self._draw_topbar()
        except NoMatches:  # the app is closing (or a full-screen view is up): drawn on the next change
            pass

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
        newest = 0
        while result is not None:
            await self.apply_result(result)
            newest = max(newest, result.run_id)
            result = self.runner.take_update()
        self._draw_topbar()
        if self._awaiting is not None and newest > self._awaiting:
            self._awaiting = None
            self._show_frame()

    async def apply_result(self, result: RunResult) -> None:
        """Reconcile the screen with a (partial or final) run result."""
        focused_id = self._focused_element_id()
        run = result.run_id
        waits = self.reconciler.apply(self.main_area, result.main.children, final=result.final, run_id=run)
        waits += self.reconciler.apply(self.sidebar_area, result.sidebar.children, final=result.final, run_id=run)
        for wait in waits:
            await wait
        self._show_pages(result)
        heading = _heading(result)
        if heading:
            self._title = heading
        self._update_sidebar_visibility(result)
        if focused_id is not None and self.focused is None:
            self._refocus(focused_id)
        if result.final:
            self.applied_runs += 1
            self.last_applied = result

    @property
    def settled(self) -> bool:
        """True when no run is in flight or queued, the last run is on
        screen, no repaint is held back and no widget is still drawing in a
        worker (a chart, a sort)."""
        runner = self.runner
        return (
            runner.wait_idle(0)
            and runner.last_result is not None
            and self.last_applied is runner.last_result
            and self._held is None
            and all(worker.is_finished for worker in self.workers)
        )

    def _show_pages(self, result: RunResult) -> None:
        """Show the run's pages in the menu or the tabs; a page not found
        is said once, in a toast."""
        nav = result.navigation
        if nav is not None and not nav.shows_menu:
            nav = None
        old, self.navigation = self.navigation, nav
        at = nav.position if nav is not None else None
        self.query_one(PageMenu).show(nav if at == "sidebar" else None, alone=not result.sidebar.children)
        self.query_one(PageTabs).show(nav if at == "top" else None)
        if (old is None) != (nav is None):
            self.refresh_bindings()
        shown = result.navigation
        if shown is not None and result.final and shown.not_found is not None:
            self.notify(
                f"Page not found: '{shown.not_found}' is not a page of this app; showing "
                f"'{shown.current_page.title}' instead.",
                severity="warning",
                timeout=4,
            )
        if old is not None and nav is not None and old.current != nav.current:
            focused = self.focused
            if focused is not None and self.main_area in focused.ancestors:
                self.screen.set_focus(None)  # a new page: Tab starts at its top

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick_page":
            return self.navigation is not None
        if action == shortcuts.ACTION:
            return shortcuts.is_live(self, str(parameters[0]))
        return True

    def action_press_shortcut(self, key: str) -> None:
        shortcuts.press(self, key)

    def _update_sidebar_visibility(self, result: RunResult) -> None:
        has_items = bool(result.sidebar.children) or self.query_one(PageMenu).has_class("-shown")
        wanted = self._sidebar_wanted
        if wanted is None:
            state = result.page_config.initial_sidebar_state
            wanted = state == "expanded" or (state == "auto" and self.size.width >= NARROW)
        self.sidebar_area.set_class(not (has_items and wanted), "-hidden")

    def _focused_element_id(self) -> str | None:
        view = element_view_of(self.focused)
        return view.element_id if view is not None else None

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
        if self._logo is not None:
            line.append_text(self._logo)
            line.append(" ")
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
        if line != self._topbar_line:  # the same line again: nothing to repaint
            self._topbar_line = line
            bar.update(line, layout=False)

    def on_resize(self) -> None:
        self._draw_topbar()

    # -- screen -> runner -------------------------------------------------------

    def on_widget_value(self, message: WidgetValue) -> None:
        message.stop()
        self.runner.set_widget_value(message.view.element_id, message.value)
        # Read after the value is queued: every run started later carries it.
        after = self.runner.run_count
        self.reconciler.sent(message.view.element_id, after)
        self._hold_frame()
        self._awaiting = after

    def on_descendant_focus(self) -> None:
        self._show_help()
        self.call_after_refresh(self._clear_of_docks)

    def _clear_of_docks(self, again: bool = True) -> None:
        """Scroll the focused widget out from under a widget docked at the
        bottom of its area (the chat input): Textual counts a widget under a
        dock as in view. Checked again after the next frame: the help line
        the focus shows may move the dock up."""
        widget = self.focused
        if again:
            self.call_after_refresh(self._clear_of_docks, False)
        if widget is None or not widget.is_attached:
            return
        for area in (self.main_area, self.sidebar_area):
            if area not in widget.ancestors:
                continue
            for dock in area.children:
                if dock.styles.dock != "bottom" or not dock.display or dock in widget.ancestors_with_self:
                    continue
                region, top = widget.region, area.region.y
                under = region.bottom - dock.region.y
                if under > 0 and region.x < dock.region.right and dock.region.x < region.right:
                    # A widget taller than the room above the dock shows its top.
                    fits = region.height <= dock.region.y - top
                    area.scroll_relative(y=under if fits else region.y - top, animate=False)

    def _show_help(self) -> None:
        view = element_view_of(self.focused)
        text = view.element.props.get("help") if view is not None else None
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
        shown = not area.has_class("-hidden") if self._toggles.get("sidebar") is None else self._toggles["sidebar"]
        if not shown and not area.views and not self.query_one(PageMenu).has_class("-shown"):
            self.notify("This app has nothing in its sidebar.", timeout=2)
            return
        self._sidebar_wanted = not shown
        self._toggle_later("sidebar", not shown)

    def action_pick_page(self) -> None:
        if self.navigation is not None:
            self.push_screen(PagePicker(self.navigation), self._picked)

    def _picked(self, page: PageInfo | None) -> None:
        if page is None:
            return
        if page.external_url is not None:
            self.post_message(OpenLink(page.external_url))
        else:
            self.post_message(PageRequest(page.key))

    def on_page_request(self, message: PageRequest) -> None:
        message.stop()
        self.runner.request_page(message.key, query_params=message.query_params)

    def on_open_link(self, message: OpenLink) -> None:
        message.stop()
        self.copy_to_clipboard(message.url)
        self.notify(f"{message.url} (copied to the clipboard)", title="Link", timeout=4)

    def action_show_output(self) -> None:
        if isinstance(self.screen, OutputScreen):
            return
        self.push_screen(OutputScreen(self.output_log))

    def action_key_help(self) -> None:
        """Open the key help, or close it (F1 and ? toggle it)."""
        shown = self._toggles.get("help")
        if shown is None:
            shown = isinstance(self.screen, KeyHelp)
        self._toggle_later("help", not shown)

    def action_close_key_help(self) -> None:
        self._toggle_later("help", False)

    def action_page(self, direction: int) -> None:
        main = self.main_area
        if direction > 0:
            main.scroll_page_down()
        else:
            main.scroll_page_up()


def _heading(result: RunResult) -> str | None:
    """What the top bar says after "termlit": the icon and title
    st.set_page_config gave, else the current page's."""
    config = result.page_config
    page = result.navigation.current_page if result.navigation is not None else None
    title = config.title if config.title is not None else (page.title if page is not None else None)
    if title is None:
        return None
    glyph = icon_glyph(config.icon or (page.icon if page is not None else ""))
    return f"{glyph} {title}" if glyph else title
