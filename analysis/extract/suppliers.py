"""Who sold an arms purchase when the press names the supplier indirectly (issue 17).

Real reports rarely say "bought from Israel". They name the supplier by origin ("Israeli-made rifles", "de
fabricación israelí", "procedentes de Israel", "Tiger-2, de Israel"), by a manufacturer ("Elbit Systems",
"Israel Aerospace Industries"), in a list of several suppliers ("Mamba from South Africa and Tiger-2s from
Israel"), or only in the previous sentence. This module finds those suppliers; the engine's
:func:`~analysis.extract.engine._roles` asks :func:`purchase_roles` to correct the buyer and seller it read
from word order alone.

The manufacturers are curated data (``lexicon/manufacturers.csv``, each row with its reason).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from analysis.common.matching import search
from analysis.extract.actors import Mention, find_mentions

#: The pair the project is about: a purchase with several suppliers is reported for this one when it is there.
_FOCUS = "ISR"


class Supplier(NamedTuple):
    start: int
    end: int
    iso3: str
    how: str  # manufacturer, origin, adjective


@cache
def _manufacturers() -> tuple[re.Pattern[str], dict[str, str]]:
    with (
        resources.files("analysis.extract.lexicon").joinpath("manufacturers.csv").open(encoding="utf-8") as fh
    ):
        rows = list(csv.DictReader(fh))
    rows.sort(key=lambda r: len(r["term"]), reverse=True)
    parts = []
    for r in rows:
        body = re.escape(r["term"]).replace(r"\ ", r"\s+")
        if r["ambiguous"]:
            body += r"(?!\s+(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+|de\s+[A-ZÁÉÍÓÚ]))"  # "Rafael Correa": a first name
        parts.append(body)
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
    return rx, {re.sub(r"\s+", " ", r["term"]).lower(): r["iso3"] for r in rows}


# Equipment nouns an origin adjective can qualify (wider than the cue nouns: "spare parts", "chalecos").
_GEAR_EN = (
    r"(?:weapons?|weaponry|arms|armaments?|aircraft|jets?|fighters?|Kfirs?|helicopters?|missiles?|drones?|"
    r"UAVs?|radars?|rifles?|assault\s+rifles|ammunition|munitions|equipment|hardware|materiel|technology|"
    r"systems?|spare\s+parts|parts|vehicles|armou?red\s+vehicles|patrol\s+boats?|boats?|vessels?|gear|"
    r"body\s+armou?r|helmets|guns|artillery|mortars|planes|transport\s+planes)"
)
_GEAR_ES = (
    r"(?:armas?|armamentos?|aviones|aeronaves|cazas?|Kfir|helicópteros?|misiles?|drones?|radar(?:es)?"
    r"(?:\s+costeros?)?|fusiles(?:\s+de\s+asalto)?|municiones?|equipos?|equipamiento|material(?:es)?|"
    r"tecnología|sistemas?|repuestos|piezas|vehículos(?:\s+(?:tácticos|blindados|antimotines))?|"
    r"blindados|patrulleras?|lanchas?|buques?|implementos|chalecos(?:\s+antibalas)?|cascos|pertrechos|"
    r"artillería|morteros)"
)
_LANG = {
    "en": {
        # text just before a country or demonym that makes it the origin of the goods
        "before": re.compile(
            r"(?:\b(?:made|built|manufactured|produced|designed|developed|supplied)\s+(?:in|by)\s+|"
            r"\b(?:"
            + _GEAR_EN
            + r"|bought|purchased|acquired|ordered|imported|(?-i:[A-Z])[\w-]*s)\s+from\s+|"
            + _GEAR_EN
            + r"\s+of\s+)(?:the\s+)?$",
            re.I,
        ),
        # text right after a demonym that makes it an origin ("Israeli-made", "Israeli company", "Israeli drones")
        "after": re.compile(
            r"(?:-|\s)(?:made|built|manufactured|produced|designed|supplied)\b|"
            r"(?:'s)?\s+(?:state-owned\s+|state\s+|defen[cs]e\s+|arms\s+)?(?:firms?|compan(?:y|ies)|"
            r"manufacturers?|makers?|suppliers?|contractors?|industr(?:y|ies)|shipyards?)\b|"
            r"\s+(?:[\w-]+\s+){0,2}?" + _GEAR_EN + r"\b",
            re.I,
        ),
    },
    "es": {
        "before": re.compile(
            r"(?:\b(?:fabricad|hech|construid|producid|diseñad|desarrollad|suministrad)[oa]s?\s+(?:en|por)\s+|"
            r"\bde\s+(?:fabricación|origen|manufactura|procedencia|producción|diseño)\s+|"
            r"\b(?:procedentes?|provenientes?|importad[oa]s?)\s+(?:desde\s+|de\s+)|"
            r"\b(?:firmas?|empresas?|compañías?|fabricantes?|proveedor(?:es)?|industrias?|estatal(?:es)?|"
            r"consorcios?|astilleros?|contratistas?)\s+(?:\w+\s+)?|"
            r"\b" + _GEAR_ES + r"\s+(?:[\w-]+\s+){0,2}?|"
            r",\s+de\s+|\ba\s+)(?:la\s+|el\s+)?$",
            re.I,
        ),
        "after": re.compile(r"-(?:made|built)\b", re.I),
    },
}
#: Spanish "a" before a country is the seller only right after a verb of buying ("se le comprará a Israel").
_ES_BUY_A = re.compile(r"\bcompr\w*\s+(?:\w+\s+){0,2}?a\s+(?:la\s+|el\s+)?$", re.I)


def find_suppliers(sentence: str, mentions: list[Mention], lang: str) -> list[Supplier]:
    """Every supplier the sentence names by manufacturer or by origin, in order."""
    rx, lookup = _manufacturers()
    out = [
        Supplier(m.start(), m.end(), lookup.get(re.sub(r"\s+", " ", m.group()).lower(), ""), "manufacturer")
        for m in rx.finditer(sentence)
    ]
    pats = _LANG.get(lang, _LANG["en"])
    for m in mentions:
        if m.kind == "person" or any(s.start <= m.start < s.end for s in out):
            continue
        head = sentence[max(0, m.start - 60) : m.start]
        before = pats["before"].search(head)
        if (
            before
            and lang == "es"
            and before.group().lower().lstrip().startswith("a ")
            and not (_ES_BUY_A.search(head))
        ):
            before = None
        if before or pats["after"].match(sentence, m.end, m.end + 60):
            out.append(Supplier(m.start, m.end, m.iso3, "origin"))
    return sorted((s for s in out if s.iso3), key=lambda s: s.start)


_TO = re.compile(r"\b(?:to|a|al|para)\s+(?:the\s+|la\s+|el\s+|las\s+|los\s+)?$", re.I)


def _named_buyer(sentence: str, cue_start: int, mentions: list[Mention], buyer: str) -> bool:
    """Whether ``buyer`` is named as one: before the cue, or after it as its recipient ("to Ecuador"), not
    merely a country the sentence goes on to mention ("flew in the Cenepa war with Peru")."""
    for m in mentions:
        if m.iso3 == buyer and (m.end <= cue_start or _TO.search(sentence[max(0, m.start - 12) : m.start])):
            return True
    return False


def _choose(suppliers: list[Supplier], cue_start: int) -> str:
    isos = [s.iso3 for s in suppliers]
    return _FOCUS if _FOCUS in isos else min(suppliers, key=lambda s: abs(s.start - cue_start)).iso3


def purchase_roles(
    sentence: str, cue_start: int, mentions: list[Mention], lang: str, buyer: str, seller: str, previous: str
) -> tuple[str, str]:
    """(buyer, seller) of a purchase, corrected by the suppliers the sentence names; when it names no
    seller at all, by those of ``previous``, the sentence before it in the paragraph ("Ecuador chose Elbit
    Systems. The contract covers 137 armoured vehicles.")."""
    suppliers = find_suppliers(sentence, mentions, lang)
    if not suppliers:
        if previous and (not seller or seller == buyer):
            before = find_suppliers(previous, find_mentions(previous, lang), lang)
            chosen = _choose(before, len(previous)) if before else ""
            if chosen and chosen != buyer:
                return (buyer if _named_buyer(sentence, cue_start, mentions, buyer) else ""), chosen
        return buyer, seller
    isos = [s.iso3 for s in suppliers]
    chosen = _choose(suppliers, cue_start)
    if buyer and buyer != chosen and buyer not in isos:
        return buyer, chosen
    # the buyer read from word order was a supplier: the buyer is the nearest other country before the cue,
    # else any other country named (or none, and the engine defaults it)
    others = [m for m in mentions if m.iso3 not in isos and m.kind != "person"]
    before = [m for m in others if m.end <= cue_start]
    pick = before[-1] if before else (others[0] if others else None)
    if pick is None:
        people = [m for m in mentions if m.kind == "person" and m.iso3 not in isos]
        pick = people[0] if people else None
    return (pick.iso3 if pick else ""), chosen


#: Words that make an amount a plan's or a budget's total rather than one purchase's price.
_PLAN_BEFORE = re.compile(
    r"\b(?:plan|programme|program|budget|spending|investment|overall|in\s+total|programa|presupuesto|"
    r"inversión|gasto|en\s+total)\b",
    re.IGNORECASE,
)
_PLAN_AFTER = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:que\s+|that\s+)?(?:includes|including|incluye|incluía|comprende)\b"
)


def plan_total(sentence: str, R) -> bool:
    """Whether the sentence's amount is a whole plan's ("the re-equipment plan had reached $429 million, a
    package that includes ..."): then it is no single purchase's amount."""
    m = search(R.AMOUNT, sentence)
    if not m:
        return False
    return bool(_PLAN_BEFORE.search(sentence, max(0, m.start() - 90), m.start())) and bool(
        _PLAN_AFTER.search(sentence[m.end() : m.end() + 60])
    )
