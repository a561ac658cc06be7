"""Figure ``region``: Ecuador's UN votes on Israel-related roll calls beside Latin America and the Caribbean,
per calendar year: its agreement with Israel and its abstention share against the region's median and
inter-quartile range, the roll calls each year rests on, and seven peers in small multiples.

The question it answers is whether Ecuador's movement is its own or the region's. Every country here is
measured on the same roll calls (``data/unga_region.csv``), so a year's comparison is like for like even where
the year itself is incomplete; such years are drawn hollow. The roll-call counts sit under the lines because
a share over 15 votes moves by 7 points with one vote.

Its static drawing (:func:`static`), interactive drawing (:func:`interactive`) and notes (:func:`notes`),
which the registry lists; the administration bands come from :mod:`.parts`.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from plotly.subplots import make_subplots

from analysis.figures.parts import _Overlay, _p_bands, _p_titles, _p_year_axes, _plotly_layout, _shade_bands
from analysis.figures.style import BLACK, BLUE, GREY, LIGHT, FigureSpec, _finish, _new_figure, escape_text

ECUADOR = "ECU"
#: The peers an analyst looks at first (neighbours, the region's large voters, and the two that moved most).
PEERS = {
    "ARG": "Argentina",
    "BRA": "Brazil",
    "COL": "Colombia",
    "GTM": "Guatemala",
    "MEX": "Mexico",
    "PRY": "Paraguay",
    "URY": "Uruguay",
}
MEASURES = {
    "agree_isr": "agreement with Israel\n(abstention counts ½)",
    "abstain_share": "abstention share\n(of votes cast)",
}
BAND_COLOUR = "#CFCFCF"
PEER_COLOUR = "#555555"


# ---------------------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------------------


def country_years(tables: dict[str, pd.DataFrame], country: str) -> pd.DataFrame:
    """One country's (or aggregate's) rows of unga_region, one per year, indexed by year."""
    r = tables["unga_region"]
    return r[r["country"] == country].set_index("year").sort_index()


def partial_years(tables: dict[str, pd.DataFrame]) -> list[int]:
    """Years whose roll calls the sources hold only in part (``complete`` false in unga_israel_by_year)."""
    y = tables["unga_israel_by_year"]
    return sorted(int(v) for v in y.loc[~y["complete"].astype(bool), "year"])


def _x(years: pd.Index) -> list[float]:
    """Mid-year positions, so a year's point sits inside the administration band that holds most of it."""
    return [float(v) + 0.5 for v in years]


def _range(tables: dict[str, pd.DataFrame]) -> tuple[float, float]:
    years = country_years(tables, ECUADOR).index
    return float(years.min()), float(years.max() + 1)


def _region_size(tables: dict[str, pd.DataFrame]) -> str:
    n = country_years(tables, "LAC_MEDIAN")["n_countries"].dropna()
    if not len(n):
        return "no members"
    lo, hi = int(n.min()), int(n.max())
    return f"{hi} members" if lo == hi else f"{lo}–{hi} members"


# ---------------------------------------------------------------------------------------------------------
# Matplotlib
# ---------------------------------------------------------------------------------------------------------


def _year_ticks(ax: Axes, x0: float, x1: float, step: int) -> None:
    ax.set_xlim(x0, x1)
    first = int(x0) + (-int(x0)) % step
    ax.set_xticks(range(first, int(x1) + 1, step))
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0f}")


def _ecuador_line(ax: Axes, eq: pd.DataFrame, col: str, partial: list[int], ms: float, lw: float) -> None:
    """Ecuador's line, filled markers on complete years and hollow ones on partial years."""
    ax.plot(_x(eq.index), eq[col], color=BLUE, lw=lw, zorder=5)
    full = eq[~eq.index.isin(partial)]
    part = eq[eq.index.isin(partial)]
    ax.plot(_x(full.index), full[col], ls="", marker="o", ms=ms, color=BLUE, zorder=6)
    ax.plot(_x(part.index), part[col], ls="", marker="o", ms=ms, mfc="white", mew=1.1, color=BLUE, zorder=6)


def _region_band(ax: Axes, tables: dict[str, pd.DataFrame], col: str) -> None:
    q1, med, q3 = (country_years(tables, k) for k in ("LAC_Q1", "LAC_MEDIAN", "LAC_Q3"))
    ax.fill_between(_x(q1.index), q1[col], q3[col], color=BAND_COLOUR, alpha=0.75, lw=0, zorder=2)
    ax.plot(_x(med.index), med[col], color=BLACK, lw=1.0, ls=(0, (4, 2)), zorder=4)


