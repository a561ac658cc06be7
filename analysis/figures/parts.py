"""What two or more figures draw alike, for static (matplotlib) and interactive (plotly) versions.

The data the figures are drawn from (events on a decimal-year axis, administration bands, the time range);
matplotlib pieces (shaded administrations, year axes, event tracks and their labels, the stance panel of
``shifts`` and ``external``, the SIPRI TIV bars of ``external`` and ``arms_track``); and their plotly
counterparts with :class:`_Overlay`, the house layout :func:`_plotly_layout` and each event's hover text.

A helper that only one figure uses lives in that figure's module instead. This module imports
:mod:`.style` only: no figure module, not the registry.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MultipleLocator
from matplotlib.transforms import Transform

from analysis.common.administrations import Administration, administrations, interval
from analysis.common.paths import DATA
from analysis.figures.style import (
    BAND,
    BLACK,
    BLUE,
    LIGHT,
    OKABE_ITO,
    VERMILLION,
    FigureSpec,
    _amount_label,
    _minus,
    _s,
    _wrap_html,
    escape_text,
    footnote,
    safe_url,
)

Row = Any  # a row of DataFrame.itertuples(): a namedtuple with the frame's columns

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STATUS_MARKER = {"happened": "o", "announced": "D", "planned": "s", "cancelled": "X"}

DYAD = frozenset({"ECU", "ISR"})

TIV_LABEL = "SIPRI TIV (volume index, not US$)"


# ---------------------------------------------------------------------------------------------------------
# Data the figures are drawn from
# ---------------------------------------------------------------------------------------------------------


def _dec(d: date) -> float:
    """A day as a decimal year."""
    start = date(d.year, 1, 1)
    days = (date(d.year + 1, 1, 1) - start).days
    return d.year + (d - start).days / days


def _span(when: object, precision: object) -> tuple[float, float, float] | None:
    """(middle, first, last) of a truncated ISO date as decimal years; None when undated."""
    when, precision = _s(when), _s(precision)
    if not when or precision in ("", "unknown"):
        return None
    lo, hi = interval(when, precision)
    a, b = _dec(lo), _dec(hi + timedelta(days=1))
    return (a + b) / 2, a, b


def date_label(when: object, precision: object) -> str:
    when, precision = _s(when), _s(precision)
    if not when or precision in ("", "unknown"):
        return "undated"
    if precision == "day":
        d = date.fromisoformat(when[:10])
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if precision == "month":
        return f"{_MONTHS[int(when[5:7]) - 1]} {when[:4]}"
    if precision == "decade":
        lo, hi = interval(when, precision)
        return f"{lo.year}–{hi.year}"
    return when[:4]


def type_label(event_type: object) -> str:
    return _s(event_type).replace("_", " ")


def _events(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Reconciled events with decimal-year positions and a flag for the Ecuador–Israel dyad."""
    ev = tables["events"].copy()
    spans = [_span(w, p) for w, p in zip(ev["date"], ev["date_precision"], strict=True)]
    ev["x"] = [s[0] if s else np.nan for s in spans]
    ev["x_lo"] = [s[1] if s else np.nan for s in spans]
    ev["x_hi"] = [s[2] if s else np.nan for s in spans]
    ev["dyad"] = [{_s(a), _s(t)} == DYAD for a, t in zip(ev["actor"], ev["target"], strict=True)]
    ev["when"] = [date_label(w, p) for w, p in zip(ev["date"], ev["date_precision"], strict=True)]
    ev["pair"] = [f"{_s(a)}→{_s(t)}" for a, t in zip(ev["actor"], ev["target"], strict=True)]
    ev["jerusalem"] = [_s(v).lower() == "true" for v in ev["in_jerusalem"]]
    kinds = ev["evidence"] if "evidence" in ev else pd.Series(["text"] * len(ev), index=ev.index)
    ev["cited"] = [("cited" in _s(k)) for k in kinds]
    return ev


@dataclass(frozen=True)
class Band:
    president: str
    short: str
    name: str
    start: float
    end: float  # decimal year; may lie beyond the axis
    start_year: int
    end_year: int


