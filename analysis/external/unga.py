"""UN General Assembly votes: how often Ecuador voted with Israel and the USA, per session and administration.

The data are Voeten's roll calls (sessions 1–74, to 14 January 2020) and the Bailey–Strezhnev–Voeten ideal
points, copied unchanged into ``data/external/unga/`` (see ``data/external/SOURCES.md``). Every loader checks
its file and raises :class:`analysis.common.errors.DataError` naming file, line and field; no row is dropped.

Only Voeten's data are read here; the record after January 2020 and the one Israel-related roll-call table for
all four administrations are in :mod:`analysis.external.unga_israel`, the region in
:mod:`analysis.external.unga_region`.

Attribution rule, used throughout: a session belongs to the administration in office when the session opened.
Session N opens in September of 1945 + N (``unga/PROVENANCE.md``; session 1, opened January 1946, is the
exception and is background either way). No Ecuadorian change of government falls in September, so the exact
opening day does not matter; 15 September stands in for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.common.administrations import BACKGROUND, Administration, administrations, president_on
from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import EXTERNAL

UNGA_DIR = EXTERNAL / "unga"
ROLL_CALLS_CSV = UNGA_DIR / "roll_calls.csv"
VOTES_CSV = UNGA_DIR / "votes_ec_il_us.csv"
IDEALPOINTS_CSV = UNGA_DIR / "idealpoints_ec_il_us.csv"

#: Vote codes after mapping. ``absent`` and ``not_member`` are excluded from the agreement index.
VOTE_CODES = ("yes", "no", "abstain", "absent", "not_member")
EXCLUDED = frozenset({"absent", "not_member"})
_VALID = frozenset(VOTE_CODES)
#: The file spells votes as words; Voeten's numeric codes (1 yes, 2 abstain, 3 no, 8 absent, 9 not a member)
#: are accepted too, so an upstream re-export in the original coding loads the same way.
_VOTE_MAP = {code: code for code in VOTE_CODES} | {
    "1": "yes",
    "2": "abstain",
    "3": "no",
    "8": "absent",
    "9": "not_member",
}
COUNTRIES = ("ecuador", "israel", "united_states")

NO_DATA = "no data (UN data end January 2020)"
#: Sessions listed up to this one (the 80th opened in September 2025), so tables show the gap after the
#: data end instead of stopping silently. Pass ``through_session`` to change it.
THROUGH_SESSION = 80
#: Session N opens in September of 1945 + N; this day stands in for the opening when attributing.
_OPENING_MONTH_DAY = (9, 15)
#: The ideal-point README says the votes of these sessions "may be adjusted at a later date".
PROVISIONAL_IDEALPOINT_SESSIONS = (73, 74)
SESSION_ATTRIBUTION = (
    "session -> administration in office when it opened (session N opens in September of 1945+N; "
    "15 September used)"
)
VOTE_DATE_ATTRIBUTION = "roll call -> administration in office on the roll call's date"

_PAIRS = (("isr", "israel"), ("usa", "united_states"))
_SCOPES = ("all", "me")
AGREEMENT_COLUMNS = tuple(f"{kind}_{p}_{s}" for s in _SCOPES for p, _ in _PAIRS for kind in ("agree", "n"))

COLUMN_DESCRIPTIONS: dict[str, str] = {
    "session": "UNGA session number (session N opens in September of 1945+N)",
    "session_year": "year the session opened (1945 + session)",
    "president": "administration the session (or roll call) belongs to; 'background' before 15 Jan 2007",
    "attribution": "rule used to attribute sessions or roll calls to administrations",
    "first_roll_call": "date of the session's first roll call in the data",
    "last_roll_call": "date of the session's last roll call in the data",
    "n_roll_calls": "roll calls in the data",
    "n_roll_calls_me": "roll calls coded issue_me (Palestinian conflict)",
    "agree_isr_all": "Ecuador–Israel agreement, all roll calls (1 same vote, 0.5 one abstains, 0 opposed)",
    "n_isr_all": "roll calls behind agree_isr_all (both countries voted yes/no/abstain)",
    "agree_usa_all": "Ecuador–USA agreement index, all roll calls",
    "n_usa_all": "roll calls behind agree_usa_all",
    "agree_isr_me": "Ecuador–Israel agreement index, Palestinian-conflict (issue_me) roll calls",
    "n_isr_me": "roll calls behind agree_isr_me",
    "agree_usa_me": "Ecuador–USA agreement index, Palestinian-conflict (issue_me) roll calls",
    "n_usa_me": "roll calls behind agree_usa_me",
    "coverage": "what the data cover for this row; 'no data (UN data end January 2020)' where nothing",
    "name": "president's name",
    "start": "first day in office (inclusive)",
    "end": "successor's first day (exclusive)",
    "sessions": "sessions attributed to the administration",
    "n_sessions_with_data": "attributed sessions that have roll calls in the data",
}
_BAND = "each ideal point anywhere in its published 5–95% interval (holds with probability >= 80%)"
for _scope, _label in (("all", "all votes"), ("me", "Middle East (Palestinian-conflict) votes")):
    COLUMN_DESCRIPTIONS |= {
        f"ecu_idealpoint_{_scope}": f"Ecuador's ideal point, {_label} (Bailey–Strezhnev–Voeten)",
        f"isr_idealpoint_{_scope}": f"Israel's ideal point, {_label} (Bailey–Strezhnev–Voeten)",
        f"distance_{_scope}": f"|Ecuador − Israel| ideal points, {_label}",
        f"distance_lo_{_scope}": f"lower end of the conservative band for distance_{_scope}: {_BAND}",
        f"distance_hi_{_scope}": f"upper end of the conservative band for distance_{_scope}: {_BAND}",
        f"ecu_nvotes_{_scope}": f"votes behind Ecuador's estimate, {_label}",
        f"isr_nvotes_{_scope}": f"votes behind Israel's estimate, {_label}",
    }


class Agreement(NamedTuple):
    """Mean agreement and the number of roll calls behind it (NaN mean when n is 0)."""

    mean: float
    n: int


# ---------------------------------------------------------------------------------------------- loaders


def _int(value: str, path: Path, line: int, field: str, minimum: int | None = None) -> int:
    try:
        number = int(value)
    except ValueError:
        raise DataError(f"not an integer: {value!r}", path, line, field) from None
    if minimum is not None and number < minimum:
        raise DataError(f"must be at least {minimum}: {number}", path, line, field)
    return number


def _day(value: str, path: Path, line: int, field: str) -> date:
    if not value:
        raise DataError("roll call has no date", path, line, field)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"not an ISO date (YYYY-MM-DD): {value!r}", path, line, field) from None


def _vote(value: str, path: Path, line: int, field: str) -> str:
    code = _VOTE_MAP.get(value.lower())
    if code is None:
        allowed = ", ".join(VOTE_CODES)
        raise DataError(f"unknown vote code {value!r} (expected one of {allowed})", path, line, field)
    return code


def _flag(value: str, path: Path, line: int, field: str) -> bool:
    if value not in ("0", "1"):
        raise DataError(f"issue flag must be 0 or 1, got {value!r}", path, line, field)
    return value == "1"


def load_roll_calls(path: Path = ROLL_CALLS_CSV) -> pd.DataFrame:
    """Roll calls with checked rcid, session, date and issue_me, sorted by (session, date, rcid)."""
    path = Path(path)
    rows = read_rows(path, required=("rcid", "session", "date", "issue_me"))
    out: list[dict[str, object]] = []
    seen: dict[int, int] = {}
    for line, row in rows:
        rcid = _int(row["rcid"], path, line, "rcid", minimum=1)
        if rcid in seen:
            raise DataError(f"rcid {rcid} repeats line {seen[rcid]}", path, line, "rcid")
        seen[rcid] = line
        out.append(
            {
                "rcid": rcid,
                "session": _int(row["session"], path, line, "session", minimum=1),
                "date": _day(row["date"], path, line, "date"),
                "unres": row.get("unres", ""),
                "short": row.get("short", ""),
                "descr": row.get("descr", ""),
                "issue_me": _flag(row["issue_me"], path, line, "issue_me"),
                "line": line,
            }
        )
    columns = ["rcid", "session", "date", "unres", "short", "descr", "issue_me", "line"]
    frame = pd.DataFrame(out, columns=columns)
    return frame.sort_values(["session", "date", "rcid"], kind="stable").reset_index(drop=True)


def load_votes(path: Path = VOTES_CSV) -> pd.DataFrame:
    """Votes of Ecuador, Israel and the USA per roll call, each mapped to one of :data:`VOTE_CODES`."""
    path = Path(path)
    rows = read_rows(path, required=("rcid", "session", "date", *COUNTRIES))
    out: list[dict[str, object]] = []
    seen: dict[int, int] = {}
    for line, row in rows:
        rcid = _int(row["rcid"], path, line, "rcid", minimum=1)
        if rcid in seen:
            raise DataError(f"rcid {rcid} repeats line {seen[rcid]}", path, line, "rcid")
        seen[rcid] = line
        record: dict[str, object] = {
            "rcid": rcid,
            "session": _int(row["session"], path, line, "session", minimum=1),
            "date": _day(row["date"], path, line, "date"),
        }
        for country in COUNTRIES:
            record[country] = _vote(row[country], path, line, country)
        record["line"] = line
        out.append(record)
    frame = pd.DataFrame(out, columns=["rcid", "session", "date", *COUNTRIES, "line"])
    return frame.sort_values(["session", "date", "rcid"], kind="stable").reset_index(drop=True)


def load_unga(roll_calls_path: Path = ROLL_CALLS_CSV, votes_path: Path = VOTES_CSV) -> pd.DataFrame:
    """Roll calls joined to votes; a roll call without votes, or votes without a roll call, is an error.

    Session and date must agree between the two files, so a mis-keyed row cannot move a vote to another
    session unnoticed.
    """
    calls = load_roll_calls(roll_calls_path)
    votes = load_votes(votes_path)
    call_by_rcid = {int(r.rcid): r for r in calls.itertuples(index=False)}
    vote_rcids = set(votes["rcid"].tolist())
    for r in votes.itertuples(index=False):
        call = call_by_rcid.get(int(r.rcid))
        if call is None:
            raise DataError(
                f"rcid {r.rcid} has no roll call in {Path(roll_calls_path).name}", votes_path, r.line, "rcid"
            )
        if call.session != r.session:
            raise DataError(
                f"session {r.session} but the roll call says {call.session}", votes_path, r.line, "session"
            )
        if call.date != r.date:
            raise DataError(f"date {r.date} but the roll call says {call.date}", votes_path, r.line, "date")
    for r in calls.itertuples(index=False):
        if int(r.rcid) not in vote_rcids:
            raise DataError(
                f"rcid {r.rcid} has no votes in {Path(votes_path).name}", roll_calls_path, r.line, "rcid"
            )
    merged = calls.drop(columns=["line"]).merge(
        votes[["rcid", *COUNTRIES]], on="rcid", how="inner", validate="one_to_one"
    )
    return merged.sort_values(["session", "date", "rcid"], kind="stable").reset_index(drop=True)


# ------------------------------------------------------------------------------------------ agreement


def _score(a: str, b: str) -> float | None:
    if a in EXCLUDED or b in EXCLUDED:
        return None
    if a == b:
        return 1.0
    if a == "abstain" or b == "abstain":
        return 0.5
    return 0.0


def agreement_index(a: Sequence[str] | pd.Series, b: Sequence[str] | pd.Series) -> Agreement:
    """Mean agreement of two vote series matched by position: 1 same vote, 0.5 one abstains, 0 opposed.

    Roll calls where either side is ``absent`` or ``not_member`` carry no stance and are left out of both
    the mean and ``n``; the mean is NaN when nothing is left, so "no votes" never reads as "no agreement".
    """
    left = list(a)
    right = list(b)
    if len(left) != len(right):
        raise ValueError(f"vote series differ in length: {len(left)} and {len(right)}")
    total = 0.0
    n = 0
    for x, y in zip(left, right, strict=True):
        for v in (x, y):
            if v not in _VALID:
                raise ValueError(f"unknown vote code {v!r} (expected one of {', '.join(VOTE_CODES)})")
        s = _score(x, y)
        if s is not None:
            total += s
            n += 1
    return Agreement(total / n if n else math.nan, n)


def _agreement_columns(votes: pd.DataFrame) -> dict[str, object]:
    out: dict[str, object] = {}
    me = votes[votes["issue_me"]]
    for scope, frame in (("all", votes), ("me", me)):
        for short, country in _PAIRS:
            result = agreement_index(frame["ecuador"], frame[country])
            out[f"agree_{short}_{scope}"] = result.mean
            out[f"n_{short}_{scope}"] = result.n
    return out


def _no_agreement() -> dict[str, object]:
    return {c: (math.nan if c.startswith("agree_") else pd.NA) for c in AGREEMENT_COLUMNS}


# ------------------------------------------------------------------------------------------ attribution


def session_opening(session: int) -> date:
    """Stand-in opening day of a session: 15 September of 1945 + N (regular sessions open in September)."""
    month, day = _OPENING_MONTH_DAY
    return date(1945 + session, month, day)


def _president(day: date, admins: tuple[Administration, ...]) -> str:
    return president_on(day, admins) or "unknown"


def session_president(session: int, admins: tuple[Administration, ...] | None = None) -> str:
    """Administration a session is attributed to: the one in office when the session opened."""
    admins = admins if admins is not None else administrations()
    return _president(session_opening(session), admins)


def _session_range(values: Iterable[int]) -> str:
    """'62–71' for a run, '72–74, 76' for gaps; '' for none."""
    nums = sorted(set(values))
    if not nums:
        return ""
    parts: list[str] = []
    start = prev = nums[0]
    for n in [*nums[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)


# ------------------------------------------------------------------------------------------ per session

SESSION_COLUMNS = (
    "session",
    "session_year",
    "president",
    "attribution",
    "first_roll_call",
    "last_roll_call",
    "n_roll_calls",
    "n_roll_calls_me",
    *AGREEMENT_COLUMNS,
    "coverage",
)


_LOADED: dict[tuple, pd.DataFrame] = {}


def _load_once(roll_calls_path: Path, votes_path: Path) -> pd.DataFrame:
    """:func:`load_unga`, read once per build: both tables of a build use the same files, and reading and
    checking 100,000 votes twice was a sixth of the data step. Keyed on each file's size and mtime."""
    try:
        key = tuple(
            (str(Path(q).resolve()), Path(q).stat().st_mtime_ns, Path(q).stat().st_size)
            for q in (roll_calls_path, votes_path)
        )
    except OSError:
        return load_unga(roll_calls_path, votes_path)  # names the missing file
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = load_unga(roll_calls_path, votes_path)
    return _LOADED[key].copy()


