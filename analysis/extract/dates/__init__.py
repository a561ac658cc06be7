"""Date expressions: the shared resolver (:mod:`.resolver`, English built in) and each further language's
patterns registered with it at import (:mod:`.es`)."""
