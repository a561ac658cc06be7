"""Every figure of the suite, static (matplotlib: PNG, SVG, PDF) and interactive (plotly: offline HTML).

Figures are drawn from the build's tables only (``render_all(tables, out_dir)``); no number is typed into
the plotting code. ``render_all`` renders everything in memory and returns ``{path: bytes}``; the build
writes the files all-or-nothing. The same tables give byte-identical files in every format.

Article text (quotes, titles, outlets) is data, never markup: everything that reaches plotly passes
through :func:`escape_text`, so a quote holding ``<script>`` shows as those characters in a hover label.

This module is the registry: the table of figures (:data:`FIGURES`), their captions and alt text, and the
entry points the build and the notebooks call. Each figure has a module of its own (:mod:`.shifts`,
:mod:`.timeline`, :mod:`.stance`, :mod:`.event_matrix`, :mod:`.sources`, :mod:`.external`, :mod:`.region`,
:mod:`.arms_track`) with the same three functions: ``static(tables, spec)``, ``interactive(tables, spec,
manifest)`` and ``notes(tables)``. What several figures share is in :mod:`.parts`, the house style and the
file writers in :mod:`.style`. Imports run one way: registry -> figure modules -> parts -> style.
"""

from __future__ import annotations

import html
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from matplotlib.backends import backend_pdf, backend_svg  # noqa: F401 (loaded before render_all forks)
from matplotlib.figure import Figure

from analysis.common.paths import SEEDS
from analysis.figures import (
    arms_track,
    coverage,
    event_matrix,
    external,
    region,
    shifts,
    sources,
    stance,
    timeline,
)
from analysis.figures.parts import TIV_LABEL, _admin_lookup
from analysis.figures.style import (
    PNG_DPI,
    WIDTH_IN,
    FigureSpec,
    _freeze_layout,
    _md,
    _save,
    _style,
    escape_text,
    footnote,
    safe_url,
)

