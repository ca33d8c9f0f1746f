"""``BaseConnection``: what every ``st.connection`` object is built on.

A connection wraps one "raw" client object (an SQLAlchemy Engine, an HTTP
session, a driver connection...). A subclass writes one method::

    class KVConnection(BaseConnection[dict]):
        def _connect(self, **kwargs) -> dict:
            # kwargs: what st.connection(...) was given; self._secrets: the
            # [connections.<name>] table of secrets.toml
            return open_client(**{**self._secrets.to_dict(), **kwargs})

and uses ``self._instance`` (connecting again after :meth:`reset`) in its
own methods. When the ``[connections.<name>]`` table changes in a
secrets.toml, the next use of ``_instance`` connects again with the new values.
"""

from __future__ import annotations

import hashlib
import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from termlit.common.masking import contains_secret, masked_exception, register_from_mapping
from termlit.connections._secrets import SecretSection, secrets
from termlit.runtime.context import current_run_context

__all__ = ["BaseConnection", "RawConnectionT", "masked_copy", "spinner"]

RawConnectionT = TypeVar("RawConnectionT")


def _hash_table(table: dict[str, Any]) -> str:
    text = json.dumps(table, sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def masked_copy(exc: BaseException) -> BaseException | None:
    """A copy of ``exc`` with its message masked when that message holds a
    secret; None when it holds none (raise ``exc`` itself then)."""
    try:
        text = str(exc)
    except Exception:  # a broken __str__ shows no secret
        return None
    return masked_exception(exc) if contains_secret(text) else None


@contextmanager
def spinner(text: Any) -> Iterator[None]:
    """Show a spinner in the app while the block runs (nothing outside a run)."""
    ctx = current_run_context()
    if ctx is None or ctx.bare or not text:
        yield
        return
    label = text if isinstance(text, str) else "Running..."
    _element, slot = ctx.emit("spinner", {"text": label})
    runner = ctx.runner
    if runner is not None:  # show it now, not at the next periodic flush
        runner.notify()
    try:
        yield
    finally:
        ctx.clear(slot)  # never raises for a stop request; the slot goes when last


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base of ``st.connection`` objects; see the module docstring.

    Make them with ``st.connection(name, type=MyConnection, **kwargs)``,
    which caches one per name and parameters, rather than directly.
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._lock = threading.RLock()
        register_from_mapping(kwargs)
        self._config_section_hash = _hash_table(self._secrets_table())
        self._raw_instance: RawConnectionT | None = None
        self._raw_instance = self._connect_masked()

    # -- for subclasses ---------------------------------------------------------

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Create the raw client object from ``kwargs`` and ``self._secrets``."""

    def _secrets_table(self) -> dict[str, Any]:
        table, _loaded = secrets._table("connections", self._connection_name)
        return table

    @property
    def _secrets(self) -> SecretSection:
        """This connection's ``[connections.<name>]`` table (empty when absent)."""
        table, loaded = secrets._table("connections", self._connection_name)
        return SecretSection(table, ("connections", self._connection_name), loaded)

    @property
    def _instance(self) -> RawConnectionT:
        """The raw client object, connecting (again) when needed."""
        self._check_secrets()
        with self._lock:
            if self._raw_instance is None:
                self._raw_instance = self._connect_masked()
            return self._raw_instance

    def _connect_masked(self) -> RawConnectionT:
        """``_connect`` whose errors never carry a secret value in their text."""
        try:
            return self._connect(**self._kwargs)
        except Exception as exc:
            safe = masked_copy(exc)
            if safe is not None:
                raise safe from None
            raise

    # -- public -----------------------------------------------------------------

    def reset(self) -> None:
        """Forget the raw client object; the next use connects again."""
        with self._lock:
            self._raw_instance = None

    def _check_secrets(self) -> None:
        """Reset when this connection's secrets table changed since it connected."""
        current = _hash_table(self._secrets_table())
        if current != self._config_section_hash:
            with self._lock:
                if current != self._config_section_hash:
                    self._config_section_hash = current
                    self.reset()

    def __repr__(self) -> str:
        state = "connected" if self._raw_instance is not None else "not connected"
        return f"{type(self).__name__}(name={self._connection_name!r}, {state})"
