"""Article-level mentions become one record per real event, keeping every source.

Mentions merge when they share event type, actor and target and their dates are compatible: the spans the
truncated dates stand for overlap (``2022-05`` contains ``2022-05-12``), after widening a day-precise date
by a few days (a visit lasts days) and a date taken from the publication date back two months (an undated
report is of something recent). Sources from *different* articles whose years differ by one at year or
coarser precision are merged too, and the disagreement is kept in ``conflicts`` ("since 1949" against
"established in 1950"). Undated mentions of a type and pair form one undated event.

Event ids are built from the event's own content (type, pair, and the date of its earliest-dated source), so
adding an unrelated article never changes them.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from datetime import date, timedelta

import pandas as pd

from analysis.common.administrations import administration_for, interval

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "unknown": 4}
STATUS_RANK = {"happened": 0, "cancelled": 1, "announced": 2, "planned": 3}
DATE_RULE = (
    "most precise stated date (day > month > year > decade; dates borrowed from the publication date "
    "only when no source states one); ties: most sources, then earliest"
)
EVENT_COLUMNS = [
    "event_id",
    "event_type",
    "status",
    "date",
    "date_precision",
    "year",
    "administration",
    "actor",
    "target",
    "amount_usd",
    "location",
    "in_jerusalem",
    "polarity",
    "n_mentions",
    "n_sources",
    "n_outlets",
    "doc_ids",
    "outlets",
    "conflicts",
    "date_rule",
    "confidence",
]
SOURCE_COLUMNS = [
    "event_id",
    "doc_id",
    "file",
    "outlet",
    "status",
    "date",
    "date_precision",
    "quote",
    "start_char",
    "end_char",
    "rule",
    "mention_id",
]


Row = dict  # one mention as a plain dict: reconciliation runs in plain Python (pandas per cluster was slow)


def _isna(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def _span(row: Row) -> tuple[date, date] | None:
    if not row["date"]:
        return None
    a, b = interval(row["date"], row["date_precision"])
    pad = 7 if row["event_type"] in ("visit", "visit_cancelled") else 3
    if row["date_precision"] == "day":
        a, b = a - timedelta(days=pad), b + timedelta(days=pad)
    # An undated report is of something recent, so a date borrowed from publication reaches back two months;
    # not for statements and legislative acts, which different people make on different days.
    if row.get("date_source") == "publication date" and row["event_type"] not in (
        "statement",
        "legislative_action",
    ):
        a = a - timedelta(days=60)
    return a, b


def _compatible(x: Row, y: Row) -> bool:
    sx, sy = _span(x), _span(y)
    if sx is None or sy is None:
        return False
    if sx[0] <= sy[1] and sy[0] <= sx[1]:
        return True
    coarse = {"year", "decade"}
    return (
        x["doc_id"] != y["doc_id"]
        and x["date_precision"] in coarse
        and y["date_precision"] in coarse
        and abs(int(x["date"][:4]) - int(y["date"][:4])) <= 1
    )


def _clusters(group: list[Row]) -> list[list[Row]]:
    """Single-linkage clusters of compatible mentions, in a deterministic order."""
    parent = list(range(len(group)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dated = [i for i, r in enumerate(group) if r["date"]]
    for n, i in enumerate(dated):
        for j in dated[n + 1 :]:
            if _compatible(group[i], group[j]):
                parent[find(i)] = find(j)
    undated = [i for i, r in enumerate(group) if not r["date"]]
    for j in undated[1:]:
        parent[find(j)] = find(undated[0])
    out: dict[int, list[int]] = {}
    for i in range(len(group)):
        out.setdefault(find(i), []).append(i)
    return [[group[i] for i in members] for members in sorted(out.values(), key=min)]


def mention_id(row) -> str:
    """``doc_id@start_char:type:actor-target``; an analyst-added mention has no offset and is named by its rule."""
    start = row["start_char"]
    where = row["rule"] if _isna(start) or start == "" else int(start)
    return f"{row['doc_id']}@{where}:{row['event_type']}:{row['actor']}-{row['target']}"


def _stated(rows: list[Row]) -> list[Row]:
    """Mentions whose date the source states (not one borrowed from the publication date)."""
    return [r for r in rows if r["date"] and r["date_source"] != "publication date"]


def _choose_date(rows: list[Row]) -> tuple[str, str]:
    dated = _stated(rows) or [r for r in rows if r["date"]]
    if not dated:
        return "", "unknown"
    docs: dict[tuple[str, str], set[str]] = {}
    for r in dated:
        docs.setdefault((r["date"], r["date_precision"]), set()).add(r["doc_id"])
    (when, precision), _ = min(docs.items(), key=lambda kv: (PRECISION_RANK[kv[0][1]], -len(kv[1]), kv[0][0]))
    return when, precision


def _conflicts(rows: list[Row], chosen: str, precision: str) -> str:
    """Source values that the chosen date does not contain, and differing amounts, stated in words."""
    notes = []
    if chosen:
        a, b = interval(chosen, precision)
        by_value: dict[str, set[str]] = {}
        for r in _stated(rows):
            ra, rb = interval(r["date"], r["date_precision"])
            if not (ra <= a and b <= rb) and not (a <= ra and rb <= b):
                by_value.setdefault(r["date"], set()).add(r["doc_id"])
        if by_value:
            chosen_docs = sorted({r["doc_id"] for r in rows if r["date"] == chosen})
            parts = [f"{chosen} ({', '.join(chosen_docs)})"] + [
                f"{v} ({', '.join(sorted(d))})" for v, d in sorted(by_value.items())
            ]
            notes.append("date: " + " vs ".join(parts))
    amounts = sorted({float(r["amount_usd"]) for r in rows if not _isna(r["amount_usd"])})
    if len(amounts) > 1:
        notes.append("amount_usd: " + " vs ".join(f"{x:,.0f}" for x in amounts))
    statuses = {r["status"] for r in rows}
    if "happened" in statuses and "cancelled" in statuses:
        notes.append("status: happened vs cancelled")
    return "; ".join(notes)


def _event_id(event_type: str, actor: str, target: str, rows: list[Row]) -> str:
    dates = [r["date"] for r in rows if r["date"]]
    anchor = min(dates) if dates else "undated"
    key = f"{event_type}|{actor}|{target}|{anchor}"
    return f"{event_type}-{actor}-{target}-{anchor}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


def _polarity(rows: list[Row]) -> int:
    values = [int(r["polarity"]) for r in rows if not _isna(r["polarity"])]
    if not values:
        return 1
    counts = Counter(values)
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def reconcile(
    mentions: pd.DataFrame, outlets: dict[str, str] | None = None, admins=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_sources) from mentions; every mention lands in exactly one event."""
    outlets = outlets or {}
    m = mentions.copy()
    for col in ("date", "date_precision", "date_source", "location", "in_jerusalem"):
        m[col] = m[col].fillna("").astype(str) if col in m else ""
    m["date_precision"] = m["date_precision"].replace("", "unknown")
    records: list[Row] = m.to_dict("records")
    records.sort(
        key=lambda r: (
            r["event_type"],
            r["actor"],
            r["target"],
            r["doc_id"],
            math.inf if _isna(r["start_char"]) else int(r["start_char"]),
        )
    )
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for r in records:
        groups.setdefault((r["event_type"], r["actor"], r["target"]), []).append(r)
    events, sources = [], []
    for (et, actor, target), group in sorted(groups.items()):
        for rows in _clusters(group):
            when, precision = _choose_date(rows)
            event_id = _event_id(et, actor, target, rows)
            status = min((r["status"] for r in rows), key=STATUS_RANK.get)
            docs = sorted({r["doc_id"] for r in rows})
            outs = sorted({outlets.get(d) or d for d in docs})
            amounts = [float(r["amount_usd"]) for r in rows if not _isna(r["amount_usd"])]
            confidence = 1.0
            for r in rows:
                confidence *= 1 - float(r["confidence"])
            events.append(
                {
                    "event_id": event_id,
                    "event_type": et,
                    "status": status,
                    "date": when,
                    "date_precision": precision,
                    "year": int(when[:4]) if when else None,
                    "administration": administration_for(when, precision, admins) if when else "",
                    "actor": actor,
                    "target": target,
                    "amount_usd": max(amounts) if amounts else None,
                    "location": next((r["location"] for r in rows if r["location"]), ""),
                    "in_jerusalem": ("true" if any(r["in_jerusalem"] == "true" for r in rows) else "false")
                    if et == "office_opening"
                    else "",
                    "polarity": _polarity(rows),
                    "n_mentions": len(rows),
                    "n_sources": len(docs),
                    "n_outlets": len(outs),
                    "doc_ids": ";".join(docs),
                    "outlets": ";".join(outs),
                    "conflicts": _conflicts(rows, when, precision),
                    "date_rule": DATE_RULE,
                    "confidence": round(min(0.99, 1 - confidence), 3),
                }
            )
            for r in rows:
                sources.append(
                    {
                        "event_id": event_id,
                        "doc_id": r["doc_id"],
                        "file": r["file"],
                        "outlet": outlets.get(r["doc_id"], ""),
                        "status": r["status"],
                        "date": r["date"],
                        "date_precision": r["date_precision"],
                        "quote": r["quote"],
                        "start_char": r["start_char"],
                        "end_char": r["end_char"],
                        "rule": r["rule"],
                        "mention_id": mention_id(r),
                    }
                )
    ev = pd.DataFrame(events, columns=EVENT_COLUMNS)
    ev = ev.sort_values(
        ["date", "event_type", "actor", "target", "event_id"],
        kind="stable",
        key=lambda s: s.fillna("") if s.dtype == object else s,
    ).reset_index(drop=True)
    ev["year"] = ev["year"].astype("Int64")
    src = pd.DataFrame(sources, columns=SOURCE_COLUMNS)
    for col in ("start_char", "end_char"):
        src[col] = pd.to_numeric(src[col], errors="coerce").astype("Int64")
    src = src.sort_values(["event_id", "doc_id", "start_char", "mention_id"], kind="stable").reset_index(
        drop=True
    )
    return ev, src
