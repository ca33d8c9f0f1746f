"""``st.secrets``: read-only values from ``secrets.toml`` files.

Where secrets come from, later files winning (nested tables merge key by key):

1. ``~/.streamlit/secrets.toml``, then ``~/.termlit/secrets.toml``
2. ``./.streamlit/secrets.toml``, then ``./.termlit/secrets.toml`` (the current directory)
3. ``<app folder>/.streamlit/secrets.toml``, then ``<app folder>/.termlit/secrets.toml``

The ``.streamlit`` files are read so that an existing Streamlit project works
unchanged; the ``.termlit`` file beside it wins. Files are checked (one
``stat`` each) on every access from the top, and read again when one changed,
appeared or went away. Root-level strings and numbers are also put in
``os.environ``, as Streamlit does.

In a test, ``AppTest.secrets`` (when it holds anything) replaces the files.
"""

from __future__ import annotations

import copy
import os
import re
import threading
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termlit.common.masking import register_from_mapping
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import current_run_context

__all__ = [
    "Secrets",
    "SecretSection",
    "SecretKeyError",
    "SecretsFileNotFoundError",
    "SecretsParseError",
    "secrets",
    "search_paths",
]

#: The folders (inside a place) where a secrets.toml is looked for, weakest first.
SECRETS_DIRS = (".streamlit", ".termlit")
SECRETS_FILE = "secrets.toml"


