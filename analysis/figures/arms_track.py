"""Figure ``arms_track``: arms purchases from Israel as the SIPRI register lists them and as the
press reports them, on the ``shifts`` time axis.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists, and the press reports its alt text also reads (:func:`press_reports`); the TIV
bars and tracks come from :mod:`.parts`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from plotly.subplots import make_subplots

from analysis.figures.parts import (
    TIV_LABEL,
    _draw_tiv,
    _empty_note,
    _event_points,
    _events,
    _Overlay,
    _p_bands,
    _p_titles,
    _p_tiv,
    _p_track_labels,
    _p_year_axes,
    _place_labels,
    _plotly_layout,
    _shade_bands,
    _sources_by_event,
    _tiv_frame,
    _tiv_legend,
    _track_axes,
    _track_label,
    _track_text,
    _xrange,
    _year_axis,
)
from analysis.figures.style import BLUE, VERMILLION, FigureSpec, _finish, _new_figure, _s, escape_text


def press_reports(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Press-reported purchases (reconciled events) with what the SIPRI comparison found for their quotes."""
    ev = _events(tables)
    d = ev[ev["dyad"] & (ev["event_type"] == "arms_purchase")].copy()
    pvr = tables["arms_press_vs_register"]
    es = tables["event_sources"]
    link = es.merge(
        pvr[["doc_id", "start_char", "status", "note"]].rename(columns={"status": "register"}),
        on=["doc_id", "start_char"],
        how="inner",
    )
    reg = link.groupby("event_id")["register"].agg(lambda s: "; ".join(sorted(set(map(_s, s)))))
    d["register"] = [reg.get(e, "") for e in d["event_id"]]
    return d.sort_values(["x", "event_id"])


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    x0, x1 = _xrange(tables)
    fig = _new_figure(spec)
    gs = fig.add_gridspec(3, 1, height_ratios=[2.2, 0.85, 0.85])
    ax = fig.add_subplot(gs[0])
    sip = fig.add_subplot(gs[1], sharex=ax)
    tr = fig.add_subplot(gs[2], sharex=ax)
    for i, a in enumerate((ax, sip, tr)):
        _shade_bands(a, x0, x1, labels=(i == 0))
        _year_axis(a, x0, x1)
        if i < 2:
            a.tick_params(labelbottom=False)
    _draw_tiv(ax, tables, x0, x1, label_israel=False)
    ax.set_title("SIPRI Arms Transfers register: all of Ecuador's orders, by order year", pad=24)
    _tiv_legend(ax, "from Israel", "from all other suppliers", "order from Israel with TIV 0")
    # the register's orders from Israel, one marker per order year
    _track_axes(sip, "SIPRI register:\norders from\nIsrael")
    t = _tiv_frame(tables)
    t = t[(t["n_israel"] > 0) & (t.index + 1 > x0) & (t.index < x1)]
    if t.empty:
        _empty_note(sip, f"no order from Israel in the register since {x0:.0f}")
    texts = []
    for year, israel, n, n0 in zip(t.index, t["israel"], t["n_israel"], t["n_israel_tiv0"], strict=True):
        txt = f"{year}: {int(n)} order{'s' if n > 1 else ''}, TIV {israel:g}"
        if n0:
            txt += f"\n({int(n0)} with TIV 0: no quantity listed)"
        texts.append((year + 0.5, txt))
    for (x, txt), (cx, side), israel in zip(texts, _place_labels(texts, x0, x1), t["israel"], strict=True):
        sip.hlines(0.5, x - 0.5, x + 0.5, color=VERMILLION, lw=3, alpha=0.35, zorder=2)
        sip.scatter(
            x,
            0.5,
            s=46,
            marker="s",
            facecolor=VERMILLION if israel > 0 else "white",
            edgecolor=VERMILLION,
            lw=1.2,
            zorder=4,
        )
        _track_label(sip, cx, side, txt, VERMILLION)
    # the press
    _track_axes(tr, "press reports:\npurchases\nfrom Israel")
    d = press_reports(tables)
    d = d[d["x"].notna() & (d["x_hi"] > x0) & (d["x_lo"] < x1)]
    if d.empty:
        _empty_note(tr, f"no press-reported purchase dated after {x0:.0f}")
    amounts = d["amount_usd"].dropna()
    top = float(amounts.max()) if len(amounts) else 1.0
    items = [
        (r.x, _track_text(r, "arms") + (f"\n{r.register}" if r.register else "")) for r in d.itertuples()
    ]
    for r, (cx, side), (_x, text) in zip(d.itertuples(), _place_labels(items, x0, x1), items, strict=True):
        known = pd.notna(r.amount_usd)
        if r.x_hi - r.x_lo > 0.2:
            tr.hlines(0.5, r.x_lo, r.x_hi, color=BLUE, lw=3, alpha=0.35, zorder=2)
        tr.scatter(
            r.x,
            0.5,
            s=40 + 160 * (r.amount_usd / top) if known else 40,
            marker="o",
            facecolor=BLUE if known else "white",
            edgecolor=BLUE,
            lw=1.2,
            zorder=4,
        )
        _track_label(tr, cx, side, text)
    tr.set_xlabel("year (a bar or span covers the year the date stands for)")
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    x0, _ = _xrange(tables)
    d = press_reports(tables)
    early = d[d["x"].notna() & (d["x_hi"] <= x0)]
    out = []
    if len(early):
        out.append(
            f"Not on the time axis: press report(s) dated before {x0:.0f} ("
            + "; ".join(f"{r.when}: {r.register or 'no register comparison'}" for r in early.itertuples())
            + ")."
        )
    out.append(
        "Press amounts are US dollars as reported; SIPRI TIV is a volume index, not US$: the two are not comparable."
    )
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    x0, x1 = _xrange(tables)
    srcs = _sources_by_event(tables, manifest)
    fig = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.09,
        row_heights=[0.56, 0.22, 0.22],
        subplot_titles=[
            "SIPRI Arms Transfers register: all of Ecuador's orders, by order year",
            "SIPRI register: orders from Israel",
            escape_text("News articles: purchases from Israel (US$ as reported; not comparable with TIV)"),
        ],
    )
    _p_titles(fig)
    ov = _Overlay(fig)
    _p_bands(ov, x0, x1, (1, 2, 3))
    _p_tiv(fig, ov, tables, x0, x1, 1)
    fig.update_yaxes(title_text=escape_text(TIV_LABEL.replace(" (", "<br>(")), row=1, col=1)
    t = _tiv_frame(tables)
    t = t[(t["n_israel"] > 0) & (t.index + 1 > x0) & (t.index < x1)]
    items = []
    for year, israel, n, n0 in zip(t.index, t["israel"], t["n_israel"], t["n_israel_tiv0"], strict=True):
        txt = f"{year}: {int(n)} order{'s' if n > 1 else ''}, TIV {israel:g}"
        items.append((year + 0.5, txt + (f"\n({int(n0)} with TIV 0: no quantity listed)" if n0 else "")))
    if items:
        fig.add_trace(
            go.Scatter(
                x=[x for x, _ in items],
                y=[0.5] * len(items),
                mode="markers",
                name="SIPRI: orders from Israel",
                marker={
                    "symbol": ["square" if v > 0 else "square-open" for v in t["israel"]],
                    "size": 11,
                    "color": VERMILLION,
                },
                error_x={
                    "type": "constant",
                    "value": 0.5,
                    "thickness": 3,
                    "width": 0,
                    "color": "rgba(213,94,0,0.35)",
                },
                hovertext=[escape_text(txt).replace("\n", "<br>") for _, txt in items],
                hoverinfo="text",
            ),
            row=2,
            col=1,
        )
        _p_track_labels(ov, 2, items, x0, x1)
    else:
        ov.note(
            x=(x0 + x1) / 2,
            y=0.5,
            text=f"no order from Israel in the register since {x0:.0f}",
            showarrow=False,
            row=2,
        )
    d = press_reports(tables)
    d = d[d["x"].notna() & (d["x_hi"] > x0) & (d["x_lo"] < x1)]
    if len(d):
        hov, urls = _event_points(d, srcs)
        hov = [
            h + (f"<br>SIPRI register: {escape_text(r.register)}" if r.register else "")
            for h, r in zip(hov, d.itertuples(), strict=True)
        ]
        top = float(d["amount_usd"].max()) if d["amount_usd"].notna().any() else 1.0
        fig.add_trace(
            go.Scatter(
                x=d["x"],
                y=[0.5] * len(d),
                mode="markers",
                hovertext=hov,
                hoverinfo="text",
                customdata=urls,
                name=escape_text("press report (area by US$)"),
                marker={
                    "size": [10 + 20 * (a / top) if pd.notna(a) else 10 for a in d["amount_usd"]],
                    "color": BLUE,
                    "symbol": ["circle" if pd.notna(a) else "circle-open" for a in d["amount_usd"]],
                },
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": d["x_hi"] - d["x"],
                    "arrayminus": d["x"] - d["x_lo"],
                    "thickness": 3,
                    "width": 0,
                    "color": "rgba(0,114,178,0.35)",
                },
            ),
            row=3,
            col=1,
        )
        items = [
            (r.x, _track_text(r, "arms") + (f"\n{r.register}" if r.register else "")) for r in d.itertuples()
        ]
        _p_track_labels(ov, 3, items, x0, x1)
    else:
        ov.note(
            x=(x0 + x1) / 2,
            y=0.5,
            text=f"no press-reported purchase dated after {x0:.0f}",
            showarrow=False,
            row=3,
        )
    for r in (2, 3):
        fig.update_yaxes(range=[0, 1], showticklabels=False, ticks="", showline=False, row=r, col=1)
    _p_year_axes(fig, x0, x1)
    return _plotly_layout(fig, spec, 620, spec.notes(tables) if spec.notes else (), legend_rows=2, overlay=ov)
