"""UN General Assembly votes of Ecuador, Israel and the USA after Voeten's data end, from UN Digital Library copies.

The files sit in ``data/external/unga/since2020/``, copied unchanged (``data/external/SOURCES.md``):

- ``israel_related_votes_<years>.csv``: the Middle-East roll calls of those years, one row each, with the three
  countries' votes and the copies each row was read from;
- ``all_votes_<span>.csv``: **every** General Assembly roll call within the span the file name gives
  (``all_votes_2019-09_2021-12.csv``: September 2019 to December 2021; ``all_votes_2025.csv``: 2025), with the
  tallies and an ``israel_related`` flag.

Vote codes: ``Y`` yes, ``N`` no, ``A`` abstain, ``X`` recorded as non-voting (absent or did not vote; the copies
cannot tell these apart), read as ``absent``. A blank vote, an unknown code, a missing country column, a date
outside the file's span or a repeated roll call is a :class:`DataError` naming file, line and field.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import EXTERNAL

SINCE2020_DIR = EXTERNAL / "unga" / "since2020"
ISRAEL_GLOB = "israel_related_votes_*.csv"
ALL_VOTES_GLOB = "all_votes_*.csv"

#: The copies' vote codes; ``X`` (non-voting) is an absence, as in Voeten's data.
VOTE_CODES = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent"}
#: File column -> the name the suite uses (as in ``votes_ec_il_us.csv``).
COUNTRY_COLUMNS = {"ECU": "ecuador", "ISR": "israel", "USA": "united_states"}
#: A draft's symbol (A/76/L.14): the UN Digital Library sometimes records the vote on a draft beside the
#: adopted resolution, so the same vote appears twice.
DRAFT_SYMBOL = re.compile(r"^A/\d+/L\.\d+")
_SPAN = re.compile(r"_(\d{4})(?:-(\d{2}))?(?:_(\d{4})(?:-(\d{2}))?)?$")


class Span(NamedTuple):
    """First and last month (year, month) a file says it covers, both inclusive."""

    first: tuple[int, int]
    last: tuple[int, int]

    def contains(self, day: date) -> bool:
        return self.first <= (day.year, day.month) <= self.last

    def full_years(self) -> list[int]:
        """Calendar years whose twelve months all lie inside the span."""
        return [
            y for y in range(self.first[0], self.last[0] + 1) if self.first <= (y, 1) and (y, 12) <= self.last
        ]

    def label(self) -> str:
        a, b = (f"{y}-{m:02d}" for y, m in (self.first, self.last))
        return a if a == b else f"{a} to {b}"


def file_span(path: Path) -> Span:
    """The span a file's name gives: ``..._2025.csv`` is 2025, ``..._2019-09_2021-12.csv`` Sept 2019 to Dec 2021."""
    path = Path(path)
    m = _SPAN.search(path.stem)
    if not m:
        raise DataError(
            "the file name must end with the span it covers (YYYY, YYYY-MM, or two of them joined by '_')",
            path,
        )
    y1, m1, y2, m2 = m.groups()
    first = (int(y1), int(m1) if m1 else 1)
    if y2 is None:
        last = (int(y1), int(m1) if m1 else 12)
    else:
        last = (int(y2), int(m2) if m2 else 12)
    for _, month in (first, last):
        if not 1 <= month <= 12:
            raise DataError(f"month {month} in the file name is not 01-12", path)
    if last < first:
        raise DataError("the span in the file name ends before it starts", path)
    return Span(first, last)


def _day(value: str, path: Path, line: int, span: Span) -> date:
    if not value:
        raise DataError("roll call has no date", path, line, "date")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise DataError(f"not an ISO date (YYYY-MM-DD): {value!r}", path, line, "date") from None
    if not span.contains(day):
        raise DataError(f"{day} is outside the span the file name gives ({span.label()})", path, line, "date")
    return day


def _vote(value: str, path: Path, line: int, field: str) -> str:
    if not value:
        raise DataError("blank vote (the copies write X for non-voting)", path, line, field)
    code = VOTE_CODES.get(value.upper())
    if code is None:
        raise DataError(f"unknown vote code {value!r} (expected Y, N, A or X)", path, line, field)
    return code


