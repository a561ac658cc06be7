"""Precision, recall and F1 of predicted event mentions against gold annotations.

Matching (issue 3): within each file, gold and predictions are *sets* of (event_type, year); a prediction
matches a gold pair of the same file and type whose year is within one year, and a blank gold year matches
any year. Each gold pair is matched at most once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.csvio import read_rows
from analysis.errors import DataError
from analysis.extract import EVENT_TYPES

GOLD_COLUMNS = ("file", "event_type", "year")


@dataclass
class Report:
    table: pd.DataFrame  # per event type and overall: tp, fp, fn, precision, recall, f1
    false_positives: list[tuple[str, str, int | None]]
    false_negatives: list[tuple[str, str, int | None]]


def _year(value: str, path: Path, line: int, field: str = "year") -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError:
        raise DataError(f"year must be a whole number or blank, not {value!r}", path, line, field) from None


def read_pairs(path: Path) -> set[tuple[str, str, int | None]]:
    """(file, event_type, year) triples of a gold or prediction CSV, checked for unknown types."""
    pairs = set()
    for line, row in read_rows(path, required=GOLD_COLUMNS):
        if row["event_type"] not in EVENT_TYPES:
            raise DataError(f"unknown event_type {row['event_type']!r}", path, line, "event_type")
        pairs.add((Path(row["file"]).name, row["event_type"], _year(row["year"], path, line)))
    return pairs


def score(gold: set[tuple[str, str, int | None]], pred: set[tuple[str, str, int | None]]) -> Report:
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


def evaluate_files(gold: Path, pred: Path) -> Report:
    return score(read_pairs(gold), read_pairs(pred))


def format_report(report: Report) -> str:
    lines = [report.table.to_string(index=False)]
    if report.false_positives:
        lines.append("\nfalse positives (file, event_type, year):")
        lines += [f"  {p}" for p in report.false_positives]
    if report.false_negatives:
        lines.append("\nmissed gold (file, event_type, year):")
        lines += [f"  {g}" for g in report.false_negatives]
    return "\n".join(lines)
