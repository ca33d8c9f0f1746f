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

__all__ = ["figure_pictures", "image", "logo", "missing_extra", "pyplot"]


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
    # Where each picture is, as Streamlit reports it: a URL as given, else the media path of its pixels.
    urls = tuple(
        s if isinstance(s, str) and s.startswith(("http://", "https://", "data:")) else f"/media/{p.key}.png"
        for s, p in zip(sources, pictures)
    )
    return emit("image", {"pictures": pictures, "width": shown, "alt": alt, "urls": urls})[1]


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


def _agg(figure: Any, dpi: float | None = None) -> Any:
    """The figure drawn by Agg on a canvas of its own, as a Pillow image.

    No pyplot state is read or changed: the figure's own canvas (and dpi)
    are put back afterwards."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # lazy: matplotlib is an optional extra
    from PIL import Image  # lazy: Pillow loads with the first picture

    canvas_before, dpi_before = figure.canvas, figure.dpi
    try:
        canvas = FigureCanvasAgg(figure)
        if dpi is not None:
            figure.dpi = dpi
        canvas.draw()
        width, height = canvas.get_width_height()
        return Image.frombuffer("RGBA", (width, height), bytes(canvas.buffer_rgba()), "raw", "RGBA", 0, 1)
    finally:
        figure.dpi = dpi_before
        figure.set_canvas(canvas_before)


def _words(figure: Any) -> str:
    """The figure's titles and axes as one line of text: what the cells
    cannot spell (``Sales · x: day 0–30 · y: units 0–120``)."""
    parts = []
    suptitle = getattr(figure, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        parts.append(suptitle.get_text())
    for axes in figure.get_axes():
        title = axes.get_title() or axes.get_title("left") or axes.get_title("right")
        if title:
            parts.append(title)
        for name, label, limits in (("x", axes.get_xlabel(), axes.get_xlim()), ("y", axes.get_ylabel(),
                                                                                 axes.get_ylim())):
            span = f"{limits[0]:.3g}–{limits[1]:.3g}"
            parts.append(f"{name}: {label} {span}" if label else f"{name}: {span}")
    return " · ".join(parts)


def figure_pictures(figure: Any) -> tuple[Picture, Picture]:
    """The figure for pixel terminals (Agg at the figure's own dpi) and for
    cells: drawn without its text, which is too small for half blocks to
    spell, and with the titles and axes written out as its caption."""
    full = picture_from_image(_agg(figure), None, "matplotlib figure")
    texts = [t for t in figure.findobj(lambda artist: artist.__class__.__name__ in ("Text", "Annotation"))
             if t.get_visible() and t.get_text()]
    for text in texts:
        text.set_visible(False)
    try:
        bare = _agg(figure)
    finally:
        for text in texts:
            text.set_visible(True)
    return full, picture_from_image(bare, _words(figure) or None, "matplotlib figure")


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
    full, cells = figure_pictures(fig)
    if kwargs:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", **kwargs)
        shot = picture(buffer.getvalue())
        full = Picture(shot.key, shot.image, None, "matplotlib figure")
    if clear_figure:
        fig.clear()
    return emit("image", {"pictures": (full,), "cell_pictures": (cells,), "width": shown, "alt": alt})[1]
