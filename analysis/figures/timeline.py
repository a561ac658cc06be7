"""Figure ``timeline``: every reconciled event at its date, one row per event type, with the
background events before 2006 on a compressed left panel.

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
from analysis.figures.style import BAND, BLUE, GREY, VERMILLION, FigureSpec, _finish, _new_figure, escape_text

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
    # events of one row in the same month sit side by side, not on top of each other
    d = d.sort_values(["key", "x", "event_id"])
    key = list(zip(d["key"], (d["x"] * 12).round().astype(int), strict=True))
    counts: dict = {}
    offsets = []
    sizes = pd.Series(key).value_counts().to_dict()
    for k in key:
        i = counts.get(k, 0)
        counts[k] = i + 1
        n = sizes[k]
        offsets.append((i - (n - 1) / 2) * 0.28)
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
        ax_e.set_title(f"before {x0:.0f} (background)", fontsize=7, fontweight="normal", loc="center", pad=4)
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
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.4, -0.08), ncol=4, fontsize=6.5)
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    ev = _events(tables)
    und = ev[ev["x"].isna()]
    out = [
        "Rows without a pair in brackets are Ecuador's acts toward Israel. "
        "A line through a marker is the span its date stands for (month, year or decade)."
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