def _bands() -> list[Band]:
    out = []
    for a in administrations():
        out.append(
            Band(
                a.president,
                a.name.split()[-1],
                a.name,
                _dec(a.start),
                _dec(a.end),
                a.start.year,
                a.end.year,
            )
        )
    return out


def _admin_lookup() -> dict[str, Administration]:
    return {a.president: a for a in administrations()}


def _xrange(tables: dict[str, pd.DataFrame]) -> tuple[float, float]:
    """2006 to the end of the latest year any table reaches."""
    years: list[int] = []
    ev = tables["events"]
    years += [int(y) for y in ev["year"].dropna()]
    years += [int(y) for y in tables["stance_yearly"]["year"].dropna()]
    for name, col in (("unga_agreement_by_session", "session_year"), ("arms_by_supplier", "year")):
        if name in tables and len(tables[name]):
            years.append(int(tables[name][col].max()))
    return 2006.0, float(max([2007, *years]) + 1)


def _band_label(b: Band, x1: float) -> str:
    return f"{b.short}\n{b.start_year}–" if b.end > x1 else f"{b.short}\n{b.start_year}–{str(b.end_year)[2:]}"


@lru_cache(maxsize=1)
def _codebook_order() -> tuple[tuple[str, str], ...]:
    """(event_type, component) in the codebook's order; empty when the codebook is not there."""
    path = DATA / "codebook.csv"
    if not path.exists():
        return ()
    cb = pd.read_csv(path, dtype=str, keep_default_na=False)
    return tuple(zip(cb["event_type"], cb["component"], strict=True))


def _type_order(types: Iterable[str]) -> list[str]:
    present = list(dict.fromkeys(types))
    order = [t for t, _ in _codebook_order() if t in present]
    return order + sorted(t for t in present if t not in order)


def _ci_percent() -> str:
    try:
        from analysis.coding.stance import load_params

        return f"{load_params()['ci_level']:.0%}"
    except Exception:  # the level only labels the legend
        return "bootstrap"


def _label_ranges() -> pd.DataFrame:
    path = DATA / "stance_labels.csv"
    if not path.exists():
        return pd.DataFrame(columns=["label", "min", "max"])
    return pd.read_csv(path)


def _admin_years(a: Administration, x1: float) -> str:
    """'2007–2017', or '2023–' for a term that runs past the data."""
    return f"{a.start.year}–" if _dec(a.end) > x1 else f"{a.start.year}–{a.end.year}"


def _track_text(r: Row, kind: str) -> str:
    if kind == "arms":
        amt = _amount_label(r.amount_usd) if pd.notna(r.amount_usd) else "amount not reported"
        return f"{r.when}: {amt}"
    if kind == "visits":
        extra = "cancelled" if r.status == "cancelled" else r.pair
        return f"{r.when}, {extra}"
    if kind == "offices":
        place = "Jerusalem" if r.jerusalem else (_s(r.location) or "place not stated")
        return f"{r.when}, {place}"
    return f"{type_label(r.event_type)}, {r.when}"


# ---------------------------------------------------------------------------------------------------------
# Matplotlib
# ---------------------------------------------------------------------------------------------------------


def _shade_bands(ax: Axes, x0: float, x1: float, labels: bool = False, y: float = 1.0) -> None:
    for i, b in enumerate(_bands()):
        a, e = max(b.start, x0), min(b.end, x1)
        if e <= a:
            continue
        ax.axvspan(a, e, color=BAND[i % 2], zorder=0, lw=0)
        ax.axvline(b.start, color="white", lw=0.8, zorder=0.5) if b.start > x0 else None
        if labels:
            ax.text(
                (a + e) / 2,
                y,
                _band_label(b, x1),
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="bottom",
                fontsize=7,
                color="#333333",
                linespacing=1.1,
            )


def _year_axis(ax: Axes, x0: float, x1: float) -> None:
    ax.set_xlim(x0, x1)
    span = x1 - x0
    ax.xaxis.set_major_locator(MultipleLocator(2 if span <= 30 else 10))
    ax.xaxis.set_minor_locator(MultipleLocator(1 if span <= 30 else 5))
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0f}")


