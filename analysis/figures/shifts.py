"""Figure ``shifts``: the stance per administration and per calendar year, above four tracks of the
Ecuador–Israel events behind it (arms purchases, visits, offices, ruptures), on one time axis.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists; shared pieces come from :mod:`.parts`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from plotly.subplots import make_subplots

from analysis.figures.parts import (
    _STATUS_MARKER,
    _ci_percent,
    _draw_stance,
    _empty_note,
    _event_points,
    _events,
    _label_ranges,
    _Overlay,
    _p_bands,
    _p_stance,
    _p_track_labels,
    _p_year_axes,
    _place_labels,
    _plotly_layout,
    _shade_bands,
    _sources_by_event,
    _track_axes,
    _track_label,
    _track_text,
    _xrange,
    _year_axis,
    type_label,
)
from analysis.figures.style import (
    BLACK,
    BLUE,
    LIGHT,
    VERMILLION,
    FigureSpec,
    _finish,
    _new_figure,
    escape_text,
    indistinct_note,
)

RUPTURE_TYPES = ("military_rupture", "diplomatic_downgrade")
CITED_LABEL = "ring: cited in the chronology"


def _label_axis(ax: Axes) -> None:
    """Right-hand labels for the stance scale (data/stance_labels.csv)."""
    labels = _label_ranges()
    lo, hi = ax.get_ylim()
    ticks, names = [], []
    for r in labels.itertuples():
        a, b = max(r.min, lo), min(r.max, hi)
        if b - a < 0.6:
            continue
        ticks.append((a + b) / 2)
        names.append(r.label)
        if lo < r.min < hi:
            ax.axhline(r.min, color=LIGHT, lw=0.5, ls=":", zorder=1)
    sec = ax.secondary_yaxis("right")
    sec.set_yticks(ticks, names, fontsize=6.5, color="#555555")
    sec.tick_params(length=0)
    sec.spines["right"].set_visible(False)


def _shift_tracks(ev: pd.DataFrame, x0: float, x1: float) -> dict[str, pd.DataFrame]:
    d = ev[ev["dyad"] & ev["x"].notna() & (ev["x_hi"] > x0) & (ev["x_lo"] < x1)].sort_values(
        ["x", "event_id"]
    )
    return {
        "arms": d[d["event_type"] == "arms_purchase"],
        "visits": d[d["event_type"].isin(["visit", "visit_cancelled"])],
        "offices": d[d["event_type"] == "office_opening"],
        "ruptures": d[d["event_type"].isin(RUPTURE_TYPES)],
    }


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    x0, x1 = _xrange(tables)
    ev = _events(tables)
    tracks = _shift_tracks(ev, x0, x1)
    fig = _new_figure(spec)
    gs = fig.add_gridspec(5, 1, height_ratios=[3.4, 0.8, 0.8, 0.8, 0.8])
    ax = fig.add_subplot(gs[0])
    axes = [ax] + [fig.add_subplot(gs[i], sharex=ax) for i in range(1, 5)]
    for i, a in enumerate(axes):
        _shade_bands(a, x0, x1, labels=(i == 0))
        _year_axis(a, x0, x1)
        if i < 4:
            a.tick_params(labelbottom=False)
    ci = _ci_percent()
    _draw_stance(ax, tables, x0, x1)
    _label_axis(ax)
    ax.set_ylabel("stance toward Israel\n(mean event value)")
    ax.legend(
        handles=[
            Patch(
                facecolor=BLUE,
                alpha=0.25,
                edgecolor=BLUE,
                label=f"administration: mean (line), {ci} interval",
            ),
            Line2D(
                [],
                [],
                color=BLACK,
                marker="o",
                mfc="white",
                ls="-",
                lw=0.8,
                label=f"calendar year: mean, {ci} interval",
            ),
        ],
        loc="lower right",
    )
    names = {
        "arms": "arms\npurchases",
        "visits": "visits",
        "offices": "offices",
        "ruptures": "ruptures\n& recalls",
    }
    for a, (kind, d) in zip(axes[1:], tracks.items(), strict=True):
        _track_axes(a, names[kind])
        if d.empty:
            _empty_note(a, f"no {names[kind].replace(chr(10), ' ')} in the events since {x0:.0f}")
            continue
        spots = _place_labels([(r.x, _track_text(r, kind)) for r in d.itertuples()], x0, x1)
        amounts = d["amount_usd"].dropna() if kind == "arms" else pd.Series(dtype=float)
        top = float(amounts.max()) if len(amounts) else 1.0
        spans: list[tuple[float, float, str]] = []
        marks: dict[str, list[tuple[float, float, str, str]]] = {}  # (x, size, face, edge) by marker
        for r, (cx, side) in zip(d.itertuples(), spots, strict=True):
            colour = VERMILLION if (kind == "ruptures" or r.status == "cancelled") else BLUE
            if r.x_hi - r.x_lo > 0.2:  # the date is a month or a year: draw its span
                spans.append((r.x_lo, r.x_hi, colour))
            if kind == "arms":
                known = pd.notna(r.amount_usd)
                size = 40 + 160 * (r.amount_usd / top) if known else 40
                marks.setdefault("o", []).append((r.x, size, colour if known else "white", colour))
            elif kind == "visits":
                filled = r.status == "happened"
                marker = _STATUS_MARKER.get(r.status, "o")
                marks.setdefault(marker, []).append((r.x, 42, colour if filled else "white", colour))
            elif kind == "offices":
                marker, size = ("*", 90) if r.jerusalem else ("s", 40)
                marks.setdefault(marker, []).append((r.x, size, colour, colour))
            else:
                marks.setdefault("v", []).append((r.x, 46, colour, colour))
            _track_label(a, cx, side, _track_text(r, kind))
            if r.cited:
                marks.setdefault("cited", []).append((r.x, 170, "none", BLACK))
        # one collection per track and marker rather than one per event: the same marks, drawn faster
        if spans:
            starts, ends, colours = zip(*spans, strict=True)
            a.hlines([0.5] * len(spans), starts, ends, colors=colours, lw=3, alpha=0.35, zorder=2)
        edge = 1.2 if kind in ("arms", "visits") else None  # None: scatter's default edge width
        for marker, points in marks.items():
            xs, sizes, faces, edges = zip(*points, strict=True)
            a.scatter(
                xs,
                [0.5] * len(xs),
                s=sizes,
                marker="o" if marker == "cited" else marker,
                facecolors=faces,
                edgecolors=edges,
                lw=0.7 if marker == "cited" else edge,
                zorder=3.5 if marker == "cited" else 4,
            )
        for r in tracks["ruptures"].itertuples():
            for b in axes:
                b.axvline(r.x, color=VERMILLION, lw=0.7, ls=(0, (3, 2)), zorder=1.5, alpha=0.8)
    axes[-1].set_xlabel("year")
    legend_items = {
        1: [
            Line2D([], [], marker="o", color=BLUE, ls="", label="amount reported (area ∝ US$)"),
            Line2D([], [], marker="o", mfc="white", color=BLUE, ls="", label="amount not reported"),
        ],
        2: [
            Line2D([], [], marker="o", color=BLUE, ls="", label="happened"),
            Line2D([], [], marker="X", color=VERMILLION, ls="", label="cancelled"),
        ],
        3: [
            Line2D([], [], marker="*", ms=8, color=BLUE, ls="", label="in Jerusalem"),
            Line2D([], [], marker="s", color=BLUE, ls="", label="elsewhere"),
        ],
        4: [Line2D([], [], marker="o", ms=9, mfc="none", mec=BLACK, mew=0.7, ls="", label=CITED_LABEL)],
    }
    # one legend beneath the axis: beside the tracks it covered the 2008 and 2009 markers
    axes[-1].legend(
        handles=[h for handles in legend_items.values() for h in handles],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.62),
        ncol=4,
        fontsize=6.3,
        handlelength=1,
    )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    x0, _x1 = _xrange(tables)
    ev = _events(tables)
    early = ev[ev["dyad"] & ev["x"].notna() & (ev["x_hi"] <= x0)].sort_values("x")
    third = ev[~ev["dyad"] & ev["x"].notna() & (ev["x"] >= x0)]
    undated = ev[ev["x"].isna()]
    out = [
        "Scores and bands are each administration's mean event value with its interval (the label beside it); "
        "a ring around a track marker means the event is cited in the chronology (data/chronology), with a link "
        "in the HTML."
    ]
    out += indistinct_note(tables["stance"])
    if len(early):
        items = "; ".join(f"{type_label(r.event_type)} {r.when}" for r in early.itertuples())
        out.append(
            f"Not on the time axis: {len(early)} event(s) before {x0:.0f} ({items}); see the timeline figure."
        )
    if len(third):
        items = "; ".join(f"{type_label(r.event_type)} {r.pair} {r.when}" for r in third.itertuples())
        out.append(f"Left out as outside the Ecuador–Israel pair: {items}.")
    if len(undated):
        out.append(f"{len(undated)} undated event(s) cannot be placed in time.")
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    x0, x1 = _xrange(tables)
    ev = _events(tables)
    tracks = _shift_tracks(ev, x0, x1)
    srcs = _sources_by_event(tables, manifest)
    shown_cited = False
    names = {
        "arms": "arms purchases",
        "visits": "visits",
        "offices": "offices",
        "ruptures": "ruptures & recalls",
    }
    fig = make_subplots(
        rows=5, cols=1, shared_xaxes=True, vertical_spacing=0.025, row_heights=[0.48, 0.13, 0.13, 0.13, 0.13]
    )
    ov = _Overlay(fig)
    _p_bands(ov, x0, x1, range(1, 6))
    _p_stance(fig, ov, tables, x0, x1, 1)
    fig.update_yaxes(title_text="stance toward Israel<br>(mean event value)", row=1, col=1)
    for i, (kind, d) in enumerate(tracks.items(), start=2):
        fig.update_yaxes(
            range=[0, 1],
            showticklabels=False,
            ticks="",
            showline=False,
            title={"text": names[kind].replace(" ", "<br>", 1), "font": {"size": 11}},
            row=i,
            col=1,
        )
        if d.empty:
            ov.note(
                x=(x0 + x1) / 2,
                y=0.5,
                text=escape_text(f"no {names[kind]} since {x0:.0f}"),
                showarrow=False,
                row=i,
                font={"color": "#555555"},
            )
            continue
        hov, urls = _event_points(d, srcs)
        if kind == "arms":
            top = float(d["amount_usd"].max()) if d["amount_usd"].notna().any() else 1.0
            size = [10 + 20 * (a / top) if pd.notna(a) else 10 for a in d["amount_usd"]]
            symbol = ["circle" if pd.notna(a) else "circle-open" for a in d["amount_usd"]]
            colour = [BLUE] * len(d)
        elif kind == "visits":
            size = [12] * len(d)
            symbol = [
                "circle" if s == "happened" else ("x" if s == "cancelled" else "circle-open")
                for s in d["status"]
            ]
            colour = [VERMILLION if s == "cancelled" else BLUE for s in d["status"]]
        elif kind == "offices":
            size = [16 if j else 10 for j in d["jerusalem"]]
            symbol = ["star" if j else "square" for j in d["jerusalem"]]
            colour = [BLUE] * len(d)
        else:
            size, symbol, colour = [12] * len(d), ["triangle-down"] * len(d), [VERMILLION] * len(d)
        _p_track_labels(ov, i, [(r.x, _track_text(r, kind)) for r in d.itertuples()], x0, x1)
        fig.add_trace(
            go.Scatter(
                x=d["x"],
                y=[0.5] * len(d),
                mode="markers",
                marker={
                    "size": size,
                    "symbol": symbol,
                    "color": colour,
                    "line": {"width": 1.5, "color": colour},
                },
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": d["x_hi"] - d["x"],
                    "arrayminus": d["x"] - d["x_lo"],
                    "thickness": 3,
                    "width": 0,
                    "color": "rgba(213,94,0,0.35)" if kind == "ruptures" else "rgba(0,114,178,0.35)",
                },
                hovertext=hov,
                hoverinfo="text",
                customdata=urls,
                showlegend=False,
                name=escape_text(names[kind]),
            ),
            row=i,
            col=1,
        )
        cited = d[d["cited"]]
        if len(cited):
            chov, curls = _event_points(cited, srcs)
            fig.add_trace(
                go.Scatter(
                    x=cited["x"],
                    y=[0.5] * len(cited),
                    mode="markers",
                    marker={"size": 24, "symbol": "circle-open", "color": BLACK, "line": {"width": 1}},
                    hovertext=chov,
                    hoverinfo="text",
                    customdata=curls,
                    name=escape_text(CITED_LABEL + " (click: source)"),
                    legendgroup="cited",
                    showlegend=not shown_cited,
                ),
                row=i,
                col=1,
            )
            shown_cited = True
    for r in tracks["ruptures"].itertuples():
        for row in range(1, 6):
            ov.vline(r.x, row, line={"color": VERMILLION, "width": 1, "dash": "dash"})
    for name, symbol, colour in _TRACK_LEGEND:  # the static figure's track legends, as legend entries
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": symbol, "size": 10, "color": colour},
                name=escape_text(name),
            ),
            row=2,
            col=1,
        )
    for r in _label_ranges().itertuples():  # the stance label names on the right, as in the static figure
        ov.note(
            x=1.0,
            y=(max(r.min, -10) + min(r.max, 10)) / 2,
            xref="x domain",
            yref="y",
            text=escape_text(r.label),
            showarrow=False,
            xanchor="left",
            font={"size": 10, "color": "#555555"},
        )
        ov.hline(r.min, 1, line={"color": LIGHT, "width": 1, "dash": "dot"})
    stance_range = _stance_range(tables)
    fig.update_yaxes(range=stance_range, row=1, col=1)
    _p_year_axes(fig, x0, x1)
    fig.update_layout(margin={"r": 90})
    out = _plotly_layout(fig, spec, 760, spec.notes(tables) if spec.notes else (), legend_rows=3, overlay=ov)
    out.update_layout(margin={"r": 90})
    return out


_TRACK_LEGEND = (
    ("arms: amount reported (area ∝ US$)", "circle", BLUE),
    ("arms: amount not reported", "circle-open", BLUE),
    ("visit happened", "circle", BLUE),
    ("visit cancelled", "x", VERMILLION),
    ("office in Jerusalem", "star", BLUE),
    ("office elsewhere", "square", BLUE),
    ("rupture or recall", "triangle-down", VERMILLION),
)


def _stance_range(tables: dict[str, pd.DataFrame]) -> list[float]:
    """The stance panel's range: every interval and zero, with room for the labels above."""
    st, sy = tables["stance"], tables["stance_yearly"]
    lo = min([0.0, *st["ci_low"].dropna(), *sy["ci_low"].dropna()])
    hi = max([0.0, *st["ci_high"].dropna(), *sy["ci_high"].dropna()])
    return [lo - 1.5, hi + 2.2]
