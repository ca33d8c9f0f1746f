"""AppTest's handles for the buttons that act and the pickers of one thing:
``st.link_button``, ``st.menu_button``, ``st.pagination``, and
``st.camera_input`` / ``st.audio_input`` (a picked file in a terminal), with
the names and attributes of Streamlit's AppTest."""

from __future__ import annotations

from typing import Any

from termlit.testing.nodes import UNSET, Node, Widget, prop
from termlit.testing.widgets import FileUploader, _Choice

__all__ = ["AudioInput", "CameraInput", "LinkButton", "MenuButton", "Pagination"]


class LinkButton(Node):
    """An ``st.link_button``: ``.value`` is its label, ``.url`` its address.
    With ``on_click`` set it is a widget: ``click()`` presses it for the next
    run (termlit's own; Streamlit's AppTest cannot press it)."""

    @property
    def value(self) -> str:
        return self._element.props["label"]

    label = value
    url = prop("url")

    @property
    def disabled(self) -> bool:
        return bool(self._element.props.get("disabled"))

    def click(self) -> LinkButton:
        if not self._element.props.get("widget"):
            raise RuntimeError(
                f"the link button {self.value!r} has on_click='ignore': pressing it only opens the link. "
                "Give it on_click='rerun' or a callback to make it a widget."
            )
        Widget(self._element, self._at).set_value(True)
        return self


class MenuButton(_Choice):
    """An ``st.menu_button``: ``.value`` is the option picked for the next
    run (or None); ``click(option)`` picks one; ``.options`` and
    ``format_func`` as on the other widgets with options."""

    @property
    def value(self) -> Any:
        """The option picked for the next run, else the one the last run got."""
        queued = self._at._inputs.queued(self.id)
        value = self._element.props.get("value") if queued is UNSET else queued
        return None if value is False else value

    def set_value(self, v: Any) -> MenuButton:
        if v is not None and self._index_of(v) is None:
            raise ValueError(f"{v!r} is not an option of the menu button {self.label!r}")
        self._queue(v)
        return self

    def click(self, v: Any) -> MenuButton:
        return self.set_value(v)

    def click_index(self, index: int) -> MenuButton:
        return self.set_value(self._option_at(index))


class Pagination(Widget):
    """An ``st.pagination``: ``.value`` is the page (from 1)."""

    num_pages = prop("num_pages")
    max_visible_pages = prop("max_visible_pages")

    @property
    def label(self) -> str:
        return ""

    default = prop("default")

    def set_value(self, v: int) -> Pagination:
        pages = self._element.props["num_pages"]
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= pages:
            raise ValueError(f"page {v!r} is not between 1 and {pages}")
        self._queue(v)
        return self

    def select(self, page: int) -> Pagination:
        return self.set_value(page)


class CameraInput(FileUploader):
    """``st.camera_input``: a picture file picked in the terminal."""

    resolution = prop("resolution")

    def set_value(self, file: Any) -> CameraInput:
        """The picture for the next run: ``(name, content, mime)``, a path, or None."""
        return super().set_value(file)  # type: ignore[return-value]

    def upload(self, filename: Any, content: bytes | str | None = None, mime_type: str = "image/jpeg") -> CameraInput:
        return super().upload(filename, content, mime_type)  # type: ignore[return-value]


class AudioInput(FileUploader):
    """``st.audio_input``: a sound file picked in the terminal."""

    sample_rate = prop("sample_rate")

    def set_value(self, file: Any) -> AudioInput:
        """The recording for the next run: ``(name, content, mime)``, a path, or None."""
        return super().set_value(file)  # type: ignore[return-value]

    def upload(self, filename: Any, content: bytes | str | None = None, mime_type: str = "audio/wav") -> AudioInput:
        return super().upload(filename, content, mime_type)  # type: ignore[return-value]
