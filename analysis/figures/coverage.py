"""Figure ``coverage``: how many events of each administration each outlet perspective and each language
reports, so a reader sees whose eyes a score rests on before reading it.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists, and the counts its alt text also reads (:func:`coverage`); shared pieces come
from :mod:`.parts`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from plotly.subplots import make_subplots

from analysis.figures.parts import _admin_lookup, _admin_years, _bands, _plotly_layout, _xrange
from analysis.figures.style import BLACK, FigureSpec, _finish, _new_figure, _s, escape_text

#: The perspective groups of data/perspective_groups.csv, in the order the figure lists them.
GROUP_LABELS = {
    "israeli_jewish": "Israeli and Jewish outlets",
    "ecuador_private": "Ecuadorian private press",
    "ecuador_opposition": "Ecuadorian opposition and left press",
    "state_media": "state media (Cuba, teleSUR)",
    "arab_pro_palestinian": "Arab and pro-Palestinian media",
    "wires": "wires, trade and foreign press",
}
LANGUAGES = {"en": "in English", "es": "in Spanish"}
BACKGROUND = "background"


def _columns(tables: dict[str, pd.DataFrame]) -> tuple[list[str], list[str]]:
    _x0, x1 = _xrange(tables)
    lookup = _admin_lookup()
    cols = [BACKGROUND] + [b.president for b in _bands()]
    first = min((b.start_year for b in _bands()), default="")
    heads = [f"background\n(before {first})"] + [
        f"{lookup[c].name.split()[-1]}\n{_admin_years(lookup[c], x1)}" for c in cols[1:]
    ]
    return cols, heads


def coverage(tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(events by perspective group x administration, events by language x administration, column headers).

    An event counts once in every group (language) with at least one source reporting it, so a column's
    cells can add up to more than its events: the ``all events`` row gives the total."""
    ev = tables["events"][["event_id", "administration"]]
    src = tables["event_sources"][["event_id", "doc_id", "perspective_group"]].copy()
    lang = {}
    for name in ("mentions", "cited_mentions"):
        if name in tables and len(tables[name]):
            lang.update(dict(zip(tables[name]["doc_id"], tables[name]["language"], strict=True)))
    src["language"] = [_s(lang.get(d, "")) for d in src["doc_id"]]
    src = src.merge(ev, on="event_id")
    cols, heads = _columns(tables)

    def table(field: str, rows: list[str]) -> pd.DataFrame:
        hit = src[src[field].isin(rows)].drop_duplicates(["event_id", field])
        t = pd.crosstab(hit[field], hit["administration"]).reindex(index=rows, columns=cols, fill_value=0)
        total = ev.drop_duplicates("event_id")["administration"].value_counts().reindex(cols, fill_value=0)
        t.loc["all"] = total.to_numpy()
        return t

    return table("perspective_group", list(GROUP_LABELS)), table("language", list(LANGUAGES)), heads


