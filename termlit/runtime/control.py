"""Exceptions that steer a run. They derive from ``BaseException`` so that a
script's own ``except Exception:`` cannot swallow them."""

from __future__ import annotations


class ScriptControl(BaseException):
    """Base of the exceptions the runtime raises inside a script."""


class RerunException(ScriptControl):
    """``st.rerun()``: end this run now and start a new one. ``keys`` are
    the fragment keys of ``st.rerun("key")`` (from a widget callback)."""

    def __init__(self, scope: str = "app", keys: tuple[str, ...] = ()) -> None:
        super().__init__(scope)
        self.scope = scope
        self.keys = keys


class StopException(ScriptControl):
    """``st.stop()``, ctrl+c, or a timeout: end this run, keep what it showed."""


class InterruptedRun(ScriptControl):
    """A newer rerun request pre-empted the run in flight."""


class SwitchPage(ScriptControl):
    """``st.switch_page()``: end this run now and run the page ``key``, with
    ``query_params`` as the page's query parameters (None: none)."""

    def __init__(self, key: str, query_params: dict[str, str | list[str]] | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.query_params = query_params