class SecretKeyError(KeyError):
    """A key that ``st.secrets`` (or one of its tables) does not have."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""


class SecretsFileNotFoundError(FileNotFoundError, KeyError):
    """No secrets.toml exists in any of the places searched.

    A ``FileNotFoundError`` (as in Streamlit) that ``except KeyError`` also
    catches, since it answers a lookup.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class SecretsParseError(StreamlitAPIException):
    """A secrets.toml that is not valid TOML."""

    def __init__(self, message: str, path: Path, line: int | None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line


# -- where the files are -----------------------------------------------------------


def _app_folder() -> Path | None:
    ctx = current_run_context()
    runner = getattr(ctx, "runner", None) if ctx is not None else None
    script = getattr(runner, "script", None)
    path = getattr(script, "path", None)
    return Path(path).parent if path is not None else None


def search_paths() -> list[Path]:
    """Every secrets.toml path looked at for the current run, weakest first."""
    places: list[Path] = []
    try:
        places.append(Path.home())
    except (RuntimeError, KeyError):  # no home directory: skip it
        pass
    try:
        places.append(Path.cwd())
    except OSError:  # the current directory was removed
        pass
    app = _app_folder()
    if app is not None:
        places.append(app)
    seen: set[Path] = set()
    paths: list[Path] = []
    for place in places:
        for folder in SECRETS_DIRS:
            path = (place / folder / SECRETS_FILE).absolute()
            if path not in seen:
                seen.add(path)
                paths.append(path)
    return paths


def describe_paths(paths: list[Path]) -> str:
    return "\n".join(f"  - {p}" for p in paths)


# -- loading ------------------------------------------------------------------------


@dataclass(slots=True)
class Loaded:
    """The merged secrets of one set of files (or of a test's override)."""

    data: dict[str, Any]
    #: Key path -> the file that set it (absent for overrides).
    origins: dict[tuple[str, ...], Path]
    searched: list[Path]
    files: list[Path]
    override: bool = False
    signature: tuple = field(default=())

    def origin(self, *keys: str) -> Path | None:
        return self.origins.get(tuple(keys))

    def describe(self) -> str:
        """Where these secrets came from, for error messages."""
        if self.override:
            return "The test's AppTest.secrets were used instead of secrets.toml files."
        if self.files:
            return f"Secrets were read from:\n{describe_paths(self.files)}"
        return f"No secrets.toml exists; these paths were searched:\n{describe_paths(self.searched)}"


def _line_of(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def _read_file(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StreamlitAPIException(
            f"Could not read the secrets file {path}: {exc.strerror or exc}. "
            "Check that it is a readable file."
        ) from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SecretsParseError(
            f"The secrets file {path} is not UTF-8 text. Save it as UTF-8.", path, None
        ) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's messages name the position, never the text around it.
        reason = str(exc)
        line = _line_of(reason)
        where = f"line {line} of {path}" if line is not None else str(path)
        raise SecretsParseError(
            f"The secrets file {path} is not valid TOML ({reason}). Fix {where}; "
            "strings need quotes and each table header is written [like.this].",
            path,
            line,
        ) from None


def _merge(
    into: dict[str, Any],
    new: dict[str, Any],
    origins: dict[tuple[str, ...], Path],
    source: Path,
    prefix: tuple[str, ...] = (),
) -> None:
    for key, value in new.items():
        path = (*prefix, key)
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            origins[path] = source
            _merge(into[key], value, origins, source, path)
            continue
        into[key] = copy.deepcopy(value)
        # Drop provenance of anything this value replaced, then record its own.
        for old in [p for p in origins if p[: len(path)] == path]:
            del origins[old]
        _record(origins, value, source, path)


def _record(origins: dict[tuple[str, ...], Path], value: Any, source: Path, path: tuple[str, ...]) -> None:
    origins[path] = source
    if isinstance(value, dict):
        for key, inner in value.items():
            _record(origins, inner, source, (*path, key))


def _signature(paths: list[Path]) -> tuple:
    parts = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            continue
        parts.append((str(path), st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(parts)


def _plain(value: Any) -> Any:
    """A test's override as plain nested dicts (it may hold Mappings)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# -- the public objects -----------------------------------------------------------


class _ReadOnly:
    """Every way of changing the object raises a TypeError saying where the
    value can be changed instead (:meth:`_read_only`)."""

    __slots__ = ()

    def _read_only(self) -> str:
        return f"{type(self).__name__} is read-only."

    def __setitem__(self, key: str, value: Any) -> None:
        raise TypeError(self._read_only())

    def __setattr__(self, key: str, value: Any) -> None:
        raise TypeError(self._read_only())

    def __delitem__(self, key: str) -> None:
        raise TypeError(self._read_only())

    def __delattr__(self, key: str) -> None:
        raise TypeError(self._read_only())


def _exportable(key: str, value: Any) -> bool:
    return (
        type(value) in (str, int, float)
        and bool(key)
        and "=" not in key
        and "\0" not in key
        and "\0" not in str(value)
    )


class Secrets(_ReadOnly, Mapping[str, Any]):
    """``st.secrets``: item and attribute access, ``in``, ``get``, ``to_dict``.

    Read-only. Missing keys raise :class:`SecretKeyError` (a KeyError) or
    AttributeError naming the key; when no secrets.toml exists at all,
    item access raises :class:`SecretsFileNotFoundError` listing the paths
    searched. The repr lists keys, never values.
    """

    def __init__(self) -> None:
        object.__setattr__(self, "_lock", threading.Lock())
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_exported", {})

    # -- loading --------------------------------------------------------------------

    def _load(self) -> Loaded:
        """The secrets the current run sees (reading files only when they changed)."""
        ctx = current_run_context()
        override = ctx.session.secrets_override if ctx is not None else None
        searched = search_paths()
        if override:
            data = _plain(override)
            register_from_mapping(data)
            return Loaded(data, {}, searched, [], override=True)
        signature = _signature(searched)
        cache_key = (tuple(searched), signature)
        cache: dict[tuple, Loaded] = self._cache
        loaded = cache.get(cache_key)
        if loaded is not None:
            return loaded
        data: dict[str, Any] = {}
        origins: dict[tuple[str, ...], Path] = {}
        files: list[Path] = []
        for path_text, *_stat in signature:
            path = Path(path_text)
            _merge(data, _read_file(path), origins, path)
            files.append(path)
        register_from_mapping(data)
        loaded = Loaded(data, origins, searched, files, signature=signature)
        with self._lock:
            if len(cache) >= 16:
                cache.clear()
            cache[cache_key] = loaded
            self._export(loaded)
        return loaded

    def _export(self, loaded: Loaded) -> None:
        """Mirror root-level strings and numbers into ``os.environ``."""
        exported: dict[str, str] = self._exported
        wanted = {k: str(v) for k, v in loaded.data.items() if _exportable(k, v)}
        for key, value in list(exported.items()):
            if key not in wanted and os.environ.get(key) == value:
                del os.environ[key]
                del exported[key]
        for key, value in wanted.items():
            os.environ[key] = value
            exported[key] = value

    def load_if_toml_exists(self) -> bool:
        """Load the secrets now; False when no secrets.toml exists (Streamlit's API)."""
        loaded = self._load()
        return bool(loaded.files) or loaded.override

    def _no_file_message(self, loaded: Loaded, key: str) -> str:
        return (
            f"st.secrets[{key!r}] was read, but no secrets file exists. termlit looks "
            f"for secrets.toml in these places (later ones win):\n{describe_paths(loaded.searched)}\n"
            f"Create the project's .termlit/secrets.toml with a line such as `{key} = \"...\"`."
        )

    def _root(self, key: str, missing: type[Exception]) -> SecretSection:
        """The top-level table, or ``missing`` (naming the paths searched)
        when there is no secrets.toml at all."""
        loaded = self._load()
        if not loaded.files and not loaded.override:
            raise missing(self._no_file_message(loaded, key))
        return SecretSection(loaded.data, (), loaded)

    # -- Mapping --------------------------------------------------------------------

    def __getitem__(self, key: str) -> Any:
        return self._root(key, SecretsFileNotFoundError)[key]

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__") and key.endswith("__"):
            raise AttributeError(key)
        return getattr(self._root(key, AttributeError), key)

    def __contains__(self, key: object) -> bool:
        return key in self._load().data

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._load().data))

    def __len__(self) -> int:
        return len(self._load().data)

    def get(self, key: str, default: Any = None) -> Any:
        loaded = self._load()
        if key not in loaded.data:
            return default
        return SecretSection(loaded.data, (), loaded)[key]

    def to_dict(self) -> dict[str, Any]:
        """A plain, deep copy of every secret (an empty dict without files)."""
        return copy.deepcopy(self._load().data)

    # -- read-only ------------------------------------------------------------------

    def _read_only(self) -> str:
        return (
            "st.secrets is read-only. Put the value in .termlit/secrets.toml, or in a "
            "test set AppTest.secrets[...] before run()."
        )

    def __repr__(self) -> str:
        try:
            loaded = self._load()
        except Exception:
            return "Secrets(<unreadable>)"
        source = "test override" if loaded.override else [str(p) for p in loaded.files]
        return f"Secrets(keys={sorted(loaded.data)!r}, from={source!r})"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("st.secrets cannot be pickled; read the values you need instead.")

    # -- for connections ------------------------------------------------------------

    def _table(self, *keys: str) -> tuple[dict[str, Any], Loaded]:
        """The table at ``keys`` (empty when missing; no error without files)."""
        loaded = self._load()
        node: Any = loaded.data
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        return (node if isinstance(node, dict) else {}), loaded


class SecretSection(_ReadOnly, Mapping[str, Any]):
    """A table of ``st.secrets``: same access as the root, read-only."""

    __slots__ = ("_data", "_path", "_loaded")

    def __init__(self, data: dict[str, Any], path: tuple[str, ...], loaded: Loaded | None = None) -> None:
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_loaded", loaded)

    def _name(self) -> str:
        return "st.secrets" + "".join(f"[{k!r}]" for k in self._path)

    def _missing(self, key: str) -> str:
        here = self._name()
        keys = ", ".join(repr(k) for k in sorted(self._data)) or "none"
        loaded = self._loaded
        if loaded is not None and loaded.override:
            where = "the test's AppTest.secrets"
        elif loaded is not None and loaded.files:
            where = ", ".join(str(p) for p in loaded.files)
        else:
            where = "no file"
        table = ".".join(self._path)
        hint = f"under [{table}] " if table else ""
        return (
            f"{here} has no key {key!r} (keys there: {keys}; read from {where}). "
            f"Add `{key} = ...` {hint}in your secrets.toml."
        )

    def _wrap(self, key: str, value: Any) -> Any:
        if isinstance(value, dict):
            return SecretSection(value, (*self._path, key), self._loaded)
        return copy.deepcopy(value) if isinstance(value, list) else value

    def __getitem__(self, key: str) -> Any:
        try:
            value = self._data[key]
        except (KeyError, TypeError):
            raise SecretKeyError(self._missing(key)) from None
        return self._wrap(key, value)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__") and key.endswith("__"):
            raise AttributeError(key)
        try:
            value = self._data[key]
        except KeyError:
            raise AttributeError(self._missing(key)) from None
        return self._wrap(key, value)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data))

    def __len__(self) -> int:
        return len(self._data)

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self._data)

    def _read_only(self) -> str:
        return f"{self._name()} is read-only; change the secrets.toml file instead."

    def __repr__(self) -> str:
        return f"SecretSection({'.'.join(self._path) or '<root>'}, keys={sorted(self._data)!r})"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("A secrets table cannot be pickled; use .to_dict() explicitly.")

    def __deepcopy__(self, memo: dict) -> dict[str, Any]:
        return self.to_dict()


#: The one ``st.secrets`` object.
secrets = Secrets()