def _main_panel(
    ax: Axes,
    tables: dict[str, pd.DataFrame],
    col: str,
    partial: list[int],
    x0: float,
    x1: float,
    labels: bool = False,
) -> None:
    _shade_bands(ax, x0, x1, labels=labels)
    _region_band(ax, tables, col)
    _ecuador_line(ax, country_years(tables, ECUADOR), col, partial, ms=4, lw=1.8)
    _year_ticks(ax, x0, x1, 2)
    ax.set_ylabel(MEASURES[col], fontsize=7)


def _counts_panel(
    ax: Axes, tables: dict[str, pd.DataFrame], partial: list[int], x0: float, x1: float
) -> None:
    """Roll calls per year, partial years hatched: how much each point rests on."""
    eq = country_years(tables, ECUADOR)
    _shade_bands(ax, x0, x1)
    for year, n in eq["n_roll_calls"].items():
        hollow = int(year) in partial
        ax.bar(
            year + 0.5,
            int(n),
            width=0.7,
            color="white" if hollow else LIGHT,
            edgecolor=GREY,
            hatch="////" if hollow else None,
            lw=0.6,
            zorder=3,
        )
        ax.text(year + 0.5, int(n) + 1, f"{int(n)}", ha="center", va="bottom", fontsize=6, zorder=4)
    top = int(eq["n_roll_calls"].max()) if len(eq) else 1
    ax.set_ylim(0, top * 1.5)
    ax.set_yticks([0, 10, 20] if top >= 20 else [0, 10])
    ax.set_ylabel("roll calls\nper year", fontsize=7)
    _year_ticks(ax, x0, x1, 2)


def _peer_panel(
    ax: Axes, tables: dict[str, pd.DataFrame], iso: str, partial: list[int], x0: float, x1: float
) -> None:
    _shade_bands(ax, x0, x1)
    q1, q3 = country_years(tables, "LAC_Q1"), country_years(tables, "LAC_Q3")
    ax.fill_between(_x(q1.index), q1["agree_isr"], q3["agree_isr"], color=BAND_COLOUR, alpha=0.75, lw=0)
    eq = country_years(tables, ECUADOR)
    ax.plot(_x(eq.index), eq["agree_isr"], color=BLUE, lw=1.0, alpha=0.55, zorder=3)
    p = country_years(tables, iso)
    ax.plot(_x(p.index), p["agree_isr"], color=PEER_COLOUR, lw=1.2, zorder=4)
    part = p[p.index.isin(partial)]
    ax.plot(
        _x(part.index), part["agree_isr"], ls="", marker="o", ms=2.4, mfc="white", color=PEER_COLOUR, zorder=5
    )
    ax.set_ylim(-0.04, 1.04)
    ax.set_yticks([0, 0.5, 1])
    ax.set_title(PEERS[iso], fontsize=7.5, pad=2)
    _year_ticks(ax, x0, x1, 6)
    ax.tick_params(labelsize=6.3)


