"""Every figure of the suite, static (matplotlib: PNG, SVG, PDF) and interactive (plotly: offline HTML).

Figures are drawn from the build's tables only (``render_all(tables, out_dir)``); no number is typed into
the plotting code. ``render_all`` renders everything in memory and returns ``{path: bytes}``; the build
writes the files all-or-nothing. The same tables give byte-identical files in every format.

Article text (quotes, titles, outlets) is data, never markup: everything that reaches plotly passes
through :func:`escape_text`, so a quote holding ``<script>`` shows as those characters in a hover label.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re
import struct
import textwrap
import zlib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from matplotlib.backends import backend_pdf, backend_svg  # noqa: F401 (loaded before render_all forks)
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MultipleLocator
from plotly.subplots import make_subplots

from analysis.common.administrations import BACKGROUND, Administration, administrations, interval
from analysis.common.paths import DATA, SEEDS

__all__ = [
    "FIGURES",
    "FigureSpec",
    "alt_text",
    "caption",
    "escape_text",
    "interactive_figure",
    "load_manifest",
    "render_all",
    "safe_url",
    "static_figure",
]

STYLE = "analysis.figures.house"
FORMATS = ("png", "svg", "pdf", "html")
PLOTLY_JS = "plotly.min.js"
PNG_DPI = 300
WIDTH_IN = 7.0
COMMAND = "`alignment build` (all outputs) or `alignment figures` (figures only)"

# Okabe–Ito (the same hex values as analysis/house.mplstyle, for plotly too)
BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#8C8C8C"
LIGHT = "#BDBDBD"
BAND = ("#EBEBEB", "#F6F6F6")
OKABE_ITO = [BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, YELLOW, BLACK]

_SAVE_METADATA = {
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STATUS_MARKER = {"happened": "o", "announced": "D", "planned": "s", "cancelled": "X"}
_STATUS_PLOTLY = {
    "happened": "circle",
    "announced": "diamond-open",
    "planned": "square-open",
    "cancelled": "x",
}
_STATUS_COLOUR = {"happened": BLUE, "announced": ORANGE, "planned": SKY, "cancelled": VERMILLION}
_POLARITY = {
    1: ("supports Israel", BLUE),
    -1: ("criticism or rupture", VERMILLION),
    0: ("direction unknown", GREY),
}
RUPTURE_TYPES = ("military_rupture", "diplomatic_downgrade")
DYAD = frozenset({"ECU", "ISR"})
UN_SESSION_OPENS = (9, 15)  # the day unga.py uses to attribute a session ("15 September used")


# ---------------------------------------------------------------------------------------------------------
# Text safety
# ---------------------------------------------------------------------------------------------------------


def escape_text(s: object) -> str:
    """Article text made inert for plotly's pseudo-HTML: ``html.escape`` plus ``$`` -> ``&#36;`` (MathJax).

    ``"`` becomes the numeric ``&#34;`` rather than ``&quot;``: plotly.js decodes numeric entities (and
    ``&lt; &gt; &amp;``) in labels but shows ``&quot;`` literally. Missing values (None, NaN, pd.NA) give ''.
    """
    if s is None or (not isinstance(s, str) and pd.isna(s)):
        return ""
    return html.escape(str(s), quote=True).replace("&quot;", "&#34;").replace("$", "&#36;")


_SAFE_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!&()*+,;=%]+", re.IGNORECASE)


def safe_url(url: object) -> str:
    """The URL when it is a plain http(s) address, else ''. No quotes, spaces, ``<>``, ``$`` or backslashes."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    return url if _SAFE_URL.fullmatch(url) else ""


def _md(s: object) -> str:
    """Data text for the Markdown README: no raw HTML, no math."""
    if s is None or (not isinstance(s, str) and pd.isna(s)):
        return ""
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace("$", "\\$")


_TAGLIKE = re.compile(r"<[^<>]{0,120}>")


def _wrap_html(s: object, width: int = 72, max_chars: int | None = None) -> str:
    """Escaped text wrapped into ``<br>``-separated lines (wrapped first, then escaped line by line)."""
    if s is None or (not isinstance(s, str) and pd.isna(s)):
        return ""
    text = " ".join(str(s).split())
    if max_chars and len(text) > max_chars:
        text = text[: max_chars - 1].rstrip() + "…"
    # a tag-like run in the text ("<img src=x ...>") stays on one line, so it reads as the literal it is
    text = _TAGLIKE.sub(lambda m: m.group(0).replace(" ", "\x00"), text)
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    return "<br>".join(escape_text(line.replace("\x00", " ")) for line in lines)


def _s(v: object) -> str:
    """A cell as a plain string ('' when missing)."""
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return str(v)


def _minus(x: float, fmt: str = "+.1f") -> str:
    return format(x, fmt).replace("-", "−")


# ---------------------------------------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureSpec:
    """One figure: what it is called, what it shows and which tables it is drawn from."""

    name: str
    title: str
    caption: str
    alt: str
    sources: tuple[str, ...]
    credits: tuple[str, ...] = ()
    height_in: float = 5.0
    notes: Callable[[dict[str, pd.DataFrame]], list[str]] | None = field(default=None, repr=False)

    @property
    def source_files(self) -> tuple[str, ...]:
        return tuple(f"data/{t}.csv" for t in self.sources)


UNGA_CREDIT = "UN roll calls: Voeten, UN General Assembly Voting Data (Harvard Dataverse hdl:1902.1/12379)"
IDEAL_CREDIT = "ideal points: Bailey, Strezhnev and Voeten (2017)"
SIPRI_CREDIT = "SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers"
TIV_LABEL = "SIPRI TIV (volume index, not US$)"


def footnote(spec: FigureSpec) -> str:
    """The source line every figure carries."""
    parts = [f"Source: {', '.join(spec.source_files)}"]
    parts.append("coded from the articles in seeds/" if "events" in spec.sources else "")
    parts += list(spec.credits)
    text = "; ".join(p for p in parts if p)
    return f"{text}. Made by `alignment build`."


# ---------------------------------------------------------------------------------------------------------
# Shared data preparation
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


def load_manifest(path: Path | None = None) -> pd.DataFrame:
    """doc_id, title, outlet and url per article, from a seeds manifest (default: seeds/manifest.csv)."""
    from analysis.corpus.loading import read_manifest

    path = Path(path) if path is not None else SEEDS / "manifest.csv"
    cols = ["doc_id", "title", "outlet", "url"]
    if not path.exists():
        return pd.DataFrame(columns=cols)
    rows = []
    for name, (_line, row) in read_manifest(path).items():
        rows.append(
            {
                "doc_id": row.get("doc_id") or Path(name).stem,
                "title": row.get("title", ""),
                "outlet": row.get("outlet", ""),
                "url": row.get("url", ""),
            }
        )
    return pd.DataFrame(rows, columns=cols)


