"""The evidence table: every coded event of every administration with what it contributes and who says so.

A score is a mean of event values; an analyst who wants to stand on it needs each event's weight, its status
multiplier and the product (its contribution), beside the sentence quoted from an article (text evidence) or
the chronology's summary and link (cited evidence), with the outlet and its perspective group. One row per
event and source, so an event reported by three outlets shows all three; ``contribution`` belongs to the
event, and ``share_of_score`` (contribution / events coded) sums to the score over distinct events.
"""

from __future__ import annotations

import pandas as pd

EVIDENCE_COLUMNS = [
    "administration",
    "event_id",
    "date",
    "event_type",
    "status",
    "actor",
    "target",
    "weight",
    "multiplier",
    "sign",
    "contribution",
    "share_of_score",
    "event_evidence",
    "evidence",
    "doc_id",
    "outlet",
    "perspective_group",
    "quote_or_summary",
    "source_url",
    "where",
]


def evidence_table(coded: pd.DataFrame, sources: pd.DataFrame, presidents: tuple[str, ...]) -> pd.DataFrame:
    """Coded events (``stance.coded_events``) of the coded administrations joined to their sources."""
    ce = coded[coded["administration"].isin(presidents)].copy()
    n = ce.groupby("administration")["event_id"].transform("count")
    ce["contribution"] = ce["value"]
    ce["share_of_score"] = (ce["value"] / n).round(4)
    ce = ce.rename(columns={"evidence": "event_evidence"})
    src = sources.copy()
    src["quote_or_summary"] = src["quote"].where(src["evidence"] == "text", src["summary"])
    src["where"] = [
        f"chars {s}-{e}" if k == "text" and pd.notna(s) else (loc if k != "text" else "")
        for k, s, e, loc in zip(
            src["evidence"], src["start_char"], src["end_char"], src["locator"], strict=True
        )
    ]
    src["source_url"] = src["source_url"].fillna("")
    out = ce.merge(
        src[
            [
                "event_id",
                "evidence",
                "doc_id",
                "outlet",
                "perspective_group",
                "quote_or_summary",
                "source_url",
                "where",
            ]
        ],
        on="event_id",
    )
    order = {p: i for i, p in enumerate(presidents)}
    out["_a"] = out["administration"].map(order)
    out = out.sort_values(["_a", "date", "event_id", "evidence", "doc_id", "where"], kind="stable")
    return out[EVIDENCE_COLUMNS].reset_index(drop=True)
