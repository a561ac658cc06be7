"""The cited chronology (``data/chronology/``) as mentions beside the text-extracted ones.

The chronology is a hand-coded fact table: one row per event per public report, with a summary in its
compiler's own words and a paragraph locator instead of a quote and offsets. It is copied byte for byte
(checksums in ``data/chronology/SOURCES.md``, verified on every build) and never edited here: what the
project thinks it gets wrong goes in ``data/corrections.csv`` like any other correction. Each report
becomes a *cited mention* with the text mentions' columns where they apply, so both kinds reconcile into
one event table. The outlet perspective groups (``data/perspective_groups.csv``) cover both kinds.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.common.administrations import BACKGROUND, Administration, administration_for, interval
from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import DATA
from analysis.extract.engine import SYMMETRIC
from analysis.extract.vocabulary import EVENT_FIELDS, EVENT_TYPES, STATUSES

CHRONOLOGY = DATA / "chronology"
COPIED = ("README.md", "reports.csv", "sources.csv")
#: Perspective groups for leave-one-perspective-out: id -> what a reader sees.
GROUPS = {
    "israeli_jewish": "Israeli and Jewish outlets",
    "ecuador_private": "Ecuadorian private press",
    "ecuador_opposition": "Ecuadorian opposition and left press",
    "state_media": "state media (Cuba, teleSUR)",
    "arab_pro_palestinian": "Arab and pro-Palestinian media",
    "wires": "wires, trade and foreign press",
}
#: Types whose sign is the type's own (no polarity in the chronology): distancing acts are -1.
NEGATIVE_TYPES = ("visit_cancelled", "military_rupture", "diplomatic_downgrade", "palestine_recognition")
SOURCE_COLUMNS = (
    "source_id",
    "title",
    "outlet",
    "url",
    "published",
    "published_precision",
    "published_evidence",
    "language",
    "perspective",
)
REPORT_COLUMNS = (
    "report_id",
    "source_id",
    "event_type",
    "status",
    "date",
    "date_precision",
    "date_evidence",
    "administration",
    "actor",
    "target",
    "amount_usd",
    "location",
    "in_jerusalem",
    "polarity",
    "speaker",
    "summary",
    "locator",
)
CITED_COLUMNS = [
    "doc_id",
    "report_id",
    *EVENT_FIELDS,
    "polarity",
    "speaker",
    "outlet",
    "source_url",
    "perspective",
    "perspective_group",
    "language",
    "locator",
    "summary",
    "date_evidence",
]
_DATE = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}",
    "decade": r"\d{3}0",
}


def recorded_checksums(folder: Path = CHRONOLOGY) -> dict[str, tuple[str, int]]:
    """``{file: (sha256, bytes)}`` from the table in ``SOURCES.md``."""
    path = folder / "SOURCES.md"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("file not found: the copied chronology needs its checksums", path) from None
    found = re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \| (\d+) \|$", text, flags=re.MULTILINE)
    return {name: (sha, int(size)) for name, sha, size in found}


def verify_copy(folder: Path = CHRONOLOGY) -> None:
    """The copied files must be the published ones: a changed byte is an error, not a silent edit."""
    recorded = recorded_checksums(folder)
    for name in COPIED:
        if name not in recorded:
            raise DataError(f"{name} has no recorded sha256", folder / "SOURCES.md")
        path = folder / name
        if not path.is_file():
            raise DataError("file not found", path)
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != recorded[name][0]:
            raise DataError(
                f"does not match its recorded sha256 ({actual[:12]}… vs {recorded[name][0][:12]}…): the chronology "
                "is copied unchanged; put corrections in data/corrections.csv",
                path,
            )


def load_sources(path: Path) -> pd.DataFrame:
    """sources.csv, one row per source text; ids unique, language and precision known."""
    rows = read_rows(path, required=SOURCE_COLUMNS)
    seen: dict[str, int] = {}
    for line, r in rows:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", r["source_id"]):
            raise DataError(f"malformed source_id {r['source_id']!r}", path, line, "source_id")
        if r["source_id"] in seen:
            raise DataError(
                f"duplicate source_id (first on line {seen[r['source_id']]})", path, line, "source_id"
            )
        seen[r["source_id"]] = line
        if r["language"] not in ("en", "es"):
            raise DataError(f"language must be en or es, not {r['language']!r}", path, line, "language")
        if not re.fullmatch(r"https?://\S+", r["url"]):
            raise DataError(f"not a web address: {r['url']!r}", path, line, "url")
    return pd.DataFrame([r for _, r in rows], columns=list(SOURCE_COLUMNS))


def _in_office(admin: str, when: str, precision: str, admins: tuple[Administration, ...]) -> bool:
    """Whether ``admin`` was in office (or, for background, nobody coded yet) on some day of the date's span."""
    a, b = interval(when, precision)
    if admin == BACKGROUND:
        return a < admins[0].start
    term = next((x for x in admins if x.president == admin), None)
    return term is not None and a < term.end and term.start <= b


