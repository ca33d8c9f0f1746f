"""The headless runtime: runs scripts and remembers state. No Textual here."""

from termlit.runtime.context import RunContext, Slot, current_run_context, get_run_context
from termlit.runtime.control import InterruptedRun, RerunException, StopException
from termlit.runtime.script_runner import RunResult, RunStatus, ScriptRunner
from termlit.runtime.session import Session
from termlit.runtime.source import ScriptSource
from termlit.runtime.state import SessionState, WidgetMeta
from termlit.runtime.tree import Element, walk

__all__ = [
    "Element",
    "InterruptedRun",
    "RerunException",
    "RunContext",
    "RunResult",
    "RunStatus",
    "ScriptRunner",
    "ScriptSource",
    "Session",
    "SessionState",
    "Slot",
    "StopException",
    "WidgetMeta",
    "current_run_context",
    "get_run_context",
    "walk",
]
