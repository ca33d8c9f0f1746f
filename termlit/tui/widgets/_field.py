"""A labelled field: the label line, the control, and a note line.

A control (a slider track, a number box...) owns its value as a reactive and
posts a :class:`ControlChanged` message (its nested ``Changed`` or
``Committed`` class) when the user changes it. The :class:`FieldView` around
it turns that into the app's :class:`~termlit.tui.widgets._base.WidgetValue`;
a control never holds its view. A control's note ("above the maximum") travels
up the same way, as a :class:`FieldNote`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from termlit.common.icons import icon_glyph
from termlit.common.textrules import text_problem
from termlit.runtime.tree import Element
from termlit.tui.widgets._base import ElementView

__all__ = [
    "ControlChanged", "ControlMessage", "FieldEntered", "FieldNote", "FieldView", "ValueField", "form_problems",
    "format_number", "is_empty", "with_icon",
]

#: No value was sent since the script's last value arrived.
_UNSENT: Any = object()


def is_empty(value: Any) -> bool:
    """A value ``required=True`` refuses: None, blank text, a date range
    without both ends."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (tuple, list)):
        return len(value) < 2 or any(v is None for v in value)
    return False


def with_icon(control: Widget, props: dict[str, Any]) -> Widget:
    """The control, with the field's ``icon`` (an emoji or a Material code)
    before it on its row when it has one."""
    glyph = icon_glyph(props.get("icon"))
    if not glyph:
        return control
    return Horizontal(Static(glyph + " ", classes="field-icon", markup=False), control, classes="field-row")


def form_problems(screen: Widget, form: str) -> list[tuple[FieldView, str]]:
    """The fields of ``form`` whose value may not be submitted (required and
    empty, or not matching ``validate``), each with what is wrong."""
    found = []
    for view in screen.query(FieldView):
        if view.element.props.get("form") == form:
            problem = view.refusal(view.current_value())
            if problem is not None:
                found.append((view, problem))
    return found


def format_number(value: Any, fmt: str | None, number_type: str, step: Any = None) -> str:
    """Show a number the way ``format`` (printf style, e.g. "%.2f") asks."""
    if value is None:
        return ""
    if fmt:
        try:
            return fmt % value
        except (TypeError, ValueError):
            pass
    if number_type == "int":
        return str(int(value))
    decimals = 2
    if step is not None:
        text = repr(float(step))
        decimals = int(text.split("e-")[1]) if "e-" in text else len(text.split(".")[1].rstrip("0"))
    return f"{float(value):.{max(decimals, 1)}f}"


class ControlMessage(Message):
    """A message from a control (``@on(..., selector)`` matches the control)."""

    def __init__(self, control: Widget) -> None:
        super().__init__()
        self._control = control

    @property
    def control(self) -> Widget:
        return self._control


class ControlChanged(ControlMessage):
    """Base of the controls' change messages: the user set ``value``."""

    def __init__(self, control: Widget, value: Any) -> None:
        super().__init__(control)
        self.value = value


class FieldEntered(Message):
    """The user pressed Enter in a text field: a form around it that submits
    on Enter takes it as its submit (after the field's own value)."""


class FieldNote(Message):
    """A control has something to say under its field; None clears the note."""

    def __init__(self, text: str | None) -> None:
        super().__init__()
        self.text = text


