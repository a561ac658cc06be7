"""Measures others built, read from ``data/external/``: UN votes (:mod:`.unga`), the SIPRI register
(:mod:`.arms`), and the table that sets them beside the text coding (:mod:`.validation`). Imports only
``common``."""
