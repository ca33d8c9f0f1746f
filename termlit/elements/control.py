"""Run control and session-wide calls: rerun, stop, session_state, page
config, options (``get_option``/``set_option``), who the user is
(``st.user``) and what their client is (``st.context``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NoReturn

from termlit.elements._dg import api
from termlit.errors import StreamlitAPIException
from termlit.runtime import config
from termlit.runtime.context import PageConfig, current_run_context, get_run_context
from termlit.runtime.control import RerunException, StopException
from termlit.runtime.session import ClientInfo, QueryParams

__all__ = [
    "context", "get_option", "query_params", "rerun", "session_state", "set_option", "set_page_config", "stop", "user",
]


@api
def rerun(scope: str = "app") -> NoReturn:
    """End this run now and run the script again from the top."""
    if scope not in ("app", "fragment"):
        raise StreamlitAPIException(f"st.rerun: scope must be 'app' or 'fragment', got {scope!r}.")
    raise RerunException(scope)


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
    """Set the app's title (shown in the top bar); the other arguments are
    accepted for compatibility. ``initial_sidebar_state`` may be
    "expanded", "collapsed" or "auto"."""
    if initial_sidebar_state not in ("auto", "expanded", "collapsed"):
        raise StreamlitAPIException(
            "st.set_page_config: initial_sidebar_state must be 'auto', 'expanded' or "
            f"'collapsed', got {initial_sidebar_state!r}."
        )
    ctx = get_run_context()
    title = ctx.page_config.title
    if page_title is not None:
        title = f"{page_icon} {page_title}" if page_icon else str(page_title)
    ctx.page_config = PageConfig(title, initial_sidebar_state)


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


class _Theme(dict):
    """``st.context.theme``: ``.type`` is "light", "dark", or None when unknown."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"st.context.theme has no attribute {name!r}") from None


class _Context:
    """``st.context``: what the session knows of the user's client: headers,
    cookies, ip_address, is_embedded, url (a terminal has none of them),
    locale, timezone, timezone_offset, theme, and the terminal's
    ``terminal_size`` (columns, rows) and ``color_system``."""

    def __getattr__(self, name: str) -> Any:
        if name in ClientInfo.__slots__ and name != "theme":
            return getattr(get_run_context().session.client, name)
        raise AttributeError(f"st.context has no attribute {name!r}")

    @property
    def theme(self) -> _Theme:
        return _Theme(type=get_run_context().session.client.theme)


context = _Context()


class _User:
    """``st.user``: who the user is, read-only. Empty for a local session (as
    in Streamlit without sign-in); the SSH login under ``termlit serve``.
    Item and attribute access, ``in``, iteration and ``to_dict()``."""

    __slots__ = ()

    def _info(self) -> dict[str, Any]:
        return get_run_context().session.user

    def __getattr__(self, key: str) -> Any:
        try:
            return self._info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __getitem__(self, key: str) -> Any:
        try:
            return self._info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        raise StreamlitAPIException("st.user cannot be modified")

    __setitem__ = __setattr__

    def __contains__(self, key: object) -> bool:
        return key in self._info()

    def __iter__(self) -> Iterator[str]:
        return iter(self._info())

    def __len__(self) -> int:
        return len(self._info())

    def get(self, key: str, default: Any = None) -> Any:
        return self._info().get(key, default)

    def keys(self):
        return self._info().keys()

    def items(self):
        return self._info().items()

    def values(self):
        return self._info().values()

    def to_dict(self) -> dict[str, Any]:
        return dict(self._info())

    def __repr__(self) -> str:
        return repr(self._info())


user = _User()
