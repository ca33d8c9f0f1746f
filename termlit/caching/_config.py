"""Where the caches live and how big they may grow.

Settings come from, highest priority first:

1. environment variables ``TERMLIT_CACHE_DIR``, ``TERMLIT_CACHE_SIZE_LIMIT``,
   ``TERMLIT_CACHE_MEMORY_LIMIT``, ``TERMLIT_CACHE_URL`` and ``TERMLIT_CACHE_KEY``;
2. the ``[cache]`` table of ``.termlit/config.toml`` in the current directory;
3. the ``[cache]`` table of ``~/.termlit/config.toml``;
4. defaults: the user's cache directory (``platformdirs``, so
   ``$XDG_CACHE_HOME/termlit`` on Linux), 1 GB on disk per app and 256 MB
   of hot entries in memory per app.

.. code-block:: toml

    [cache]
    dir = "~/.cache/my-apps"     # root; every app gets its own folder inside
    size_limit = "2GB"           # per app, on disk; oldest stored entries go first
    memory_limit = "128MB"       # per app, in memory, in front of the disk
    url = "redis://host:6379/0"  # optional: one cache shared by several processes and hosts
    key = "a long random secret" # required with url: the signing key every host shares
    namespace = "sales-dashboard" # optional, with url: this app's name in the store

Every app (one script path) gets a folder ``<root>/apps/<stem>-<hash>``; code
that runs outside ``termlit run`` uses the folder of the ``__main__`` script,
so ``python app.py`` and ``termlit run app.py`` share their entries. In a
shared store an app's entries are under its ``namespace`` (by default the
script's file name, the same on every host): two different apps whose scripts
share a file name need a namespace each, or their ``clear()`` reaches both.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termlit.caching._errors import CacheWarning
from termlit.errors import StreamlitAPIException

__all__ = [
    "Settings",
    "app_dir",
    "app_name",
    "load_settings",
    "parse_size",
    "reload_settings",
]

ENV_DIR = "TERMLIT_CACHE_DIR"
ENV_SIZE = "TERMLIT_CACHE_SIZE_LIMIT"
ENV_MEMORY = "TERMLIT_CACHE_MEMORY_LIMIT"
#: A shared store (``redis://...``) and the signing key its hosts share.
ENV_URL = "TERMLIT_CACHE_URL"
ENV_KEY = "TERMLIT_CACHE_KEY"
ENV_NAMESPACE = "TERMLIT_CACHE_NAMESPACE"

DEFAULT_SIZE_LIMIT = 1_000_000_000
DEFAULT_MEMORY_LIMIT = 256_000_000

#: Folder name of code that belongs to no script (a notebook, a REPL, an
#: app given as a string).
DEFAULT_APP = "default"


@dataclass(frozen=True, slots=True)
class Settings:
    root: Path
    size_limit: int
    memory_limit: int
    #: A shared store's URL (None: the local folder) and its signing key.
    url: str | None = None
    secret: bytes | None = None
    #: The app's name in a shared store (None: the script's file name).
    namespace: str | None = None


_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "t": 1000**4,
    "tb": 1000**4,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
    "tib": 1024**4,
}


def parse_size(value: Any, what: str = "size") -> int:
    """Bytes from an int or a string such as ``"500MB"``, ``"1 GiB"``, ``"0"``."""
    if isinstance(value, bool):
        raise StreamlitAPIException(f"The cache {what} must be a number of bytes or a string like '1GB', not {value!r}.")
    if isinstance(value, (int, float)):
        if value < 0:
            raise StreamlitAPIException(f"The cache {what} cannot be negative (got {value!r}).")
        return int(value)
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([a-zA-Z]*)\s*", str(value))
    if match is None or match.group(2).lower() not in _UNITS:
        raise StreamlitAPIException(
            f"Cannot read the cache {what} {value!r}: write a number of bytes or a "
            "number with a unit, e.g. '500MB', '2GB' or '1GiB'."
        )
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():  # the common case: no import of toml (a few ms at the first hit)
        return {}
    try:
        import toml

        data = toml.load(path)
    except FileNotFoundError:
        return {}
    except Exception as exc:  # a broken config must not break the app
        warnings.warn(f"Ignoring {path}: it is not valid TOML ({exc}).", CacheWarning, stacklevel=2)
        return {}
    section = data.get("cache", {})
    return section if isinstance(section, dict) else {}


def _default_root() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("termlit", appauthor=False))


_cached: tuple[tuple, Settings] | None = None


def load_settings() -> Settings:
    """The settings in force; config files are read once per process, the
    environment variables at every call (they are cheap to look at)."""
    global _cached
    env = (os.environ.get(ENV_DIR), os.environ.get(ENV_SIZE), os.environ.get(ENV_MEMORY),
           os.environ.get(ENV_URL), os.environ.get(ENV_KEY), os.environ.get(ENV_NAMESPACE))
    cached = _cached
    if cached is not None and cached[0] == env:
        return cached[1]
    merged: dict[str, Any] = {}
    merged.update(_read_toml(Path.home() / ".termlit" / "config.toml"))
    merged.update(_read_toml(Path.cwd() / ".termlit" / "config.toml"))
    root_value = env[0] or merged.get("dir")
    root = Path(os.path.expanduser(str(root_value))) if root_value else _default_root()
    size = parse_size(env[1] if env[1] else merged.get("size_limit", DEFAULT_SIZE_LIMIT), "size_limit")
    memory = parse_size(env[2] if env[2] else merged.get("memory_limit", DEFAULT_MEMORY_LIMIT), "memory_limit")
    url = env[3] or merged.get("url") or None
    if url is not None and not str(url).startswith(("redis://", "rediss://", "unix://")):
        raise StreamlitAPIException(
            f"The cache url {url!r} is not one termlit can use: give redis://host:6379/0 "
            "(or rediss:// for TLS), or leave it out for the local folder."
        )
    secret = env[4] or merged.get("key") or None
    namespace = env[5] or merged.get("namespace") or None
    if namespace is not None and not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", str(namespace)):
        raise StreamlitAPIException(
            f"The cache namespace {namespace!r} is not one termlit can use: give 1 to 64 letters, "
            "digits, '_', '.' or '-' (it names this app's keys in the shared store)."
        )
    settings = Settings(root.resolve(), size, memory, url, str(secret).encode() if secret else None,
                        str(namespace) if namespace else None)
    _cached = (env, settings)
    return settings


def reload_settings() -> Settings:
    """Forget what was read and read the config files again."""
    global _cached
    _cached = None
    return load_settings()


def app_name(script: Path | None) -> str:
    """The folder name for an app: the script's stem and a hash of its path."""
    if script is None:
        return DEFAULT_APP
    resolved = str(Path(script).resolve())
    digest = hashlib.blake2b(resolved.encode("utf-8"), digest_size=6).hexdigest()
    # [A-Za-z0-9_.-] kept, anything else "_" (no regex: compiling one costs ms at a first hit)
    stem = "".join(c if c.isascii() and (c.isalnum() or c in "_.-") else "_" for c in Path(resolved).stem)[:40] or "app"
    return f"{stem}-{digest}"


def app_dir(settings: Settings, script: Path | None) -> Path:
    return settings.root / "apps" / app_name(script)


def main_script() -> Path | None:
    """The script of ``__main__`` when there is one (``python app.py``)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path or not str(path).endswith(".py"):
        return None
    return Path(path)


def write_app_info(directory: Path, script: Path | None) -> None:
    """Remember which script a folder belongs to (for ``termlit cache info``)."""
    info = directory / "app.json"
    if info.exists():
        return
    tmp = directory / f".app.json.{os.getpid()}"
    tmp.write_text(json.dumps({"script": str(Path(script).resolve()) if script else None}))
    os.replace(tmp, info)


def read_app_info(directory: Path) -> str | None:
    try:
        return json.loads((directory / "app.json").read_text()).get("script")
    except (OSError, ValueError, AttributeError):
        return None
