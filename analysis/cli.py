"""The alignment command: corpus, extract, evaluate, build, figures, bench.

Exit codes: 0 success, 1 data error (bad input, named by file, line and field), 2 usage error.
"""

from __future__ import annotations

import argparse
import signal
import sys
import textwrap
import threading
import time
import warnings
from pathlib import Path

from analysis.common.errors import DataError, UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 itself; keep its message short
        self.print_usage(sys.stderr)
        print(f"alignment: usage error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _cmd_corpus(args: argparse.Namespace) -> int:
    from analysis.corpus.loading import load_corpus
    from analysis.tables import corpus_table

    docs = load_corpus(Path(args.dir), Path(args.manifest) if args.manifest else None, args.max_bytes)
    table = corpus_table(docs)
    with_pd_options(lambda: print(table.to_string(index=False)))
    return 0


def with_pd_options(fn) -> None:
    import pandas as pd

    with pd.option_context("display.max_colwidth", 60, "display.width", 200, "display.max_rows", 500):
        fn()


def _cmd_extract(args: argparse.Namespace) -> int:
    from analysis.common.csvio import frame_to_csv_text, spreadsheet_safe
    from analysis.common.outputs import atomic_write_text, resolve_output
    from analysis.corpus.loading import plan_paths
    from analysis.extract.parallel import extract_sources, mentions_frame

    # where to write is settled before any work: '-' or /dev/stdout is standard output, a name ending in '/'
    # is a folder (mentions.csv inside), and anything that is not a regular file is refused
    out = resolve_output(args.output, "mentions.csv") if args.output else None
    t0 = time.perf_counter()
    # planning first: it names a missing file, a symlink loop or a path too long, before any comparison
    sources = plan_paths(
        [Path(p) for p in args.paths], Path(args.manifest) if args.manifest else None, args.max_bytes
    )
    if out is not None and out.resolve() in {Path(p).resolve() for p in args.paths}:
        raise UsageError(f"-o {args.output} is one of the input articles; it would be overwritten")
    frame = mentions_frame(extract_sources(sources, jobs=args.jobs, max_bytes=args.max_bytes))
    text = frame_to_csv_text(spreadsheet_safe(frame) if args.for_spreadsheet else frame)
    if out is not None:
        atomic_write_text(out, text)
        print(
            f"alignment extract: wrote {len(frame):,} mentions from {len(sources):,} articles to {out} "
            f"({time.perf_counter() - t0:.1f} s)",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from analysis.evaluate import evaluate_files, format_report

    report = evaluate_files(Path(args.gold), Path(args.pred))
    print(format_report(report))
    if args.pair:
        print("\nwith the actor-target pair required to match:")
        print(format_report(evaluate_files(Path(args.gold), Path(args.pred), pair=True)))
    return 0


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more processes, not {n}")
    return n


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


def _add_jobs(parser: argparse.ArgumentParser, what: str) -> None:
    from analysis.extract.parallel import default_jobs

    n = default_jobs()
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=n,
        metavar="N",
        help=f"{what} in N worker processes (default: all {n} cores of this machine); 1 works in this "
        "process; any N gives the same rows in the same order",
    )


def add_bench_arguments(parser: argparse.ArgumentParser) -> None:
    """The benchmark's options, shared by ``alignment bench`` and ``python -m analysis.bench``."""
    parser.add_argument(
        "--articles",
        type=_count,
        default=10_000,
        metavar="N",
        help="synthetic articles to generate and extract, about 2 KB each, recombined from the seeds' "
        "sentences (default: 10,000, the size the targets are stated for)",
    )
    _add_jobs(parser, "extract the synthetic corpus")
    parser.add_argument(
        "--workers", type=_jobs, dest="jobs", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )  # the old name
    parser.add_argument(
        "--suite",
        action="store_true",
        help="time the build on the seeds, executing every notebook and the whole test suite instead "
        "(seconds against their targets)",
    )


_MANIFEST_HELP = (
    "manifest CSV, one row per article: column 'file' (the .txt name) is required; optional doc_id, title, "
    "outlet, url, published (YYYY, YYYY-MM or YYYY-MM-DD), published_precision (day, month, year, decade, "
    "unknown), published_evidence, language (en, es, und), perspective, sha256; other columns are kept"
)
_MAX_BYTES_HELP = "largest article to read, in bytes per article (default: {:,}); a larger file is an error"
_EXIT_CODES = "exit codes: 0 success, 1 data error (names file, line and field), 2 usage error"


class _Formatter(argparse.HelpFormatter):
    """Wraps each line of a description or epilog on its own, so the line breaks written there stay."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(
            textwrap.fill(line, width, initial_indent=indent, subsequent_indent=indent)
            if line.strip()
            else ""
            for line in text.splitlines()
        )


_FORMATTER = _Formatter


def build_parser() -> argparse.ArgumentParser:
    from analysis.common.paths import SEEDS
    from analysis.corpus.loading import MAX_BYTES
    from analysis.evaluate import GOLD_COLUMNS, GOLD_OPTIONAL
    from analysis.extract.vocabulary import COLUMNS

    p = _Parser(
        prog="alignment",
        description=__doc__.splitlines()[0],
        epilog=f"`alignment COMMAND --help` explains each command.\n{_EXIT_CODES}",
        formatter_class=_FORMATTER,
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")

    c = sub.add_parser(
        "corpus",
        help="print the corpus as a table",
        description="Print every article of a folder with outlet, date, words, language and perspective.",
        epilog=_EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    c.add_argument(
        "dir",
        nargs="?",
        default=str(SEEDS),
        metavar="DIR",
        help="folder of article .txt files (UTF-8; other text is read as cp1252 with a warning) and, "
        "optionally, its manifest.csv (default: seeds/)",
    )
    c.add_argument("--manifest", metavar="CSV", help=_MANIFEST_HELP + " (default: DIR/manifest.csv)")
    c.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, metavar="BYTES", help=_MAX_BYTES_HELP.format(MAX_BYTES)
    )
    c.set_defaults(func=_cmd_corpus)

    e = sub.add_parser(
        "extract",
        help="extract event mentions from articles as CSV",
        description="Extract event mentions from articles: one CSV row per mention, each traced to its "
        "sentence (quote, start_char and end_char in the original file) and the rule that found it.",
        epilog=f"Output columns: {', '.join(COLUMNS)} (described in data/datapackage.json, resource "
        "'mentions').\n"
        "A folder's articles are read in name order; rows follow the order of the articles.\n" + _EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    e.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="an article .txt (UTF-8 text) or a folder of them, whose manifest.csv is used; several may "
        "be given, and an article named twice is read once",
    )
    e.add_argument(
        "--manifest",
        metavar="CSV",
        help=_MANIFEST_HELP + " (default: each folder's own manifest.csv; this one applies to every PATH)",
    )
    e.add_argument(
        "-o",
        "--output",
        metavar="CSV",
        help="CSV file to write, UTF-8 with a header row, replaced whole (default, or '-': standard output; "
        "a name ending in '/' is a folder, mentions.csv inside)",
    )
    e.add_argument(
        "--for-spreadsheet",
        action="store_true",
        help="for opening in Excel or LibreOffice: a ' before every text cell that starts with = + - @ (which a "
        "spreadsheet would run as a formula); quotes then no longer equal the article's text at their offsets",
    )
    e.add_argument(
        "--max-bytes", type=int, default=MAX_BYTES, metavar="BYTES", help=_MAX_BYTES_HELP.format(MAX_BYTES)
    )
    _add_jobs(e, "read and extract the articles")
    e.set_defaults(func=_cmd_extract)

    gold_cols = ", ".join(GOLD_COLUMNS)
    v = sub.add_parser(
        "evaluate",
        help="precision, recall and F1 of predictions against gold annotations",
        description="Precision, recall and F1 of extracted event mentions against gold annotations, per "
        "event type, overall and per language, with the false positives and missed gold listed.",
        epilog="Within each article, gold and predictions are sets of (event_type, year); a prediction matches "
        "a gold pair of the same article and type whose year is within one year (a blank gold year matches any "
        "year).\nOnly articles that have gold annotations are scored.\n"
        "example: alignment extract seeds -o pred.csv && alignment evaluate --gold tests/gold/seeds.csv "
        "--pred pred.csv\n" + _EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    v.add_argument(
        "--gold",
        required=True,
        metavar="CSV",
        help=f"gold annotations: a CSV with columns {gold_cols} (file: the article's .txt name; event_type: "
        "one of docs/codebook.md's types; year: a whole year, or blank for any); optional "
        f"{', '.join(GOLD_OPTIONAL)}",
    )
    v.add_argument(
        "--pred",
        required=True,
        metavar="CSV",
        help=f"predictions: the CSV `alignment extract` writes (needs {gold_cols}; its language column "
        "gives F1 per language)",
    )
    v.add_argument(
        "--pair",
        action="store_true",
        help="also score with the actor-target pair required to match (the sorted pair of ISO3 codes: a "
        "prediction's actor and target columns; a gold row's own columns, else '(actor XXX)' in its note, "
        "else Ecuador with Israel, or Palestine for a recognition); prints both scores",
    )
    v.set_defaults(func=_cmd_evaluate)

    b = sub.add_parser(
        "build",
        help="the main job: seeds/ -> data/ -> figures/",
        description="The main job: read seeds/ and the curated CSVs in data/, write the derived tables to "
        "data/ and the figures to figures/, all or nothing. Ends by listing each folder written, its file "
        "count and the files that changed.",
        epilog="The same inputs give byte-identical outputs. Stage lines go to stderr (with progress bars on "
        "a terminal); the summary and the list of files written go to stdout.\n" + _EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    b.add_argument(
        "--check",
        action="store_true",
        help="render everything and compare it with the committed files; write nothing; exit 1 naming the "
        "files that differ",
    )
    b.add_argument(
        "--notebooks",
        action="store_true",
        help="also re-execute the notebooks (notebooks/*.ipynb) in place with their outputs",
    )
    b.add_argument("--no-figures", action="store_true", help="the data tables only: skip figures/")
    b.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print nothing but warnings and errors (no stage lines, summary or list of files)",
    )
    _add_jobs(b, "read and extract the articles")
    b.set_defaults(func=_cmd_build)

    f = sub.add_parser(
        "figures",
        help="render the report figures from data/",
        description="Render the report figures from the data the build makes (matplotlib for PNG, SVG and "
        "PDF; plotly for interactive HTML), with a README.md of captions and alt text.",
        epilog=_EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    f.add_argument(
        "--formats",
        default="png,svg,pdf,html",
        metavar="LIST",
        help="comma-separated file formats from png, svg, pdf, html (default: all four)",
    )
    f.add_argument(
        "--out",
        default=None,
        metavar="DIR",
        help="folder to write the figure files and README.md into, created if missing (default: figures/)",
    )
    f.set_defaults(func=_cmd_figures)

    n = sub.add_parser(
        "bench",
        help="extraction speed and memory benchmark (prints figures)",
        description="Extraction speed and memory on a synthetic corpus, each figure beside its target and "
        "marked met or not met; --suite times the build, the notebooks and the tests instead.",
        epilog=_EXIT_CODES,
        formatter_class=_FORMATTER,
    )
    add_bench_arguments(n)
    n.set_defaults(func=_cmd_bench)
    return p


class Terminated(Exception):
    """SIGTERM, raised where the process is so that every cleanup runs (Python's default just dies)."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    warnings.showwarning = _show_warning
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args) or 0)
    except (KeyboardInterrupt, Terminated) as exc:
        code = 143 if isinstance(exc, Terminated) else 130
        print(
            "alignment: interrupted (outputs are written all-or-nothing: none is half-written)",
            file=sys.stderr,
        )
        return code
    except DataError as exc:
        print(f"alignment: error: {exc}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"alignment: usage error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from analysis.build import build_all, format_written

    res, differ = build_all(check=args.check, figures=not args.no_figures, quiet=args.quiet, jobs=args.jobs)
    if args.check:
        if differ:
            print(
                "alignment: committed outputs differ from what the code makes from seeds/:", file=sys.stderr
            )
            for f in differ:
                print(f"  {f}", file=sys.stderr)
            print("run `alignment build` and commit the result", file=sys.stderr)
            return 1
        if not args.quiet:
            print(f"build --check: {len(res.files)} files match")
        return 0
    if args.notebooks:
        from analysis.notebooks import execute_all

        res.written.update(execute_all(quiet=args.quiet))
    if not args.quiet:
        print("\n".join(res.summary))
        print(format_written(res.written))
    return 0


def _cmd_figures(args: argparse.Namespace) -> int:
    from analysis.build import build_data
    from analysis.common.outputs import write_files
    from analysis.common.paths import FIGURES, SEEDS
    from analysis.figures import README_HEADER, load_manifest, render_all

    formats = tuple(x.strip() for x in args.formats.split(",") if x.strip())
    bad = sorted(set(formats) - {"png", "svg", "pdf", "html"})
    if bad or not formats:
        raise UsageError(f"unknown format(s) {', '.join(bad) or '(none)'}; choose from png, svg, pdf, html")
    out = Path(args.out) if args.out else FIGURES
    readme = out / "README.md"
    if readme.is_file() and not readme.read_text(encoding="utf-8", errors="replace").startswith(
        README_HEADER
    ):
        raise UsageError(
            f"--out {args.out}: {readme} is not a figures README and would be overwritten; "
            "choose an empty folder or one that holds figures"
        )
    res = build_data(quiet=True)
    files = render_all(res.tables, out, formats, manifest=load_manifest(SEEDS / "manifest.csv"), workers=2)
    write_files(files, journal_folder=out)
    print(f"{len(files)} files written to {out}")
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from analysis.bench import main as bench_main

    return bench_main(args=args)
