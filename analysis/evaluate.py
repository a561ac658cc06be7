"""Precision, recall and F1 of predicted event mentions against gold annotations.

Matching (issue 3): within each file, gold and predictions are *sets* of (event_type, year); a prediction
matches a gold pair of the same file and type whose year is within one year, and a blank gold year matches
any year. Each gold pair is matched at most once.

With ``pair=True`` (issue 17) a match also needs the same two countries, in either order: a third country's
event no longer matches a gold Ecuador-Israel row. A prediction's pair is its ``actor`` and ``target``; a gold
row's is its own ``actor`` and ``target`` columns when the file has them, else the convention the gold notes
follow: ``(actor XXX)`` in the note names a third country's act, and otherwise the act is Ecuador's; the other
side is Palestine for ``palestine_recognition`` and Israel for every other type.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.common.csvio import read_rows
from analysis.common.errors import DataError, UsageError
from analysis.extract.vocabulary import EVENT_TYPES

GOLD_COLUMNS = ("file", "event_type", "year")
_NOTE_ACTOR = re.compile(r"\(actor ([A-Z]{3})\)")
#: Columns a gold file may also have (kept for the annotator, not scored).
GOLD_OPTIONAL = ("status", "administration", "note")
#: Columns only the extractor writes: a file with them is predictions, whatever it was passed as.
EXTRACTOR_ONLY = ("doc_id", "rule", "quote", "start_char", "end_char", "confidence", "cue", "date_source")


@dataclass
class Report:
    table: pd.DataFrame  # per event type and overall: tp, fp, fn, precision, recall, f1
    false_positives: list[tuple[str, str, int | None]]
    false_negatives: list[tuple[str, str, int | None]]
    by_language: pd.DataFrame | None = None  # overall scores per article language


def _year(value: str, path: Path, line: int, field: str = "year") -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,4}(\.0)?", value):
        raise DataError(
            f"year must be a whole number from 0 to 9999 or blank, not {value!r}", path, line, field
        )
    return int(float(value))


def _country_pair(row: dict[str, str]) -> str:
    """The two countries of a row, sorted and joined ("ECU-ISR"): its own columns, else the gold convention."""
    actor, target = (row.get("actor") or "").strip(), (row.get("target") or "").strip()
    if not actor and not target:
        named = _NOTE_ACTOR.search(row.get("note") or "")
        actor = named.group(1) if named else "ECU"
        target = "PSE" if row["event_type"] == "palestine_recognition" else "ISR" if actor != "ISR" else "ECU"
    return "-".join(sorted((actor, target)))


def read_pairs(path: Path, pair: bool = False, role: str = "") -> set[tuple]:
    """(file, event_type, year) triples of a gold or prediction CSV, checked for unknown types; with ``pair``,
    (file, event_type, year, countries) where countries is the sorted actor-target pair ("ECU-ISR").

    ``role`` ("gold annotations", "predictions") is named when a required column is missing."""
    pairs = set()
    try:
        rows = read_rows(path, required=GOLD_COLUMNS)
    except DataError as exc:
        if role and exc.field in GOLD_COLUMNS:
            exc.message += f" (the {role} need the columns {', '.join(GOLD_COLUMNS)})"
            exc.args = (str(exc),)
        raise
    for line, row in rows:
        if not row["file"]:
            raise DataError("empty file name", path, line, "file")
        if row["event_type"] not in EVENT_TYPES:
            raise DataError(f"unknown event_type {row['event_type']!r}", path, line, "event_type")
        key = (Path(row["file"]).name, row["event_type"], _year(row["year"], path, line))
        pairs.add((*key, _country_pair(row)) if pair else key)
    return pairs


def score(gold: set[tuple], pred: set[tuple]) -> Report:
    """Items are (file, event_type, year, *rest): anything after the year (the country pair) must be equal."""
    # Only files that have gold annotations are scored: a prediction file may cover more articles.
    files = {g[0] for g in gold}
    pred = {p for p in pred if p[0] in files}
    unmatched_gold = set(gold)
    tp: list[tuple[str, str, int | None]] = []
    fp = []
    # exact years first, then the ±1 and blank-year matches, so a near match never steals an exact one
    ordered = sorted(pred, key=lambda p: (p[0], p[1], p[2] is None, p[2] or 0))
    for p in ordered:
        exact = (p[0], p[1], p[2])
        if exact in unmatched_gold:
            unmatched_gold.remove(exact)
            tp.append(p)
    rest = [p for p in ordered if p not in tp]
    for p in rest:
        options = sorted(
            (
                g
                for g in unmatched_gold
                if g[0] == p[0]
                and g[1] == p[1]
                and g[3:] == p[3:]
                and (g[2] is None or (p[2] is not None and abs(g[2] - p[2]) <= 1))
            ),
            key=lambda g: (g[2] is None, abs((g[2] or 0) - (p[2] or 0)), g[2] or 0),
        )
        if options:
            unmatched_gold.remove(options[0])
            tp.append(p)
        else:
            fp.append(p)
    rows = []
    for et in [*EVENT_TYPES, "ALL"]:

        def n(items, et=et):
            return sum(1 for x in items if et == "ALL" or x[1] == et)

        t, f, m = n(tp), n(fp), n(unmatched_gold)
        if et != "ALL" and t + f + m == 0:
            continue
        prec = t / (t + f) if t + f else 0.0
        rec = t / (t + m) if t + m else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append(
            {
                "event_type": et,
                "gold": t + m,
                "predicted": t + f,
                "tp": t,
                "fp": f,
                "fn": m,
                "precision": round(prec, 3),
                "recall": round(rec, 3),
                "f1": round(f1, 3),
            }
        )
    return Report(pd.DataFrame(rows), sorted(fp, key=str), sorted(unmatched_gold, key=str))


def file_languages(pred: Path) -> dict[str, str]:
    """Each predicted file's language, from the extractor's ``language`` column (when it has one)."""
    out: dict[str, str] = {}
    for _, row in read_rows(pred, required=GOLD_COLUMNS):
        if row.get("language"):
            out.setdefault(Path(row["file"]).name, row["language"])
    return out


def _header(path: Path) -> list[str] | None:
    """The column names of a CSV, or None when it cannot be read (reading its rows then says why)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [h.strip() for h in next(csv.reader(fh), [])]
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def check_roles(gold: Path, pred: Path) -> None:
    """Refuse a gold file that is the extractor's output when the predictions are not: the two were swapped."""
    gold_cols, pred_cols = _header(gold), _header(pred)
    if gold_cols is None or pred_cols is None:
        return
    gold_has = [c for c in EXTRACTOR_ONLY if c in gold_cols]
    pred_has = [c for c in EXTRACTOR_ONLY if c in pred_cols]
    if len(gold_has) >= 3 and not pred_has and all(c in pred_cols for c in GOLD_COLUMNS):
        raise UsageError(
            f"the files look swapped: --gold {gold} is extractor output (it has the columns "
            f"{', '.join(gold_has[:4])}) and --pred {pred} is gold annotations (columns {', '.join(pred_cols)}); "
            f"run: alignment evaluate --gold {pred} --pred {gold}"
        )