def static(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    x0, x1 = _range(tables)
    partial = partial_years(tables)
    fig = _new_figure(spec)
    outer = fig.add_gridspec(2, 1, height_ratios=[4.3, 2.4])
    top = outer[0].subgridspec(3, 1, height_ratios=[2.2, 1.7, 0.6])
    a = fig.add_subplot(top[0])
    b = fig.add_subplot(top[1], sharex=a)
    c = fig.add_subplot(top[2], sharex=a)
    _main_panel(a, tables, "agree_isr", partial, x0, x1, labels=True)
    _main_panel(b, tables, "abstain_share", partial, x0, x1)
    _counts_panel(c, tables, partial, x0, x1)
    for ax in (a, b):
        ax.tick_params(labelbottom=False)
        ax.set_ylim(-0.03, max(0.5, float(ax.get_ylim()[1])))
    a.set_title("(a) Ecuador against the region: agreement with Israel, per year", pad=24)
    b.set_title("(b) The same roll calls: the share of Ecuador's votes that are abstentions, per year")
    a.legend(
        handles=[
            Line2D([], [], color=BLUE, marker="o", lw=1.8, ms=4, label="Ecuador"),
            Line2D([], [], color=BLUE, marker="o", mfc="white", ls="", ms=4, label="Ecuador, partial year"),
            Line2D([], [], color=BLACK, lw=1.0, ls=(0, (4, 2)), label="region median"),
            Patch(color=BAND_COLOUR, label=f"middle half of the region ({_region_size(tables)})"),
        ],
        loc="upper left",
        ncol=2,
    )
    c.set_xlabel("year (hatched: partial year, some roll calls missing from the sources)", fontsize=7)
    grid = outer[1].subgridspec(2, 4, hspace=0.1, wspace=0.08)
    first: Axes | None = None
    for i, iso in enumerate(PEERS):
        ax = fig.add_subplot(grid[i // 4, i % 4], sharex=first, sharey=first)
        first = first or ax
        _peer_panel(ax, tables, iso, partial, x0, x1)
        if i % 4:
            ax.tick_params(labelleft=False)
        if i < 3:
            ax.tick_params(labelbottom=False)
    key = fig.add_subplot(grid[1, 3])
    key.axis("off")
    key.legend(
        handles=[
            Line2D([], [], color=PEER_COLOUR, lw=1.2, label="the country"),
            Line2D([], [], color=BLUE, lw=1.0, alpha=0.55, label="Ecuador"),
            Patch(color=BAND_COLOUR, label="region, middle half"),
        ],
        loc="center",
        title="(c) peers: agreement\nwith Israel, per year",
        fontsize=6.5,
        title_fontsize=6.8,
    )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


# ---------------------------------------------------------------------------------------------------------
# Notes and text
# ---------------------------------------------------------------------------------------------------------


def _share(v: float) -> str:
    return "–" if pd.isna(v) else f"{v:.2f}"


def notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Coverage from the data: the partial years, the recurring items missing, what one vote weighs."""
    eq = country_years(tables, ECUADOR)
    partial = partial_years(tables)
    y = tables["unga_israel_by_year"].set_index("year")
    out = []
    if len(eq):
        out.append(
            f"UN roll calls {int(eq.index.min())}–{int(eq.index.max())} picked by the title rule (Israel, Palestine, "
            f"the Middle East, the ES-10 session), the same roll calls for every country; "
            f"{int(eq['n_roll_calls'].min())} to {int(eq['n_roll_calls'].max())} per year, so one vote moves a "
            f"year's share by {1 / eq['n_roll_calls'].max():.0%} to {1 / eq['n_roll_calls'].min():.0%}."
        )
    if partial:
        items = "; ".join(
            f"{yr}: {escape_plain(y.loc[yr, 'coverage']).split(';')[0].split(' (')[0].removeprefix('partial: ')}"
            for yr in partial
            if yr in y.index
        )
        out.append(f"Partial years (hollow markers, hatched bars): {items}.")
    missing = [
        f"{int(yr)} ({int(r.n_annual_missing)})"
        for yr, r in y.iterrows()
        if yr >= (eq.index.min() if len(eq) else 0)
        and pd.notna(r.n_annual_missing)
        and r.n_annual_missing >= 3
    ]
    if missing:
        out.append(
            "Recurring annual resolutions not found in the sources (how many, by year): "
            + ", ".join(missing)
            + "."
        )
    differ = [
        f"{int(yr)} ({int(eq.loc[yr, 'n_roll_calls'])} here, {int(y.loc[yr, 'n_roll_calls'])} there)"
        for yr in eq.index
        if yr in y.index and int(eq.loc[yr, "n_roll_calls"]) != int(y.loc[yr, "n_roll_calls"])
    ]
    if differ:
        out.append(
            "The region file gap-fills some roll calls, so its counts can differ from data/unga_israel_by_year.csv: "
            + ", ".join(differ)
            + "."
        )
    absent = tables["unga_region"]
    gone = absent[(absent["kind"] == "member") & (absent["n_absent"] == absent["n_roll_calls"])]
    if len(gone):
        out.append(
            "Left out of a year's quartiles where every vote is absent or missing: "
            + ", ".join(f"{r.country} {int(r.year)}" for r in gone.itertuples())
            + "."
        )
    return out


def escape_plain(s: object) -> str:
    """A cell as plain text for the static footnote (matplotlib draws it literally; math is off)."""
    return "" if s is None or (not isinstance(s, str) and pd.isna(s)) else str(s)


# ---------------------------------------------------------------------------------------------------------
# Plotly
# ---------------------------------------------------------------------------------------------------------


def _hover(tables: dict[str, pd.DataFrame], iso: str, name: str, partial: list[int]) -> list[str]:
    d = country_years(tables, iso)
    return [
        f"<b>{escape_text(name)}</b>, {int(yr)}{' (partial year)' if int(yr) in partial else ''}<br>"
        f"agreement with Israel {_share(r.agree_isr)} · abstention share {_share(r.abstain_share)}<br>"
        f"{escape_text(f'{int(r.n_yes)} yes, {int(r.n_no)} no, {int(r.n_abstain)} abstain, {int(r.n_absent)} absent')}"
        f" of {int(r.n_roll_calls)} roll calls"
        for yr, r in d.iterrows()
    ]


def interactive(tables: dict[str, pd.DataFrame], spec: FigureSpec, manifest: pd.DataFrame) -> go.Figure:
    x0, x1 = _range(tables)
    partial = partial_years(tables)
    fig = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.07,
        row_heights=[0.45, 0.4, 0.15],
        subplot_titles=[
            "(a) Agreement with Israel (abstention counts ½), per year",
            "(b) Abstention share of the votes cast, per year",
            "(c) Roll calls per year (hatched: partial year)",
        ],
    )
    _p_titles(fig)
    ov = _Overlay(fig)
    _p_bands(ov, x0, x1, range(1, 4))
    q1, med, q3 = (country_years(tables, k) for k in ("LAC_Q1", "LAC_MEDIAN", "LAC_Q3"))
    eq = country_years(tables, ECUADOR)
    for row, col in ((1, "agree_isr"), (2, "abstain_share")):
        first = row == 1
        fig.add_trace(
            go.Scatter(
                x=_x(q1.index) + _x(q3.index)[::-1],
                y=list(q1[col]) + list(q3[col])[::-1],
                fill="toself",
                fillcolor=BAND_COLOUR,
                line={"width": 0},
                mode="lines",
                name=escape_text(f"region, middle half ({_region_size(tables)})"),
                legendgroup="band",
                showlegend=first,
                hoverinfo="skip",
            ),
            row=row,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=_x(med.index),
                y=med[col],
                mode="lines",
                line={"color": BLACK, "width": 1.5, "dash": "dash"},
                name="region median",
                legendgroup="median",
                showlegend=first,
                hovertext=[
                    f"region median {int(yr)}: {_share(v)} (quartiles {_share(a)} to {_share(b)})"
                    for yr, v, a, b in zip(med.index, med[col], q1[col], q3[col], strict=True)
                ],
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )
        for iso, name in PEERS.items():
            p = country_years(tables, iso)
            fig.add_trace(
                go.Scatter(
                    x=_x(p.index),
                    y=p[col],
                    mode="lines",
                    line={"color": LIGHT, "width": 1},
                    name=escape_text(name),
                    legendgroup=iso,
                    showlegend=first,
                    hovertext=_hover(tables, iso, name, partial),
                    hoverinfo="text",
                ),
                row=row,
                col=1,
            )
        fig.add_trace(
            go.Scatter(
                x=_x(eq.index),
                y=eq[col],
                mode="lines+markers",
                line={"color": BLUE, "width": 3},
                marker={
                    "size": 8,
                    "color": ["white" if int(y) in partial else BLUE for y in eq.index],
                    "line": {"color": BLUE, "width": 2},
                },
                name="Ecuador (hollow: partial year)",
                legendgroup="ecu",
                showlegend=first,
                hovertext=_hover(tables, ECUADOR, "Ecuador", partial),
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )
        fig.update_yaxes(range=[-0.03, 1.03], title_text=MEASURES[col].split("\n")[0], row=row, col=1)
    fig.add_trace(
        go.Bar(
            x=_x(eq.index),
            y=eq["n_roll_calls"],
            width=0.7,
            marker={
                "color": ["white" if int(y) in partial else LIGHT for y in eq.index],
                "line": {"color": GREY, "width": 1},
                "pattern": {"shape": ["/" if int(y) in partial else "" for y in eq.index]},
            },
            text=[str(int(n)) for n in eq["n_roll_calls"]],
            textposition="outside",
            name="roll calls per year",
            showlegend=False,
            hovertext=[
                f"{int(y)}: {int(n)} roll calls{' (partial year)' if int(y) in partial else ''}"
                for y, n in zip(eq.index, eq["n_roll_calls"], strict=True)
            ],
            hoverinfo="text",
        ),
        row=3,
        col=1,
    )
    fig.update_yaxes(title_text="roll calls", range=[0, float(eq["n_roll_calls"].max()) * 1.5], row=3, col=1)
    _p_year_axes(fig, x0, x1)
    return _plotly_layout(fig, spec, 760, spec.notes(tables) if spec.notes else (), legend_rows=2, overlay=ov)
