"""Forms: widgets whose values wait for a submit button.

Inside ``st.form``, changing a widget does not rerun the app; the values are
held (in the runner) until ``st.form_submit_button`` is pressed, and then all
go in one rerun, in which the submit button is True.
"""

from __future__ import annotations

from typing import Any

from termlit.elements._dg import DeltaGenerator, api, emit
from termlit.elements._widget import Callback, CallbackArgs, CallbackKwargs, Key, WidgetArgs
from termlit.elements.widgets.button import button_look, press_button
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import Form, RunContext, get_run_context

__all__ = ["form", "form_submit_button"]


@api
def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: Any = "stretch",
    height: Any = "content",
) -> DeltaGenerator:
    """A group of widgets sent together by ``st.form_submit_button``.

    ``clear_on_submit`` puts the widgets back to their defaults after a
    submit; ``enter_to_submit`` lets Enter in a text field press the submit
    button.
    """
    ctx = get_run_context()
    if not isinstance(key, str) or not key:
        raise StreamlitAPIException(f"st.form needs a non-empty string key, got {key!r}.")
    outer = ctx.current_form()
    if outer is not None:
        raise StreamlitAPIException(
            f"st.form('{key}') is inside the form '{outer}'. Forms cannot be nested: "
            "close the first form before starting another."
        )
    if key in ctx.forms:
        raise StreamlitAPIException(
            f"There are two forms with the key '{key}' in this run. Give each st.form a unique key."
        )
    element, handle = emit(
        "form",
        {"key": key, "clear_on_submit": bool(clear_on_submit), "enter_to_submit": bool(enter_to_submit), "border": bool(border)},
        container=True,
    )
    record = ctx.add_form(key, element, clear_on_submit=bool(clear_on_submit))
    if not ctx.bare:
        ctx.end_hooks.append(lambda: _finish_form(ctx, record))
    return handle


def _finish_form(ctx: RunContext, form: Form) -> None:
    key = form.key
    if not form.has_submit_button:
        ctx.emit(
            "error",
            {
                "body": (
                    f"The form '{key}' has no submit button, so its values can never be "
                    "sent to the app. Add `st.form_submit_button()` inside the form."
                ),
                "icon": None,
            },
            target=form.element,
        )
        return
    if form.submitted and form.clear_on_submit:
        for meta, slot in form.widgets:
            if meta.trigger:
                continue
            default = ctx.state.reset_widget(meta.wid)
            element = slot.container.children[slot.index]
            ctx.update_props(slot, {**element.props, "value": default})


@api
def form_submit_button(
    label: str = "Submit", help: str | None = None,
    on_click: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
    key: Key | None = None, type: str = "secondary", icon: str | None = None, icon_position: str = "left",
    disabled: bool = False, use_container_width: bool | None = None, width: Any = "content",
    shortcut: str | None = None, wrap: bool | None = None,
) -> bool:
    """The button that sends a form: True in the run it was pressed in."""
    ctx = get_run_context()
    form_key = ctx.current_form()
    if form_key is None:
        if ctx.bare:
            return False
        raise StreamlitAPIException(
            f"st.form_submit_button('{label}') must be inside an st.form: use it as "
            "`with st.form('my_form'): ... st.form_submit_button()` or `my_form.form_submit_button()`."
        )
    common = WidgetArgs(
        "form_submit_button", label, key=key, help=help, on_change=on_click, args=args, kwargs=kwargs, disabled=disabled
    )
    pressed = press_button(common, type=type, icon=icon, look=button_look(common, icon_position, shortcut, wrap))
    record = ctx.forms.get(form_key)
    if record is not None:
        record.has_submit_button = True
        record.submitted = record.submitted or bool(pressed)
    return bool(pressed)
