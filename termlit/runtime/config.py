"""Options: ``st.get_option``, ``st.set_option`` and the ``config.toml`` files.

Every option Streamlit 1.67 defines exists here under the same name with the
same default, so ``st.get_option("theme.primaryColor")`` works in any app.
Those that mean something in a terminal act (:data:`TERMINAL`):

* ``theme.base``, ``theme.primaryColor``, ``theme.backgroundColor``,
  ``theme.secondaryBackgroundColor``, ``theme.textColor`` and the named
  colours (``theme.redColor`` ...) make the terminal UI's theme;
* ``runner.magicEnabled`` turns magic (bare expressions shown) on or off;
* ``runner.enumCoercion`` decides how a remembered Enum choice is matched
  with the options of a rerun whose Enum class was defined again;
* ``server.fileWatcherType = "none"`` stops ``termlit run`` rerunning on save.

The others are accepted and kept (a browser-only styling option, a web
server's port...): a script can read what it set, nothing else changes.

Values come from, lowest priority first: the defaults,
``~/.streamlit/config.toml``, ``~/.termlit/config.toml``, then
``.streamlit/config.toml`` and ``.termlit/config.toml`` in the current
folder, then the environment (``STREAMLIT_THEME_PRIMARY_COLOR`` or
``TERMLIT_THEME_PRIMARY_COLOR`` for ``theme.primaryColor``), then
:func:`set_option`. A script may set only the ``client`` options, as in
Streamlit; :func:`set_option` with ``by_script=False`` (termlit's own code,
tests) sets any. :func:`patch_options` overrides options for a block, for
tests. Options are shared by every session of the process, as Streamlit's.
"""

from __future__ import annotations

import os
import re
import threading
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termlit.errors import StreamlitAPIException

__all__ = [
    "OPTIONS",
    "TERMINAL",
    "Option",
    "config_files",
    "get_option",
    "patch_options",
    "reload_options",
    "set_option",
]


@dataclass(frozen=True, slots=True)
class Option:
    """One option: its default, its type, and whether a script may set it."""

    default: Any
    type: type
    scriptable: bool = False


def _opt(default: Any, kind: type | None = None, scriptable: bool = False) -> Option:
    return Option(default, kind if kind is not None else type(default), scriptable)


#: The options that are not theme colours or fonts, with Streamlit's defaults.
_PLAIN: dict[str, Option] = {
    "global.disableWidgetStateDuplicationWarning": _opt(False),
    "global.showWarningOnDirectExecution": _opt(True),
    "logger.level": _opt(None, str),
    "logger.messageFormat": _opt(None, str),
    "client.showErrorDetails": _opt("full", str, scriptable=True),
    "client.toolbarMode": _opt("auto", str, scriptable=True),
    "client.disableDataExport": _opt(False, scriptable=True),
    "client.showSidebarNavigation": _opt(True, scriptable=True),
    "client.showErrorLinks": _opt("auto"),
    "runner.magicEnabled": _opt(True),
    "runner.fastReruns": _opt(True),
    "runner.enforceSerializableSessionState": _opt(False),
    "runner.enumCoercion": _opt("nameOnly"),
    "runner.parallelMaxWorkers": _opt(None, int),
    "runner.cacheBackgroundRefreshTTLMultiplier": _opt(2.0),
    "runner.connectionDefaultTTL": _opt(None, float),
    "runner.cacheHashSeed": _opt(0),
    "server.folderWatchList": _opt([], list),
    "server.folderWatchBlacklist": _opt([], list),
    "server.fileWatcherType": _opt("auto"),
    "server.enableExpensiveMemoryStats": _opt(False),
    "server.maxCacheDataSize": _opt(None, str),
    "server.cookieSecret": _opt(None, str),
    "server.headless": _opt(None, bool),
    "server.showEmailPrompt": _opt(True),
    "server.runOnSave": _opt(False),
    "server.address": _opt(None, str),
    "server.port": _opt(8501),
    "server.baseUrlPath": _opt(""),
    "server.enableCORS": _opt(True),
    "server.corsAllowedOrigins": _opt([], list),
    "server.allowedHosts": _opt([], list),
    "server.enableXsrfProtection": _opt(True),
    "server.xsrfCookieSameSite": _opt("lax"),
    "server.maxUploadSize": _opt(200),
    "server.maxMessageSize": _opt(200),
    "server.enableWebsocketCompression": _opt(False),
    "server.websocketPingInterval": _opt(None, int),
    "server.enableStaticServing": _opt(False),
    "server.disconnectedSessionTTL": _opt(120),
    "server.enableAgentApi": _opt(False),
    "server.agentWaitTimeout": _opt(30),
    "server.agentSessionTTL": _opt(900),
    "server.agentMaxSessions": _opt(100),
    "server.agentPreviewRows": _opt(100),
    "server.sslCertFile": _opt(None, str),
    "server.sslKeyFile": _opt(None, str),
    "browser.serverAddress": _opt("localhost"),
    "browser.gatherUsageStats": _opt(True),
    "browser.serverPort": _opt(None, int),
    "secrets.files": _opt(None, list),
}

