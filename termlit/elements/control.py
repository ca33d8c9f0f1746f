"""Run control and session-wide calls: rerun, stop, session_state, page
config, query params and options (``get_option``/``set_option``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NoReturn

from termlit.elements._dg import api
from termlit.errors import StreamlitAPIException
from termlit.runtime import config
from termlit.runtime.context import PageConfig, current_run_context, get_run_context
from termlit.runtime.control import RerunException, StopException
from termlit.runtime.session import QueryParams

__all__ = ["get_option", "query_params", "rerun", "session_state", "set_option", "set_page_config", "stop"]


@api
def rerun(scope: Any = "app") -> NoReturn:
    """End this run now and run the script again from the top.

    ``scope="fragment"`` reruns only the fragment it is called in; a
    fragment key, or a list of them, called from a widget callback, reruns
    only the fragments with those keys (``@st.fragment(key=...)``)."""
    if scope in ("app", "fragment"):
        raise RerunException(scope)
    names = list(scope) if isinstance(scope, (list, tuple)) else [scope]
    if not names or any(isinstance(n, bool) or not isinstance(n, (str, int)) for n in names):
        raise StreamlitAPIException(
            f"st.rerun: scope must be 'app', 'fragment', a fragment key or a list of keys, got {scope!r}."
        )
    raise RerunException("keys", tuple(str(n) for n in names))


@api
def stop() -> NoReturn:
    """End this run now; what it showed so far stays on screen."""
    if current_run_context() is None:
        raise SystemExit(0)
    raise StopException()


@api
def set_page_config(
    page_title: str | None = None,
    page_icon: str | None = None,
    layout: str = "centered",
    initial_sidebar_state: str = "auto",
    menu_items: Any = None,
) -> None:
    """Set the app's title and icon (shown in the top bar; in a multipage app
    they replace the page's own); the other arguments are accepted for
    compatibility. ``initial_sidebar_state`` may be
    "expanded", "collapsed" or "auto"."""
    if initial_sidebar_state not in ("auto", "expanded", "collapsed"):
        raise StreamlitAPIException(
            "st.set_page_config: initial_sidebar_state must be 'auto', 'expanded' or "
            f"'collapsed', got {initial_sidebar_state!r}."
        )
    ctx = get_run_context()
    config = ctx.page_config
    title = str(page_title) if page_title is not None else config.title
    icon = str(page_icon) if page_icon else config.icon
    ctx.page_config = PageConfig(title, initial_sidebar_state, icon)


class _RunProxy:
    """Item access, ``in``, iteration and ``len`` on an object looked up anew
    at each use: the one of the session whose run is in progress."""

    __slots__ = ()

    def _target(self) -> Any:
        raise NotImplementedError

    def __getitem__(self, key: str) -> Any:
        return self._target()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._target()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._target()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._target()

    def __iter__(self) -> Iterator[str]:
        return iter(self._target())

    def __len__(self) -> int:
        return len(self._target())

    def __repr__(self) -> str:
        return repr(self._target())


class SessionStateProxy(_RunProxy):
    """``st.session_state``: the state of the session whose run is in progress.

    Item and attribute access, ``in``, ``del``, iteration, ``len`` and
    ``to_dict()``.
    """

    __slots__ = ()

    def _target(self):
        return get_run_context().state

    def __getattr__(self, key: str) -> Any:
        try:
            return self._target()[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._target()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._target()[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def get(self, key: str, default: Any = None) -> Any:
        return self._target().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return self._target().setdefault(key, default)

    def keys(self):
        return self._target().keys()

    def values(self):
        return self._target().values()

    def items(self):
        return self._target().items()

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._target().update(*args, **kwargs)

    def clear(self) -> None:
        self._target().clear()

    def to_dict(self) -> dict[str, Any]:
        return self._target().to_dict()

    def __repr__(self) -> str:
        return repr(self.to_dict())


session_state = SessionStateProxy()


class _QueryParamsProxy(_RunProxy):
    """Resolves to the query parameters of the session whose run is in progress."""

    __slots__ = ()

    def _target(self) -> QueryParams:
        return get_run_context().session.query_params

    def __getattr__(self, name: str) -> Any:
        return getattr(self._target(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target(), name, value)


query_params = _QueryParamsProxy()


@api
def get_option(key: str) -> Any:
    """The value of a configuration option, e.g. ``st.get_option("theme.primaryColor")``
    (from ``.streamlit/config.toml``, the environment or ``st.set_option``)."""
    return config.get_option(key)


@api
def set_option(key: str, value: Any) -> None:
    """Set a configuration option; a script may set the ``client`` options
    (``client.showErrorDetails``, ``client.toolbarMode``...), the others are
    set in ``.streamlit/config.toml``."""
    config.set_option(key, value)
