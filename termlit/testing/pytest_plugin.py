"""pytest plugin: snapshot tests of termlit apps.

Registered through the ``pytest11`` entry point, so installing termlit is
enough::

    def test_hello(termlit_snapshot):
        termlit_snapshot("examples/hello.py", press=["tab", "right"])

Each snapshot is three files under the project's ``snapshots/`` folder:
``NAME.txt`` (the screen's text), ``NAME.styled.txt`` (the text with the
colours and attributes of every cell, see
:func:`termlit.testing.screen.render_styled`) and ``NAME.svg`` (the screen
as a picture, for review). Both text files are compared, so a change of
colour alone fails too. ``pytest --snapshot-update`` writes them; a mismatch
fails with a diff (of the text when the text changed, else of the styled
text) and names the files of what the app shows now (``NAME.actual.*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

__all__ = ["termlit_snapshot"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("termlit")
    group.addoption(
        "--snapshot-update",
        action="store_true",
        default=False,
        help="write termlit snapshots instead of comparing with them",
    )
    parser.addini("termlit_snapshot_dir", "folder of termlit snapshots (default: snapshots)", default="snapshots")


def _remove(paths: dict[str, Path]) -> None:
    for path in paths.values():
        path.unlink(missing_ok=True)


@pytest.fixture
def termlit_snapshot(request: pytest.FixtureRequest):
    """Compare an app's screen with its snapshot (see the module docstring)."""
    config = request.config
    folder = config.rootpath / config.getini("termlit_snapshot_dir")
    update = config.getoption("--snapshot-update")

    def check(
        app: str | Path,
        *,
        press: Sequence[str] = (),
        size: tuple[int, int] = (100, 30),
        name: str | None = None,
        timeout: float = 60.0,
        mask: Sequence[str] = (),
    ) -> bool:
        """True when the screen matches its snapshot (or was written, with
        ``--snapshot-update``); a mismatch fails the test. ``mask``: regular
        expressions for parts of the screen that change from run to run
        (timings, clocks); they are compared as '…'."""
        from termlit.testing.snapshot import (  # lazy: pytest loads this plugin in every session
            files,
            snapshot_name,
            take_snapshot,
            text_diff,
            write_files,
        )

        path = Path(app)
        if not path.is_absolute():
            path = config.rootpath / path
        name = name or snapshot_name(path, press)
        shot = take_snapshot(path, size=size, press=press, timeout=timeout).masked(mask)
        now = shot.contents()
        kept, actual = files(folder / name), files(folder / f"{name}.actual")
        if update:
            write_files(kept, now)
            _remove(actual)
            return True
        missing = [path for kind, path in kept.items() if kind != "svg" and not path.exists()]
        if missing:
            write_files(actual, now)
            pytest.fail(
                f"No snapshot {missing[0]} yet. Look at {actual['svg']}; if it is right, "
                "run pytest --snapshot-update to keep it.",
                pytrace=False,
            )
        expected = {kind: kept[kind].read_text(encoding="utf-8").rstrip("\n") for kind in ("text", "styled")}
        if expected["text"] == now["text"] and expected["styled"] == now["styled"]:
            _remove(actual)
            return True
        write_files(actual, now)
        if expected["text"] != now["text"]:
            what, diff = "the screen's text differs", text_diff(expected["text"], now["text"], name)
        else:
            what = "the screen's text is the same, but colours or styles differ"
            diff = text_diff(expected["styled"], now["styled"], f"{name}.styled")
        pytest.fail(
            f"{name}: {what} from its snapshot.\n\n{diff}\n\n"
            f"What the app shows now: {actual['svg']}\n"
            f"The snapshot: {kept['svg']}\n"
            "If the change is intended, run pytest --snapshot-update.",
            pytrace=False,
        )

    return check