def _manifest(tables: dict[str, pd.DataFrame], manifest: pd.DataFrame | None) -> pd.DataFrame:
    if manifest is not None:
        return manifest
    if "manifest" in tables:
        return tables["manifest"]
    return load_manifest()


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


# ---------------------------------------------------------------------------------------------------------
# Matplotlib helpers
# ---------------------------------------------------------------------------------------------------------


@contextmanager
def _style():
    with plt.style.context(STYLE):
        yield


def _new_figure(spec: FigureSpec, height: float | None = None) -> Figure:
    fig = Figure(figsize=(WIDTH_IN, height or spec.height_in))
    FigureCanvasAgg(fig)
    return fig


def _finish(fig: Figure, spec: FigureSpec, notes: Iterable[str] = ()) -> Figure:
    """Title, the source footnote (and notes) below the axes, and room for them in the layout."""
    lines = []
    for para in [footnote(spec), *notes]:
        lines += textwrap.wrap(para, 128, break_on_hyphens=False)
    text = "\n".join(lines)
    h = fig.get_figheight()
    foot_in = 0.06 + len(lines) * 6.3 * 1.3 / 72
    fig.text(
        0.012, 0.06 / h / 2, text, fontsize=6.3, color="#444444", ha="left", va="bottom", linespacing=1.3
    )
    fig.suptitle(spec.title, x=0.012, ha="left")
    fig.get_layout_engine().set(
        rect=(0, (foot_in + 0.06) / h, 1, 1 - (foot_in + 0.06) / h), h_pad=0.03, w_pad=0.06
    )
    fig._source_footnote = text  # for the tests
    return fig


def _shade_bands(ax, x0: float, x1: float, labels: bool = False, y: float = 1.0) -> None:
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


def _year_axis(ax, x0: float, x1: float) -> None:
    ax.set_xlim(x0, x1)
    span = x1 - x0
    ax.xaxis.set_major_locator(MultipleLocator(2 if span <= 30 else 10))
    ax.xaxis.set_minor_locator(MultipleLocator(1 if span <= 30 else 5))
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0f}")


def _track_axes(ax, name: str) -> None:
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


def _track_label(ax, x: float, side: int, text: str, colour: str = "#222222") -> None:
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


def _empty_note(ax, text: str, x: float = 0.5, y: float = 0.5, transform=None) -> None:
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


def _freeze_layout(fig: Figure) -> None:
    """Solve the constrained layout once and drop the engine: every format reuses the same layout, and
    savefig does not lay the figure out again before each format. Text is measured as the PNG draws it
    (at 300 dpi hinting makes it a little wider than at 100 dpi). The axis labels are pinned as well."""
    dpi = fig.dpi
    fig.dpi = PNG_DPI
    try:
        _pin_axis_labels(fig, empty=True)
        engine = fig.get_layout_engine()
        if engine is not None:
            engine.execute(fig)
        with matplotlib.rc_context({"figure.constrained_layout.use": False, "figure.autolayout": False}):
            fig.set_layout_engine(None)
        # The solver's result varies in the last bits with the interpreter's hash seed, and SVG clip ids
        # hash the exact numbers: snap the positions so the files are the same from any process.
        for ax in fig.axes:
            if ax.get_axes_locator() is None:
                ax.set_position([round(float(v), 9) for v in ax.get_position(original=False).bounds])
        _pin_axis_labels(fig, empty=False)
    finally:
        fig.dpi = dpi


def _pin_axis_labels(fig: Figure, empty: bool) -> None:
    """Fix the axis labels (the ``empty`` ones, or those with text) where they are, in axes coordinates.

    matplotlib otherwise places each label again whenever the figure is measured or drawn, from the
    boxes of the tick labels of its axis and of every axes sharing it (for five stacked panels, every
    panel's ticks five times over), a good part of each format's drawing time. An empty label takes no
    room, so it is fixed before the layout is solved; a label with text once the layout is final, where
    ``Axis.get_tightbbox`` puts it as a draw would (rounded like the axes positions)."""
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if (axis.label.get_text() == "") != empty:
                continue
            if not empty:
                axis.get_tightbbox(renderer)
            shown = axis.label.get_transform().transform(axis.label.get_position())
            x, y = ax.transAxes.inverted().transform(shown)
            axis.set_label_coords(round(float(x), 9), round(float(y), 9))


def _save(fig: Figure, fmt: str) -> bytes:
    """One format of a figure whose layout :func:`_freeze_layout` has fixed.

    savefig puts the figure's layout engine back with ``set_layout_engine(None)``, which under the house
    style (``figure.constrained_layout.use``) makes a fresh constrained layout: the next format would be
    laid out again, with the default pads. With that rc off the frozen layout stays for every format."""
    buf = BytesIO()
    with matplotlib.rc_context({"figure.constrained_layout.use": False}):
        if fmt == "png":
            fig.savefig(buf, format="rgba", dpi=PNG_DPI)
            with buf.getbuffer() as pixels:
                return _png(pixels, int(fig.get_figwidth() * PNG_DPI))
        fig.savefig(buf, format=fmt, metadata=_SAVE_METADATA[fmt])
    return buf.getvalue()


def _png(rgba: memoryview, width: int) -> bytes:
    """Agg's RGBA pixels as an RGB PNG at 300 dpi, written directly.

    savefig's PNG (PIL: RGBA, a filter chosen per row, zlib level 6) took a sixth of all the drawing time.
    The background is opaque (savefig.facecolor: white), so every alpha is 255 and the channel carries
    nothing; unfiltered rows at level 3 encode these flat-coloured charts in about a third of the time,
    into files a few per cent smaller. Same pixels; the only other chunk is the resolution (pHYs), as
    with savefig's ``metadata={"Software": None}``.
    """
    height, rest = divmod(rgba.nbytes, 4 * width)
    if rest:
        raise ValueError(f"{rgba.nbytes} bytes are not rows of {width} RGBA pixels")
    source = np.frombuffer(rgba, np.uint8).reshape(height, width, 4)
    rows = np.empty((height, 1 + 3 * width), np.uint8)  # each row: filter type 0 (none), then R G B ...
    rows[:, 0] = 0
    rgb = np.ndarray((height, width, 3), np.uint8, buffer=rows, offset=1, strides=(rows.strides[0], 3, 1))
    for channel in range(3):  # one channel at a time: numpy copies 3-byte strides slowly
        rgb[..., channel] = source[..., channel]
    per_metre = round(PNG_DPI / 0.0254)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),  # 8-bit RGB
            chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),  # pixels per metre
            chunk(b"IDAT", zlib.compress(rows, 3)),
            chunk(b"IEND", b""),
        ]
    )