def unga_agreement_by_session(
    roll_calls_path: Path = ROLL_CALLS_CSV,
    votes_path: Path = VOTES_CSV,
    through_session: int = THROUGH_SESSION,
    admins: tuple[Administration, ...] | None = None,
) -> pd.DataFrame:
    """Ecuador's agreement with Israel and the USA per session, all and Palestinian-conflict roll calls.

    One row per session from the first in the data to ``through_session``. Sessions after the data end get
    NaN agreement, NA counts and ``coverage`` = "no data (UN data end January 2020)": a gap is shown, never
    filled with zero or carried forward. The last session in the data is marked partial, because the data
    stop in the middle of it (14 January 2020).
    """
    admins = admins if admins is not None else administrations()
    votes = _load_once(roll_calls_path, votes_path)
    if votes.empty:
        raise DataError("no roll calls", roll_calls_path)
    last_session = int(votes["session"].max())
    last_day = max(votes["date"])
    rows: list[dict[str, object]] = []
    for session in range(int(votes["session"].min()), max(through_session, last_session) + 1):
        group = votes[votes["session"] == session]
        row: dict[str, object] = {
            "session": session,
            "session_year": 1945 + session,
            "president": session_president(session, admins),
            "attribution": SESSION_ATTRIBUTION,
        }
        if group.empty:
            row |= {
                "first_roll_call": None,
                "last_roll_call": None,
                "n_roll_calls": pd.NA,
                "n_roll_calls_me": pd.NA,
            }
            row |= _no_agreement()
            row["coverage"] = (
                NO_DATA if session > last_session else "no roll calls in the data for this session"
            )
        else:
            row |= {
                "first_roll_call": min(group["date"]).isoformat(),
                "last_roll_call": max(group["date"]).isoformat(),
                "n_roll_calls": len(group),
                "n_roll_calls_me": int(group["issue_me"].sum()),
            }
            row |= _agreement_columns(group)
            row["coverage"] = (
                f"partial: roll calls to {last_day.isoformat()} only (UN data end January 2020)"
                if session == last_session
                else "complete in the UN roll-call data"
            )
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=list(SESSION_COLUMNS)))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts as nullable integers (NA where there are no data), agreement as float."""
    for col in frame.columns:
        if col.startswith("n_"):
            frame[col] = frame[col].astype("Int64")
        elif col.startswith("agree_"):
            frame[col] = frame[col].astype("float64")
    return frame


# ------------------------------------------------------------------------------------ per administration

ADMINISTRATION_COLUMNS = (
    "president",
    "name",
    "start",
    "end",
    "attribution",
    "sessions",
    "n_sessions_with_data",
    "n_roll_calls",
    "n_roll_calls_me",
    *AGREEMENT_COLUMNS,
    "coverage",
)


def _periods(admins: tuple[Administration, ...], first_day: date) -> list[tuple[str, str, date, date]]:
    """(president, name, start, end) with a 'background' period before the first coded administration."""
    periods = [(BACKGROUND, "before 15 January 2007 (no coded administration)", first_day, admins[0].start)]
    periods += [(a.president, a.name, a.start, a.end) for a in admins]
    return periods


def unga_agreement_by_administration(
    roll_calls_path: Path = ROLL_CALLS_CSV,
    votes_path: Path = VOTES_CSV,
    through_session: int = THROUGH_SESSION,
    admins: tuple[Administration, ...] | None = None,
    attribute_by: str = "session",
) -> pd.DataFrame:
    """Ecuador's agreement with Israel and the USA per administration, pooled over its roll calls.

    By default (``attribute_by="session"``) a whole session goes to the administration in office when it
    opened, so session 71 (Sept 2016–Sept 2017) counts for Correa although Moreno took office in May 2017.
    ``attribute_by="vote_date"`` attributes each roll call by its own date instead, as a robustness check.
    The index is pooled (all roll calls of the administration together), not a mean of session means.
    Administrations without roll calls (Lasso, Noboa) get NaN values and ``coverage`` "no data (UN data end
    January 2020)"; Moreno is marked partial.
    """
    if attribute_by not in ("session", "vote_date"):
        raise ValueError(f"attribute_by must be 'session' or 'vote_date', not {attribute_by!r}")
    admins = admins if admins is not None else administrations()
    votes = _load_once(roll_calls_path, votes_path)
    if votes.empty:
        raise DataError("no roll calls", roll_calls_path)
    first_session = int(votes["session"].min())
    last_session = int(votes["session"].max())
    last_day = max(votes["date"])
    all_sessions = range(first_session, max(through_session, last_session) + 1)
    session_owner = {s: session_president(s, admins) for s in all_sessions}
    if attribute_by == "session":
        owner = votes["session"].map(session_owner)
        attribution = SESSION_ATTRIBUTION
    else:
        owner = votes["date"].map(lambda d: _president(d, admins))
        attribution = VOTE_DATE_ATTRIBUTION
    sessions_with_data = set(votes["session"].tolist())

    rows: list[dict[str, object]] = []
    for president, name, start, end in _periods(admins, min(votes["date"])):
        group = votes[owner == president]
        if attribute_by == "session":
            own_sessions = [s for s in all_sessions if session_owner[s] == president]
        else:
            own_sessions = sorted(set(group["session"].tolist()))
        covered = [s for s in own_sessions if s in sessions_with_data]
        row: dict[str, object] = {
            "president": president,
            "name": name,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "attribution": attribution,
            "sessions": _session_range(own_sessions),
            "n_sessions_with_data": len(covered),
        }
        if group.empty:
            row |= {"n_roll_calls": pd.NA, "n_roll_calls_me": pd.NA} | _no_agreement()
            row["coverage"] = NO_DATA
        else:
            row |= {"n_roll_calls": len(group), "n_roll_calls_me": int(group["issue_me"].sum())}
            row |= _agreement_columns(group)
            row["coverage"] = _administration_coverage(
                attribute_by, own_sessions, covered, last_session, last_day, end, group
            )
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=list(ADMINISTRATION_COLUMNS)))


def _administration_coverage(
    attribute_by: str,
    own_sessions: list[int],
    covered: list[int],
    last_session: int,
    last_day: date,
    end: date,
    group: pd.DataFrame,
) -> str:
    if attribute_by == "vote_date":
        first, last = min(group["date"]).isoformat(), max(group["date"]).isoformat()
        if end > last_day:
            return f"partial: roll calls {first} to {last}; nothing later (UN data end January 2020)"
        return f"roll calls {first} to {last}"
    missing = [s for s in own_sessions if s not in covered]
    if not missing and last_session not in covered:
        return f"complete: sessions {_session_range(covered)} in the UN roll-call data"
    parts = [f"partial: sessions {_session_range(covered)} in the data"]
    if last_session in covered:
        parts.append(f"session {last_session} only to {last_day.isoformat()}")
    inside = [s for s in missing if s < last_session]
    after = [s for s in missing if s > last_session]
    if inside:
        parts.append(f"no roll calls in the data for {_sessions_label(inside)}")
    if after:
        parts.append(f"{_sessions_label(after)} not covered")
    return "; ".join(parts) + (" (UN data end January 2020)" if after or last_session in covered else "")


def _sessions_label(sessions: list[int]) -> str:
    return ("session " if len(sessions) == 1 else "sessions ") + _session_range(sessions)


# ------------------------------------------------------------------------------------------ ideal points

_IDEAL_FIELDS = ("nvotes", "idealpoint", "q05", "q50", "q95")
_IDEAL_COUNTRIES = {"ECU": "ecu", "ISR": "isr", "USA": "usa"}


def _float(value: str, path: Path, line: int, field: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise DataError(f"not a number: {value!r}", path, line, field) from None
    if math.isnan(number) or math.isinf(number):
        raise DataError(f"not a finite number: {value!r}", path, line, field)
    return number


def load_idealpoints(path: Path = IDEALPOINTS_CSV) -> pd.DataFrame:
    """Ideal points per country and session; ``*_me`` may be blank (no Middle East estimate), ``*_all`` not.

    A row without ``year_session_opens`` (a session with no date) is an error, as is a year that does not
    equal 1945 + session, a repeated (country, session), or quantiles out of order.
    """
    path = Path(path)
    required = (
        "iso3c",
        "session",
        "year_session_opens",
        *(f"{f}_{s}" for s in _SCOPES for f in _IDEAL_FIELDS),
    )
    rows = read_rows(path, required=required)
    out: list[dict[str, object]] = []
    seen: dict[tuple[str, int], int] = {}
    for line, row in rows:
        iso = row["iso3c"]
        if iso not in _IDEAL_COUNTRIES:
            raise DataError(f"unexpected country {iso!r} (expected ECU, ISR or USA)", path, line, "iso3c")
        session = _int(row["session"], path, line, "session", minimum=1)
        if (iso, session) in seen:
            raise DataError(
                f"{iso} session {session} repeats line {seen[iso, session]}", path, line, "session"
            )
        seen[iso, session] = line
        if not row["year_session_opens"]:
            raise DataError(f"session {session} has no date", path, line, "year_session_opens")
        year = _int(row["year_session_opens"], path, line, "year_session_opens")
        if year != 1945 + session:
            raise DataError(
                f"session {session} opens in {1945 + session}, not {year}", path, line, "year_session_opens"
            )
        record: dict[str, object] = {"iso3c": iso, "session": session, "year_session_opens": year}
        for scope in _SCOPES:
            fields = [f"{f}_{scope}" for f in _IDEAL_FIELDS]
            blank = [f for f in fields if not row[f]]
            if scope == "all" and blank:
                raise DataError("all-votes estimate is blank", path, line, blank[0])
            if blank and len(blank) != len(fields):
                raise DataError("estimate is partly blank", path, line, blank[0])
            for f in fields:
                record[f] = _float(row[f], path, line, f) if row[f] else math.nan
            q05, q50, q95 = (record[f"{q}_{scope}"] for q in ("q05", "q50", "q95"))
            if not blank and not (q05 <= q50 <= q95):
                raise DataError(f"quantiles out of order: {q05}, {q50}, {q95}", path, line, f"q50_{scope}")
        record["line"] = line
        out.append(record)
    columns = [
        "iso3c",
        "session",
        "year_session_opens",
        *(f"{f}_{s}" for s in _SCOPES for f in _IDEAL_FIELDS),
        "line",
    ]
    frame = pd.DataFrame(out, columns=columns)
    return frame.sort_values(["session", "iso3c"], kind="stable").reset_index(drop=True)


IDEALPOINT_COLUMNS = (
    "session",
    "session_year",
    "president",
    "attribution",
    *(
        f"{c}_{s}"
        for s in _SCOPES
        for c in (
            "ecu_idealpoint",
            "isr_idealpoint",
            "distance",
            "distance_lo",
            "distance_hi",
            "ecu_nvotes",
            "isr_nvotes",
        )
    ),
    "coverage",
)


def distance_band(e05: float, e95: float, i05: float, i95: float) -> tuple[float, float]:
    """Range of |E − I| when E and I each lie anywhere in their own 5–95% interval (interval arithmetic).

    The files give each country's marginal quantiles, not the joint posterior, so the correlation between
    the two estimates is unknown. This band holds whatever that correlation is: both points lie in their
    intervals with probability at least 80% (Bonferroni), and the band contains |E − I| whenever they do.
    It is therefore wider than a 90% interval of the distance would be: conservative by construction.
    """
    lo = max(0.0, e05 - i95, i05 - e95)
    hi = max(e95 - i05, i95 - e05)
    return lo, hi


def idealpoint_distance_by_session(
    path: Path = IDEALPOINTS_CSV,
    through_session: int = THROUGH_SESSION,
    admins: tuple[Administration, ...] | None = None,
) -> pd.DataFrame:
    """Distance between Ecuador's and Israel's ideal points per session, all votes and Middle East votes.

    ``distance_*`` is |ECU − ISR| of the published point estimates; ``distance_*_lo``/``_hi`` is the
    conservative band of :func:`distance_band` (``distance_lo_*``, ``distance_hi_*``) built from the
    published 5% and 95% quantiles. A larger
    distance means the two countries voted further apart. Sessions with no estimate for either country, and
    sessions after the file (coverage "no data (UN data end January 2020)"), have NaN, never zero.
    """
    admins = admins if admins is not None else administrations()
    points = load_idealpoints(path)
    if points.empty:
        raise DataError("no ideal points", path)
    by_key = {(r.iso3c, int(r.session)): r for r in points.itertuples(index=False)}
    last_session = int(points["session"].max())
    rows: list[dict[str, object]] = []
    for session in range(int(points["session"].min()), max(through_session, last_session) + 1):
        row: dict[str, object] = {
            "session": session,
            "session_year": 1945 + session,
            "president": session_president(session, admins),
            "attribution": SESSION_ATTRIBUTION,
        }
        ecu = by_key.get(("ECU", session))
        isr = by_key.get(("ISR", session))
        missing: list[str] = []
        for scope in _SCOPES:
            e = _estimate(ecu, scope)
            i = _estimate(isr, scope)
            row[f"ecu_idealpoint_{scope}"] = e[0] if e else math.nan
            row[f"isr_idealpoint_{scope}"] = i[0] if i else math.nan
            row[f"ecu_nvotes_{scope}"] = e[3] if e else pd.NA
            row[f"isr_nvotes_{scope}"] = i[3] if i else pd.NA
            if e and i:
                lo, hi = distance_band(e[1], e[2], i[1], i[2])
                row[f"distance_{scope}"] = abs(e[0] - i[0])
                row[f"distance_lo_{scope}"] = lo
                row[f"distance_hi_{scope}"] = hi
            else:
                for col in ("distance", "distance_lo", "distance_hi"):
                    row[f"{col}_{scope}"] = math.nan
                label = "all votes" if scope == "all" else "Middle East votes"
                who = " and ".join(c for c, v in (("ECU", e), ("ISR", i)) if not v)
                missing.append(f"no {label} estimate for {who}")
        if session > last_session:
            row["coverage"] = NO_DATA
        else:
            notes = missing or ["Bailey–Strezhnev–Voeten estimates for ECU and ISR"]
            if session in PROVISIONAL_IDEALPOINT_SESSIONS:
                notes.append("provisional: the estimates' README says these votes may be adjusted")
            row["coverage"] = "; ".join(notes)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(IDEALPOINT_COLUMNS))
    for col in frame.columns:
        if "_nvotes_" in col:
            frame[col] = frame[col].astype("Int64")
        elif "idealpoint" in col or col.startswith("distance"):
            frame[col] = frame[col].astype("float64")
    return frame


def _estimate(record: object | None, scope: str) -> tuple[float, float, float, int] | None:
    """(point, q05, q95, nvotes) or None when the country has no estimate in this scope."""
    if record is None:
        return None
    point = getattr(record, f"idealpoint_{scope}")
    if math.isnan(point):
        return None
    return (
        float(point),
        float(getattr(record, f"q05_{scope}")),
        float(getattr(record, f"q95_{scope}")),
        int(getattr(record, f"nvotes_{scope}")),
    )
