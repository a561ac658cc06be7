"""Israel-related UN roll calls from 2007 on, from both sources, and Ecuador's record for all four administrations.

Voeten's data (:mod:`analysis.external.unga`) end on 14 January 2020; the UN Digital Library copies
(:mod:`analysis.external.unga_since2020`) carry the record on to December 2025. This module joins them into one
roll-call table with a ``source`` and a ``rule`` column and measures Ecuador on it per year and per administration,
with a ``coverage`` text built from the data.

Voeten's issue code ``issue_me`` does not exist after his data end, so the measure selects roll calls by the
*title rule* of the newer data (``since2020/PROVENANCE.md``), applied to Voeten's titles as well.
``unga_rule_comparison.csv`` shows, year by year, what each rule keeps and that the measure barely moves.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.common.administrations import Administration, administrations
from analysis.common.errors import DataError
from analysis.external.unga import (
    _OPENING_MONTH_DAY,
    _PAIRS,
    COUNTRIES,
    EXCLUDED,
    SESSION_ATTRIBUTION,
    UNGA_DIR,
    VOTE_DATE_ATTRIBUTION,
    _load_once,
    _president,
    agreement_index,
    session_president,
)
from analysis.external.unga_since2020 import (
    ALL_VOTES_GLOB,
    COUNTRY_COLUMNS,
    ISRAEL_GLOB,
    Span,
    duplicate_drafts,
    file_span,
    find_files,
    load_all_votes,
    load_israel_votes,
)

SINCE2020_DIR = UNGA_DIR / "since2020"
#: The title rule: the terms of the since-2020 copies' ``israel_related`` flag, as reconstructed and checked in
#: ``region/PROVENANCE.md`` (it reproduces the flag on all 473 roll calls of the all-votes files). "occupied" is
#: left out: alone it matched only Crimea, Ukraine and Azerbaijan texts, which the copies removed by hand.
#: "libanese" catches Voeten's spelling of "Oil slick on Libanese shores" (2007, 2008).
TITLE_TERMS = re.compile(
    r"palestin|israel|golan|middle east|lebanese|libanese|jerusalem|near east|gaza|unrwa|west bank",
    re.IGNORECASE,
)
#: The tenth emergency special session (occupied East Jerusalem and the rest of the Occupied Palestinian
#: Territory): its Gaza texts do not name Israel or Palestine in the title (ES-10/21 "Protection of civilians").
ES10_SYMBOL = re.compile(r"/ES-10/")
#: Voeten's description of a separate (paragraph) vote is a meeting-record excerpt, not a title.
MEETING_RECORD = re.compile(r"^The (Acting )?President\b")
TITLE_RULE = (
    "title rule: title names Palestine, Israel, the Golan, the Middle East, Lebanese shores, Jerusalem, the Near "
    "East, Gaza, UNRWA or the West Bank, or the symbol is A/RES/ES-10/*"
)
RULES = ("issue_me+title", "issue_me", "title")
VOTE_DATE = "vote_date"
#: An item counts as annual when found in at least this share of the complete Voeten years from 2007.
ANNUAL_SHARE = 0.75
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def title_rule(title: str, symbol: str = "") -> bool:
    """Whether a roll call is Israel-related by its title (or its ES-10 symbol): the rule of the newer data."""
    return bool(TITLE_TERMS.search(title or "")) or bool(ES10_SYMBOL.search(symbol or ""))


def voeten_title(short: str, descr: str) -> str:
    """The resolution title in Voeten's data: ``short`` where it is a title (2016 on), else ``descr``.

    Before 2016 ``short`` is an upper-case agenda label ("MIDDLE EAST SITUATION") and ``descr`` the title; from
    2016 ``short`` is the title and ``descr`` the agenda item. A meeting-record excerpt (a separate vote) is no
    title: the rule is not applied to it, as in ``region/PROVENANCE.md``.
    """
    if re.search("[a-z]", short or ""):
        return short
    if descr and not MEETING_RECORD.match(descr):
        return descr
    return short or ""


def voeten_symbol(unres: str) -> str:
    """Voeten writes ``R/62/84`` for ``A/RES/62/84``."""
    return re.sub(r"^R/", "A/RES/", unres or "")


def _session_of(symbol: str, day: date) -> int:
    """The session from the symbol (A/RES/75/20, A/DEC/80/506, A/76/L.14), else from the date (ES-10)."""
    m = re.match(r"^A/(?:RES/|DEC/)?(\d+)/", symbol)
    if m:
        return int(m.group(1))
    return day.year - 1945 - (1 if (day.month, day.day) < _OPENING_MONTH_DAY else 0)


ISRAEL_ROLL_CALL_COLUMNS = (
    "rollcall_id",
    "date",
    "year",
    "session",
    "resolution",
    "title",
    "source",
    "source_detail",
    "rule",
    "counted",
    *COUNTRIES,
    "note",
)


def _voeten_israel(unga_dir: Path, from_year: int) -> tuple[pd.DataFrame, date]:
    votes = _load_once(unga_dir / "roll_calls.csv", unga_dir / "votes_ec_il_us.csv")
    if votes.empty:
        raise DataError("no roll calls", unga_dir / "roll_calls.csv")
    last_day = max(votes["date"])
    votes = votes[votes["date"].map(lambda d: d.year >= from_year)]
    rows: list[dict[str, object]] = []
    for r in votes.itertuples(index=False):
        title = voeten_title(r.short, r.descr)
        symbol = voeten_symbol(r.unres)
        by_title = title_rule(title, symbol)
        if not (by_title or r.issue_me):
            continue
        rule = "issue_me+title" if by_title and r.issue_me else ("title" if by_title else "issue_me")
        shown = title or f"separate vote; meeting record: {(r.descr or '')[:120]}…"
        rows.append(
            {
                "rollcall_id": f"voeten:{r.rcid}",
                "date": r.date,
                "year": r.date.year,
                "session": int(r.session),
                "resolution": symbol,
                "title": shown,
                "source": "voeten",
                "source_detail": f"Voeten via unvotes, rcid {r.rcid}",
                "rule": rule,
                "counted": by_title,
                "ecuador": r.ecuador,
                "israel": r.israel,
                "united_states": r.united_states,
                "note": "" if by_title else "Voeten's issue_me only: the title rule does not select it",
            }
        )
    return pd.DataFrame(rows, columns=list(ISRAEL_ROLL_CALL_COLUMNS)), last_day


def _since2020_israel(
    since_dir: Path, after: date
) -> tuple[pd.DataFrame, list[tuple[Path, Span, date, date]]]:
    """The copies' Middle-East roll calls after ``after``, checked against the all-votes files they overlap."""
    israel_files = find_files(since_dir, ISRAEL_GLOB)
    all_files = find_files(since_dir, ALL_VOTES_GLOB)
    complete: list[tuple[Path, Span, date, date]] = []
    duplicates: dict[tuple[date, str], tuple[str, Path]] = {}
    flagged: dict[tuple[date, str], tuple[pd.Series, Path]] = {}
    for path in all_files:
        table = load_all_votes(path)
        if table.empty:
            raise DataError("no roll calls", path)
        complete.append((path, file_span(path), min(table["date"]), max(table["date"])))
        for key, adopted in duplicate_drafts(table).items():
            duplicates[key] = (adopted, path)
        for _, r in table[table["israel_related"]].iterrows():
            flagged.setdefault((r["date"], r["resolution"]), (r, path))
    rows: list[dict[str, object]] = []
    listed: set[tuple[date, str]] = set()
    for path in israel_files:
        span = file_span(path)
        table = load_israel_votes(path)
        for r in table.itertuples(index=False):
            key = (r.date, r.resolution)
            listed.add(key)
            other = flagged.get(key)
            if other is not None:  # the same roll call in an all-votes file: the votes must agree
                for country in COUNTRIES:
                    if other[0][country] != getattr(r, country):
                        field = next(k for k, v in COUNTRY_COLUMNS.items() if v == country)
                        raise DataError(
                            f"{r.resolution} on {r.date}: {getattr(r, country)} here but {other[0][country]} in "
                            f"{other[1].name} line {other[0]['line']}",
                            path,
                            r.line,
                            field,
                        )
            if r.date <= after:
                continue  # Voeten's data hold it
            by_title = title_rule(r.title, r.resolution)
            note = ""
            if key in duplicates:
                adopted, where = duplicates[key]
                note = f"same vote as {adopted}: same day and tally in {where.name}; counted once, there"
            elif not by_title:
                note = "listed by the copy, but the title rule does not select it"
            rows.append(
                {
                    "rollcall_id": f"undl:{r.resolution}:{r.date.isoformat()}",
                    "date": r.date,
                    "year": r.date.year,
                    "session": _session_of(r.resolution, r.date),
                    "resolution": r.resolution,
                    "title": r.title,
                    "source": "since2020",
                    "source_detail": f"{r.sources} ({pd.NA if pd.isna(r.n_sources_agreeing) else r.n_sources_agreeing}"
                    f" agreeing)",
                    "rule": "title" if by_title else "copy's list",
                    "counted": by_title and key not in duplicates,
                    "ecuador": r.ecuador,
                    "israel": r.israel,
                    "united_states": r.united_states,
                    "note": note,
                }
            )
        # every roll call an all-votes file flags within this file's span must be listed here, and back
        for key, (r, where) in sorted(flagged.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if span.contains(key[0]) and key not in listed:
                raise DataError(
                    f"{key[1]} on {key[0]} is flagged israel_related but missing from {path.name}",
                    where,
                    int(r["line"]),
                    "israel_related",
                )
    return pd.DataFrame(rows, columns=list(ISRAEL_ROLL_CALL_COLUMNS)), complete


_ISRAEL_CACHE: dict[tuple, tuple[pd.DataFrame, dict]] = {}


def _israel_once(unga_dir: Path, since_dir: Path, from_year: int) -> tuple[pd.DataFrame, dict]:
    """The combined table and its coverage facts, computed once per set of files (keyed on size and mtime)."""
    files = [unga_dir / "roll_calls.csv", unga_dir / "votes_ec_il_us.csv"]
    if Path(since_dir).is_dir():
        files += sorted(Path(since_dir).glob("*.csv"))
    try:
        key = (from_year, *((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    except OSError:
        key = None
    if key is None or key not in _ISRAEL_CACHE:
        voeten, last_day = _voeten_israel(Path(unga_dir), from_year)
        since, complete = _since2020_israel(Path(since_dir), last_day)
        frame = pd.concat([voeten, since], ignore_index=True) if len(since) else voeten
        frame = frame.sort_values(["date", "resolution", "rollcall_id"], kind="stable").reset_index(drop=True)
        frame["counted"] = frame["counted"].astype(bool)
        facts = {"voeten_last_day": last_day, "complete_files": complete}
        if key is None:
            return frame, facts
        _ISRAEL_CACHE.clear()
        _ISRAEL_CACHE[key] = (frame, facts)
    frame, facts = _ISRAEL_CACHE[key]
    return frame.copy(), facts


def israel_roll_calls(
    unga_dir: Path = UNGA_DIR, since_dir: Path = SINCE2020_DIR, from_year: int = 2007
) -> pd.DataFrame:
    """The Israel-related roll calls from ``from_year`` on, Voeten's and the copies' in one table.

    A row per roll call that either rule selects: Voeten's ``issue_me`` or the title rule (``rule``). Voeten's data
    are used to their last day (14 January 2020); the copies' Middle-East list after it. ``counted`` marks what the
    measure uses: the title rule, each vote once (a draft record repeating an adopted text's vote is shown with a
    note, not counted). The copies' votes are checked against the all-votes files they overlap, and every roll
    call those files flag must be in the list: a mismatch is a DataError naming file, line and field.
    """
    frame, _ = _israel_once(Path(unga_dir), Path(since_dir), from_year)
    out = frame.copy()
    out["date"] = out["date"].map(date.isoformat)
    return out[list(ISRAEL_ROLL_CALL_COLUMNS)]


# ------------------------------------------------------------------------------------------ measures


MEASURE_COLUMNS = (
    "ecu_yes",
    "ecu_no",
    "ecu_abstain",
    "ecu_absent",
    "agree_isr",
    "n_isr",
    "agree_usa",
    "n_usa",
    "abstain_share",
    "distance_isr",
    "distance_usa",
)


def abstain_share(votes: Sequence[str] | pd.Series) -> float:
    """Abstentions among the votes cast (yes, no, abstain); NaN when none was cast."""
    cast = [v for v in votes if v not in EXCLUDED]
    return sum(v == "abstain" for v in cast) / len(cast) if cast else math.nan


def measures(group: pd.DataFrame) -> dict[str, object]:
    """Ecuador's vote counts, agreement with Israel and the USA (abstention half), abstention share, distances.

    The distance is 1 − agreement: the mean gap between the two votes on a scale yes 1, abstain ½, no 0.
    """
    ecu = group["ecuador"].tolist()
    out: dict[str, object] = {f"ecu_{v}": sum(x == v for x in ecu) for v in ("yes", "no", "abstain")}
    out["ecu_absent"] = sum(x in EXCLUDED for x in ecu)
    for short, country in _PAIRS:
        result = agreement_index(group["ecuador"], group[country])
        out[f"agree_{short}"] = result.mean
        out[f"n_{short}"] = result.n
    out["abstain_share"] = abstain_share(ecu)
    out["distance_isr"] = 1 - out["agree_isr"]
    out["distance_usa"] = 1 - out["agree_usa"]
    return out


def _no_measures() -> dict[str, object]:
    counts = ("ecu_yes", "ecu_no", "ecu_abstain", "ecu_absent", "n_isr", "n_usa")
    return {c: (pd.NA if c in counts else math.nan) for c in MEASURE_COLUMNS}


def _typed_measures(frame: pd.DataFrame) -> pd.DataFrame:
    for col in frame.columns:
        if col.startswith(("n_", "ecu_")):
            frame[col] = frame[col].astype("Int64")
        elif col.startswith(("agree_", "distance_", "abstain_share")):
            frame[col] = frame[col].astype("float64")
    return frame


def _months_label(days: Iterable[date]) -> str:
    """'November–December' for a run of months, 'May, September and December' otherwise."""
    months = sorted({d.month for d in days})
    if not months:
        return ""
    if months == list(range(months[0], months[-1] + 1)) and len(months) > 1:
        return f"{_MONTHS[months[0] - 1]}–{_MONTHS[months[-1] - 1]}"
    names = [_MONTHS[m - 1] for m in months]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def item_text(title: str) -> str:
    """A title before ': resolution', lower case, spaces collapsed: the text that recurs year after year."""
    text = re.split(r"\s*:\s*(?:resolution|decision)\b|\[\.\.\.\]", title or "", maxsplit=1)[0]
    return re.sub(r"\s+", " ", text).strip().lower()


def _item_name(title: str) -> str:
    text = re.split(r"\s*:\s*(?:resolution|decision)\b|\[\.\.\.\]", title, maxsplit=1)[0].strip()
    words = text.split()
    return text if len(words) <= 8 else " ".join(words[:8]) + "…"


#: Two titles are the same annual item when their first 80 characters are this similar (difflib ratio):
#: Voeten's titles carry typos ("Commitee on the Exercice"), while distinct items stay apart ("The Syrian
#: Golan" and "The occupied Syrian Golan" score 0.78).
SAME_ITEM = 0.85


def item_keys(titles: Sequence[str]) -> list[str]:
    """Each title's item: the first earlier item it matches (ratio >= SAME_ITEM), else its own. Deterministic."""
    keys: list[str] = []
    reps: list[str] = []
    known: dict[str, str] = {}
    for title in titles:
        text = item_text(title)[:80]
        if text not in known:
            known[text] = text
            for rep in reps:
                m = SequenceMatcher(None, rep, text)
                if (
                    m.real_quick_ratio() >= SAME_ITEM
                    and m.quick_ratio() >= SAME_ITEM
                    and m.ratio() >= SAME_ITEM
                ):
                    known[text] = rep
                    break
            else:
                reps.append(text)
        keys.append(known[text])
    return keys


class YearCoverage(NamedTuple):
    """What a year of the measure rests on."""

    complete: bool
    basis: str  # "Voeten's roll calls" or "every roll call of <file>, <first> to <last>"
    text: str  # the coverage cell
    annual_missing: tuple[str, ...]  # items voted in most reference years that are not in the data


def year_coverage(
    frame: pd.DataFrame, facts: dict, first_year: int, last_year: int
) -> tuple[dict[int, YearCoverage], tuple[int, int]]:
    """Per year: complete (Voeten, or a whole year inside an all-votes file's span) or partial (months present),
    and the annual items not found. Returns the facts and the reference years (first, last) of "annual".

    Computed once per combined table: the result is kept in ``facts``.
    """
    memo = facts.setdefault("coverage", {})
    if (first_year, last_year) not in memo:
        memo[first_year, last_year] = _year_coverage(frame, facts, first_year, last_year)
    return memo[first_year, last_year]


def _year_coverage(
    frame: pd.DataFrame, facts: dict, first_year: int, last_year: int
) -> tuple[dict[int, YearCoverage], tuple[int, int]]:
    counted = frame[frame["counted"]]
    voeten_last = facts["voeten_last_day"]
    voeten_years = [y for y in range(first_year, last_year + 1) if y < voeten_last.year]
    whole: dict[int, tuple[Path, date, date]] = {}
    for path, span, first, last in facts["complete_files"]:
        for y in span.full_years():
            whole.setdefault(y, (path, first, last))
    # annual items: found in at least ANNUAL_SHARE of the complete Voeten years
    keys = pd.Series(item_keys(counted["title"].tolist()), index=counted.index)
    tally: dict[str, int] = {}
    for y in voeten_years:
        for k in set(keys[counted["year"] == y]):
            tally[k] = tally.get(k, 0) + 1
    needed = math.ceil(ANNUAL_SHARE * len(voeten_years)) if voeten_years else 1
    annual = {k for k, n in tally.items() if n >= needed}
    latest = {k: title for k, title in zip(keys, counted["title"], strict=True) if k in annual}
    out: dict[int, YearCoverage] = {}
    for y in range(first_year, last_year + 1):
        rows = counted[counted["year"] == y]
        if y in voeten_years:
            complete, basis = True, "Voeten's roll calls"
        elif y in whole:
            path, first, last = whole[y]
            complete, basis = (
                True,
                f"every roll call of {path.name}, {first.isoformat()} to {last.isoformat()}",
            )
        else:
            complete, basis = False, ""
        found = set(keys[counted["year"] == y])
        missing = tuple(sorted(_item_name(latest[k]) for k in annual - found))
        if rows.empty:
            text = "no roll calls in the data"
        elif complete:
            text = f"complete: {basis}"
        else:
            text = f"partial: {_months_label(rows['date'])} only (the Middle-East roll calls found in the copies)"
        if missing and not rows.empty:
            text += f"; {len(missing)} of the {len(annual)} annual items not in the data"
        out[y] = YearCoverage(complete, basis, text, missing)
    ref = (voeten_years[0], voeten_years[-1]) if voeten_years else (first_year, first_year)
    return out, ref


BY_YEAR_COLUMNS = (
    "year",
    "president",
    "source",
    "n_roll_calls",
    "first_roll_call",
    "last_roll_call",
    *MEASURE_COLUMNS,
    "complete",
    "n_annual_missing",
    "annual_missing",
    "coverage",
)


def israel_by_year(
    unga_dir: Path = UNGA_DIR,
    since_dir: Path = SINCE2020_DIR,
    admins: tuple[Administration, ...] | None = None,
    from_year: int = 2007,
) -> pd.DataFrame:
    """Ecuador on the Israel-related roll calls (title rule) per calendar year, with what each year rests on.

    ``president`` names the administrations in office during the year's roll calls (';' when two). Years
    without roll calls keep their row with NA counts and NaN measures, never zero.
    """
    admins = admins if admins is not None else administrations()
    frame, facts = _israel_once(Path(unga_dir), Path(since_dir), from_year)
    counted = frame[frame["counted"]]
    last_year = int(frame["year"].max())
    cover, ref = year_coverage(frame, facts, from_year, last_year)
    rows: list[dict[str, object]] = []
    for y in range(from_year, last_year + 1):
        group = counted[counted["year"] == y]
        c = cover[y]
        row: dict[str, object] = {
            "year": y,
            "president": ";".join(dict.fromkeys(_president(d, admins) for d in sorted(group["date"]))),
            "source": ";".join(sorted(set(group["source"]))),
            "n_roll_calls": len(group),
            "first_roll_call": min(group["date"]).isoformat() if len(group) else "",
            "last_roll_call": max(group["date"]).isoformat() if len(group) else "",
        }
        row |= measures(group) if len(group) else _no_measures()
        row |= {
            "complete": c.complete,
            "n_annual_missing": len(c.annual_missing),
            "annual_missing": "; ".join(c.annual_missing),
            "coverage": c.text,
        }
        rows.append(row)
    out = _typed_measures(pd.DataFrame(rows, columns=list(BY_YEAR_COLUMNS)))
    out.attrs["reference_years"] = ref
    return out


BY_ADMINISTRATION_COLUMNS = (
    "president",
    "name",
    "start",
    "end",
    "attribution",
    "rule",
    "first_roll_call",
    "last_roll_call",
    "n_roll_calls",
    "n_voeten",
    "n_since2020",
    *MEASURE_COLUMNS,
    "coverage",
)


def _year_runs(years: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for y in years:
        if runs and y == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], y)
        else:
            runs.append((y, y))
    return runs


def _admin_coverage(
    group: pd.DataFrame,
    cover: dict[int, YearCoverage],
    ref: tuple[int, int],
    start: date,
    end: date,
    last_day: date,
) -> str:
    """Plain words from the per-year facts: complete years by source, partial years with the months present."""
    first_year = min(cover)
    years = list(range(max(start.year, first_year), min(end.year, last_day.year) + 1))
    parts: list[str] = []
    complete = [y for y in years if cover[y].complete]
    for label, pick in (("Voeten", "Voeten"), ("UN Digital Library copies", "every roll call")):
        ys = [y for y in complete if cover[y].basis.startswith(pick)]
        if ys:
            runs = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in _year_runs(ys))
            parts.append(f"{runs} complete ({label})")
    for y in years:
        if not cover[y].complete:
            days = group.loc[group["year"] == y, "date"]
            parts.append(f"{y} partial: {_months_label(days)} only" if len(days) else f"{y}: no roll calls")
    with_rows = set(group["year"])
    missing = [
        f"{y} ({len(cover[y].annual_missing)})"
        for y in complete
        if cover[y].annual_missing and y in with_rows
    ]
    if missing:
        parts.append(
            f"annual items (voted in most years {ref[0]}–{ref[1]}) not in the data: {', '.join(missing)}"
        )
    if end > last_day:
        parts.append(f"nothing after {last_day.isoformat()} (end of the data)")
    return "; ".join(parts)


def israel_by_administration(
    unga_dir: Path = UNGA_DIR,
    since_dir: Path = SINCE2020_DIR,
    admins: tuple[Administration, ...] | None = None,
    attribute_by: str = VOTE_DATE,
    from_year: int = 2007,
) -> pd.DataFrame:
    """Ecuador's record on the Israel-related roll calls (title rule) for each coded administration.

    By default a roll call belongs to the administration in office on its date (``attribute_by="vote_date"``):
    the December 2023 votes, in the session that opened under Lasso, were cast under Noboa.
    ``attribute_by="session"`` gives each session to the administration in office when it opened, as the
    Voeten-only tables do. ``coverage`` says which years are complete and which rest on a few months.
    """
    if attribute_by not in (VOTE_DATE, "session"):
        raise ValueError(f"attribute_by must be 'vote_date' or 'session', not {attribute_by!r}")
    admins = admins if admins is not None else administrations()
    frame, facts = _israel_once(Path(unga_dir), Path(since_dir), from_year)
    counted = frame[frame["counted"]]
    if counted.empty:
        raise DataError("no Israel-related roll calls", unga_dir)
    last_day = max(counted["date"])
    cover, ref = year_coverage(frame, facts, from_year, int(frame["year"].max()))
    if attribute_by == VOTE_DATE:
        owner = counted["date"].map(lambda d: _president(d, admins))
        attribution = VOTE_DATE_ATTRIBUTION
    else:
        owner = counted["session"].map(lambda s: session_president(int(s), admins))
        attribution = SESSION_ATTRIBUTION
    rows: list[dict[str, object]] = []
    for a in admins:
        group = counted[owner == a.president]
        row: dict[str, object] = {
            "president": a.president,
            "name": a.name,
            "start": a.start.isoformat(),
            "end": a.end.isoformat(),
            "attribution": attribution,
            "rule": TITLE_RULE,
        }
        if group.empty:
            row |= {
                "first_roll_call": "",
                "last_roll_call": "",
                "n_roll_calls": 0,
                "n_voeten": 0,
                "n_since2020": 0,
            }
            row |= _no_measures()
            row["coverage"] = "no roll calls in the data" + (
                f" (the data end {last_day.isoformat()})" if a.start > last_day else ""
            )
        else:
            row |= {
                "first_roll_call": min(group["date"]).isoformat(),
                "last_roll_call": max(group["date"]).isoformat(),
                "n_roll_calls": len(group),
                "n_voeten": int((group["source"] == "voeten").sum()),
                "n_since2020": int((group["source"] == "since2020").sum()),
            }
            row |= measures(group)
            row["coverage"] = _admin_coverage(group, cover, ref, a.start, a.end, last_day)
        rows.append(row)
    return _typed_measures(pd.DataFrame(rows, columns=list(BY_ADMINISTRATION_COLUMNS)))


# ------------------------------------------------------------------------------------ rule comparison

RULE_COMPARISON_COLUMNS = (
    "kind",
    "period",
    "n_issue_me",
    "n_title",
    "n_both",
    "n_issue_me_only",
    "n_title_only",
    *(f"{m}_{r}" for m in ("agree_isr", "abstain_share", "agree_usa") for r in ("issue_me", "title", "diff")),
    "note",
)


def _rule_row(group: pd.DataFrame) -> dict[str, object]:
    me = group[group["rule"].str.contains("issue_me")]
    title = group[group["rule"].str.contains("title")]
    row: dict[str, object] = {
        "n_issue_me": len(me),
        "n_title": len(title),
        "n_both": int((group["rule"] == "issue_me+title").sum()),
        "n_issue_me_only": int((group["rule"] == "issue_me").sum()),
        "n_title_only": int((group["rule"] == "title").sum()),
    }
    for name, frame in (("issue_me", me), ("title", title)):
        m = measures(frame) if len(frame) else _no_measures()
        for key in ("agree_isr", "abstain_share", "agree_usa"):
            row[f"{key}_{name}"] = m[key]
    for key in ("agree_isr", "abstain_share", "agree_usa"):
        row[f"{key}_diff"] = row[f"{key}_title"] - row[f"{key}_issue_me"]
    return row


def rule_comparison(
    unga_dir: Path = UNGA_DIR,
    since_dir: Path = SINCE2020_DIR,
    admins: tuple[Administration, ...] | None = None,
    from_year: int = 2007,
) -> pd.DataFrame:
    """Voeten's ``issue_me`` against the title rule on the years both exist (Voeten's complete years).

    One row per year and one per administration pooled over those years (roll calls by date): how many roll
    calls each rule keeps, and Ecuador's agreement with Israel and the USA and abstention share under each,
    with the difference (title − issue_me). Each roll call counts once under each rule that selects it.
    """
    admins = admins if admins is not None else administrations()
    frame, facts = _israel_once(Path(unga_dir), Path(since_dir), from_year)
    last = facts["voeten_last_day"]
    voeten = frame[(frame["source"] == "voeten") & (frame["year"] < last.year)]
    voeten = voeten[~voeten["note"].str.startswith("same vote")]
    rows: list[dict[str, object]] = []
    for y in range(from_year, last.year):
        group = voeten[voeten["year"] == y]
        rows.append({"kind": "year", "period": str(y)} | _rule_row(group) | {"note": ""})
    owner = voeten["date"].map(lambda d: _president(d, admins))
    for a in admins:
        group = voeten[owner == a.president]
        if group.empty:
            continue
        first, final = min(group["date"]), max(group["date"])
        note = f"roll calls {first.isoformat()} to {final.isoformat()}"
        if a.end > date(last.year, 1, 1):
            note += f" (Voeten's complete years end {last.year - 1}; the rest of the term is not compared)"
        rows.append({"kind": "administration", "period": a.president} | _rule_row(group) | {"note": note})
    out = pd.DataFrame(rows, columns=list(RULE_COMPARISON_COLUMNS))
    for col in out.columns:
        if col.startswith("n_"):
            out[col] = out[col].astype("Int64")
        elif col.endswith(("_issue_me", "_title", "_diff")):
            out[col] = out[col].astype("float64")
    return out
