"""The main job: ``seeds/`` -> ``data/`` -> ``figures/``, all-or-nothing.

Every output is rendered to bytes in memory and validated against its schema first; only then are the
files written (each via a temporary file and a rename), so bad input leaves existing outputs intact.
``--check`` renders the same bytes and compares them with the committed files instead of writing.
Only files whose bytes changed are replaced; :func:`format_written` lists what was written.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.coding.chronology import as_mentions, load_cited, load_perspective_groups
from analysis.coding.corrections import apply_corrections
from analysis.coding.evidence import evidence_table
from analysis.coding.reconcile import reconcile
from analysis.coding.stance import (
    coded_events,
    coded_presidents,
    load_coding,
    sensitivity,
    stance_by_administration,
    stance_by_year,
    stance_shifts,
)
from analysis.common import progress
from analysis.common.administrations import administration_for, load_administrations
from analysis.common.csvio import frame_to_csv_text, read_rows
from analysis.common.errors import DataError
from analysis.common.outputs import recover, write_files
from analysis.common.paths import DATA, FIGURES, ROOT, SEEDS
from analysis.corpus.loading import plan_corpus
from analysis.extract.engine import prepare
from analysis.extract.parallel import extract_sources, mentions_frame

prepare("en")  # compile the extractor's patterns at import, not inside the first build


@dataclass
class BuildResult:
    files: dict[Path, bytes] = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)
    #: every file written or compared, with "new", "changed" or "unchanged" (filled by :func:`build_all`)
    written: dict[Path, str] = field(default_factory=dict)


#: The build's stages, for the progress bar: data (extract, reconcile, stance, tables), figures, write.
DATA_STAGES = 4


class Stages:
    """The build's stage lines (``[build] ...`` on stderr unless quiet) and, on a terminal, a bar over them."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = progress.bar(total=total, desc="build", unit="stage", show=not quiet)

    def done(self, msg: str) -> None:
        if not self.quiet:
            progress.say(f"[build] {msg}")
        self.bar.update()

    def note(self, msg: str) -> None:
        if not self.quiet:
            progress.say(f"[build] {msg}")

    def close(self) -> None:
        self.bar.close()


def _csv(df: pd.DataFrame) -> str:
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].fillna("")
    return frame_to_csv_text(out)


def build_data(
    seeds: Path = SEEDS, data: Path = DATA, quiet: bool = False, jobs: int = 1, stages: Stages | None = None
) -> BuildResult:
    """All derived tables as validated CSV bytes, plus the data package descriptor.

    ``jobs`` processes read and extract the articles (the rows are the same for any number)."""
    own = stages is None
    stages = stages or Stages(DATA_STAGES, quiet)
    try:
        return _build_data(seeds, data, jobs, stages)
    finally:
        if own:
            stages.close()


