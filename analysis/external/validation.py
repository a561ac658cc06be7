"""The text-coded stance beside measures nobody here coded: UN General Assembly votes and the SIPRI register.

One row per administration with the three measures side by side and, where both exist, whether each moved in
the same direction as the text-coded stance relative to Correa (the one administration all three cover).
The measures are different constructs (acts reported in five articles; votes on Israel-related resolutions;
arms-order volume), so agreement in direction is what can be read, not agreement in level.

The UN columns come from ``unga_israel_by_administration`` (Voeten's roll calls to January 2020, the UN Digital
Library copies after, selected by the title rule, attributed by vote date) and ``unga_region_rank`` (Ecuador's
place among the 33 Latin American and Caribbean states); ``un_distance_me`` is the Bailey–Strezhnev–Voeten
ideal-point distance, which exists only to 2019.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

COLUMNS = [
    "administration",
    "text_score",
    "text_ci_low",
    "text_ci_high",
    "text_label",
    "text_n_events",
    "un_agree_isr_me",
    "un_n_votes_me",
    "un_abstain_share_me",
    "un_agree_usa_me",
    "un_region_rank",
    "un_region_n",
    "un_region_median_agree_isr",
    "un_distance_me",
    "un_coverage",
    "sipri_israel_share_tiv",
    "sipri_n_orders_israel",
    "sipri_n_orders_all",
    "text_change_vs_correa",
    "un_change_vs_correa",
    "un_same_direction",
    "sipri_change_vs_correa",
    "sipri_same_direction",
    "note",
]


def _direction(a: float, b: float) -> str:
    """'yes'/'no' where both changes exist, else 'no data'."""
    if np.isnan(a) or np.isnan(b):
        return "no data"
    if a == 0 or b == 0:
        return "no change"
    return "yes" if np.sign(a) == np.sign(b) else "no"


def _number(row: pd.Series | None, col: str) -> float:
    """A float from a table row, NaN where the row or the value is missing."""
    if row is None or pd.isna(row[col]):
        return np.nan
    return float(row[col])


def validation_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    stance = tables["stance"].set_index("administration")
    un = tables["unga_israel_by_administration"].set_index("president")
    region = tables["unga_region_rank"].set_index("president")
    ip = tables["idealpoint_distance"]
    arms = tables["arms_share_by_administration"].set_index("president")
    rows = []
    coded = list(tables["stance"]["administration"])
    baseline = coded[0]  # the earliest administration: the one the UN and SIPRI data cover best
    for a in coded:
        s = stance.loc[a] if a in stance.index else None
        u = un.loc[a] if a in un.index else None
        g = region.loc[a] if a in region.index else None
        sessions = ip[ip["president"] == a]["distance_me"].astype(float)
        r = arms.loc[a] if a in arms.index else None
        rows.append(
            {
                "administration": a,
                "text_score": float(s["score"]) if s is not None else np.nan,
                "text_ci_low": float(s["ci_low"]) if s is not None else np.nan,
                "text_ci_high": float(s["ci_high"]) if s is not None else np.nan,
                "text_label": s["label"] if s is not None else "no events",
                "text_n_events": int(s["n_events"]) if s is not None else 0,
                "un_agree_isr_me": _number(u, "agree_isr"),
                "un_n_votes_me": int(u["n_isr"]) if u is not None and pd.notna(u["n_isr"]) else 0,
                "un_abstain_share_me": _number(u, "abstain_share"),
                "un_agree_usa_me": _number(u, "agree_usa"),
                "un_region_rank": g["rank_agree_isr"] if g is not None else pd.NA,
                "un_region_n": g["n_ranked"] if g is not None else pd.NA,
                "un_region_median_agree_isr": _number(g, "region_median_agree_isr"),
                "un_distance_me": float(sessions.mean()) if sessions.notna().any() else np.nan,
                "un_coverage": u["coverage"] if u is not None else "no data",
                "sipri_israel_share_tiv": float(r["israel_share_tiv"]) if r is not None else np.nan,
                "sipri_n_orders_israel": int(r["n_orders_israel"]) if r is not None else 0,
                "sipri_n_orders_all": int(r["n_orders_all"]) if r is not None else 0,
            }
        )
    df = pd.DataFrame(rows)
    for col in ("un_region_rank", "un_region_n"):
        df[col] = df[col].astype("Int64")
    base = df.set_index("administration").loc[baseline]
    df["text_change_vs_correa"] = df["text_score"] - base["text_score"]
    df["un_change_vs_correa"] = df["un_agree_isr_me"] - base["un_agree_isr_me"]
    df["sipri_change_vs_correa"] = df["sipri_israel_share_tiv"] - base["sipri_israel_share_tiv"]
    df["un_same_direction"] = [
        "baseline" if a == baseline else _direction(t, u)
        for a, t, u in zip(
            df["administration"], df["text_change_vs_correa"], df["un_change_vs_correa"], strict=True
        )
    ]
    df["sipri_same_direction"] = [
        "baseline" if a == baseline else _direction(t, v)
        for a, t, v in zip(
            df["administration"], df["text_change_vs_correa"], df["sipri_change_vs_correa"], strict=True
        )
    ]
    notes = []
    for row in df.itertuples():
        parts = []
        if np.isnan(row.un_agree_isr_me):
            parts.append("no UN figure: no Israel-related roll calls in the data for this administration")
        else:
            if row.un_n_votes_me < 60:
                parts.append(f"UN agreement rests on {row.un_n_votes_me} Israel-related votes")
            if "partial" in row.un_coverage:
                parts.append("UN figure rests partly on incomplete years (un_coverage)")
            if np.isnan(row.un_distance_me):
                parts.append("no ideal-point distance: the estimates end in 2019")
        if row.sipri_n_orders_all == 0:
            parts.append("no arms orders in the SIPRI register")
        elif row.sipri_n_orders_israel and row.sipri_israel_share_tiv == 0:
            parts.append(
                "Israeli orders carried with TIV 0 (no quantity listed): the TIV share understates them"
            )
        if row.text_n_events < 5:
            parts.append(f"text stance from {row.text_n_events} events")
        notes.append("; ".join(parts))
    df["note"] = notes
    for c in df.columns:
        if df[c].dtype == float:
            df[c] = df[c].round(4)
    return df[COLUMNS]


DESCRIPTIONS = {
    "administration": "president id",
    "text_score": "text-coded stance (mean event value, data/stance.csv)",
    "text_ci_low": "lower bound of its bootstrap interval",
    "text_ci_high": "upper bound of its bootstrap interval",
    "text_label": "label of the text-coded stance",
    "text_n_events": "events behind the text-coded stance",
    "un_agree_isr_me": "Ecuador's agreement with Israel on Israel-related UN roll calls (title rule; 1 same, 0.5 "
    "one abstains, 0 opposed; roll calls by vote date), from unga_israel_by_administration.csv; blank where none",
    "un_n_votes_me": "roll calls behind the agreement figure (both countries voted yes, no or abstain)",
    "un_abstain_share_me": "Ecuador's abstentions among its votes cast on those roll calls",
    "un_agree_usa_me": "Ecuador's agreement with the USA on those roll calls (same scoring)",
    "un_region_rank": "Ecuador's rank among the Latin American and Caribbean states by agreement with Israel "
    "(1 = closest to Israel; unga_region_rank.csv)",
    "un_region_n": "countries ranked (those with a vote cast in the period)",
    "un_region_median_agree_isr": "the region's median agreement with Israel over the same roll calls",
    "un_distance_me": "mean distance between Ecuador's and Israel's Middle East ideal points over the "
    "administration's sessions (Bailey–Strezhnev–Voeten; the estimates end in 2019)",
    "un_coverage": "what the UN figure rests on: complete and partial years (unga_israel_by_administration.csv)",
    "sipri_israel_share_tiv": "Israel's share of Ecuador's arms orders, SIPRI TIV (volume index, not US$)",
    "sipri_n_orders_israel": "orders from Israel in the SIPRI register",
    "sipri_n_orders_all": "orders from all suppliers in the SIPRI register",
    "text_change_vs_correa": "text-coded score minus Correa's",
    "un_change_vs_correa": "UN agreement minus Correa's",
    "un_same_direction": "whether UN agreement moved the same way as the text-coded stance (vs Correa)",
    "sipri_change_vs_correa": "Israel's TIV share minus Correa's",
    "sipri_same_direction": "whether Israel's arms share moved the same way as the text-coded stance (vs Correa)",
    "note": "caveats for the row",
}
