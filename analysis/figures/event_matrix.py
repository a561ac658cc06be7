"""Figure ``event_matrix``: how many events of each type fall in each administration's term.

Its static drawing (:func:`static`, a heatmap with margins), interactive drawing (:func:`interactive`) and
notes (:func:`notes`), which the registry lists, and the counts its alt text also reads (:func:`matrix`);
shared pieces come from :mod:`.parts`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure

from analysis.common.administrations import BACKGROUND, administrations
from analysis.figures.parts import (
    _admin_lookup,
    _admin_years,
    _events,
    _plotly_layout,
    _type_order,
    _xrange,
    type_label,
)
from analysis.figures.style import BLACK, FigureSpec, _finish, _new_figure, _s, escape_text


def matrix(tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Counts of events by type and administration; the same for events outside the Ecuador–Israel pair."""
    ev = _events(tables)
    ev["col"] = [_s(a) or "undated" for a in ev["administration"]]
    cols = [BACKGROUND] + [a.president for a in administrations()]
    cols += sorted(c for c in ev["col"].unique() if c not in cols and c != "undated")
    if (ev["col"] == "undated").any():
        cols.append("undated")
    types = _type_order(ev["event_type"])
    m = pd.crosstab(ev["event_type"], ev["col"]).reindex(index=types, columns=cols, fill_value=0)
    other = ev[~ev["dyad"]]
    third = pd.crosstab(other["event_type"], other["col"]).reindex(index=types, columns=cols, fill_value=0)
    _x0, x1 = _xrange(tables)
    headers = []
    lookup = _admin_lookup()
    first = administrations()[0].start.year if administrations() else ""
    for c in cols:
        if c == BACKGROUND:
            headers.append(f"background\n(before {first})")
        elif c in lookup:
            headers.append(f"{lookup[c].name.split()[-1]}\n{_admin_years(lookup[c], x1)}")
        else:
            headers.append(c)
    return m, third, headers


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    m, third, headers = matrix(tables)
    fig = _new_figure(spec, max(3.0, 1.9 + 0.3 * len(m)))
    ax = fig.add_subplot()
    z = m.to_numpy(dtype=float)
    zt = third.to_numpy(dtype=int)
    vmax = max(z.max(), 1)
    shown = np.ma.masked_where(z == 0, z)
    # one light-to-dark hue: one event is the palest cell and the most events the darkest (the reversed
    # cividis made a single event bright yellow, the most eye-catching colour on the page)
    cmap = plt.get_cmap("Blues").with_extremes(bad="white")
    ax.imshow(shown, cmap=cmap, vmin=-vmax * 0.25, vmax=vmax, aspect="auto")
    for i in range(z.shape[0]):
        for j in range(z.shape[1]):
            v = int(z[i, j])
            dark = (v + vmax * 0.25) / (vmax * 1.25) > 0.6
            colour = ("white" if dark else BLACK) if v else "#AAAAAA"
            if not v:
                ax.text(j, i, "·", ha="center", va="center", fontsize=7, color=colour)
                continue
            ax.text(
                j,
                i - (0.12 if zt[i, j] else 0),
                str(v),
                ha="center",
                va="center",
                fontsize=7.5,
                color=colour,
                fontweight="bold",
            )
            if zt[i, j]:
                ax.text(
                    j,
                    i + 0.26,
                    f"{zt[i, j]} not ECU–ISR",
                    ha="center",
                    va="center",
                    fontsize=5.5,
                    color=colour,
                )
        ax.text(
            z.shape[1] - 0.35, i, f"{int(z[i].sum())}", ha="left", va="center", fontsize=7, color="#333333"
        )
    for j in range(z.shape[1]):
        ax.text(
            j, z.shape[0] - 0.4, f"{int(z[:, j].sum())}", ha="center", va="top", fontsize=7, color="#333333"
        )
    ax.text(z.shape[1] - 0.35, -0.75, "total", ha="left", va="bottom", fontsize=6.5, color="#333333")
    ax.text(-0.6, z.shape[0] - 0.4, "total", ha="right", va="top", fontsize=6.5, color="#333333")
    ax.set_xticks(range(len(headers)), headers, fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(m)), [type_label(t) for t in m.index], fontsize=7.5)
    ax.set_xticks(np.arange(-0.5, z.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, z.shape[0]), minor=True)
    ax.grid(which="minor", color="white", lw=1.2)
    ax.tick_params(which="both", length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    ax.set_xlim(-0.5, z.shape[1] - 0.5)
    ax.set_ylim(z.shape[0] - 0.5, -0.5)
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    ev = _events(tables)
    third = ev[~ev["dyad"]]
    out = [
        "Counts of reconciled events (one event may rest on several articles); an administration's column counts events dated within its term."
    ]
    if len(third):
        out.append(
            f"Includes {len(third)} event(s) outside the Ecuador–Israel pair: "
            + "; ".join(f"{type_label(r.event_type)} {r.pair}" for r in third.itertuples())
            + "."
        )
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    m, _third, headers = matrix(tables)
    ev = _events(tables)
    # each cell's events in table order, gathered in one pass (a filter per cell cost a tenth of a second)
    cell: dict[tuple[str, str], list[str]] = {}
    for t, a, when, pair, status in zip(
        ev["event_type"], ev["administration"], ev["when"], ev["pair"], ev["status"], strict=True
    ):
        cell.setdefault((t, _s(a) or "undated"), []).append(escape_text(f"{when} {pair} ({status})"))
    hov = []
    for t in m.index:
        row = []
        for c, h in zip(m.columns, headers, strict=True):
            items = cell.get((t, c), [])
            row.append(
                f"<b>{escape_text(type_label(t))}</b> · {escape_text(h.replace(chr(10), ' '))}<br>"
                f"{len(items)} event(s)" + (f"<br>{'<br>'.join(items)}" if items else "")
            )
        hov.append(row)
    z = m.to_numpy(dtype=float)
    fig = go.Figure(
        go.Heatmap(
            z=np.where(z == 0, np.nan, z),
            x=[escape_text(h.replace("\n", " ")) for h in headers],
            y=[escape_text(type_label(t)) for t in m.index],
            colorscale="Blues",
            zmin=-max(z.max(), 1) * 0.25,
            zmax=max(z.max(), 1),
            text=np.where(z == 0, "·", z.astype(int).astype(str)),
            texttemplate="%{text}",
            hovertext=hov,
            hoverinfo="text",
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "events"}},
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    fig = _plotly_layout(fig, spec, 32 * len(m), spec.notes(tables) if spec.notes else (), 0, axis_px=10)
    fig.update_layout(margin={"t": 150, "l": 170})
    return fig
