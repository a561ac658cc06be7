"""Who is mentioned in a sentence: countries, their capitals and seats, and officials, as ISO 3166 alpha-3.

The gazetteers are curated data (``lexicon/countries.csv``, ``lexicon/people.csv``), each row with its reason;
this module only compiles them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.matching import lower, pivot, trigger_starts

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


#: Each gazetteer's columns, and the one that holds its terms (``people.csv``: several, split by "|").
_LEXICON_COLUMNS = {
    "countries.csv": (("iso3", "lang", "kind", "term"), "term"),
    "people.csv": (("iso3", "names"), "names"),
}


def _read_csv(name: str) -> list[dict[str, str]]:
    return read_lexicon(Path(str(resources.files("analysis.extract.lexicon").joinpath(name))))


def read_lexicon(path: Path) -> list[dict[str, str]]:
    """A gazetteer's rows (``countries.csv`` or ``people.csv``), checked: a blank term would match the empty
    string everywhere, and one term mapped to two countries would let the file order decide which is meant."""
    required, term_column = _LEXICON_COLUMNS[path.name]
    rows = read_rows(path, required=required)
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for line, r in rows:
        if not re.fullmatch(r"[A-Z]{3}", r["iso3"]):
            raise DataError(f"iso3 must be an ISO 3166 alpha-3 code, not {r['iso3']!r}", path, line, "iso3")
        for term in r[term_column].split("|"):
            if not term.strip():
                raise DataError("a blank term would match everywhere", path, line, term_column)
            key = (r.get("lang", "*"), _SPACES.sub(" ", term.strip()).lower())
            iso3, at = first.setdefault(key, (r["iso3"], line))
            if iso3 != r["iso3"]:
                raise DataError(
                    f"{term!r} is {iso3} on line {at} and {r['iso3']} here: one country per term",
                    path,
                    line,
                    term_column,
                )
    return [r for _, r in rows]


def _term_regex(term: str, kind: str, lang: str) -> str:
    body = re.escape(term).replace(r"\ ", r"\s+")
    if lang == "es" and kind == "demonym":
        body = f"(?i:{body[0]}){body[1:]}"
    return body


# Not inside a longer word or name ("Latin America", "South Sudan"); not a university or a film studio.
_BEFORE = r"(?<![\w-])(?<!Latin\s)(?<!South\s)(?<!Central\s)(?<!North\s)(?:"
_AFTER = r")(?![\w])(?!\s+(?:University|Pictures|Records|River|Journalism|Business\s+School))"


def _compiled(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation over every term of the language (longest first) and a lookup from term to country."""
    rx, lookup, _, _ = _gazetteer(lang)
    return rx, lookup


#: A term that opens with one of these ("the Hague", "El Salvador") is found from its second word: a trigger
#: on every "the" would cost more than all the other names together.
_ARTICLES = {"the", "el", "la", "los", "las"}


@lru_cache(maxsize=4)
def _gazetteer(
    lang: str,
) -> tuple[
    re.Pattern[str],
    dict[str, tuple[str, str]],
    dict[str, re.Pattern[str]],
    tuple[re.Pattern[str], re.Pattern[str] | None, tuple[str, ...]],
]:
    """The alternation, the lookup, the same alternation cut by the (lower-cased) first letter of its
    terms (where a match may start, only the terms with that letter are tried, in the same order, so the
    match is the one the whole alternation finds there), and the patterns whose trigger words say where a
    match may start: the terms that do not open with an article, and those that do, anchored on the word
    after it (None when there are none), and the words one of which a sentence needs for the latter."""
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
    rx = re.compile(_BEFORE + "|".join(p[1] for p in parts) + _AFTER)
    by_initial: dict[str, list[str]] = {}
    for term, body in parts:
        by_initial.setdefault(lower(term[0]), []).append(body)
    subs = {c: re.compile(_BEFORE + "|".join(bodies) + _AFTER) for c, bodies in by_initial.items()}
    articles: set[str] = set()
    seconds: set[str] = set()  # the word after the article, as written ("Hague"): no such term without it
    plain, after_article = [], []
    for term, body in parts:
        first, *rest = term.split()
        head = re.escape(first) + r"\s+"
        if first.lower() in _ARTICLES and rest and body.startswith(head):
            articles.add(re.escape(first))
            seconds.add(rest[0])
            after_article.append(body[len(head) :])
        else:
            plain.append(body)
    if not articles:
        return rx, lookup, subs, (rx, None, ())
    # where a match may start: at a term's own first word, or at an article found just before the rest of one
    article = "(?:" + "|".join(sorted(articles)) + r")\s+"
    triggers = (
        re.compile(_BEFORE + "|".join(plain) + ")"),
        pivot("", article, _BEFORE + "|".join(after_article) + ")", optional=False),
        tuple(sorted(seconds)),
    )
    return rx, lookup, subs, triggers


_SPACES = re.compile(r"\s+")


def _matches(sentence: str, lang: str) -> list[re.Match[str]]:
    """What ``finditer`` of the gazetteer finds, trying at each trigger position only its letter's terms."""
    rx, _, subs, (trigger, after_article, seconds) = _gazetteer(lang)
    found = trigger_starts(trigger, sentence)
    if found is None:
        return list(rx.finditer(sentence))
    low, starts = found
    if after_article is not None and any(word in sentence for word in seconds):
        more = trigger_starts(after_article, sentence)
        if more is None:
            return list(rx.finditer(sentence))
        if more[1]:
            starts = sorted(starts + more[1])
    out = []
    nxt = 0
    for p in starts:
        if p >= nxt:
            sub = subs.get(low[p])
            m = sub.match(sentence, p) if sub is not None else None
            if m is not None:
                out.append(m)
                nxt = m.end() if m.end() > p else p + 1
    return out


def find_mentions(sentence: str, lang: str = "en") -> list[Mention]:
    _, lookup, _, _ = _gazetteer(lang)
    out = []
    for m in _matches(sentence, lang):
        text = m.group()
        key = (text if text.isalpha() else _SPACES.sub(" ", text)).lower()
        iso3, kind = lookup.get(key, ("", ""))
        if not iso3:
            continue
        if key == "us" and not text.isupper():
            continue
        out.append(Mention(m.start(), m.end(), iso3, kind, text))
    return out