# ---------------------------------------------------------------------------------------------------------
# Stance drawing shared by shifts and external
# ---------------------------------------------------------------------------------------------------------


def _draw_stance(ax, tables: dict[str, pd.DataFrame], x0: float, x1: float, annotate: bool = True) -> list:
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
                f"{_minus(r.score)}\n{r.label}",
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


def _label_axis(ax) -> None:
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


# ---------------------------------------------------------------------------------------------------------
# 1. shifts
# ---------------------------------------------------------------------------------------------------------


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


def _amount_label(amount: float) -> str:
    if amount >= 1e9:
        return f"US${amount / 1e9:,.1f} billion"
    if amount >= 1e6:
        return f"US${amount / 1e6:,.0f} million"
    return f"US${amount:,.0f}"


def _track_text(r, kind: str) -> str:
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


def _static_shifts(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
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
                marker=marker,
                facecolors=faces,
                edgecolors=edges,
                lw=edge,
                zorder=4,
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
    }
    for i, handles in legend_items.items():
        axes[i].legend(
            handles=handles, loc="center left", bbox_to_anchor=(0.0, 0.5), fontsize=6.3, handlelength=1
        )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def _shifts_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    x0, _x1 = _xrange(tables)
    ev = _events(tables)
    early = ev[ev["dyad"] & ev["x"].notna() & (ev["x_hi"] <= x0)].sort_values("x")
    third = ev[~ev["dyad"] & ev["x"].notna() & (ev["x"] >= x0)]
    undated = ev[ev["x"].isna()]
    notes = []
    if len(early):
        items = "; ".join(f"{type_label(r.event_type)} {r.when}" for r in early.itertuples())
        notes.append(
            f"Not on the time axis: {len(early)} background event(s) before {x0:.0f} ({items}); see the timeline figure."
        )
    if len(third):
        items = "; ".join(f"{type_label(r.event_type)} {r.pair} {r.when}" for r in third.itertuples())
        notes.append(f"Left out as outside the Ecuador–Israel pair: {items}.")
    if len(undated):
        notes.append(f"{len(undated)} undated event(s) cannot be placed in time.")
    return notes


# ---------------------------------------------------------------------------------------------------------
# 2. timeline
# ---------------------------------------------------------------------------------------------------------


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


