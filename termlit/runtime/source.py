"""A script's source: a file or a string, compiled once per version.

:meth:`ScriptSource.code` parses the script, rewrites it for magic (bare
expressions are shown; unless the ``runner.magicEnabled`` option is off) and
compiles it; the result is kept until the file's modification time or size
(or that option) changes, so a rerun of an unchanged script costs no parsing
at all. :meth:`ScriptSource.new_module` makes the fresh module a run
executes in.
"""

from __future__ import annotations

import ast
import hashlib
import linecache
import os
import sys
import types
from pathlib import Path
from typing import Any

from termlit.runtime.config import get_option
from termlit.runtime.magic import MAGIC_NAME, magic_write, rewrite

__all__ = ["ScriptSource"]


class ScriptSource:
    """A script given as a file or as a string; compiled once per version."""

    def __init__(self, path: str | os.PathLike[str] | None = None, source: str | None = None):
        if path is None and source is None:
            raise ValueError("ScriptSource needs a path or a source string")
        self.path = Path(path).resolve() if path is not None else None
        self._source = source
        self._cache_key: tuple | None = None
        self._code: types.CodeType | None = None

    @property
    def filename(self) -> str:
        if self.path is not None:
            return str(self.path)
        # one pseudo-file per source text, so tracebacks quote the right lines
        digest = hashlib.blake2b(self._source.encode(), digest_size=4).hexdigest()
        return f"<app-{digest}>"

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    def read(self) -> str:
        if self._source is not None:
            return self._source
        assert self.path is not None
        return self.path.read_text(encoding="utf-8")

    def code(self) -> types.CodeType:
        """The compiled, magic-rewritten script; raises SyntaxError as Python does."""
        magic = bool(get_option("runner.magicEnabled"))
        if self.path is not None:
            st = self.path.stat()
            key: tuple = (st.st_mtime_ns, st.st_size, magic)
        else:
            key = (hashlib.blake2b(self._source.encode(), digest_size=16).digest(), magic)
        if key != self._cache_key or self._code is None:
            source = self.read()
            if self.path is None:  # let tracebacks quote the lines
                linecache.cache[self.filename] = (len(source), None, source.splitlines(True), self.filename)
            tree = ast.parse(source, self.filename)
            if magic:
                tree = rewrite(tree)
            self._code = compile(tree, self.filename, "exec", dont_inherit=True)
            self._cache_key = key
        return self._code

    def new_module(self, extra_globals: dict[str, Any], *, as_main: bool) -> types.ModuleType:
        """A fresh ``__main__`` module for one run, with ``extra_globals`` in
        it; ``as_main`` also installs it as ``sys.modules["__main__"]``. The
        script's folder goes on ``sys.path`` so its helper modules import."""
        module = types.ModuleType("__main__")
        module.__dict__["__file__"] = self.filename
        module.__dict__[MAGIC_NAME] = magic_write
        module.__dict__.update(extra_globals)
        folder = self.folder
        if folder is not None and str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
        if as_main:
            sys.modules["__main__"] = module
        return module
