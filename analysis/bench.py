"""Speed and memory benchmark for extraction: ``python -m analysis.bench`` (or ``alignment bench``).

Builds a synthetic corpus by recombining the seeds' sentences, then prints articles/s, MB/s, peak memory and
the ratio to a floor measured in the same run (reading the files and splitting sentences, nothing else).
Targets (issue 3): >= 1 MB/s on one core; 10,000 articles in < 60 s on both cores; memory flat in corpus
size; a 200,000-character sentence with no full stop extracts in well under a second.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

from analysis.common.paths import SEEDS
from analysis.corpus.loading import load_corpus, load_document
from analysis.corpus.sentences import split_sentences
from analysis.extract.engine import extract_document


def synthetic_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles recombined from the seeds' sentences; returns the bytes written."""
    sentences = []
    for doc in load_corpus(SEEDS):
        sentences += [s.text for s in split_sentences(doc.text, doc.body_start) if len(s.text) > 30]
    rng = random.Random(seed)
    total = 0
    for i in range(n):
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


def _run(fn, paths: list[str], workers: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    if workers == 1:
        count = sum(fn(p) for p in paths)
    else:
        with get_context("fork").Pool(workers) as pool:
            count = sum(pool.imap_unordered(fn, paths, chunksize=64))
    return time.perf_counter() - t0, count


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
    print(
        f"alignment build on the seeds (data + figures, after imports): {time.perf_counter() - t0:.1f} s "
        "(target < 5 s)"
    )
    t0 = time.perf_counter()
    build_all(check=True, figures=False, quiet=True)
    print(f"  of which data tables: {time.perf_counter() - t0:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        total = 0.0
        for nb in sorted(NOTEBOOKS.glob("*.ipynb")):
            copy = Path(tmp) / nb.name
            shutil.copy(nb, copy)
            total += execute(copy)
        print(f"all notebooks executed: {total:.1f} s (target < 60 s)")
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x"], cwd=ROOT, capture_output=True, text=True
    )
    last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""
    print(f"whole test suite: {time.perf_counter() - t0:.0f} s (target < 300 s): {last}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument(
        "--suite", action="store_true", help="time the build, the notebooks and the test suite instead"
    )
    args = ap.parse_args(argv)
    if args.suite:
        suite()
        return 0
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
        floor_s, n_sent = _run(_floor_file, paths, 1)
        print(
            f"floor (read + split sentences, 1 core): {floor_s:.2f} s, {mb / floor_s:.1f} MB/s, "
            f"{n_sent:,} sentences"
        )
        tenth = paths[: max(1, len(paths) // 10)]
        _run(_extract_file, tenth, 1)
        rss_small = _rss_mb()
        one_s, n_rows = _run(_extract_file, paths, 1)
        rss_full = _rss_mb()
        print(
            f"extract, 1 core: {one_s:.2f} s, {len(paths) / one_s:,.0f} articles/s, {mb / one_s:.2f} MB/s, "
            f"{n_rows:,} mentions, {one_s / floor_s:.1f}x the floor"
        )
        multi_s, _ = _run(_extract_file, paths, args.workers)
        print(
            f"extract, {args.workers} cores: {multi_s:.2f} s, {len(paths) / multi_s:,.0f} articles/s, "
            f"{mb / multi_s:.2f} MB/s"
        )
        print(
            f"peak memory (max RSS): {rss0:.0f} MB before extraction, {rss_small:.0f} MB after "
            f"{len(tenth):,} articles, {rss_full:.0f} MB after {len(paths):,} (flat = streaming)"
        )
        print(f"one 200,000-character sentence with no full stop: {long_sentence_seconds():.3f} s")
        ok = mb / one_s >= 1.0 and multi_s < 60
        print(
            f"targets (>= 1 MB/s on one core, 10,000 articles < 60 s on both cores): {'met' if ok else 'MISSED'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
