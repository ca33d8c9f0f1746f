"""Media a terminal cannot play, shown for what they are: ``st.audio``,
``st.video``, ``st.pdf`` (name, type, size, duration or pages, a key to save
them to a file; a PDF's pages as pictures when pypdfium2 is installed),
``st.html`` (its text), and ``st.camera_input`` / ``st.audio_input``, which
pick a picture or a sound file from disk instead of recording."""

from __future__ import annotations

import io
import re
import wave
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements.text import text
from termlit.elements.widgets.file_uploader import file_widget
from termlit.errors import StreamlitAPIException

__all__ = ["audio", "audio_input", "camera_input", "html", "pdf", "video"]

#: Pages of a PDF drawn as pictures (the rest are counted).
MAX_PDF_PAGES = 5


def _read(data: Any, what: str) -> tuple[bytes | None, str, str | None]:
    """(bytes or None for a URL, a name, the URL)."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), what, None
    if hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        content = data.read()
        return (content.encode() if isinstance(content, str) else bytes(content)), getattr(data, "name", what), None
    if isinstance(data, (str, Path)):
        text = str(data)
        if text.startswith(("http://", "https://", "data:")):
            return None, text.rsplit("/", 1)[-1] or text, text
        path = Path(text)
        try:
            return path.read_bytes(), path.name, None
        except OSError as exc:
            raise StreamlitAPIException(f"st.{what}: cannot read {text}: {exc.strerror or exc}.") from None
    raise StreamlitAPIException(f"st.{what}: cannot show a {type(data).__name__}; give bytes, a file or a path.")


def _wav_from_array(values: Any, sample_rate: int | None) -> bytes:
    import numpy as np  # lazy: numpy only for audio given as an array

    if sample_rate is None:
        raise StreamlitAPIException("st.audio: an array needs sample_rate=.")
    samples = np.asarray(values, dtype="float64")
    if samples.ndim == 2:
        samples = samples.T if samples.shape[0] <= 8 < samples.shape[1] else samples
    peak = float(np.max(np.abs(samples))) if samples.size else 0.0
    scaled = (samples / peak * 32767 if peak else samples).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1 if scaled.ndim == 1 else scaled.shape[1])
        out.setsampwidth(2)
        out.setframerate(int(sample_rate))
        out.writeframes(scaled.tobytes())
    return buffer.getvalue()


def _wav_seconds(content: bytes) -> float | None:
    try:
        with wave.open(io.BytesIO(content)) as sound:
            return sound.getnframes() / float(sound.getframerate())
    except (wave.Error, EOFError, ZeroDivisionError):
        return None


def _media(kind: str, data: Any, mime: str, sample_rate: int | None = None, **extra: Any) -> DeltaGenerator:
    if kind == "audio" and type(data).__module__.startswith("numpy"):
        content, name, url = _wav_from_array(data, sample_rate), "sound.wav", None
        mime = "audio/wav"
    else:
        content, name, url = _read(data, kind)
    seconds = _wav_seconds(content) if content is not None and kind == "audio" else None
    props = {"media": kind, "name": name, "mime": mime, "size": None if content is None else len(content),
             "seconds": seconds, "data": content, "url": url, **extra}
    return emit("media", props)[1]


@api
def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: Any = 0,
    *,
    sample_rate: int | None = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> DeltaGenerator:
    """A sound: its name, type, length and size, and a key to save it (the
    terminal does not play it). A numpy array needs ``sample_rate``."""
    return _media("audio", data, format, sample_rate)


@api
def video(
    data: Any,
    format: str = "video/mp4",
    start_time: Any = 0,
    *,
    subtitles: Any = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> DeltaGenerator:
    """A video: its name, type and size, and a key to save it."""
    tracks = 0 if not subtitles else len(subtitles) if isinstance(subtitles, dict) else 1
    return _media("video", data, format, subtitles=tracks)


def _pdf_pages(content: bytes) -> tuple[int | None, tuple]:
    """(page count, the first pages as pictures when pypdfium2 is there)."""
    try:
        import pypdfium2  # lazy: optional PDF rasteriser
    except ImportError:
        count = len(re.findall(rb"/Type\s*/Page[^s]", content))
        return (count or None), ()
    from termlit.common.images import picture_from_image  # lazy: Pillow loads with the first picture

    document = pypdfium2.PdfDocument(content)
    shots = []
    for index in range(min(len(document), MAX_PDF_PAGES)):
        image = document[index].render(scale=1.0).to_pil()
        shots.append(picture_from_image(image, f"page {index + 1} of {len(document)}", "PDF page"))
    return len(document), tuple(shots)


@api
def pdf(data: Any, *, height: Any = 500, key: str | None = None, alt: str | None = None) -> DeltaGenerator:
    """A PDF: its name, size and pages (drawn as pictures when pypdfium2 is
    installed), and a key to save it."""
    content, name, url = _read(data, "pdf")
    count, pages = _pdf_pages(content) if content is not None else (None, ())
    props = {"media": "pdf", "name": name, "mime": "application/pdf", "size": None if content is None else
             len(content), "seconds": None, "data": content, "url": url, "pages": count, "pictures": pages}
    return emit("media", props)[1]


class _Text(HTMLParser):
    """The text of an HTML fragment, blocks on lines of their own."""

    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "ul", "ol",
               "table", "pre", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(self._skip - 1, 0)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(body: str) -> str:
    parser = _Text()
    parser.feed(body)
    parser.close()
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).splitlines()]
    return "\n\n".join(line for line in lines if line)


@api
def html(body: Any, *, width: Any = "stretch", unsafe_allow_javascript: bool = False) -> DeltaGenerator:
    """HTML shown as its text (scripts and styles left out)."""
    if hasattr(body, "_repr_html_"):
        body = body._repr_html_()
    elif isinstance(body, Path) or (isinstance(body, str) and body.endswith((".html", ".htm")) and Path(body).is_file()):
        body = Path(body).read_text(encoding="utf-8")
    body = str(body)
    return emit("html", {"body": html_text(body), "html": body})[1]


@api
def camera_input(
    label: str,
    key: Any = None,
    help: str | None = None,
    on_change: Any = None,
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: Any = None,
    width: Any = "stretch",
) -> Any:
    """There is no camera in a terminal: pick a picture file instead (PNG or
    JPEG); returns it as an uploaded file, or None."""
    return file_widget("camera_input", label, ["png", "jpg"], False, key=key,
                       help=help or "The terminal has no camera: choose a picture file.",
                       on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
                       label_visibility=label_visibility, props={"resolution": resolution})


@api
def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: Any = None,
    help: str | None = None,
    on_change: Any = None,
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> Any:
    """There is no recording in a terminal: pick a sound file instead (WAV,
    MP3, OGG, FLAC or M4A); returns it as an uploaded file, or None."""
    return file_widget("audio_input", label, ["wav", "mp3", "ogg", "flac", "m4a", "webm"], False, key=key,
                       help=help or "The terminal cannot record: choose a sound file.",
                       on_change=on_change, args=args, kwargs=kwargs, disabled=disabled,
                       label_visibility=label_visibility, props={"sample_rate": sample_rate})
