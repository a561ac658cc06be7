"""Sentences to event mentions: the shared engine (:mod:`.engine`), each language's cue rules (:mod:`.rules`),
date expressions (:mod:`.dates`), actors and gazetteers (:mod:`.actors`, ``lexicon/``).
Imports ``corpus`` and ``common``, nothing above them."""
