"""Years that name or point to something rather than date the event (issue 17).

A year inside a proper name ("Agenda 2030", "los Acuerdos de Oslo de 1993", "the 2026 World Cup"), in a
resolution's number, or in a border reference ("the 1967 borders", "las fronteras previas a la guerra de
1967") is part of a name or a reference: an event in the same clause must not take it as its date.
"""

from __future__ import annotations

import re

from analysis.extract.dates.resolver import DateExpr

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
#: Text just before a year that makes it part of a reference.
_BEFORE = re.compile(
    # borders and lines of a year: "borders of 1967", "fronteras previas a la guerra de 1967", "pre-1967"
    r"(?:\b(?:borders?|lines?|frontiers?|boundaries|fronteras?|líneas?|límites)\s+(?:\w+\s+){0,5}?"
    r"(?:of|from|before|de|del|desde|anteriores\s+a|previas\s+a)\s+(?:the\s+|la\s+|el\s+)?"
    r"(?:(?:Six-Day\s+|war\s+of\s+|guerra\s+de\s+|the\s+war\s+of\s+)\s*)?|\bpre-)$"
    # a name that ends in its year: "Agenda 2030", "Expo 2020", "Acuerdos de Oslo de 1993", "Mundial de 2026"
    r"|\b(?!(?:in|on|by|since|from|until|till|through|during|before|after|and|or|the|of|at|around|between|"
    r"en|desde|hasta|durante|para|por|de|del|y|e|el|la|los|las|antes|tras|entre|hacia|año|year)\b)"
    r"(?-i:[A-Z])[\w'-]*[ ]$"
    r"|\b(?:Accords?|Acuerdos?|Mundial|World\s+Cup|Copa\s+(?:\w+\s+){0,2}?|Juegos\s+\w+|Olympics|"
    r"Agenda|Expo|Visión|Vision)\s+(?:(?:of|de|del)\s+(?:\w+\s+){0,2}?(?:of|de)?\s*)?$"
    # a resolution's number: "Resolution 181", "resolución 2334"
    r"|\b(?:Resolutions?|Resoluci(?:ón|ones))\s+(?:N\.?\s?º\s*|No\.?\s*)?$",
    re.I,
)
#: Text just after a year that makes it part of a reference: "the 1967 borders", "the 2026 World Cup".
_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:borders?|lines?|frontiers?|boundaries|World\s+Cup|Olympics|Games|Agenda|Accords?)\b",
    re.I,
)
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\s+(?:de\s+|of\s+)?$", re.I)


def is_reference(sentence: str, d: DateExpr) -> bool:
    """Whether a bare year names or points to something (a name, a resolution, a border line)."""
    if not re.fullmatch(r"\d{4}", d.text.strip()):
        return False  # a day or a month is a date: "7 de octubre de 2023" dates the attack it names
    head = sentence[max(0, d.start - 60) : d.start]
    if _MONTH_BEFORE.search(head):
        return False
    return bool(_BEFORE.search(head) or _AFTER.match(sentence, d.end))
