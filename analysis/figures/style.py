"""The house style every figure shares, and how a static figure becomes bytes.

The palette (Okabe–Ito, the same values as ``house.mplstyle``, for plotly too); a static figure's frame
(:func:`_new_figure`; :func:`_finish` adds the title and the source footnote every figure carries); its one
frozen layout (:func:`_freeze_layout`) and the writers that turn it into PNG, SVG or PDF bytes (:func:`_save`,
:func:`_png`); and the text rules: article text made inert for plotly (:func:`escape_text`, :func:`safe_url`,
:func:`_wrap_html`) and for the Markdown README (:func:`_md`), and number formats.

:class:`FigureSpec` is defined here rather than in the registry because the footnote and every figure's
drawing read it. This module imports nothing else from :mod:`analysis.figures`.
"""

from __future__ import annotations

import html
import re
import struct
import textwrap
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

STYLE = "analysis.figures.house"  # house.mplstyle, beside this module
PNG_DPI = 300
WIDTH_IN = 7.0

# Okabe–Ito (the same hex values as house.mplstyle, for plotly too)
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


# ---------------------------------------------------------------------------------------------------------
# Text safety and number formats
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


def _amount_label(amount: float) -> str:
    if amount >= 1e9:
        return f"US${amount / 1e9:,.1f} billion"
    if amount >= 1e6:
        return f"US${amount / 1e6:,.0f} million"
    return f"US${amount:,.0f}"


# ---------------------------------------------------------------------------------------------------------
# A figure's spec and its source line
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


def footnote(spec: FigureSpec) -> str:
    """The source line every figure carries."""
    parts = [f"Source: {', '.join(spec.source_files)}"]
    parts.append(
        "coded from the articles in seeds/ and the cited chronology in data/chronology/"
        if "events" in spec.sources
        else ""
    )
    parts += list(spec.credits)
    text = "; ".join(p for p in parts if p)
    return f"{text}. Made by `alignment build`."


# ---------------------------------------------------------------------------------------------------------
# Matplotlib: the frame, the frozen layout and the writers
# ---------------------------------------------------------------------------------------------------------


@contextmanager
def _style() -> Iterator[None]:
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
# Stance labels and their intervals
# ---------------------------------------------------------------------------------------------------------


def score_label(r: Any) -> str:
    """A stance label never travels without its interval: 'aligned +3.2 [+2.2, +4.2]'."""
    return f"{r.label} {_minus(r.score)} [{_minus(r.ci_low)}, {_minus(r.ci_high)}]"


def indistinct_pairs(stance: pd.DataFrame) -> list[str]:
    """'Lasso (aligned) and Noboa (warm)' for every pair of administrations whose labels differ while their
    intervals overlap: figures must say that such labels do not tell them apart."""
    if "not_distinguishable_from" not in stance:
        return []
    from analysis.common.administrations import administrations

    lookup = {a.president: a for a in administrations()}
    name = {a: (lookup[a].name.split()[-1] if a in lookup else a) for a in stance["administration"]}
    label = dict(zip(stance["administration"], stance["label"], strict=True))
    pairs = []
    for a, others in zip(stance["administration"], stance["not_distinguishable_from"], strict=True):
        for b in (x for x in _s(others).split(";") if x):
            key = tuple(sorted((a, b), key=lambda x: list(name).index(x)))
            if key not in pairs:
                pairs.append(key)
    return [f"{name[a]} ({label[a]}) and {name[b]} ({label[b]})" for a, b in pairs]


def indistinct_note(stance: pd.DataFrame) -> list[str]:
    pairs = indistinct_pairs(stance)
    if not pairs:
        return []
    return [
        "Not distinguishable: "
        + "; ".join(pairs)
        + " have different labels but overlapping intervals, so the evidence does not tell them apart."
    ]
