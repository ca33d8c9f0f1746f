"""Helpers for tests, as ``streamlit.testing.v1.util`` has them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from termlit.runtime.config import patch_options

__all__ = ["patch_config_options"]


@contextmanager
def patch_config_options(config_overrides: dict[str, Any]) -> Iterator[None]:
    """Options (``st.get_option``) take these values inside the block; works
    as a decorator too::

        with patch_config_options({"runner.magicEnabled": False}):
            at = AppTest.from_file("app.py").run()
    """
    with patch_options(config_overrides):
        yield