def evaluate_files(gold: Path, pred: Path, pair: bool = False) -> Report:
    """Score the predictions in ``pred`` against the gold annotations in ``gold`` (both CSV files); with
    ``pair``, a match also needs the same actor-target pair."""
    check_roles(gold, pred)
    gold_pairs = read_pairs(gold, pair, "gold annotations")
    pred_pairs = read_pairs(pred, pair, "predictions")
    if not gold_pairs:
        raise DataError("no gold annotations: nothing to score against", gold, 2)
    report = score(gold_pairs, pred_pairs)
    langs = file_languages(pred)
    rows = []
    for lang in sorted({langs.get(g[0], "unknown") for g in gold_pairs}):
        g = {x for x in gold_pairs if langs.get(x[0], "unknown") == lang}
        p = {x for x in pred_pairs if langs.get(x[0], "unknown") == lang}
        overall = score(g, p).table.iloc[-1]
        rows.append(
            {"language": lang, "files": len({x[0] for x in g}), **overall.drop("event_type").to_dict()}
        )
    report.by_language = pd.DataFrame(rows)
    return report


def _item_names(report: Report) -> str:
    items = report.false_positives + report.false_negatives
    return "file, event_type, year" + (", countries" if items and len(items[0]) > 3 else "")


def format_report(report: Report) -> str:
    lines = [report.table.to_string(index=False)]
    if report.by_language is not None and len(report.by_language):
        lines.append("\nF1 per language:")
        lines.append(report.by_language.to_string(index=False))
    if report.false_positives:
        lines.append(f"\nfalse positives ({_item_names(report)}):")
        lines += [f"  {p}" for p in report.false_positives]
    if report.false_negatives:
        lines.append(f"\nmissed gold ({_item_names(report)}):")
        lines += [f"  {g}" for g in report.false_negatives]
    return "\n".join(lines)


#: The gold sets kept in the repository: (label, article folder, gold file). The held-out set is never
#: used to tune rules; its score is the honest estimate for unseen English articles.
GOLD_SETS = (
    ("seeds (en)", "seeds", "tests/gold/seeds.csv"),
    ("held-out (en)", "tests/gold/en_heldout", "tests/gold/en_heldout/gold.csv"),
    ("team-written (es)", "tests/gold/es", "tests/gold/es/gold.csv"),
)


def evaluate_gold_sets(pair: bool = False) -> pd.DataFrame:
    """Overall precision, recall and F1 on every gold set, extracting each folder in memory; with ``pair``,
    a match also needs the same actor-target pair."""
    import tempfile

    from analysis.common.paths import ROOT
    from analysis.corpus.loading import load_corpus
    from analysis.extract.engine import mentions_frame

    rows = []
    for label, folder, gold in GOLD_SETS:
        docs = load_corpus(ROOT / folder)
        with tempfile.TemporaryDirectory() as tmp:
            pred = Path(tmp) / "pred.csv"
            mentions_frame(docs).to_csv(pred, index=False)
            report = evaluate_files(ROOT / gold, pred, pair)
        overall = report.table.iloc[-1]
        rows.append(
            {
                "gold set": label,
                "language": docs[0].language if docs else "",
                "articles": len(docs),
                **overall.drop("event_type").to_dict(),
            }
        )
    return pd.DataFrame(rows)
