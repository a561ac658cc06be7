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
from datetime import date, timedelta

import pandas as pd

from analysis.administrations import administration_for, interval

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


def _span(row: pd.Series) -> tuple[date, date] | None:
    if not row["date"]:
        return None
    a, b = interval(row["date"], row["date_precision"])
    pad = 7 if row["event_type"] in ("visit", "visit_cancelled") else 3
    if row["date_precision"] == "day":
        a, b = a - timedelta(days=pad), b + timedelta(days=pad)
    if row.get("date_source") == "publication date":
        a = a - timedelta(days=60)
    return a, b


def _compatible(x: pd.Series, y: pd.Series) -> bool:
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


def _clusters(group: pd.DataFrame) -> list[list[int]]:
    """Single-linkage clusters of compatible mentions (index labels), in a deterministic order."""
    idx = list(group.index)
    parent = {i: i for i in idx}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    dated = [i for i in idx if group.at[i, "date"]]
    for n, i in enumerate(dated):
        for j in dated[n + 1 :]:
            if _compatible(group.loc[i], group.loc[j]):
                parent[find(i)] = find(j)
    undated = [i for i in idx if not group.at[i, "date"]]
    for j in undated[1:]:
        parent[find(j)] = find(undated[0])
    out: dict[int, list[int]] = {}
    for i in idx:
        out.setdefault(find(i), []).append(i)
    return sorted(out.values(), key=lambda c: min(c))


def mention_id(row: pd.Series) -> str:
    """``doc_id@start_char:type:actor-target``; an analyst-added mention has no offset and is named by its rule."""
    start = row["start_char"]
    where = row["rule"] if pd.isna(start) or start == "" else int(start)
    return f"{row['doc_id']}@{where}:{row['event_type']}:{row['actor']}-{row['target']}"


def _stated(rows: pd.DataFrame) -> pd.DataFrame:
    """Mentions whose date the source states (not one borrowed from the publication date)."""
    return rows[(rows["date"] != "") & (rows["date_source"] != "publication date")]


def _choose_date(rows: pd.DataFrame) -> tuple[str, str]:
    dated = _stated(rows)
    if dated.empty:
        dated = rows[rows["date"] != ""]
    if dated.empty:
        return "", "unknown"
    counts = dated.groupby(["date", "date_precision"])["doc_id"].nunique().reset_index(name="n")
    counts["rank"] = counts["date_precision"].map(PRECISION_RANK)
    best = counts.sort_values(["rank", "n", "date"], ascending=[True, False, True]).iloc[0]
    return best["date"], best["date_precision"]


def _conflicts(rows: pd.DataFrame, chosen: str, precision: str) -> str:
    """Source values that the chosen date does not contain, and differing amounts, stated in words."""
    notes = []
    if chosen:
        a, b = interval(chosen, precision)
        by_value: dict[str, set[str]] = {}
        for _, r in _stated(rows).iterrows():
            ra, rb = interval(r["date"], r["date_precision"])
            if not (ra <= a and b <= rb) and not (a <= ra and rb <= b):
                by_value.setdefault(r["date"], set()).add(r["doc_id"])
        if by_value:
            chosen_docs = sorted(set(rows.loc[rows["date"] == chosen, "doc_id"]))
            parts = [f"{chosen} ({', '.join(chosen_docs)})"] + [
                f"{v} ({', '.join(sorted(d))})" for v, d in sorted(by_value.items())
            ]
            notes.append("date: " + " vs ".join(parts))
    amounts = sorted({float(x) for x in rows["amount_usd"].dropna()})
    if len(amounts) > 1:
        notes.append("amount_usd: " + " vs ".join(f"{x:,.0f}" for x in amounts))
    statuses = sorted(set(rows["status"]), key=STATUS_RANK.get)
    if "happened" in statuses and "cancelled" in statuses:
        notes.append("status: happened vs cancelled")
    return "; ".join(notes)


def _event_id(event_type: str, actor: str, target: str, rows: pd.DataFrame) -> str:
    dated = rows[rows["date"] != ""].sort_values(["date", "doc_id", "start_char"])
    anchor = dated["date"].iloc[0] if not dated.empty else "undated"
    key = f"{event_type}|{actor}|{target}|{anchor}"
    return f"{event_type}-{actor}-{target}-{anchor}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


def reconcile(
    mentions: pd.DataFrame, outlets: dict[str, str] | None = None, admins=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_sources) from mentions; every mention lands in exactly one event."""
    outlets = outlets or {}
    m = mentions.copy()
    for col in ("date", "date_precision", "date_source", "location", "in_jerusalem"):
        m[col] = m[col].fillna("").astype(str) if col in m else ""
    m["date_precision"] = m["date_precision"].replace("", "unknown")
    m = m.sort_values(["event_type", "actor", "target", "doc_id", "start_char"], kind="stable").reset_index(
        drop=True
    )
    events, sources = [], []
    for (et, actor, target), group in m.groupby(["event_type", "actor", "target"], sort=True):
        for members in _clusters(group):
            rows = group.loc[members]
            when, precision = _choose_date(rows)
            event_id = _event_id(et, actor, target, rows)
            status = min(rows["status"], key=STATUS_RANK.get)
            docs = sorted(set(rows["doc_id"]))
            outs = sorted({outlets.get(d) or d for d in docs})
            amounts = rows["amount_usd"].dropna()
            pol = rows["polarity"].dropna().astype(int)
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
                    "amount_usd": float(amounts.max()) if not amounts.empty else None,
                    "location": next((x for x in rows["location"] if x), ""),
                    "in_jerusalem": ("true" if (rows["in_jerusalem"] == "true").any() else "false")
                    if et == "office_opening"
                    else "",
                    "polarity": int(pol.mode().min()) if not pol.empty else 1,
                    "n_mentions": len(rows),
                    "n_sources": len(docs),
                    "n_outlets": len(outs),
                    "doc_ids": ";".join(docs),
                    "outlets": ";".join(outs),
                    "conflicts": _conflicts(rows, when, precision),
                    "date_rule": DATE_RULE,
                    "confidence": round(
                        min(0.99, 1 - float((1 - rows["confidence"].astype(float)).prod())), 3
                    ),
                }
            )
            for _, r in rows.iterrows():
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
