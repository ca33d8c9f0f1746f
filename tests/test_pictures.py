"""Pictures: what st.image takes, the tiers, the encoders (half blocks,
kitty, sixel), the cache, and asking the terminal."""

from __future__ import annotations

import base64
import io
import re
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from termlit.common.images import picture
from termlit.errors import StreamlitAPIException
from termlit.testing import AppTest
from termlit.tui.images import protocols, render
from termlit.tui.images.cells import blocks, palette_blocks
from termlit.tui.images.probe import QUERY, TerminalProbe
from termlit.tui.images.session import SessionGraphics
from termlit.tui.images.tiers import Graphics, Tier, choose_tier, tier_override


def pixels(shot) -> np.ndarray:
    return np.asarray(shot.image.convert("RGBA"))


def png_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG")
    return buffer.getvalue()


# -- what st.image takes ---------------------------------------------------------------


def test_arrays_grey_rgb_rgba_float_clamp_and_bgr():
    grey = picture(np.full((4, 6), 200, dtype=np.uint8))
    assert grey.size == (6, 4) and tuple(pixels(grey)[0, 0]) == (200, 200, 200, 255)
    rgba = picture(np.zeros((2, 2, 4), dtype=np.uint8))
    assert pixels(rgba)[0, 0, 3] == 0
    half = picture(np.full((2, 2, 3), 0.5))
    assert tuple(pixels(half)[0, 0, :3]) == (128, 128, 128)
    with pytest.raises(StreamlitAPIException, match="clamp=True"):
        picture(np.full((2, 2, 3), 1.5))
    clipped = picture(np.full((2, 2, 3), 1.5), clamp=True)
    assert tuple(pixels(clipped)[0, 0, :3]) == (255, 255, 255)
    bgr = np.zeros((1, 1, 3), dtype=np.uint8)
    bgr[0, 0] = (255, 0, 0)  # blue, in OpenCV's order
    assert tuple(pixels(picture(bgr, channels="BGR"))[0, 0, :3]) == (0, 0, 255)
    with pytest.raises(StreamlitAPIException, match="shape"):
        picture(np.zeros((2, 2, 2)))


def test_bytes_paths_and_data_uris_read_the_same_pixels(tmp_path):
    array = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)
    data = png_bytes(array)
    path = tmp_path / "tile.png"
    path.write_bytes(data)
    uri = "data:image/png;base64," + base64.b64encode(data).decode()
    keys = {picture(data).key, picture(str(path)).key, picture(path).key, picture(uri).key, picture(array).key}
    assert len(keys) == 1
    assert picture(str(path)).source == "PNG tile.png"


def test_a_url_that_cannot_be_reached_is_a_placeholder_naming_it():
    shot = picture("http://127.0.0.1:9/cat.png")  # port 9 (discard) refuses at once
    assert shot.image is None and shot.source == "http://127.0.0.1:9/cat.png"
    assert "could not be read" in shot.problem
    at = AppTest.from_string('import termlit as st\nst.image("http://127.0.0.1:9/cat.png")\nst.write("after")').run()
    assert not at.exception and at.markdown[0].value == "after"


def test_svg_is_rasterised_when_a_rasteriser_is_installed_else_named():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="red"/></svg>'
    shot = picture(svg)
    try:
        import vl_convert  # noqa: F401
    except ImportError:
        assert shot.image is None and "SVG" in shot.problem
    else:
        assert shot.size == (20, 10) and tuple(pixels(shot)[5, 10, :3]) == (255, 0, 0)


def test_st_image_lists_captions_and_widths():
    at = AppTest.from_string(
        """
        import numpy as np
        import termlit as st
        st.image([np.zeros((4, 4), dtype=np.uint8)] * 3, caption=["a", "b", "c"], width=120)
        st.image(np.zeros((4, 4), dtype=np.uint8), use_container_width=True)
        """
    ).run()
    first, second = at.get("image")
    assert [p.caption for p in first.props["pictures"]] == ["a", "b", "c"] and first.props["width"] == 120
    assert second.props["width"] == "stretch"
    bad = AppTest.from_string(
        "import numpy as np\nimport termlit as st\nst.image([np.zeros((2, 2))] * 2, caption=['one'])"
    ).run()
    assert "cannot pair 1 captions with 2 images" in bad.exception[0].value


