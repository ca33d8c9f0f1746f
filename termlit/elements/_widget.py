"""The one path every widget takes: identity, state, callbacks, element.

A public widget function gathers the arguments every widget shares into one
:class:`WidgetArgs`, checks its own arguments, and hands both to
:func:`widget`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass
from typing import Any, Literal

from termlit.elements._bind import INVALID, BindOption, check_bind, read_bound, write_bound
from termlit.errors import StreamlitAPIException
from termlit.runtime.context import get_run_context
from termlit.runtime.ids import widget_id
from termlit.runtime.state import WidgetMeta

__all__ = ["BindOption", "Callback", "CallbackArgs", "CallbackKwargs", "Key", "PersistState", "WidgetArgs", "widget"]

#: The types of the arguments every widget signature spells out.
Key = str | int
Callback = Callable[..., Any]
CallbackArgs = Sequence[Any]
CallbackKwargs = dict[str, Any]
#: How long a widget's value outlives the widget (``persist_state=``).
PersistState = Literal["page", "session"] | None

_LABEL_VISIBILITY = ("visible", "hidden", "collapsed")

#: Widgets that act at once, so they cannot wait for a form's submit button.
NOT_IN_FORMS = {"button", "download_button", "chat_input", "menu_button"}


@dataclass(frozen=True, slots=True)
class WidgetArgs:
    """The arguments every widget call shares; ``on_change`` is the callback
    whatever the call names it (``on_click``, ``on_submit``, ``on_select``)."""

    kind: str
    label: Any
    _: KW_ONLY
    key: Any = None
    help: str | None = None
    on_change: Any = None
    args: Sequence[Any] | None = None
    kwargs: dict[str, Any] | None = None
    disabled: bool = False
    label_visibility: str = "visible"
    #: How long the value outlives the widget: None (it goes with the
    #: widget), "page" (while the user stays on its page) or "session".
    persist_state: PersistState = None
    #: "query-params": the value is kept in st.query_params under the key.
    bind: BindOption = None

    @property
    def where(self) -> str:
        """How error messages name the call: ``st.slider('Speed')``."""
        return f"st.{self.kind}('{self.label}')"


def widget(
    common: WidgetArgs,
    *,
    default: Any,
    props: dict[str, Any],
    params: dict[str, Any] | None = None,
    key_params: tuple[str, ...] = (),
    trigger: bool = False,
    coerce: Callable[[Any], Any] | None = None,
) -> Any:
    """Register a widget in this run, emit its element, return its value.

    ``params`` define the widget's identity (with ``key``, only those named in
    ``key_params`` count); ``coerce`` checks a remembered value against the
    widget as it is defined now; ``trigger`` widgets are True for one run.
    """
    kind = common.kind
    label = common.label if isinstance(common.label, str) else str(common.label)
    key = _check_key(common.key)
    _check_label_visibility(common.label_visibility)
    on_change = common.on_change
    ignore = on_change == "ignore"  # no rerun on a change: the next rerun takes it
    if on_change in ("rerun", "ignore"):  # Streamlit's spellings of "no callback"
        on_change = None
    if on_change is not None and not callable(on_change):
        raise StreamlitAPIException(
            f"The callback of st.{kind}('{label}') must be callable, got "
            f"{type(on_change).__name__}."
        )
    _check_persist_state(common.persist_state, key, common.where)
    ctx = get_run_context()
    form = ctx.current_form()
    if form is not None:
        _check_form_use(kind, label, form, on_change)
        params = {**(params or {}), "form": form}
    page = ctx.widget_page
    wid = widget_id(kind, key=key, label=label, params=params, key_params=key_params, page=page)
    meta = WidgetMeta(
        wid=wid,
        kind=kind,
        label=label,
        key=key,
        callback=on_change,
        args=tuple(common.args or ()),
        kwargs=dict(common.kwargs or {}),
        trigger=trigger,
        form=form,
        fragment=ctx.current_fragment,
        default=default,
        persist=common.persist_state,
        page=page,
        rerun=not (ignore and form is None),
    )
    bound = check_bind(common.bind, key, common.where)
    from_query = INVALID
    if bound and key is not None:
        from_query = read_bound(ctx.session.query_params, key, kind, default, props, coerce)
        if from_query is not INVALID:
            ctx.state.seed_widget_value(key, from_query)
    value = ctx.register_widget(meta, default, coerce)
    if bound and key is not None and from_query is INVALID:
        write_bound(ctx.session.query_params, key, value, default, props)
    element_props = dict(props)
    element_props.update(
        form=form,
        label=label,
        key=key,
        value=value,
        help=common.help,
        disabled=bool(common.disabled),
        label_visibility=common.label_visibility,
    )
    _element, slot = ctx.emit(kind, element_props, element_id=wid)
    if form is not None:
        ctx.forms[form].widgets.append((meta, slot))
    return value


def _check_key(key: Any) -> str | None:
    if key is None:
        return None
    if isinstance(key, (str, int)) and not isinstance(key, bool):
        return str(key)
    raise StreamlitAPIException(
        f"A widget key must be a string or an integer, got {type(key).__name__} {key!r}."
    )


def _check_persist_state(value: Any, key: str | None, where: str) -> None:
    if value is None:
        return
    if value not in ("page", "session"):
        raise StreamlitAPIException(
            f"{where}: persist_state must be 'page', 'session' or None, got {value!r}."
        )
    if key is None:
        raise StreamlitAPIException(
            f"{where}: persist_state={value!r} needs a key: the value is kept under the widget's "
            "key, so give the widget a unique `key=`."
        )


def _check_label_visibility(value: str) -> None:
    if value not in _LABEL_VISIBILITY:
        raise StreamlitAPIException(
            f"Unsupported label_visibility {value!r}: use one of 'visible', 'hidden' "
            "or 'collapsed'."
        )


def _check_form_use(kind: str, label: str, form: str, callback: Callable[..., Any] | None) -> None:
    if kind in NOT_IN_FORMS:
        raise StreamlitAPIException(
            f"st.{kind}('{label}') cannot be used inside the form '{form}': it acts at "
            "once, while a form holds its values until submitted. Use "
            "st.form_submit_button inside the form, or move this widget out of it."
        )
    if callback is not None and kind != "form_submit_button":
        raise StreamlitAPIException(
            f"st.{kind}('{label}') is inside the form '{form}', where only the "
            "st.form_submit_button can have a callback (on_click). Move the callback "
            "to the submit button, or the widget out of the form."
        )