def _track_axes(ax: Axes, name: str) -> None:
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.axhline(0.5, color=LIGHT, lw=0.6, zorder=1)
    ax.set_ylabel(name, rotation=0, ha="right", va="center", fontsize=7.5, labelpad=6)


_CHAR_IN = 0.052  # mean glyph width of 6.5 pt DejaVu Sans, in inches
_AXES_IN = 5.5  # width of a time axis in a 7-inch figure


def _place_labels(items: list[tuple[float, str]], x0: float, x1: float) -> list[tuple[float, int]]:
    """(centre, side) per label, in x order: above the track (+1) unless that overlaps a neighbour's label,
    then below (-1); labels are kept inside the axis."""
    per_in = (x1 - x0) / _AXES_IN
    placed: dict[int, list[tuple[float, float]]] = {1: [], -1: []}
    out = []
    for x, text in items:
        w = max(len(line) for line in text.split("\n")) * _CHAR_IN * per_in + 0.3
        cx = min(max(x, x0 + w / 2), x1 - w / 2)
        best: tuple[float, int] | None = None
        for side in (1, -1):
            overlap = sum(max(0.0, min(cx + w / 2, b) - max(cx - w / 2, a)) for a, b in placed[side])
            if best is None or overlap < best[0]:
                best = (overlap, side)
            if overlap == 0:
                break
        assert best is not None
        placed[best[1]].append((cx - w / 2, cx + w / 2))
        out.append((cx, best[1]))
    return out


def _track_label(ax: Axes, x: float, side: int, text: str, colour: str = "#222222") -> None:
    ax.text(
        x,
        0.5 + side * 0.2,
        text,
        ha="center",
        va="bottom" if side > 0 else "top",
        fontsize=6.5,
        color=colour,
        clip_on=False,
        zorder=5,
    )


def _empty_note(
    ax: Axes, text: str, x: float = 0.5, y: float = 0.5, transform: Transform | None = None
) -> None:
    ax.text(
        x,
        y,
        text,
        transform=transform or ax.transAxes,
        ha="center",
        va="center",
        fontsize=7,
        color="#555555",
        style="italic",
        zorder=6,
    )


def _draw_stance(
    ax: Axes, tables: dict[str, pd.DataFrame], x0: float, x1: float, annotate: bool = True
) -> list:
    st, sy = tables["stance"], tables["stance_yearly"]
    lookup = _admin_lookup()
    lo_all = [0.0]
    hi_all = [0.0]
    for r in st.itertuples():
        a = lookup.get(r.administration)
        if a is None:
            continue
        s, e = max(_dec(a.start), x0), min(_dec(a.end), x1)
        if pd.isna(r.score):
            _empty_note(ax, "no coded\nevents", (s + e) / 2, 0.5, ax.get_xaxis_transform())
            continue
        colour = BLUE if r.score >= 0 else VERMILLION
        ax.add_patch(
            Rectangle(
                (s, r.ci_low), e - s, r.ci_high - r.ci_low, facecolor=colour, alpha=0.16, lw=0, zorder=1
            )
        )
        ax.hlines(r.score, s, e, color=colour, lw=2, ls="-" if r.score >= 0 else (0, (4, 1.5)), zorder=3)
        lo_all.append(r.ci_low)
        hi_all.append(r.ci_high)
        if annotate:
            ax.text(
                s + 0.12,
                r.ci_high if r.score >= 0 else r.ci_low,
                f"{r.label} {_minus(r.score)}\n[{_minus(r.ci_low)}, {_minus(r.ci_high)}]",
                ha="left",
                va="bottom" if r.score >= 0 else "top",
                fontsize=6.8,
                color=colour,
                linespacing=1.05,
                zorder=4,
            )
    yerr = np.vstack([sy["score"] - sy["ci_low"], sy["ci_high"] - sy["score"]]) if len(sy) else None
    h = ax.errorbar(
        sy["year"] + 0.5,
        sy["score"],
        yerr=yerr,
        fmt="o",
        ms=3.8,
        color=BLACK,
        mfc="white",
        mew=1.0,
        lw=0.8,
        capsize=2,
        zorder=5,
    )
    lo_all += list(sy["ci_low"].dropna())
    hi_all += list(sy["ci_high"].dropna())
    ax.axhline(0, color="#555555", lw=0.6, zorder=2)
    pad = 2.2 if annotate else 1.0
    ax.set_ylim(min(lo_all) - pad, max(hi_all) + pad)
    return [h]


