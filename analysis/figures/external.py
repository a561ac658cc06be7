"""Figure ``external``: external measures beside the text-coded stance, on one time axis: UN
General Assembly agreement with Israel, ideal-point distance, SIPRI arms orders and the stance.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists, with the UN-session helpers only this figure uses; the TIV bars and the stance
panel it shares with other figures come from :mod:`.parts`.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator
from plotly.subplots import make_subplots

from analysis.figures.parts import (
    _MONTHS,
    TIV_LABEL,
    _dec,
    _draw_stance,
    _draw_tiv,
    _Overlay,
    _p_bands,
    _p_stance,
    _p_titles,
    _p_tiv,
    _p_year_axes,
    _plotly_layout,
    _shade_bands,
    _tiv_legend,
    _xrange,
    _year_axis,
)
from analysis.figures.style import BLUE, GREY, LIGHT, FigureSpec, _finish, _new_figure, escape_text

UN_SESSION_OPENS = (9, 15)  # the day unga.py uses to attribute a session ("15 September used")


def _session_x(year: int) -> float:
    return _dec(date(int(year), *UN_SESSION_OPENS))


def _un_end(tables: dict[str, pd.DataFrame]) -> tuple[float | None, str]:
    s = tables["unga_agreement_by_session"]
    last = s["last_roll_call"].dropna()
    if not len(last):
        return None, ""
    d = date.fromisoformat(str(last.max())[:10])
    return _dec(d), f"{_MONTHS[d.month - 1]} {d.year}"


def _un_years(tables: dict[str, pd.DataFrame], x0: float, x1: float) -> pd.DataFrame:
    """The combined UN measure per calendar year (Voeten to 2019, UN Digital Library copies after), in range."""
    y = tables["unga_israel_by_year"]
    return y[(y["year"] + 1 > x0) & (y["year"] < x1)].sort_values("year")


def _partial(y: pd.DataFrame) -> pd.Series:
    return ~y["complete"].astype(bool)


def _un_ideal_end(ax: Axes, tables: dict[str, pd.DataFrame], x1: float) -> None:
    """Hatch the span after the ideal-point estimates end (they stop with Voeten's data), with one note."""
    end, end_label = _un_end(tables)
    if end is None or end >= x1:
        return
    ax.axvspan(end, x1, facecolor="none", edgecolor=LIGHT, hatch="////", lw=0, zorder=0.8)
    ax.axvline(end, color=GREY, lw=0.6, zorder=1)
    ax.text(
        (end + x1) / 2,
        0.5,
        f"no ideal-point estimates\nafter {end_label}",
        transform=ax.get_xaxis_transform(),
        ha="center",
        va="center",
        fontsize=7,
        style="italic",
        color="#333333",
        zorder=6,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
    )


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    x0, x1 = _xrange(tables)
    fig = _new_figure(spec)
    gs = fig.add_gridspec(4, 1)
    ax = fig.add_subplot(gs[0])
    axes = [ax] + [fig.add_subplot(gs[i], sharex=ax) for i in range(1, 4)]
    for i, a in enumerate(axes):
        _shade_bands(a, x0, x1, labels=(i == 0))
        _year_axis(a, x0, x1)
        if i < 3:
            a.tick_params(labelbottom=False)
    # (a) agreement and abstentions on Israel-related roll calls, the combined measure to today
    y = _un_years(tables, x0, x1)
    a = axes[0]
    part = _partial(y)
    for col, colour, marker, ms, ls, label in (
        ("agree_isr", BLUE, "o", 3.5, "-", "agreement with Israel (abstention counts ½)"),
        ("abstain_share", GREY, "s", 3, (0, (3, 1.5)), "Ecuador's abstention share"),
    ):
        a.plot(
            y["year"] + 0.5, y[col], marker=marker, ms=ms, color=colour, ls=ls, lw=1.1, label=label, zorder=4
        )
        a.plot(
            y.loc[part, "year"] + 0.5,
            y.loc[part, col],
            ls="",
            marker=marker,
            ms=ms,
            mfc="white",
            color=colour,
            zorder=5,
        )
    a.plot([], [], ls="", marker="o", ms=3.5, mfc="white", color=BLUE, label="partial year (hollow)")
    a.set_ylim(-0.05, 1.05)
    a.set_ylabel("share of Israel-\nrelated roll calls\n(1 = every one)", fontsize=7)
    a.set_title("(a) UN General Assembly, Israel-related roll calls: Ecuador beside Israel, per year", pad=24)
    a.legend(loc="upper left", ncol=3, bbox_to_anchor=(0.0, 0.98))
    # (b) ideal-point distance
    d = tables["idealpoint_distance"]
    d = d[(d["session_year"] + 1 > x0) & (d["session_year"] < x1)]
    xs = np.array([_session_x(y) for y in d["session_year"]])
    b = axes[1]
    # same encoding as panel (a): blue circles for Middle East (Palestinian-conflict) votes, grey squares for all
    b.fill_between(xs, d["distance_lo_all"], d["distance_hi_all"], color=GREY, alpha=0.18, lw=0, zorder=2)
    b.plot(
        xs,
        d["distance_all"],
        color=GREY,
        marker="s",
        ms=3,
        ls=(0, (3, 1.5)),
        lw=1,
        label="all votes",
        zorder=3,
    )
    b.fill_between(
        xs,
        d["distance_lo_me"],
        d["distance_hi_me"],
        facecolor="none",
        edgecolor=BLUE,
        hatch="....",
        lw=0,
        zorder=2,
    )
    b.plot(
        xs,
        d["distance_me"],
        color=BLUE,
        marker="o",
        ms=3.5,
        label="Middle East (Palestinian-conflict) votes",
        zorder=4,
    )
    vals = pd.concat(
        [d["distance_lo_all"], d["distance_hi_all"], d["distance_lo_me"], d["distance_hi_me"]]
    ).dropna()
    if len(vals):
        b.set_ylim(max(vals.min() - 0.4, 0), vals.max() + 0.9)
    b.set_ylabel("ideal-point\ndistance to Israel\n(higher = further)", fontsize=7)
    b.set_title("(b) Ideal-point distance, Ecuador–Israel (bands: conservative 5–95% range)")
    b.legend(loc="upper left", ncol=2)
    _un_ideal_end(b, tables, x1)
    # (c) SIPRI
    c = axes[2]
    _draw_tiv(c, tables, x0, x1, label_israel=True)
    c.set_title("(c) Arms orders by order year: Israel beside all other suppliers (SIPRI register)")
    _tiv_legend(c, "Israel", "all other suppliers", "Israeli order with TIV 0")
    # (d) stance
    e = axes[3]
    _draw_stance(e, tables, x0, x1, annotate=False)
    e.yaxis.set_major_locator(MultipleLocator(5))
    e.set_ylabel("stance toward\nIsrael (mean\nevent value)", fontsize=7)
    e.set_title("(d) Stance coded from the news articles, by calendar year and administration")
    e.set_xlabel(
        "year (UN votes per calendar year; ideal points at the session's opening in September; arms by order year)"
    )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    _end, end_label = _un_end(tables)
    y = tables["unga_israel_by_year"]
    out = []
    if len(y):
        partial = [str(int(v)) for v in y.loc[_partial(y), "year"]]
        out.append(
            f"UN panel (a): roll calls picked by the title rule, {int(y['year'].min())}–{int(y['year'].max())} "
            "(Voeten's data to 2019, UN Digital Library copies after)"
            + (f"; partial years, drawn hollow: {', '.join(partial)}" if partial else "")
            + ". Per administration, agreement with Israel and abstention share: "
            + "; ".join(
                f"{r.name.split()[-1]} {r.agree_isr:.2f} and {r.abstain_share:.2f} ({int(r.n_roll_calls)} roll calls"
                + ("; partial years" if "partial" in str(r.coverage) else "")
                + ")"
                for r in tables["unga_israel_by_administration"].itertuples()
                if pd.notna(r.agree_isr)
            )
            + "."
        )
    if end_label:
        out.append(f"The ideal-point estimates (b) rest on Voeten's data and end {end_label} (hatched).")
    out.append(
        "TIV is SIPRI's trend-indicator value, a volume index of military capability, never US dollars."
    )
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    x0, x1 = _xrange(tables)
    fig = make_subplots(
        rows=4,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.085,
        subplot_titles=[
            "(a) UN General Assembly, Israel-related roll calls: agreement with Israel and abstentions, per year",
            "(b) Ideal-point distance Ecuador–Israel (bands: conservative 5–95% range)",
            escape_text(f"(c) Arms orders by order year, {TIV_LABEL}"),
            "(d) Stance coded from the news articles",
        ],
    )
    _p_titles(fig)
    ov = _Overlay(fig)
    _p_bands(ov, x0, x1, range(1, 5))
    y = _un_years(tables, x0, x1)
    part = _partial(y).to_list()
    hov = [
        f"<b>{int(r.year)}</b>, {escape_text(r.president)}: {int(r.n_roll_calls)} roll calls "
        f"({int(r.ecu_yes)} yes, {int(r.ecu_no)} no, {int(r.ecu_abstain)} abstain, {int(r.ecu_absent)} absent)<br>"
        f"agreement with Israel {r.agree_isr:.2f} · abstention share {r.abstain_share:.2f}<br>"
        + escape_text(r.coverage)
        for r in y.itertuples()
    ]
    for col, colour, symbol, dash, label in (
        ("agree_isr", BLUE, "circle", "solid", "UN: agreement with Israel (hollow: partial year)"),
        ("abstain_share", GREY, "square", "dash", "UN: Ecuador's abstention share"),
    ):
        fig.add_trace(
            go.Scatter(
                x=y["year"] + 0.5,
                y=y[col],
                mode="lines+markers",
                name=label,
                line={"color": colour, "dash": dash},
                marker={
                    "symbol": symbol,
                    "color": ["white" if p else colour for p in part],
                    "line": {"color": colour, "width": 1.5},
                },
                hovertext=hov,
                hoverinfo="text",
            ),
            row=1,
            col=1,
        )
    d = tables["idealpoint_distance"]
    d = d[(d["session_year"] + 1 > x0) & (d["session_year"] < x1)]
    xs = [_session_x(y) for y in d["session_year"]]
    for key, colour, dash, label in (
        ("all", GREY, "dash", "all votes"),
        ("me", BLUE, "solid", "Middle East (Palestinian-conflict) votes"),
    ):
        hov = [
            f"session {int(r.session)}: distance {getattr(r, 'distance_' + key):.2f} "
            f"[{getattr(r, 'distance_lo_' + key):.2f}, {getattr(r, 'distance_hi_' + key):.2f}]<br>{escape_text(r.coverage)}"
            if pd.notna(getattr(r, "distance_" + key))
            else f"session {int(r.session)}: {escape_text(r.coverage)}"
            for r in d.itertuples()
        ]
        ok = d["distance_" + key].notna().to_numpy()
        xa = np.array(xs)[ok]
        fig.add_trace(
            go.Scatter(
                x=np.concatenate([xa, xa[::-1]]),
                y=np.concatenate(
                    [d["distance_hi_" + key].to_numpy()[ok], d["distance_lo_" + key].to_numpy()[ok][::-1]]
                ),
                fill="toself",
                fillcolor=colour,
                opacity=0.18,
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            ),
            row=2,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=d["distance_" + key],
                mode="lines+markers",
                name=f"ideal-point distance: {label}",
                line={"color": colour, "dash": dash},
                hovertext=hov,
                hoverinfo="text",
            ),
            row=2,
            col=1,
        )
    end, end_label = _un_end(tables)
    if end is not None and end < x1:
        ov.vrect(end, x1, 2, fillcolor="#DDDDDD", opacity=0.5, line={"width": 0})
        xref, yref = ov.axes(2)
        ov.note(
            x=(end + x1) / 2,
            y=0.5,
            yref=f"{yref} domain",
            xref=xref,
            text=f"<i>no ideal-point estimates<br>after {escape_text(end_label)}</i>",
            showarrow=False,
            bgcolor="white",
            font={"size": 11},
        )
    fig.update_yaxes(range=[-0.05, 1.05], title_text="share of roll calls", row=1, col=1)
    fig.update_yaxes(title_text="distance", row=2, col=1)
    _p_tiv(fig, ov, tables, x0, x1, 3, prefix="SIPRI: ")
    fig.update_yaxes(title_text=escape_text("TIV (not US$)"), row=3, col=1)
    _p_stance(fig, ov, tables, x0, x1, 4)
    fig.update_yaxes(title_text="stance", row=4, col=1)
    _p_year_axes(fig, x0, x1)
    return _plotly_layout(fig, spec, 900, spec.notes(tables) if spec.notes else (), legend_rows=3, overlay=ov)
