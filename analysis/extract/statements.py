"""Statements: a speech act by an official of one country with an evaluative cue toward the other.

Who speaks is the person named nearest the speech verb ("X said that ...", "'...', said X"), else a titled
office with a country ("the Ecuadorian Foreign Ministry", "la Cancillería ecuatoriana"), else the last person
named earlier for "he"/"the president" (coreference), else the person nearest the verb.
"""

from __future__ import annotations

import re
from types import ModuleType

from analysis.common.matching import finditer, search
from analysis.extract.actors import Mention, find_mentions

PAIR = ("ECU", "ISR")

#: A former official speaks for no government: "Former deputy foreign minister X", "el exvicecanciller X".
_FORMER = re.compile(
    r"\b(?:former|ex-\w+|ex(?:vice)?(?:canciller|ministr[oa]|president[ea]?|embajador[a]?|asambleísta))\s+"
    r"(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
)
_WHO = re.compile(r"(?<!\ba\s)\b(?:who|quien|quienes)\s+(?:\w+\s+)?$")
Said = tuple[re.Match[str] | None, re.Match[str], bool]
# (rule, start, end, cue text, speaker, target, polarity)
Statement = tuple[str, int, int, str, str, str, int]


def statement_cue(sentence: str, R: ModuleType) -> Said | None:
    """(speech verb, evaluative cue, whether it is critical) when the sentence says something for or against
    someone, not negated; None otherwise. Needs no names or dates, so it can decide to skip a sentence."""
    speech = search(R.SPEECH, sentence)
    quoted = '"' in sentence or "«" in sentence
    if not (speech or quoted):
        return None
    support = search(R.SUPPORT, sentence)
    condemn_terror = search(R.SUPPORT_CONDEMN, sentence)
    critic = next(
        (
            m
            for m in finditer(R.CRITICISM, sentence)
            if not (condemn_terror and condemn_terror.start() <= m.start() < condemn_terror.end())
        ),
        None,
    )
    support = support or condemn_terror
    cue = critic or support
    if not cue or search(R.NEGATION_CLAUSE, sentence, 0, cue.start()):
        return None
    if speech and speech.start() < cue.start():
        # a relative clause's saying carries the cue: "X was welcomed by Y, who thanked her for ..."
        relative = [
            m
            for m in finditer(R.SPEECH, sentence, speech.end(), cue.end())
            if _WHO.search(sentence, max(0, m.start() - 20), m.start())
        ]
        speech = relative[-1] if relative else speech
    return speech, cue, critic is not None


_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(sentence)] if any(q in sentence for q in '«“"') else []


def _speaker(sentence: str, anchor: int, speech, mentions: list[Mention], last_person, R: ModuleType) -> str:
    quoted = _quoted_spans(sentence)
    # a person named inside the quotation is spoken about, not the speaker: "«... acoger al presidente Lasso»,
    # dijo Herzog"
    people = [
        m
        for m in mentions
        if m.kind == "person"
        and not any(a <= m.start < b for a, b in quoted)
        and not _FORMER.search(sentence, max(0, m.start - 50), m.start)
    ]
    before = [p for p in people if p.end <= anchor and anchor - p.end <= 60]
    after = [p for p in people if p.start >= anchor and p.start - anchor <= 40]
    if speech and before:
        return before[-1].iso3
    if speech and any(
        m.kind == "person"
        and m.end <= anchor
        and anchor - m.end <= 60
        and _FORMER.search(sentence, max(0, m.start - 50), m.start)
        for m in mentions
    ):
        return ""  # the one who speaks is a former official
    if speech and after:
        return after[0].iso3
    # plain, not through the trigger pass: needed in few sentences, its words ("Israel", "President")
    # would be trigger hits in every one
    titled = [
        m
        for m in R.TITLE_COUNTRY.finditer(sentence)
        if not _FORMER.search(sentence, max(0, m.start() - 50), m.start() + 1)
    ]
    he = search(R.HE, sentence)
    if titled:
        best = min(titled, key=lambda m: abs(m.start() - anchor))
        c = next(v for v in best.groupdict().values() if v)
        named = find_mentions(c, R.LANG)  # "Ecuador's", "Israeli", "ecuatoriana", "israelí"
        return named[0].iso3 if named else c
    if he and last_person is not None:
        return last_person.iso3
    if people:
        return min(people, key=lambda p: abs(p.start - anchor)).iso3
    return ""


def statement(
    sentence: str, said: Said, mentions: list[Mention], last_person: Mention | None, R: ModuleType
) -> Statement | None:
    """The statement a sentence makes, with speaker and target, or None when no official of the pair speaks
    about the other."""
    speech, cue, critical = said
    anchor = speech.start() if speech else 0
    speaker = _speaker(sentence, anchor, speech, mentions, last_person, R)
    if speaker not in PAIR:
        return None
    target = PAIR[1] if speaker == PAIR[0] else PAIR[0]
    if not any(m.iso3 == target for m in mentions):
        return None
    end = anchor + (speech.end() - speech.start() if speech else 1)
    rule = "speech_critical" if critical else "speech_support"
    return rule, anchor, end, sentence[cue.start() : cue.end()], speaker, target, -1 if critical else 1


#: A relative clause: its date belongs to the person or thing it describes.
_RELATIVE = re.compile(r"\b(?:who|which|whose|quien|quienes|cuyo|cuya|que)\b", re.IGNORECASE)


def sole_date(sentence: str, event_type: str, usable: list, others: int):
    """A statement's date when its own clause gives none: the sentence's only date, when the sentence states
    nothing else ("Ecuador rejects ..., the minister told the summit in early April"): the whole sentence is
    the saying."""
    if event_type != "statement" or others or len(usable) != 1:
        return None
    d = usable[0]
    # a saying is dated to a day or a month; a year is more often a biography's ("elected last year")
    if d.precision not in ("day", "month") or _RELATIVE.search(sentence, max(0, d.start - 60), d.start):
        return None
    return d
