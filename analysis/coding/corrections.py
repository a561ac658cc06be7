"""Analyst corrections (``data/corrections.csv``), applied on every build after extraction.

Each row drops a mention, changes one field of a mention, splits a mention off into an event of its own
(``split``: reconciliation never merges it with mentions outside the same split row), or adds an event with
a citation, and says why. A text mention is named by ``doc_id``, ``event_type``, ``start_char`` (the
sentence's offset in the original file) and, optionally, ``actor`` and ``target``; a cited report of the
chronology by its ``report_id`` in ``doc_id`` with ``start_char`` blank, so corrections apply to both kinds
alike. A row that no longer matches anything is an error naming its line: a correction is never silently
ignored.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.common.administrations import administration_for
from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.extract.vocabulary import COLUMNS, EVENT_TYPES, STATUSES

CORRECTION_COLUMNS = (
    "id",
    "action",
    "doc_id",
    "event_type",
    "start_char",
    "actor",
    "target",
    "field",
    "value",
    "status",
    "date",
    "citation",
    "reason",
)
ACTIONS = ("drop", "set", "split", "add")
#: No arms deal comes near ten trillion dollars; a bigger number is a typo (or a run of nines).
MAX_AMOUNT_USD = 1e13
SETTABLE = (
    "event_type",
    "status",
    "date",
    "actor",
    "target",
    "amount_usd",
    "location",
    "in_jerusalem",
    "polarity",
)


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "")


def _check_date(value: str, path: Path, line: int, field: str) -> str:
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
        raise DataError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}", path, line, field)
    try:
        date.fromisoformat((value + "-01-01")[:10] if len(value) == 4 else (value + "-01")[:10])
    except ValueError:
        raise DataError(f"impossible date {value!r}", path, line, field) from None
    if value > date.today().isoformat()[: len(value)]:
        raise DataError(f"date {value} is in the future", path, line, field)
    return value


def _check_value(field: str, value: str, path: Path, line: int) -> None:
    """The new value of a ``set`` row must be valid for its field."""
    if field in ("actor", "target") and not re.fullmatch(r"[A-Z]{3}", value):
        raise DataError(f"{field} must be an ISO 3166 alpha-3 code, not {value!r}", path, line, "value")
    if field == "in_jerusalem" and value not in ("true", "false"):
        raise DataError("in_jerusalem must be true or false", path, line, "value")
    if field == "polarity" and value not in ("-1", "0", "1"):
        raise DataError("polarity must be -1, 0 or 1", path, line, "value")
    if field == "amount_usd" and value:
        try:
            x = float(value)
        except ValueError:
            x = float("nan")
        if not (x >= 0 and x != float("inf")):
            raise DataError(
                f"amount_usd must be a non-negative number of dollars, not {value!r}", path, line, "value"
            )
        if x > MAX_AMOUNT_USD:
            raise DataError(
                f"amount_usd {value} is over {MAX_AMOUNT_USD:.0e} dollars (a typo?)", path, line, "value"
            )


#: Fields that name things (ids joined with ';' in the outputs, codes, offsets): one plain line each.
ID_FIELDS = (
    "id",
    "action",
    "doc_id",
    "event_type",
    "start_char",
    "actor",
    "target",
    "field",
    "status",
    "date",
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _check_ids(r: dict[str, str], path: Path, line: int) -> None:
    """An id holding ';' would split into two ids where the outputs join them; a newline or another control
    character would not survive a spreadsheet or a terminal, and cannot match any mention."""
    for name in (*ID_FIELDS, "value"):
        bad = _CONTROL.search(r[name])
        if bad:
            raise DataError(
                f"{name} holds a control character ({bad.group()!r}); write it on one line", path, line, name
            )
        if name in ("id", "doc_id") and ";" in r[name]:
            raise DataError(
                f"{name} {r[name]!r} holds ';', which separates ids in the outputs", path, line, name
            )


def _check_conflicts(rows: list[tuple[int, dict[str, str]]], path: Path) -> None:
    """Two rows that change the same field of one mention, or a drop beside another change of it: the file
    order would decide silently which one wins (or the later row would match nothing)."""
    by_key: dict[tuple[str, ...], list[tuple[int, dict[str, str]]]] = {}
    for line, r in rows:
        if r["action"] == "add":
            continue
        key = (r["doc_id"], r["event_type"], r["start_char"], r["actor"], r["target"])
        for first_line, first in by_key.get(key, []):
            both = f"lines {first_line} and {line}"
            if "drop" in (r["action"], first["action"]):
                raise DataError(
                    f"{first['action']} on line {first_line} and {r['action']} here name the same mention; "
                    f"keep one ({both})",
                    path,
                    line,
                    "action",
                )
            if r["action"] == first["action"] == "split":
                raise DataError(f"the same mention is split twice ({both}); keep one", path, line, "action")
            if r["action"] == first["action"] == "set" and r["field"] == first["field"]:
                raise DataError(
                    f"{r['field']} of the same mention is set twice ({both}): keep one", path, line, "field"
                )
        by_key.setdefault(key, []).append((line, r))


def load_corrections(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of ``data/corrections.csv``, each checked; a bad or conflicting row is an error naming it."""
    rows = read_rows(path, required=CORRECTION_COLUMNS)
    ids: dict[str, int] = {}
    for line, r in rows:
        _check_ids(r, path, line)
        if r["id"] in ids:
            raise DataError(f"duplicate id {r['id']!r} (first on line {ids[r['id']]})", path, line, "id")
        ids[r["id"]] = line
        if r["action"] not in ACTIONS:
            raise DataError(f"action must be one of {', '.join(ACTIONS)}", path, line, "action")
        if not r["reason"]:
            raise DataError("every correction needs a reason", path, line, "reason")
        if r["event_type"] not in EVENT_TYPES:
            raise DataError(f"unknown event_type {r['event_type']!r}", path, line, "event_type")
        if r["action"] == "set":
            if r["field"] not in SETTABLE:
                raise DataError(f"field must be one of {', '.join(SETTABLE)}", path, line, "field")
            if r["field"] == "status" and r["value"] not in STATUSES:
                raise DataError(f"unknown status {r['value']!r}", path, line, "value")
            if r["field"] == "event_type" and r["value"] not in EVENT_TYPES:
                raise DataError(f"unknown event_type {r['value']!r}", path, line, "value")
            if r["field"] == "date":
                _check_date(r["value"], path, line, "value")
            _check_value(r["field"], r["value"], path, line)
        if r["action"] in ("drop", "set", "split") and not (
            r["doc_id"] and re.fullmatch(r"[0-9]*", r["start_char"])
        ):
            raise DataError(
                "drop, set and split name a mention by doc_id and start_char (text) or by a report_id in doc_id "
                "with start_char blank (cited)",
                path,
                line,
                "start_char",
            )
        if r["action"] == "add":
            if not r["citation"]:
                raise DataError("an added event needs a citation", path, line, "citation")
            if r["status"] not in STATUSES:
                raise DataError(f"unknown status {r['status']!r}", path, line, "status")
            for side in ("actor", "target"):
                if not re.fullmatch(r"[A-Z]{3}", r[side]):
                    raise DataError(
                        f"{side} must be an ISO 3166 alpha-3 code, not {r[side]!r}", path, line, side
                    )
            if r["start_char"]:
                raise DataError(
                    "an added event has no offset: leave start_char blank", path, line, "start_char"
                )
            if r["date"]:
                _check_date(r["date"], path, line, "date")
    _check_conflicts(rows, path)
    return rows


