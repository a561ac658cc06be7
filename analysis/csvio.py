"""Reading curated CSVs with errors that name file, line and field; writing outputs atomically."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from analysis.errors import DataError


def read_rows(path: Path, required: Sequence[str] = ()) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV as (line number, dict) pairs; a malformed row is an error naming its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError("file not found", path) from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 ({exc.reason} at byte {exc.start})", path) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError("empty file: expected a header row", path, line=1) from None
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", path, line=1) from None
    header = [h.strip() for h in header]
    for col in required:
        if col not in header:
            raise DataError(f"missing required column '{col}'", path, line=1, field=col)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for values in reader:
            line = reader.line_num
            if not values or all(not v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise DataError(
                    f"malformed CSV row: {len(values)} fields where the header has {len(header)}",
                    path,
                    line=line,
                )
            rows.append((line, dict(zip(header, (v.strip() for v in values), strict=True))))
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", path, line=reader.line_num) from None
    return rows


def frame_to_csv_text(df: pd.DataFrame) -> str:
    """Deterministic CSV text: LF line ends, no index, floats with repr precision."""
    return df.to_csv(index=False, lineterminator="\n")


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a failed build never leaves a half-written file."""
    write_files({Path(path): text.encode("utf-8")})


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def write_files(files: dict[Path, bytes]) -> None:
    """Write several files all-or-nothing: every temporary is complete before any is renamed into place."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, payload in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
            os.chmod(tmp, _FILE_MODE)  # mkstemp makes 0600; outputs are ordinary shared files
            temps.append((tmp, path))
        for tmp, path in temps:
            os.replace(tmp, path)
    finally:
        for tmp, _ in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)


def rows_to_csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()