def _static_timeline(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
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


def _timeline_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    ev = _events(tables)
    und = ev[ev["x"].isna()]
    notes = [
        "Rows without a pair in brackets are Ecuador's acts toward Israel. "
        "A line through a marker is the span its date stands for (month, year or decade)."
    ]
    if len(und):
        items = "; ".join(f"{type_label(r.event_type)} {r.pair}" for r in und.itertuples())
        notes.append(f"Not shown: {len(und)} undated event(s) ({items}).")
    return notes


# ---------------------------------------------------------------------------------------------------------
# 3. stance
# ---------------------------------------------------------------------------------------------------------


def _stance_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    st = tables["stance"].copy()
    lookup = _admin_lookup()
    st["order"] = [lookup[a].start if a in lookup else date.max for a in st["administration"]]
    return st.sort_values("order").reset_index(drop=True)


def _loso(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    s = tables["stance_sensitivity"]
    return s[s["variant"] == "leave_one_source_out"]


def _admin_years(a: Administration, x1: float) -> str:
    """'2007–2017', or '2023–' for a term that runs past the data."""
    return f"{a.start.year}–" if _dec(a.end) > x1 else f"{a.start.year}–{a.end.year}"


def _static_stance(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    st = _stance_rows(tables)
    loso = _loso(tables)
    _x0, x1 = _xrange(tables)
    fig = _new_figure(spec)
    ax = fig.add_subplot()
    n = len(st)
    ys = {a: n - 1 - i for i, a in enumerate(st["administration"])}
    vals = list(st[["ci_low", "ci_high"]].stack().dropna()) + list(loso["score"].dropna()) + [0.0]
    lo, hi = min(vals) - 1.2, max(vals) + 1.6
    for r in _label_ranges().itertuples():
        a, b = max(r.min, lo), min(r.max, hi)
        if b <= a:
            continue
        if lo < r.min < hi:
            ax.axvline(r.min, color=LIGHT, lw=0.5, ls=":", zorder=1)
        ax.text((a + b) / 2, n - 0.45, r.label, ha="center", va="bottom", fontsize=6.5, color="#555555")
    ax.axvline(0, color="#555555", lw=0.6, zorder=1)
    lookup = _admin_lookup()
    for r in st.itertuples():
        y = ys[r.administration]
        if pd.isna(r.score):
            _empty_note(ax, "no coded events", (lo + hi) / 2, y, ax.transData)
            continue
        colour = BLUE if r.score >= 0 else VERMILLION
        ax.hlines(y, r.ci_low, r.ci_high, color=colour, lw=6, alpha=0.35, zorder=2)
        ax.scatter(r.score, y, s=48, marker="o" if r.score >= 0 else "s", color=colour, zorder=4)
        ax.text(
            r.score,
            y + 0.2,
            f"{_minus(r.score)} [{_minus(r.ci_low)}, {_minus(r.ci_high)}] {r.label}",
            ha="center",
            va="bottom",
            fontsize=6.8,
            color=colour,
        )
        sub = loso[loso["administration"] == r.administration]["score"].dropna()
        if len(sub):
            ax.hlines(y - 0.24, sub.min(), sub.max(), color=GREY, lw=0.9, zorder=2)
            ax.scatter(
                sub,
                [y - 0.24] * len(sub),
                s=16,
                marker="D",
                facecolor="white",
                edgecolor=BLACK,
                lw=0.7,
                zorder=3,
            )
            ax.text(
                sub.max() + 0.15,
                y - 0.24,
                f"{_minus(sub.min())} to {_minus(sub.max())}" if sub.max() > sub.min() else "no change",
                va="center",
                fontsize=6,
                color="#444444",
            )
    ticks = []
    for r in st.itertuples():
        a = lookup.get(r.administration)
        name = a.name if a else r.administration
        yrs = _admin_years(a, x1) if a else ""
        ticks.append(f"{name}\n{yrs} · {r.n_events} events, {r.n_sources} articles")
    ax.set_yticks([ys[a] for a in st["administration"]], ticks, fontsize=7)
    ax.set_ylim(-0.7, n - 0.1)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("stance toward Israel (mean event value; negative = hostile, positive = aligned)")
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ci = _ci_percent()
    ax.legend(
        handles=[
            Line2D([], [], marker="o", color=BLUE, ls="", label="score (all articles)"),
            Line2D([], [], color=BLUE, lw=6, alpha=0.35, label=f"{ci} bootstrap interval over events"),
            Line2D(
                [],
                [],
                marker="D",
                mfc="white",
                color=BLACK,
                lw=0.9,
                mew=0.7,
                ms=4,
                label="score with one article left out (range)",
            ),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncol=3,
        handlelength=2.4,
        handletextpad=0.7,
    )
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def _stance_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    loso = _loso(tables)
    base = tables["stance_sensitivity"]
    base = base[base["variant"] == "baseline"]
    out = []
    if len(loso):
        changed = loso.groupby("left_out")["ranking_as_baseline"].all()
        moved = sorted(k for k, same in changed.items() if not same)
        total = len(changed)
        ranking = _s(base["ranking"].iloc[0]) if len(base) else ""
        out.append(
            f"Baseline ranking {ranking}; leaving one article out keeps it for {total - len(moved)} of {total} articles"
            + (f" (changed without: {', '.join(moved)})." if moved else ".")
        )
    return out


# ---------------------------------------------------------------------------------------------------------
# 4. event matrix
# ---------------------------------------------------------------------------------------------------------


def _matrix(tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
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


def _static_matrix(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
    m, third, headers = _matrix(tables)
    fig = _new_figure(spec, max(3.0, 1.9 + 0.3 * len(m)))
    ax = fig.add_subplot()
    z = m.to_numpy(dtype=float)
    zt = third.to_numpy(dtype=int)
    vmax = max(z.max(), 1)
    shown = np.ma.masked_where(z == 0, z)
    cmap = plt.get_cmap("cividis_r").with_extremes(bad="white")
    ax.imshow(shown, cmap=cmap, vmin=0, vmax=vmax * 1.15, aspect="auto")
    for i in range(z.shape[0]):
        for j in range(z.shape[1]):
            v = int(z[i, j])
            dark = v / (vmax * 1.15) > 0.55
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


def _matrix_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
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


# ---------------------------------------------------------------------------------------------------------
# 5. sources
# ---------------------------------------------------------------------------------------------------------


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


def _event_row_label(r) -> str:
    return f"{r.when} · {type_label(r.event_type)} · {r.pair}"


def _static_sources(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
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


def _sources_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    ev = tables["events"]
    single = int((ev["n_outlets"] <= 1).sum())
    return [
        f"{single} of {len(ev)} events rest on a single outlet. A marker is one outlet's report; ×n = n quoted sentences; "
        "marker shape and colour give the status that outlet reports."
    ]


# ---------------------------------------------------------------------------------------------------------
# 6. external
# ---------------------------------------------------------------------------------------------------------


def _session_x(year: int) -> float:
    return _dec(date(int(year), *UN_SESSION_OPENS))


def _un_end(tables: dict[str, pd.DataFrame]) -> tuple[float | None, str]:
    s = tables["unga_agreement_by_session"]
    last = s["last_roll_call"].dropna()
    if not len(last):
        return None, ""
    d = date.fromisoformat(str(last.max())[:10])
    return _dec(d), f"{_MONTHS[d.month - 1]} {d.year}"


def _no_data_admins(tables: dict[str, pd.DataFrame]) -> list[str]:
    a = tables["unga_agreement_by_administration"]
    n = a["n_sessions_with_data"].fillna(0)
    return [p for p, k in zip(a["president"], n, strict=True) if int(k) == 0 and p != BACKGROUND]


def _un_no_data(ax, tables: dict[str, pd.DataFrame], x0: float, x1: float) -> None:
    end, _end_label = _un_end(tables)
    if end is not None and end < x1:
        ax.axvspan(end, x1, facecolor="none", edgecolor=LIGHT, hatch="////", lw=0, zorder=0.8)
        ax.axvline(end, color=GREY, lw=0.6, zorder=1)
    lookup = _admin_lookup()
    for p in _no_data_admins(tables):
        a = lookup.get(p)
        if a is None:
            continue
        s, e = max(_dec(a.start), x0), min(_dec(a.end), x1)
        if e > s:
            ax.text(
                (s + e) / 2,
                0.5,
                "no data",
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="center",
                fontsize=7,
                style="italic",
                color="#333333",
                zorder=6,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
            )


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


def _tiv_legend(ax, israel: str, others: str, zero: str) -> None:
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


def _draw_tiv(ax, tables: dict[str, pd.DataFrame], x0: float, x1: float, label_israel: bool) -> None:
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


def _static_external(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
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
    # (a) agreement
    s = tables["unga_agreement_by_session"]
    s = s[(s["session_year"] + 1 > x0) & (s["session_year"] < x1)]
    xs = [_session_x(y) for y in s["session_year"]]
    a = axes[0]
    a.plot(
        xs, s["agree_isr_me"], marker="o", ms=3.5, color=BLUE, label="Palestinian-conflict votes", zorder=4
    )
    a.plot(
        xs,
        s["agree_isr_all"],
        marker="s",
        ms=3,
        color=GREY,
        ls=(0, (3, 1.5)),
        lw=1,
        label="all votes",
        zorder=3,
    )
    a.set_ylim(-0.05, 1.05)
    a.set_ylabel("agreement with\nIsrael (1 = same\nvote every time)", fontsize=7)
    a.set_title("(a) UN General Assembly: how often Ecuador voted as Israel did, per session", pad=24)
    a.legend(loc="upper left", ncol=2, bbox_to_anchor=(0.0, 0.98))
    _un_no_data(a, tables, x0, x1)
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
    _un_no_data(b, tables, x0, x1)
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
    e.set_xlabel("year (UN points at the session's opening in September; arms bars span the order year)")
    return _finish(fig, spec, spec.notes(tables) if spec.notes else ())


def _external_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    _end, end_label = _un_end(tables)
    lookup = _admin_lookup()
    none = [lookup[p].name if p in lookup else p for p in _no_data_admins(tables)]
    out = []
    if end_label:
        out.append(
            f"The UN roll-call data end {end_label}: "
            + (f"no data for {', '.join(none)} (hatched), not zero. " if none else "")
            + "Lines stop where the data stop."
        )
    out.append(
        "TIV is SIPRI's trend-indicator value, a volume index of military capability, never US dollars."
    )
    return out


# ---------------------------------------------------------------------------------------------------------
# 7. arms_track
# ---------------------------------------------------------------------------------------------------------


def _press_reports(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
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


def _static_arms(tables: dict[str, pd.DataFrame], spec: FigureSpec) -> Figure:
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
    d = _press_reports(tables)
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


def _arms_notes(tables: dict[str, pd.DataFrame]) -> list[str]:
    x0, _ = _xrange(tables)
    d = _press_reports(tables)
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

    def vrect(self, x0: float, x1: float, row: int = 1, col: int = 1, **style) -> None:
        """A band from x0 to x1 over the subplot's full height (as ``add_vrect``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "rect", "x0": x0, "x1": x1, "y0": 0, "y1": 1, "xref": x, "yref": f"{y} domain", **style},
        )

    def hrect(self, y0: float, y1: float, row: int = 1, col: int = 1, **style) -> None:
        """A band from y0 to y1 over the subplot's full width (as ``add_hrect``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "rect", "x0": 0, "x1": 1, "y0": y0, "y1": y1, "xref": f"{x} domain", "yref": y, **style},
        )

    def vline(self, x0: float, row: int = 1, col: int = 1, **style) -> None:
        """A vertical line over the subplot's full height (as ``add_vline``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "line", "x0": x0, "x1": x0, "y0": 0, "y1": 1, "xref": x, "yref": f"{y} domain", **style},
        )

    def hline(self, y0: float, row: int = 1, col: int = 1, **style) -> None:
        """A horizontal line over the subplot's full width (as ``add_hline``)."""
        x, y = self.axes(row, col)
        self._put(
            "shapes",
            {"type": "line", "x0": 0, "x1": 1, "y0": y0, "y1": y0, "xref": f"{x} domain", "yref": y, **style},
        )

    def note(self, row: int | None = None, col: int = 1, **annotation) -> None:
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
        out.setdefault(_s(r.event_id), []).append(
            {
                "doc_id": _s(r.doc_id),
                "outlet": _s(r.outlet) or _s(getattr(m, "outlet", "")),
                "title": _s(getattr(m, "title", "")),
                "url": safe_url(getattr(m, "url", "")),
                "status": _s(r.status),
                "date": date_label(r.date, r.date_precision),
                "quote": _s(r.quote),
            }
        )
    return out


def _event_hover(r, sources: list[dict], max_sources: int = 4) -> tuple[str, str]:
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
        lines.append(
            f"<b>{escape_text(s['outlet'])}</b> ({escape_text(s['status'])}, {escape_text(s['date'])}):"
        )
        lines.append("“" + _wrap_html(s["quote"], 80, 420) + "”")
        if s["url"]:
            lines.append(f"article: {escape_text(s['url'])}")
            url = url or escape_text(s["url"])
        elif s["title"]:
            lines.append(f"article: {_wrap_html(s['title'], 80, 160)} (no URL in the manifest)")
    if len(sources) > max_sources:
        lines.append(f"… and {len(sources) - max_sources} more quote(s)")
    if url:
        lines.append("<i>click the marker to open the article</i>")
    return "<br>".join(lines), url


def _event_points(d: pd.DataFrame, srcs: dict[str, list[dict]]) -> tuple[list[str], list[str]]:
    hov, urls = [], []
    for r in d.itertuples():
        h, u = _event_hover(r, srcs.get(r.event_id, []))
        hov.append(h)
        urls.append(u)
    return hov, urls


_CLICK_JS = """
var gd = document.getElementById('{plot_id}');
if (gd && gd.on) {
  gd.on('plotly_click', function (ev) {
    var p = ev && ev.points && ev.points[0];
    if (!p || typeof p.customdata !== 'string') { return; }
    var u = p.customdata.replace(/&amp;/g, '&');
    if (/^https?:\\/\\/[^\\s"'<>]+$/i.test(u)) { window.open(u, '_blank', 'noopener'); }
  });
}
"""


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
            f"<b>{escape_text(a.name)}</b> ({a.start.year}–{a.end.year})<br>"
            f"score {escape_text(_minus(r.score, '+.2f'))} [{escape_text(_minus(r.ci_low, '+.2f'))}, "
            f"{escape_text(_minus(r.ci_high, '+.2f'))}] {escape_text(r.label)}<br>"
            f"{int(r.n_events)} events from {int(r.n_sources)} articles"
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


def _interactive_shifts(tables, spec, manifest) -> go.Figure:
    x0, x1 = _xrange(tables)
    ev = _events(tables)
    tracks = _shift_tracks(ev, x0, x1)
    srcs = _sources_by_event(tables, manifest)
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
    for r in tracks["ruptures"].itertuples():
        for row in range(1, 6):
            ov.vline(r.x, row, line={"color": VERMILLION, "width": 1, "dash": "dash"})
    _p_year_axes(fig, x0, x1)
    return _plotly_layout(fig, spec, 760, spec.notes(tables) if spec.notes else (), overlay=ov)


def _interactive_timeline(tables, spec, manifest) -> go.Figure:
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


def _interactive_stance(tables, spec, manifest) -> go.Figure:
    st = _stance_rows(tables)
    loso = _loso(tables)
    lookup = _admin_lookup()
    man = {_s(r.doc_id): r for r in manifest.itertuples()} if len(manifest) else {}
    fig = go.Figure()
    ov = _Overlay(fig)
    names = []
    ci = _ci_percent()
    for i, r in enumerate(st.itertuples()):
        a = lookup.get(r.administration)
        name = f"{a.name} {a.start.year}–{a.end.year}" if a else r.administration
        names.append(escape_text(name))
        if pd.isna(r.score):
            ov.note(x=0, y=i, text="no coded events", showarrow=False)
            continue
        colour = BLUE if r.score >= 0 else VERMILLION
        hover = (
            f"<b>{escape_text(name)}</b><br>score {escape_text(_minus(r.score, '+.2f'))} "
            f"[{escape_text(_minus(r.ci_low, '+.2f'))}, {escape_text(_minus(r.ci_high, '+.2f'))}] "
            f"{escape_text(r.label)}<br>{int(r.n_events)} events from {int(r.n_sources)} articles"
        )
        fig.add_trace(
            go.Scatter(
                x=[r.score],
                y=[i],
                mode="markers",
                marker={"size": 13, "color": colour, "symbol": "circle" if r.score >= 0 else "square"},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": [r.ci_high - r.score],
                    "arrayminus": [r.score - r.ci_low],
                    "thickness": 6,
                    "width": 0,
                    "color": colour,
                },
                hovertext=[hover],
                hoverinfo="text",
                name=f"score and {ci} interval",
                legendgroup="score",
                showlegend=i == 0,
            )
        )
        sub = loso[loso["administration"] == r.administration].dropna(subset=["score"])
        if len(sub):
            hov = []
            for s in sub.itertuples():
                m = man.get(_s(s.left_out))
                title = _wrap_html(getattr(m, "title", ""), 70, 200) if m is not None else ""
                hov.append(
                    f"without <b>{escape_text(s.left_out)}</b>{('<br>' + title) if title else ''}<br>"
                    f"score {escape_text(_minus(s.score, '+.2f'))} ({int(s.n_events)} events); "
                    f"ranking: {escape_text(s.ranking)}"
                )
            fig.add_trace(
                go.Scatter(
                    x=sub["score"],
                    y=[i - 0.25] * len(sub),
                    mode="markers+lines",
                    line={"color": GREY, "width": 1},
                    marker={"symbol": "diamond-open", "size": 9, "color": BLACK},
                    hovertext=hov,
                    hoverinfo="text",
                    name="score with one article left out",
                    legendgroup="loso",
                    showlegend=i == 0,
                )
            )
    fig.update_yaxes(tickvals=list(range(len(names))), ticktext=names, range=[len(names) - 0.4, -0.6])
    fig.update_xaxes(
        title_text="stance toward Israel (mean event value)", zeroline=True, zerolinecolor="#555555"
    )
    ov.vline(0, line={"color": "#555555", "width": 1})
    return _plotly_layout(fig, spec, 380, spec.notes(tables) if spec.notes else (), overlay=ov)


def _interactive_matrix(tables, spec, manifest) -> go.Figure:
    m, _third, headers = _matrix(tables)
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
            colorscale="cividis",
            reversescale=True,
            zmin=0,
            zmax=max(z.max(), 1) * 1.15,
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


def _interactive_sources(tables, spec, manifest) -> go.Figure:
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


def _interactive_external(tables, spec, manifest) -> go.Figure:
    x0, x1 = _xrange(tables)
    fig = make_subplots(
        rows=4,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.085,
        subplot_titles=[
            "(a) UN General Assembly: agreement with Israel per session",
            "(b) Ideal-point distance Ecuador–Israel (bands: conservative 5–95% range)",
            escape_text(f"(c) Arms orders by order year, {TIV_LABEL}"),
            "(d) Stance coded from the news articles",
        ],
    )
    _p_titles(fig)
    ov = _Overlay(fig)
    _p_bands(ov, x0, x1, range(1, 5))
    s = tables["unga_agreement_by_session"]
    s = s[(s["session_year"] + 1 > x0) & (s["session_year"] < x1)]
    xs = [_session_x(y) for y in s["session_year"]]
    hov = [
        f"session {int(r.session)} ({int(r.session_year)}–{int(r.session_year) + 1}), {escape_text(r.president)}<br>"
        + (
            f"Palestinian-conflict votes: {r.agree_isr_me:.2f} ({int(r.n_isr_me)} roll calls)<br>"
            f"all votes: {r.agree_isr_all:.2f} ({int(r.n_isr_all)} roll calls)<br>"
            if pd.notna(r.agree_isr_me)
            else ""
        )
        + escape_text(r.coverage)
        for r in s.itertuples()
    ]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=s["agree_isr_me"],
            mode="lines+markers",
            name="UN: Palestinian-conflict votes",
            line={"color": BLUE},
            marker={"symbol": "circle"},
            hovertext=hov,
            hoverinfo="text",
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=s["agree_isr_all"],
            mode="lines+markers",
            name="UN: all votes",
            line={"color": GREY, "dash": "dash"},
            marker={"symbol": "square"},
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
    end, _end_label = _un_end(tables)
    lookup = _admin_lookup()
    for r in (1, 2):
        if end is not None and end < x1:
            ov.vrect(end, x1, r, fillcolor="#DDDDDD", opacity=0.5, line={"width": 0})
        for p in _no_data_admins(tables):
            a = lookup.get(p)
            if a is None:
                continue
            s0, e0 = max(_dec(a.start), x0), min(_dec(a.end), x1)
            if e0 > s0:
                xref, yref = ov.axes(r)
                ov.note(
                    x=(s0 + e0) / 2,
                    y=0.5,
                    yref=f"{yref} domain",
                    xref=xref,
                    text=f"<i>no data</i><br>({escape_text(a.name.split()[-1])})",
                    showarrow=False,
                    bgcolor="white",
                    font={"size": 11},
                )
    fig.update_yaxes(range=[-0.05, 1.05], title_text="agreement", row=1, col=1)
    fig.update_yaxes(title_text="distance", row=2, col=1)
    _p_tiv(fig, ov, tables, x0, x1, 3, prefix="SIPRI: ")
    fig.update_yaxes(title_text=escape_text("TIV (not US$)"), row=3, col=1)
    _p_stance(fig, ov, tables, x0, x1, 4)
    fig.update_yaxes(title_text="stance", row=4, col=1)
    _p_year_axes(fig, x0, x1)
    return _plotly_layout(fig, spec, 900, spec.notes(tables) if spec.notes else (), legend_rows=3, overlay=ov)


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


def _interactive_arms(tables, spec, manifest) -> go.Figure:
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
    d = _press_reports(tables)
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


# ---------------------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------------------

FIGURES: list[FigureSpec] = [
    FigureSpec(
        name="shifts",
        title="Ecuador's stance toward Israel: Correa against his three successors",
        caption=(
            "Top: the stance coded from the news articles, per administration (line: mean event value; band: "
            "bootstrap interval) and per calendar year (points with intervals); positive is aligned with Israel, "
            "negative hostile. Beneath, on the same time axis, the events behind it: arms purchases (marker area "
            "by the US$ amount where an article states one), visits (filled: happened; cross: cancelled), "
            "offices (star: in Jerusalem) and ruptures and recalls (also drawn as dashed lines across the "
            "panels). Shaded bands are the administrations. Only Ecuador–Israel events dated from 2006 on are drawn."
        ),
        alt=(
            "A time chart from 2006 with four shaded administration bands (Correa, Moreno, Lasso, Noboa). The "
            "top panel shows each administration's stance score as a horizontal line with an interval band, and "
            "yearly scores as points; beneath are four event tracks: arms purchases, visits, offices and "
            "ruptures."
        ),
        sources=("stance", "stance_yearly", "events"),
        height_in=7.4,
        notes=_shifts_notes,
    ),
    FigureSpec(
        name="timeline",
        title="Every reconciled event by type, 1947 to today",
        caption=(
            "Each reconciled event at its date, one row per event type; the left panel holds the background "
            "events before 2006 on a compressed axis (the break marks the jump). Marker shape gives the status "
            "(happened, announced, planned, cancelled) and colour the direction toward Israel (blue: support; "
            "vermillion: criticism or rupture)."
        ),
        alt=(
            "A broken-axis timeline: a narrow left panel for events before 2006 and a wide right panel from 2006 "
            "with the administrations shaded; rows are event types, markers are events."
        ),
        sources=("events",),
        height_in=5.4,
        notes=_timeline_notes,
    ),
    FigureSpec(
        name="stance",
        title="Stance per administration, with its interval and leave-one-article-out spread",
        caption=(
            "Each administration's stance score (mean event value) with its bootstrap interval over events "
            "(thick bar), and beneath it the scores recomputed with one article left out at a time (diamonds, "
            "joined over their range). The labels along the top are the stance bands of data/stance_labels.csv."
        ),
        alt="A dot-and-interval chart with one row per administration on a horizontal stance scale.",
        sources=("stance", "stance_sensitivity"),
        height_in=3.9,
        notes=_stance_notes,
    ),
    FigureSpec(
        name="event_matrix",
        title="Event types by administration",
        caption=(
            "How many reconciled events of each type fall in each administration's term (background: before "
            "the first coded administration); darker cells hold more events, dots are zeros, margins are totals."
        ),
        alt="A heatmap with event types as rows and administrations as columns; each cell shows its count.",
        sources=("events",),
        notes=_matrix_notes,
    ),
    FigureSpec(
        name="sources",
        title="Which outlet supports which event",
        caption=(
            "Events (rows, in date order) against the outlets that report them (columns). A marker means the "
            "outlet has at least one quoted sentence for the event; its shape and colour give the status that "
            "outlet reports. Shaded rows rest on a single outlet: the finding stands on that source alone."
        ),
        alt="A grid of events against news outlets, with markers where an outlet reports an event.",
        sources=("events", "event_sources"),
        notes=_sources_notes,
    ),
    FigureSpec(
        name="external",
        title="Votes, arms and words: external measures beside the text-coded stance",
        caption=(
            "Four panels on one time axis with the administrations shaded: (a) Ecuador's agreement with Israel "
            "in UN General Assembly roll calls per session, on Palestinian-conflict votes and on all votes; "
            "(b) the distance between the two countries' ideal points with conservative 5–95% bands; (c) arms "
            f"orders by order year in the SIPRI register, Israel beside all other suppliers, in {TIV_LABEL}; "
            "(d) the stance coded from the news articles. Where a source has no data the panel says so."
        ),
        alt=(
            "Four stacked time panels from 2006: UN vote agreement with Israel, ideal-point distance, SIPRI arms "
            "orders with Israel highlighted, and the yearly text-coded stance."
        ),
        sources=(
            "unga_agreement_by_session",
            "unga_agreement_by_administration",
            "idealpoint_distance",
            "arms_by_supplier",
            "arms_israel_by_year",
            "stance",
            "stance_yearly",
        ),
        credits=(UNGA_CREDIT, IDEAL_CREDIT, SIPRI_CREDIT),
        height_in=8.2,
        notes=_external_notes,
    ),
    FigureSpec(
        name="arms_track",
        title="Arms purchases from Israel: the SIPRI register and the press",
        caption=(
            "On the shift chart's time axis: above, Ecuador's arms orders in the SIPRI register by order year "
            f"({TIV_LABEL}), Israel's hatched beneath all other suppliers'; below, the purchases from Israel "
            "reported in the news articles (marker area by the US$ amount where stated), with what the "
            "comparison with the register found."
        ),
        alt=(
            "Two aligned time panels from 2006: stacked bars of SIPRI arms orders with Israel's share marked, "
            "and a track of press-reported purchases from Israel."
        ),
        sources=(
            "arms_by_supplier",
            "arms_israel_by_year",
            "events",
            "event_sources",
            "arms_press_vs_register",
        ),
        credits=(SIPRI_CREDIT,),
        height_in=4.6,
        notes=_arms_notes,
    ),
]

_BY_NAME = {f.name: f for f in FIGURES}
_STATIC: dict[str, Callable[[dict[str, pd.DataFrame], FigureSpec], Figure]] = {
    "shifts": _static_shifts,
    "timeline": _static_timeline,
    "stance": _static_stance,
    "event_matrix": _static_matrix,
    "sources": _static_sources,
    "external": _static_external,
    "arms_track": _static_arms,
}
_INTERACTIVE = {
    "shifts": _interactive_shifts,
    "timeline": _interactive_timeline,
    "stance": _interactive_stance,
    "event_matrix": _interactive_matrix,
    "sources": _interactive_sources,
    "external": _interactive_external,
    "arms_track": _interactive_arms,
}


def _spec(name: str) -> FigureSpec:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no figure {name!r}; figures: {', '.join(_BY_NAME)}") from None


# ---------------------------------------------------------------------------------------------------------
# Data-derived text
# ---------------------------------------------------------------------------------------------------------


def _facts(name: str, tables: dict[str, pd.DataFrame]) -> str:
    """One or two sentences of numbers from the tables, for the alt text."""
    if name in ("shifts", "stance"):
        parts = []
        lookup = _admin_lookup()
        for r in _stance_rows(tables).itertuples():
            who = lookup[r.administration].name if r.administration in lookup else r.administration
            if pd.isna(r.score):
                parts.append(f"{who}: no coded events")
            else:
                parts.append(
                    f"{who} {r.score:+.1f} ({r.label}; interval {r.ci_low:+.1f} to {r.ci_high:+.1f}; {r.n_events} events)"
                )
        return "Scores: " + "; ".join(parts) + "."
    if name == "timeline":
        ev = tables["events"]
        yrs = ev["year"].dropna()
        span = f"from {int(yrs.min())} to {int(yrs.max())}" if len(yrs) else "none dated"
        return f"{len(ev)} events, {span}."
    if name == "event_matrix":
        m, _third, headers = _matrix(tables)
        tot = m.sum(axis=0)
        return (
            "Events per column: "
            + "; ".join(f"{h.split(chr(10))[0]} {int(v)}" for h, v in zip(headers, tot, strict=True))
            + "."
        )
    if name == "sources":
        ev = tables["events"]
        return f"{int((ev['n_outlets'] <= 1).sum())} of {len(ev)} events are reported by one outlet only."
    if name == "external":
        a = tables["unga_agreement_by_administration"]
        parts = []
        for r in a.itertuples():
            if r.president == BACKGROUND:
                continue
            v = f"{r.agree_isr_me:.2f}" if pd.notna(r.agree_isr_me) else "no data"
            parts.append(f"{r.name} {v}")
        return (
            "UN agreement with Israel on Palestinian-conflict votes by administration: "
            + "; ".join(parts)
            + "."
        )
    if name == "arms_track":
        iy = tables["arms_israel_by_year"]
        yrs = [int(y) for y in iy.loc[iy["n_orders_israel"] > 0, "year"]]
        press = _press_reports(tables)
        return (
            f"SIPRI lists orders from Israel in {len(yrs)} order years"
            + (f" (latest {max(yrs)})" if yrs else "")
            + f"; the articles report {len(press)} purchase event(s) from Israel."
        )
    return ""


def caption(name: str, tables: dict[str, pd.DataFrame]) -> str:
    spec = _spec(name)
    notes = spec.notes(tables) if spec.notes else []
    return " ".join([spec.caption, *notes])


def alt_text(name: str, tables: dict[str, pd.DataFrame]) -> str:
    return f"{_spec(name).alt} {_facts(name, tables)}".strip()


# ---------------------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------------------


def static_figure(name: str, tables: dict[str, pd.DataFrame]) -> Figure:
    """The matplotlib figure ``name`` (house style, Agg canvas, not registered with pyplot)."""
    spec = _spec(name)
    with _style():
        return _STATIC[name](tables, spec)


def interactive_figure(
    name: str, tables: dict[str, pd.DataFrame], manifest: pd.DataFrame | None = None
) -> go.Figure:
    """The plotly figure ``name``; hover labels carry each event's quotes (escaped) and article links."""
    spec = _spec(name)
    return _INTERACTIVE[name](tables, spec, _manifest(tables, manifest))


def _html_page(name: str, tables: dict[str, pd.DataFrame], fig: go.Figure) -> bytes:
    spec = _spec(name)
    fig.update_layout(title=None)  # the page's <h1> carries it
    div = pio.to_html(
        fig,
        include_plotlyjs=False,
        full_html=False,
        div_id=f"figure-{name}",
        post_script=_CLICK_JS,
        config={"displaylogo": False, "responsive": True, "toImageButtonOptions": {"filename": name}},
        default_width="100%",
        default_height=f"{int(fig.layout.height)}px",
    )
    esc = html.escape
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(spec.title)}</title>
<script charset="utf-8" src="{PLOTLY_JS}"></script>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; color: #222; max-width: 1200px; margin: 1em auto; padding: 0 1em; }}
figcaption, .alt, .source {{ font-size: 0.9em; color: #444; line-height: 1.4; }}
</style>
</head>
<body>
<h1>{esc(spec.title)}</h1>
<figure aria-describedby="alt-{name}">
{div}
<figcaption>{esc(caption(name, tables))}</figcaption>
</figure>
<p class="alt" id="alt-{name}"><strong>Text description.</strong> {esc(alt_text(name, tables))}</p>
<p class="source">{esc(footnote(spec))} Static versions: {name}.png, {name}.svg, {name}.pdf. Works offline: plotly.js is
loaded from {PLOTLY_JS} beside this page.</p>
</body>
</html>
"""
    return page.encode("utf-8")


def readme(tables: dict[str, pd.DataFrame], formats: tuple[str, ...] = FORMATS) -> str:
    lines = [
        "# Figures",
        "",
        "Generated by `analysis/figures.py` from the tables in `data/`; do not edit by hand.",
        f"Made by {COMMAND}; the build writes every file at once.",
        "",
    ]
    if "png" in formats:
        lines.append(
            "Static figures are 7 inches wide (a single column); PNG at 300 dpi, SVG and PDF are the same drawing."
        )
    if "html" in formats:
        lines.append(
            f"The HTML pages are interactive and work offline: they load `{PLOTLY_JS}` from this folder. Hovering an "
            "event shows its date, type, status, the quoted sentences and their outlets; clicking opens the article "
            "where the manifest has its URL."
        )
    lines.append("")
    for spec in FIGURES:
        files = " · ".join(f"[{spec.name}.{f}]({spec.name}.{f})" for f in formats)
        lines += [
            f"## `{spec.name}`: {_md(spec.title)}",
            "",
            f"**Files:** {files}",
            "",
            f"**Caption.** {_md(caption(spec.name, tables))}",
            "",
            f"**Alt text.** {_md(alt_text(spec.name, tables))}",
            "",
            f"**Data source:** {', '.join(f'`{p}`' for p in spec.source_files)}"
            + (f"; {_md('; '.join(spec.credits))}" if spec.credits else "")
            + ".",
            "",
            f"**Made by:** {COMMAND}.",
            "",
        ]
    return "\n".join(lines)


def _render_one(
    job: tuple[FigureSpec, tuple[str, ...], dict[str, pd.DataFrame], pd.DataFrame],
) -> dict[str, bytes]:
    """One figure in the requested formats, as bytes keyed by format (the static ones first)."""
    spec, formats, tables, man = job
    out: dict[str, bytes] = {}
    static = [f for f in formats if f != "html"]
    if static:
        with _style():
            fig = _STATIC[spec.name](tables, spec)
            _freeze_layout(fig)
            for fmt in static:
                out[fmt] = _save(fig, fmt)
    if "html" in formats:
        out["html"] = _html_page(spec.name, tables, _INTERACTIVE[spec.name](tables, spec, man))
    return out


def render_all(
    tables: dict[str, pd.DataFrame],
    out_dir: Path,
    formats: tuple[str, ...] = FORMATS,
    *,
    manifest: pd.DataFrame | None = None,
    workers: int = 1,
) -> dict[Path, bytes]:
    """Every figure in every format as ``{out_dir/<name>.<fmt>: bytes}``, plus README.md and plotly.min.js.

    Writes nothing: the caller writes the files. The same tables give the same bytes, however the work is
    shared out. ``workers`` > 1 draws in forked processes (the command line does; a notebook kernel, which
    runs threads, should not).
    """
    out_dir = Path(out_dir)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown format(s) {sorted(unknown)}; choose from {FORMATS}")
    man = _manifest(tables, manifest)
    static = tuple(f for f in formats if f != "html")
    drawings = [(spec, static, tables, man) for spec in FIGURES] if static else []
    pages = [(spec, ("html",), tables, man) for spec in FIGURES] if "html" in formats else []
    workers = min(len(drawings), os.cpu_count() or 1, workers)
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        # The static drawings, nine tenths of the work, go to forked workers, each taking the next figure
        # when it is free. Meanwhile this process, idle otherwise, writes the HTML pages and the rest:
        # plotly then loads its classes and template in one process only, not again in every worker (as
        # the PDF and SVG backends, imported with this module rather than at the first savefig).
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            drawn = pool.map(_render_one, drawings)
            written = [_render_one(job) for job in pages]
            extras = _extras(tables, formats)
            results = [*drawn, *written]
    else:
        results = [_render_one(job) for job in [*drawings, *pages]]
        extras = _extras(tables, formats)
    rendered: dict[str, dict[str, bytes]] = {spec.name: {} for spec in FIGURES}
    for (spec, *_job), result in zip([*drawings, *pages], results, strict=True):
        rendered[spec.name].update(result)
    files = {
        out_dir / f"{name}.{fmt}": data
        for name, by_format in rendered.items()
        for fmt, data in by_format.items()
    }
    files.update({out_dir / name: data for name, data in extras.items()})
    return files


def _extras(tables: dict[str, pd.DataFrame], formats: tuple[str, ...]) -> dict[str, bytes]:
    """plotly.min.js (when there are HTML pages) and README.md."""
    extras = {}
    if "html" in formats:
        from plotly.offline import get_plotlyjs

        extras[PLOTLY_JS] = get_plotlyjs().encode("utf-8")
    extras["README.md"] = readme(tables, formats).encode("utf-8")
    return extras
