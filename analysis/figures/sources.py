"""Figure ``sources``: events against the outlets that report them, with the status each outlet
reports; rows that rest on a single outlet are shaded.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists; shared pieces come from :mod:`.parts`.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis.figures.parts import (
    _STATUS_MARKER,
    Row,
    _event_hover,
    _events,
    _Overlay,
    _plotly_layout,
    _sources_by_event,
    type_label,
)
from analysis.figures.style import (
    BLACK,
    BLUE,
    ORANGE,
    PURPLE,
    SKY,
    VERMILLION,
    FigureSpec,
    _finish,
    _new_figure,
    _s,
    escape_text,
)

_STATUS_COLOUR = {"happened": BLUE, "announced": ORANGE, "planned": SKY, "cancelled": VERMILLION}


def _source_grid(tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Events in time order, the (event, outlet) cells with their statuses, and the outlets by reach."""
    ev = (
        _events(tables)
        .sort_values(["x", "event_type", "event_id"], na_position="last")
        .reset_index(drop=True)
    )
    es = tables["event_sources"].copy()
    es["outlet"] = [_s(o) or _s(d) for o, d in zip(es["outlet"], es["doc_id"], strict=True)]
    outlets = es.groupby("outlet")["event_id"].nunique().sort_values(ascending=False, kind="stable")
    outlets = list(outlets.sort_index(kind="stable").sort_values(ascending=False, kind="stable").index)
    cells = (
        es.groupby(["event_id", "outlet"])
        .agg(
            n_quotes=("quote", "size"),
            statuses=("status", lambda s: ";".join(sorted(set(map(_s, s))))),
            n_articles=("doc_id", "nunique"),
        )
        .reset_index()
    )
    return ev, cells, outlets


