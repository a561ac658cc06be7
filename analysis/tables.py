"""Small presentational tables shared by the CLI and the notebooks."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.loading import Document


def corpus_table(docs: list[Document]) -> pd.DataFrame:
    """One row per article: what ``alignment corpus`` prints and the corpus notebook shows."""
    return pd.DataFrame(
        [
            {
                "doc_id": d.doc_id,
                "outlet": d.meta.get("outlet", ""),
                "published": d.meta.get("published", ""),
                "words": d.words,
                "language": d.language,
                "perspective": d.meta.get("perspective", ""),
            }
            for d in docs
        ],
        columns=["doc_id", "outlet", "published", "words", "language", "perspective"],
    )


def load_table(name: str) -> pd.DataFrame:
    """A derived or curated table from ``data/`` as the build wrote it (blank cells stay blank strings)."""
    from analysis.common.paths import DATA

    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""], dtype=str).fillna("")


def event_quotes(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each event with the sentences that carry it: the trail from a number back to its sources."""
    cols = ["event_id", "event_type", "status", "date", "administration", "actor", "target"]
    out = events[cols].merge(
        sources[["event_id", "doc_id", "quote", "start_char", "end_char"]], on="event_id"
    )
    return out.sort_values(["date", "event_id", "doc_id", "start_char"], kind="stable").reset_index(drop=True)


def administration_summary(president: str, stance: pd.DataFrame, events: pd.DataFrame) -> str:
    """A paragraph, written from the data, on what an administration's coding rests on."""
    row = stance[stance["administration"] == president]
    if row.empty:
        return f"{president}: no coded events."
    r = row.iloc[0]
    ev = events[
        (events["administration"] == president) & (events["event_id"].isin(r["event_ids"].split(";")))
    ]
    parts = [f"{e.event_type.replace('_', ' ')} ({e.status}, {e.date or 'undated'})" for e in ev.itertuples()]
    return (
        f"{r['name']} ({r['start']} to {r['end']}): score {float(r['score']):+.2f} "
        f"[{float(r['ci_low']):+.2f}, {float(r['ci_high']):+.2f}], {r['label']}, from {r['n_events']} events in "
        f"{r['n_sources']} articles: " + "; ".join(parts) + "."
    )