def _build_data(seeds: Path, data: Path, jobs: int, stages: Stages) -> BuildResult:
    res = BuildResult()
    t0 = time.perf_counter()
    sources = plan_corpus(seeds)
    stages.note(f"corpus: {len(sources)} articles")
    docs = list(extract_sources(sources, jobs=jobs, show_progress=not stages.quiet))
    mentions = mentions_frame(docs)
    stages.done(f"extract: {len(mentions)} mentions ({time.perf_counter() - t0:.2f}s)")
    outlets = {d.doc_id: d.meta.get("outlet") or d.doc_id for d in docs}
    admins = load_administrations(data / "administrations.csv")  # overlaps and gaps: errors naming the row
    mentions["administration"] = [
        administration_for(d, p, admins) if d else ""
        for d, p in zip(mentions["date"].fillna(""), mentions["date_precision"], strict=True)
    ]
    combined, cited, cited_sources = _with_cited(mentions, outlets, data, admins)
    stages.note(f"chronology: {len(cited)} cited reports from {len(cited_sources)} sources")
    corrected_all = apply_corrections(combined, data / "corrections.csv", admins)
    corrected = corrected_all[corrected_all["report_id"] == ""].copy()  # text and analyst-added mentions
    events, sources = reconcile(corrected_all, outlets, admins)
    stages.done(f"reconcile: {len(events)} events")
    coding = load_coding(data)
    as_of = max((d.published for d in docs if d.published), default=None)
    as_of = _latest(as_of, cited_sources)
    if as_of is None:
        raise DataError("no article has a publication date; cannot measure years in office", seeds)
    stance = stance_by_administration(events, coding, as_of, admins)
    yearly = stance_by_year(events, coding, admins)
    sens = sensitivity(corrected_all, lambda m: reconcile(m, outlets, admins), coding, as_of, admins)
    shifts = stance_shifts(events, coding, sens, admins)
    evidence = evidence_table(coded_events(events, coding), sources, coded_presidents(admins))
    stages.done(f"stance: {len(stance)} administrations, {len(sens)} sensitivity rows")
    tables = {
        "mentions": mentions,
        "events": events,
        "event_sources": sources,
        "stance": stance,
        "stance_yearly": yearly,
        "stance_sensitivity": sens,
        "cited_mentions": cited,
        "stance_shifts": shifts,
        "evidence": evidence,
    }
    schemas = {t.name: t for t in schema.DERIVED}
    for name, df in tables.items():
        text = _csv(df)
        schema.validate(schemas[name], text)
        res.files[data / schemas[name].path] = text.encode("utf-8")
    schema.check_foreign_keys(tables, schemas)
    for t in schema.CURATED:
        schema.validate(t, (data / t.path).read_text(encoding="utf-8-sig"), str(data / t.path))
    ext_tables, ext_schemas, ext_resources = _external(corrected, data)
    for name, df in ext_tables.items():
        text = _csv(df)
        schema.validate(ext_schemas[name], text)
        res.files[data / ext_schemas[name].path] = text.encode("utf-8")
    tables.update(ext_tables)
    from analysis.external.validation import DESCRIPTIONS, validation_table

    tables["validation"] = validation_table(tables)
    ext_schemas["validation"] = schema.table_from_frame(
        "validation",
        "validation.csv",
        "Text-coded stance beside UN and SIPRI measures",
        "Per administration: the text-coded stance, Ecuador's UN agreement with Israel on Palestinian-conflict "
        "votes, and Israel's share of Ecuador's arms orders (SIPRI TIV), with whether each moved the same way "
        "as the text-coded stance relative to Correa.",
        tables["validation"],
        DESCRIPTIONS,
        ("administration",),
    )
    text = _csv(tables["validation"])
    schema.validate(ext_schemas["validation"], text)
    res.files[data / "validation.csv"] = text.encode("utf-8")
    all_schemas = [*schema.CURATED, *schema.DERIVED, *ext_schemas.values()]
    res.files[data / "datapackage.json"] = schema.datapackage(all_schemas, ext_resources).encode("utf-8")
    stages.done(f"tables: {len(res.files)} files validated")
    res.tables = tables
    res.summary = [f"articles: {len(docs)}", f"mentions: {len(mentions)}", f"events: {len(events)}"] + [
        f"{r.administration}: {r.score:+.2f} [{r.ci_low:+.2f}, {r.ci_high:+.2f}] {r.label} ({r.n_events} events)"
        for r in stance.itertuples()
    ]
    res.summary += [
        f"shift {r[0]} -> {r[1]}: {r[2]:+.2f} [{r[3]:+.2f}, {r[4]:+.2f}], sign kept in {r[6]:.0%} of variants"
        for r in shifts.itertuples(index=False)
    ]
    return res


