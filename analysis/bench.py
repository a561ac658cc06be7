"""Speed and memory benchmark for extraction: ``python -m analysis.bench`` (or ``alignment bench``).

Builds a synthetic corpus by recombining the seeds' sentences, then prints articles/s, MB/s, peak memory and
the ratio to a floor measured in the same run (reading the files and splitting sentences, nothing else).
Targets (issue 3): >= 1 MB/s on one core; 10,000 articles in < 60 s on both cores; memory flat in corpus
size; a 200,000-character sentence with no full stop extracts in well under a second. Issue 18 adds: the
extraction driver (``alignment extract --jobs N``) at least 1.5x faster on two cores than on one, with the
same rows; and a 2 MB article at no less than 70% of the per-MB rate of the same text as 2 KB articles.
Each target is printed beside its figure, marked met or not met.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from analysis.common import progress
from analysis.common.csvio import frame_to_csv_text
from analysis.common.paths import SEEDS
from analysis.corpus.loading import load_corpus, load_document, plan_paths
from analysis.corpus.sentences import split_sentences
from analysis.extract.engine import extract_document
from analysis.extract.parallel import extract_sources, mentions_frame


def synthetic_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles recombined from the seeds' sentences; returns the bytes written."""
    sentences = []
    for doc in load_corpus(SEEDS):
        sentences += [s.text for s in split_sentences(doc.text, doc.body_start) if len(s.text) > 30]
    rng = random.Random(seed)
    total = 0
    for i in progress.bar(range(n), desc="generate", unit="article"):
        paras = []
        for _ in range(rng.randint(3, 8)):
            paras.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4))))
        y, m, d = rng.randint(2008, 2025), rng.randint(1, 12), rng.randint(1, 28)
        text = f"date {y:04d}-{m:02d}-{d:02d}\n" + "\n\n".join(paras) + "\n"
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def _floor_file(path: str) -> int:
    doc = load_document(Path(path))
    return sum(1 for _ in split_sentences(doc.text, doc.body_start))


def _extract_file(path: str) -> int:
    doc = load_document(Path(path))
    return sum(1 for _ in extract_document(doc))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(fn, paths: list[str], desc: str) -> tuple[float, int]:
    """Seconds and summed counts of ``fn`` over ``paths`` in this process, one file at a time."""
    t0 = time.perf_counter()
    count = sum(fn(p) for p in progress.bar(paths, desc=desc, unit="article"))
    return time.perf_counter() - t0, count


def driver_run(paths: list[str], jobs: int) -> tuple[float, str]:
    """Seconds of ``alignment extract --jobs N`` over ``paths`` (plan, extract, the CSV text) and a hash
    of the CSV, to show that the rows are the same for every N."""
    t0 = time.perf_counter()
    sources = plan_paths([Path(p) for p in paths])
    text = frame_to_csv_text(
        mentions_frame(extract_sources(sources, jobs=jobs, desc=f"extract --jobs {jobs}"))
    )
    return time.perf_counter() - t0, hashlib.sha256(text.encode("utf-8")).hexdigest()


def large_against_small(total_bytes: int = 2_000_000, seed: int = 11) -> tuple[float, float]:
    """MB/s of one article of ``total_bytes`` and of the same text cut into articles of about 2 KB.

    The text is the synthetic corpus's paragraphs; the large article is their concatenation under one date
    header, so both runs extract the same sentences."""
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        synthetic_corpus(small, max(1, total_bytes // 1_960), seed=seed)
        paths = sorted(small.glob("*.txt"))
        bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in paths]
        large = Path(tmp) / "large.txt"
        large.write_text("date 2020-01-01\n" + "\n".join(bodies), encoding="utf-8")
        small_mb = sum(p.stat().st_size for p in paths) / 1e6
        large_mb = large.stat().st_size / 1e6
        small_s, _ = _run(_extract_file, [str(p) for p in paths], "2 KB articles")
        t0 = time.perf_counter()
        _extract_file(str(large))
        large_s = time.perf_counter() - t0
    return large_mb / large_s, small_mb / small_s


def verdict(ok: bool) -> str:
    return "met" if ok else "not met"


def long_sentence_seconds(n_chars: int = 200_000) -> float:
    """Time to extract one article that is a single 200,000-character sentence with no full stop."""
    words = (
        "Ecuador Israel visit embassy weapons training relations ambassador signed agreement vote "
        "Jerusalem office opened purchased drones cooperation recalled recognised Palestine the of and "
    ).split()
    rng = random.Random(3)
    text = ""
    while len(text) < n_chars:
        text += rng.choice(words) + (", " if rng.random() < 0.05 else " ")
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "long.txt"
        p.write_text("date 2020-01-01\n" + text[:n_chars], encoding="utf-8")
        t0 = time.perf_counter()
        _extract_file(str(p))
        return time.perf_counter() - t0


def suite() -> None:
    """Times of the build on the seeds (after imports), of executing every notebook, and of the test suite."""
    import shutil
    import subprocess

    from analysis.build import build_all
    from analysis.common.paths import ROOT
    from analysis.notebooks import NOTEBOOKS, execute

    t0 = time.perf_counter()
    build_all(check=True, quiet=True)  # renders everything in memory, writes nothing
    build_s = time.perf_counter() - t0
    print(f"alignment build on the seeds (data + figures, after imports): {build_s:.1f} s")
    t0 = time.perf_counter()
    build_all(check=True, figures=False, quiet=True)
    print(f"  of which data tables: {time.perf_counter() - t0:.1f} s")
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        notebooks_s = 0.0
        for nb in progress.bar(notebooks, desc="notebooks", unit="notebook"):
            copy = Path(tmp) / nb.name
            shutil.copy(nb, copy)
            notebooks_s += execute(copy)
        print(f"all {len(notebooks)} notebooks executed: {notebooks_s:.1f} s")
    t0 = time.perf_counter()
    if progress.enabled():
        progress.say("running the test suite (pytest -q -x) ...")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x"], cwd=ROOT, capture_output=True, text=True
    )
    tests_s = time.perf_counter() - t0
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    print(f"whole test suite: {tests_s:.0f} s: {last}")
    print("targets:")
    print(target_line("build on the seeds", f"{build_s:.1f} s", "< 5 s", build_s < 5))
    print(target_line("all notebooks executed", f"{notebooks_s:.1f} s", "< 60 s", notebooks_s < 60))
    print(
        target_line(
            "whole test suite",
            f"{tests_s:.0f} s, exit {proc.returncode}",
            "< 300 s, passing",
            tests_s < 300 and proc.returncode == 0,
        )
    )


