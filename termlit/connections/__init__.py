"""``st.connection`` and ``st.secrets``.

- :data:`secrets`: read-only values from ``secrets.toml`` files (see
  :mod:`termlit.connections._secrets` for where they are looked for).
- :func:`connection`: a cached, named connection; ``type="sql"`` gives a
  :class:`SQLConnection` (SQLAlchemy + pandas), and any
  :class:`BaseConnection` subclass can be used for other sources.

SQLAlchemy and pandas are imported only when a SQL connection is made.
See docs/connections.md for the secrets.toml forms and a custom connection.
"""

from termlit.connections._base import BaseConnection
from termlit.connections._errors import ConnectionConfigError, MissingDriverError
from termlit.connections._factory import clear_connections, connection
from termlit.connections._secrets import (
    SecretKeyError,
    Secrets,
    SecretSection,
    SecretsFileNotFoundError,
    SecretsParseError,
    secrets,
)
from termlit.connections._sql import SQLConnection

__all__ = [
    "BaseConnection",
    "ConnectionConfigError",
    "MissingDriverError",
    "SQLConnection",
    "SecretKeyError",
    "SecretSection",
    "Secrets",
    "SecretsFileNotFoundError",
    "SecretsParseError",
    "clear_connections",
    "connection",
    "secrets",
]

