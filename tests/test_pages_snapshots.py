"""Snapshots of the multipage examples: the first page, a page picked with
ctrl+p, and an app made of a pages/ folder at 80 columns."""

from __future__ import annotations

import pytest

SHOTS = [
    ("multipage", "examples/multipage/streamlit_app.py", [], (100, 30)),
    ("multipage-picker", "examples/multipage/streamlit_app.py", ["ctrl+p"], (100, 30)),
    ("multipage-stock", "examples/multipage/streamlit_app.py", ["ctrl+p", *"stock", "enter"], (100, 30)),
    ("pages_folder", "examples/pages_folder/app.py", [], (80, 24)),
]


@pytest.mark.parametrize(("name", "app", "press", "size"), SHOTS, ids=[shot[0] for shot in SHOTS])
def test_multipage_example_matches_its_snapshot(termlit_snapshot, name, app, press, size):
    assert termlit_snapshot(app, press=press, size=size, name=name)
