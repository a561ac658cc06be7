"""Dates across an opening adverbial clause.

A sentence that opens with a clause without its own finite verb ("As part of his tour, ...", "After touching
down at Ben Gurion on Monday, ...", "Como parte de su gira internacional, ...", "Tras tocar tierra el lunes,
...") tells one moment in two clauses: an event cue in one of them takes the date of the other when its own
has none. Not across a saying ("After the talks, the ministry said on Monday ..."): the saying's date is not
the event's.
"""

from __future__ import annotations

import re

from analysis.corpus.sentences import segment_of
from analysis.extract.dates.resolver import DateExpr
from analysis.extract.rules import en as rules_en
from analysis.extract.rules import es as rules_es

OPENING = re.compile(
    r"^\W*(?:After|Upon|During|Following|As\s+part\s+of|On\s+(?:arriving|arrival|landing)|"
    r"Tras|Durante|Como\s+parte\s+de|En\s+el\s+marco\s+de|Después\s+de|Luego\s+de|Al\s+\w+(?:ar|er|ir)\b)\b",
)

#: A time phrase of a few words with no verb: "In the first days of August", "A inicios de agosto".
_TIME_OPENER = re.compile(
    r"^\W*(?:In|At|On|By|En|A|Al|Para)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+\s*$",
)
#: A complement clause inside the opening clause: it has a verb, and a time, of its own.
_CLAUSE = re.compile(r"\b(?:que|that|cuando|when)\b", re.IGNORECASE)


def opening_clause_date(
    sentence: str, start: int, usable: list[DateExpr], cuts: list[int]
) -> DateExpr | None:
    """The date of the clause on the other side of an opening adverbial clause, or None."""
    if len(cuts) < 3 or not sentence.startswith(",", cuts[1]):
        return None
    if not OPENING.match(sentence):
        # a short time phrase that opens the sentence: "In the first days of August, ...", "A inicios de
        # agosto, ...": its date is the main clause's
        if segment_of(cuts, start) != 1 or not _TIME_OPENER.match(sentence, 0, cuts[1]):
            return None
        there = [d for d in usable if d.end <= cuts[1]]
        return there[-1] if there else None
    if _CLAUSE.search(sentence, 0, cuts[1]):
        return None  # "Al recordar que en 1947 ...,": the opening clause reports a moment of its own
    seg = segment_of(cuts, start)
    if seg > 1:
        return None
    other = 1 - seg
    a, b = cuts[other], cuts[other + 1]
    if rules_en.SPEECH.search(sentence, a, b) or rules_es.SPEECH.search(sentence, a, b):
        return None
    there = [d for d in usable if segment_of(cuts, d.start) == other]
    return there[0] if there else None