def _count(value: str, path: Path, line: int, field: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise DataError(f"not an integer: {value!r}", path, line, field) from None
    if number < 0:
        raise DataError(f"must be at least 0: {number}", path, line, field)
    return number


def _resolution(value: str, path: Path, line: int) -> str:
    if not value:
        raise DataError("roll call has no resolution symbol", path, line, "resolution")
    return value


def load_israel_votes(path: Path) -> pd.DataFrame:
    """The Middle-East roll calls with the three countries' votes, in file order.

    Columns: date, resolution, title, ecuador, israel, united_states, n_sources_agreeing (NA when the file has
    no such column), sources (the copies, from the column whose name starts with "sources"), line.
    """
    path = Path(path)
    span = file_span(path)
    rows = read_rows(path, required=("date", "resolution", "title", *COUNTRY_COLUMNS))
    out: list[dict[str, object]] = []
    seen: dict[tuple[date, str], int] = {}
    for line, row in rows:
        day = _day(row["date"], path, line, span)
        res = _resolution(row["resolution"], path, line)
        if (day, res) in seen:
            raise DataError(f"{res} on {day} repeats line {seen[day, res]}", path, line, "resolution")
        seen[day, res] = line
        record: dict[str, object] = {"date": day, "resolution": res, "title": row["title"]}
        for column, name in COUNTRY_COLUMNS.items():
            record[name] = _vote(row[column], path, line, column)
        agreeing = row.get("n_sources_agreeing", "")
        record["n_sources_agreeing"] = (
            _count(agreeing, path, line, "n_sources_agreeing") if agreeing else pd.NA
        )
        record["sources"] = next((v for k, v in row.items() if k.startswith("sources")), "")
        record["line"] = line
        out.append(record)
    columns = [
        "date",
        "resolution",
        "title",
        *COUNTRY_COLUMNS.values(),
        "n_sources_agreeing",
        "sources",
        "line",
    ]
    frame = pd.DataFrame(out, columns=columns)
    frame["n_sources_agreeing"] = frame["n_sources_agreeing"].astype("Int64")
    return frame


def load_all_votes(path: Path) -> pd.DataFrame:
    """Every roll call of the file's span: date, resolution, undl_id, title, tallies, israel_related, votes, line.

    ``israel_related`` must be 0 or 1; the tallies (yes, no, abstain) must be counts. Several records may share a
    symbol (the Digital Library keeps one per draft as well), so no key is enforced beyond the UNDL id.
    """
    path = Path(path)
    span = file_span(path)
    required = ("date", "resolution", "undl_id", "title", "yes", "no", "abstain", "israel_related")
    rows = read_rows(path, required=(*required, *COUNTRY_COLUMNS))
    out: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        day = _day(row["date"], path, line, span)
        undl = row["undl_id"]
        if undl:
            if undl in seen:
                raise DataError(f"UNDL record {undl} repeats line {seen[undl]}", path, line, "undl_id")
            seen[undl] = line
        if row["israel_related"] not in ("0", "1"):
            raise DataError(f"must be 0 or 1, got {row['israel_related']!r}", path, line, "israel_related")
        record: dict[str, object] = {
            "date": day,
            "resolution": _resolution(row["resolution"], path, line),
            "undl_id": undl,
            "title": row["title"],
            "yes": _count(row["yes"], path, line, "yes"),
            "no": _count(row["no"], path, line, "no"),
            "abstain": _count(row["abstain"], path, line, "abstain"),
            "israel_related": row["israel_related"] == "1",
        }
        for column, name in COUNTRY_COLUMNS.items():
            record[name] = _vote(row[column], path, line, column)
        record["line"] = line
        out.append(record)
    columns = [*required, *COUNTRY_COLUMNS.values(), "line"]
    return pd.DataFrame(out, columns=columns)


def duplicate_drafts(all_votes: pd.DataFrame) -> dict[tuple[date, str], str]:
    """Records of a draft (A/76/L.14) that repeat an adopted text's vote: (date, draft) -> the adopted symbol.

    Same day and same tally (yes, no, abstain) as a record with another, non-draft symbol: the Digital Library
    keeps a record for the draft beside the one for the resolution, and both hold the same vote.
    """
    out: dict[tuple[date, str], str] = {}
    adopted: dict[tuple[date, int, int, int], str] = {}
    for r in all_votes.itertuples(index=False):
        if not DRAFT_SYMBOL.match(r.resolution):
            adopted.setdefault((r.date, r.yes, r.no, r.abstain), r.resolution)
    for r in all_votes.itertuples(index=False):
        if DRAFT_SYMBOL.match(r.resolution):
            same = adopted.get((r.date, r.yes, r.no, r.abstain))
            if same is not None:
                out[r.date, r.resolution] = same
    return out


def find_files(folder: Path, pattern: str) -> list[Path]:
    """The files matching ``pattern`` in ``folder``, sorted; none is an error naming the folder."""
    folder = Path(folder)
    files = sorted(folder.glob(pattern))
    if not files:
        raise DataError(f"no file matching {pattern} (the UN votes since 2020)", folder)
    return files
