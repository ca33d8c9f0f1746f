"""Shared helpers: build an app from source text and drive it with Pilot."""

from __future__ import annotations

import asyncio
import textwrap
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """No test writes to the user's real st.cache_data folder."""
    import os

    os.environ.setdefault("TERMLIT_CACHE_DIR", str(tmp_path_factory.mktemp("termlit-cache")))
    yield


@pytest.fixture(autouse=True)
def _secrets_masked_only_in_their_own_test():
    """A secret a test hands an app (``at.secrets["password"] = "streamlit"``)
    is masked in every later message of the process; forget it after the
    test, so that no test's messages depend on the tests before it."""
    from termlit.common import masking

    saved = (set(masking._values), masking._ordered)
    yield
    with masking._lock:
        masking._values.clear()
        masking._values.update(saved[0])
        masking._ordered = saved[1]


EXAMPLES = ROOT / "examples"


def write_file(path: Path, text: str) -> Path:
    """Write a (dedented) file and make sure its mtime moves, so a reload is seen."""
    import os

    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.stat().st_mtime_ns if path.exists() else None
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    if old is not None:
        bumped = max(path.stat().st_mtime_ns, old + 10_000_000)
        os.utime(path, ns=(bumped, bumped))
    return path


@pytest.fixture
def write_app(tmp_path):
    """Write a script into a temp folder and return its path."""

    def write(source: str, name: str = "app.py") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(source), encoding="utf-8")
        return path

    return write


@asynccontextmanager
async def running(path: Path, size: tuple[int, int] = (100, 30), **kwargs):
    """Run the real TermlitApp headless on ``path``; yield (app, pilot) after
    the first run is on screen."""
    from termlit.runtime import ScriptRunner, ScriptSource
    from termlit.tui.app import TermlitApp

    runner = ScriptRunner(ScriptSource(path), main_module=False)
    notifications = kwargs.pop("notifications", False)  # toasts on screen (Textual turns them off in tests)
    app = TermlitApp(runner, watch=kwargs.pop("watch", False), still=True, **kwargs)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await settle(pilot)
        yield app, pilot


async def settle(pilot, timeout: float = 10.0) -> None:
    """Wait until the rerun caused by the last input is on screen."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while not app.settled:
        if loop.time() > deadline:
            raise TimeoutError("the app did not finish its rerun in time")
        await pilot.pause(0.01)
    await pilot.pause()


async def wait_for_text(pilot, needle: str, tries: int = 500) -> str:
    """The screen's text once ``needle`` is on it (polled every 10 ms)."""
    from termlit.testing.screen import screen_text

    for _ in range(tries):
        await pilot.pause(0.01)
        text = screen_text(pilot.app)
        if needle in text:
            return text
    raise AssertionError(f"{needle!r} never appeared:\n{screen_text(pilot.app)}")


def run_async(coro):
    return asyncio.run(coro)


#: Test files that run the examples (their apps write caches, databases and
#: saved files beside them, and the storms remove what appeared there).
_RUN_EXAMPLES = {path.name for path in Path(__file__).parent.glob("test_*.py")
                 if "examples" in path.read_text(encoding="utf-8").lower()}


#: The files that drive the real ``termlit run`` on the examples in a
#: terminal: one worker of their own (the others' examples run in-process).
_IN_A_TERMINAL = {"test_storm.py", "test_bursts.py", "test_e2e.py"}


def pytest_itemcollected(item):
    """Under ``pytest -n`` (the default: ``-n auto --dist loadgroup``) each
    file's tests run in one worker, in order, as in a plain run (module
    fixtures start one server; the Redis and PostgreSQL tests do not meet
    themselves in another worker); the files that run the examples in a
    terminal share one worker, and those that run them in-process another."""
    # Marked as each test is collected: xdist reads the groups when the
    # collection is modified, whatever order the plugins' hooks run in.
    name = item.path.name
    group = ("terminal" if name in _IN_A_TERMINAL else "examples" if name in _RUN_EXAMPLES else name)
    item.add_marker(pytest.mark.xdist_group(group))