class FieldView(ElementView, Vertical):
    """Base of widgets drawn as a label above a control.

    A subclass names its ``control_class`` (built from the props, updated
    with its ``set_props``) or overrides :meth:`make_control` and
    :meth:`apply_control`.
    """

    DEFAULT_CSS = """
    FieldView { height: auto; margin: 0 0 1 0; }
    FieldView > .field-label { color: $text; }
    FieldView:focus-within > .field-label { color: $accent; text-style: bold; }
    FieldView > .field-label.-collapsed { display: none; }
    FieldView > .field-label.-hidden { visibility: hidden; }
    FieldView > .field-row { height: auto; }
    FieldView > .field-row > .field-icon { width: auto; }
    FieldView > .field-note { color: $warning; display: none; }
    FieldView > .field-note.-shown { display: block; }
    """

    control_class: ClassVar[type[Widget]]
    control: Widget

    def __init__(self, element: Element) -> None:
        self.bind_element(element)
        self.label_widget = Static(element.props.get("label", ""), classes="field-label", markup=False)
        self.note_widget = Static("", classes="field-note", markup=False)
        super().__init__(self.label_widget, self.make_control(element.props), self.note_widget)
        self._label_text = element.props.get("label", "")
        self._apply_label(element.props)

    def make_control(self, props: dict[str, Any]) -> Widget:
        """The widget under the label (the control, or a row holding it)."""
        self.control = self.control_class(props)  # type: ignore[call-arg]
        return with_icon(self.control, props)

    def apply_control(self, props: dict[str, Any]) -> None:
        """Show new props on the control."""
        self.control.set_props(props)  # type: ignore[attr-defined]

    def _apply_label(self, props: dict[str, Any]) -> None:
        visibility = props.get("label_visibility", "visible")
        self.label_widget.set_class(visibility == "collapsed", "-collapsed")
        self.label_widget.set_class(visibility == "hidden", "-hidden")
        label = props.get("label", "")
        if label != self._label_text:
            self._label_text = label
            self.label_widget.update(label)
        # wrap=False (pills, segmented control, multiselect): the label stays
        # on one row, cut with an ellipsis; otherwise a long label wraps.
        cut = props.get("wrap") is False
        self.label_widget.styles.text_wrap = "nowrap" if cut else "wrap"
        self.label_widget.styles.text_overflow = "ellipsis" if cut else "fold"
        self.disabled = bool(props.get("disabled"))

    def apply_props(self, props: dict[str, Any]) -> None:
        self.last_sent = _UNSENT
        self._apply_label(props)
        self.apply_control(props)

    last_sent: Any = _UNSENT
    #: The note under the field says why a value was refused.
    _refused: bool = False

    def current_value(self) -> Any:
        """What the field holds now: the value last sent (in a form, held
        until it submits), else the script's."""
        return self.element.props.get("value") if self.last_sent is _UNSENT else self.last_sent

    def refusal(self, value: Any) -> str | None:
        """Why ``value`` may not be committed, or None: ``required`` refuses an
        empty value; a text input checks ``validate`` and its type's format."""
        props = self.element.props
        if self.element.kind == "text_input":
            return text_problem(value, props)
        if props.get("required") and is_empty(value):
            return "A value is required."
        return None

    def send(self, value: Any) -> None:
        """Send the user's value, unless it may not be committed: then the
        note says why and, outside a form, the last committed value stays
        (inside one the value is held, and the submit button refuses)."""
        problem = self.refusal(value)
        if problem is not None:
            self.show_note(problem)
            if not self.element.props.get("form"):
                return
        elif self._refused:
            self.show_note(None)
        self._refused = problem is not None
        self.last_sent = value
        super().send(value)

    def value_of(self, message: ControlChanged) -> Any:
        """The widget's value after the control's change (a range of two
        fields combines them)."""
        return message.value

    @on(ControlChanged)
    def _control_changed(self, message: ControlChanged) -> None:
        message.stop()
        self.send(self.value_of(message))

    def on_field_note(self, message: FieldNote) -> None:
        message.stop()
        self.show_note(message.text)

    def show_note(self, text: str | None) -> None:
        self.note_widget.update(text or "")
        self.note_widget.set_class(bool(text), "-shown")


class ValueField(Input):
    """A text box for a typed value (a number, a date, a colour, text).

    What is typed is read (:meth:`parse`, then :meth:`check`) when Enter is
    pressed or focus leaves; ``committed`` is the value the box stands for.
    While the text differs from it the user is *editing*, and arrow keys that
    otherwise step the value move the cursor.

    | Key | Action |
    | --- | --- |
    | Enter | apply what was typed |
    | Esc | forget what was typed |
    """

    BINDINGS = [Binding("escape", "revert", "Undo typing", show=False)]

    class Committed(ControlChanged):
        """The user committed a new value."""

    def __init__(self, value: Any, **options: Any) -> None:
        self.committed = value
        super().__init__(value=self.show(value), compact=True, **options)

    # -- value <-> text: override -------------------------------------------------

    def show(self, value: Any) -> str:
        return "" if value is None else str(value)

    def parse(self, text: str) -> Any:
        """The value ``text`` stands for; raises ValueError when it is none."""
        return text

    def check(self, value: Any) -> tuple[Any, str | None]:
        """The value to keep (clamped to bounds) and a note saying why it changed."""
        return value, None

    def refusal(self, text: str) -> str:
        """The note shown when ``text`` cannot be read."""
        return f"'{text}' is not valid; kept {self.show(self.committed) or 'empty'}."

    # -- state --------------------------------------------------------------------

    @property
    def editing(self) -> bool:
        return self.value != self.show(self.committed)

    def take(self, value: Any) -> None:
        """Show a value from the script, unless the user is typing over the
        value they committed last (the run has not caught up yet)."""
        if value != self.committed or not self.editing:
            self.committed = value
            self.value = self.show(value)

    def commit(self, value: Any, note: str | None = None) -> None:
        self.post_message(FieldNote(note))
        self.value = self.show(value)
        self.cursor_position = len(self.value)
        if value != self.committed:
            self.committed = value
            self.post_message(self.Committed(self, value))

    def commit_text(self) -> None:
        if not self.editing:
            return
        try:
            value = self.parse(self.value)
        except ValueError:
            self.post_message(FieldNote(self.refusal(self.value.strip())))
            self.value = self.show(self.committed)
            return
        value, note = self.check(value)
        self.commit(value, note)

    def step_cursor(self, count: int) -> None:
        """While editing, ←/→ move the cursor one place instead of stepping."""
        if count in (-1, 1):
            self.cursor_position = max(0, min(len(self.value), self.cursor_position + count))

    def action_revert(self) -> None:
        self.post_message(FieldNote(None))
        self.value = self.show(self.committed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.commit_text()

    def on_blur(self) -> None:
        self.commit_text()
