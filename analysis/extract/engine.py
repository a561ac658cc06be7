"""One article in, event mentions out, each traced to its sentence and character offsets.

The method is rules over the sentence: a cue pattern (from :mod:`analysis.extract.rules.en`) says which event type a
sentence states; shared logic then finds its arguments: who acted on whom (from the country, capital and
official gazetteers), when (the nearest date expression in the same clause, else the paragraph's narrative
date, else the publication date unless the sentence marks the event as past background), whether it happened,
was announced, planned or cancelled, and whether it was negated ("did not visit" yields nothing).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import NamedTuple

import pandas as pd

from analysis.common.administrations import administration_for
from analysis.common.matching import (
    ScanState,
    anchored,
    current,
    finditer,
    finditer_each,
    may_match,
    rescanned,
    scan_spans,
    search,
    use,
)
from analysis.corpus.loading import Document
from analysis.corpus.sentences import Sentence, runs, segment_bounds, segment_of, split_sentences
from analysis.extract.actors import Mention, find_mentions
from analysis.extract.amounts import amount_usd
from analysis.extract.dates.clauses import opening_clause_date
from analysis.extract.dates.references import is_reference
from analysis.extract.dates.resolver import DateExpr, find_dates
from analysis.extract.offices import office_owner
from analysis.extract.partners import listed_partner, subject_pair
from analysis.extract.rules import en as rules_en
from analysis.extract.statements import sole_date, statement, statement_cue
from analysis.extract.suppliers import plan_total, purchase_roles
from analysis.extract.vocabulary import COLUMNS, EVENT_TYPES
from analysis.extract.votes import LIST_RULES as ABSTENTION_LISTS
from analysis.extract.votes import abstention_polarity, is_un_context

_TYPE_ORDER = {t: i for i, t in enumerate(EVENT_TYPES)}
#: Confidence of a row from (roles defaulted, date not from its own sentence, no date): 0.85 less a penalty
#: for each, clipped to [0.3, 0.95]. Eight values, computed once (round() on a float is slow).
_CONFIDENCE = {
    (defaulted, borrowed, undated): round(
        max(
            0.3,
            min(0.85 - (0.15 if defaulted else 0) - (0.1 if borrowed else 0) - (0.1 if undated else 0), 0.95),
        ),
        2,
    )
    for defaulted in (False, True)
    for borrowed in (False, True)
    for undated in (False, True)
}
PAIR = ("ECU", "ISR")
RUN_CHARS = 1 << 16  # characters of text whose sentences are scanned in one walk of the trigger automaton
#: Mutual events: when both sides are Ecuador and Israel the pair is written in this fixed order.
SYMMETRIC = {"diplomatic_ties", "agreement", "military_cooperation", "un_vote"}
_URLISH = re.compile(r"^\W*(?:https?://|www\.)\S*\W*$")
RULESETS: dict[str, ModuleType] = {"en": rules_en}
#: Visit cues that could be anyone travelling (tourists, a football squad): they need an official in the sentence.
NEEDS_OFFICIAL = {
    "visit_verb_place",
    "visit_noun_to_place",
    "arrival",
    "visited_by",
    "visit_of_official",
    "host_welcomed",
    "meeting_in_place",
}
#: Types whose actor is the grammatical subject, so "Spain, Ireland and Norway recognised" is three events.
SUBJECT_TYPES = {
    "diplomatic_downgrade",
    "palestine_recognition",
    "diplomatic_ties",
    "un_vote",
    "military_rupture",
    "office_opening",
}


def _has_official(sentence: str, mentions: list[Mention], state: DocState, R: ModuleType) -> bool:
    if search(R.OFFICIAL, sentence) or any(m.kind == "person" for m in mentions):
        return True
    return bool(search(R.HE, sentence)) and state.last_person is not None


def _coordinated(
    sentence: str, mentions: list[Mention], actor: str, c: Candidate, R: ModuleType
) -> list[str]:
    """The actor and every country coordinated with it before the cue ("Chile and Colombia recalled")."""
    before = [m for m in mentions if m.end <= c.start]
    idx = [i for i, m in enumerate(before) if m.iso3 == actor]
    if not idx:
        return [actor]
    i = idx[-1]
    group = [before[i]]
    j = i
    while j > 0 and R.COORDINATION.match(sentence[before[j - 1].end : before[j].start]):
        group.insert(0, before[j - 1])
        j -= 1
    j = i
    while j + 1 < len(before) and R.COORDINATION.match(sentence[before[j].end : before[j + 1].start]):
        group.append(before[j + 1])
        j += 1
    out = []
    for m in group:
        if m.iso3 not in out:
            out.append(m.iso3)
    return out


def ruleset(lang: str) -> ModuleType:
    """The cue patterns of a language (``analysis.rules_<lang>``); English where none exists."""
    if lang not in RULESETS:
        try:
            RULESETS[lang] = importlib.import_module(f"analysis.extract.rules.{lang}")
        except ModuleNotFoundError:
            RULESETS[lang] = rules_en
    return RULESETS[lang]


class Candidate(NamedTuple):  # a tuple: made tens of thousands of times per megabyte of text
    event_type: str
    rule: str
    start: int
    end: int
    cue: str


#: Skipped sentences whose trigger pass is kept for a later look-up of their dates and names; older ones
#: keep only their text, so a long run of sentences without either holds little per sentence.
_KEPT_SCANS = 64


@dataclass
class DocState:
    """What the engine remembers across a document's sentences.

    The last dated sentence and the last person named are looked up only in the rare sentence that needs
    them, so a sentence with no cue is not searched for dates and names when it is read: it is queued, and
    the queue is read newest first when the answer is asked for (the same answer, found later).
    """

    R: ModuleType | None = None
    pub: date | None = None
    last_events: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # type -> (para, date, prec)
    mentions_both: bool = False
    visit_direction: tuple[str, str] | None = None
    previous: tuple[int, str] = (-1, "")  # (paragraph, text) of the sentence before the one being read
    paragraph: int = -1  # of the sentence being read
    _last_person: Mention | None = None
    _last_date: tuple[int, DateExpr] | None = None  # (paragraph, date)
    # (paragraph, sentence, its trigger pass or, past the newest _KEPT_SCANS, the sentence), oldest first
    _unread_dates: list[tuple[int, str, ScanState | str]] = field(default_factory=list)
    _unread_people: list[tuple[str, ScanState | str]] = field(default_factory=list)

    def skip(self, paragraph: int, sentence: str) -> None:
        """A sentence read (and scanned) without looking for its dates and names."""
        if self._unread_dates and self._unread_dates[-1][0] != paragraph:
            self._unread_dates.clear()  # a date is only carried within its paragraph
        scanned = current()
        self._unread_dates.append((paragraph, sentence, scanned))
        self._unread_people.append((sentence, scanned))
        for queue in (self._unread_dates, self._unread_people):
            if len(queue) > _KEPT_SCANS:  # keep the text only: scanned again if it is ever read
                old = queue[-_KEPT_SCANS - 1]
                queue[-_KEPT_SCANS - 1] = (*old[:-1], old[-2])

    def saw(self, paragraph: int, dates: list[DateExpr], mentions: list[Mention], sentence: str) -> None:
        """A sentence whose dates and names were found: the newest of them replace what came before."""
        dated = [d for d in dates if d.date]
        if dated:
            self._last_date, self._unread_dates = (paragraph, dated[-1]), []
        elif self._unread_dates and self._unread_dates[-1][0] != paragraph:
            self._unread_dates.clear()
        people = [m for m in mentions if m.kind == "person"]
        if people:
            he = search(self.R.HE, sentence) is not None
            self._last_person, self._unread_people = (people[-1] if he else people[0]), []

    @property
    def last_date(self) -> tuple[int, DateExpr] | None:
        while self._unread_dates:
            paragraph, sentence, scanned = self._unread_dates.pop()
            with rescanned(scanned):
                dated = [d for d in find_dates(sentence, self.pub, self.R.LANG) if d.date]
            if dated:
                self._last_date, self._unread_dates = (paragraph, dated[-1]), []
        return self._last_date

    @property
    def last_person(self) -> Mention | None:
        while self._unread_people:
            sentence, scanned = self._unread_people.pop()
            with rescanned(scanned):
                people = [m for m in find_mentions(sentence, self.R.LANG) if m.kind == "person"]
                he = bool(people) and search(self.R.HE, sentence) is not None
            if people:
                self._last_person, self._unread_people = (people[-1] if he else people[0]), []
        return self._last_person


_PLANS: dict[int, tuple[object, tuple]] = {}


def _plan(R: ModuleType) -> tuple[tuple[str, ...], tuple[str, ...], tuple]:
    """Every rule of a rule set in order, as (types, names, patterns); made once per rule set. No gates:
    the trigger pass tries each pattern only where its opening words begin, or, for a pattern without them,
    only in a sentence holding one of the words every match contains (``matching.required_words``)."""
    got = _PLANS.get(id(R.RULES))
    if got is None or got[0] is not R.RULES:
        rules = [(etype, name, rx) for etype, named in R.RULES.items() for name, rx in named]
        plan = tuple(tuple(column) for column in zip(*rules, strict=True)) if rules else ((), (), ())
        got = _PLANS[id(R.RULES)] = (R.RULES, plan)
    return got[1]


def _candidates(sentence: str, R: ModuleType) -> list[Candidate]:
    """Every cue match, in rule order (each pattern tried only where one of its opening words begins)."""
    types, names, rxs = _plan(R)
    return [
        Candidate(types[i], names[i], m.start(), m.end(), sentence[m.start() : m.end()])
        for i, m in finditer_each(rxs, sentence)
    ]


def _suppress(cands: list[Candidate], mentions: list[Mention], R: ModuleType) -> list[Candidate]:
    """Where two readings compete for the same words, keep the more specific one."""
    types = {c.event_type for c in cands}
    isos = {m.iso3 for m in mentions}

    def overlaps(c: Candidate, kinds: set[str]) -> bool:
        return any(o.event_type in kinds and o.start < c.end and c.start < o.end for o in cands)

    kept = []
    for c in cands:
        if c.event_type == "visit" and "visit_cancelled" in types:
            continue
        if c.event_type in ("arms_purchase", "military_cooperation") and overlaps(c, {"military_rupture"}):
            continue
        if c.event_type == "diplomatic_downgrade" and overlaps(c, {"military_rupture"}):
            continue
        if (
            c.event_type in ("diplomatic_ties", "office_opening")
            and "palestine_recognition" in types
            and "ISR" not in isos
        ):
            continue
        if c.event_type == "agreement" and re.search(R.SEC + r"\W+(?:\w+\W+){0,2}$", c.cue[:40], re.I):
            continue
        kept.append(c)
    return kept


def _negated(sentence: str, c: Candidate, seg_start: int, R: ModuleType) -> bool:
    """Denied, negated, hypothetical or merely discussed: not an event."""
    # Windows are searched in place (pos, endpos), not as slices: a word the window's start cuts in two
    # ("cannot", "piano") is not the word "not" or "no".
    if not may_match((R.NEGATION_CLAUSE, R.HYPOTHETICAL, R.DISCUSSED, R.NEGATION), sentence):
        return False  # none of the words these patterns start with occurs in the sentence
    if search(R.NEGATION_CLAUSE, sentence, 0, c.start):
        return True
    if search(R.HYPOTHETICAL, sentence, max(0, c.start - 40), c.end + 50):
        return True
    if c.event_type not in ("visit", "visit_cancelled", "agreement") and search(
        R.DISCUSSED, sentence, max(0, c.start - 40), c.start
    ):
        return True
    found = finditer(R.NEGATION, sentence, max(seg_start, c.start - 45), c.start)
    m = found[-1] if found else None
    if m is None:
        # a negation inside the cue itself: "did not visit", "denied plans to open"
        inner = search(R.NEGATION, sentence, c.start, c.end)
        return bool(inner) and c.event_type not in ("military_rupture", "diplomatic_downgrade")
    return not R.NOT_ONLY.match(sentence[m.end() : c.start])


def _status(
    sentence: str, c: Candidate, seg: tuple[int, int], when: str, pub: date | None, R: ModuleType
) -> str:
    if c.event_type == "visit_cancelled":
        return "cancelled"
    if c.event_type == "statement":
        return "happened"  # saying is the act: "made the announcement" does not make a statement pending
    seg_start, seg_end = seg
    if not may_match((R.CANCELLED, R.ANNOUNCED, R.PLANNED), sentence):  # nothing below can match
        return (
            "planned"
            if pub and when and len(when) >= 7 and when > pub.isoformat()[: len(when)]
            else "happened"
        )
    start = max(seg_start, c.start - 60)  # the window before the cue, and the cue (searched in place)
    if search(R.CANCELLED, sentence, start, c.end):
        return "cancelled"
    announced = finditer(R.ANNOUNCED, sentence, start, c.start)
    planned = finditer(R.PLANNED, sentence, start, c.start)
    if announced and (not planned or announced[-1].start() < planned[-1].start()):
        return "announced"  # "announced that it would open": the announcement is what happened
    if (
        search(R.PLANNED, sentence, start, c.end)
        or search(R.PLANNED, sentence, c.end, min(seg_end, c.end + 70))
    ) and not search(R.PAST_IN_CUE, sentence, c.start, c.end):
        return "planned"
    if pub and when and len(when) >= 7 and when > pub.isoformat()[: len(when)]:
        return "planned"
    if search(R.ANNOUNCED, sentence, max(seg_start, c.start - 80), min(seg_end, c.end + 40)):
        return "announced"
    return "happened"


def _past_appositions(cuts: list[int], i: int, sentence: str, max_words: int = 3) -> set[int]:
    """Segments after ``i`` that continue its clause across a short apposition between commas
    ("the foreign minister, José Valencia, said on Monday")."""
    out: set[int] = set()
    j = i + 1
    while j + 2 < len(cuts):
        appos, rest = sentence[cuts[j] : cuts[j + 1]], sentence[cuts[j + 1] : cuts[j + 2]]
        if not (
            appos.startswith(",") and rest.startswith(",") and len(re.findall(r"\w+", appos)) <= max_words
        ):
            break
        out |= {j, j + 1}
        j += 2
    return out


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}
_NON_WORDS = re.compile(r"[\W_]+")


def _choose_date(
    c: Candidate, dates: list[DateExpr], cuts: list[int], cands: list[Candidate], sentence: str
) -> DateExpr | None:
    """A date inside the cue, else in the cue's clause, else in a clause that states no other event; never a
    year that names or points to something else ("the 1967 borders", "Resolution 181", "Agenda 2030")."""
    usable = [d for d in dates if d.date and not is_reference(sentence, d)]
    inside = [d for d in usable if c.start <= d.start < c.end]
    if inside:
        return inside[0]
    segs = {segment_of(cuts, c.start), segment_of(cuts, max(c.start, c.end - 1))}
    segs |= _past_appositions(cuts, max(segs), sentence)
    same = [d for d in usable if segment_of(cuts, d.start) in segs]
    if same:
        return min(same, key=lambda d: (_PRECISION_RANK.get(d.precision, 4), abs(d.start - c.start)))
    opening = opening_clause_date(sentence, c.start, usable, cuts) or sole_date(
        sentence, c.event_type, usable, sum(o.event_type != c.event_type for o in cands)
    )
    if opening is not None:
        return opening
    other_segs = {segment_of(cuts, o.start) for o in cands if o.event_type != c.event_type}
    free = []
    for d in usable:
        i = segment_of(cuts, d.start)
        if i in other_segs:
            continue
        clause = sentence[cuts[i] : cuts[i + 1]] if i + 1 < len(cuts) else sentence[cuts[i] :]
        # a clause that is little more than the date: "In 2019, ..."
        if len(_NON_WORDS.sub(" ", clause).strip()) <= len(d.text) + 6:
            free.append(d)
    if free:
        return min(free, key=lambda d: abs(d.start - c.start))
    return None


_SLICE_MEMO: dict[tuple[int, int, int], bool] = {}
_SLICE_MEMO_OF: list[str | None] = [None]


def _finds(rx, sentence: str, a: int, b: int) -> bool:
    """Whether ``rx`` finds a match in ``sentence[a:b]``, remembered for the sentence: every candidate in it
    asks the same of the words before each country ("of Israel", "in Quito")."""
    if _SLICE_MEMO_OF[0] is not sentence:
        _SLICE_MEMO.clear()
        _SLICE_MEMO_OF[0] = sentence
    key = (id(rx), a, b)
    got = _SLICE_MEMO.get(key)
    if got is None:
        got = _SLICE_MEMO[key] = rx.search(sentence[a:b]) is not None
    return got


def _country_before(
    mentions: list[Mention],
    pos: int,
    exclude: set[str] = frozenset(),
    sentence: str | None = None,
    R: ModuleType | None = None,
) -> Mention | None:
    """The nearest mention before ``pos``; with ``sentence``, one that is not the object of a preposition."""
    before = [m for m in mentions if m.end <= pos and m.iso3 not in exclude]
    if sentence is not None and R is not None:
        for m in reversed(before):  # the nearest one that is not the object of a preposition
            if not _finds(R.PREP, sentence, max(0, m.start - 25), m.start):
                return m
    return before[-1] if before else None


def _country_after(
    mentions: list[Mention], pos: int, exclude: set[str] = frozenset(), limit: int = 10_000
) -> Mention | None:
    after = [m for m in mentions if m.start >= pos and m.start - pos <= limit and m.iso3 not in exclude]
    return after[0] if after else None


def _location(sentence: str, mentions: list[Mention], c: Candidate, R: ModuleType) -> Mention | None:
    """A place the event happened in or went to: a country or seat right after 'in', 'at', 'to'."""
    for m in mentions:
        if m.start < c.start - 5 or m.start > c.end + 80:
            continue
        if m.start <= c.end and c.start <= m.start and m.kind in ("name", "seat"):
            lead = sentence[c.start : m.start]
            if R.IN_PLACE.search(lead) or R.VISIT_VERB_END.search(lead):
                return m
        if m.kind in ("name", "seat") and _finds(R.IN_PLACE, sentence, max(0, m.start - 40), m.start):
            return m
    return None


def _agent(sentence: str, mentions: list[Mention], c: Candidate, R: ModuleType) -> Mention | None:
    """The agent of a passive or nominal cue: the country after 'by' ("a visit by Netanyahu to ...")."""
    for m in mentions:
        if c.start <= m.start <= c.end + 60 and R.BY_AGENT.search(
            sentence[max(c.start, m.start - 40) : m.start]
        ):
            return m
    return None


def _legislature_country(
    sentence: str, mentions: list[Mention], c: Candidate, state: DocState, R: ModuleType
) -> str:
    """Whose legislature acted: named outright (Knesset), by a country just before it, or Ecuador's."""
    leg = None
    for m in finditer(R.LEGISLATURE, sentence):
        if leg is None or abs(m.start() - c.start) < abs(leg.start() - c.start):
            leg = m
    if leg is not None:
        named = R.LEGISLATURE_COUNTRY.get(re.sub(r"\s+", " ", leg.group()).lower())
        topic = getattr(R, "LEGISLATURE_TOPIC_AFTER", None)  # "Israel Allies Caucus" is about Israel
        before = [
            m
            for m in mentions
            if 0 <= leg.start() - m.end <= 25 and not (topic and topic.match(sentence, m.end))
        ]
        if before:
            return before[-1].iso3
        if named:
            return named
    isos = [m.iso3 for m in mentions if m.iso3 != "ISR"]
    if "ECU" in isos or (state.mentions_both and not isos):
        return "ECU"
    return isos[0] if isos else ""