def target_line(what: str, figure: str, target: str, ok: bool) -> str:
    """One target: the figure and the target side by side, then met or not met."""
    return f"  {what}: {figure} (target {target}): {verdict(ok)}"


def main(args: argparse.Namespace) -> int:
    """The benchmark, with the options ``alignment bench`` parsed (``python -m analysis.bench`` is the same)."""
    if args.suite:
        suite()
        return 0
    jobs = args.jobs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        nbytes = synthetic_corpus(folder, args.articles)
        paths = sorted(str(p) for p in folder.glob("*.txt"))
        mb = nbytes / 1e6
        print(f"corpus: {len(paths):,} articles, {mb:.1f} MB (generated in {time.perf_counter() - t0:.1f} s)")
        # the same code runs some 15-20% faster on a Python built with profile-guided optimisation (Debian's,
        # python.org's) than on a plain source build (pyenv's default): say which one the figures are from
        print(f"interpreter: Python {platform.python_version()} at {sys.executable}")
        rss0 = _rss_mb()
        floor_s, n_sent = _run(_floor_file, paths, "floor")
        print(
            f"floor (read + split sentences, 1 core): {floor_s:.2f} s, {mb / floor_s:.1f} MB/s, "
            f"{n_sent:,} sentences"
        )
        tenth = paths[: max(1, len(paths) // 10)]
        _run(_extract_file, tenth, "extract a tenth")
        rss_small = _rss_mb()
        one_s, n_rows = _run(_extract_file, paths, "extract")
        rss_full = _rss_mb()
        print(
            f"extract, 1 core: {one_s:.2f} s, {len(paths) / one_s:,.0f} articles/s, {mb / one_s:.2f} MB/s, "
            f"{n_rows:,} mentions, {one_s / floor_s:.1f}x the floor"
        )
        print(
            f"peak memory (max RSS): {rss0:.0f} MB before extraction, {rss_small:.0f} MB after "
            f"{len(tenth):,} articles, {rss_full:.0f} MB after {len(paths):,} (flat = streaming)"
        )
        serial_s, serial_hash = driver_run(paths, 1)
        multi_s, multi_hash = (serial_s, serial_hash) if jobs == 1 else driver_run(paths, jobs)
        same = serial_hash == multi_hash
        print(
            f"alignment extract --jobs 1: {serial_s:.2f} s, {len(paths) / serial_s:,.0f} articles/s; "
            f"--jobs {jobs}: {multi_s:.2f} s, {len(paths) / multi_s:,.0f} articles/s; "
            f"speed-up {serial_s / multi_s:.2f}x; rows identical: {'yes' if same else 'NO'}"
        )
        long_s = long_sentence_seconds()
        print(f"one 200,000-character sentence with no full stop: {long_s:.3f} s")
    large_rate, small_rate = large_against_small()
    ratio = large_rate / small_rate
    print(
        f"one 2 MB article: {large_rate:.2f} MB/s; the same text as 2 KB articles: {small_rate:.2f} MB/s; "
        f"ratio {ratio:.0%}"
    )
    scale = 10_000 / len(paths)
    print("targets:")
    print(target_line("extraction on one core", f"{mb / one_s:.2f} MB/s", ">= 1 MB/s", mb / one_s >= 1.0))
    print(
        target_line(
            f"10,000 articles on {jobs} cores",
            f"{multi_s:.1f} s" if len(paths) == 10_000 else f"{multi_s * scale:.1f} s (from {len(paths):,})",
            "< 60 s",
            multi_s * scale < 60,
        )
    )
    print(
        target_line(
            f"--jobs {jobs} against --jobs 1",
            f"speed-up {serial_s / multi_s:.2f}x, rows {'identical' if same else 'DIFFERENT'}",
            ">= 1.5x, identical rows" if jobs >= 2 else "identical rows (one job: no speed-up to measure)",
            same and (jobs < 2 or serial_s / multi_s >= 1.5),
        )
    )
    growth = rss_full / rss_small - 1
    print(
        target_line(
            "memory flat in corpus size",
            f"max RSS {growth:+.0%} from {len(tenth):,} to {len(paths):,} articles",
            "within +10%",
            growth <= 0.10,
        )
    )
    print(target_line("one 200,000-character sentence", f"{long_s:.3f} s", "< 1 s", long_s < 1))
    print(
        target_line(
            "a 2 MB article's per-MB rate",
            f"{ratio:.0%} of 2 KB articles'",
            ">= 70%",
            ratio >= 0.70,
        )
    )
    return 0


if __name__ == "__main__":  # the command line is the CLI's: one parser, one help text
    from analysis.cli import main as cli_main

    sys.exit(cli_main(["bench", *sys.argv[1:]]))