def _event_row_label(r: Row) -> str:
    return f"{r.when} · {type_label(r.event_type)} · {r.pair}"


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    ev, cells, outlets = _source_grid(tables)
    n = len(ev)
    fig = _new_figure(spec, 2.2 + 0.2 * n)
    ax = fig.add_subplot()
    row = {e: i for i, e in enumerate(ev["event_id"])}
    col = {o: j for j, o in enumerate(outlets)}
    ncol = len(outlets)
    for r in ev.itertuples():
        i = row[r.event_id]
        if r.n_outlets <= 1:
            ax.axhspan(i - 0.5, i + 0.5, color="#FFF3D6", lw=0, zorder=0)
        ax.text(
            ncol - 0.45,
            i,
            f"{r.n_outlets}",
            ha="center",
            va="center",
            fontsize=7,
            color=VERMILLION if r.n_outlets <= 1 else BLACK,
            fontweight="bold" if r.n_outlets <= 1 else "normal",
        )
    top = max(int(cells["n_quotes"].max()) if len(cells) else 1, 1)
    groups: dict[str, tuple[list, list, list]] = {}  # one scatter per status: cells do not overlap
    for c in cells.itertuples():
        if c.event_id not in row:
            continue
        sts = c.statuses.split(";")
        xs, ys, sizes = groups.setdefault(sts[0] if len(sts) == 1 else "mixed", ([], [], []))
        xs.append(col[c.outlet])
        ys.append(row[c.event_id])
        sizes.append(28 + 70 * (c.n_quotes - 1) / max(top - 1, 1))
        if c.n_quotes > 1:
            ax.text(
                col[c.outlet] + 0.2,
                row[c.event_id],
                f"×{c.n_quotes}",
                va="center",
                fontsize=5.8,
                color="#333333",
            )
    for status, (xs, ys, sizes) in groups.items():
        ax.scatter(
            xs,
            ys,
            s=sizes,
            marker=_STATUS_MARKER.get(status, "P"),
            color=_STATUS_COLOUR.get(status, PURPLE),
            edgecolor="white",
            lw=0.4,
            zorder=3,
        )
    ax.set_xticks(
        range(ncol + 1), [textwrap.fill(o, 16) for o in outlets] + ["outlets\nreporting"], fontsize=6.5
    )
    ax.xaxis.tick_top()
    ax.set_yticks(range(n), [_event_row_label(r) for r in ev.itertuples()], fontsize=6.5)
    ax.set_xticks(np.arange(-0.5, ncol + 1), minor=True)
    ax.grid(which="minor", axis="x", color="#DDDDDD", lw=0.5)
    ax.tick_params(which="both", length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_xlim(-0.5, ncol + 0.5)
    ax.set_ylim(n - 0.5, -0.5)
    present = sorted({s for st in cells["statuses"] for s in st.split(";")} if len(cells) else set())
    handles = [
        Line2D(
            [],
            [],
            marker=_STATUS_MARKER.get(s, "P"),
            color=_STATUS_COLOUR.get(s, PURPLE),
            ls="",
            label=f"reported as {s}",
        )
        for s in present
        if s in _STATUS_MARKER
    ]
    if (cells["statuses"].str.contains(";")).any():
        handles.append(
            Line2D([], [], marker="P", color=PURPLE, ls="", label="statuses differ within the outlet")
        )
    handles.append(Patch(color="#FFF3D6", label="one outlet carries it alone"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.3, -0.01), ncol=3, fontsize=6.5)
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    ev = tables["events"]
    single = int((ev["n_outlets"] <= 1).sum())
    return [
        f"{single} of {len(ev)} events rest on a single outlet. A marker is one outlet's report; ×n = n quoted sentences; "
        "marker shape and colour give the status that outlet reports."
    ]


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    ev, cells, outlets = _source_grid(tables)
    srcs = _sources_by_event(tables, manifest)
    row = {e: i for i, e in enumerate(ev["event_id"])}
    evr = {r.event_id: r for r in ev.itertuples()}
    fig = go.Figure()
    single = ev[ev["n_outlets"] <= 1]
    ov = _Overlay(fig)
    for r in single.itertuples():
        i = row[r.event_id]
        ov.hrect(i - 0.5, i + 0.5, fillcolor="#FFF3D6", line={"width": 0}, layer="below")
    groups: dict[str, dict[str, list]] = {}
    for c in cells.itertuples():
        if c.event_id not in row:
            continue
        sts = c.statuses.split(";")
        status = sts[0] if len(sts) == 1 else "mixed"
        g = groups.setdefault(status, {"x": [], "y": [], "h": [], "u": [], "s": []})
        e = evr[c.event_id]
        mine = [s for s in srcs.get(c.event_id, []) if s["outlet"] == c.outlet]
        h, u = _event_hover(e, mine)
        g["x"].append(outlets.index(c.outlet))
        g["y"].append(row[c.event_id])
        g["h"].append(h)
        g["u"].append(u)
        g["s"].append(9 + 4 * (c.n_quotes - 1))
    for status, g in groups.items():
        fig.add_trace(
            go.Scatter(
                x=g["x"],
                y=g["y"],
                mode="markers",
                hovertext=g["h"],
                hoverinfo="text",
                customdata=g["u"],
                marker={
                    "size": g["s"],
                    "color": _STATUS_COLOUR.get(status, PURPLE),
                    "symbol": {
                        "happened": "circle",
                        "announced": "diamond",
                        "planned": "square",
                        "cancelled": "x",
                    }.get(status, "cross"),
                },
                name=escape_text(
                    f"reported as {status}" if status != "mixed" else "statuses differ within the outlet"
                ),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[len(outlets)] * len(ev),
            y=list(range(len(ev))),
            mode="text",
            text=[f"<b>{n}</b>" if n <= 1 else str(n) for n in ev["n_outlets"]],
            textfont={"color": [VERMILLION if n <= 1 else BLACK for n in ev["n_outlets"]]},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_xaxes(
        tickvals=list(range(len(outlets) + 1)),
        ticktext=["<br>".join(escape_text(x) for x in textwrap.wrap(o, 18)) for o in outlets]
        + ["outlets<br>reporting"],
        side="top",
        range=[-0.5, len(outlets) + 0.5],
    )
    fig.update_yaxes(
        tickvals=list(range(len(ev))),
        ticktext=[escape_text(_event_row_label(r)) for r in ev.itertuples()],
        autorange="reversed",
        tickfont={"size": 11},
    )
    fig = _plotly_layout(
        fig, spec, 24 * len(ev), spec.notes(tables) if spec.notes else (), 2, axis_px=10, overlay=ov
    )
    fig.update_layout(margin={"t": 170, "l": 260})
    return fig