def test_the_same_pixels_on_a_rerun_are_equal_props_so_nothing_redraws():
    from termlit.tui.widgets._base import props_changed

    script = "import numpy as np\nimport termlit as st\nst.image(np.full((8, 8, 3), 7, dtype=np.uint8))"
    first = AppTest.from_string(script).run().get("image")[0].props
    second = AppTest.from_string(script).run().get("image")[0].props
    assert first["pictures"][0].image is not second["pictures"][0].image
    assert not props_changed(first, second)


# -- encoders ----------------------------------------------------------------------------


def test_half_blocks_put_the_top_pixel_in_front_and_the_bottom_one_behind():
    image = Image.fromarray(np.array([[[255, 0, 0, 255]], [[0, 0, 255, 255]]], dtype=np.uint8))
    (strip,) = blocks(image, (0, 0, 0))
    (segment,) = list(strip)
    assert segment.text == "▀"
    assert segment.style.color.triplet == (255, 0, 0) and segment.style.bgcolor.triplet == (0, 0, 255)


def test_clear_pixels_are_blank_and_half_clear_ones_blend_with_the_background():
    image = Image.fromarray(np.array([[[0, 0, 0, 0], [200, 200, 200, 128]], [[0, 0, 0, 0], [200, 200, 200, 128]]],
                                     dtype=np.uint8))
    (strip,) = blocks(image, (0, 0, 0))
    first, second = list(strip)
    assert first.text == " " and first.style is None
    assert second.style.color.triplet == (100, 100, 100)


def test_sixteen_colours_use_only_the_ansi_numbers():
    ramp = np.linspace(0, 255, 32 * 8 * 3).reshape(8, 32, 3).astype(np.uint8)
    image = Image.fromarray(ramp).convert("RGBA")
    numbers = {seg.style.color.number for strip in palette_blocks(image, (0, 0, 0), 16) for seg in strip}
    assert numbers <= set(range(16)) and len(numbers) > 2
    numbers_256 = {seg.style.color.number for strip in palette_blocks(image, (0, 0, 0), 256) for seg in strip}
    assert numbers_256 <= set(range(16, 256))


def test_kitty_sends_the_png_once_with_a_virtual_placement_and_draws_placeholders():
    small = Image.fromarray(np.full((20, 30, 4), 90, dtype=np.uint8))
    escape = protocols.kitty_transmit(small, 4242, 3, 1)
    head, payload = re.fullmatch(r"\x1b_G([^;]*);([A-Za-z0-9+/=]*)\x1b\\", escape).groups()
    assert head == "a=T,U=1,f=100,t=d,i=4242,c=3,r=1,q=2,m=0"
    assert Image.open(io.BytesIO(base64.b64decode(payload))).size == (30, 20)
    strips = protocols.kitty_placeholders(4242, 3, 2)
    texts = ["".join(seg.text for seg in strip) for strip in strips]
    assert texts[0] == "\U0010eeee\u0305\u0305\U0010eeee\U0010eeee"  # row 0, column 0, then the next columns
    assert texts[1].startswith("\U0010eeee\u030d\u0305")  # row 1
    color = list(strips[0])[0].style.color.triplet
    assert (color.red << 16 | color.green << 8 | color.blue) == 4242
    assert all(strip.cell_length == 3 for strip in strips)


def test_a_big_kitty_picture_goes_in_4096_byte_chunks():
    rng = np.random.default_rng(0)
    noisy = Image.fromarray(rng.integers(0, 255, (80, 80, 4), dtype=np.uint8))
    parts = re.findall(r"\x1b_G([^;]*);([^\x1b]*)\x1b\\", protocols.kitty_transmit(noisy, 7, 8, 4))
    assert len(parts) > 2 and parts[0][0].endswith("m=1") and parts[-1][0] == "m=0"
    assert all(len(chunk) == 4096 for _, chunk in parts[:-1])


