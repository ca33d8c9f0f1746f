"""The cache layer: ``st.cache_data`` and ``st.cache_resource``.

- :data:`cache_data` keeps return values on disk (per app, surviving a
  restart) with hot entries in memory, and hands out a fresh copy at every
  call.
- :data:`cache_resource` keeps one shared object per key in memory, for
  connections, models and clients.

diskcache, xxhash and pandas are imported only when a cached function is
first called, so importing this package stays cheap.
"""

from termlit.caching._data import CacheDataAPI, cache_data
from termlit.caching._errors import CacheWarning, UnhashableParamError, UnserializableReturnValueError
from termlit.caching._func import CachedFunc
from termlit.caching._resource import CacheResourceAPI, cache_resource

__all__ = [
    "CacheDataAPI",
    "CacheResourceAPI",
    "CacheWarning",
    "CachedFunc",
    "UnhashableParamError",
    "UnserializableReturnValueError",
    "cache_data",
    "cache_resource",
]
