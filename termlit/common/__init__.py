"""Pure helpers that several layers share: the elements (which build element
props), the terminal UI (which draws them), AppTest (which reads them), and
the caches of ``st.cache_data`` and ``st.connection``.

Each fact lives here once: date/time formats (:mod:`.timefmt`), chart data
shaping and binning (:mod:`.chartdata`), equality that never raises and option
lookup (:mod:`.values`), data editor edits and dataframe selections
(:mod:`.frames`), colours (:mod:`.colors`), download payloads
(:mod:`.files`), ``ttl`` durations (:mod:`.durations`), safe, cheap copies
of cached values (:mod:`.copies`) and the secret values kept out of every
message (:mod:`.masking`). Nothing in this package imports another part of termlit
except :mod:`termlit.errors`, a leaf module of exception classes.
"""
