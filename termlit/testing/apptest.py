"""AppTest: run an app headless and inspect what it shows.

Shaped like Streamlit's ``streamlit.testing.v1.AppTest``::

    from termlit.testing import AppTest

    at = AppTest.from_file("app.py").run()
    at.slider[0].set_value(7).run()
    assert at.markdown[0].value == "You chose 7"

Runs on the runtime alone; Textual is never imported. Values set on
widgets go to the runner exactly as the terminal UI sends them (the runner
decides what reruns: the app, or only the fragments whose widgets changed),
and ``run()`` serves the runner's pending requests in a helper thread, with
``import streamlit`` loading termlit (as under ``termlit run``) for the
length of the run. ``at.session_state``, ``at.query_params``, ``at.secrets``,
``at.user`` and ``at.context`` may be set before any run.
"""

from __future__ import annotations

import inspect
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from termlit.compat import streamlit_alias
from termlit.runtime import RunResult, RunStatus, ScriptRunner, ScriptSource
from termlit.runtime.pages import Navigation, page_key_for
from termlit.runtime.session import ClientInfo
from termlit.testing.elements import Block, ElementTree, add_lists
from termlit.testing.nodes import AppTestError, ElementList, Inputs, Node

__all__ = ["AppTest"]


class _StateView:
    """``at.session_state``: item and attribute access to the session's state,
    and the mapping methods. Set between runs, a widget's key reaches the
    widget in the next run."""

    def __init__(self, at: AppTest) -> None:
        object.__setattr__(self, "_at", at)

    @property
    def _state(self):
        return self._at._runner.state

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self._state[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._state[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._state[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def get(self, key: str, default: Any = None) -> Any:
        return self._state.get(key, default)

    def keys(self):
        return self.to_dict().keys()

    def items(self):
        return self.to_dict().items()

    def values(self):
        return self.to_dict().values()

    def __contains__(self, key: object) -> bool:
        return key in self._state

    def __iter__(self) -> Iterator[str]:
        return iter(self._state)

    def __len__(self) -> int:
        return len(self._state)

    def to_dict(self) -> dict[str, Any]:
        return self._state.to_dict()

    def __repr__(self) -> str:
        return f"SessionState({self.to_dict()!r})"


#: What ``at.context`` may set: the ``st.context`` field and its type.
_CONTEXT_FIELDS = {
    "timezone": ("timezone", str), "timezone_offset": ("timezone_offset", int), "locale": ("locale", str),
    "url": ("url", str), "is_embedded": ("is_embedded", bool), "theme": ("theme", str),
}


def _client_info(context: Any) -> ClientInfo:
    """``at.context`` as what ``st.context`` reports; raises AppTestError as
    Streamlit's AppTest does for an unknown key or a value of the wrong type."""
    if not isinstance(context, dict):
        raise AppTestError(f"AppTest.context must be a dict, not {type(context).__name__}.")
    client = ClientInfo()
    for key, value in context.items():
        if key not in _CONTEXT_FIELDS:
            raise AppTestError(
                f"AppTest.context does not support {key!r}. Supported keys: "
                + ", ".join(repr(k) for k in sorted(_CONTEXT_FIELDS)) + "."
            )
        if value is None:
            continue
        field, kind = _CONTEXT_FIELDS[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise AppTestError(f"AppTest.context[{key!r}] must be {kind.__name__}, not {type(value).__name__}.")
        if key == "theme" and value not in ("light", "dark"):
            raise AppTestError(f"AppTest.context['theme'] must be 'light' or 'dark', not {value!r}.")
        setattr(client, field, value)
    return client


class AppTest:
    """A headless session of one app; see the module docstring."""

    def __init__(self, script: ScriptSource, *, default_timeout: float = 3):
        self._runner = ScriptRunner(script, main_module=False)
        self.default_timeout = default_timeout
        #: Secrets this test's app sees (``st.secrets``), instead of secrets.toml.
        self.secrets: dict[str, Any] = {}
        self._runner.session.secrets_override = self.secrets
        self.session_state = _StateView(self)
        #: The app's query parameters: set them before a run; after it they
        #: are what the script left (one value a string, repeated values a list).
        self.query_params: dict[str, Any] = {}
        #: What ``st.user`` reads, as in Streamlit's AppTest.
        self.user: dict[str, Any] = {"email": "test@example.com"}
        #: What ``st.context`` reports: timezone, timezone_offset, locale,
        #: url, is_embedded, theme ("light"/"dark"); missing keys are None.
        self.context: dict[str, Any] = {}
        #: The arguments a ``from_function`` script is called with.
        self.args: tuple | None = None
        self.kwargs: dict[str, Any] | None = None
        #: Values given to widgets since the last run.
        self._inputs = Inputs(self._runner.state)
        self._result: RunResult | None = None

    # -- construction -----------------------------------------------------------

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        """An app from a file; a relative path is taken from the calling test's
        folder, then from the current directory."""
        path = Path(script_path)
        if not path.is_absolute():
            caller = Path(inspect.stack()[1].filename).resolve().parent
            candidate = caller / path
            path = candidate if candidate.exists() else Path.cwd() / path
        if not path.is_file():
            raise FileNotFoundError(f"AppTest.from_file: no script at {path}")
        return cls(ScriptSource(path), default_timeout=default_timeout)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        """An app from source text (dedented)."""
        return cls(ScriptSource(source=textwrap.dedent(script)), default_timeout=default_timeout)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An app whose script is the body of ``script``, called with
        ``at.args`` and ``at.kwargs`` (set here, changeable before a run)."""
        source = textwrap.dedent(inspect.getsource(script))
        source += f"\n{script.__name__}(*__termlit_args__, **__termlit_kwargs__)\n"
        at = cls(ScriptSource(source=source), default_timeout=default_timeout)
        at.args, at.kwargs = args, kwargs
        return at

    # -- running ----------------------------------------------------------------

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script once (plus the reruns st.rerun() asks for), applying
        the values set on widgets since the last run."""
        timeout = self.default_timeout if timeout is None else timeout
        runner = self._runner
        session = runner.session
        if not isinstance(self.user, dict):
            raise AppTestError(f"AppTest.user must be a dict, not {type(self.user).__name__}.")
        session.client = _client_info(self.context)
        session.user = dict(self.user)
        session.query_params.from_dict(self.query_params)
        runner.extra_globals.update(__termlit_args__=tuple(self.args or ()), __termlit_kwargs__=dict(self.kwargs or {}))
        scopes = [runner.set_widget_value(wid, value) for wid, value in self._inputs.take().items()]
        page = self._inputs.take_page()
        if page is not None:
            key, query_params = page
            runner.request_page(key, query_params=dict(self.query_params) if query_params is None else query_params)
        elif all(scope is None for scope in scopes):  # nothing changed, or only held form values
            runner.request_rerun()
        box: dict[str, Any] = {}

        def target() -> None:
            try:
                with streamlit_alias():
                    box["result"] = runner.run_pending()
            except BaseException as exc:  # pragma: no cover - surfaced below
                box["error"] = exc

        thread = threading.Thread(target=target, name="termlit-apptest", daemon=True)
        thread.start()
        thread.join(timeout)
        if thread.is_alive():
            runner.request_stop(force_after=0.2)
            thread.join(2)
            raise RuntimeError(
                f"AppTest script run timed out after {timeout} s. Pass a larger "
                "timeout to run(timeout=...) or default_timeout=..., or look for a loop "
                "that never ends."
            )
        if "error" in box:
            raise box["error"]
        self._result = box["result"]
        self.query_params = session.query_params.to_dict()
        self.user = dict(session.user)
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Show another page in the next ``run()``: ``page_path`` is a page's
        file relative to the app's script (``"pages/settings.py"``), as in
        Streamlit; a page made from a function is named by its URL path
        (termlit only). The query parameters stay as they are. Call
        ``run()`` once first: the pages are those the last run declared."""
        pages = self._runner.pages.navigation
        self._inputs.page = (page_key_for(pages, self._runner.script.folder, page_path), None)
        return self

    @property
    def navigation(self) -> Navigation | None:
        """The pages the last run declared and the one it showed (termlit
        only); None for an app without pages."""
        return self._require_run().navigation

    # -- what the last run shows ------------------------------------------------

    def _require_run(self) -> RunResult:
        if self._result is None:
            raise RuntimeError("Call at.run() before looking at elements.")
        return self._result

    def _tree(self) -> ElementTree:
        result = self._require_run()
        return ElementTree(result.main, result.sidebar, self)

    @property
    def main(self) -> Block:
        return self._tree().main

    @property
    def sidebar(self) -> Block:
        return self._tree().sidebar

    @property
    def run_status(self) -> RunStatus:
        """How the last run ended (finished, stopped...)."""
        return self._require_run().status

    @property
    def title_text(self) -> str | None:
        """The title set by st.set_page_config, if any."""
        return self._require_run().title

    def get(self, element_type: str) -> list[Node]:
        """Every element of a list name (``"button"``), a Streamlit type name
        or a termlit kind, main area first, then the sidebar."""
        return self._tree().get(element_type)

    def _list(self, name: str) -> ElementList:
        return self._tree()._list(name)

    def get_by_key(self, key: str) -> Node:
        """The one element, widget or container with this key (KeyError when
        none, AppTestError when several)."""
        return self._tree().get_by_key(key)

    def __iter__(self) -> Iterator[Node]:
        return iter(self._tree())

    def __getitem__(self, index: int) -> Node:
        return self._tree()[index]

    def __len__(self) -> int:
        result = self._require_run()
        return len(result.main.children) + len(result.sidebar.children)

    def __repr__(self) -> str:
        if self._result is None:
            return f"AppTest({self._runner.script.filename}, not run yet)"
        return f"AppTest({self._runner.script.filename}, run {self._result.run_id}, {self.run_status.value})"


add_lists(AppTest)
