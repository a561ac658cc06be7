"""Articles in: loading with manifest and offsets (:mod:`.loading`), normalisation (:mod:`.normalise`),
language detection (:mod:`.language`), sentence splitting (:mod:`.sentences`). Imports only ``common``."""