def load_reports(path: Path, sources: pd.DataFrame, admins: tuple[Administration, ...]) -> pd.DataFrame:
    """reports.csv with every rule of the chronology's README checked; errors name file, line and field."""
    rows = read_rows(path, required=REPORT_COLUMNS)
    known = set(sources["source_id"])
    presidents = {a.president for a in admins} | {BACKGROUND}
    counters: dict[str, int] = {}
    for line, r in rows:
        src = r["source_id"]
        if src not in known:
            raise DataError(f"source_id {src!r} is not in sources.csv", path, line, "source_id")
        counters[src] = counters.get(src, 0) + 1
        if r["report_id"] != f"{src}-{counters[src]}":
            raise DataError(f"report_id should be {src}-{counters[src]}", path, line, "report_id")
        if r["event_type"] not in EVENT_TYPES:
            raise DataError(f"unknown event_type {r['event_type']!r}", path, line, "event_type")
        if r["status"] not in STATUSES:
            raise DataError(f"unknown status {r['status']!r}", path, line, "status")
        precision, when = r["date_precision"], r["date"]
        if precision == "unknown":
            if when:
                raise DataError("an undated report has a blank date", path, line, "date")
        elif precision not in _DATE:
            raise DataError(f"unknown date_precision {precision!r}", path, line, "date_precision")
        elif not re.fullmatch(_DATE[precision], when):
            raise DataError(f"{when!r} is not a {precision}-precision date", path, line, "date")
        else:
            try:
                date.fromisoformat((when + "-01-01")[:10] if len(when) == 4 else (when + "-01")[:10])
            except ValueError:
                raise DataError(f"impossible date {when!r}", path, line, "date") from None
        if r["administration"] not in presidents:
            raise DataError(f"unknown administration {r['administration']!r}", path, line, "administration")
        for side in ("actor", "target"):
            if not re.fullmatch(r"[A-Z]{3}", r[side]):
                raise DataError(f"{side} must be an ISO 3166 alpha-3 code", path, line, side)
        if r["polarity"] not in ("", "-1", "0", "1"):
            raise DataError("polarity must be -1, 0, 1 or blank", path, line, "polarity")
        if r["in_jerusalem"] not in ("", "true", "false"):
            raise DataError("in_jerusalem must be true, false or blank", path, line, "in_jerusalem")
        if r["amount_usd"] and not re.fullmatch(r"\d+(\.\d+)?", r["amount_usd"]):
            raise DataError(f"not an amount of dollars: {r['amount_usd']!r}", path, line, "amount_usd")
        if not r["summary"] or len(r["summary"]) > 200:
            raise DataError("a summary of 1 to 200 characters is required", path, line, "summary")
        if not re.fullmatch(r"paras? \d+(-\d+)?(, \d+(-\d+)?)*", r["locator"]):
            raise DataError(
                f"locator must read 'para N' or 'paras N-M', not {r['locator']!r}", path, line, "locator"
            )
    return pd.DataFrame([r for _, r in rows], columns=list(REPORT_COLUMNS))


def _central(when: str, precision: str) -> str:
    """The chronology writes a decade as its first year (1960 = the 1960s); the event tables, its centre."""
    return str(int(when) + 5) if precision == "decade" else when


