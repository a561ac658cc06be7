"""Re-execute the notebook suite in place with its outputs (``alignment build --notebooks``).

Uses nbclient, the engine under nbconvert and nbval, with the notebook's folder as working directory
(as nbval runs it), so the stored outputs are what the strict nbval check compares against.
"""

from __future__ import annotations

import sys
import time

import nbformat
from nbclient import NotebookClient

from analysis.common.paths import NOTEBOOKS


def execute(path, timeout: int = 600) -> float:
    """Execute one notebook in place; returns the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    t0 = time.perf_counter()
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    for cell in nb.cells:  # keep diffs small: no per-cell execution timestamps
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return time.perf_counter() - t0


def execute_all(quiet: bool = False) -> dict[str, float]:
    times = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        times[path.name] = execute(path)
        if not quiet:
            print(f"[notebooks] {path.name}: {times[path.name]:.1f}s", file=sys.stderr, flush=True)
    return times
