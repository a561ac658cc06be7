"""The ``alignment`` command: corpus, extract, evaluate, build, figures, bench.

Exit codes: 0 success, 1 data error (bad input, named by file, line and field), 2 usage error.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
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
    from analysis.common.csvio import atomic_write_text, frame_to_csv_text
    from analysis.corpus.loading import load_paths
    from analysis.extract.engine import mentions_frame

    inputs = {Path(p).resolve() for p in args.paths}
    if args.output and args.output != "-" and Path(args.output).resolve() in inputs:
        raise UsageError(f"-o {args.output} is one of the input articles; it would be overwritten")
    docs = load_paths(
        [Path(p) for p in args.paths], Path(args.manifest) if args.manifest else None, args.max_bytes
    )
    text = frame_to_csv_text(mentions_frame(docs))
    if args.output and args.output != "-":
        atomic_write_text(Path(args.output), text)
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


def build_parser() -> argparse.ArgumentParser:
    from analysis.common.paths import SEEDS
    from analysis.corpus.loading import MAX_BYTES

    p = _Parser(prog="alignment", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("corpus", help="print the corpus as a table")
    c.add_argument("dir", nargs="?", default=str(SEEDS))
    c.add_argument("--manifest", help="manifest CSV (default: DIR/manifest.csv)")
    c.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    c.set_defaults(func=_cmd_corpus)

    e = sub.add_parser("extract", help="extract event mentions from articles as CSV")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--manifest")
    e.add_argument("-o", "--output", help="CSV file (default: stdout)")
    e.add_argument("--max-bytes", type=int, default=MAX_BYTES)
    e.set_defaults(func=_cmd_extract)

    v = sub.add_parser("evaluate", help="precision, recall and F1 of predictions against gold annotations")
    v.add_argument("--gold", required=True)
    v.add_argument("--pred", required=True)
    v.add_argument(
        "--pair", action="store_true", help="also score with the actor-target pair required to match"
    )
    v.set_defaults(func=_cmd_evaluate)

    b = sub.add_parser("build", help="the main job: seeds/ -> data/ -> figures/")
    b.add_argument("--check", action="store_true", help="compare with the committed outputs; write nothing")
    b.add_argument("--notebooks", action="store_true", help="also re-execute the notebooks in place")
    b.add_argument("--no-figures", action="store_true", help="data only")
    b.add_argument("--quiet", action="store_true")
    b.set_defaults(func=_cmd_build)

    f = sub.add_parser("figures", help="render the report figures from data/")
    f.add_argument("--formats", default="png,svg,pdf,html", help="comma-separated: png,svg,pdf,html")
    f.add_argument("--out", default=None, help="folder (default: figures/)")
    f.set_defaults(func=_cmd_figures)

    n = sub.add_parser("bench", help="extraction speed and memory benchmark (prints figures)")
    n.add_argument("--articles", type=int, default=10_000)
    n.add_argument("--workers", type=int, default=2)
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
        print("alignment: interrupted; outputs are as they were before this run", file=sys.stderr)
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
    from analysis.build import build_all

    res, differ = build_all(check=args.check, figures=not args.no_figures, quiet=args.quiet)
    if args.check:
        if differ:
            print(
                "alignment: committed outputs differ from what the code makes from seeds/:", file=sys.stderr
            )
            for f in differ:
                print(f"  {f}", file=sys.stderr)
            print("run `alignment build` and commit the result", file=sys.stderr)
            return 1
        print(f"build --check: {len(res.files)} files match")
        return 0
    if args.notebooks:
        from analysis.notebooks import execute_all

        execute_all(quiet=args.quiet)
    print("\n".join(res.summary))
    return 0


def _cmd_figures(args: argparse.Namespace) -> int:
    from analysis.build import build_data
    from analysis.common.csvio import write_files
    from analysis.common.paths import FIGURES, SEEDS
    from analysis.figures import load_manifest, render_all

    formats = tuple(x.strip() for x in args.formats.split(",") if x.strip())
    bad = sorted(set(formats) - {"png", "svg", "pdf", "html"})
    if bad or not formats:
        raise UsageError(f"unknown format(s) {', '.join(bad) or '(none)'}; choose from png, svg, pdf, html")
    out = Path(args.out) if args.out else FIGURES
    res = build_data(quiet=True)
    files = render_all(res.tables, out, formats, manifest=load_manifest(SEEDS / "manifest.csv"), workers=2)
    write_files(files)
    print(f"{len(files)} files written to {out}")
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from analysis.bench import main as bench_main

    return bench_main(["--articles", str(args.articles), "--workers", str(args.workers)])
