"""Each administration's stance toward Israel, coded from reconciled events with curated weights.

Score: the **mean value per event**, where an event's value is its type's weight on Goldstein's
-10..+10 cooperation-conflict scale (``data/codebook.csv``) times its status multiplier
(``data/status_multipliers.csv``), signed by the event itself for votes and statements. The mean is the
headline because how many events the press reports depends on coverage (five articles here, clustered in
2019, 2022 and 2025), not on how much an administration did; a sum or a rate per year in office would
reward the administration the press happened to cover. The rate per year in office is shown beside it.
The components (material, diplomatic, rhetorical) are each component's share of that mean: they add up
to the score. The interval is a percentile bootstrap over events with a fixed seed; every administration
is resampled in the same draw (:func:`joint_bootstrap`), so the interval of a shift between two successive
administrations (:func:`stance_shifts`) comes from the very resamples that give their own intervals.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.common.administrations import Administration, administrations, warn_uncovered
from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import DATA
from analysis.extract.vocabulary import EVENT_TYPES, STATUSES

COMPONENTS = ("material", "diplomatic", "rhetorical")


def coded_presidents(admins: tuple[Administration, ...] | None = None) -> tuple[str, ...]:
    """Every administration in data/administrations.csv is coded; events before the first are background."""
    return tuple(a.president for a in (admins or administrations()))


@dataclass(frozen=True)
class Coding:
    codebook: pd.DataFrame  # indexed by event_type
    multipliers: dict[tuple[str, str], float]  # (status, event_type or "*") -> multiplier
    labels: pd.DataFrame
    params: dict[str, float]


def _number(
    value: str, path: Path, line: int, field: str, lo: float | None = None, hi: float | None = None
) -> float:
    try:
        x = float(value)
    except ValueError:
        hint = (
            " (write the decimal with a point: 1.5, not 1,5)"
            if re.fullmatch(r"-?[0-9]+,[0-9]+", value)
            else ""
        )
        raise DataError(f"not a number: {value!r}{hint}", path, line, field) from None
    if x != x or x in (float("inf"), float("-inf")):
        raise DataError(f"not a finite number: {value!r}", path, line, field)
    if (lo is not None and x < lo) or (hi is not None and x > hi):
        bounds = f"{lo:,}..{hi:,}" if lo is not None and hi is not None else f"{lo}..{hi}"
        raise DataError(f"{x:g} is outside {bounds}", path, line, field)
    return x


def load_codebook(path: Path = DATA / "codebook.csv") -> pd.DataFrame:
    rows = read_rows(
        path,
        required=(
            "event_type",
            "plover_root",
            "component",
            "weight",
            "signed_by",
            "counts_when_actor",
            "cameo_code",
            "cameo_goldstein",
            "rationale",
        ),
    )
    out = []
    lines: dict[str, int] = {}
    for line, r in rows:
        if r["event_type"] not in EVENT_TYPES:
            raise DataError(f"unknown event_type {r['event_type']!r}", path, line, "event_type")
        if r["event_type"] in lines:
            raise DataError(
                f"event_type {r['event_type']!r} given twice (first on line {lines[r['event_type']]})",
                path,
                line,
                "event_type",
            )
        lines[r["event_type"]] = line
        if r["component"] not in COMPONENTS:
            raise DataError(f"component must be one of {', '.join(COMPONENTS)}", path, line, "component")
        if r["signed_by"] not in ("type", "polarity"):
            raise DataError("signed_by must be 'type' or 'polarity'", path, line, "signed_by")
        if r["counts_when_actor"] not in ("ECU", "either"):
            raise DataError("counts_when_actor must be 'ECU' or 'either'", path, line, "counts_when_actor")
        if not r["rationale"]:
            raise DataError("every weight needs a rationale", path, line, "rationale")
        r = dict(r)
        r["weight"] = _number(r["weight"], path, line, "weight", -10, 10)
        r["cameo_goldstein"] = _number(r["cameo_goldstein"], path, line, "cameo_goldstein", -10, 10)
        out.append(r)
    if not out:
        raise DataError("no event types: the codebook needs a row for each", path, 2, "event_type")
    df = pd.DataFrame(out)
    missing = sorted(set(EVENT_TYPES) - set(df["event_type"]))
    if missing:
        raise DataError(f"no weight for event types {', '.join(missing)}", path, None, "event_type")
    return df.set_index("event_type")


def load_multipliers(path: Path = DATA / "status_multipliers.csv") -> dict[tuple[str, str], float]:
    out = {}
    lines: dict[tuple[str, str], int] = {}
    for line, r in read_rows(path, required=("status", "event_type", "multiplier", "rationale")):
        if r["status"] not in STATUSES:
            raise DataError(f"unknown status {r['status']!r}", path, line, "status")
        if r["event_type"] != "*" and r["event_type"] not in EVENT_TYPES:
            raise DataError(f"unknown event_type {r['event_type']!r}", path, line, "event_type")
        key = (r["status"], r["event_type"])
        if key in lines:
            raise DataError(
                f"status {key[0]!r} with event_type {key[1]!r} given twice (first on line {lines[key]})",
                path,
                line,
                "event_type",
            )
        lines[key] = line
        if not r["rationale"]:
            raise DataError("every multiplier needs a rationale", path, line, "rationale")
        out[(r["status"], r["event_type"])] = _number(r["multiplier"], path, line, "multiplier", -1, 1)
    for s in STATUSES:
        if (s, "*") not in out:
            raise DataError(f"no default ('*') multiplier for status {s!r}", path, None, "status")
    return out


def load_labels(path: Path = DATA / "stance_labels.csv") -> pd.DataFrame:
    rows = read_rows(path, required=("label", "min", "max", "rationale"))
    out = []
    for line, r in rows:
        if not r["label"]:
            raise DataError("blank label: the figures would show an empty name", path, line, "label")
        if not r["rationale"]:
            raise DataError("every label needs a rationale", path, line, "rationale")
        lo = _number(r["min"], path, line, "min", -10, 10)
        hi = _number(r["max"], path, line, "max", -10, 10)
        if hi <= lo:
            raise DataError("max must be above min", path, line, "max")
        out.append({"label": r["label"], "min": lo, "max": hi, "line": line})
    df = pd.DataFrame(out).sort_values("min").reset_index(drop=True)
    for a, b in zip(df.itertuples(), df.iloc[1:].itertuples(), strict=False):
        if a.max != b.min:
            raise DataError(
                f"labels {a.label!r} and {b.label!r} leave a gap or overlap ({a.max} vs {b.min})",
                path,
                b.line,
                "min",
            )
    if df["min"].iloc[0] > -10 or df["max"].iloc[-1] < 10:
        raise DataError("labels must cover the whole scale from -10 to 10", path, None, "min")
    return df.drop(columns="line")


def load_params(path: Path = DATA / "stance_parameters.csv") -> dict[str, float]:
    # parameter -> (lowest, highest, whole number); the bootstrap needs these and nothing else
    known = {
        "bootstrap_resamples": (2000, 1_000_000, True),
        "bootstrap_seed": (0, 2**32 - 1, True),
        "ci_level": (0.5, 0.999, False),
    }
    out = {}
    lines = {}
    for line, r in read_rows(path, required=("parameter", "value", "rationale")):
        name = r["parameter"]
        if name not in known:
            raise DataError(
                f"unknown parameter {name!r} (known: {', '.join(known)})", path, line, "parameter"
            )
        if name in out:
            raise DataError(
                f"parameter {name!r} given twice (first on line {lines[name]})", path, line, "parameter"
            )
        lo, hi, whole = known[name]
        x = _number(r["value"], path, line, "value", lo, hi)
        if whole and x != int(x):
            raise DataError(f"{name} must be a whole number, not {r['value']!r}", path, line, "value")
        out[name], lines[name] = x, line
    for key in known:
        if key not in out:
            raise DataError(f"missing parameter {key!r}", path, None, "parameter")
    return out


def load_coding(data: Path = DATA) -> Coding:
    return Coding(
        load_codebook(data / "codebook.csv"),
        load_multipliers(data / "status_multipliers.csv"),
        load_labels(data / "stance_labels.csv"),
        load_params(data / "stance_parameters.csv"),
    )


def coded_events(events: pd.DataFrame, coding: Coding, weights: str = "codebook") -> pd.DataFrame:
    """Events that bear on Ecuador's stance toward Israel, each with its value.

    Kept: Ecuador–Israel events in either direction, Ecuador's recognition of Palestine, and, for types
    whose ``counts_when_actor`` is ECU (votes, statements, legislative acts), only Ecuador's own.
    ``weights``: ``codebook``, ``equal`` (sign only), or ``goldstein`` (CAMEO's published value, with the
    codebook's sign toward Israel).
    """
    cb = coding.codebook
    e = events.copy()
    pair = ((e["actor"] == "ECU") & (e["target"] == "ISR")) | ((e["actor"] == "ISR") & (e["target"] == "ECU"))
    pse = (e["event_type"] == "palestine_recognition") & (e["actor"] == "ECU") & (e["target"] == "PSE")
    e = e[pair | pse].copy()
    ecu_only = e["event_type"].map(cb["counts_when_actor"]) == "ECU"
    e = e[~ecu_only | (e["actor"] == "ECU")].copy()
    w = e["event_type"].map(cb["weight"]).astype(float)
    if weights == "equal":
        w = np.sign(w)
    elif weights == "goldstein":
        w = np.sign(w) * e["event_type"].map(cb["cameo_goldstein"]).abs()
    elif weights != "codebook":
        raise ValueError(weights)
    mult = [
        coding.multipliers.get((s, t), coding.multipliers[(s, "*")])
        for s, t in zip(e["status"], e["event_type"], strict=True)
    ]
    sign = np.where(e["event_type"].map(cb["signed_by"]) == "polarity", e["polarity"].astype(float), 1.0)
    e["weight"] = w.values
    e["multiplier"] = mult
    e["sign"] = sign.astype(int) if hasattr(sign, "astype") else sign
    e["value"] = (w.values * np.asarray(mult) * sign).round(6)
    e["component"] = e["event_type"].map(cb["component"])
    return e


def label_for(score: float, labels: pd.DataFrame) -> str:
    if score != score:
        return "no events"
    for r in labels.itertuples():
        if r.min <= score < r.max or (r.max == labels["max"].max() and score == r.max):
            return r.label
    return ""


def _bootstrap(values: np.ndarray, coding: Coding, salt: int) -> tuple[float, float]:
    if len(values) == 0:
        return float("nan"), float("nan")
    rng = np.random.default_rng([int(coding.params["bootstrap_seed"]), salt])
    n = int(coding.params["bootstrap_resamples"])
    means = values[rng.integers(0, len(values), size=(n, len(values)))].mean(axis=1)
    alpha = (1 - coding.params["ci_level"]) / 2
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))


def _summary(group: pd.DataFrame, coding: Coding, salt: int) -> dict:
    v = group["value"].to_numpy(dtype=float)
    n = len(v)
    score = float(v.mean()) if n else float("nan")
    lo, hi = _bootstrap(v, coding, salt)
    out = {
        "score": score,
        "ci_low": lo,
        "ci_high": hi,
        "n_events": n,
        "n_sources": len({d for ids in group["doc_ids"] for d in ids.split(";") if d}),
    }
    for comp in COMPONENTS:
        out[comp] = float(group.loc[group["component"] == comp, "value"].sum() / n) if n else float("nan")
    out["label"] = label_for(score, coding.labels)
    return out


def joint_bootstrap(ce: pd.DataFrame, coding: Coding, presidents: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Bootstrap means per administration from one seeded draw: resample ``b`` of every administration is made
    together, so differences between administrations can be read resample by resample."""
    rng = np.random.default_rng([int(coding.params["bootstrap_seed"]), 0])
    n = int(coding.params["bootstrap_resamples"])
    out = {}
    for p in presidents:
        v = ce.loc[ce["administration"] == p, "value"].to_numpy(dtype=float)
        out[p] = v[rng.integers(0, len(v), size=(n, len(v)))].mean(axis=1) if len(v) else np.full(n, np.nan)
    return out


def _quantiles(means: np.ndarray, coding: Coding) -> tuple[float, float]:
    if np.isnan(means).all():
        return float("nan"), float("nan")
    alpha = (1 - coding.params["ci_level"]) / 2
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))