#: Theme options that exist once, for the whole app.
_THEME_ONCE = {
    "base": str, "fontFaces": str, "baseFontSize": int, "baseFontWeight": int,
    "metricValueFontSize": str, "metricValueFontWeight": int, "showSidebarBorder": bool,
}
#: Theme options that also exist per scheme and for the sidebar
#: (``theme.dark.sidebar.primaryColor``...).
_THEME_SCOPED = {
    **{name: str for name in (
        "primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor",
        "redColor", "orangeColor", "yellowColor", "blueColor", "greenColor", "violetColor", "grayColor",
        "redBackgroundColor", "orangeBackgroundColor", "yellowBackgroundColor", "blueBackgroundColor",
        "greenBackgroundColor", "violetBackgroundColor", "grayBackgroundColor",
        "redTextColor", "orangeTextColor", "yellowTextColor", "blueTextColor", "greenTextColor",
        "violetTextColor", "grayTextColor", "linkColor", "codeTextColor", "codeBackgroundColor",
        "font", "headingFont", "headingFontSizes", "headingFontWeights", "codeFont", "codeFontSize",
        "baseRadius", "buttonRadius", "paddingTop", "paddingBottom", "borderColor",
        "dataframeBorderColor", "dataframeHeaderBackgroundColor", "dataframeHeaderTextColor",
        "chartCategoricalColors", "chartSequentialColors", "chartDivergingColors",
    )},
    "linkUnderline": bool, "codeFontWeight": int, "showWidgetBorder": bool,
}
_SCOPES = ("", "sidebar.", "light.", "dark.", "light.sidebar.", "dark.sidebar.")

#: Every option, by name.
OPTIONS: dict[str, Option] = {
    **_PLAIN,
    **{f"theme.{name}": Option(None, kind) for name, kind in _THEME_ONCE.items()},
    **{f"theme.{scope}{name}": Option(None, kind) for name, kind in _THEME_SCOPED.items() for scope in _SCOPES},
}

#: The options that change what termlit does, and what they change.
TERMINAL: dict[str, str] = {
    "theme.base": "light or dark terminal theme",
    "theme.primaryColor": "the theme's accent colour",
    "theme.backgroundColor": "the screen's background",
    "theme.secondaryBackgroundColor": "the background of widgets, the sidebar and code",
    "theme.textColor": "the colour of text",
    "runner.magicEnabled": "bare expressions in the script are shown",
    "runner.enumCoercion": "how a remembered Enum choice matches a redefined Enum class",
    "server.fileWatcherType": '"none": termlit run does not rerun when the script is saved',
}


def config_files(cwd: Path | None = None) -> list[Path]:
    """The files options are read from, lowest priority first."""
    here = cwd if cwd is not None else Path.cwd()
    home = Path.home()
    return [home / ".streamlit" / "config.toml", home / ".termlit" / "config.toml",
            here / ".streamlit" / "config.toml", here / ".termlit" / "config.toml"]


def _flatten(table: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and name not in OPTIONS:
            yield from _flatten(value, name + ".")
        else:
            yield name, value


def _env_name(option: str) -> str:
    """``theme.primaryColor`` -> ``THEME_PRIMARY_COLOR``."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", option).replace(".", "_").upper()


def _from_text(option: Option, text: str) -> Any:
    if option.type is bool:
        return text.strip().lower() in ("1", "true", "yes", "on")
    if option.type in (int, float):
        return option.type(text)
    if option.type is list:
        return [part for part in (p.strip() for p in text.split(",")) if part]
    return text


class _Store:
    """The options' values: read from files and the environment once, then
    changed by set_option; overrides from patch_options on top."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.loaded: dict[str, Any] | None = None
        self.set: dict[str, Any] = {}
        self.patches: list[Mapping[str, Any]] = []

    def load(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for path in config_files():
            try:
                with path.open("rb") as f:
                    table = tomllib.load(f)
            except (OSError, tomllib.TOMLDecodeError):
                continue  # a missing or broken file changes nothing
            values.update((name, value) for name, value in _flatten(table) if name in OPTIONS)
        for name, option in OPTIONS.items():
            for prefix in ("STREAMLIT_", "TERMLIT_"):
                text = os.environ.get(prefix + _env_name(name))
                if text is not None:
                    try:
                        values[name] = _from_text(option, text)
                    except ValueError:
                        pass
        return values

    def get(self, name: str) -> Any:
        with self.lock:
            for patch in reversed(self.patches):
                if name in patch:
                    return patch[name]
            if name in self.set:
                return self.set[name]
            if self.loaded is None:
                self.loaded = self.load()
            return self.loaded.get(name, OPTIONS[name].default)


_store = _Store()


def get_option(key: str) -> Any:
    """The value of the option ``key`` ("section.optionName")."""
    if key not in OPTIONS:
        raise RuntimeError(f'Config key "{key}" not defined.')
    return _store.get(key)


def set_option(key: str, value: Any, *, by_script: bool = True) -> None:
    """Set the option ``key``. A script (``st.set_option``) may set only the
    ``client`` options; the others are set in config.toml."""
    option = OPTIONS.get(key)
    if option is None:
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if by_script and not option.scriptable:
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set it in .streamlit/config.toml (or "
            ".termlit/config.toml) instead, or in the environment as "
            f"STREAMLIT_{_env_name(key)}."
        )
    with _store.lock:
        _store.set[key] = value


@contextmanager
def patch_options(overrides: Mapping[str, Any]) -> Iterator[None]:
    """Options take the values in ``overrides`` inside the block (any option,
    scriptable or not; unknown names are an error)."""
    unknown = [name for name in overrides if name not in OPTIONS]
    if unknown:
        raise RuntimeError(f'Config key "{unknown[0]}" not defined.')
    patch = dict(overrides)
    with _store.lock:
        _store.patches.append(patch)
    try:
        yield
    finally:
        with _store.lock:
            _store.patches.remove(patch)


def reload_options() -> None:
    """Read the files and the environment again, and forget set_option's values."""
    with _store.lock:
        _store.loaded = None
        _store.set.clear()