def _tiv_frame(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    s = tables["arms_by_supplier"]
    wide = s.pivot_table(
        index="year", columns="supplier", values="tiv_ordered", aggfunc="sum", fill_value=0.0
    )
    israel = wide["Israel"] if "Israel" in wide else pd.Series(0.0, index=wide.index)
    others = wide.drop(columns=["Israel"], errors="ignore").sum(axis=1)
    out = pd.DataFrame({"israel": israel, "others": others})
    iy = tables["arms_israel_by_year"].set_index("year")
    out["n_israel"] = iy["n_orders_israel"].reindex(out.index).fillna(0).astype(int)
    out["n_israel_tiv0"] = iy["n_orders_israel_tiv_zero"].reindex(out.index).fillna(0).astype(int)
    return out


def _tiv_legend(ax: Axes, israel: str, others: str, zero: str) -> None:
    """The legend of a SIPRI TIV bar panel: Israel hatched, other suppliers grey, TIV-0 orders as triangles."""
    ax.legend(
        handles=[
            Patch(facecolor=VERMILLION, hatch="////", edgecolor="white", label=israel),
            Patch(color=LIGHT, label=others),
            Line2D([], [], marker="^", mfc="white", color=VERMILLION, ls="", label=zero),
        ],
        loc="upper left",
        ncol=3,
    )


def _draw_tiv(ax: Axes, tables: dict[str, pd.DataFrame], x0: float, x1: float, label_israel: bool) -> None:
    """Stacked bars of orders by order year: Israel (hatched) beneath all other suppliers."""
    t = _tiv_frame(tables)
    t = t[(t.index + 1 > x0) & (t.index < x1)]
    xs = t.index + 0.5
    ax.bar(xs, t["israel"], width=0.8, color=VERMILLION, hatch="////", edgecolor="white", lw=0, zorder=3)
    ax.bar(xs, t["others"], bottom=t["israel"], width=0.8, color=LIGHT, lw=0, zorder=3)
    top = float((t["israel"] + t["others"]).max()) if len(t) else 0.0
    top = top if top > 0 else 1.0
    for year, israel, others, n, n0 in zip(
        t.index, t["israel"], t["others"], t["n_israel"], t["n_israel_tiv0"], strict=True
    ):
        if n > 0 and label_israel:
            txt = f"Israel: {int(n)} order{'s' if n > 1 else ''},\nTIV {israel:g}"
            ax.annotate(
                txt,
                xy=(year + 0.5, max(israel, top * 0.02)),
                xytext=(year + 0.5, israel + others + top * 0.12),
                ha="center",
                va="bottom",
                fontsize=6.2,
                color=VERMILLION,
                zorder=5,
                arrowprops={"arrowstyle": "-", "color": VERMILLION, "lw": 0.6, "shrinkA": 1, "shrinkB": 0},
            )
        if n0 > 0:
            ax.scatter(
                year + 0.5,
                top * 0.035,
                marker="^",
                s=26,
                facecolor="white",
                edgecolor=VERMILLION,
                lw=1,
                zorder=5,
            )
    last = int(tables["arms_by_supplier"]["year"].max()) if len(tables["arms_by_supplier"]) else None
    if last is not None and last + 1 < x1:
        ax.axvspan(last + 1, x1, facecolor="none", edgecolor=LIGHT, hatch="////", lw=0, zorder=0.8)
        ax.text(
            (last + 1 + x1) / 2,
            0.45,
            f"no register\ndata after\n{last}",
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="center",
            fontsize=6.3,
            style="italic",
            color="#333333",
            zorder=6,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
        )
    ax.set_ylim(0, top * 1.6)
    ax.set_ylabel("orders, SIPRI TIV\n(volume index,\nnot US$)", fontsize=7)


# ---------------------------------------------------------------------------------------------------------
# Plotly
# ---------------------------------------------------------------------------------------------------------


class _Overlay:
    """A plotly figure's shapes and annotations, gathered as plain dicts and handed to the figure at once.

    plotly's ``add_vrect``/``add_shape``/``add_annotation`` validate and copy every shape or annotation
    already on the figure at each call, so adding them one by one is quadratic and took most of the time
    of the interactive figures. These helpers write the same dicts those calls made (a ``row``/``col``
    of a ``make_subplots`` grid with ``cols`` columns names its axes, numbered row by row from 1; a
    rectangle or line spanning a subplot refers to its axis's ``domain``) and :meth:`apply` sets them.
    The first shape (annotation) of a figure goes in at once, as ``add_shape`` would put it, so that the
    layout's keys keep their order and the figure's JSON stays the same.
    """

    def __init__(self, fig: go.Figure, cols: int = 1) -> None:
        self.fig = fig
        self.cols = cols
        self.pending: dict[str, list[dict]] = {"shapes": [], "annotations": []}

    def _put(self, kind: str, item: dict) -> None:
        if not self.fig.layout[kind] and not self.pending[kind]:
            self.fig.layout[kind] = (item,)
        else:
            self.pending[kind].append(item)

    def axes(self, row: int, col: int = 1) -> tuple[str, str]:
        """The (xref, yref) of a subplot: "x"/"y" for the first, "x2"/"y2" for the second and so on."""
        n = (row - 1) * self.cols + col
        return f"x{'' if n == 1 else n}", f"y{'' if n == 1 else n}"

    def vrect(self, x0: float, x1: float, row: int = 1, col: int = 1, **style: Any) -> None:
        """A band from x0 to x1 over the subplot's full height (as ``add_vrect``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "rect", "x0": x0, "x1": x1, "y0": 0, "y1": 1, "xref": x, "yref": f"{y} domain", **style},
        )

    def hrect(self, y0: float, y1: float, row: int = 1, col: int = 1, **style: Any) -> None:
        """A band from y0 to y1 over the subplot's full width (as ``add_hrect``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "rect", "x0": 0, "x1": 1, "y0": y0, "y1": y1, "xref": f"{x} domain", "yref": y, **style},
        )

    def vline(self, x0: float, row: int = 1, col: int = 1, **style: Any) -> None:
        """A vertical line over the subplot's full height (as ``add_vline``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "line", "x0": x0, "x1": x0, "y0": 0, "y1": 1, "xref": x, "yref": f"{y} domain", **style},
        )

    def hline(self, y0: float, row: int = 1, col: int = 1, **style: Any) -> None:
        """A horizontal line over the subplot's full width (as ``add_hline``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "line", "x0": 0, "x1": 1, "y0": y0, "y1": y0, "xref": f"{x} domain", "yref": y, **style},
        )

    def note(self, row: int | None = None, col: int = 1, **annotation: Any) -> None:
        """An annotation; with ``row`` in that subplot's data coordinates (as ``add_annotation(row=...)``)."""
        if row is not None:
            x, y = self.axes(row, col)
            annotation = {"xref": x, "yref": y, **annotation}
        self._put("annotations", annotation)

    def apply(self) -> None:
        """Append what is pending to the figure's shapes and annotations, one assignment each."""
        for kind, items in self.pending.items():
            if items:
                self.fig.layout[kind] = (*self.fig.layout[kind], *items)
            items.clear()