def _other(iso: str) -> str:
    return PAIR[1] if iso == PAIR[0] else PAIR[0] if iso == PAIR[1] else ""


def _roles(
    sentence: str, c: Candidate, mentions: list[Mention], state: DocState, R: ModuleType
) -> tuple[str, str, str, bool]:
    """(actor, target, location, defaulted) for a candidate, from the sentence's country mentions."""
    et = c.event_type
    loc = _location(sentence, mentions, c, R)
    location = loc.text if loc else ""
    actor = target = ""
    agent = _agent(sentence, mentions, c, R)
    if et in ("visit", "visit_cancelled"):
        if c.rule == "host_welcomed":
            host = _country_before(mentions, c.start, sentence=sentence, R=R)
            gap_end = c.end + 45
            guest = next(
                (
                    m
                    for m in mentions
                    if c.end <= m.start <= gap_end
                    and (not host or m.iso3 != host.iso3)
                    and not R.NOT_A_GUEST.search(sentence, c.end, m.start)
                ),
                None,
            )
            if R.PASSIVE_BEFORE.search(sentence[max(0, c.start - 12) : c.start]):
                host, guest = agent, _country_before(mentions, c.start, sentence=sentence, R=R)
            actor, target = (guest.iso3 if guest else ""), (host.iso3 if host else "")
        elif c.rule == "visited_by":
            host = _country_before(mentions, c.start, sentence=sentence, R=R)
            actor, target = (agent.iso3 if agent else ""), (host.iso3 if host else "")
        elif c.rule == "leaders_met":
            if {m.iso3 for m in mentions} >= set(PAIR):
                actor, target = state.visit_direction or PAIR
        else:
            in_cue = [m for m in mentions if c.start <= m.start < c.end and m.kind in ("name", "seat")]
            place = loc or (in_cue[-1] if in_cue else None)
            if c.rule == "place_visit" and in_cue:
                place = in_cue[0]
            target = place.iso3 if place else ""
            if c.rule == "visit_of_official":
                agent = next((m for m in mentions if c.end <= m.start <= c.end + 40), agent)
            if agent and agent.iso3 != target:
                actor = agent.iso3
                if not target:
                    target = _other(actor)
            elif not place and state.visit_direction:
                actor, target = state.visit_direction
            else:
                visitor = _country_before(
                    mentions, c.start, exclude={target}, sentence=sentence, R=R
                ) or _country_after(mentions, c.end, exclude={target})
                actor = visitor.iso3 if visitor else ""
    elif et == "legislative_action":
        actor = _legislature_country(sentence, mentions, c, state, R)
        target = "ISR" if actor != "ISR" else "ECU"
    elif et == "palestine_recognition":
        subj = _country_before(mentions, c.start, exclude={"PSE"})
        actor, target = (subj.iso3 if subj else ""), "PSE"
    elif et == "office_opening":
        noun = re.search(R.OFFICE, c.cue, re.I)
        noun_pos = c.start + (noun.start() if noun else 0)
        modifier = [
            m
            for m in mentions
            if m.kind == "seat"
            and 0 <= noun_pos - m.end <= 30
            and getattr(R, "SEAT_PREMODIFIES_OFFICE", True)
            and not R.POSSESSIVE.match(sentence[m.end : m.end + 3])
        ]
        if loc is None and modifier:
            loc, location = modifier[-1], modifier[-1].text
        target = loc.iso3 if loc else ""
        poss = [
            m
            for m in mentions
            if c.start <= m.start
            and m.end <= c.end
            and R.POSSESSIVE.match(sentence[m.end : m.end + 3])
            and m.iso3 != target
        ]
        verb = R.OFFICE_VERB.search(c.cue)
        verb_pos = c.start + (verb.start() if verb else 0)
        subj = _country_before(
            mentions, verb_pos, exclude={target} if target else set(), sentence=sentence, R=R
        )
        opener = poss[-1] if poss else subj
        owner = office_owner(sentence, c.start, c.end, mentions, R.LANG)
        if owner is not None and owner.iso3 != target:
            opener = owner
        actor = opener.iso3 if opener else ""
    elif et == "arms_purchase":
        after_from = [
            m
            for m in mentions
            if m.start >= c.start and R.FROM.search(sentence[max(0, m.start - 12) : m.start])
        ]
        if R.SELL.search(c.cue):
            seller = _country_before(mentions, c.start, sentence=sentence, R=R)
            buyer = _country_after(mentions, c.start, exclude={seller.iso3} if seller else set())
        else:
            seller = after_from[0] if after_from else _country_after(mentions, c.start)
            buyer = _country_before(
                mentions, c.start, exclude={seller.iso3} if seller else set(), sentence=sentence, R=R
            )
        actor, target = (buyer.iso3 if buyer else ""), (seller.iso3 if seller else "")
        previous = state.previous[1] if state.previous[0] == state.paragraph else ""
        actor, target = purchase_roles(sentence, c.start, mentions, R.LANG, actor, target, previous)
        if actor == target:
            target = ""
    else:
        subj = _country_before(mentions, c.start, exclude={"PSE"}, sentence=sentence, R=R)
        if subj is None and et == "un_vote":
            subj = _country_after(mentions, c.end, exclude={"ISR", "PSE"})
        actor = subj.iso3 if subj else ""
        group = set(_coordinated(sentence, mentions, actor, c, R)) if actor else set()
        objects = [
            m
            for m in mentions
            if m.end <= c.start
            and m.iso3 not in group | {actor, "PSE"}
            and _finds(R.PREP, sentence, max(0, m.start - 25), m.start)
        ]
        obj = (
            _country_after(mentions, c.start, exclude={actor, "PSE"})
            or (objects[-1] if objects else None)
            or _country_before(mentions, c.start, exclude=group | {actor, "PSE"})
        )
        target = obj.iso3 if obj else ""
        if et == "un_vote" and actor and actor != "ISR":
            target = "ISR"
    defaulted = False
    if not actor and target:
        actor, defaulted = _other(target), True
    if actor and not target:
        target, defaulted = _other(actor), True
    if not actor and not target and state.mentions_both:
        actor, target, defaulted = "ECU", "ISR", True
    if et == "palestine_recognition" and not actor and state.mentions_both:
        actor, defaulted = "ECU", True
    if et in SYMMETRIC and {actor, target} == set(PAIR):
        actor, target = PAIR
    if et in ("visit", "visit_cancelled") and not defaulted and actor and target and c.rule != "leaders_met":
        state.visit_direction = (actor, target)
    return actor, target, location, defaulted


