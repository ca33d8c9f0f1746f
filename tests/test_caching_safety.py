"""cache_data on disk: signed entries, private folders, failures that never crash."""

from __future__ import annotations

import errno
import os
import pickle
import sqlite3
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest

import termlit as st
from termlit.caching import CacheWarning, _disk, _errors, _store
from termlit.caching.cli import main as cache_cli


@pytest.fixture(autouse=True)
def cache_root(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(root))
    _errors.forget_reports()
    yield root
    _store.close_all()


def _app_dir(root: Path) -> Path:
    (folder,) = (root / "apps").iterdir()
    return folder


def _rows(folder: Path) -> list[tuple]:
    with sqlite3.connect(folder / "cache.db") as db:
        return db.execute("SELECT rowid, key, mode, filename, value FROM Cache WHERE key NOT LIKE 'fn:%'").fetchall()


def _counter():
    calls = []

    @st.cache_data
    def data(n):
        calls.append(n)
        return {"n": n, "payload": "x" * n}

    return data, calls


def _fresh_process_view():
    """What a restarted process sees: no memory tier."""
    _store.close_all()


def test_cache_folders_and_key_are_private(cache_root):
    data, _ = _counter()
    data(1)
    folder = _app_dir(cache_root)
    for path in (cache_root, cache_root / "apps", folder):
        assert path.stat().st_mode & 0o777 == 0o700
    assert (cache_root / "termlit.key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("size", [10, 100_000])  # in sqlite, and in a file
def test_a_tampered_entry_is_a_miss_reported_once(cache_root, size):
    data, calls = _counter()
    data(size)
    folder = _app_dir(cache_root)
    (rowid, _key, _mode, filename, value) = _rows(folder)[0]
    if filename:
        path = folder / filename
        blob = bytearray(path.read_bytes())
        blob[-5] ^= 0xFF
        path.write_bytes(bytes(blob))
    else:
        blob = bytearray(value)
        blob[-5] ^= 0xFF
        with sqlite3.connect(folder / "cache.db") as db:
            db.execute("UPDATE Cache SET value = ? WHERE rowid = ?", (bytes(blob), rowid))
    _fresh_process_view()
    with pytest.warns(CacheWarning, match="tampered"):
        assert data(size) == {"n": size, "payload": "x" * size}
    assert calls == [size, size]
    _fresh_process_view()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert data(size)["n"] == size  # the recomputed entry is good
    assert calls == [size, size]


def test_a_truncated_entry_file_is_a_miss(cache_root):
    data, calls = _counter()
    data(100_000)
    folder = _app_dir(cache_root)
    filename = _rows(folder)[0][3]
    path = folder / filename
    path.write_bytes(path.read_bytes()[:1000])
    _fresh_process_view()
    with pytest.warns(CacheWarning):
        assert data(100_000)["n"] == 100_000
    assert len(calls) == 2


def test_an_entry_signed_with_another_key_is_a_miss(cache_root):
    data, calls = _counter()
    data(5)
    _fresh_process_view()
    key_file = cache_root / "termlit.key"
    key_file.write_bytes(os.urandom(32))
    with pytest.warns(CacheWarning, match="did not write"):
        data(5)
    assert calls == [5, 5]


def test_a_planted_pickle_row_is_never_unpickled(cache_root, tmp_path):
    data, calls = _counter()
    data(5)
    folder = _app_dir(cache_root)
    (rowid, *_rest) = _rows(folder)[0]
    proof = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {proof}",))

    with sqlite3.connect(folder / "cache.db") as db:
        db.execute(
            "UPDATE Cache SET mode = 4, filename = NULL, value = ? WHERE rowid = ?",
            (pickle.dumps(Exploit()), rowid),
        )
    _fresh_process_view()
    with pytest.warns(CacheWarning):
        assert data(5)["n"] == 5
    assert not proof.exists()
    assert calls == [5, 5]


def test_a_row_pointing_outside_the_folder_is_refused(cache_root, tmp_path):
    data, calls = _counter()
    data(5)
    folder = _app_dir(cache_root)
    outside = tmp_path / "victim.val"
    outside.write_bytes(b"precious")
    (rowid, *_rest) = _rows(folder)[0]
    with sqlite3.connect(folder / "cache.db") as db:
        db.execute("UPDATE Cache SET mode = 2, filename = ?, value = NULL WHERE rowid = ?", (str(outside), rowid))
    _fresh_process_view()
    with pytest.warns(CacheWarning):
        data(5)
    assert calls == [5, 5]
    assert outside.read_bytes() == b"precious"


def test_a_folder_owned_by_someone_else_is_refused_and_memory_still_works(cache_root, monkeypatch):
    data, calls = _counter()
    data(1)
    _fresh_process_view()
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 4242)
    with pytest.warns(CacheWarning, match="another user"):
        assert data(1)["n"] == 1
    assert calls == [1, 1]  # the disk entry was not trusted
    assert data(1)["n"] == 1
    assert calls == [1, 1]  # but the memory tier works