__all__ = [
    "FIGURES",
    "PNG_DPI",
    "WIDTH_IN",
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

FORMATS = ("png", "svg", "pdf", "html")
PLOTLY_JS = "plotly.min.js"
COMMAND = "`alignment build` (all outputs) or `alignment figures` (figures only)"

IDEAL_CREDIT = "ideal points: Bailey, Strezhnev and Voeten (2017)"
UN_REGION_CREDIT = (
    "UN roll calls 2007–2019: Voeten (Harvard Dataverse hdl:1902.1/12379); 2020–2025: UN Digital Library "
    "voting records as copied in data/external/unga/ (see SOURCES.md)"
)
SIPRI_CREDIT = "SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers"


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
            "panels). Shaded bands are the administrations. Only Ecuador–Israel events dated from 2006 on are drawn. "
            "Each score is labelled with its interval; a ring marks an event cited in the chronology."
        ),
        alt=(
            "A time chart from 2006 with four shaded administration bands (Correa, Moreno, Lasso, Noboa). The "
            "top panel shows each administration's stance score as a horizontal line with an interval band, and "
            "yearly scores as points; beneath are four event tracks: arms purchases, visits, offices and "
            "ruptures."
        ),
        sources=("stance", "stance_yearly", "events"),
        height_in=7.4,
        notes=shifts.notes,
    ),
    FigureSpec(
        name="timeline",
        title="Every reconciled event by type, 1947 to today",
        caption=(
            "Each reconciled event at its date, one row per event type; the left panel holds the events "
            "before 2006 on a compressed axis (the break marks the jump). Marker shape gives the status "
            "(happened, announced, planned, cancelled) and colour the direction toward Israel (blue: support; "
            "vermillion: criticism or rupture); a ring marks an event cited in the chronology."
        ),
        alt=(
            "A broken-axis timeline: a narrow left panel for events before 2006 and a wide right panel from 2006 "
            "with the administrations shaded; rows are event types, markers are events."
        ),
        sources=("events",),
        height_in=5.4,
        notes=timeline.notes,
    ),
    FigureSpec(
        name="stance",
        title="Stance per administration, with its interval and leave-one-source-out spread",
        caption=(
            "Each administration's stance score (mean event value) with its bootstrap interval over events "
            "(thick bar) and its label with that interval, and beneath it the scores recomputed with one source "
            "(article or chronology report) left out at a time (diamonds, joined over their range). The labels "
            "along the top are the stance bands of data/stance_labels.csv; where two intervals overlap, the "
            "notes say the labels do not tell those administrations apart."
        ),
        alt="A dot-and-interval chart with one row per administration on a horizontal stance scale.",
        sources=("stance", "stance_sensitivity"),
        height_in=3.9,
        notes=stance.notes,
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
        notes=event_matrix.notes,
    ),
    FigureSpec(
        name="coverage",
        title="Events per administration by outlet perspective and language",
        caption=(
            "How many events of each administration at least one source of each outlet perspective reports "
            "(top) and at least one source in each language (bottom), for text and cited evidence together; "
            "'of N' gives the column's events. Perspective groups and the reason for each source's group are in "
            "data/perspective_groups.csv."
        ),
        alt=(
            "Two heatmaps with administrations as columns: rows are six outlet perspective groups, then two "
            "languages; each cell counts the events that group or language reports."
        ),
        sources=("events", "event_sources", "mentions", "cited_mentions"),
        notes=coverage.notes,
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
        notes=sources.notes,
    ),
    FigureSpec(
        name="external",
        title="Votes, arms and words: external measures beside the text-coded stance",
        caption=(
            "Four panels on one time axis with the administrations shaded: (a) Ecuador's agreement with Israel "
            "in the UN General Assembly's Israel-related roll calls per calendar year (1 the same vote, 0.5 when "
            "one side abstains), with the share of Ecuador's votes that are abstentions, from 2007 to the latest "
            "data (hollow: years the sources hold in part); (b) the distance between the two countries' ideal points with conservative 5–95% bands; (c) arms "
            f"orders by order year in the SIPRI register, Israel beside all other suppliers, in {TIV_LABEL}; "
            "(d) the stance coded from the news articles. Where a source has no data the panel says so."
        ),
        alt=(
            "Four stacked time panels from 2006: UN vote agreement with Israel and abstention share per year to "
            "2025, ideal-point distance to 2019, SIPRI arms orders with Israel highlighted, and the yearly "
            "text-coded stance."
        ),
        sources=(
            "unga_israel_by_year",
            "unga_israel_by_administration",
            "unga_agreement_by_session",
            "idealpoint_distance",
            "arms_by_supplier",
            "arms_israel_by_year",
            "stance",
            "stance_yearly",
        ),
        credits=(UN_REGION_CREDIT, IDEAL_CREDIT, SIPRI_CREDIT),
        height_in=8.2,
        notes=external.notes,
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
        notes=arms_track.notes,
    ),
    FigureSpec(
        name="region",
        title="Ecuador's UN votes on Israel beside Latin America and the Caribbean, 2007 to today",
        caption=(
            "Per calendar year, on the UN General Assembly roll calls about Israel, Palestine and the Middle East "
            "(the same roll calls for every country): (a) Ecuador's agreement with Israel (1 the same vote, 0.5 when "
            "one side abstains, 0 opposed; absences left out) against the median and middle half of the region's "
            "members; (b) the share of Ecuador's votes that are abstentions, against the same; beneath, the roll "
            "calls each year rests on; (c) seven peers' agreement with Israel beside Ecuador's. Administrations "
            "are shaded; hollow markers and hatched bars are years the sources hold only in part."
        ),
        alt=(
            "Two stacked yearly line charts from 2007 with the four administrations shaded: Ecuador's line against "
            "the region's median and grey inter-quartile band, for agreement with Israel and for the abstention "
            "share; a strip of roll-call counts per year; and seven small panels, one per peer country."
        ),
        sources=("unga_region", "unga_israel_by_year"),
        credits=(UN_REGION_CREDIT,),
        height_in=8.6,
        notes=region.notes,
    ),
]