def _with_cited(
    mentions: pd.DataFrame, outlets: dict[str, str], data: Path, admins
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Text mentions and the chronology's cited reports in one frame, so corrections, reconciliation and stance
    see both kinds (issue 14); also the cited mentions and the chronology's sources."""
    groups = load_perspective_groups(data / "perspective_groups.csv")
    missing = sorted(set(mentions["doc_id"]) - set(groups))
    if missing:
        raise DataError(f"no perspective group for {', '.join(missing)}", data / "perspective_groups.csv")
    cited, cited_sources = load_cited(admins, data, groups)
    text = mentions.copy()
    text["evidence"] = "text"
    text["report_id"] = ""
    text["perspective_group"] = text["doc_id"].map(groups)
    text["outlet"] = text["doc_id"].map(outlets)
    return pd.concat([text, as_mentions(cited)], ignore_index=True), cited, cited_sources


def _latest(as_of, cited_sources: pd.DataFrame):
    """The latest day-precise publication among articles and chronology sources: years in office run to it."""
    from datetime import date

    days = [date.fromisoformat(p) for p in cited_sources["published"] if len(p) == 10]
    return max([d for d in (as_of, *days) if d is not None], default=None)


def _external(mentions: pd.DataFrame, data: Path) -> tuple[dict, dict, list]:
    """UN General Assembly and SIPRI tables beside the text-coded stance (issue 7)."""
    from analysis.external import arms, unga

    ext = data / "external"
    unga_src = (
        {
            "title": "Voeten, UN General Assembly Voting Data (Harvard Dataverse hdl:1902.1/12379), CC0",
            "path": "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
        },
    )
    bsv_src = (
        {
            "title": "Bailey, Strezhnev and Voeten (2017) ideal points, MIT",
            "path": "https://github.com/evoeten/United-Nations-General-Assembly-Votes-and-Ideal-Points",
        },
    )
    sipri_src = ({"title": arms.SIPRI_CREDIT, "path": "https://www.sipri.org/databases/armstransfers"},)
    specs: list[tuple[str, str, Callable[[], pd.DataFrame], dict, tuple, tuple]] = [
        (
            "unga_agreement_by_session",
            "UN agreement by session",
            unga.unga_agreement_by_session,
            unga.COLUMN_DESCRIPTIONS,
            ("session",),
            unga_src,
        ),
        (
            "unga_agreement_by_administration",
            "UN agreement by administration",
            unga.unga_agreement_by_administration,
            unga.COLUMN_DESCRIPTIONS,
            ("president",),
            unga_src,
        ),
        (
            "idealpoint_distance",
            "Ideal-point distance Ecuador-Israel",
            unga.idealpoint_distance_by_session,
            unga.COLUMN_DESCRIPTIONS,
            ("session",),
            bsv_src,
        ),
        (
            "arms_israel_by_year",
            "Israel's arms orders and deliveries to Ecuador (SIPRI TIV)",
            arms.israel_tiv_by_year,
            arms.COLUMN_DESCRIPTIONS,
            ("year",),
            sipri_src,
        ),
        (
            "arms_share_by_administration",
            "Israel's share of Ecuador's arms orders (SIPRI TIV)",
            arms.israel_share_by_administration,
            arms.COLUMN_DESCRIPTIONS,
            ("president",),
            sipri_src,
        ),
        (
            "arms_by_supplier",
            "Ecuador's arms orders by supplier and year (SIPRI TIV)",
            arms.tiv_by_supplier_and_year,
            arms.COLUMN_DESCRIPTIONS,
            ("year", "supplier"),
            sipri_src,
        ),
        (
            "arms_press_vs_register",
            "Press-reported purchases against the SIPRI register",
            lambda: arms.reconcile_press(mentions),
            arms.COLUMN_DESCRIPTIONS,
            (),
            sipri_src,
        ),
    ]
    tables, schemas = {}, {}
    for name, title, fn, desc, pk, src in specs:
        df = fn()
        df = df[[c for c in df.columns if not isinstance(df[c].iloc[0] if len(df) else "", tuple)]]
        tables[name] = df
        schemas[name] = schema.table_from_frame(
            name, f"{name}.csv", title, df.attrs.get("description", title), df, desc, pk, src
        )
    # issue 15: the UN record to 2025 for all four administrations, and the region (schemas in schema.py);
    # like the tables above they read the repository's data/external, with the data folder's administrations
    from analysis.external import unga_israel, unga_region

    admins = load_administrations(data / "administrations.csv")
    for table, make in (
        (schema.UNGA_ISRAEL_ROLL_CALLS, unga_israel.israel_roll_calls),
        (schema.UNGA_ISRAEL_BY_YEAR, lambda: unga_israel.israel_by_year(admins=admins)),
        (schema.UNGA_ISRAEL_BY_ADMINISTRATION, lambda: unga_israel.israel_by_administration(admins=admins)),
        (schema.UNGA_RULE_COMPARISON, lambda: unga_israel.rule_comparison(admins=admins)),
        (schema.UNGA_REGION, unga_region.region_by_year),
        (schema.UNGA_REGION_RANK, lambda: unga_region.region_rank(admins=admins)),
    ):
        tables[table.name], schemas[table.name] = make(), table
    resources = []
    for path in sorted(ext.rglob("*.csv")):
        read_rows(path)  # a malformed, binary or non-UTF-8 file: an error naming it and the line
        raw = pd.read_csv(path, nrows=200)
        # named from the path below unga/ or arms/, so region/roll_calls.csv does not clash with roll_calls.csv
        stem = "-".join(path.relative_to(ext).with_suffix("").parts[1:])
        t = schema.table_from_frame(
            f"external-{stem}".replace("_", "-"),
            str(path.relative_to(data)),
            f"External: {path.name}",
            "Copied unchanged; see data/external/SOURCES.md",
            raw,
            {},
        )
        d = t.descriptor()
        d["schema"]["fields"] = [
            {"name": f["name"], "type": "any" if f["type"] != "string" else "string"}
            for f in d["schema"]["fields"]
        ]
        resources.append(d)
    return tables, schemas, resources


CACHE = ROOT / ".cache" / "figures"


def _figures_key(tables: dict[str, pd.DataFrame], manifest: pd.DataFrame | None) -> str:
    """A hash of everything a render depends on: the tables, the manifest, the drawing code and its libraries."""
    import hashlib
    from importlib import resources

    import matplotlib
    import plotly

    h = hashlib.sha256(f"{matplotlib.__version__}|{plotly.__version__}|{pd.__version__}".encode())
    # all of the package's code and curated files: figures read some curated CSVs (labels, codebook) directly
    package = Path(str(resources.files("analysis")))
    for path in sorted(
        [
            *package.rglob("*.py"),
            *package.rglob("*.mplstyle"),
            *package.rglob("*.csv"),
            *(DATA.glob("*.csv") if DATA.is_dir() else []),
        ]
    ):
        h.update(str(path.name).encode())
        h.update(path.read_bytes())
    for name in sorted(tables):
        h.update(name.encode())
        h.update(tables[name].to_csv(index=False).encode())
    if manifest is not None:
        h.update(manifest.to_csv(index=False).encode())
    return h.hexdigest()


def _cache_read(key: str, figures_dir: Path) -> dict[Path, bytes] | None:
    folder = CACHE / key
    if not (folder / "COMPLETE").is_file():
        return None
    return {figures_dir / p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "COMPLETE"}


def _cache_write(key: str, files: dict[Path, bytes], figures_dir: Path) -> None:
    """Keep the last render so an unchanged build does not draw again (best effort: a cache, not an output).

    The render is written into a fresh folder and renamed into place, so a full disk or an interrupt leaves
    the old cache or none, never a partial one, and no temporary folder behind."""
    import shutil

    staging = CACHE.parent / f".figures.{os.getpid()}.tmp"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        (staging / key).mkdir(parents=True)
        for path, payload in files.items():
            (staging / key / path.name).write_bytes(payload)
        (staging / key / "COMPLETE").write_text("")
        if CACHE.is_dir():
            shutil.rmtree(CACHE)
        os.replace(staging, CACHE)
    except OSError:
        shutil.rmtree(CACHE, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_all(
    check: bool = False,
    figures: bool = True,
    quiet: bool = False,
    seeds: Path = SEEDS,
    data: Path = DATA,
    figures_dir: Path = FIGURES,
    jobs: int = 1,
) -> tuple[BuildResult, list[str]]:
    """Render everything; write it (or, with ``check``, list the files that differ from what is on disk).

    ``res.written`` says of each file whether it is new, changed or unchanged; only the first two are written.
    """
    journal = Path(os.path.commonpath([data, figures_dir]))
    if not check:  # finish (or forget) what a killed build left, before reading anything
        for line in recover(journal, sweep=[data, figures_dir]):
            print(f"[build] {line}", file=sys.stderr)
    stages = Stages(DATA_STAGES + figures + 1, quiet)
    try:
        res = build_data(seeds, data, quiet=quiet, jobs=jobs, stages=stages)
        if figures:
            from analysis.figures import load_manifest, render_all

            t0 = time.perf_counter()
            manifest = load_manifest(seeds / "manifest.csv") if (seeds / "manifest.csv").is_file() else None
            key = _figures_key(res.tables, manifest)
            # --check always renders afresh: it must compare the committed files with what the code makes now
            cached = None if check else _cache_read(key, figures_dir)
            if cached is None:
                cached = render_all(res.tables, figures_dir, manifest=manifest, workers=2)
                _cache_write(key, cached, figures_dir)
            else:
                stages.note("figures: unchanged inputs, taken from the render cache (.cache/figures)")
            res.files.update(cached)
            n = sum(1 for p in res.files if p.is_relative_to(figures_dir))
            stages.done(f"figures: {n} files ({time.perf_counter() - t0:.1f}s)")
        res.written = {path: _status(path, payload) for path, payload in sorted(res.files.items())}
        if check:
            differ = [_shown(path) for path, status in res.written.items() if status != "unchanged"]
            stages.done(f"check: {len(res.files) - len(differ)} of {len(res.files)} files match")
            return res, differ
        changed = {path: res.files[path] for path, status in res.written.items() if status != "unchanged"}
        write_files(changed, journal_folder=journal)
        stages.done(f"write: {sum(s != 'unchanged' for s in res.written.values())} files changed")
        return res, []
    finally:
        stages.close()


def _status(path: Path, payload: bytes) -> str:
    if not path.is_file():
        return "new"
    return "unchanged" if path.read_bytes() == payload else "changed"


def _shown(path: Path) -> str:
    """A path as the user should see it: relative to the repository when inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def format_written(written: dict[Path, str]) -> str:
    """What a build wrote, per folder: the file count, then each new or changed file, or "unchanged"."""
    folders: dict[Path, list[tuple[Path, str]]] = {}
    for path, status in written.items():
        folders.setdefault(path.parent, []).append((path, status))
    lines = []
    for folder, files in sorted(folders.items()):
        touched = [(p, s) for p, s in sorted(files) if s != "unchanged"]
        counts = ", ".join(
            f"{sum(s == kind for _, s in files)} {kind}"
            for kind in ("new", "changed")
            if any(s == kind for _, s in files)
        )
        lines.append(f"{_shown(folder)}/: {len(files)} files, {counts or 'unchanged'}")
        lines += [f"  {status:<9} {_shown(path)}" for path, status in touched]
    return "\n".join(lines)