def test_a_deleted_cache_folder_means_recompute_and_a_warning(cache_root):
    import shutil

    data, calls = _counter()
    data(3)
    shutil.rmtree(cache_root)
    with pytest.warns(CacheWarning, match="removed"):
        assert data(3)["n"] == 3
    assert calls == [3, 3]
    _fresh_process_view()
    assert data(3)["n"] == 3  # stored again in the new folder
    assert calls == [3, 3]


def test_a_corrupted_database_is_moved_aside(cache_root):
    data, calls = _counter()
    data(3)
    _fresh_process_view()
    folder = _app_dir(cache_root)
    for name in ("cache.db-wal", "cache.db-shm"):
        (folder / name).unlink(missing_ok=True)
    (folder / "cache.db").write_bytes(b"this is not a database" * 100)
    with pytest.warns(CacheWarning):
        assert data(3)["n"] == 3
    assert calls == [3, 3]
    _fresh_process_view()
    assert data(3)["n"] == 3
    assert calls == [3, 3]


def test_a_full_disk_keeps_the_value_in_memory_with_a_warning(cache_root, monkeypatch):
    data, calls = _counter()
    data(1)  # open the store

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_disk.DiskTier, "write", full)
    with pytest.warns(CacheWarning, match="full"):
        assert data(2)["n"] == 2
    assert data(2)["n"] == 2
    assert calls == [1, 2]


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_a_restarted_process_reads_entries_from_disk(cache_root, tmp_path):
    script = tmp_path / "app.py"
    script.write_text(
        textwrap.dedent(
            """
            import sys
            import pandas as pd
            import termlit as st

            @st.cache_data
            def load(n):
                print("computed", file=sys.stderr)
                return pd.DataFrame({"a": range(n), "s": [str(i) for i in range(n)]})

            print(int(load(1000)["a"].sum()))
            """
        )
    )
    env = {"TERMLIT_CACHE_DIR": str(cache_root)}
    first = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env={**os.environ, **env}, timeout=60)
    second = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env={**os.environ, **env}, timeout=60)
    assert first.stdout.strip() == second.stdout.strip() == str(sum(range(1000)))
    assert "computed" in first.stderr
    assert "computed" not in second.stderr and "Warning" not in second.stderr


