"""Rerun on save: watch the script and the ``.py`` files beside it."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

__all__ = ["ScriptWatcher"]


class ScriptWatcher:
    """Calls ``on_change(paths)`` from a background thread when a watched
    ``.py`` file in ``folder`` (not its subfolders) is written."""

    def __init__(self, folder: Path, on_change: Callable[[set[Path]], None]) -> None:
        self.folder = Path(folder).resolve()
        self.on_change = on_change
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="termlit-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        from watchfiles import watch

        def only_py(_change, path: str) -> bool:
            return path.endswith(".py")

        try:
            for changes in watch(
                self.folder,
                watch_filter=only_py,
                stop_event=self._stop,
                recursive=False,
                raise_interrupt=False,
            ):
                paths = {Path(p) for _c, p in changes}
                forget_modules(paths)
                self.on_change(paths)
        except Exception:  # watching is a convenience; never take the app down
            pass


def forget_modules(paths: set[Path]) -> None:
    """Drop modules loaded from ``paths`` so the next run imports them anew."""
    targets = {str(p.resolve()) for p in paths}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and name != "__main__":
            try:
                if str(Path(file).resolve()) in targets:
                    del sys.modules[name]
            except (OSError, ValueError):
                continue
