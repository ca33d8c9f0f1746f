"""pytest plugin: snapshot tests of termlit apps.

Registered through the ``pytest11`` entry point, so installing termlit is
enough::

    def test_hello(termlit_snapshot):
        assert termlit_snapshot("examples/hello.py", press=["tab", "right"])

Each snapshot is two files under the project's ``snapshots/`` folder:
``NAME.txt`` (the screen as text, what is compared) and ``NAME.svg`` (the
same screen as a picture, for review). ``pytest --snapshot-update`` writes
them; a mismatch fails with a diff of the text and names the SVG of what the
app shows now (``NAME.actual.svg``).
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
        """``mask``: regular expressions for parts of the screen that change
        from run to run (timings, clocks); they are compared as '…'."""
        from termlit.testing.snapshot import apply_masks, snapshot_name, take_snapshot, text_diff

        path = Path(app)
        if not path.is_absolute():
            path = config.rootpath / path
        name = name or snapshot_name(path, press)
        shot = take_snapshot(path, size=size, press=press, timeout=timeout)
        shot.text = apply_masks(shot.text, mask)
        text_file, svg_file = folder / f"{name}.txt", folder / f"{name}.svg"
        actual_text, actual_svg = folder / f"{name}.actual.txt", folder / f"{name}.actual.svg"
        if update:
            folder.mkdir(parents=True, exist_ok=True)
            text_file.write_text(shot.text + "\n", encoding="utf-8")
            svg_file.write_text(shot.svg, encoding="utf-8")
            actual_text.unlink(missing_ok=True)
            actual_svg.unlink(missing_ok=True)
            return True
        if not text_file.exists():
            folder.mkdir(parents=True, exist_ok=True)
            actual_text.write_text(shot.text + "\n", encoding="utf-8")
            actual_svg.write_text(shot.svg, encoding="utf-8")
            pytest.fail(
                f"No snapshot {text_file} yet. Look at {actual_svg}; if it is right, "
                "run pytest --snapshot-update to keep it.",
                pytrace=False,
            )
        expected = text_file.read_text(encoding="utf-8").rstrip("\n")
        if expected == shot.text:
            actual_text.unlink(missing_ok=True)
            actual_svg.unlink(missing_ok=True)
            return True
        actual_text.write_text(shot.text + "\n", encoding="utf-8")
        actual_svg.write_text(shot.svg, encoding="utf-8")
        pytest.fail(
            f"{name}: the screen differs from its snapshot.\n\n"
            f"{text_diff(expected, shot.text, name)}\n\n"
            f"What the app shows now: {actual_svg}\n"
            f"The snapshot: {svg_file}\n"
            "If the change is intended, run pytest --snapshot-update.",
            pytrace=False,
        )
        return False

    return check