def _polarity(c: Candidate, sentence: str, R: ModuleType) -> int:
    if c.event_type == "un_vote":
        abstained = abstention_polarity(sentence, c.start, c.end)
        if abstained is not None:
            return abstained
        if search(R.VOTE_AGAINST, sentence):
            return -1
        if search(R.VOTE_FOR, sentence):
            return 1
        return 0
    return (
        -1
        if c.event_type
        in ("visit_cancelled", "military_rupture", "diplomatic_downgrade", "palestine_recognition")
        else 1
    )


def extract_document(doc: Document) -> Iterator[dict]:
    """Event mentions of one article, in sentence order."""
    pub = doc.published
    lang = doc.language
    state = DocState(
        R=ruleset(lang),
        pub=pub,
        mentions_both=all(re.search(p, doc.text) for p in (r"Ecuador", r"Israel|Jerusal[eé]")),
    )
    # one pass finds every trigger word of a run of sentences; patterns then try only where theirs begin.
    # A run spans about RUN_CHARS characters: what is held at once (its trigger hits) stays bounded.
    for run in runs(split_sentences(doc.text, doc.body_start), RUN_CHARS):
        scans = scan_spans(doc.text, [(s.start, s.end, s.text) for s in run])
        for sent, scanned in zip(run, scans, strict=True):
            state.paragraph = sent.paragraph
            rows = _extract_sentence(doc, sent, pub, lang, state, scanned)
            state.previous = (sent.paragraph, sent.text)
            if rows:
                yield from rows


