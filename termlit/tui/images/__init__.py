"""Pictures on the terminal: tiers (:mod:`.tiers`), asking the terminal
(:mod:`.probe`), cells (:mod:`.cells`), kitty and sixel (:mod:`.protocols`),
and sizing, encoding and caching (:mod:`.render`)."""
