"""Pictures as element data: whatever ``st.image`` takes, as one RGBA image
with a content key.

A :class:`Picture` holds a Pillow image and a key computed from its pixels,
so two runs that show the same pixels give equal pictures (and the screen
does not redraw them); a picture that could not be loaded holds a ``problem``
to show in its place instead. Pillow and numpy load on first use.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import xxhash

from termlit.errors import StreamlitAPIException

__all__ = ["Picture", "picture", "picture_from_image", "read_source", "fetch_url"]

#: How long ``st.image("https://...")`` waits for the server.
URL_TIMEOUT = 3.0


@dataclass(frozen=True)
class Picture:
    """One image to show: ``image`` is a Pillow image (None when it
    could not be read: ``problem`` says why). Equal when their keys are."""

    key: str
    image: Any = field(compare=False, repr=False)
    caption: str | None = None
    #: What the image was made from ("PNG file", "numpy array"...), for the
    #: text tier and the full-screen title.
    source: str = ""
    problem: str | None = None

    @property
    def size(self) -> tuple[int, int]:
        return (0, 0) if self.image is None else self.image.size


def _pil():
    from PIL import Image  # lazy: Pillow loads when a script shows a picture

    return Image


def _key(image: Any) -> str:
    digest = xxhash.xxh3_64()
    digest.update(f"{image.mode}{image.size}".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def picture_from_image(image: Any, caption: str | None = None, source: str = "") -> Picture:
    """A picture of a Pillow image (palette, CMYK and other modes converted
    to RGBA; grey, RGB and RGBA kept as they are)."""
    if image.mode not in ("L", "LA", "RGB", "RGBA"):
        image = image.convert("RGBA")
    return Picture(_key(image), image, caption, source)


def _from_array(array: Any, clamp: bool, channels: str) -> Any:
    import numpy as np  # lazy: numpy loads when a script shows an array

    values = np.asarray(array)
    if values.ndim == 3 and values.shape[2] == 1:
        values = values[:, :, 0]
    if values.ndim not in (2, 3) or (values.ndim == 3 and values.shape[2] not in (3, 4)):
        raise StreamlitAPIException(
            f"st.image: an array must be (height, width) grey, or (height, width, 3|4) colour; got shape {values.shape}."
        )
    if values.dtype.kind == "f":
        low, high = float(np.nanmin(values)) if values.size else 0.0, float(np.nanmax(values)) if values.size else 0.0
        if (low < 0 or high > 1) and not clamp:
            raise StreamlitAPIException(
                "st.image: float values must be between 0.0 and 1.0; pass clamp=True to clip them."
            )
        values = (np.clip(np.nan_to_num(values), 0, 1) * 255).round().astype(np.uint8)
    elif values.dtype != np.uint8:
        if clamp:
            values = np.clip(values, 0, 255)
        elif values.size and (values.min() < 0 or values.max() > 255):
            raise StreamlitAPIException(
                "st.image: integer values must be between 0 and 255; pass clamp=True to clip them."
            )
        values = values.astype(np.uint8)
    if values.ndim == 3 and channels == "BGR":
        values = values[:, :, [2, 1, 0, 3][: values.shape[2]]]
    mode = "L" if values.ndim == 2 else "RGB" if values.shape[2] == 3 else "RGBA"
    return _pil().fromarray(np.ascontiguousarray(values), mode)


def _svg_to_image(text: str) -> Any:
    """An SVG rasterised with the first rasteriser installed, or None."""
    try:
        import cairosvg  # lazy: optional SVG rasteriser

        return _pil().open(io.BytesIO(cairosvg.svg2png(bytestring=text.encode())))
    except ImportError:
        pass
    try:
        import vl_convert  # lazy: optional; it rasterises any SVG too

        return _pil().open(io.BytesIO(vl_convert.svg_to_png(text)))
    except ImportError:
        return None


def fetch_url(url: str) -> bytes:
    """The bytes at ``url`` (raises OSError when unreachable)."""
    import urllib.request  # lazy: only for pictures given by URL

    with urllib.request.urlopen(url, timeout=URL_TIMEOUT) as response:  # noqa: S310 - the script's own URL
        return response.read()


def read_source(source: Any) -> tuple[Any, str]:
    """(bytes or text, description) for a path, a URL, or a file-like object."""
    if hasattr(source, "read"):
        if hasattr(source, "seek"):
            source.seek(0)
        return source.read(), "uploaded file"
    text = str(source)
    if text.startswith("data:") and "," in text:
        head, _, body = text.partition(",")
        return (base64.b64decode(body) if head.endswith(";base64") else unquote(body).encode()), "data URI"
    if text.startswith(("http://", "https://")):
        return fetch_url(text), text
    return Path(text).read_bytes(), Path(text).name


def _placeholder(what: str, problem: str, caption: str | None) -> Picture:
    return Picture(f"problem:{what}:{problem}", None, caption, what, problem)


def picture(source: Any, caption: str | None = None, *, clamp: bool = False, channels: str = "RGB") -> Picture:
    """A :class:`Picture` of anything ``st.image`` takes.

    Bad arrays and values raise (as in Streamlit); a file or URL that cannot
    be read gives a picture with a ``problem`` (shown in its place)."""
    if channels not in ("RGB", "BGR"):
        raise StreamlitAPIException(f'st.image: channels must be "RGB" or "BGR"; got {channels!r}.')
    Image = None
    if type(source).__module__.startswith("PIL."):
        Image = _pil()
    if Image is not None and isinstance(source, Image.Image):
        return picture_from_image(source, caption, f"{source.format or 'Pillow'} image")
    if hasattr(source, "__array_interface__") or type(source).__module__.startswith("numpy"):
        return picture_from_image(_from_array(source, clamp, channels), caption, "array")
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, what = bytes(source), "bytes"
    elif isinstance(source, str) and source.lstrip().startswith("<svg"):
        data, what = source, "SVG"
    else:
        try:
            data, what = read_source(source)
        except OSError as exc:
            reason = getattr(exc, "reason", None) or exc
            reason = getattr(reason, "strerror", None) or str(reason)
            return _placeholder(str(source), f"could not be read ({reason})", caption)
    if isinstance(data, bytes) and data.lstrip()[:5] in (b"<svg ", b"<?xml", b"<svg>") and b"<svg" in data[:1000]:
        data = data.decode("utf-8", "replace")
    if isinstance(data, str):
        image = _svg_to_image(data)
        if image is None:
            return _placeholder(what, "an SVG (install cairosvg or vl-convert-python to draw it)", caption)
        return picture_from_image(image, caption, f"SVG {what}" if what != "SVG" else "SVG")
    try:
        image = _pil().open(io.BytesIO(data))
        image.load()
    except Exception as exc:  # Pillow raises several kinds for bad data
        return _placeholder(what, f"not an image Pillow can read ({type(exc).__name__})", caption)
    return picture_from_image(image, caption, f"{image.format} {what}" if image.format else what)