def _decode_sixel(text: str) -> tuple[np.ndarray, dict[int, tuple[int, int, int]]]:
    """Color indices per pixel, read back from a sixel sequence."""
    body = text[text.index("q") + 1 : text.rindex("\x1b\\")]
    raster = re.match(r'"1;1;(\d+);(\d+)', body)
    width, height = int(raster.group(1)), int(raster.group(2))
    body = body[raster.end():]
    palette = {int(i): (int(r), int(g), int(b)) for i, r, g, b in re.findall(r"#(\d+);2;(\d+);(\d+);(\d+)", body)}
    body = re.sub(r"#\d+;2;\d+;\d+;\d+", "", body)
    out = np.full((height, width), -1)
    for band, line in enumerate(body.split("-")[:-1]):
        for part in line.split("$"):
            color, data = re.match(r"#(\d+)(.*)", part).groups()
            x = 0
            for count, ch in re.findall(r"(?:!(\d+))?([?-~])", data):
                bits = ord(ch) - 63
                for _ in range(int(count or 1)):
                    for row in range(6):
                        if bits >> row & 1 and band * 6 + row < height:
                            out[band * 6 + row, x] = int(color)
                    x += 1
    return out, palette


def test_sixel_writes_every_pixel_once_in_its_colour():
    array = np.zeros((8, 5, 4), dtype=np.uint8)
    array[..., 3] = 255
    array[:4, :, 0] = 255  # red top half
    array[4:, :, 2] = 255  # blue bottom half
    text = protocols.sixel(Image.fromarray(array), (0, 0, 0))
    assert text.startswith('\x1bPq"1;1;5;8') and text.endswith("\x1b\\")
    indices, palette = _decode_sixel(text)
    assert (indices >= 0).all()
    assert palette[indices[0, 0]] == (100, 0, 0) and palette[indices[7, 4]] == (0, 0, 100)


def test_fit_keeps_the_aspect_ratio_in_cells():
    graphics = Graphics()
    assert render.fit((200, 100), 40, 100, graphics, Tier.BLOCKS) == (40, 10)  # a cell is two pixels tall
    assert render.fit((200, 100), 40, 5, graphics, Tier.BLOCKS) == (20, 5)  # too tall: narrower
    assert render.fit((200, 100), 40, 100, Graphics(Tier.KITTY, 10, 20), Tier.KITTY) == (40, 10)


def test_a_drawing_is_cached_by_picture_size_and_tier():
    shot = picture(np.random.default_rng(1).integers(0, 255, (60, 90, 3), dtype=np.uint8))
    graphics = Graphics()
    before = (render.stats.hits, render.stats.encoded)
    first = render.draw(shot, 30, 10, graphics)
    again = render.draw(picture(np.asarray(shot.image)), 30, 10, graphics)  # same pixels, new objects
    assert again is first
    assert (render.stats.hits, render.stats.encoded) == (before[0] + 1, before[1] + 1)
    other = render.draw(shot, 30, 10, graphics, Tier.BLOCKS_16)
    assert other is not first and render.stats.encoded == before[1] + 2


# -- tiers and the terminal's answers --------------------------------------------------


def test_the_tier_rule():
    pick = dict(kitty=True, sixel=True, color_system="truecolor", no_color=False, in_tmux=False)
    assert choose_tier(**pick) is Tier.KITTY
    assert choose_tier(**{**pick, "kitty": False}) is Tier.SIXEL
    assert choose_tier(**{**pick, "in_tmux": True}) is Tier.BLOCKS
    assert choose_tier(**{**pick, "kitty": False, "sixel": False, "color_system": "256"}) is Tier.BLOCKS_256
    assert choose_tier(**{**pick, "kitty": False, "sixel": False, "color_system": "standard"}) is Tier.BLOCKS_16
    assert choose_tier(**{**pick, "no_color": True}) is Tier.TEXT
    assert choose_tier(**{**pick, "override": Tier.SIXEL, "in_tmux": True}) is Tier.SIXEL
    assert tier_override("halfblock") is Tier.BLOCKS and tier_override("auto") is None
    assert tier_override("nonsense") is None