def _cells(ax, z: np.ndarray, vmax: float) -> None:
    cmap = plt.get_cmap("Blues").with_extremes(bad="white")
    ax.imshow(np.ma.masked_where(z == 0, z), cmap=cmap, vmin=-vmax * 0.25, vmax=vmax, aspect="auto")
    for i in range(z.shape[0]):
        for j in range(z.shape[1]):
            v = int(z[i, j])
            dark = (v + vmax * 0.25) / (vmax * 1.25) > 0.6
            ax.text(
                j,
                i,
                str(v) if v else "·",
                ha="center",
                va="center",
                fontsize=7.5 if v else 7,
                color=("white" if dark else BLACK) if v else "#AAAAAA",
                fontweight="bold" if v else "normal",
            )
    ax.set_xticks(np.arange(-0.5, z.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, z.shape[0]), minor=True)
    ax.grid(which="minor", color="white", lw=1.2)
    ax.tick_params(which="both", length=0)
    for s in ax.spines.values():
        s.set_visible(False)


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    groups, langs, heads = coverage(tables)
    fig = _new_figure(spec)
    gs = fig.add_gridspec(2, 1, height_ratios=[len(groups), len(langs)])
    vmax = float(max(groups.iloc[:-1].to_numpy().max(), langs.iloc[:-1].to_numpy().max(), 1))
    for k, (t, labels) in enumerate(((groups, GROUP_LABELS), (langs, LANGUAGES))):
        ax = fig.add_subplot(gs[k])
        body = t.iloc[:-1].to_numpy(dtype=float)
        _cells(ax, body, vmax)
        names = [labels[r] for r in t.index[:-1]]
        ax.set_yticks(range(len(names)), names, fontsize=7.5)
        ax.set_xticks(range(len(heads)), heads if k == 0 else [""] * len(heads), fontsize=7)
        ax.xaxis.tick_top()
        for j, v in enumerate(t.loc["all"]):
            ax.text(
                j, len(names) - 0.45, f"of {int(v)}", ha="center", va="top", fontsize=6.3, color="#444444"
            )
        ax.set_ylim(len(names) - 0.5 + 0.45, -0.5)
        ax.set_title(
            "events reported by at least one source of each perspective"
            if k == 0
            else "events reported by at least one source in each language",
            fontsize=7.5,
            loc="left",
            pad=30 if k == 0 else 4,
        )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    groups, _langs, heads = coverage(tables)
    out = [
        "An event counts in every perspective (language) with a source reporting it, so a column can add up to "
        "more than its events ('of N' under each column). Perspective groups: data/perspective_groups.csv."
    ]
    body = groups.iloc[:-1]
    for col, head in zip(body.columns, heads, strict=True):
        total = int(groups.loc["all", col])
        if not total:
            continue
        top = body[col].idxmax()
        share = body[col].max() / total
        if share > 0.5:
            out.append(
                f"{head.split(chr(10))[0]}: {int(body[col].max())} of {total} events come from "
                f"{GROUP_LABELS[top].lower()}."
            )
    return out


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    groups, langs, heads = coverage(tables)
    fig = make_subplots(
        rows=2,
        cols=1,
        row_heights=[len(groups) - 1, len(langs) - 1],
        vertical_spacing=0.06,
        shared_xaxes=True,
    )
    x = [escape_text(h.replace("\n", " ")) for h in heads]
    vmax = float(max(groups.iloc[:-1].to_numpy().max(), langs.iloc[:-1].to_numpy().max(), 1))
    for row, (t, labels) in enumerate(((groups, GROUP_LABELS), (langs, LANGUAGES)), start=1):
        body = t.iloc[:-1].to_numpy(dtype=float)
        names = [escape_text(labels[r]) for r in t.index[:-1]]
        hov = [
            [
                f"<b>{names[i]}</b> · {x[j]}<br>{int(body[i, j])} of {int(t.loc['all'].iloc[j])} events"
                for j in range(body.shape[1])
            ]
            for i in range(body.shape[0])
        ]
        fig.add_trace(
            go.Heatmap(
                z=np.where(body == 0, np.nan, body),
                x=x,
                y=names,
                colorscale="Blues",
                zmin=-vmax * 0.25,
                zmax=vmax,
                text=np.where(body == 0, "·", body.astype(int).astype(str)),
                texttemplate="%{text}",
                hovertext=hov,
                hoverinfo="text",
                xgap=2,
                ygap=2,
                showscale=row == 1,
                colorbar={"title": {"text": "events"}},
            ),
            row=row,
            col=1,
        )
        fig.update_yaxes(autorange="reversed", row=row, col=1)
    fig.update_xaxes(side="top", row=1, col=1)
    fig = _plotly_layout(
        fig, spec, 36 * (len(groups) + len(langs)), spec.notes(tables) if spec.notes else (), 0
    )
    fig.update_layout(margin={"t": 150, "l": 260})
    return fig
