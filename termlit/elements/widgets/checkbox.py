"""On/off widgets: ``st.checkbox`` and ``st.toggle``, one definition that
differs only in the kind of element it draws."""

from __future__ import annotations

from typing import Any

from termlit.elements._checks import check_wrap
from termlit.elements._dg import api_as
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)

__all__ = ["checkbox", "toggle"]


def _boolean_widget(kind: str, doc: str):
    @api_as(kind, doc)
    def boolean(
        label: str, value: bool = False, key: Key | None = None, help: str | None = None,
        on_change: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None, *,
        disabled: bool = False, label_visibility: str = "visible", width: Any = "content", wrap: bool | None = None,
        bind: BindOption = None, persist_state: PersistState = None,
    ) -> bool:
        common = WidgetArgs(kind, label, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
                            disabled=disabled, label_visibility=label_visibility,
                            persist_state=persist_state, bind=bind)
        value = bool(value)
        props = {"wrap": check_wrap(common.where, wrap)}
        return bool(widget(common, default=value, props=props, params={"value": value, "help": help}, coerce=bool))

    return boolean


checkbox = _boolean_widget("checkbox", "A checkbox; returns whether it is ticked.")
toggle = _boolean_widget("toggle", "An on/off switch; Enter or Space flips it. Returns a bool.")
