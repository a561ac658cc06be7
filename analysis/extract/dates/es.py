"""Spanish date expressions, registered with the shared resolver in :mod:`analysis.extract.dates.resolver` at import.

The kinds and group names are those of ``EN_PATTERNS`` (iso, mdy/dmy, my, half, quarter_year, decade, md/dm,
ago, window, rel_unit, coming, deictic, weekday, month, year), so ``_resolve`` is shared. Where ``_resolve``
compares a captured *word* with an English one ("last", "years", "first", "mid", a decade as digits), a match
reports the English equivalent in ``groupdict()`` (see :class:`Canonical`); its text and offsets stay the
Spanish original. Month and weekday names are lower case in Spanish, so a bare "Mayo" or "Domingo" (a
surname, Santo Domingo) is not a date; with a day number ("4 de Mayo de 2025", a headline) either case is.

Handled: "4 de mayo de 2025", "el 17 de septiembre", "mayo 4 de 2025" (dateline), "en mayo de 2008",
"el jueves", "este martes", "el lunes pasado", "el año pasado", "este año", "hace un año",
"hace más de diez años", "en el último año", "en las próximas semanas", "a mediados de los años setenta",
"la década de 1980", "en la segunda mitad de 2014", "a finales de 2019", "desde 1949", "el pasado 4 de mayo",
"hoy", "ayer", "mañana".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from analysis.common.matching import finditer
from analysis.extract.dates.resolver import register_language

MONTHS_ES = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,  # the usual spelling in Ecuador and Peru
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
WEEKDAYS_ES = {
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
}
NUMBERS_ES = {
    "un": 1,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "quince": 15,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
}
DECADE_WORDS = {
    "veinte": 1920,
    "treinta": 1930,
    "cuarenta": 1940,
    "cincuenta": 1950,
    "sesenta": 1960,
    "setenta": 1970,
    "ochenta": 1980,
    "noventa": 1990,
}

#: Spanish words the shared resolver reads, by the English word it expects.
CANON = {
    # relative position (weekday, month, rel_unit)
    "pasado": "last",
    "pasada": "last",
    "el pasado": "last",
    "la pasada": "last",
    "anterior": "previous",
    "el pasado mes de": "last",
    "próximo": "next",
    "próxima": "next",
    "el próximo": "next",
    "la próxima": "next",
    "este próximo": "next",
    "el próximo mes de": "next",
    "entrante": "next",
    "que viene": "next",
    "siguiente": "the following",
    "este": "this",
    "esta": "this",
    "este mes de": "this",
    "presente": "this",
    # deictic
    "hoy": "today",
    "ayer": "yesterday",
    "anoche": "yesterday",
    "mañana": "tomorrow",
    "esta mañana": "today",
    "esta tarde": "today",
    "esta noche": "tonight",
    # units
    "año": "year",
    "años": "years",
    "mes": "month",
    "meses": "months",
    "semana": "week",
    "semanas": "weeks",
    "día": "day",
    "días": "days",
    "década": "decade",
    "décadas": "decades",
    "doce meses": "twelve months",
    "12 meses": "12 months",
    # halves
    "primera": "first",
    "primer": "first",
    "primero": "first",
    "segunda": "second",
    "segundo": "second",
    # parts of a decade
    "principios": "early",
    "inicios": "early",
    "comienzos": "early",
    "mediados": "mid",
    "finales": "late",
    "fines": "late",
}
#: Group values the resolver uses as they are (numbers, months, weekday names) or only tests for presence.
_KEEP = {"y", "mo", "d", "m", "wd", "n", "q"}


def _canon(groups: dict[str, str | None]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key, value in groups.items():
        if value is None:
            out[key] = None
            continue
        norm = re.sub(r"\s+", " ", value).lower()
        if key == "dec":
            out[key] = str(DECADE_WORDS.get(norm) or (1900 + int(norm) if len(norm) == 2 else int(norm)))
        elif key == "q" and norm in CANON:
            out[key] = CANON[norm]
        elif key in _KEEP:
            out[key] = value
        else:
            out[key] = CANON.get(norm, "")
    return out


class CanonicalMatch:
    """A match whose text and offsets are the Spanish original and whose group values are canonical."""

    def __init__(self, m: re.Match[str], groups: dict[str, str | None]) -> None:
        self._m = m
        self._groups = groups

    def span(self, group: int = 0) -> tuple[int, int]:
        return self._m.span(group)

    def start(self, group: int = 0) -> int:
        return self._m.start(group)

    def end(self, group: int = 0) -> int:
        return self._m.end(group)

    def group(self, *names: int | str) -> str | None:
        if not names or names == (0,):
            return self._m.group()
        if len(names) == 1 and isinstance(names[0], str):
            return self._groups.get(names[0])
        raise IndexError("one group name at a time")

    def groupdict(self) -> dict[str, str | None]:
        return dict(self._groups)


class Canonical:
    """A compiled pattern for :func:`analysis.extract.dates.resolver.find_dates` (it calls ``finditer``) that
    canonicalises. One match per match of ``wraps``: the trigger pass runs it only where that pattern's
    opening (or required) words occur."""

    def __init__(self, pattern: str, flags: int = re.I, fix: Callable[[dict], dict] = _canon) -> None:
        self.wraps = re.compile(pattern, flags)
        self.pattern = pattern
        self._fix = fix

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[CanonicalMatch]:
        for m in finditer(self.wraps, string, pos, len(string) if endpos is None else endpos):
            yield CanonicalMatch(m, self._fix(m.groupdict()))

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> CanonicalMatch | None:
        return next(self.finditer(string, pos, endpos), None)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_M_ANY = _alt(MONTHS_ES)  # with re.I: "Mayo" in a headline date with a day number
_M = "(?-i:" + _M_ANY + ")"  # bare month names are lower case
_WD = "(?-i:" + _alt(WEEKDAYS_ES) + ")"
_NUM = _alt(NUMBERS_ES) + r"|\d{1,3}"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?P<d>[0-3]?\d)(?:\s?[º°o]|\.\s?[º°]|ro|er)?"
_DE0 = r"(?:del?)"
_DE = _DE0 + r"\s+"
_DE_OPT = r"(?:del?\s+)?"
_PART = r"(?:principios|inicios|comienzos|mediados|finales|fines)"

ES_PATTERNS: list[tuple[str, Canonical]] = [
    ("iso", Canonical(r"\b(?P<y>" + _YEAR + r")-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")),
    # a dateline: "Quito, mayo 4 de 2025"
    (
        "mdy",
        Canonical(
            r"\b(?P<m>" + _M_ANY + r")\s+(?P<d>[0-3]?\d)(?:\s*,\s*|\s+" + _DE + r")(?P<y>" + _YEAR + r")\b"
        ),
    ),
    (
        "dmy",
        Canonical(
            r"\b" + _DAY + r"\s+de\s+(?P<m>" + _M_ANY + r")(?:\s+" + _DE0 + r"|\s*,)?\s+(?:año\s+)?"
            r"(?P<y>" + _YEAR + r")\b"
        ),
    ),
    ("my", Canonical(r"\b(?P<m>" + _M + r")\s+" + _DE_OPT + r"(?:año\s+)?(?P<y>" + _YEAR + r")\b")),
    (
        "half",
        Canonical(
            r"\b(?P<h>primer[ao]?|segund[ao])\s+(?:mitad|semestre)\s+"
            + _DE_OPT
            + r"(?:(?:año|ejercicio)\s+)?"
            r"(?P<y>" + _YEAR + r")\b"
        ),
    ),
    (
        "quarter_year",
        Canonical(
            r"\b(?:"
            + _PART
            + r"|fin|final|inicio|comienzo|mitad|verano|invierno|primavera|otoño)\s+"
            + _DE
            + r"(?:año\s+)?(?P<y>"
            + _YEAR
            + r")\b"
        ),
    ),
    (
        "decade",
        Canonical(
            r"\b(?:(?P<q>"
            + _PART
            + r")\s+de\s+(?:la\s+década\s+de\s+(?:los\s+)?(?:años\s+)?|los\s+(?:años\s+)?)"
            r"|(?:la\s+)?década\s+de\s+(?:los\s+)?(?:años\s+)?|los\s+años\s+)"
            r"(?P<dec>1[6-9]\d0|20[0-4]0|[2-9]0|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|"
            r"noventa)\b(?!\s*%)"
        ),
    ),
    ("md", Canonical(r"\b(?P<m>" + _M + r")\s+(?P<d>[0-3]?\d)\b(?!\s*(?:,|" + _DE0 + r")?\s*\d)")),
    (
        "dm",
        Canonical(r"\b" + _DAY + r"\s+de\s+(?P<m>" + _M_ANY + r")\b(?!\s*(?:,|" + _DE0 + r")?\s*\d)"),
    ),
    (
        "ago",
        Canonical(
            r"\bhace\s+(?:ya\s+)?(?:(?P<q>más\s+de|casi|cerca\s+de|unos|unas|alrededor\s+de|aproximadamente|"
            r"poco\s+más\s+de|apenas)\s+)?(?P<n>" + _NUM + r")\s+(?P<u>años?|mes(?:es)?|semanas?|días?|"
            r"décadas?)\b"
        ),
    ),
    (
        "window",
        Canonical(
            r"\b(?:en|durante|a\s+lo\s+largo\s+de)\s+(?:el|los|las|la)\s+(?:últim[oa]s?|pasad[oa]s?)\s+"
            r"(?:(?!doce\s+meses|12\s+meses)(?P<n>" + _NUM + r")\s+)?"
            r"(?P<u>doce\s+meses|12\s+meses|años?|mes(?:es)?|semanas?)\b"
        ),
    ),
    # "el año pasado", "la semana próxima", "el año que viene"
    (
        "rel_unit",
        Canonical(
            r"\b(?:el|la|del|de\s+la|al|a\s+la)\s+(?P<u>año|mes|semana)\s+"
            r"(?P<w>pasad[oa]|anterior|próxim[oa]|entrante|siguiente|que\s+viene)\b"
        ),
    ),
    # "este año", "el próximo mes", "la pasada semana", "el presente año"
    (
        "rel_unit",
        Canonical(
            r"\b(?P<w>est[ea]|próxim[oa]|pasad[oa]|presente)\s+(?P<u>año|mes|semana)\b"
            r"(?!\s+de\s+" + _M + r")"  # "el pasado mes de marzo" is a month
        ),
    ),
    (
        "coming",
        Canonical(
            r"\b(?:(?:en|durante)\s+)?(?:l[oa]s\s+)?(?:próxim[oa]s|siguientes|venider[oa]s)\s+"
            r"(?:días|semanas|meses)\b|\b(?:en\s+)?(?:l[oa]s\s+)?(?:días|semanas|meses)\s+venider[oa]s\b|"
            r"\bpróximamente\b"
        ),
    ),
    (
        "deictic",
        Canonical(
            r"\b(?P<w>esta\s+(?:mañana|tarde|noche)|hoy(?!\s+en\s+día|\s+por\s+hoy)|ayer|anoche|"
            r"(?<!la\s)(?<!esta\s)(?<!una\s)(?<!cada\s)(?<!pasado\s)(?<!de\s)mañana)\b"
        ),
    ),
    # "el lunes pasado", "el jueves próximo"
    ("weekday", Canonical(r"\b(?P<wd>" + _WD + r")\s+(?P<w>pasado|próximo)\b")),
    # "el jueves", "este martes", "el pasado domingo", "el próximo lunes"
    (
        "weekday",
        Canonical(
            r"(?<!\blos\s)(?<!\bcada\s)\b(?:(?P<w>el\s+pasado|el\s+próximo|este\s+próximo|este|el|del|al|"
            r"pasado|próximo)\s+)?(?P<wd>" + _WD + r")\b"
        ),
    ),
    # "mayo pasado", "junio próximo"
    ("month", Canonical(r"\b(?P<m>" + _M + r")\s+(?P<w>pasado|próximo|entrante)\b")),
    (
        "month",
        Canonical(
            r"\b(?:(?P<w>el\s+pasado\s+mes\s+de|el\s+próximo\s+mes\s+de|este\s+mes\s+de|(?:en\s+)?el\s+mes\s+de|"
            r"pasado|próximo|en|desde|hasta|para|durante|(?:a\s+)?" + _PART + r"\s+de)\s+)?"
            r"(?P<m>" + _M + r")\b(?!\s+" + _DE_OPT + r"\d)"
        ),
    ),
    (
        "year",
        Canonical(
            r"(?<![$€£#\d.,/-])(?<!\$\s)\b(?P<y>" + _YEAR + r")\b(?![.,]\d)(?!\s*(?:%|por\s*ciento|personas|"
            r"miembros|soldados|efectivos|tropas|militares|km|kilómetros|metros|toneladas|dólares|unidades|"
            r"palestinos|refugiados|estudiantes|profesionales|familias|almas|millones|becarios|fusiles|armas|"
            r"policías|agentes))"
        ),
    ),
]

#: Future tense and plans: a relative date after such words points forward ("visitará ... el jueves").
FUTURE_ES = re.compile(
    r"\b(?:\w+(?:ará|erá|irá|arán|erán|irán)|prevé|prevén|previst[oa]s?|planea|planean|planifica|"
    r"programad[oa]s?|tiene\s+previsto|tienen\s+previsto|se\s+espera|espera|esperan|va\s+a|van\s+a|"
    r"próxim[oa]s?|venider[oa]s?|que\s+viene|entrante|pretende|pretenden|buscará|inicia|comienza|abre)\b",
    re.I,
)

#: Kinds that need a digit in the sentence: not "decade", which Spanish writes in words ("los años setenta").
DIGIT_KINDS_ES = frozenset({"iso", "mdy", "dmy", "my", "half", "quarter_year", "md", "dm", "year"})

register_language(
    "es",
    ES_PATTERNS,
    FUTURE_ES,
    MONTHS_ES,
    WEEKDAYS_ES,
    NUMBERS_ES,
    digit_kinds=DIGIT_KINDS_ES,
)
