"""Progress on a terminal, nothing anywhere else.

Long work (extracting a folder, the build's stages, the benchmark) shows counts, rate and time left with tqdm
when stderr is a terminal. In CI, pipes, files and notebooks it adds nothing to the output. The environment
variable ``ALIGNMENT_PROGRESS`` overrides the guess: ``1`` shows the bars anyway (e.g. through ``tee``),
``0`` never shows them.
"""

from __future__ import annotations

import os
import sys

from tqdm import tqdm

ENV = "ALIGNMENT_PROGRESS"


def enabled() -> bool:
    """Whether bars are shown: ``ALIGNMENT_PROGRESS`` if set to 0 or 1, else whether stderr is a terminal."""
    forced = os.environ.get(ENV, "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    try:
        return bool(sys.stderr.isatty())
    except (AttributeError, ValueError):  # no stderr, or a closed one
        return False


class _Bar(tqdm):
    # no monitor thread: the extraction and figure pools fork while a bar is open
    monitor_interval = 0


def bar(
    iterable=None, total: int | None = None, desc: str = "", unit: str = "it", show: bool = True, **kwargs
) -> tqdm:
    """A progress bar on stderr, or a silent stand-in with the same methods when bars are off (or not
    ``show``, e.g. under ``--quiet``)."""
    return _Bar(
        iterable,
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        disable=not (show and enabled()),
        leave=False,
        dynamic_ncols=True,
        mininterval=0.2,
        **kwargs,
    )


def say(message: str) -> None:
    """A line on stderr that does not tear an open bar."""
    if enabled():
        tqdm.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr, flush=True)
