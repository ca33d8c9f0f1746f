"""``st.menu_button`` (a button that opens a list of actions) and
``st.pagination`` (page numbers with previous/next)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

from termlit.elements._checks import check_button_type, check_wrap
from termlit.elements._dg import api
from termlit.elements._widget import (
    BindOption, Callback, CallbackArgs, CallbackKwargs, Key, PersistState, WidgetArgs, widget,
)
from termlit.elements.widgets._options import option_labels, options_list
from termlit.errors import StreamlitAPIException

__all__ = ["menu_button", "pagination", "visible_pages"]


@api
def menu_button(
    label: str, options: Iterable[Any], *, key: Key | None = None, help: str | None = None,
    on_click: Callback | None = None, args: CallbackArgs | None = None, kwargs: CallbackKwargs | None = None,
    type: str = "secondary", icon: str | None = None, disabled: bool = False, width: Any = "content",
    format_func: Callable[[Any], Any] = str, wrap: bool | None = None,
) -> Any:
    """A button that opens a list of options (Enter or Space; ↑/↓ and Enter
    pick one, Esc closes it). Returns the picked option in the run right after
    the pick, else None; the label stays as it is."""
    common = WidgetArgs("menu_button", label, key=key, help=help, on_change=on_click, args=args, kwargs=kwargs,
                        disabled=disabled)
    check_button_type(common.where, type)
    opts = options_list(options)
    if not opts:
        raise StreamlitAPIException(
            f"{common.where}: options is empty. Pass the actions to offer, e.g. options=['CSV', 'JSON']."
        )
    labels = option_labels(common, opts, format_func)

    def coerce(v: Any) -> Any:
        if v is None or v is False:
            return None
        for option in opts:
            try:
                if option == v:
                    return option
            except Exception:
                continue
        raise ValueError("not an option")

    picked = widget(
        common,
        default=None,
        props={"options": opts, "labels": labels, "type": type, "icon": icon, "wrap": check_wrap(common.where, wrap)},
        params={"options": labels, "help": help, "type": type, "icon": icon},
        key_params=("options",),
        trigger=True,
        coerce=coerce,
    )
    if picked is None or picked is False:
        return None
    return copy.deepcopy(picked)


@api
def pagination(
    num_pages: int, *, default: int = 1, max_visible_pages: int | None = 7, width: Any = "content",
    key: Key | None = None, on_change: Callback | None = None, args: CallbackArgs | None = None,
    kwargs: CallbackKwargs | None = None, disabled: bool = False, bind: BindOption = None,
    persist_state: PersistState = None,
) -> int:
    """Page numbers with ‹ and › around them: ←/→ move a page, Home/End go to
    the first and last, a digit goes to that page. Returns the page (from 1)."""
    common = WidgetArgs("pagination", f"{num_pages} pages", key=key, on_change=on_change, args=args, kwargs=kwargs,
                        disabled=disabled, label_visibility="collapsed", persist_state=persist_state, bind=bind)
    where = "st.pagination"
    if isinstance(num_pages, bool) or not isinstance(num_pages, int) or num_pages < 1:
        raise StreamlitAPIException(f"{where}: num_pages must be an int of at least 1, got {num_pages!r}.")
    if isinstance(default, bool) or not isinstance(default, int) or not 1 <= default <= num_pages:
        raise StreamlitAPIException(
            f"{where}: default must be a page between 1 and num_pages ({num_pages}), got {default!r}."
        )
    if max_visible_pages is not None and (
        isinstance(max_visible_pages, bool) or not isinstance(max_visible_pages, int) or max_visible_pages < 0
    ):
        raise StreamlitAPIException(
            f"{where}: max_visible_pages must be None or an int >= 0, got {max_visible_pages!r}."
        )

    def coerce(v: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= num_pages:
            raise ValueError("no such page")
        return v

    return int(widget(
        common,
        default=default,
        props={
            "num_pages": num_pages, "max_visible_pages": max_visible_pages, "default": default, "number_type": "int",
        },
        params={"num_pages": num_pages, "default": default},
        key_params=("num_pages",),
        coerce=coerce,
    ))


def visible_pages(page: int, num_pages: int, max_visible: int | None) -> list[int | None]:
    """The page numbers to show around ``page`` (None for a gap "…"): the first
    and last always, about ``max_visible`` in all."""
    if max_visible == 0:
        return []
    if max_visible is None or num_pages <= max_visible:
        return list(range(1, num_pages + 1))
    inner = max(max_visible - 2, 1)
    start = max(2, page - inner // 2)
    end = min(num_pages - 1, start + inner - 1)
    start = max(2, end - inner + 1)
    shown: list[int | None] = [1]
    if start > 2:
        shown.append(None)
    shown.extend(range(start, end + 1))
    if end < num_pages - 1:
        shown.append(None)
    shown.append(num_pages)
    return shown
