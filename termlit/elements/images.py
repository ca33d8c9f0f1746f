"""Pictures: ``st.image``, ``st.logo`` and ``st.pyplot``.

Each call turns what it is given into :class:`~termlit.common.images.Picture`
values (Pillow images with a key made from their pixels) during the run;
the terminal UI sizes and encodes them. Pillow and matplotlib load only when
a script calls these.
"""

from __future__ import annotations

import io
from importlib.util import find_spec
from typing import Any

from termlit.common.images import Picture, picture, picture_from_image
from termlit.elements._checks import check_size
from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.errors import StreamlitAPIException

__all__ = ["figure_picture", "image", "logo", "missing_extra", "pyplot"]


def missing_extra(call: str, package: str, extra: str) -> StreamlitAPIException:
    """The error for a call whose optional package is not installed."""
    return StreamlitAPIException(
        f"{call} needs {package}, which is not installed: pip install \"termlit-tui[{extra}]\" (or pip install {package})."
    )


def _width(where: str, width: Any, use_container_width: Any) -> Any:
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    check_size(where, "width", width, ("stretch", "content"))
    return "content" if width is None else width


@api
def image(
    image: Any,
    caption: Any = None,
    width: Any = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: Any = None,
) -> DeltaGenerator:
    """Show an image or a list of images (laid out in a row that wraps).

    ``image``: a Pillow image, a numpy array (grey, RGB or RGBA; floats in
    0..1, clipped with ``clamp=True``; ``channels="BGR"`` for OpenCV), bytes,
    a file path, a URL (a placeholder names it when it cannot be fetched), an
    SVG string, or a list of those with a list of ``caption``. ``width`` is
    ``"content"`` (its own size, at most the container), ``"stretch"`` or
    pixels; ``output_format`` and ``link`` are accepted and not used."""
    if use_column_width is not None and use_container_width is None:
        use_container_width = bool(use_column_width) and use_column_width != "never"
    where = "st.image"
    shown = _width(where, width, use_container_width)
    many = isinstance(image, (list, tuple)) and not _is_pixel_row(image)
    sources = list(image) if many else [image]
    if isinstance(caption, (list, tuple)):
        captions = [None if c is None else str(c) for c in caption]
        if len(captions) != len(sources):
            raise StreamlitAPIException(f"{where}: cannot pair {len(captions)} captions with {len(sources)} images.")
    else:
        captions = [None if caption is None else str(caption)] * len(sources)
    pictures = tuple(picture(s, c, clamp=clamp, channels=channels) for s, c in zip(sources, captions))
    return emit("image", {"pictures": pictures, "width": shown, "alt": alt})[1]


def _is_pixel_row(value: Any) -> bool:
    """A nested list of numbers is one image's pixels, not a list of images."""
    first = value[0] if len(value) else None
    return isinstance(first, (list, tuple)) and (not first or isinstance(first[0], (int, float, list, tuple)))


@api
def logo(image: Any, *, size: str = "medium", link: str | None = None, icon_image: Any = None) -> None:
    """Show a logo at the left of the top bar (one line high)."""
    if size not in ("small", "medium", "large"):
        raise StreamlitAPIException(f'st.logo: size must be "small", "medium" or "large"; got {size!r}.')
    emit("logo", {"pictures": (picture(image),), "size": size, "link": link})


def figure_picture(figure: Any) -> Picture:
    """A matplotlib figure drawn by the Agg renderer, as a picture.

    The figure is drawn on an Agg canvas of its own, whatever backend pyplot
    uses: no pyplot state is read or changed (the figure's own canvas is put
    back afterwards)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # lazy: matplotlib is an optional extra
    from PIL import Image  # lazy: Pillow loads with the first picture

    canvas_before = figure.canvas
    try:
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        buffer = canvas.buffer_rgba()
        rendered = Image.frombuffer("RGBA", canvas.get_width_height(), bytes(buffer), "raw", "RGBA", 0, 1)
    finally:
        figure.set_canvas(canvas_before)
    return picture_from_image(rendered, None, "matplotlib figure")


@api
def pyplot(
    fig: Any = None,
    clear_figure: bool | None = None,
    *,
    width: Any = "stretch",
    use_container_width: bool | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> DeltaGenerator:
    """Show a matplotlib figure (drawn with Agg when called). Without ``fig``,
    pyplot's current figure, cleared afterwards unless ``clear_figure=False``
    (as in Streamlit); a figure you pass is kept unless ``clear_figure=True``.
    ``kwargs`` go to ``savefig`` (``dpi``, ``facecolor``...)."""
    if find_spec("matplotlib") is None:
        raise missing_extra("st.pyplot", "matplotlib", "pictures")
    shown = _width("st.pyplot", width, use_container_width)
    if fig is None:
        import matplotlib.pyplot as plt  # lazy: only for the implicit current figure

        fig = plt.gcf()
        clear_figure = True if clear_figure is None else clear_figure
    if kwargs:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", **kwargs)
        shot = picture(buffer.getvalue())
        shot = Picture(shot.key, shot.image, None, "matplotlib figure")
    else:
        shot = figure_picture(fig)
    if clear_figure:
        fig.clear()
    return emit("image", {"pictures": (shot,), "width": shown, "alt": alt})[1]