def _plotly_layout(
    fig: go.Figure,
    spec: FigureSpec,
    height: int,
    notes: Iterable[str] = (),
    legend_rows: int = 1,
    axis_px: int = 40,
    overlay: _Overlay | None = None,
) -> go.Figure:
    """House layout: the plot area is ``height`` px; below it the x labels (``axis_px``), the legend
    (``legend_rows`` rows) and the source footnote, each in its own strip so that none overlaps.
    The figure's ``overlay`` (shapes and annotations) is set here, the footnote last."""
    foot = [footnote(spec), *notes]
    foot_html = "<br>".join(
        "<br>".join(escape_text(x) for x in textwrap.wrap(p, 150, break_on_hyphens=False)) for p in foot
    )
    n_lines = foot_html.count("<br>") + 1
    legend_px = 24 * legend_rows + (8 if legend_rows else 0)
    bottom = axis_px + legend_px + 16 * n_lines + 12
    fig.update_layout(
        template="simple_white",
        title={"text": escape_text(spec.title), "x": 0.01, "xanchor": "left", "font": {"size": 16}},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 12, "color": "#222222"},
        colorway=OKABE_ITO,
        height=height + bottom + 100,
        margin={"l": 90, "r": 40, "t": 100, "b": bottom},
        hoverlabel={"align": "left", "font": {"size": 12}, "bgcolor": "white"},
        hovermode="closest",
        showlegend=legend_rows > 0,
        legend={
            "orientation": "h",
            "yanchor": "top",
            "y": -axis_px / height,
            "x": 0,
            "xanchor": "left",
            "font": {"size": 11},
        },
    )
    overlay = _Overlay(fig) if overlay is None else overlay
    overlay.note(
        text=foot_html,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-bottom + 6,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        font={"size": 10, "color": "#444444"},
    )
    overlay.apply()
    return fig