_BY_NAME = {f.name: f for f in FIGURES}
_STATIC: dict[str, Callable[[dict[str, pd.DataFrame], FigureSpec], Figure]] = {
    "shifts": shifts.static,
    "timeline": timeline.static,
    "stance": stance.static,
    "event_matrix": event_matrix.static,
    "coverage": coverage.static,
    "sources": sources.static,
    "external": external.static,
    "arms_track": arms_track.static,
    "region": region.static,
}
_INTERACTIVE: dict[str, Callable[[dict[str, pd.DataFrame], FigureSpec, pd.DataFrame], go.Figure]] = {
    "shifts": shifts.interactive,
    "timeline": timeline.interactive,
    "stance": stance.interactive,
    "event_matrix": event_matrix.interactive,
    "coverage": coverage.interactive,
    "sources": sources.interactive,
    "external": external.interactive,
    "arms_track": arms_track.interactive,
    "region": region.interactive,
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
        for r in stance.stance_rows(tables).itertuples():
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
        m, _third, headers = event_matrix.matrix(tables)
        tot = m.sum(axis=0)
        return (
            "Events per column: "
            + "; ".join(f"{h.split(chr(10))[0]} {int(v)}" for h, v in zip(headers, tot, strict=True))
            + "."
        )
    if name == "coverage":
        groups, _langs, heads = coverage.coverage(tables)
        return (
            "Events per column: "
            + "; ".join(
                f"{h.split(chr(10))[0]} {int(v)}" for h, v in zip(heads, groups.loc["all"], strict=True)
            )
            + "."
        )
    if name == "sources":
        ev = tables["events"]
        return f"{int((ev['n_outlets'] <= 1).sum())} of {len(ev)} events are reported by one outlet only."
    if name == "external":
        a = tables["unga_israel_by_administration"]
        parts = []
        for r in a.itertuples():
            if pd.isna(r.agree_isr):
                parts.append(f"{r.name} no roll calls")
                continue
            partial = ", partly incomplete years" if "partial" in str(r.coverage) else ""
            parts.append(
                f"{r.name} {r.agree_isr:.2f} (abstention share {r.abstain_share:.2f}; {int(r.n_roll_calls)} roll calls{partial})"
            )
        return (
            "UN agreement with Israel on Israel-related roll calls by administration: "
            + "; ".join(parts)
            + "."
        )
    if name == "region":
        rank = tables["unga_region_rank"]
        parts = [
            f"{r.name}: agreement {r.ecu_agree_isr:.2f} against a region median of "
            f"{r.region_median_agree_isr:.2f}, rank {int(r.rank_agree_isr)} of {int(r.n_ranked)} closest to Israel, "
            f"abstention share {r.ecu_abstain_share:.2f} ({int(r.n_roll_calls)} roll calls, {r.years})"
            for r in rank.itertuples()
            if pd.notna(r.ecu_agree_isr)
        ]
        return "Per administration: " + "; ".join(parts) + "."
    if name == "arms_track":
        iy = tables["arms_israel_by_year"]
        yrs = [int(y) for y in iy.loc[iy["n_orders_israel"] > 0, "year"]]
        press = arms_track.press_reports(tables)
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


#: How a figures README begins: ``alignment figures --out`` replaces a README.md only if it begins so.
README_HEADER = "# Figures\n\nGenerated by `analysis/figures/`"


def readme(tables: dict[str, pd.DataFrame], formats: tuple[str, ...] = FORMATS) -> str:
    lines = [
        "# Figures",
        "",
        "Generated by `analysis/figures/` (one module per figure) from the tables in `data/`; do not edit by hand.",
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
