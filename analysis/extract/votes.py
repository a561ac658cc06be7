"""UN votes told as abstentions, and lists of abstainers that include the actor (issue 17).

"Among those abstaining, besides Ecuador, were Panama and Uruguay", "Ecuador figuró en el grupo de los que se
abstuvieron", "optó por abstenerse": each is a UN vote whose polarity is 0 (abstained), whatever "for" or
"against" the sentence says of the other countries. A list of abstainers outside the UN (a parliament's
vote) is no UN vote.
"""

from __future__ import annotations

import re

ABSTAIN = re.compile(
    r"\b(?:abstain(?:ed|s|ing)?|abstentions?|abstainers|abst(?:uvo|uvieron|iene|ienen|endrá|enerse|ención|"
    r"enciones))\b",
    re.I,
)
#: The United Nations named in the sentence (the abstention-list cues need it).
_UN = re.compile(
    r"\b(?:U\.?N\.?|United\s+Nations|General\s+Assembly|Security\s+Council|Human\s+Rights\s+Council|"
    r"(?-i:ONU)|Naciones\s+Unidas|Asamblea\s+General|Consejo\s+de\s+Seguridad|Consejo\s+de\s+Derechos\s+Humanos)\b",
    re.I,
)
#: Rule names (in rules/en.py and rules/es.py) that are abstention-list cues: they need the UN in the sentence.
LIST_RULES = {"abstainers_list"}


def is_un_context(sentence: str) -> bool:
    return _UN.search(sentence) is not None


def abstention_polarity(sentence: str, start: int, end: int) -> int | None:
    """0 when the cue is, or sits within a few words of, an abstention; None otherwise."""
    return 0 if ABSTAIN.search(sentence, max(0, start - 60), end + 60) else None