def _evidence_mix(g: pd.DataFrame) -> str:
    kinds = g["evidence"] if "evidence" in g else pd.Series(["text"] * len(g))
    return ", ".join(f"{int((kinds == k).sum())} {k}" for k in ("text", "cited", "text+cited"))


def stance_by_administration(
    events: pd.DataFrame, coding: Coding, as_of: date, admins: tuple[Administration, ...] | None = None
) -> pd.DataFrame:
    admins = admins or administrations()
    warn_uncovered(list(events["date"].fillna("")), list(events["date_precision"].fillna("")), admins)
    ce = coded_events(events, coding)
    presidents = tuple(a.president for a in admins)
    draws = joint_bootstrap(ce, coding, presidents)
    rows = []
    for i, a in enumerate(admins):
        g = ce[ce["administration"] == a.president]
        s = _summary(g, coding, salt=i)
        s["ci_low"], s["ci_high"] = _quantiles(draws[a.president], coding)
        years = a.years_in_office(as_of)
        rows.append(
            {
                "administration": a.president,
                "name": a.name,
                "start": a.start.isoformat(),
                "end": a.end.isoformat(),
                "years_in_office": round(years, 3),
                **s,
                "score_basis": "mean value per event",
                "rate_per_year": g["value"].sum() / years if years else float("nan"),
                "event_ids": ";".join(g["event_id"]),
                "caution": _caution(g),
                "n_outlets": len({o for ids in g.get("outlets", []) for o in str(ids).split(";") if o}),
                "evidence_mix": _evidence_mix(g),
            }
        )
    df = _round(pd.DataFrame(rows))
    df["not_distinguishable_from"] = _not_distinguishable(df)
    return df


