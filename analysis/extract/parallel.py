"""Extraction on every core: the per-document extractor driven over a pool of processes, rows in input order.

The parent plans the corpus (paths and manifest rows, never the text: :func:`analysis.corpus.loading.plan_paths`)
and streams the plan to worker processes of the standard library's pool in chunks of a few hundred kilobytes,
with at most a few chunks per worker in flight. Each worker reads its articles one at a time, extracts them
and sends back their rows, with the warnings that reading raised and the error that stopped it, if any.
The parent takes the results in submission order, re-raises the warnings and the first error in that order,
and so gives the same rows, warnings and errors, in the same order, as ``jobs=1``, which runs the same steps
in this process. Memory stays flat in corpus size: the parent holds the plan and the rows, never the texts.

The unit of work is one document, with no state shared between documents, which is also what engines for
corpora beyond one machine want: a Dask bag of the plan (``dask.bag.from_sequence(sources).map(extract_one)``)
or Spark's ``mapPartitions`` over it runs :func:`extract_one` unchanged (see the README).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import NamedTuple

import pandas as pd

from analysis.common import progress
from analysis.common.errors import DataError, UsageError
from analysis.corpus.loading import MAX_BYTES, Source
from analysis.extract.engine import extract_document, prepare
from analysis.extract.vocabulary import COLUMNS

#: A chunk sent to a worker holds at most this many bytes of articles (or one article, however large) ...
CHUNK_BYTES = 256 * 1024
#: ... and at most this many articles.
CHUNK_ARTICLES = 64
#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT = 3


class Extracted(NamedTuple):
    """One article's event mentions and the metadata later stages need (not its text)."""

    doc_id: str
    published: date | None
    meta: dict[str, str]
    rows: list[dict]


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def check_jobs(jobs: object) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise UsageError(f"--jobs must be a whole number of processes, 1 or more, not {jobs!r}")
    return jobs


def extract_one(source: Source, max_bytes: int = MAX_BYTES) -> Extracted:
    """Read one article and extract it: the whole per-document step."""
    doc = source.load(max_bytes)
    return Extracted(doc.doc_id, doc.published, doc.meta, list(extract_document(doc)))


_Outcome = tuple["Extracted | None", list[tuple[str, type[Warning]]], "Exception | None"]


def _work(chunk: list[Source], max_bytes: int) -> list[_Outcome]:
    """A worker's task: each article of the chunk in turn, stopping at the first bad one."""
    out: list[_Outcome] = []
    for source in chunk:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = extract_one(source, max_bytes)
            except (DataError, UsageError) as exc:
                out.append((None, [(str(w.message), w.category) for w in caught], exc))
                return out
        out.append((result, [(str(w.message), w.category) for w in caught], None))
    return out


def _ignore_interrupt() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool; workers need not print tracebacks
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(sources: Sequence[Source]) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    size = 0
    for source in sources:
        try:
            nbytes = os.stat(source.path).st_size
        except OSError:
            nbytes = 0  # reading it will say what is wrong, in order
        if chunk and (size + nbytes > CHUNK_BYTES or len(chunk) >= CHUNK_ARTICLES):
            yield chunk
            chunk, size = [], 0
        chunk.append(source)
        size += nbytes
    if chunk:
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    # fork where there is one: workers start at once with the patterns the parent compiled
    return multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    )


def extract_sources(
    sources: Sequence[Source],
    jobs: int = 1,
    max_bytes: int = MAX_BYTES,
    desc: str = "extract",
    show_progress: bool = True,
) -> Iterator[Extracted]:
    """Each source's :class:`Extracted`, in the order given, read and extracted by ``jobs`` processes.

    ``jobs=1``, or a corpus that makes a single chunk, works in this process. Shows a progress bar on a
    terminal unless not ``show_progress`` (see :mod:`analysis.common.progress`).
    """
    check_jobs(jobs)
    chunks = list(_chunks(sources)) if jobs > 1 else []
    jobs = min(jobs, len(chunks))  # no more workers than chunks: a small corpus is read here, at once
    with progress.bar(total=len(sources), desc=desc, unit="article", show=show_progress) as bar:
        if jobs <= 1:
            for source in sources:
                yield extract_one(source, max_bytes)
                bar.update()
            return
        context = _context()
        if context.get_start_method() == "fork":
            prepare("en")  # compiled once here rather than once in every worker
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupt)
        pending: deque[Future[list[_Outcome]]] = deque()
        try:
            for chunk in chunks:
                pending.append(pool.submit(_work, chunk, max_bytes))
                if len(pending) >= jobs * IN_FLIGHT:
                    yield from _take(pending.popleft(), bar)
            while pending:
                yield from _take(pending.popleft(), bar)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _take(future: Future[list[_Outcome]], bar) -> Iterator[Extracted]:
    for result, warned, error in future.result():
        for message, category in warned:
            warnings.warn(message, category, stacklevel=2)
        if error is not None:
            raise error
        bar.update()
        yield result


def mentions_frame(results: Iterable[Extracted]) -> pd.DataFrame:
    """The rows of all results as :func:`analysis.extract.engine.mentions_frame` makes them."""
    df = pd.DataFrame([row for result in results for row in result.rows], columns=COLUMNS)
    df["year"] = df["year"].astype("Int64")
    df["start_char"] = df["start_char"].astype("Int64")
    df["end_char"] = df["end_char"].astype("Int64")
    return df
