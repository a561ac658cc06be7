"""Article-level mentions become one record per real event, keeping every source.

Mentions merge when they share event type, actor and target and their dates are compatible: the spans the
truncated dates stand for overlap (``2022-05`` contains ``2022-05-12``), after widening a day-precise date
by a few days (a visit lasts days) and a date taken from the publication date back two months (an undated
report is of something recent). Sources from *different* articles whose years differ by one at year or
coarser precision are merged too, and the disagreement is kept in ``conflicts`` ("since 1949" against
"established in 1950"). Undated mentions of a type, pair and administration form one undated event.

Text mentions (a quoted sentence) and cited reports of the chronology (a summary and a link) reconcile
together, so one visit reported by a seed and by a chronology source is one event with both kinds of
evidence. Type and date alone merged different acts of one month (a planned training with a cyber
assistance, signed memoranda with trade talks), so mentions must also agree on what happened and who acted:
their statuses must be compatible (a *planned* act is never the same event as one that *happened*;
*announced* goes with either), statements need the same direction and, where both name one, the same speaker,
and a ``split`` correction keeps a mention apart from every mention outside its own split row.

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
from analysis.extract.vocabulary import EVENT_FIELDS

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3, "unknown": 4}
STATUS_RANK = {"happened": 0, "cancelled": 1, "announced": 2, "planned": 3}
DATE_RULE = (
    "most precise stated date (day > month > year > decade; dates borrowed from the publication date "
    "only when no source states one); ties: most sources, then earliest"
)
EVENT_COLUMNS = [
    "event_id",
    *EVENT_FIELDS,
    "polarity",
    "n_mentions",
    "n_sources",
    "n_outlets",
    "doc_ids",
    "outlets",
    "conflicts",
    "date_rule",
    "confidence",
    "evidence",
    "n_text_sources",
    "n_cited_sources",
    "perspectives",
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
    "evidence",
    "report_id",
    "source_url",
    "perspective_group",
    "locator",
    "summary",
]
#: Status pairs that can describe one act: a plan and its announcement or calling-off, an announcement and
#: the act. Not a plan and an act: "talks on a trade agreement" is not "signed two memoranda".
_STATUS_COMPATIBLE = {
    frozenset({"announced", "happened"}),
    frozenset({"announced", "planned"}),
    frozenset({"announced", "cancelled"}),
    frozenset({"planned", "cancelled"}),
}


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


def _same_act(x: Row, y: Row) -> bool:
    """Status, direction, speaker and split rows allow the two mentions to be one act (dates aside)."""
    if x["event_type"] != "visit_cancelled" and x["status"] != y["status"]:
        if frozenset({x["status"], y["status"]}) not in _STATUS_COMPATIBLE:
            return False
    return not _clash(x, y)


def _speaker(row: Row) -> str:
    """The speaker's name without the role ("Rafael Correa, President of Ecuador" -> "rafael correa")."""
    value = row.get("speaker")
    return "" if _isna(value) or not value else str(value).split(",")[0].strip().lower()


def _compatible(x: Row, y: Row) -> bool:
    if not _same_act(x, y):
        return False
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


def _clash(x: Row, y: Row) -> bool:
    """Two mentions that can never be one event, whatever links them: another split row, or statements with
    opposite directions or different named speakers."""
    if x.get("split", "") != y.get("split", ""):
        return True
    if x["event_type"] in ("statement", "un_vote"):
        px, py = x["polarity"], y["polarity"]
        if not _isna(px) and not _isna(py) and int(px) != int(py):
            return True
        sx, sy = _speaker(x), _speaker(y)
        if sx and sy and sx != sy:
            return True
    return False


