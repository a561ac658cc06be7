"""Figure ``timeline``: every reconciled event at its date, one row per event type, with the
events before 2006 on a compressed left panel; events cited in the chronology carry a ring.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists; shared pieces come from :mod:`.parts`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MultipleLocator
from plotly.subplots import make_subplots

from analysis.figures.parts import (
    _STATUS_MARKER,
    _bands,
    _event_points,
    _events,
    _Overlay,
    _plotly_layout,
    _shade_bands,
    _sources_by_event,
    _type_order,
    _xrange,
    _year_axis,
    type_label,
)
from analysis.figures.style import (
    BAND,
    BLACK,
    BLUE,
    GREY,
    VERMILLION,
    FigureSpec,
    _finish,
    _new_figure,
    escape_text,
)

_STATUS_PLOTLY = {
    "happened": "circle",
    "announced": "diamond-open",
    "planned": "square-open",
    "cancelled": "x",
}

_POLARITY = {
    1: ("supports Israel", BLUE),
    -1: ("criticism or rupture", VERMILLION),
    0: ("direction unknown", GREY),
}


def _early_ticks(lo: float, hi: float) -> list[int]:
    """Year ticks for the compressed pre-2006 panel: every 20 (or 10) years, clear of the break."""
    step = 20 if hi - lo > 30 else 10
    first = int(np.ceil(lo / 10) * 10)
    return [y for y in range(first, int(hi), step) if y <= hi - 4]


def _row_key(event_type: str, pair: str) -> str:
    """Timeline row: the event type, plus the pair when it is not Ecuador acting toward Israel."""
    return event_type if pair == "ECU→ISR" else f"{event_type} ({pair})"


def _row_label(key: str) -> str:
    kind, _, pair = key.partition(" (")
    return type_label(kind) + (f" ({pair}" if pair else "")


def _timeline_rows(ev: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Dated events with a row per event type (and per pair other than Ecuador acting toward Israel)."""
    d = ev[ev["x"].notna()].copy()
    d["key"] = [_row_key(t, p) for t, p in zip(d["event_type"], d["pair"], strict=True)]
    order = _type_order(d["event_type"])
    keys = sorted(set(d["key"]), key=lambda k: (order.index(k.split(" (")[0]), " (" in k, k))
    d["row"] = [len(keys) - 1 - keys.index(k) for k in d["key"]]
    # events of one row closer than a marker's width (0.45 year at this scale) are stacked, not drawn on top of
    # each other: at the right edge 2025 holds a visit, statements and an office within weeks
    d = d.sort_values(["key", "x", "event_id"])
    groups: list[int] = []
    last_key, last_x, g = None, -1e9, -1
    for k, x in zip(d["key"], d["x"], strict=True):
        if k != last_key or x - last_x > 0.45:
            g += 1
        groups.append(g)
        last_key, last_x = k, x
    sizes = pd.Series(groups).value_counts().to_dict()
    counts: dict[int, int] = {}
    offsets, shifts = [], []
    for k in groups:
        i = counts.get(k, 0)
        counts[k] = i + 1
        n = sizes[k]
        per_col = min(n, 3)  # at most three markers one above the other; more go in columns to the left
        col, pos = divmod(i, per_col)
        offsets.append((pos - (per_col - 1) / 2) * 0.28)
        shifts.append(-0.42 * col)
    d["x"] = d["x"] + np.array(shifts)
    d["y"] = d["row"] + np.array(offsets)
    return d, keys


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    x0, x1 = _xrange(tables)
    ev = _events(tables)
    d, rows = _timeline_rows(ev)
    early = d[d["x_hi"] <= x0]
    fig = _new_figure(spec, 1.9 + 0.24 * len(rows))
    if len(early):
        e0 = np.floor(early["x_lo"].min() / 5) * 5 - 1
        e1 = np.ceil(early["x_hi"].max() / 5) * 5 + 1
        gs = fig.add_gridspec(1, 2, width_ratios=[1, 3.4])
        ax_e = fig.add_subplot(gs[0])
        ax = fig.add_subplot(gs[1], sharey=ax_e)
        panels = [(ax_e, e0, e1), (ax, x0, x1)]
        fig.get_layout_engine().set(wspace=0.0)
    else:
        ax = fig.add_subplot()
        ax_e = None
        panels = [(ax, x0, x1)]
    for a, lo, hi in panels:
        if a is ax:
            _shade_bands(a, lo, hi, labels=True)
        part = d[(d["x"] >= lo) & (d["x"] <= hi)]
        spans: list[tuple[float, float, float, str]] = []
        marks: dict[str, list[tuple[float, float, str, str]]] = {}  # by marker: one scatter each
        for r in part.itertuples():
            _label, colour = _POLARITY.get(int(r.polarity), _POLARITY[0])
            if r.x_hi - r.x_lo > 0.2:
                spans.append((r.y, max(r.x_lo, lo), min(r.x_hi, hi), colour))
            filled = r.status in ("happened", "cancelled")
            marks.setdefault(_STATUS_MARKER.get(r.status, "o"), []).append(
                (r.x, r.y, colour if filled else "white", colour)
            )
        if spans:
            ys, starts, ends, colours = zip(*spans, strict=True)
            a.hlines(ys, starts, ends, colors=colours, lw=2.2, alpha=0.35, zorder=2)
        ring = part[part["cited"]]
        if len(ring):
            a.scatter(
                ring["x"],
                ring["y"],
                s=85,
                marker="o",
                facecolors="none",
                edgecolors=BLACK,
                lw=0.6,
                zorder=3.5,
            )
        for marker, points in marks.items():
            xs, ys, faces, edges = zip(*points, strict=True)
            a.scatter(xs, ys, s=30, marker=marker, facecolors=faces, edgecolors=edges, lw=1.1, zorder=4)
        _year_axis(a, lo, hi)
        a.set_ylim(-0.7, len(rows) - 0.3)
        for y in range(len(rows)):
            a.axhline(y, color="#DDDDDD", lw=0.4, zorder=1)
    labels = [_row_label(k) for k in reversed(rows)]
    ax.set_yticks(range(len(rows)), labels)
    if ax_e is not None:
        ax_e.set_yticks(range(len(rows)), labels)
        ax.tick_params(labelleft=False, left=False)
        ax.spines["left"].set_visible(False)
        ax_e.spines["right"].set_visible(False)
        ax_e.set_title(f"before {x0:.0f}", fontsize=7, fontweight="normal", loc="center", pad=4)
        ax_e.set_xticks(_early_ticks(e0, e1))
        ax_e.xaxis.set_minor_locator(MultipleLocator(10 if e1 - e0 > 30 else (5 if e1 - e0 > 12 else 1)))
        kw = {"transform": ax_e.transAxes, "color": "#333333", "clip_on": False, "lw": 0.8}
        ax_e.plot([1 - 0.05, 1 + 0.05], [-0.015, 0.015], **kw)
        kw["transform"] = ax.transAxes
        ax.plot([-0.015, 0.015], [-0.015, 0.015], **kw)
    statuses = [s for s in _STATUS_MARKER if s in set(d["status"])]
    polarities = [p for p in _POLARITY if p in {int(v) for v in d["polarity"]}]
    handles = [
        Line2D(
            [],
            [],
            marker=_STATUS_MARKER[s],
            ls="",
            color=GREY,
            mfc=GREY if s in ("happened", "cancelled") else "white",
            label=s,
        )
        for s in statuses
    ] + [Patch(color=_POLARITY[p][1], label=_POLARITY[p][0]) for p in polarities]
    if d["cited"].any():
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                ms=8,
                mfc="none",
                mec=BLACK,
                mew=0.6,
                ls="",
                label="ring: cited in the chronology",
            )
        )
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.35, -0.08), ncol=3, fontsize=6.5)
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    ev = _events(tables)
    und = ev[ev["x"].isna()]
    out = [
        "Rows without a pair in brackets are Ecuador's acts toward Israel. "
        "A line through a marker is the span its date stands for (month, year or decade). "
        "A ring marks an event cited in the chronology (data/chronology); in the HTML it links to the source. "
        "Background means before the first coded administration (Correa, January 2007)."
    ]
    if len(und):
        items = "; ".join(f"{type_label(r.event_type)} {r.pair}" for r in und.itertuples())
        out.append(f"Not shown: {len(und)} undated event(s) ({items}).")
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    x0, x1 = _xrange(tables)
    ev = _events(tables)
    d, types = _timeline_rows(ev)
    srcs = _sources_by_event(tables, manifest)
    early = d[d["x_hi"] <= x0]
    if len(early):
        e0 = float(np.floor(early["x_lo"].min() / 5) * 5 - 1)
        e1 = float(np.ceil(early["x_hi"].max() / 5) * 5 + 1)
        fig = make_subplots(
            rows=1, cols=2, shared_yaxes=True, column_widths=[0.25, 0.75], horizontal_spacing=0.02
        )
        panels = [(1, e0, e1), (2, x0, x1)]
    else:
        fig = make_subplots(rows=1, cols=1)
        panels = [(1, x0, x1)]
    ov = _Overlay(fig, cols=len(panels))
    for col, lo, hi in panels:
        part = d[(d["x"] >= lo) & (d["x"] <= hi)]
        if col == len(panels):
            for i, b in enumerate(_bands()):
                a, e = max(b.start, lo), min(b.end, hi)
                if e > a:
                    ov.vrect(a, e, 1, col, fillcolor=BAND[i % 2], line={"width": 0}, layer="below")
                    xref, yref = ov.axes(1, col)
                    ov.note(
                        x=(a + e) / 2,
                        y=1,
                        xref=xref,
                        yref=f"{yref} domain",
                        text=escape_text(b.short),
                        showarrow=False,
                        yanchor="bottom",
                        font={"size": 11},
                    )
        for status, symbol in _STATUS_PLOTLY.items():
            for pol, (plabel, colour) in _POLARITY.items():
                sub = part[(part["status"] == status) & (part["polarity"] == pol)]
                if sub.empty:
                    continue
                hov, urls = _event_points(sub, srcs)
                fig.add_trace(
                    go.Scatter(
                        x=sub["x"],
                        y=sub["y"],
                        mode="markers",
                        hovertext=hov,
                        hoverinfo="text",
                        customdata=urls,
                        marker={
                            "symbol": symbol,
                            "size": 11,
                            "color": colour,
                            "line": {"width": 1.5, "color": colour},
                        },
                        error_x={
                            "type": "data",
                            "symmetric": False,
                            "array": sub["x_hi"] - sub["x"],
                            "arrayminus": sub["x"] - sub["x_lo"],
                            "thickness": 2,
                            "width": 0,
                            "color": colour,
                        },
                        name=escape_text(f"{status}, {plabel}"),
                        legendgroup=f"{status}{pol}",
                        showlegend=col == len(panels)
                        or not len(d[(d["x"] >= x0) & (d["status"] == status) & (d["polarity"] == pol)]),
                    ),
                    row=1,
                    col=col,
                )
        ring = part[part["cited"]]
        if len(ring):
            hov, urls = _event_points(ring, srcs)
            fig.add_trace(
                go.Scatter(
                    x=ring["x"],
                    y=ring["y"],
                    mode="markers",
                    hovertext=hov,
                    hoverinfo="text",
                    customdata=urls,
                    marker={"symbol": "circle-open", "size": 20, "color": BLACK, "line": {"width": 1}},
                    name="ring: cited in the chronology (click: source)",
                    legendgroup="cited",
                    showlegend=col == len(panels),
                ),
                row=1,
                col=col,
            )
        fig.update_xaxes(
            range=[lo, hi],
            tickformat="d",
            tickvals=_early_ticks(lo, hi) if col < len(panels) else None,
            dtick=2,
            row=1,
            col=col,
        )
    fig.update_yaxes(
        tickvals=list(range(len(types))),
        ticktext=[escape_text(_row_label(t)) for t in reversed(types)],
        range=[-0.7, len(types) - 0.3],
        showgrid=True,
        gridcolor="#E5E5E5",
        row=1,
        col=1,
    )
    h = 120 + 34 * len(types)
    return _plotly_layout(fig, spec, h, spec.notes(tables) if spec.notes else (), legend_rows=2, overlay=ov)