def _extract_sentence(
    doc: Document, sent: Sentence, pub: date | None, lang: str, state: DocState, scanned: ScanState | None
) -> list[dict]:
    """The rows of one sentence (a list, not a generator: most sentences have none or one)."""
    s = sent.text
    if len(s) < 20 or _URLISH.match(s) or " " not in s.strip():
        return []
    R = ruleset(lang)
    use(scanned, s)
    found = _candidates(s, R)
    said = statement_cue(s, R)
    if not found and said is None:
        state.skip(sent.paragraph, s)  # no event cue and nothing said for or against: nothing to extract
        return []
    mentions = find_mentions(s, R.LANG)
    dates = find_dates(s, pub, R.LANG)
    cuts = segment_bounds(s, [(d.start, d.end) for d in dates])
    cands = [c for c in found if not _negated(s, c, cuts[segment_of(cuts, c.start)], R)]
    cands = _suppress(cands, mentions, R)
    stmt = statement(s, said, mentions, state.last_person, R) if said else None
    seen: set[tuple[str, str, str]] = set()
    rows = []
    quote = None  # the sentence in the original file, and where: the same for every row of the sentence
    items: list[tuple[Candidate, str, str, str, bool, int]] = []
    for c in sorted(cands, key=lambda c: (_TYPE_ORDER[c.event_type], c.start)):
        if c.rule in NEEDS_OFFICIAL and not _has_official(s, mentions, state, R):
            continue
        actor, target, location, defaulted = _roles(s, c, mentions, state, R)
        if c.event_type in SYMMETRIC:  # "The United States and Israel signed ...": not Ecuador's event
            actor, target = (
                subject_pair(s, mentions, c.start, R)
                or listed_partner(s, mentions, c.end, actor, target, R)
                or (actor, target)
            )
        if c.rule == "leaders_met" and not ({actor, target} >= set(PAIR)):
            continue
        if c.rule in ABSTENTION_LISTS and not is_un_context(s):
            continue  # a parliament's abstainers are no UN vote
        items.append((c, actor, target, location, defaulted, _polarity(c, s, R)))
    if stmt:
        rule, a, b, cue, actor, target, polarity = stmt
        items.append((Candidate("statement", rule, a, b, cue), actor, target, "", False, polarity))
    items = [
        (c, a, target, location, defaulted, polarity)
        for c, actor, target, location, defaulted, polarity in items
        for a in (_coordinated(s, mentions, actor, c, R) if c.event_type in SUBJECT_TYPES else [actor])
    ]
    for c, actor, target, location, defaulted, polarity in items:
        if c.event_type in ("diplomatic_ties", "office_opening") and target == "PSE":
            c = Candidate("palestine_recognition", c.rule + "_palestine", c.start, c.end, c.cue)
        if not actor or not target or actor == target or not ({actor, target} & {"ISR", "PSE"}):
            continue
        key = (c.event_type, actor, target)
        if key in seen:
            continue
        seen.add(key)
        d = _choose_date(c, dates, cuts, cands, s)
        when, precision, date_text, source = "", "unknown", "", ""
        if d is not None:
            when, precision, date_text, source = d.date, d.precision, d.text, "sentence"
        else:
            prev = state.last_events.get(c.event_type)
            if prev and prev[0] == sent.paragraph and prev[1]:
                when, precision, source = prev[1], prev[2], "same event earlier in paragraph"
            elif (
                state.last_date
                and state.last_date[0] == sent.paragraph
                and state.last_date[1].date
                and not search(R.PRESENT, s)
            ):
                ld = state.last_date[1]
                when, precision, date_text, source = (
                    ld.date,
                    ld.precision,
                    ld.text,
                    "paragraph narrative date",
                )
            elif pub and not search(R.BACKGROUND, s):
                when, precision, source = pub.isoformat()[:7], "month", "publication date"
        i = segment_of(cuts, c.start)
        seg = (cuts[i], cuts[i + 1] if i + 1 < len(cuts) else len(s))
        status = _status(s, c, seg, when, pub, R)
        conf = _CONFIDENCE[bool(defaulted), source not in ("sentence", ""), not when]
        if quote is None:
            a, b = doc.span(sent.start, sent.end)
            quote = doc.raw[a:b]
        in_jerusalem = ""
        if c.event_type == "office_opening":
            in_jerusalem = (
                "true" if re.search(r"\bJerusal[eé]n?m?\b", s[max(0, c.start - 80) : c.end + 80]) else "false"
            )
        rows.append(
            {
                "doc_id": doc.doc_id,
                "file": doc.file,
                "event_type": c.event_type,
                "status": status,
                "date": when,
                "date_precision": precision if when else "unknown",
                "year": int(when[:4]) if when else None,
                "administration": administration_for(when, precision) if when else "",
                "actor": actor,
                "target": target,
                "amount_usd": amount_usd(s, R, f"{doc.file}, characters {a}-{b}")
                if c.event_type == "arms_purchase" and not plan_total(s, R)
                else None,
                "location": location,
                "in_jerusalem": in_jerusalem,
                "quote": quote,
                "start_char": a,
                "end_char": b,
                "rule": f"{R.LANG}:{c.event_type}:{c.rule}",
                "confidence": conf,
                "polarity": polarity,
                "date_text": date_text,
                "date_source": source or "unresolved",
                "cue": c.cue[:80],
                "language": lang,
            }
        )
    for r in rows:
        state.last_events[r["event_type"]] = (sent.paragraph, r["date"], r["date_precision"])
    state.saw(sent.paragraph, dates, mentions, s)
    return rows


def extract_documents(docs: Iterable[Document]) -> Iterator[dict]:
    for doc in docs:
        yield from extract_document(doc)


def mentions_frame(docs: Iterable[Document]) -> pd.DataFrame:
    """All mentions as a frame with the interface columns first, in a stable order."""
    df = pd.DataFrame(list(extract_documents(docs)), columns=COLUMNS)
    df["year"] = df["year"].astype("Int64")
    df["start_char"] = df["start_char"].astype("Int64")
    df["end_char"] = df["end_char"].astype("Int64")
    return df


def prepare(lang: str = "en") -> None:
    """Compile a language's cue, date and name patterns and build the trigger automaton now, rather than on
    the first sentence (the main job calls it when it is imported, so a build's timing is the work alone)."""
    from analysis.common.matching import prepare as build_automaton
    from analysis.extract.actors import _gazetteer
    from analysis.extract.dates.resolver import _plan as date_plan

    R = ruleset(lang)
    date_plan(R.LANG)
    for rx in (*_plan(R)[2], *_gazetteer(R.LANG)[3][:2]):
        if rx is not None:
            anchored(rx)  # registers its words (opening or required) with the automaton
    build_automaton()
