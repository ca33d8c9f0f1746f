"""``termlit cache clear [APP]`` and ``termlit cache info``.

``main`` takes what follows ``termlit cache`` on the command line and returns
the exit status.
"""

from __future__ import annotations

import sys
from pathlib import Path

from termlit.caching import _config
from termlit.caching._disk import CacheDirRefused, DiskTier

__all__ = ["main"]

USAGE = """\
usage: termlit cache info
       termlit cache clear [APP]

  info         list the cached apps: entries, size on disk and folder
  clear        forget the cached data of every app
  clear APP    forget the cached data of one app (its script path, or the
               folder name shown by `termlit cache info`)

The cache root is {root}
(set TERMLIT_CACHE_DIR or `dir` under [cache] in .termlit/config.toml to move it).
"""


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{n} B"  # pragma: no cover


def _app_dirs(settings: _config.Settings) -> list[Path]:
    apps = settings.root / "apps"
    if not apps.is_dir():
        return []
    return sorted(p for p in apps.iterdir() if p.is_dir())


def _open(directory: Path, settings: _config.Settings) -> DiskTier:
    return DiskTier(settings.root, directory, settings.size_limit)


def _info(settings: _config.Settings) -> int:
    dirs = _app_dirs(settings)
    print(f"cache root: {settings.root}")
    print(f"size limit: {_size(settings.size_limit)} per app on disk, {_size(settings.memory_limit)} in memory")
    if not dirs:
        print("no cached apps")
        return 0
    rows = []
    total_entries = total_bytes = 0
    status = 0
    for directory in dirs:
        script = _config.read_app_info(directory) or "(no script: notebooks, strings)"
        try:
            tier = _open(directory, settings)
            try:
                entries, size = tier.stats()
            finally:
                tier.close()
        except Exception as exc:  # a refused or broken folder: report it, go on
            rows.append((script, "?", "?", f"{directory}  ({exc})"))
            status = 1
            continue
        total_entries += entries
        total_bytes += size
        rows.append((script, str(entries), _size(size), str(directory)))
    headers = ("app", "entries", "size", "location")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers[:3])]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths)) + "  " + headers[3])
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[3])
    print()
    print(f"total: {total_entries} entries, {_size(total_bytes)} in {len(rows)} app folder(s)")
    return status


def _find_app(settings: _config.Settings, app: str) -> Path | None:
    apps = settings.root / "apps"
    by_name = apps / app
    if "/" not in app and "\\" not in app and by_name.is_dir():
        return by_name
    candidate = Path(app)
    directory = _config.app_dir(settings, candidate)
    if directory.is_dir():
        return directory
    return None


def _clear_dir(directory: Path, settings: _config.Settings) -> str:
    try:
        tier = _open(directory, settings)
    except CacheDirRefused as exc:
        return f"skipped {directory}: {exc}"
    try:
        entries, size = tier.stats()
        tier.clear()
    finally:
        tier.close()
    return f"cleared {entries} entries ({_size(size)}) in {directory}"


def _clear(settings: _config.Settings, app: str | None) -> int:
    if app is None:
        dirs = _app_dirs(settings)
        if not dirs:
            print(f"nothing to clear: no cached apps under {settings.root}")
            return 0
        for directory in dirs:
            print(_clear_dir(directory, settings))
        return 0
    directory = _find_app(settings, app)
    if directory is None:
        print(
            f"termlit cache clear: no cached data for {app!r} under {settings.root}. "
            "Give the app's script path or a folder name from `termlit cache info`.",
            file=sys.stderr,
        )
        return 1
    print(_clear_dir(directory, settings))
    return 0


def main(argv: list[str]) -> int:
    """Run ``termlit cache <argv>``; return the exit status."""
    try:
        settings = _config.load_settings()
    except Exception as exc:  # a bad size in the config, for instance
        print(f"termlit cache: {exc}", file=sys.stderr)
        return 2
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE.format(root=settings.root), end="")
        return 0 if argv else 2
    command, rest = argv[0], argv[1:]
    if command == "info" and not rest:
        return _info(settings)
    if command == "clear" and len(rest) <= 1:
        return _clear(settings, rest[0] if rest else None)
    print(USAGE.format(root=settings.root), end="", file=sys.stderr)
    return 2