def _p_bands(ov: _Overlay, x0: float, x1: float, rows: Iterable[int], label_row: int | None = 1) -> None:
    for i, b in enumerate(_bands()):
        a, e = max(b.start, x0), min(b.end, x1)
        if e <= a:
            continue
        for r in rows:
            ov.vrect(a, e, r, fillcolor=BAND[i % 2], line={"width": 0}, layer="below")
        if label_row is not None:
            x, y = ov.axes(label_row)
            ov.note(
                x=(a + e) / 2,
                y=1.0,
                xref=x,
                yref=f"{y} domain",
                text=escape_text(_band_label(b, x1).replace("\n", " ")),
                showarrow=False,
                yanchor="bottom",
                font={"size": 11, "color": "#333333"},
            )


def _p_track_labels(ov: _Overlay, row: int, items: list[tuple[float, str]], x0: float, x1: float) -> None:
    """Labels beside track markers, above or below so that neighbours do not overlap (escaped here)."""
    for (_x, text), (cx, side) in zip(items, _place_labels(items, x0, x1), strict=True):
        ov.note(
            x=cx,
            y=0.5 + side * 0.18,
            text="<br>".join(escape_text(line) for line in text.split("\n")),
            showarrow=False,
            yanchor="bottom" if side > 0 else "top",
            font={"size": 10, "color": "#222222"},
            row=row,
        )


def _p_titles(fig: go.Figure) -> None:
    """Subplot titles left-aligned and lifted above the administration labels."""
    for ann in fig.layout.annotations:
        ann.update(x=0, xanchor="left", yshift=18, font={"size": 13})


def _p_year_axes(fig: go.Figure, x0: float, x1: float) -> None:
    fig.update_xaxes(range=[x0, x1], dtick=2 if x1 - x0 <= 30 else 10, tickformat="d", showgrid=False)


def _sources_by_event(tables: dict[str, pd.DataFrame], manifest: pd.DataFrame) -> dict[str, list[dict]]:
    man = {_s(r.doc_id): r for r in manifest.itertuples()} if len(manifest) else {}
    out: dict[str, list[dict]] = {}
    for r in tables["event_sources"].itertuples():
        m = man.get(_s(r.doc_id))
        cited = _s(getattr(r, "evidence", "")) == "cited"
        out.setdefault(_s(r.event_id), []).append(
            {
                "doc_id": _s(r.doc_id),
                "outlet": _s(r.outlet) or _s(getattr(m, "outlet", "")),
                "title": _s(getattr(m, "title", "")),
                "url": safe_url(getattr(r, "source_url", "") if cited else getattr(m, "url", "")),
                "status": _s(r.status),
                "date": date_label(r.date, r.date_precision),
                "quote": _s(r.quote),
                "cited": cited,
                "summary": _s(getattr(r, "summary", "")),
                "locator": _s(getattr(r, "locator", "")),
            }
        )
    for items in out.values():  # quotes first, then cited reports: each kind in table order
        items.sort(key=lambda x: x["cited"])
    return out