def _not_distinguishable(df: pd.DataFrame) -> list[str]:
    """Per administration, those with another label whose interval overlaps its own: the labels differ, the
    evidence does not tell them apart."""
    out = []
    for r in df.itertuples():
        others = [
            o.administration
            for o in df.itertuples()
            if o.administration != r.administration
            and o.label != r.label
            and o.ci_low <= r.ci_high
            and r.ci_low <= o.ci_high
        ]
        out.append(";".join(others))
    return out


def stance_shifts(
    events: pd.DataFrame,
    coding: Coding,
    sens: pd.DataFrame | None = None,
    admins: tuple[Administration, ...] | None = None,
) -> pd.DataFrame:
    """The change in score between successive administrations, with an interval from the joint resamples and
    the share of sensitivity variants in which it keeps its sign."""
    admins = admins or administrations()
    presidents = tuple(a.president for a in admins)
    ce = coded_events(events, coding)
    draws = joint_bootstrap(ce, coding, presidents)
    alpha = (1 - coding.params["ci_level"]) / 2
    rows = []
    for a, b in itertools.pairwise(presidents):
        va = ce.loc[ce["administration"] == a, "value"]
        vb = ce.loc[ce["administration"] == b, "value"]
        diff = float(vb.mean() - va.mean()) if len(va) and len(vb) else float("nan")
        d = draws[b] - draws[a]
        lo, hi = (
            (float(np.quantile(d, alpha)), float(np.quantile(d, 1 - alpha))) if diff == diff else (diff, diff)
        )
        kept, n = _sign_kept(sens, a, b, diff) if sens is not None else (float("nan"), 0)
        rows.append(
            {
                "from": a,
                "to": b,
                "diff": round(diff, 4),
                "ci_low": round(lo, 4),
                "ci_high": round(hi, 4),
                "distinguishable": bool(lo > 0 or hi < 0),
                "sign_kept_share": round(kept, 4),
                "n_variants": n,
            }
        )
    return pd.DataFrame(rows)


