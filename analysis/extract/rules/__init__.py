"""Each language's cue patterns, one module per language with the same attribute names (``en``, ``es``)."""
