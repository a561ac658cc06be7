"""Figure ``stance``: each administration's score with its bootstrap interval, and beneath it the
scores with one article left out at a time.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists, and the rows its alt text also reads (:func:`stance_rows`); shared pieces come
from :mod:`.parts`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from analysis.figures.parts import (
    _admin_lookup,
    _admin_years,
    _ci_percent,
    _empty_note,
    _label_ranges,
    _Overlay,
    _plotly_layout,
    _xrange,
)
from analysis.figures.style import (
    BLACK,
    BLUE,
    GREY,
    LIGHT,
    VERMILLION,
    FigureSpec,
    _finish,
    _minus,
    _new_figure,
    _s,
    _wrap_html,
    escape_text,
    indistinct_note,
)


def stance_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    st = tables["stance"].copy()
    lookup = _admin_lookup()
    st["order"] = [lookup[a].start if a in lookup else date.max for a in st["administration"]]
    return st.sort_values("order").reset_index(drop=True)


def _loso(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    s = tables["stance_sensitivity"]
    return s[s["variant"] == "leave_one_source_out"]


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    st = stance_rows(tables)
    loso = _loso(tables)
    _x0, x1 = _xrange(tables)
    fig = _new_figure(spec)
    ax = fig.add_subplot()
    n = len(st)
    ys = {a: n - 1 - i for i, a in enumerate(st["administration"])}
    vals = list(st[["ci_low", "ci_high"]].stack().dropna()) + list(loso["score"].dropna()) + [0.0]
    lo, hi = min(vals) - 1.2, max(vals) + 1.6
    for r in _label_ranges().itertuples():
        a, b = max(r.min, lo), min(r.max, hi)
        if b <= a:
            continue
        if lo < r.min < hi:
            ax.axvline(r.min, color=LIGHT, lw=0.5, ls=":", zorder=1)
        ax.text((a + b) / 2, n - 0.45, r.label, ha="center", va="bottom", fontsize=6.5, color="#555555")
    ax.axvline(0, color="#555555", lw=0.6, zorder=1)
    lookup = _admin_lookup()
    for r in st.itertuples():
        y = ys[r.administration]
        if pd.isna(r.score):
            _empty_note(ax, "no coded events", (lo + hi) / 2, y, ax.transData)
            continue
        colour = BLUE if r.score >= 0 else VERMILLION
        ax.hlines(y, r.ci_low, r.ci_high, color=colour, lw=6, alpha=0.35, zorder=2)
        ax.scatter(r.score, y, s=48, marker="o" if r.score >= 0 else "s", color=colour, zorder=4)
        ax.text(
            r.score,
            y + 0.2,
            f"{r.label} {_minus(r.score)} [{_minus(r.ci_low)}, {_minus(r.ci_high)}]",
            ha="center",
            va="bottom",
            fontsize=6.8,
            color=colour,
        )
        sub = loso[loso["administration"] == r.administration]["score"].dropna()
        if len(sub):
            ax.hlines(y - 0.24, sub.min(), sub.max(), color=GREY, lw=0.9, zorder=2)
            ax.scatter(
                sub,
                [y - 0.24] * len(sub),
                s=16,
                marker="D",
                facecolor="white",
                edgecolor=BLACK,
                lw=0.7,
                zorder=3,
            )
            ax.text(
                sub.max() + 0.15,
                y - 0.24,
                f"{_minus(sub.min())} to {_minus(sub.max())}" if sub.max() > sub.min() else "no change",
                va="center",
                fontsize=6,
                color="#444444",
            )
    ticks = []
    for r in st.itertuples():
        a = lookup.get(r.administration)
        name = a.name if a else r.administration
        yrs = _admin_years(a, x1) if a else ""
        ticks.append(f"{name}\n{yrs} · {r.n_events} events, {r.n_sources} sources")
    ax.set_yticks([ys[a] for a in st["administration"]], ticks, fontsize=7)
    ax.set_ylim(-0.7, n - 0.1)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("stance toward Israel (mean event value; negative = hostile, positive = aligned)")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ci = _ci_percent()
    ax.legend(
        handles=[
            Line2D([], [], marker="o", color=BLUE, ls="", label="score (all sources)"),
            Line2D([], [], color=BLUE, lw=6, alpha=0.35, label=f"{ci} bootstrap interval over events"),
            Line2D(
                [],
                [],
                marker="D",
                mfc="white",
                color=BLACK,
                lw=0.9,
                mew=0.7,
                ms=4,
                label="score with one source left out (range)",
            ),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncol=3,
        handlelength=2.4,
        handletextpad=0.7,
    )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    loso = _loso(tables)
    base = tables["stance_sensitivity"]
    base = base[base["variant"] == "baseline"]
    out = indistinct_note(tables["stance"])
    if len(loso):
        changed = loso.groupby("left_out")["ranking_as_baseline"].all()
        moved = sorted(k for k, same in changed.items() if not same)
        total = len(changed)
        ranking = _s(base["ranking"].iloc[0]) if len(base) else ""
        out.append(
            f"Baseline ranking {ranking}; leaving one source out keeps it for {total - len(moved)} of {total} sources"
            + (f" (changed without: {', '.join(moved)})." if moved else ".")
        )
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    st = stance_rows(tables)
    loso = _loso(tables)
    lookup = _admin_lookup()
    man = {_s(r.doc_id): r for r in manifest.itertuples()} if len(manifest) else {}
    fig = go.Figure()
    ov = _Overlay(fig)
    names = []
    ci = _ci_percent()
    _x0, x1 = _xrange(tables)
    for i, r in enumerate(st.itertuples()):
        a = lookup.get(r.administration)
        name = f"{a.name} {_admin_years(a, x1)}" if a else r.administration
        names.append(escape_text(name))
        if pd.isna(r.score):
            ov.note(x=0, y=i, text="no coded events", showarrow=False)
            continue
        colour = BLUE if r.score >= 0 else VERMILLION
        hover = (
            f"<b>{escape_text(name)}</b><br>score {escape_text(_minus(r.score, '+.2f'))} "
            f"[{escape_text(_minus(r.ci_low, '+.2f'))}, {escape_text(_minus(r.ci_high, '+.2f'))}] "
            f"{escape_text(r.label)}<br>{int(r.n_events)} events from {int(r.n_sources)} sources"
        )
        fig.add_trace(
            go.Scatter(
                x=[r.score],
                y=[i],
                mode="markers+text",
                marker={"size": 13, "color": colour, "symbol": "circle" if r.score >= 0 else "square"},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": [r.ci_high - r.score],
                    "arrayminus": [r.score - r.ci_low],
                    "thickness": 6,
                    "width": 0,
                    "color": colour,
                },
                hovertext=[hover],
                hoverinfo="text",
                name=f"score and {ci} interval",
                text=[escape_text(f"{r.label} {_minus(r.score)} [{_minus(r.ci_low)}, {_minus(r.ci_high)}]")],
                textposition="top center",
                legendgroup="score",
                showlegend=i == 0,
            )
        )
        sub = loso[loso["administration"] == r.administration].dropna(subset=["score"])
        if len(sub):
            hov = []
            for s in sub.itertuples():
                m = man.get(_s(s.left_out))
                title = _wrap_html(getattr(m, "title", ""), 70, 200) if m is not None else ""
                hov.append(
                    f"without <b>{escape_text(s.left_out)}</b>{('<br>' + title) if title else ''}<br>"
                    f"score {escape_text(_minus(s.score, '+.2f'))} ({int(s.n_events)} events); "
                    f"ranking: {escape_text(s.ranking)}"
                )
            fig.add_trace(
                go.Scatter(
                    x=sub["score"],
                    y=[i - 0.25] * len(sub),
                    mode="markers+lines",
                    line={"color": GREY, "width": 1},
                    marker={"symbol": "diamond-open", "size": 9, "color": BLACK},
                    hovertext=hov,
                    hoverinfo="text",
                    name="score with one source left out",
                    legendgroup="loso",
                    showlegend=i == 0,
                )
            )
    fig.update_yaxes(tickvals=list(range(len(names))), ticktext=names, range=[len(names) - 0.4, -0.6])
    fig.update_xaxes(
        title_text="stance toward Israel (mean event value)", zeroline=True, zerolinecolor="#555555"
    )
    ov.vline(0, line={"color": "#555555", "width": 1})
    return _plotly_layout(fig, spec, 380, spec.notes(tables) if spec.notes else (), overlay=ov)
