"""Session state: what a user's session remembers between reruns.

One :class:`SessionState` lives as long as the session. It stores

* values the script set (``st.session_state["k"] = v``),
* the value of every widget rendered in the last run, under the widget's
  ``key`` when it has one and under its internal id otherwise,
* a queue of values that arrived from the UI and are applied at the start of
  the next run, in the order they arrived.

Rules (as in Streamlit):

* a value set before a widget is created in a run wins over the widget's
  default;
* writing a widget's key after the widget was created in the same run is an
  error;
* after a run that finished, the state of widgets it did not render is dropped,
  except keys the script itself set, and the values ``persist_state`` keeps:
  ``"session"`` for the whole session, ``"page"`` while the user stays on the
  page the widget was shown on;
* in a multipage app a widget belongs to its page (part of its identity): a
  keyed widget of one page does not take the value another page's widget with
  the same key left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from termlit.errors import StreamlitAPIException

__all__ = ["SessionState", "WidgetMeta", "WIDGET_ID_PREFIX"]

#: Internal widget ids start with this; they are hidden from iteration.
WIDGET_ID_PREFIX = "$$WID-"

_MISSING = object()


@dataclass(slots=True)
class WidgetMeta:
    """What the runtime needs to know about one rendered widget."""

    wid: str
    kind: str
    label: str
    key: str | None
    callback: Callable[..., Any] | None = None
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    #: A trigger (a button) is True only in the run right after it was pressed.
    trigger: bool = False
    #: Widgets inside a form hold their UI value back until the form submits.
    form: str | None = None
    #: The fragment the widget was rendered in: changing it reruns only that.
    fragment: str | None = None
    #: The value the widget starts with (forms with clear_on_submit go back to it).
    default: Any = None
    #: How long the value outlives the widget: "page", "session" or None.
    persist: str | None = None
    #: The page the widget belongs to (None: the entrypoint's, on every page).
    page: str | None = None
    #: False for ``on_change="ignore"``: a change waits for the next rerun
    #: something else asks for.
    rerun: bool = True

    @property
    def value_key(self) -> str:
        return self.key if self.key is not None else self.wid


def _same(a: Any, b: Any) -> bool:
    """Equality that never raises and never compares element-wise."""
    if a is b:
        return True
    try:
        result = a == b
        return result if isinstance(result, bool) else False
    except Exception:
        return False


class SessionState(MutableMapping[str, Any]):
    """The state of one session. ``st.session_state`` is a view of it."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._user_keys: set[str] = set()
        self._meta: dict[str, WidgetMeta] = {}
        self._key_to_wid: dict[str, str] = {}
        self._created: set[str] = set()
        self._pending: dict[str, Any] = {}
        self._held: dict[str, dict[str, Any]] = {}
        #: Keys whose value ``persist_state`` keeps: key -> (scope, page shown on).
        self._persisted: dict[str, tuple[str, str | None]] = {}
        self._lock = threading.Lock()

    # -- the user's view ------------------------------------------------------

    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(_missing_key_message(key)) from None

    def __setitem__(self, key: str, value: Any) -> None:
        wid = self._key_to_wid.get(key)
        if wid is not None:
            meta = self._meta.get(wid)
            if meta is not None and meta.trigger:
                raise StreamlitAPIException(
                    f"The value of `st.{meta.kind}` with key '{key}' cannot be set "
                    f"through st.session_state: it only has a value in the run right after "
                    "the user acted on it. Store your own value under another key instead."
                )
            if wid in self._created:
                raise StreamlitAPIException(
                    f"`st.session_state.{key}` cannot be changed after the widget with "
                    f"key '{key}' was created in this run. Set it before the widget is "
                    "created, or in the widget's on_change callback."
                )
        self._values[key] = value
        self._user_keys.add(key)

    def __delitem__(self, key: str) -> None:
        if key not in self._values:
            raise KeyError(_missing_key_message(key))
        del self._values[key]
        self._user_keys.discard(key)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(
            [k for k in self._values if not k.startswith(WIDGET_ID_PREFIX)]
        )

    def __len__(self) -> int:
        return sum(1 for k in self._values if not k.startswith(WIDGET_ID_PREFIX))

    def to_dict(self) -> dict[str, Any]:
        return {k: self._values[k] for k in self}

    def __repr__(self) -> str:
        return f"SessionState({self.to_dict()!r})"

    # -- the runtime's side ---------------------------------------------------

    def queue_value(self, wid: str, value: Any) -> None:
        """Record a value from the UI; it is applied when the next run starts.

        Called from the UI thread. A second change of the same widget before the
        run replaces the first and moves it to the end of the order.
        """
        with self._lock:
            self._pending.pop(wid, None)
            self._pending[wid] = value

    def has_pending(self) -> bool:
        return bool(self._pending)

    def is_pending(self, wid: str) -> bool:
        """True while a newer UI value for ``wid`` waits for its rerun."""
        return wid in self._pending

    def hold_form_value(self, form: str, wid: str, value: Any) -> None:
        """A widget inside a form changed: keep it until the form submits."""
        with self._lock:
            held = self._held.setdefault(form, {})
            held.pop(wid, None)
            held[wid] = value

    def release_form(self, form: str) -> None:
        """The form's submit button was pressed: its held values go with it."""
        with self._lock:
            held = self._held.pop(form, {})
            for wid, value in held.items():
                self._pending.pop(wid, None)
                self._pending[wid] = value

    def reset_widget(self, wid: str) -> Any:
        """Give a widget its default again (forms cleared on submit)."""
        meta = self._meta.get(wid)
        if meta is None:
            return None
        self._values[meta.value_key] = meta.default
        return meta.default

    def begin_run(self) -> list[WidgetMeta]:
        """Apply queued UI values; return the widgets whose value changed.

        The list is in the order the changes arrived; the runner calls their
        callbacks, in that order, before the script runs.
        """
        with self._lock:
            pending, self._pending = self._pending, {}
        self._created = set()
        for meta in self._meta.values():
            if meta.trigger:
                self._values[meta.value_key] = False
        changed: list[WidgetMeta] = []
        for wid, value in pending.items():
            meta = self._meta.get(wid)
            if meta is None:
                continue  # the widget is gone; its late value means nothing now
            old = self._values.get(meta.value_key, _MISSING)
            self._values[meta.value_key] = value
            if meta.trigger or not _same(old, value):
                changed.append(meta)
        return changed

    def register_widget(
        self,
        meta: WidgetMeta,
        default: Any,
        coerce: Callable[[Any], Any] | None = None,
    ) -> Any:
        """Record a widget rendered in this run and return its current value.

        ``coerce`` checks a remembered value against the widget's current
        definition (options, bounds); when it raises, the default is used.
        """
        self._created.add(meta.wid)
        if meta.key is not None:
            owner = self._meta.get(self._key_to_wid.get(meta.key, ""))
            if (
                owner is not None
                and owner.page != meta.page
                and owner.wid not in self._created
                and meta.key not in self._user_keys
            ):
                self._values.pop(meta.key, None)  # another page's widget left it
            self._key_to_wid[meta.key] = meta.wid
            if meta.persist is not None:
                self._persisted[meta.key] = (meta.persist, None)  # the page: at the run's end
            else:
                self._persisted.pop(meta.key, None)
        self._meta[meta.wid] = meta
        vkey = meta.value_key
        value = self._values.get(vkey, _MISSING)
        if value is _MISSING:
            value = default
        elif coerce is not None:
            try:
                value = coerce(value)
            except Exception:
                value = default
        self._values[vkey] = value
        return value

    def seed_widget_value(self, key: str, value: Any) -> None:
        """Give the keyed widget about to be drawn ``value``, as a value from
        the UI would (a bound query parameter that changed)."""
        self._values[key] = value

    def widget_value(self, wid: str, default: Any = None) -> Any:
        meta = self._meta.get(wid)
        if meta is None:
            return default
        return self._values.get(meta.value_key, default)

    def widget_meta(self, wid: str) -> WidgetMeta | None:
        return self._meta.get(wid)

    def end_run(self, finished: bool, fragment: str | None = None, page: str | None = None) -> None:
        """Forget widgets a finished run did not render (for a fragment rerun:
        only that fragment's widgets), except the values ``persist_state``
        keeps on ``page``, the page the run showed. Between runs every widget
        key may be set again (its widget gets the value in the next run)."""
        try:
            if finished:
                self._prune(fragment, page)
        finally:
            self._created = set()

    def _prune(self, fragment: str | None, page: str | None) -> None:
        live_vkeys = {self._meta[w].value_key for w in self._created if w in self._meta}
        for wid in list(self._meta):
            if wid in self._created:
                continue
            if fragment is not None and self._meta[wid].fragment != fragment:
                continue
            meta = self._meta.pop(wid)
            vkey = meta.value_key
            if vkey not in live_vkeys and vkey not in self._user_keys and not self._persists(vkey, page):
                self._values.pop(vkey, None)
            if meta.key is not None and self._key_to_wid.get(meta.key) == wid:
                del self._key_to_wid[meta.key]
        if fragment is None:  # a "page" value does not outlive a page switch
            for key, (scope, _shown_on) in list(self._persisted.items()):
                if key in live_vkeys:
                    self._persisted[key] = (scope, page)
                    continue
                if self._persists(key, page):
                    continue
                del self._persisted[key]
                if key not in self._user_keys:
                    self._values.pop(key, None)

    def _persists(self, key: str, page: str | None) -> bool:
        kept = self._persisted.get(key)
        return kept is not None and (kept[0] == "session" or kept[1] == page)

    def clear(self) -> None:  # MutableMapping.clear would go key by key
        self._values.clear()
        self._user_keys.clear()
        self._persisted.clear()


def _missing_key_message(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Set it first, for example '
        f'`if "{key}" not in st.session_state: st.session_state["{key}"] = ...`'
    )
