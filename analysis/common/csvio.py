"""Reading curated CSVs with errors that name file, line and field; deterministic CSV text.

Writing files is :mod:`analysis.common.outputs`' job (all-or-nothing, interrupt-safe)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from analysis.common.errors import DataError


def read_rows(path: Path, required: Sequence[str] = ()) -> list[tuple[int, dict[str, str]]]:
    """Rows of a CSV as (line number, dict) pairs; a malformed row is an error naming its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError("file not found", path) from None
    except IsADirectoryError:
        raise DataError("is a folder, not a CSV file", path) from None
    except OSError as exc:
        raise DataError(f"cannot be read ({exc.strerror})", path) from None
    except UnicodeDecodeError as exc:
        raw = path.read_bytes()
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise DataError("saved as UTF-16 (Excel's 'Unicode text'); save it as CSV UTF-8", path) from None
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataError(
            f"not UTF-8 ({exc.reason} at byte {exc.start}); save it as CSV UTF-8", path, line=line
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DataError("holds a NUL byte: a binary file, not a CSV", path, line=line)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError("empty file: expected a header row", path, line=1) from None
    except csv.Error as exc:
        raise DataError(f"malformed CSV: {exc}", path, line=1) from None
    header = [h.strip() for h in header]
    named = [h for h in header if h]
    for col in named:
        if named.count(col) > 1:
            raise DataError(f"column '{col}' appears twice in the header", path, line=1, field=col)
    for col in required:
        if col not in header:
            raise DataError(f"missing required column '{col}'", path, line=1, field=col)
    rows: list[tuple[int, dict[str, str]]] = []
    start = reader.line_num + 1  # a row's first line: a quoted field may span several
    try:
        for values in reader:
            line, end = start, reader.line_num
            start = end + 1
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
        if "unexpected end of data" in str(exc):
            raise DataError(
                "a quoted field opened in this row is never closed (a stray '\"'?)", path, line=start
            ) from None
        raise DataError(f"malformed CSV: {exc}", path, line=reader.line_num) from None
    return rows


#: What a spreadsheet program reads as the start of a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells cannot run as formulas when the CSV is opened in a spreadsheet.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, which
    Excel and LibreOffice read as "this is text". Only for files written *for* spreadsheets: it changes the
    text, so quotes no longer equal the article's slice at their offsets, and the data CSVs must stay exact.
    Numbers (``-3.0`` as a float) are left alone; they are not text.
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out


def frame_to_csv_text(df: pd.DataFrame) -> str:
    """Deterministic CSV text: LF line ends, no index, floats with repr precision.

    A text cell holding a carriage return (an article with old Mac line ends) is not quoted by the csv module
    when lines end in LF, which would break the row; such a table is written with every field quoted.
    """
    has_cr = any(
        df[c].map(lambda v: isinstance(v, str) and "\r" in v).any()
        for c in df.columns
        if df[c].dtype == object or pd.api.types.is_string_dtype(df[c])
    )
    return df.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_ALL if has_cr else csv.QUOTE_MINIMAL)


def rows_to_csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()
