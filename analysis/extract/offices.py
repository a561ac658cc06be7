"""Whose office an office cue is about, when an adjective says so (issue 17).

"La decisión de Trump de mudar a esa ciudad la embajada estadounidense", "the US embassy's move": the
office's own adjective names its owner, whoever the sentence's subject is, so Quito criticising the move
is no Ecuadorian office opening.
"""

from __future__ import annotations

import re

from analysis.extract.actors import Mention

_OFFICE = re.compile(
    r"\b(?:embass(?:y|ies)|consulates?|embajadas?|consulados?|oficinas?\s+comerciales?)\b", re.I
)


def office_owner(sentence: str, start: int, end: int, mentions: list[Mention], lang: str) -> Mention | None:
    """The country whose demonym qualifies an office noun in the cue: after it in Spanish ("la embajada
    estadounidense"), before it in English ("the American embassy")."""
    for noun in _OFFICE.finditer(sentence, start, end + 30):
        for m in mentions:
            if m.kind != "demonym":
                continue
            if lang == "es" and 0 <= m.start - noun.end() <= 1:
                return m
            if lang != "es" and 0 <= noun.start() - m.end <= 1:
                return m
    return None
