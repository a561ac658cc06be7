"""Two partners named together as the subject of a symmetric event.

"The United States and Israel signed a memorandum ..." is cooperation between those two, whatever other
country the sentence names afterwards ("... larger than Ecuador's budget"): when the words right before the
cue are two countries joined by "and"/"y"/"e", one of them Israel and neither Ecuador, they are the pair.
With Ecuador among them ("Ecuador and Israel signed", "con Estados Unidos e Israel") nothing changes.
"""

from __future__ import annotations

import re
from types import ModuleType

from analysis.extract.actors import Mention

#: Between the subject and the cue: its clause, no break ("signed a memorandum in 2016 guaranteeing $38
#: billion in military aid"); a point or comma only inside a number ("38.000").
_GAP = re.compile(r"^(?:[^,;:.()«»\"]|(?<=\d)[.,](?=\d)){0,90}$")
#: A preposition right before the first partner makes the pair an object, not the subject.
_PREP_BEFORE = re.compile(
    r"\b(?:with|between|among|con|entre|de|of|to|a)\s+(?:the\s+|los\s+|el\s+|la\s+)?$", re.I
)


def subject_pair(sentence: str, mentions: list[Mention], start: int, R: ModuleType) -> tuple[str, str] | None:
    """(other, "ISR") when a coordinated pair of countries without Ecuador is the subject of the cue at
    ``start``; None otherwise."""
    before = [m for m in mentions if m.end <= start and m.kind in ("name", "demonym", "seat")]
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    if not _GAP.match(sentence[b.end : start]) or not R.COORDINATION.match(sentence[a.end : b.start]):
        return None
    if _PREP_BEFORE.search(sentence[max(0, a.start - 20) : a.start]):
        return None
    isos = {a.iso3, b.iso3}
    if "ISR" not in isos or "ECU" in isos or len(isos) != 2 or any(m.iso3 == "ECU" for m in before):
        return None
    return (isos - {"ISR"}).pop(), "ISR"


#: "cooperation with the United States and Israel", "cooperación militar con Estados Unidos e Israel"
_WITH = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:with|con|between|entre)\s+(?:the\s+|el\s+|los\s+)?$", re.I)


def listed_partner(
    sentence: str, mentions: list[Mention], end: int, actor: str, target: str, R: ModuleType
) -> tuple[str, str] | None:
    """(actor, "ISR") when the cue's partner ("with X") is a list of coordinated countries that includes
    Israel and the other side is Ecuador; None otherwise."""
    if "ISR" in (actor, target) or "ECU" not in (actor, target):
        return None
    after = [m for m in mentions if m.start >= end and m.kind in ("name", "demonym", "seat")]
    if not after or not _WITH.match(sentence[end : after[0].start]):
        return None
    group = [after[0]]
    for m in after[1:]:
        if not R.COORDINATION.match(sentence[group[-1].end : m.start]):
            break
        group.append(m)
    if not any(m.iso3 == "ISR" for m in group):
        return None
    return "ECU", "ISR"
