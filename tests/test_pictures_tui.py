"""Pictures in the running app: tiers, full screen, the logo, thumbnails in
a row's detail, and no redraw on an unchanged rerun."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from conftest import run_async, running, settle
from PIL import Image
from textual.drivers.headless_driver import HeadlessDriver

from termlit.testing.screen import screen_text
from termlit.tui.images import render
from termlit.tui.images.protocols import PLACEHOLDER
from termlit.tui.images.tiers import Tier
from termlit.tui.widgets._image import FullScreenPicture, ImageView, PictureCanvas

IMAGES = """
import numpy as np
import termlit as st
st.title("Pictures")
st.image(np.full((40, 80, 3), [250, 120, 30], dtype=np.uint8), caption="orange")
st.image(np.full((40, 40, 3), [20, 90, 250], dtype=np.uint8), caption="blue")
st.button("Again")
"""


@pytest.fixture
def written(monkeypatch):
    """What the app writes to its (headless) terminal."""
    chunks: list[str] = []
    monkeypatch.setattr(HeadlessDriver, "write", lambda self, data: chunks.append(data))
    return chunks


def test_a_headless_app_draws_half_blocks_and_writes_no_graphics(write_app, written):
    async def scenario():
        async with running(write_app(IMAGES)) as (app, pilot):
            assert app.graphics.tier is Tier.BLOCKS
            text = screen_text(app)
            assert "▀" * 10 in text and "orange" in text and "blue" in text
            assert not any("\x1b_G" in chunk or "\x1bP" in chunk for chunk in written)

    run_async(scenario())


def test_the_kitty_tier_sends_each_picture_once_and_shows_placeholders(write_app, written):
    async def scenario():
        async with running(write_app(IMAGES), images="kitty") as (app, pilot):
            sends = [chunk for chunk in written if chunk.startswith("\x1b_Ga=T,U=1,f=100")]
            assert len(sends) == 2
            (first,) = [chunk for chunk in sends if "c=8,r=2" in chunk]  # 80 x 40 pixels at 10 x 20 a cell
            payload = first.split(";", 1)[1].split("\x1b\\")[0]
            assert Image.open(io.BytesIO(base64.b64decode(payload))).size == (80, 40)
            assert PLACEHOLDER in screen_text(app)
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert len([c for c in written if c.startswith("\x1b_Ga=T")]) == 2  # sent already: not again

    run_async(scenario())


def test_the_sixel_tier_writes_the_pixels_at_the_pictures_corner(write_app):
    async def scenario():
        async with running(write_app(IMAGES), images="sixel") as (app, pilot):
            view = app.query(ImageView).first()
            last = view.placed[0].rows - 1
            segments = list(view.render_line(last))
            control = segments[0].text
            region = view.region
            assert control.startswith(f"\x1b7\x1b[{region.y + 1};{region.x + 1}H\x1bPq")
            assert control.endswith("\x1b\\\x1b8")
            assert segments[0].control  # takes no cells

    run_async(scenario())


def test_the_text_tier_names_the_picture(write_app):
    async def scenario():
        async with running(write_app(IMAGES), images="text") as (app, pilot):
            text = screen_text(app)
            assert "[image: orange, array, 80×40]" in text and "▀" not in text

    run_async(scenario())


def test_enter_opens_a_picture_full_screen_and_esc_closes_it(write_app):
    async def scenario():
        async with running(write_app(IMAGES), size=(80, 24)) as (app, pilot):
            await pilot.press("tab")
            await settle(pilot)
            assert isinstance(app.focused, ImageView)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, FullScreenPicture)
            canvas = app.screen.query_one("#full")
            assert canvas.placed[0].cols == 80 and canvas.drawn
            assert "orange · array · 80×40" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, FullScreenPicture)

    run_async(scenario())


def test_an_unchanged_rerun_draws_nothing_again(write_app):
    async def scenario():
        async with running(write_app(IMAGES)) as (app, pilot):
            encoded = render.stats.encoded
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert app.applied_runs == 2 and render.stats.encoded == encoded

    run_async(scenario())


def test_the_logo_shows_in_the_top_bar(write_app):
    path = write_app(
        """
        import numpy as np
        import termlit as st
        st.logo(np.full((10, 40, 3), [255, 0, 0], dtype=np.uint8))
        st.write("body")
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            top = screen_text(app).splitlines()[0]
            assert top.lstrip().startswith("▀" * 8 + " termlit")  # 40 x 10 pixels in one line: 8 cells

    run_async(scenario())


def test_an_image_column_shows_a_thumbnail_in_the_row_detail(write_app):
    buffer = io.BytesIO()
    Image.fromarray(np.full((16, 32, 3), 200, dtype=np.uint8)).save(buffer, format="PNG")
    uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    path = write_app(
        f"""
        import pandas as pd
        import termlit as st
        df = pd.DataFrame({{"name": ["grey"], "picture": ["{uri}"]}})
        st.dataframe(df, column_config={{"picture": st.column_config.ImageColumn("Picture")}})
        """
    )

    async def scenario():
        async with running(path) as (app, pilot):
            await pilot.press("tab", "enter")
            await settle(pilot)
            (canvas,) = app.screen.query(PictureCanvas)
            assert canvas.drawn and canvas.placed[0].picture.size == (32, 16)
            assert "▀▀▀▀" in screen_text(app)

    run_async(scenario())


def test_while_the_terminal_answers_its_keys_never_reach_the_page(write_app, monkeypatch):
    from termlit.tui.images.probe import TerminalProbe

    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")

    async def scenario():
        async with running(write_app(IMAGES)) as (app, pilot):
            app._graphics._probe = TerminalProbe()  # as on a real terminal, just after start
            await pilot.press("left_square_bracket", "question_mark", "6", "2", "semicolon", "4", "c")
            await settle(pilot)
            assert type(app.screen).__name__ == "PageScreen"  # "?" did not open the key help
            assert app.graphics.tier is Tier.SIXEL
            await pilot.press("question_mark")  # the probe is over: keys work again
            await settle(pilot)
            assert type(app.screen).__name__ == "KeyHelp"

    run_async(scenario())