def _sign_kept(sens: pd.DataFrame, a: str, b: str, diff: float) -> tuple[float, int]:
    """Share of sensitivity variants (baseline excluded) whose shift from ``a`` to ``b`` has the baseline's sign."""
    s = sens[sens["variant"] != "baseline"]
    wide = s.pivot_table(
        index=["variant", "left_out"], columns="administration", values="score", aggfunc="first"
    )
    if a not in wide or b not in wide:
        return float("nan"), 0
    d = (wide[b] - wide[a]).dropna()
    if not len(d):
        return float("nan"), 0
    return float((np.sign(d) == np.sign(diff)).mean()), len(d)


#: Below this many events a bootstrap interval says little: the resamples can only recombine a handful of values.
FEW_EVENTS = 8


#: Fewer independent sources than this and one outlet's reading can carry the score.
FEW_SOURCES = 4


def _caution(g: pd.DataFrame) -> str:
    """What a reader should know before comparing this score with another."""
    notes = []
    if len(g) < FEW_EVENTS:
        notes.append(f"only {len(g)} events: the interval is a rough guide, not a confidence statement")
    years = sorted({int(y) for y in g["year"].dropna()})
    if years and len(years) <= 2:
        notes.append("events from " + " and ".join(map(str, years)) + " only")
    sources = {d for ids in g["doc_ids"] for d in ids.split(";") if d}
    if len(sources) < FEW_SOURCES:
        notes.append(f"{len(sources)} sources")
    if "perspectives" in g and len(g):
        single = g["perspectives"].map(lambda p: len([x for x in str(p).split(";") if x]) == 1)
        if single.mean() > 0.5:
            notes.append(f"{int(single.sum())} of {len(g)} events rest on one outlet perspective")
    return "; ".join(notes)