def _event_hover(r: Row, sources: list[dict], max_sources: int = 4) -> tuple[str, str]:
    """(hover HTML, escaped URL of the first linked article). Every piece of data is escaped."""
    admin = _admin_lookup().get(_s(r.administration))
    lines = [
        f"<b>{escape_text(type_label(r.event_type))}</b> · {escape_text(r.pair)}",
        f"date: {escape_text(r.when)} ({escape_text(r.date_precision)}) · status: {escape_text(r.status)}",
        f"administration: {escape_text(admin.name if admin else (_s(r.administration) or 'undated'))}",
    ]
    if pd.notna(getattr(r, "amount_usd", np.nan)):
        lines.append(f"amount: {escape_text(_amount_label(r.amount_usd))} (as reported)")
    url = ""
    for s in sources[:max_sources]:
        lines.append("")
        kind = "cited chronology, " if s.get("cited") else ""
        lines.append(
            f"<b>{escape_text(s['outlet'])}</b> ({escape_text(kind + s['status'])}, {escape_text(s['date'])}):"
        )
        if s.get("cited"):
            lines.append(_wrap_html(s["summary"], 80, 420) + f" ({escape_text(s['locator'])})")
        else:
            lines.append("“" + _wrap_html(s["quote"], 80, 420) + "”")
        if s["url"]:
            lines.append(f"{'source' if s.get('cited') else 'article'}: {escape_text(s['url'])}")
            url = url or escape_text(s["url"])
        elif s["title"]:
            lines.append(f"article: {_wrap_html(s['title'], 80, 160)} (no URL in the manifest)")
    if len(sources) > max_sources:
        lines.append(f"… and {len(sources) - max_sources} more source(s)")
    if url:
        lines.append("<i>click the marker to open the first linked source</i>")
    return "<br>".join(lines), url


def _event_points(d: pd.DataFrame, srcs: dict[str, list[dict]]) -> tuple[list[str], list[str]]:
    hov, urls = [], []
    for r in d.itertuples():
        h, u = _event_hover(r, srcs.get(r.event_id, []))
        hov.append(h)
        urls.append(u)
    return hov, urls


def _p_stance(
    fig: go.Figure, ov: _Overlay, tables: dict[str, pd.DataFrame], x0: float, x1: float, row: int
) -> None:
    lookup = _admin_lookup()
    ci = _ci_percent()
    scored = tables["stance"]["score"].notna()
    first_shown = scored.idxmax() if scored.any() else None
    for r in tables["stance"].itertuples():
        a = lookup.get(r.administration)
        if a is None:
            continue
        s, e = max(_dec(a.start), x0), min(_dec(a.end), x1)
        if pd.isna(r.score):
            ov.note(
                x=(s + e) / 2,
                y=0,
                text="no coded events",
                showarrow=False,
                row=row,
                font={"size": 11, "color": "#555555"},
            )
            continue
        colour = BLUE if r.score >= 0 else VERMILLION
        hover = (
            f"<b>{escape_text(a.name)}</b> ({escape_text(_admin_years(a, x1))})<br>"
            f"score {escape_text(_minus(r.score, '+.2f'))} [{escape_text(_minus(r.ci_low, '+.2f'))}, "
            f"{escape_text(_minus(r.ci_high, '+.2f'))}] {escape_text(r.label)}<br>"
            f"{int(r.n_events)} events from {int(r.n_sources)} sources"
        )
        fig.add_trace(
            go.Scatter(
                x=[s, e, e, s, s],
                y=[r.ci_low, r.ci_low, r.ci_high, r.ci_high, r.ci_low],
                fill="toself",
                fillcolor=colour,
                opacity=0.18,
                line={"width": 0},
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
            ),
            row=row,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                x=[s, e],
                y=[r.score, r.score],
                mode="lines",
                line={"color": colour, "width": 3, "dash": "solid" if r.score >= 0 else "dash"},
                name=f"administration: mean (line), {ci} interval (band)",
                legendgroup="admin",
                showlegend=r.Index == first_shown,
                hovertext=[hover, hover],
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )
        ov.note(  # the label with its interval, as in the static figure
            x=s + 0.12,
            y=r.ci_high if r.score >= 0 else r.ci_low,
            text=escape_text(f"{r.label} {_minus(r.score)}")
            + "<br>"
            + escape_text(f"[{_minus(r.ci_low)}, {_minus(r.ci_high)}]"),
            showarrow=False,
            xanchor="left",
            yanchor="bottom" if r.score >= 0 else "top",
            align="left",
            font={"size": 10, "color": colour},
            row=row,
        )
    sy = tables["stance_yearly"]
    if len(sy):
        hov = [
            f"<b>{int(r.year)}</b> ({escape_text(r.administration)})<br>score {escape_text(_minus(r.score, '+.2f'))} "
            f"[{escape_text(_minus(r.ci_low, '+.2f'))}, {escape_text(_minus(r.ci_high, '+.2f'))}] "
            f"{escape_text(r.label)}<br>{int(r.n_events)} events from {int(r.n_sources)} articles"
            for r in sy.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=sy["year"] + 0.5,
                y=sy["score"],
                mode="markers",
                marker={"symbol": "circle-open", "size": 8, "color": BLACK, "line": {"width": 2}},
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": sy["ci_high"] - sy["score"],
                    "arrayminus": sy["score"] - sy["ci_low"],
                    "color": BLACK,
                    "thickness": 1,
                },
                name=f"calendar year: mean, {ci} interval",
                hovertext=hov,
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )
    ov.hline(0, row, line={"color": "#555555", "width": 1})


