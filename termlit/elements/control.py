"""Run control and session-wide calls: rerun, stop, session_state, page config."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NoReturn

from termlit.elements._dg import api
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import current_run_context, get_run_context
from termlit.runtime.control import RerunException, StopException

__all__ = ["query_params", "rerun", "session_state", "set_page_config", "stop"]


@api
def rerun(*, scope: str = "app") -> NoReturn:
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
    if page_title is not None:
        ctx.title = f"{page_icon} {page_title}" if page_icon else str(page_title)
    ctx.extras["initial_sidebar_state"] = initial_sidebar_state


class SessionStateProxy:
    """``st.session_state``: the state of the session whose run is in progress.

    Item and attribute access, ``in``, ``del``, iteration, ``len`` and
    ``to_dict()``.
    """

    @staticmethod
    def _state():
        return get_run_context().state

    def __getitem__(self, key: str) -> Any:
        return self._state()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._state()[key]

    def __getattr__(self, key: str) -> Any:
        try:
            return self._state()[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._state()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._state()[key]
        except KeyError as exc:
            raise AttributeError(exc.args[0]) from None

    def __contains__(self, key: object) -> bool:
        return key in self._state()

    def __iter__(self) -> Iterator[str]:
        return iter(self._state())

    def __len__(self) -> int:
        return len(self._state())

    def get(self, key: str, default: Any = None) -> Any:
        return self._state().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return self._state().setdefault(key, default)

    def keys(self):
        return self._state().keys()

    def values(self):
        return self._state().values()

    def items(self):
        return self._state().items()

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._state().update(*args, **kwargs)

    def clear(self) -> None:
        self._state().clear()

    def to_dict(self) -> dict[str, Any]:
        return self._state().to_dict()

    def __repr__(self) -> str:
        return repr(self.to_dict())


session_state = SessionStateProxy()


class QueryParams(dict):
    """``st.query_params``: a terminal app has no URL, so this starts empty and
    keeps what the script puts in it for the session (values are strings)."""

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(str(key), [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value))

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no key "{key}"') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def get_all(self, key: str) -> list[str]:
        value = self.get(key)
        return [] if value is None else list(value) if isinstance(value, list) else [value]

    def to_dict(self) -> dict[str, Any]:
        return dict(self)

    def from_dict(self, params: dict[str, Any]) -> None:
        self.clear()
        for key, value in params.items():
            self[key] = value


class _QueryParamsProxy:
    """Resolves to the query parameters of the session whose run is in progress."""

    @staticmethod
    def _params() -> QueryParams:
        state = get_run_context().state
        params = getattr(state, "_query_params", None)
        if params is None:
            params = QueryParams()
            object.__setattr__(state, "_query_params", params)
        return params

    def __getattr__(self, name: str) -> Any:
        return getattr(self._params(), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._params(), name, value)

    def __getitem__(self, key: str) -> Any:
        return self._params()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._params()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._params()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._params()

    def __iter__(self):
        return iter(self._params())

    def __len__(self) -> int:
        return len(self._params())

    def __repr__(self) -> str:
        return repr(self._params())


query_params = _QueryParamsProxy()