def test_processes_sharing_a_folder_do_not_corrupt_it(cache_root, tmp_path):
    script = tmp_path / "worker.py"
    script.write_text(
        textwrap.dedent(
            """
            import termlit as st

            @st.cache_data(max_entries=30)
            def f(i):
                return [i] * 2000

            bad = 0
            for round in range(3):
                for i in range(40):
                    bad += f(i) != [i] * 2000
            print(bad)
            """
        )
    )
    env = {**os.environ, "TERMLIT_CACHE_DIR": str(cache_root)}
    procs = [
        subprocess.Popen([sys.executable, "-W", "error::Warning", str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(3)
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    for out, err in outputs:
        assert out.strip() == "0", err
    assert cache_cli(["info"]) == 0


def test_cache_cli_info_and_clear(cache_root, tmp_path, capsys):
    script = tmp_path / "myapp.py"
    script.write_text("import termlit as st\n")
    for app in (script, None):
        store = _store.store_for(app)
        from termlit.caching._codec import encode
        from termlit.caching._store import Entry

        store.put("data-x:1", Entry("data-x", None, [], 1, None, lambda v: v, 10), pickle.dumps(("c", None, [])), encode(1)[0], None, None, "f")
    capsys.readouterr()
    assert cache_cli(["info"]) == 0
    out = capsys.readouterr().out
    assert str(script.resolve()) in out and str(cache_root) in out
    assert "total: 2 entries" in out

    assert cache_cli(["clear", str(script)]) == 0
    assert "cleared 1 entries" in capsys.readouterr().out
    cache_cli(["info"])
    assert "total: 1 entries" in capsys.readouterr().out

    assert cache_cli(["clear", "nothere.py"]) == 1
    assert "no cached data" in capsys.readouterr().err

    assert cache_cli(["clear"]) == 0
    cache_cli(["info"])
    assert "total: 0 entries" in capsys.readouterr().out
    assert cache_cli(["bogus"]) == 2


def test_clearing_from_another_process_empties_the_memory_tier_too(cache_root):
    data, calls = _counter()
    data(4)
    data(4)
    assert calls == [4]
    assert cache_cli(["clear"]) == 0  # as `termlit cache clear` would, from outside
    data(4)
    assert calls == [4, 4]


def test_a_root_others_can_write_to_is_refused(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(shared))
    data, calls = _counter()
    with pytest.warns(CacheWarning, match="written by other users"):
        data(1)
    data(1)
    assert calls == [1]
    assert not (shared / "termlit.key").exists()


def test_a_readable_root_is_used_but_left_as_it_is(tmp_path, monkeypatch):
    home_like = tmp_path / "mine"
    home_like.mkdir()
    home_like.chmod(0o755)
    monkeypatch.setenv("TERMLIT_CACHE_DIR", str(home_like))
    data, calls = _counter()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data(1)
    assert home_like.stat().st_mode & 0o777 == 0o755
    assert (home_like / "apps").stat().st_mode & 0o777 == 0o700


def test_the_size_limit_evicts_the_oldest_entries(monkeypatch):
    monkeypatch.setenv("TERMLIT_CACHE_SIZE_LIMIT", "600kB")
    calls = []

    @st.cache_data
    def blob(i):
        calls.append(i)
        return os.urandom(100_000)

    for i in range(20):
        blob(i)
    _fresh_process_view()
    blob(19)
    assert len(calls) == 20  # the newest is still on disk
    blob(0)
    assert len(calls) == 21  # the oldest was evicted to stay under the limit


def test_inside_a_run_a_cache_warning_is_also_shown_in_the_app(cache_root, tmp_path):
    from termlit.testing import AppTest

    app = tmp_path / "app.py"
    app.write_text(
        textwrap.dedent(
            """
            import termlit as st

            @st.cache_data
            def numbers():
                return list(range(100))

            st.markdown(f"sum {sum(numbers())}")
            """
        )
    )
    AppTest.from_file(str(app)).run()
    _fresh_process_view()
    folder = _app_dir(cache_root)
    (rowid, _key, _mode, _filename, value) = _rows(folder)[0]
    with sqlite3.connect(folder / "cache.db") as db:
        db.execute("UPDATE Cache SET value = ? WHERE rowid = ?", (value[:-1] + b"\x00", rowid))
    with pytest.warns(CacheWarning):
        at = AppTest.from_file(str(app)).run()
    assert at.markdown[0].value == "sum 4950"
    assert not at.exception
    assert any("tampered" in toast.props["body"] for toast in at.get("toast"))


def test_the_termlit_cache_command(cache_root):
    data, _ = _counter()
    data(1)
    env = {**os.environ, "TERMLIT_CACHE_DIR": str(cache_root)}
    info = subprocess.run([sys.executable, "-m", "termlit", "cache", "info"], capture_output=True, text=True, env=env, timeout=60)
    assert info.returncode == 0 and "total: 1 entries" in info.stdout
    cleared = subprocess.run([sys.executable, "-m", "termlit", "cache", "clear"], capture_output=True, text=True, env=env, timeout=60)
    assert cleared.returncode == 0 and "cleared 1 entries" in cleared.stdout
