"""Ecuador's administrations from the curated ``data/administrations.csv``; dates map to presidents."""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import DATA

ADMINISTRATIONS_CSV = DATA / "administrations.csv"
BACKGROUND = "background"
#: Before this day no coded administration exists; events are kept as background.
CODED_FROM = date(2007, 1, 15)


@dataclass(frozen=True)
class Administration:
    president: str
    name: str
    start: date
    end: date  # exclusive: the successor's swearing-in day
    source: str
    #: the curated file this row came from, so a later warning can name it
    file: str = field(default="", compare=False, repr=False)

    def years_in_office(self, today: date | None = None) -> float:
        stop = min(self.end, today or date.today())
        return max((stop - self.start).days, 0) / 365.25


def _parse_day(value: str, path: Path, line: int, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"not an ISO date (YYYY-MM-DD): {value!r}", path, line, field) from None


def load_administrations(path: Path = ADMINISTRATIONS_CSV) -> tuple[Administration, ...]:
    """Administrations in date order; overlaps, gaps or unordered dates are errors naming the row."""
    rows = read_rows(path, required=("president", "start", "end", "source"))
    admins: list[tuple[int, Administration]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        if not row["president"]:
            raise DataError("empty president", path, line, "president")
        if row["president"] in seen:
            raise DataError(
                f"president {row['president']!r} given twice (first on line {seen[row['president']]}): one row "
                "per administration; a second term is the same administration, so widen its dates",
                path,
                line,
                "president",
            )
        seen[row["president"]] = line
        if not row["source"]:
            raise DataError("every administration needs a source", path, line, "source")
        start = _parse_day(row["start"], path, line, "start")
        end = _parse_day(row["end"], path, line, "end")
        if end <= start:
            raise DataError(f"end {end} is not after start {start}", path, line, "end")
        admins.append(
            (
                line,
                Administration(
                    row["president"],
                    row.get("name") or row["president"],
                    start,
                    end,
                    row["source"],
                    str(path),
                ),
            )
        )
    if not admins:
        raise DataError("no administrations: the file needs at least one row", path, 2, "president")
    admins.sort(key=lambda pair: pair[1].start)
    for (_, prev), (line, cur) in itertools.pairwise(admins):
        if cur.start < prev.end:
            raise DataError(
                f"overlaps {prev.president} (ends {prev.end}, this starts {cur.start})", path, line, "start"
            )
        if cur.start > prev.end:
            raise DataError(
                f"gap after {prev.president} (ends {prev.end}, this starts {cur.start})", path, line, "start"
            )
    return tuple(a for _, a in admins)


class AdministrationWarning(UserWarning):
    """Events that fall outside every administration in the curated file."""


def warn_uncovered(days: list[str], precisions: list[str], admins: tuple[Administration, ...]) -> int:
    """Warn, naming the file, when dated events fall after the last administration ends (its term cut short
    by an edit): they would count for no administration, silently. Returns how many."""
    if not admins:
        return 0
    last = admins[-1]
    n = sum(1 for d, p in zip(days, precisions, strict=True) if d and not administration_for(d, p, admins))
    if n:
        warnings.warn(
            f"{last.file or 'administrations'}: {n} dated event(s) fall on or after {last.end}, when the last "
            f"administration ({last.president}) ends; they count for no administration. Extend its end date "
            "or add the successor's row",
            AdministrationWarning,
            stacklevel=2,
        )
    return n


@lru_cache(maxsize=8)
def _cached(path: str) -> tuple[Administration, ...]:
    return load_administrations(Path(path))


def administrations(path: Path = ADMINISTRATIONS_CSV) -> tuple[Administration, ...]:
    return _cached(str(path))


def president_on(day: date, admins: tuple[Administration, ...] | None = None) -> str:
    """The president in office on ``day`` (start inclusive, end exclusive), or ``background``."""
    admins = admins if admins is not None else administrations()
    for a in admins:
        if a.start <= day < a.end:
            return a.president
    if day < admins[0].start:
        return BACKGROUND
    return ""


def interval(when: str, precision: str) -> tuple[date, date]:
    """The span of days a truncated ISO date stands for (decade: five years either side of its centre)."""
    y = int(when[:4])
    if precision == "day":
        d = date.fromisoformat(when[:10])
        return d, d
    if precision == "month":
        m = int(when[5:7])
        end = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(end.toordinal() - 1)
    if precision == "decade":
        return date(y - 5, 1, 1), date(y + 4, 12, 31)
    return date(y, 1, 1), date(y, 12, 31)


#: (table, {(date, precision): president}): every event row asks, and most rows share a handful of dates
_MEMO: list = [None, {}]


def administration_for(when: str, precision: str, admins: tuple[Administration, ...] | None = None) -> str:
    """The president in office at the midpoint of the date's span; blank when the date is unknown."""
    if not when:
        return ""
    table = admins if admins is not None else administrations()
    if _MEMO[0] is not table:
        _MEMO[0], _MEMO[1] = table, {}
    got = _MEMO[1].get((when, precision))
    if got is None:
        a, b = interval(when, precision)
        got = president_on(date.fromordinal((a.toordinal() + b.toordinal()) // 2), table)
        _MEMO[1][(when, precision)] = got
    return got