def load_perspective_groups(path: Path = DATA / "perspective_groups.csv") -> dict[str, str]:
    """``{doc_id: group}`` for every source of either kind; each row says why."""
    out: dict[str, str] = {}
    lines: dict[str, int] = {}
    for line, r in read_rows(path, required=("doc_id", "evidence", "group", "reason")):
        if r["doc_id"] in out:
            raise DataError(f"doc_id given twice (first on line {lines[r['doc_id']]})", path, line, "doc_id")
        if r["evidence"] not in ("text", "cited"):
            raise DataError("evidence must be text or cited", path, line, "evidence")
        if r["group"] not in GROUPS:
            raise DataError(f"group must be one of {', '.join(GROUPS)}", path, line, "group")
        if not r["reason"]:
            raise DataError("every grouping needs a reason", path, line, "reason")
        out[r["doc_id"]], lines[r["doc_id"]] = r["group"], line
    return out


def short_outlet(outlet: str) -> str:
    """The outlet without the chronology's bracketed note ("Infobae (EFE wire copy)" -> "Infobae")."""
    return outlet.split(" (")[0].strip()


def cited_mentions(
    reports: pd.DataFrame, sources: pd.DataFrame, groups: dict[str, str], admins: tuple[Administration, ...]
) -> pd.DataFrame:
    """One cited mention per report, with the text mentions' columns where they apply."""
    src = sources.set_index("source_id")
    rows = []
    for r in reports.itertuples(index=False):
        s = src.loc[r.source_id]
        if r.source_id not in groups:
            raise DataError(
                f"source {r.source_id!r} has no perspective group",
                DATA / "perspective_groups.csv",
                None,
                "doc_id",
            )
        precision = r.date_precision
        when = _central(r.date, precision) if r.date else ""
        admin = r.administration
        if when and not _in_office(admin, when, precision, admins):
            # coded against the shared dates of office; where this project's differ, its own dates decide
            admin = administration_for(when, precision, admins)
        actor, target = r.actor, r.target
        if r.event_type in SYMMETRIC and {actor, target} == {"ECU", "ISR"}:
            actor, target = "ECU", "ISR"  # mutual acts are written in one fixed order, as the extractor does
        polarity = int(r.polarity) if r.polarity else (-1 if r.event_type in NEGATIVE_TYPES else 1)
        rows.append(
            {
                "doc_id": r.source_id,
                "report_id": r.report_id,
                "event_type": r.event_type,
                "status": r.status,
                "date": when,
                "date_precision": precision,
                "year": int(when[:4]) if when else None,
                "administration": admin,
                "actor": actor,
                "target": target,
                "amount_usd": float(r.amount_usd) if r.amount_usd else None,
                "location": r.location,
                "in_jerusalem": r.in_jerusalem,
                "polarity": polarity,
                "speaker": r.speaker,
                "outlet": short_outlet(s["outlet"]),
                "source_url": s["url"],
                "perspective": s["perspective"],
                "perspective_group": groups[r.source_id],
                "language": s["language"],
                "locator": r.locator,
                "summary": r.summary,
                "date_evidence": r.date_evidence,
            }
        )
    out = pd.DataFrame(rows, columns=CITED_COLUMNS)
    out["year"] = out["year"].astype("Int64")
    out["polarity"] = out["polarity"].astype("Int64")
    return out


def as_mentions(cited: pd.DataFrame) -> pd.DataFrame:
    """Cited mentions in the shape reconciliation reads (the text mentions' columns plus the citation's)."""
    m = cited.copy()
    m["file"] = ""
    m["quote"] = ""
    m["start_char"] = pd.array([None] * len(m), dtype="Int64")
    m["end_char"] = pd.array([None] * len(m), dtype="Int64")
    m["rule"] = "chronology:" + m["report_id"]
    m["confidence"] = 1.0
    m["date_text"] = m["date_evidence"]
    m["date_source"] = "cited chronology"
    m["cue"] = ""
    m["evidence"] = "cited"
    return m.drop(columns=["date_evidence"])


def load_cited(
    admins: tuple[Administration, ...], data: Path = DATA, groups: dict[str, str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cited mentions, sources) from ``data/chronology/``, after checking the copy is unchanged."""
    folder = data / "chronology"
    verify_copy(folder)
    sources = load_sources(folder / "sources.csv")
    reports = load_reports(folder / "reports.csv", sources, admins)
    groups = groups if groups is not None else load_perspective_groups(data / "perspective_groups.csv")
    return cited_mentions(reports, sources, groups, admins), sources
