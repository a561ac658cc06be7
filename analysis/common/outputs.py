"""Writing outputs all-or-nothing, even when the process is interrupted, killed or out of disk.

A build writes some fifty files into ``data/`` and ``figures/``. An analyst who presses Ctrl-C, a CI runner
that sends SIGTERM, a full disk or a power cut must never leave a mix of old and new outputs, nor stray
temporary files. :func:`write_files` does it in three steps:

1. **Stage.** Every payload goes to a temporary file beside its target (``.NAME.PID.alignment-tmp``),
   flushed to disk. Any error here removes every temporary and changes nothing.
2. **Decide.** A journal (``.alignment-commit.json`` in the folder that holds every target) lists each
   temporary and its target. It is written atomically: once it exists, the new state is decided.
3. **Commit.** With SIGINT and SIGTERM blocked (they are delivered right after), each temporary is renamed
   onto its target, then the journal is removed.

A process killed in step 3 (SIGKILL, power loss) leaves the journal: the next write into that folder, and
every ``alignment`` command that writes, first finishes the commit (:func:`recover`). Temporaries without a
journal belong to a write that never decided; recovery removes them once their process is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from analysis.common.errors import DataError, UsageError

JOURNAL = ".alignment-commit.json"
TMP_SUFFIX = ".alignment-tmp"
_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _common_folder(paths: list[Path]) -> Path:
    return Path(os.path.commonpath([str(p.parent) for p in paths]))


def _check_target(path: Path) -> None:
    """Refuse to replace anything but a regular file: a folder, a FIFO, a device or a link is not an output."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DataError(f"cannot be written ({_why(exc)})", path) from None
    if stat.S_ISLNK(st.st_mode):
        raise DataError("is a symbolic link; give the path of a regular file (nothing was written)", path)
    if stat.S_ISDIR(st.st_mode):
        raise DataError("is a folder where an output file belongs (nothing was written)", path)
    if not stat.S_ISREG(st.st_mode):
        raise DataError("is not a regular file (a FIFO, socket or device); nothing was written", path)


def _stage(path: Path, payload: bytes, temps: list[str]) -> str:
    """Write ``payload`` to a new temporary beside ``path``, named in ``temps`` before it exists (so an
    interrupt at any moment leaves the caller a complete list of what to remove); returns its name."""
    tmp = str(path.parent / f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    temps.append(tmp)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), _FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise DataError(f"could not write the outputs ({_why(exc)}); nothing was changed", path) from None
    return tmp


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block is done: an interrupt cannot split what runs inside."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _finish(folder: Path, journal: Path) -> int:
    """Roll a decided commit forward: rename every temporary still there onto its target."""
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        # a journal is written atomically, so a broken one was not written by us: leave the outputs alone
        raise DataError(
            "unreadable commit journal; remove it by hand after checking the outputs", journal
        ) from None
    done = 0
    with _signals_deferred():
        for tmp, target in entries:
            tmp_path, target_path = folder / tmp, folder / target
            if tmp_path.exists():
                os.replace(tmp_path, target_path)
                done += 1
        journal.unlink()
    return done


def recover(folder: Path, sweep: Iterable[Path] = ()) -> list[str]:
    """Finish a commit a killed process left in ``folder``; remove temporaries that writes which never
    decided left in ``folder`` and the ``sweep`` folders (once their process is gone). Returns what it did,
    one line each, for the caller to report."""
    folder = Path(folder)
    notes: list[str] = []
    journal = folder / JOURNAL
    if journal.is_file():
        n = _finish(folder, journal)
        notes.append(f"finished an interrupted write in {folder} ({n} files)")
    for place in dict.fromkeys([folder, *map(Path, sweep)]):
        try:
            strays = sorted(place.glob(f".*{TMP_SUFFIX}")) if place.is_dir() else []
        except OSError:
            continue
        for p in strays:
            pid = p.name[: -len(TMP_SUFFIX)].rpartition(".")[2]
            if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                with contextlib.suppress(OSError):
                    p.unlink()
                    notes.append(f"removed {p}, left by an interrupted write")
    return notes


def write_files(files: dict[Path, bytes], journal_folder: Path | None = None) -> None:
    """Write several files all-or-nothing (see the module docstring). ``journal_folder`` must hold every
    target (default: their deepest common folder)."""
    if not files:
        return
    targets = [Path(p) for p in files]
    folder = Path(journal_folder) if journal_folder is not None else _common_folder(targets)
    for path in targets:
        _check_target(path)
    recover(folder, sweep={p.parent for p in targets})
    temps: list[str] = []  # every temporary this call may have made, the journal's own included
    staged: list[tuple[str, Path]] = []
    decided = False
    journal = folder / JOURNAL
    try:
        for path, payload in files.items():
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DataError(
                    f"could not make the folder ({_why(exc)}); nothing was changed", path.parent
                ) from None
            staged.append((_stage(path, payload, temps), path))
        record = {"files": [[os.path.relpath(t, folder), os.path.relpath(p, folder)] for t, p in staged]}
        jtmp = _stage(journal, json.dumps(record).encode("utf-8"), temps)
        with _signals_deferred():
            os.replace(jtmp, journal)  # the decision: from here on the new state is what recovery makes
            decided = True
            _finish(folder, journal)
    except OSError as exc:
        if decided:
            raise DataError(
                f"the outputs were decided but not all renamed ({_why(exc)}); the next run finishes it",
                journal,
            ) from None
        raise DataError(
            f"could not write the outputs ({_why(exc)}); nothing was changed", exc.filename or folder
        ) from None
    finally:
        if not decided:
            for tmp in temps:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


def atomic_write_text(path: Path, text: str) -> None:
    """One file, written via a temporary and a rename: a reader sees the old file or the new, never half."""
    write_files({Path(path): text.encode("utf-8")}, journal_folder=Path(path).parent)


def resolve_output(target: str, default_name: str) -> Path | None:
    """Where ``-o TARGET`` writes: None for standard output (``-``, ``/dev/stdout``); ``DIR/default_name``
    for a folder or a name ending in a slash; else the file, which must be regular if it exists."""
    if target in ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"):
        return None
    path = Path(target)
    if target.endswith(("/", os.sep)) or path.is_dir():
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"-o {target}: cannot make the folder ({_why(exc)})") from None
        path = path / default_name
    try:
        _check_target(path)
    except DataError as exc:
        raise UsageError(f"-o {target}: {exc.message}") from None
    return path


def write_output(
    target: str | None, text: str, default_name: str, stdout: TextIO | None = None
) -> Path | None:
    """Write ``text`` to what ``-o`` names (standard output when None or ``-``); returns the file written."""
    path = resolve_output(target, default_name) if target else None
    if path is None:
        (stdout or sys.stdout).write(text)
        return None
    atomic_write_text(path, text)
    return path