def _also(previous: pd.Series, correction: str) -> pd.Series:
    """A mention changed by two rows (split, then dated) names both, in file order."""
    return previous.map(lambda p: f"{p};{correction}" if p else correction)


def apply_corrections(mentions: pd.DataFrame, path: Path, admins=None) -> pd.DataFrame:
    """Mentions with every correction applied, plus a ``correction`` column naming the row that changed each."""
    m = mentions.copy()
    m["correction"] = ""
    m["split"] = ""
    if "report_id" not in m:
        m["report_id"] = ""
    m["report_id"] = m["report_id"].fillna("")
    added = []
    for line, r in load_corrections(path):
        if r["action"] == "add":
            when = r["date"]
            precision = _precision(when) if when else "unknown"
            row = {c: None for c in COLUMNS}
            row.update(
                {
                    "doc_id": r["doc_id"] or f"correction:{r['id']}",
                    "file": "",
                    "event_type": r["event_type"],
                    "status": r["status"],
                    "date": when,
                    "date_precision": precision,
                    "year": int(when[:4]) if when else None,
                    "administration": administration_for(when, precision, admins) if when else "",
                    "actor": r["actor"],
                    "target": r["target"],
                    "quote": r["citation"],
                    "start_char": None,
                    "end_char": None,
                    "rule": f"correction:{r['id']}",
                    "confidence": 1.0,
                    "polarity": 1,
                    "date_source": "analyst correction",
                    "correction": r["id"],
                    "split": "",
                    "report_id": "",
                    "evidence": "cited",
                }
            )
            added.append(row)
            continue
        if r["start_char"]:
            at = (m["start_char"].astype("Int64") == int(r["start_char"])).fillna(False).astype(bool)
            hit = (m["doc_id"] == r["doc_id"]) & (m["event_type"] == r["event_type"]) & at
        else:  # a cited report, named by its report_id
            hit = (m["report_id"] == r["doc_id"]) & (m["event_type"] == r["event_type"])
        if r["actor"]:
            hit &= m["actor"] == r["actor"]
        if r["target"]:
            hit &= m["target"] == r["target"]
        if not hit.any():
            raise DataError(
                f"correction {r['id']!r} matches no mention (doc_id={r['doc_id']}, event_type={r['event_type']}, "
                f"start_char={r['start_char'] or 'blank'}); the article, the chronology or the extractor changed: "
                "update or remove the row",
                path,
                line,
                "start_char",
            )
        if r["action"] == "drop":
            m = m[~hit].copy()
            continue
        if r["action"] == "split":
            m.loc[hit, "split"] = r["value"] or r["id"]  # split rows with one value form one event
            m.loc[hit, "correction"] = _also(m.loc[hit, "correction"], r["id"])
            continue
        field, value = r["field"], r["value"]
        if field == "date":
            precision = _precision(value)
            m.loc[hit, "date"] = value
            m.loc[hit, "date_precision"] = precision
            m.loc[hit, "year"] = int(value[:4])
            m.loc[hit, "administration"] = administration_for(value, precision, admins)
            m.loc[hit, "date_source"] = "analyst correction"
        elif field in ("amount_usd", "polarity"):
            m.loc[hit, field] = float(value) if value else None
        else:
            m.loc[hit, field] = value
        m.loc[hit, "correction"] = _also(m.loc[hit, "correction"], r["id"])
    if added:
        m = pd.concat([m, pd.DataFrame(added)], ignore_index=True)
    for col in ("start_char", "end_char", "year"):  # added events have no offsets: keep the integer type
        m[col] = pd.to_numeric(m[col], errors="coerce").astype("Int64")
    return m
