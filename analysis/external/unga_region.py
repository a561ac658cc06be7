"""Ecuador beside its region: the votes of Latin America and the Caribbean on Israel-related roll calls, 2007–2025.

The files sit in ``data/external/unga/region/``, copied unchanged (``data/external/SOURCES.md``):
``unga_israel_votes_grulac.csv`` (long: one row per roll call and country, the 33 GRULAC members, Israel and the
USA), ``roll_calls.csv`` (one row per roll call, with the ``rule`` that selected it) and
``source_disagreements.csv`` (the cells where two sources disagree; the primary source's value is kept).

The measures are the suite's (:mod:`analysis.external.unga_israel`): agreement with Israel or the USA, 1 for the same
vote, 0.5 when one side abstains, 0 when opposed, absences left out; abstention share of the votes cast. Only the
roll calls the title rule picks are used (``rule`` names ``title_keyword`` or ``ES-10_symbol``), the same rule as
Ecuador's measure for the four administrations; roll calls picked only by Voeten's ``issue_me`` are left out.

Every reader checks its file and raises :class:`DataError` naming file, line and field: an unknown vote, a country
code that is not ISO 3166 alpha-3, a roll call missing a country that others have, a vote for an unknown roll call.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.common.administrations import Administration, administrations, president_on
from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import EXTERNAL
from analysis.external.unga import EXCLUDED, agreement_index
from analysis.external.unga_israel import abstain_share

REGION_DIR = EXTERNAL / "unga" / "region"
VOTES_CSV = "unga_israel_votes_grulac.csv"
ROLL_CALLS_CSV = "roll_calls.csv"
DISAGREEMENTS_CSV = "source_disagreements.csv"

VOTES = ("yes", "no", "abstain", "absent")
#: Not members of the region: the two countries the region is measured against.
REFERENCE = ("ISR", "USA")
ECUADOR = "ECU"
#: Roll calls the title rule picks (the ``rule`` column of ``roll_calls.csv``).
TITLE_RULE_TAGS = ("title_keyword", "ES-10_symbol")
#: Aggregate rows of ``unga_region.csv``: the region's quartiles over its 33 members, per year.
AGGREGATES = {"LAC_Q1": 0.25, "LAC_MEDIAN": 0.5, "LAC_Q3": 0.75}
QUANTILE_METHOD = "linear"
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _day(value: str, path: Path, line: int) -> date:
    if not value:
        raise DataError("roll call has no date", path, line, "date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"not an ISO date (YYYY-MM-DD): {value!r}", path, line, "date") from None


def load_region_roll_calls(path: Path) -> pd.DataFrame:
    """One row per roll call: rollcall_id, date, year, resolution, title, rule, israel_vote, title_rule, line."""
    path = Path(path)
    rows = read_rows(
        path, required=("rollcall_id", "date", "year", "resolution", "title", "rule", "israel_vote")
    )
    out: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        rid = row["rollcall_id"]
        if not rid:
            raise DataError("roll call has no id", path, line, "rollcall_id")
        if rid in seen:
            raise DataError(f"roll call {rid} repeats line {seen[rid]}", path, line, "rollcall_id")
        seen[rid] = line
        day = _day(row["date"], path, line)
        if row["year"] != str(day.year):
            raise DataError(f"year {row['year']!r} but the date is in {day.year}", path, line, "year")
        if not row["rule"]:
            raise DataError("no selection rule", path, line, "rule")
        if row["israel_vote"] not in VOTES:
            raise DataError(
                f"unknown vote {row['israel_vote']!r} (expected {', '.join(VOTES)})",
                path,
                line,
                "israel_vote",
            )
        out.append(
            {
                "rollcall_id": rid,
                "date": day,
                "year": day.year,
                "resolution": row["resolution"],
                "title": row["title"],
                "rule": row["rule"],
                "israel_vote": row["israel_vote"],
                "title_rule": any(tag in row["rule"] for tag in TITLE_RULE_TAGS),
                "line": line,
            }
        )
    columns = [
        "rollcall_id",
        "date",
        "year",
        "resolution",
        "title",
        "rule",
        "israel_vote",
        "title_rule",
        "line",
    ]
    return pd.DataFrame(out, columns=columns)


def load_region_votes(votes_path: Path, roll_calls: pd.DataFrame, roll_calls_path: Path) -> pd.DataFrame:
    """The votes as a wide table: one row per roll call (in ``roll_calls`` order), one column per country.

    Each vote row must name a known roll call with its date, a country in ISO3 and a vote in yes, no, abstain,
    absent; a (roll call, country) pair may appear once; every roll call must have the same countries, Israel
    and the USA among them, and Israel's vote must equal ``israel_vote`` in the roll-call file.
    """
    votes_path, roll_calls_path = Path(votes_path), Path(roll_calls_path)
    rows = read_rows(votes_path, required=("rollcall_id", "date", "country_iso3", "vote"))
    by_id = {r.rollcall_id: r for r in roll_calls.itertuples(index=False)}
    cells: dict[str, dict[str, str]] = {rid: {} for rid in by_id}
    first_line: dict[tuple[str, str], int] = {}
    countries: dict[str, int] = {}
    for line, row in rows:
        rid = row["rollcall_id"]
        call = by_id.get(rid)
        if call is None:
            raise DataError(
                f"roll call {rid!r} is not in {roll_calls_path.name}", votes_path, line, "rollcall_id"
            )
        if row["date"] != call.date.isoformat():
            raise DataError(
                f"date {row['date']} but {roll_calls_path.name} line {call.line} says {call.date}",
                votes_path,
                line,
                "date",
            )
        iso = row["country_iso3"]
        if not _ISO3.match(iso):
            raise DataError(f"not an ISO 3166 alpha-3 code: {iso!r}", votes_path, line, "country_iso3")
        if row["vote"] not in VOTES:
            raise DataError(
                f"unknown vote {row['vote']!r} (expected {', '.join(VOTES)})", votes_path, line, "vote"
            )
        if (rid, iso) in first_line:
            raise DataError(
                f"{iso} on {rid} repeats line {first_line[rid, iso]}", votes_path, line, "country_iso3"
            )
        first_line[rid, iso] = line
        countries.setdefault(iso, line)
        cells[rid][iso] = row["vote"]
    for iso in REFERENCE:
        if iso not in countries:
            raise DataError(f"no votes for {iso}", votes_path, None, "country_iso3")
    for r in roll_calls.itertuples(index=False):
        missing = sorted(set(countries) - set(cells[r.rollcall_id]))
        if missing:
            raise DataError(
                f"roll call {r.rollcall_id} has no vote for {', '.join(missing)} in {votes_path.name}",
                roll_calls_path,
                r.line,
                "rollcall_id",
            )
        if cells[r.rollcall_id]["ISR"] != r.israel_vote:
            raise DataError(
                f"israel_vote {r.israel_vote} but {votes_path.name} has {cells[r.rollcall_id]['ISR']}",
                roll_calls_path,
                r.line,
                "israel_vote",
            )
    order = sorted(countries)
    wide = pd.DataFrame([[cells[r][c] for c in order] for r in roll_calls["rollcall_id"]], columns=order)
    return pd.concat([roll_calls.reset_index(drop=True), wide], axis=1)


def load_disagreements(path: Path) -> pd.DataFrame:
    """The cells where a second source disagrees with the primary one: date, resolution, country_iso3."""
    path = Path(path)
    rows = read_rows(path, required=("date", "resolution", "country_iso3"))
    out = []
    for line, row in rows:
        out.append(
            {
                "date": _day(row["date"], path, line),
                "resolution": row["resolution"],
                "iso": row["country_iso3"],
            }
        )
    return pd.DataFrame(out, columns=["date", "resolution", "iso"])


_CACHE: dict[tuple, tuple[pd.DataFrame, pd.DataFrame]] = {}


def load_region(region_dir: Path = REGION_DIR) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(wide votes of every roll call, disagreements), read once per set of files (keyed on size and mtime)."""
    region_dir = Path(region_dir)
    files = [region_dir / ROLL_CALLS_CSV, region_dir / VOTES_CSV, region_dir / DISAGREEMENTS_CSV]
    try:
        key = tuple((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    except OSError:
        key = None
    if key is None or key not in _CACHE:
        calls = load_region_roll_calls(files[0])
        if calls.empty:
            raise DataError("no roll calls", files[0])
        wide = load_region_votes(files[1], calls, files[0])
        disputed = load_disagreements(files[2])
        if key is None:
            return wide, disputed
        _CACHE.clear()
        _CACHE[key] = (wide, disputed)
    wide, disputed = _CACHE[key]
    return wide.copy(), disputed.copy()


def members(wide: pd.DataFrame) -> list[str]:
    """The region's countries: every country column but Israel and the USA."""
    return [c for c in wide.columns if _ISO3.match(c) and c not in REFERENCE]


# ------------------------------------------------------------------------------------------ measures


def country_measures(votes: pd.Series, isr: pd.Series, usa: pd.Series) -> dict[str, object]:
    """A country's counts, agreement with Israel and the USA (abstention half) and abstention share."""
    v = votes.tolist()
    isr_result = agreement_index(v, isr.tolist())
    usa_result = agreement_index(v, usa.tolist())
    return {
        "n_yes": sum(x == "yes" for x in v),
        "n_no": sum(x == "no" for x in v),
        "n_abstain": sum(x == "abstain" for x in v),
        "n_absent": sum(x in EXCLUDED for x in v),
        "agree_isr": isr_result.mean,
        "n_isr": isr_result.n,
        "abstain_share": abstain_share(v),
        "agree_usa": usa_result.mean,
        "n_usa": usa_result.n,
    }


def quartiles(values: list[float]) -> dict[str, float]:
    """Q1, median and Q3 of the values that exist, by linear interpolation (numpy's default, Hyndman–Fan 7)."""
    xs = [x for x in values if not math.isnan(x)]
    if not xs:
        return dict.fromkeys(AGGREGATES, math.nan)
    return {k: float(np.quantile(xs, q, method=QUANTILE_METHOD)) for k, q in AGGREGATES.items()}


def rank_high_first(values: dict[str, float]) -> dict[str, int]:
    """1 for the highest value; ties share the best rank (1, 2, 2, 4); NaN gets no rank."""
    known = {k: v for k, v in values.items() if not math.isnan(v)}
    return {k: 1 + sum(w > v for w in known.values()) for k, v in known.items()}


REGION_COLUMNS = (
    "year",
    "country",
    "kind",
    "n_roll_calls",
    "n_yes",
    "n_no",
    "n_abstain",
    "n_absent",
    "agree_isr",
    "n_isr",
    "rank_agree_isr",
    "abstain_share",
    "agree_usa",
    "n_usa",
    "n_countries",
    "n_disputed",
)
_SHARES = ("agree_isr", "abstain_share", "agree_usa")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts and ranks as nullable integers (NA where none), shares as floats (NaN where none)."""
    for col in frame.columns:
        if col.startswith(("n_", "rank_", "ecu_n_")):
            frame[col] = frame[col].astype("Int64")
        elif col in _SHARES or col.startswith(("region_", "ecu_agree", "ecu_abstain")):
            frame[col] = frame[col].astype("float64")
    return frame


def region_by_year(region_dir: Path = REGION_DIR) -> pd.DataFrame:
    """Per year: each of the 33 countries' record, the USA's as a reference, and the region's quartiles.

    Rows with ``kind`` "member" are the 33 GRULAC countries, "reference" the USA (its agreement with the USA is
    1 by construction), "aggregate" the rows LAC_Q1, LAC_MEDIAN and LAC_Q3: each measure's quartile over the
    members with a value that year, computed measure by measure (so one row's values need not come from one
    country). ``rank_agree_isr`` ranks the members, 1 = closest to Israel; ``n_disputed`` counts the votes in the
    row that a second source records differently.
    """
    wide, disputed = load_region(region_dir)
    wide = wide[wide["title_rule"]]
    region = members(wide)
    dispute_keys = {(d.date.year, d.iso, d.date, d.resolution) for d in disputed.itertuples(index=False)}
    selected = {(r.date, r.resolution) for r in wide.itertuples(index=False)}
    rows: list[dict[str, object]] = []
    for year in sorted(set(wide["year"])):
        group = wide[wide["year"] == year]
        per: dict[str, dict[str, object]] = {}
        for iso in [*region, "USA"]:
            m = country_measures(group[iso], group["ISR"], group["USA"])
            m["n_disputed"] = sum(
                1 for y, c, d, res in dispute_keys if y == year and c == iso and (d, res) in selected
            )
            per[iso] = m
        ranks = rank_high_first({iso: float(per[iso]["agree_isr"]) for iso in region})
        for iso in [*region, "USA"]:
            rows.append(
                {
                    "year": year,
                    "country": iso,
                    "kind": "reference" if iso in REFERENCE else "member",
                    "n_roll_calls": len(group),
                    **per[iso],
                    "rank_agree_isr": ranks.get(iso, pd.NA) if iso in region else pd.NA,
                    "n_countries": pd.NA,
                }
            )
        q = {m: quartiles([float(per[iso][m]) for iso in region]) for m in _SHARES}
        for code in AGGREGATES:
            rows.append(
                {
                    "year": year,
                    "country": code,
                    "kind": "aggregate",
                    "n_roll_calls": len(group),
                    **{m: q[m][code] for m in _SHARES},
                    "n_countries": sum(not math.isnan(float(per[iso]["agree_isr"])) for iso in region),
                }
            )
    frame = pd.DataFrame(rows, columns=list(REGION_COLUMNS))
    return _typed(frame)


RANK_COLUMNS = (
    "president",
    "name",
    "start",
    "end",
    "attribution",
    "n_roll_calls",
    "years",
    "ecu_agree_isr",
    "ecu_n_isr",
    "rank_agree_isr",
    "n_ranked",
    "n_tied",
    "closer_to_israel",
    "region_q1_agree_isr",
    "region_median_agree_isr",
    "region_q3_agree_isr",
    "ecu_abstain_share",
    "rank_abstain_share",
    "region_median_abstain_share",
    "coverage",
)


def region_rank(
    region_dir: Path = REGION_DIR, admins: tuple[Administration, ...] | None = None, country: str = ECUADOR
) -> pd.DataFrame:
    """Ecuador's place among the 33 for each administration, pooled over its roll calls (by vote date).

    ``rank_agree_isr`` is 1 for the country closest to Israel; ties share the best rank and ``n_tied`` says how
    many others share it. ``rank_abstain_share`` is 1 for the country that abstained most. ``closer_to_israel``
    lists the countries ranked above. ``coverage`` gives the roll calls per year the period rests on.
    """
    admins = admins if admins is not None else administrations()
    wide, _ = load_region(region_dir)
    wide = wide[wide["title_rule"]]
    region = members(wide)
    if country not in region:
        raise DataError(f"no votes for {country}", Path(region_dir) / VOTES_CSV, None, "country_iso3")
    owner = wide["date"].map(lambda d: president_on(d, admins))
    last_day = max(wide["date"])
    rows: list[dict[str, object]] = []
    for a in admins:
        group = wide[owner == a.president]
        row: dict[str, object] = {
            "president": a.president,
            "name": a.name,
            "start": a.start.isoformat(),
            "end": a.end.isoformat(),
            "attribution": "roll call -> administration in office on the roll call's date",
            "n_roll_calls": len(group),
        }
        if group.empty:
            rows.append(row | {"years": "", "coverage": "no roll calls in the data"})
            continue
        per = {iso: country_measures(group[iso], group["ISR"], group["USA"]) for iso in region}
        agree = {iso: float(per[iso]["agree_isr"]) for iso in region}
        absn = {iso: float(per[iso]["abstain_share"]) for iso in region}
        ranks = rank_high_first(agree)
        mine = ranks.get(country)
        counts = group.groupby("year").size()
        coverage = ", ".join(f"{y}: {n}" for y, n in counts.items())
        coverage = f"roll calls per year: {coverage}"
        if a.end > last_day:
            coverage += f"; nothing after {last_day.isoformat()} (end of the data)"
        q_agree = quartiles(list(agree.values()))
        row |= {
            "years": f"{min(counts.index)}–{max(counts.index)}" if len(counts) > 1 else str(counts.index[0]),
            "ecu_agree_isr": agree[country],
            "ecu_n_isr": per[country]["n_isr"],
            "rank_agree_isr": mine if mine is not None else pd.NA,
            "n_ranked": len(ranks),
            "n_tied": sum(1 for iso, r in ranks.items() if r == mine and iso != country) if mine else pd.NA,
            "closer_to_israel": ";".join(
                iso for iso in sorted(ranks, key=lambda i: (ranks[i], i)) if mine and ranks[iso] < mine
            ),
            "region_q1_agree_isr": q_agree["LAC_Q1"],
            "region_median_agree_isr": q_agree["LAC_MEDIAN"],
            "region_q3_agree_isr": q_agree["LAC_Q3"],
            "ecu_abstain_share": absn[country],
            "rank_abstain_share": rank_high_first(absn).get(country, pd.NA),
            "region_median_abstain_share": quartiles(list(absn.values()))["LAC_MEDIAN"],
            "coverage": coverage,
        }
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=list(RANK_COLUMNS)))