def stance_by_year(
    events: pd.DataFrame, coding: Coding, admins: tuple[Administration, ...] | None = None
) -> pd.DataFrame:
    ce = coded_events(events, coding)
    ce = ce[ce["administration"].isin(coded_presidents(admins))]
    rows = []
    for (year, admin), g in ce.groupby(["year", "administration"], sort=True):
        s = _summary(g, coding, salt=int(year))
        rows.append({"year": int(year), "administration": admin, **s, "event_ids": ";".join(g["event_id"])})
    df = pd.DataFrame(
        rows,
        columns=[
            "year",
            "administration",
            "score",
            "ci_low",
            "ci_high",
            "n_events",
            "n_sources",
            *COMPONENTS,
            "label",
            "event_ids",
        ],
    )
    return _round(df)


def _round(df: pd.DataFrame) -> pd.DataFrame:
    for c in ("score", "ci_low", "ci_high", "rate_per_year", *COMPONENTS):
        if c in df:
            df[c] = df[c].astype(float).round(4)
    return df


def sensitivity(
    mentions: pd.DataFrame,
    reconcile_fn,
    coding: Coding,
    as_of: date,
    admins: tuple[Administration, ...] | None = None,
) -> pd.DataFrame:
    """Scores and ranks under other weightings, with each source and each outlet perspective left out in turn,
    and with text mentions only (the seeds-only score) or cited reports only."""
    events, _ = reconcile_fn(mentions)
    variants: list[tuple[str, str, pd.DataFrame]] = []
    base = coded_events(events, coding)
    variants.append(("baseline", "", base))
    variants.append(("equal_weights", "", coded_events(events, coding, "equal")))
    variants.append(("goldstein_values", "", coded_events(events, coding, "goldstein")))
    variants.append(("material_only", "", base[base["component"] == "material"]))
    for doc in sorted(set(mentions["doc_id"])):
        ev, _ = reconcile_fn(mentions[mentions["doc_id"] != doc])
        variants.append(("leave_one_source_out", doc, coded_events(ev, coding)))
    groups = mentions["perspective_group"].fillna("") if "perspective_group" in mentions else None
    if groups is not None:
        for group in sorted(set(groups) - {""}):
            ev, _ = reconcile_fn(mentions[groups != group])
            variants.append(("leave_one_perspective_out", group, coded_events(ev, coding)))
    if "evidence" in mentions:
        kind = mentions["evidence"].fillna("text")
        for name, keep in (("text_only", kind == "text"), ("cited_only", kind != "text")):
            if keep.any():
                ev, _ = reconcile_fn(mentions[keep])
                variants.append((name, "", coded_events(ev, coding)))
    rows = []
    base_rank = None
    for variant, dropped, ce in variants:
        coded = coded_presidents(admins)
        scores = {a: ce.loc[ce["administration"] == a, "value"] for a in coded}
        means = {a: (float(v.mean()) if len(v) else float("nan")) for a, v in scores.items()}
        ranked = sorted((a for a in coded if means[a] == means[a]), key=lambda a: (-means[a], a))
        order = " > ".join(ranked)
        if variant == "baseline":
            base_rank = order
        for a in coded:
            rows.append(
                {
                    "variant": variant,
                    "left_out": dropped,
                    "administration": a,
                    "score": round(means[a], 4) if means[a] == means[a] else None,
                    "n_events": len(scores[a]),
                    "rank": ranked.index(a) + 1 if a in ranked else None,
                    "ranking": order,
                    "ranking_as_baseline": order == base_rank,
                    "lowest": ranked[-1] if ranked else "",
                }
            )
    df = pd.DataFrame(rows)
    df["rank"] = df["rank"].astype("Int64")
    return df