def _p_tiv(
    fig: go.Figure,
    ov: _Overlay,
    tables: dict[str, pd.DataFrame],
    x0: float,
    x1: float,
    row: int,
    prefix: str = "",
) -> None:
    """Stacked SIPRI order bars (Israel hatched beneath all other suppliers) and TIV-0 Israeli orders."""
    t = _tiv_frame(tables)
    t = t[(t.index + 1 > x0) & (t.index < x1)]
    hov = [
        escape_text(
            f"{int(y)}: Israel TIV {israel:g} ({int(n)} order(s), {int(n0)} with TIV 0); "
            f"all other suppliers TIV {others:g}"
        )
        for y, israel, others, n, n0 in zip(
            t.index, t["israel"], t["others"], t["n_israel"], t["n_israel_tiv0"], strict=True
        )
    ]
    for col, name, marker in (
        ("israel", "from Israel", {"color": VERMILLION, "pattern": {"shape": "/"}}),
        ("others", "from all other suppliers", {"color": LIGHT}),
    ):
        fig.add_trace(
            go.Bar(
                x=t.index + 0.5,
                y=t[col],
                name=prefix + name,
                width=0.8,
                marker=marker,
                hovertext=hov,
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )
    z = t[t["n_israel_tiv0"] > 0]
    if len(z):
        fig.add_trace(
            go.Scatter(
                x=z.index + 0.5,
                y=[0] * len(z),
                mode="markers",
                name=prefix + "order from Israel with TIV 0",
                marker={"symbol": "triangle-up-open", "size": 11, "color": VERMILLION},
                hovertext=[
                    escape_text(f"{int(y)}: {int(n)} Israeli order(s) with TIV 0 (SIPRI lists no quantity)")
                    for y, n in zip(z.index, z["n_israel_tiv0"], strict=True)
                ],
                hoverinfo="text",
            ),
            row=row,
            col=1,
        )
    fig.update_layout(barmode="stack")
    last = int(tables["arms_by_supplier"]["year"].max()) if len(tables["arms_by_supplier"]) else None
    if last is not None and last + 1 < x1:
        ov.vrect(last + 1, x1, row, fillcolor="#DDDDDD", opacity=0.5, line={"width": 0})
        xref, yref = ov.axes(row)
        ov.note(
            x=(last + 1 + x1) / 2,
            y=0.5,
            yref=f"{yref} domain",
            xref=xref,
            text=f"<i>no data<br>after {last}</i>",
            showarrow=False,
            bgcolor="white",
            font={"size": 11},
        )
