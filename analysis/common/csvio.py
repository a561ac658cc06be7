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
