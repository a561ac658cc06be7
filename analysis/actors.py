"""Who is mentioned in a sentence: countries, their capitals and seats, and officials, as ISO 3166 alpha-3.

The gazetteers are curated data (``lexicon/countries.csv``, ``lexicon/people.csv``), each row with its reason;
this module only compiles them.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from analysis.patterns import finditer

# Ways a title names an official of a country: "Ecuador's Minister of Defense", "Israeli President".
TITLE_EN = (
    r"(?:President|Vice[- ]President|Prime\s+Minister|PM|Premier|Foreign\s+Minister|FM|Minister|"
    r"Deputy|MP|MPs|lawmakers?|legislators?|congressman|congresswoman|senators?|assembly\s*(?:wo)?man|"
    r"[Aa]mbassador|[Ee]nvoy|[Cc]onsul|[Dd]iplomats?|[Oo]fficials?|[Ss]pokes(?:man|woman|person)|"
    r"[Gg]overnment|[Mm]inistry|Foreign\s+Ministry|Defen[cs]e\s+Ministry|Chancellery|Cancillería|"
    r"[Cc]anciller|[Mm]andatario|[Pp]residente|[Mm]inistro|[Mm]inistra|[Ee]mbajador(?:a)?|"
    r"[Aa]sambleísta|[Dd]iputad[oa]|[Gg]obierno|National\s+Assembly|Asamblea(?:\s+Nacional)?|Congress|"
    r"[Pp]arliament|[Aa]rmed\s+[Ff]orces|[Mm]ilitary|[Aa]rmy|[Nn]avy|[Aa]ir\s+[Ff]orce|[Pp]olice)"
)


class Mention(NamedTuple):  # a tuple: made tens of thousands of times per megabyte of text
    start: int
    end: int
    iso3: str
    kind: str  # name, demonym, seat, person
    text: str


def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("analysis.lexicon").joinpath(name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _term_regex(term: str, kind: str, lang: str) -> str:
    body = re.escape(term).replace(r"\ ", r"\s+")
    if lang == "es" and kind == "demonym":
        body = f"(?i:{body[0]}){body[1:]}"
    return body


@lru_cache(maxsize=4)
def _compiled(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation over every term of the language (longest first) and a lookup from term to country."""
    lookup: dict[str, tuple[str, str]] = {}
    parts: list[tuple[str, str]] = []
    for row in _read_csv("countries.csv"):
        if row["lang"] not in (lang, "*"):
            continue
        lookup[row["term"].lower()] = (row["iso3"], row["kind"])
        parts.append((row["term"], _term_regex(row["term"], row["kind"], lang)))
    for row in _read_csv("people.csv"):
        for name in row["names"].split("|"):
            lookup[name.lower()] = (row["iso3"], "person")
            parts.append((name, _term_regex(name, "person", lang)))
    parts.sort(key=lambda p: len(p[0]), reverse=True)
    alternation = "|".join(p[1] for p in parts)
    rx = re.compile(
        r"(?<![\w-])(?<!Latin\s)(?<!South\s)(?<!Central\s)(?<!North\s)(?:" + alternation + r")(?![\w])"
        r"(?!\s+(?:University|Pictures|Records|River|Journalism|Business\s+School))"
    )
    return rx, lookup


_SPACES = re.compile(r"\s+")


def find_mentions(sentence: str, lang: str = "en") -> list[Mention]:
    rx, lookup = _compiled(lang)
    out = []
    for m in finditer(rx, sentence):
        text = m.group()
        key = (text if text.isalpha() else _SPACES.sub(" ", text)).lower()
        iso3, kind = lookup.get(key, ("", ""))
        if not iso3:
            continue
        if key == "us" and not text.isupper():
            continue
        out.append(Mention(m.start(), m.end(), iso3, kind, text))
    return out