def _keys(answer: str):
    """The key events Textual's input parser makes of a terminal's answer."""
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    return list(parser.feed(answer)) + list(parser.feed(""))


def test_the_probe_reads_answers_from_the_keys_textual_makes_of_them():
    probe = TerminalProbe()
    for event in _keys("\x1b_Gi=31;OK\x1b\\" + "\x1b[6;18;9t" + "\x1b[?62;4;22c"):
        probe.feed(event.character or "")
    assert probe.done
    answers = probe.answers()
    assert answers.kitty and answers.sixel and answers.cell == (9, 18)
    plain = TerminalProbe()
    for event in _keys("\x1b[?1;2c"):
        plain.feed(event.character or "")
    assert plain.done and not plain.answers().kitty and not plain.answers().sixel


class _FakeApp:
    """What SessionGraphics uses of an app: a driver, a console, timers."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self._driver = SimpleNamespace(write=self.written.append, flush=lambda: None)
        self.console = SimpleNamespace(color_system="truecolor")
        self.is_headless = False
        self.no_color = False
        self.graphics = Graphics()
        self.redraws = 0
        self.posted: list = []

    def post_message(self, message) -> bool:
        self.posted.append(message)
        return True

    def set_timer(self, delay, callback):
        return SimpleNamespace(stop=lambda: None)

    def pictures_changed(self) -> None:
        self.redraws += 1


def test_the_session_asks_through_the_driver_and_keeps_the_answers_from_the_page(monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    monkeypatch.setenv("TERM", "xterm-kitty")
    app = _FakeApp()
    session = SessionGraphics(app)
    app.graphics = session.start()
    assert app.written == [QUERY] and app.graphics.tier is Tier.BLOCKS
    events = _keys("\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[?62;4c")
    assert all(session.take(event) for event in events)
    assert app.graphics == Graphics(Tier.KITTY, 10, 20) and app.redraws == 1
    assert app.posted == []  # every key press was part of an answer
    after = _keys("q")[0]
    assert not session.take(after)  # the probe is over: keys reach the page again


def test_keys_typed_while_the_terminal_is_asked_reach_the_page_in_order(monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    app = _FakeApp()
    session = SessionGraphics(app)
    app.graphics = session.start()
    typed = _keys("ab")
    for event in typed[:1] + _keys("\x1b[6;20;10t") + typed[1:] + _keys("\x1b[?62;4c"):
        session.take(event)
    assert [event.character for event in app.posted] == ["a", "b"]


def test_keys_typed_at_a_terminal_that_never_answers_are_given_back(monkeypatch):
    monkeypatch.delenv("TMUX", raising=False)
    app = _FakeApp()
    session = SessionGraphics(app)
    app.graphics = session.start()
    for event in _keys("hello"):
        assert session.take(event)
    session.finish()  # the probe's timeout
    assert "".join(event.character for event in app.posted) == "hello"


def test_inside_tmux_the_answers_still_give_half_blocks(monkeypatch):
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    app = _FakeApp()
    session = SessionGraphics(app)
    app.graphics = session.start()
    for event in _keys("\x1b[?62;4c"):
        session.take(event)
    assert app.graphics.tier is Tier.BLOCKS


def test_a_headless_app_and_an_override_are_not_asked():
    app = _FakeApp()
    app.is_headless = True
    assert SessionGraphics(app).start().tier is Tier.BLOCKS and app.written == []
    app.is_headless = False
    assert SessionGraphics(app, "sixel").start().tier is Tier.SIXEL and app.written == []
    app.no_color = True
    assert SessionGraphics(app).start().tier is Tier.TEXT and app.written == []


def test_pyplot_without_matplotlib_names_the_extra(monkeypatch):
    import termlit.elements.images as images

    monkeypatch.setattr(images, "find_spec", lambda name: None)
    at = AppTest.from_string("import termlit as st\nst.pyplot()").run()
    assert 'pip install "termlit-tui[pictures]"' in at.exception[0].value
