"""Re-execute the notebook suite in place with its outputs (``alignment build --notebooks``).

Uses nbclient, the engine under nbconvert and nbval, with the notebook's folder as working directory
(as nbval runs it), so the stored outputs are what the strict nbval check compares against. The kernel's
own stderr is passed on without its start-up warning that local TCP is unencrypted (it always is, on a
kernel started for one run on this machine), so real kernel errors stay visible.
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from analysis.common import progress
from analysis.common.paths import NOTEBOOKS

#: Lines of the kernel's stderr that are noise here: ipykernel warns at every start that TCP is unencrypted
#: ("... susceptible to eavesdropping ...").
KERNEL_NOISE = ("Kernel is running over TCP",)


def execute(path: Path, timeout: int = 600) -> float:
    """Execute one notebook in place; returns the seconds it took."""
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    t0 = time.perf_counter()
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    with tempfile.TemporaryFile() as kernel_stderr, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=KERNEL_NOISE[0], category=UserWarning)
        try:
            client.execute(stderr=kernel_stderr)
        finally:
            kernel_stderr.seek(0)
            for line in kernel_stderr.read().decode("utf-8", errors="replace").splitlines():
                if line.strip() and not any(noise in line for noise in KERNEL_NOISE):
                    print(line, file=sys.stderr)
    for cell in nb.cells:  # keep diffs small: no per-cell execution timestamps
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return time.perf_counter() - t0


def execute_all(quiet: bool = False) -> dict[Path, str]:
    """Execute every notebook in place; returns each one's path with "changed" or "unchanged"."""
    statuses = {}
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    with progress.bar(total=len(paths), desc="notebooks", unit="notebook", show=not quiet) as bar:
        for path in paths:
            before = path.read_bytes()
            seconds = execute(path)
            statuses[path] = "unchanged" if path.read_bytes() == before else "changed"
            if not quiet:
                progress.say(f"[notebooks] {path.name}: {seconds:.1f}s")
            bar.update()
    return statuses
