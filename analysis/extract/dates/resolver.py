"""Date expressions in a sentence, resolved against the article's publication date.

A resolved date is ISO text truncated to its precision (``2010``, ``2014-07``, ``2025-05-04``); for decade
precision it is the central year of the span (``the mid-1970s`` -> ``1975``), so the year column stays usable.
The language-specific words live in :data:`LANGS`; the resolution logic is shared.
"""

from __future__ import annotations

import importlib
import re
import warnings
from datetime import date, timedelta
from typing import NamedTuple

from analysis.common.administrations import interval
from analysis.common.matching import anchored, ci, finditer_each, pivot, search

MONTHS_EN = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS_EN = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS_EN = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
}


class DateExpr(NamedTuple):  # a tuple: made tens of thousands of times per megabyte of text
    start: int
    end: int
    text: str
    date: str  # ISO, truncated to precision; "" when unresolvable
    precision: str  # day, month, year, decade, unknown
    kind: str  # absolute or relative

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _cap(words) -> str:
    """Alternation matching each word capitalised (months and weekdays are proper nouns in English)."""
    return "|".join(sorted((re.escape(w.capitalize()) for w in words), key=len, reverse=True))


_M = _cap(MONTHS_EN)
_WD = _cap(WEEKDAYS_EN)
_NUM = _alt(NUMBERS_EN) + r"|\d{1,3}"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY_OF = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"  # "4 May", "4th of May"

EN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>" + _YEAR + r")-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "mdy",
        re.compile(
            r"\b(?P<m>" + _M + r")\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<y>" + _YEAR + r")\b"
        ),
    ),
    (
        "dmy",
        pivot(
            r"\b",
            _DAY_OF,
            r"\b(?P<m>" + _M + r")\.?,?\s+(?P<y>" + _YEAR + r")\b",
            optional=False,
        ),
    ),
    ("my", re.compile(r"\b(?P<m>" + _M + r")\.?,?\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b")),
    (
        "half",
        re.compile(
            r"\b(?P<h>first|second|1st|2nd)\s+half\s+of\s+(?:the\s+year\s+)?(?P<y>" + _YEAR + r")\b", re.I
        ),
    ),
    (
        "quarter_year",
        re.compile(
            r"\b(?:early|late|mid-?|middle\s+of|end\s+of|beginning\s+of|summer\s+of|"
            r"winter\s+of|spring\s+of|autumn\s+of|fall\s+of)\s*(?P<y>" + _YEAR + r")\b",
            re.I,
        ),
    ),
    (
        "decade",
        pivot(
            r"\b",
            r"the\s+",
            r"\b(?:(?P<q>early|mid|late)[- ]?)?(?P<dec>1[6-9]\d0|20\d0)'?s\b",
            optional=True,
            flags=re.I,
        ),
    ),
    ("md", re.compile(r"\b(?P<m>" + _M + r")\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)")),
    ("dm", pivot(r"\b", _DAY_OF, r"\b(?P<m>" + _M + r")\b(?!\.?,?\s+\d)", optional=False)),
    (
        "ago",
        pivot(
            r"\b",
            r"(?P<q>(?:well\s+)?over|more\s+than|nearly|almost|about|some|around|roughly)?\s*"
            r"(?P<n>" + _NUM + r")\s+(?P<u>years?|months?|weeks?|days?|decades?)\s+",
            r"\bago\b",
            optional=False,
            flags=re.I,
        ),
    ),
    (
        "window",
        pivot(
            r"\b",
            r"(?:in|over|during|within)\s+the\s+",
            r"\b(?:last|past|previous)\s+(?:(?P<n>"
            + _NUM
            + r")\s+)?(?P<u>years?|months?|weeks?|twelve\s+months|12\s+months)\b",
            optional=False,
            flags=re.I,
        ),
    ),
    (
        "rel_unit",
        pivot(
            r"\b",
            r"(?P<w>this|last|next|past|previous|coming|the\s+following)\s+",
            r"\b(?P<u>week|month|year)\b",
            optional=False,
            flags=re.I,
        ),
    ),
    (
        "coming",
        pivot(
            r"\b",
            r"in\s+the\s+",
            r"\b(?:coming|next|following)\s+(?:days|weeks|few\s+weeks|months)\b",
            optional=True,
            flags=re.I,
        ),
    ),
    ("deictic", ci(r"\b(?P<w>today|yesterday|tomorrow|tonight)\b")),
    (
        "weekday",
        pivot(r"\b", r"(?P<w>last|this|next|on|past)\s+", r"\b(?P<wd>" + _WD + r")\b", optional=True),
    ),
    (
        "month",
        pivot(
            r"\b",
            r"(?P<w>last|this|next|early|late|mid-?|in|on|since|until|by|during)\s+",
            r"\b(?P<m>" + _M + r")\b(?!\s+(?:I|we|you)\b)",
            optional=True,
        ),
    ),
    (
        "year",
        re.compile(
            r"(?<![$€£#\d.,/-])\b(?P<y>" + _YEAR + r")\b(?![.,]\d)(?!\s*(?:%|per\s*cent|"
            r"people|members|soldiers|troops|km|kilomet|metres|meters|tons|dollars|units|"
            r"Palestinians|refugees|students|professionals|families|souls))"
        ),
    ),
]

FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|is\s+(?:set|scheduled|due|expected|going|slated|poised|to)|"
    r"are\s+(?:set|scheduled|due|expected|going|slated|poised|to)|plans?\s+to|planned|"
    r"intends?\s+to|upcoming|next|coming|ends?|begins?|starts?|opens?)\b",
    re.I,
)


MONTHS: dict[str, int] = dict(MONTHS_EN)
WEEKDAYS: dict[str, int] = dict(WEEKDAYS_EN)
NUMBERS: dict[str, int] = dict(NUMBERS_EN)


def _month_num(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _num(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _fmt(d: date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return d.isoformat()[:7]
    return str(d.year)


def _resolve(kind: str, m: re.Match[str], pub: date | None, future: bool) -> tuple[str, str]:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["y"]), int(g["mo"]), int(g["d"])).isoformat(), "day"
        if kind in ("mdy", "dmy"):
            return date(int(g["y"]), _month_num(g["m"]), int(g["d"])).isoformat(), "day"
    except ValueError:
        return "", "unknown"
    if kind == "my":
        return f"{int(g['y']):04d}-{_month_num(g['m']):02d}", "month"
    if kind == "half":
        return f"{g['y']}-{'01' if g['h'].lower() in ('first', '1st') else '07'}", "month"
    if kind == "quarter_year" or kind == "year":
        return g["y"], "year"
    if kind == "decade":
        offset = {"early": 2, "mid": 5, "late": 8}.get((g.get("q") or "").lower(), 5)
        return str(int(g["dec"]) + offset), "decade"
    if pub is None:
        return "", "unknown"
    if kind in ("md", "dm"):
        try:
            d = date(pub.year, _month_num(g["m"]), int(g["d"]))
        except ValueError:
            return "", "unknown"
        if d > pub and not future:
            d = date(pub.year - 1, d.month, d.day)
        return d.isoformat(), "day"
    if kind == "ago":
        n, unit = _num(g["n"]), g["u"].lower().rstrip("s")
        vague = bool(g.get("q"))
        if unit == "decade":
            return str(pub.year - 10 * n), "decade"
        if unit == "year":
            return str(pub.year - n), "decade" if vague and n >= 10 else "year"
        if unit == "month":
            return _fmt(_add_months(pub, -n), "month"), "month"
        days = n * (7 if unit == "week" else 1)
        return _fmt(pub - timedelta(days=days), "month" if vague or unit == "week" else "day"), (
            "month" if vague or unit == "week" else "day"
        )
    if kind == "window":
        unit = g["u"].lower()
        n = _num(g["n"]) if g.get("n") else 1
        if unit.startswith("year") or ("month" in unit and ("twelve" in unit or "12" in unit)):
            mid = pub - timedelta(days=int(182 * n))
            return str(mid.year), "year"
        if unit.startswith("month"):
            return _fmt(_add_months(pub, -max(n // 2, 0)), "month"), "month"
        return _fmt(pub, "month"), "month"
    if kind == "rel_unit":
        w, unit = g["w"].lower(), g["u"].lower()
        step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(w, 1)
        if unit == "year":
            return str(pub.year + step), "year"
        if unit == "month":
            return _fmt(_add_months(pub, step), "month"), "month"
        return _fmt(pub + timedelta(days=7 * step), "month"), "month"
    if kind == "coming":
        return _fmt(pub, "month"), "month"
    if kind == "deictic":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["w"].lower()]
        return (pub + timedelta(days=shift)).isoformat(), "day"
    if kind == "weekday":
        target = WEEKDAYS[g["wd"].lower()]
        w = (g.get("w") or "").lower()
        back = (pub.weekday() - target) % 7
        if w == "last" or w == "past":
            d = pub - timedelta(days=back or 7)
        elif w == "next" or (future and w != "last"):
            d = pub + timedelta(days=(target - pub.weekday()) % 7)
        else:
            d = pub - timedelta(days=back)
        return d.isoformat(), "day"
    if kind == "month":
        month = _month_num(g["m"])
        w = (g.get("w") or "").lower()
        if w == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif w == "next":
            year = pub.year if month > pub.month else pub.year + 1
        elif w == "this":
            year = pub.year
        elif future:
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return f"{year:04d}-{month:02d}", "month"
    return "", "unknown"


_ISO = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")


def _resolve_in_range(kind: str, m: re.Match[str], pub: date | None, future: bool) -> tuple[str, str]:
    """``_resolve``, but a date that falls outside the years 1-9999 (a publication date of 0001-01-01 and
    "yesterday") is left undated with a warning: the calendar cannot hold it, and it is a typo, not news."""
    try:
        value, precision = _resolve(kind, m, pub, future)
        if value:
            if not _ISO.fullmatch(value):
                raise ValueError(value)
            interval(value, precision)  # every later stage asks for the span of days; it must exist
        return value, precision
    except (OverflowError, ValueError):
        warnings.warn(
            f"date expression {m.group()!r} relative to the publication date {pub} falls outside the years "
            "1-9999; left undated (check the article's publication date)",
            DateWarning,
            stacklevel=3,
        )
        return "", "unknown"


class DateWarning(UserWarning):
    """A date expression that cannot be placed on the calendar."""


#: Kinds whose patterns need a digit: they skip a digit-free sentence. Kept by hand: "needs some digit
#: somewhere" is not a word the trigger pass could look for (other gates are derived from the patterns).
_DIGIT_KINDS = {
    "iso",
    "mdy",
    "dmy",
    "my",
    "half",
    "quarter_year",
    "decade",
    "md",
    "dm",
    "year",
    "ago",
    "window",
}
_DIGIT = re.compile(r"\d")
DIGIT_KINDS: dict[str, frozenset[str]] = {}


#: Date patterns per language; another language registers its own (same kinds, same group names).
PATTERNS: dict[str, list[tuple[str, re.Pattern[str]]]] = {"en": EN_PATTERNS}
FUTURES: dict[str, re.Pattern[str]] = {"en": FUTURE}


def register_language(
    lang: str,
    patterns,
    future: re.Pattern[str],
    months: dict[str, int],
    weekdays: dict[str, int],
    numbers: dict[str, int],
    digit_kinds: set[str] | frozenset[str] | None = None,
) -> None:
    """Add a language's date words; resolution (the hard part) stays shared."""
    PATTERNS[lang] = patterns
    if digit_kinds is not None:
        DIGIT_KINDS[lang] = frozenset(digit_kinds)
    FUTURES[lang] = future
    MONTHS.update(months)
    WEEKDAYS.update(weekdays)
    NUMBERS.update(numbers)


_PLANS: dict[str, tuple[object, tuple]] = {}


def _plan(lang: str) -> tuple[tuple[str, ...], tuple, tuple[list[bool], list[bool]]]:
    """A language's date kinds and patterns (registered with the trigger pass, which runs each only where its
    opening or required words occur), and which patterns to skip in a sentence without and with a digit."""
    patterns = PATTERNS.get(lang, EN_PATTERNS)
    got = _PLANS.get(lang)
    if got is None or got[0] is not patterns:
        digit_kinds = DIGIT_KINDS.get(lang, _DIGIT_KINDS)
        kinds = tuple(k for k, _ in patterns)
        rxs = tuple(rx for _, rx in patterns)
        for rx in rxs:
            anchored(rx)
        needs_digit = [k in digit_kinds and k not in ("ago", "window") for k in kinds]
        got = _PLANS[lang] = (patterns, (kinds, rxs, (needs_digit, [False] * len(kinds))))
    return got[1]


def find_dates(sentence: str, pub: date | None, lang: str = "en") -> list[DateExpr]:
    """Non-overlapping date expressions, the more specific pattern winning where two overlap."""
    if lang not in PATTERNS:
        try:
            importlib.import_module(f"analysis.extract.dates.{lang}")
        except ModuleNotFoundError:
            lang = "en"
    kinds, rxs, (without_digit, with_digit) = _plan(lang)
    future_rx = FUTURES.get(lang, FUTURE)
    skip = with_digit if _DIGIT.search(sentence) else without_digit
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    for i, m in finditer_each(rxs, sentence, skip):
        kind = kinds[i]
        a, b = m.span()
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        if kind == "month" and m.group("m") == "May" and not m.group("w") and a == 0:
            continue  # "May I ..." at the start of a sentence is the verb
        # tense is read from the words just before the date: "landed ... on Tuesday" is past even if a
        # later clause says "will"
        future = bool(search(future_rx, sentence, max(0, a - 50), a))
        value, precision = _resolve_in_range(kind, m, pub, future)
        taken.append((a, b))
        found.append(
            DateExpr(
                a,
                b,
                m.group(),
                value,
                precision,
                "absolute"
                if kind in {"iso", "mdy", "dmy", "my", "half", "quarter_year", "decade", "year"}
                else "relative",
            )
        )
    found.sort(key=lambda d: d.start)
    return found
