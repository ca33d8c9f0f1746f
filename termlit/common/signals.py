"""Signal handling that stays quiet when the event loop is busy.

asyncio's ``add_signal_handler`` points Python's signal wakeup fd at the
loop's self-pipe, which other threads also write to (every
``call_soon_threadsafe``: keys, the script's updates). In a storm of keys and
resizes the pipe fills, and Python then prints "Exception ignored when trying
to write to the signal wakeup fd" for each signal, although the loop is
already awake and the signal is still handled. :func:`quiet_wakeup_fd` keeps
the same fd and turns that warning off (``warn_on_full_buffer=False``, made
for exactly this case).
"""

from __future__ import annotations

import signal
import threading

__all__ = ["quiet_wakeup_fd"]


def quiet_wakeup_fd() -> None:
    """Stop the full-pipe warning of the current signal wakeup fd (call it
    after ``add_signal_handler``, from the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return
    fd = signal.set_wakeup_fd(-1)
    if fd != -1:
        signal.set_wakeup_fd(fd, warn_on_full_buffer=False)