def _clusters(group: list[Row]) -> list[list[Row]]:
    """Single-linkage clusters of compatible mentions, in a deterministic order; two clusters are not joined
    when any pair across them clashes (a text statement naming nobody must not bridge Herzog and Sa'ar)."""
    parent = list(range(len(group)))
    members = {i: [i] for i in range(len(group))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj or any(_clash(group[a], group[b]) for a in members[ri] for b in members[rj]):
            return
        parent[ri] = rj
        members[rj] += members.pop(ri)

    dated = [i for i, r in enumerate(group) if r["date"]]
    for n, i in enumerate(dated):
        for j in dated[n + 1 :]:
            if _compatible(group[i], group[j]):
                union(i, j)
    undated = [i for i, r in enumerate(group) if not r["date"]]
    for n, i in enumerate(undated):
        for j in undated[n + 1 :]:
            x, y = group[i], group[j]
            if x.get("administration", "") == y.get("administration", "") and _same_act(x, y):
                union(i, j)
    out: dict[int, list[int]] = {}
    for i in range(len(group)):
        out.setdefault(find(i), []).append(i)
    return [[group[i] for i in members] for members in sorted(out.values(), key=min)]


def mention_id(row) -> str:
    """``doc_id@start_char:type:actor-target``; an analyst-added mention has no offset and is named by its rule;
    a cited report is ``report_id:type:actor-target``."""
    report = row.get("report_id", "")
    if isinstance(report, str) and report:
        return f"{report}:{row['event_type']}:{row['actor']}-{row['target']}"
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


def _event_id(
    event_type: str, actor: str, target: str, rows: list[Row], taken: set[str] | None = None
) -> str:
    """Type, pair and earliest date; where two events share those (a plan and an act of one month, undated acts
    of two administrations), the id also hashes the status, administration, split row and first mention."""
    dates = [r["date"] for r in rows if r["date"]]
    anchor = min(dates) if dates else "undated"
    key = f"{event_type}|{actor}|{target}|{anchor}"
    base = f"{event_type}-{actor}-{target}-{anchor}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"
    if taken is None or base not in taken:
        return base
    first = min(mention_id(r) for r in rows)
    extra = "|".join(
        [
            min(r["status"] for r in rows),
            rows[0].get("administration") or "",
            rows[0].get("split") or "",
            first,
        ]
    )
    key = f"{key}|{extra}"
    return f"{event_type}-{actor}-{target}-{anchor}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


def _polarity(rows: list[Row]) -> int:
    values = [int(r["polarity"]) for r in rows if not _isna(r["polarity"])]
    if not values:
        return 1
    counts = Counter(values)
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def _administration(rows: list[Row], when: str, precision: str, admins) -> str:
    """The president at the date's midpoint; but where the cited reports name one administration whose term
    meets the date's span, theirs (a report dated "2017" under Correa is before 24 May, not at mid-year)."""
    named = {r.get("administration") or "" for r in rows if r.get("evidence") == "cited"} - {""}
    midpoint = administration_for(when, precision, admins) if when else ""
    if len(named) != 1:
        return midpoint
    (cited,) = named
    if not when:
        return cited
    a, b = interval(when, precision)
    ends = {administration_for(d.isoformat(), "day", admins) for d in (a, b)}
    return cited if cited in ends else midpoint


def _evidence(rows: list[Row]) -> str:
    kinds = {r.get("evidence") or "text" for r in rows}
    return "text+cited" if kinds == {"text", "cited"} else kinds.pop()


def reconcile(
    mentions: pd.DataFrame, outlets: dict[str, str] | None = None, admins=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events, event_sources) from mentions of either kind; every mention lands in exactly one event."""
    outlets = outlets or {}
    m = mentions.copy()
    for col in ("date", "date_precision", "date_source", "location", "in_jerusalem"):
        m[col] = m[col].fillna("").astype(str) if col in m else ""
    for col in ("evidence", "report_id", "split", "speaker", "administration", "outlet", "source_url"):
        m[col] = m[col].fillna("").astype(str) if col in m else ""
    for col in ("perspective_group", "locator", "summary"):
        m[col] = m[col].fillna("").astype(str) if col in m else ""
    m["evidence"] = m["evidence"].replace("", "text")
    m["date_precision"] = m["date_precision"].replace("", "unknown")
    records: list[Row] = m.to_dict("records")
    records.sort(
        key=lambda r: (
            r["event_type"],
            r["actor"],
            r["target"],
            r["doc_id"],
            math.inf if _isna(r["start_char"]) else int(r["start_char"]),
            r["report_id"],
        )
    )
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for r in records:
        groups.setdefault((r["event_type"], r["actor"], r["target"]), []).append(r)
    events, sources = [], []
    taken: set[str] = set()
    for (et, actor, target), group in sorted(groups.items()):
        for rows in _clusters(group):
            when, precision = _choose_date(rows)
            event_id = _event_id(et, actor, target, rows, taken)
            taken.add(event_id)
            status = min((r["status"] for r in rows), key=STATUS_RANK.get)
            docs = sorted({r["doc_id"] for r in rows})
            outs = sorted({r["outlet"] or outlets.get(r["doc_id"]) or r["doc_id"] for r in rows})
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
                    "administration": _administration(rows, when, precision, admins),
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
                    "evidence": _evidence(rows),
                    "n_text_sources": len({r["doc_id"] for r in rows if r["evidence"] == "text"}),
                    "n_cited_sources": len({r["doc_id"] for r in rows if r["evidence"] != "text"}),
                    "perspectives": ";".join(sorted({r["perspective_group"] for r in rows} - {""})),
                }
            )
            for r in rows:
                sources.append(
                    {
                        "event_id": event_id,
                        "doc_id": r["doc_id"],
                        "file": r["file"] if not _isna(r["file"]) else "",
                        "outlet": r["outlet"] or outlets.get(r["doc_id"], ""),
                        "status": r["status"],
                        "date": r["date"],
                        "date_precision": r["date_precision"],
                        "quote": r["quote"] if not _isna(r["quote"]) else "",
                        "start_char": r["start_char"],
                        "end_char": r["end_char"],
                        "rule": r["rule"],
                        "mention_id": mention_id(r),
                        "evidence": r["evidence"],
                        "report_id": r["report_id"],
                        "source_url": r["source_url"],
                        "perspective_group": r["perspective_group"],
                        "locator": r["locator"],
                        "summary": r["summary"],
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
