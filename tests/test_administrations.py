"""Administrations: the curated table is contiguous, and a date maps to the president in office."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from analysis.common.administrations import (
    ADMINISTRATIONS_CSV,
    BACKGROUND,
    CODED_FROM,
    administration_for,
    interval,
    load_administrations,
    president_on,
)
from analysis.common.errors import DataError

HEADER = "president,name,start,end,source\n"
GOOD = [
    "correa,Rafael Correa,2007-01-15,2017-05-24,a source\n",
    "moreno,Lenín Moreno,2017-05-24,2021-05-24,a source\n",
    "lasso,Guillermo Lasso,2021-05-24,2023-11-23,a source\n",
    "noboa,Daniel Noboa,2023-11-23,2029-05-24,a source\n",
]


def table(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "administrations.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_the_committed_table_is_contiguous_and_starts_at_correa() -> None:
    admins = load_administrations(ADMINISTRATIONS_CSV)
    assert [a.president for a in admins] == ["correa", "moreno", "lasso", "noboa"]
    assert admins[0].start == CODED_FROM
    for prev, cur in itertools.pairwise(admins):
        assert prev.end == cur.start
    assert all(a.source for a in admins)


def test_a_hand_made_contiguous_table_loads_in_date_order_whatever_the_row_order(tmp_path: Path) -> None:
    admins = load_administrations(table(tmp_path, [GOOD[2], GOOD[0], GOOD[3], GOOD[1]]))
    assert [a.president for a in admins] == ["correa", "moreno", "lasso", "noboa"]


def test_overlapping_administrations_are_an_error_naming_the_row(tmp_path: Path) -> None:
    rows = list(GOOD)
    rows[2] = "lasso,Guillermo Lasso,2021-05-01,2023-11-23,a source\n"  # starts before Moreno ends
    path = table(tmp_path, rows)
    with pytest.raises(DataError) as info:
        load_administrations(path)
    err = info.value
    assert (err.file, err.line, err.field) == (str(path), 4, "start")
    assert "overlaps moreno" in err.message and "line 4" in str(err)


def test_a_gap_between_administrations_is_an_error_naming_the_row(tmp_path: Path) -> None:
    rows = list(GOOD)
    rows[3] = "noboa,Daniel Noboa,2023-12-01,2029-05-24,a source\n"  # a week with nobody in office
    path = table(tmp_path, rows)
    with pytest.raises(DataError) as info:
        load_administrations(path)
    err = info.value
    assert (err.file, err.line, err.field) == (str(path), 5, "start")
    assert "gap after lasso" in err.message


def test_overlap_is_reported_on_the_later_row_even_when_rows_are_out_of_order(tmp_path: Path) -> None:
    rows = [GOOD[0], "moreno,Lenín Moreno,2017-01-01,2021-05-24,a source\n", GOOD[2], GOOD[3]]
    path = table(tmp_path, [rows[3], rows[1], rows[0], rows[2]])
    with pytest.raises(DataError) as info:
        load_administrations(path)
    assert (info.value.line, info.value.field) == (3, "start")  # moreno's row, the one that overlaps


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("moreno,Lenín Moreno,2017-05-24,2017-05-24,a source\n", "end"),
        ("moreno,Lenín Moreno,24/05/2017,2021-05-24,a source\n", "start"),
        ("moreno,Lenín Moreno,2017-05-24,2021-02-30,a source\n", "end"),
        ("moreno,Lenín Moreno,2017-05-24,2021-05-24,\n", "source"),
        (",Lenín Moreno,2017-05-24,2021-05-24,a source\n", "president"),
    ],
    ids=["end-not-after-start", "not-iso", "impossible-day", "no-source", "no-president"],
)
def test_bad_rows_are_errors_naming_line_and_field(tmp_path: Path, row: str, field: str) -> None:
    path = table(tmp_path, [GOOD[0], row, GOOD[2], GOOD[3]])
    with pytest.raises(DataError) as info:
        load_administrations(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 3, field)


def test_a_malformed_row_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = table(tmp_path, [GOOD[0], "moreno,Lenín Moreno,2017-05-24,2021-05-24,a source,extra\n"])
    with pytest.raises(DataError) as info:
        load_administrations(path)
    assert (info.value.file, info.value.line) == (str(path), 3)


# ------------------------------------------------------------------------------------ date -> who


@pytest.mark.parametrize(
    ("day", "president"),
    [
        (date(2007, 1, 14), BACKGROUND),
        (date(2007, 1, 15), "correa"),
        (date(2017, 5, 23), "correa"),
        (date(2017, 5, 24), "moreno"),  # the successor's swearing-in day is the successor's
        (date(2021, 5, 24), "lasso"),
        (date(2023, 11, 22), "lasso"),
        (date(2023, 11, 23), "noboa"),
        (date(1949, 1, 1), BACKGROUND),
        (date(2030, 1, 1), ""),  # after the table ends: nobody known
    ],
)
def test_president_on_is_start_inclusive_and_end_exclusive(day: date, president: str) -> None:
    assert president_on(day) == president


@pytest.mark.parametrize(
    ("when", "precision", "president"),
    [
        ("2017", "year", "moreno"),  # midpoint 2 July 2017, after Moreno's 24 May inauguration
        ("2021", "year", "lasso"),
        ("2023", "year", "lasso"),  # midpoint in July; Noboa came in November
        ("2023-11", "month", "lasso"),  # midpoint 15 November
        ("2023-11-23", "day", "noboa"),
        ("2017-05", "month", "correa"),  # midpoint 16 May
        ("2007", "year", "correa"),
        ("2006", "year", BACKGROUND),
        ("1975", "decade", BACKGROUND),
        ("2010", "decade", "correa"),  # 2005..2014: midpoint 2010
        ("", "unknown", ""),
    ],
)
def test_administration_follows_the_midpoint_of_the_dates_span(
    when: str, precision: str, president: str
) -> None:
    assert administration_for(when, precision) == president


def test_interval_spans_of_truncated_dates() -> None:
    assert interval("2022-05-12", "day") == (date(2022, 5, 12), date(2022, 5, 12))
    assert interval("2022-05", "month") == (date(2022, 5, 1), date(2022, 5, 31))
    assert interval("2024-02", "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval("2022-12", "month") == (date(2022, 12, 1), date(2022, 12, 31))
    assert interval("2022", "year") == (date(2022, 1, 1), date(2022, 12, 31))
    assert interval("1975", "decade") == (date(1970, 1, 1), date(1979, 12, 31))


def test_years_in_office_stop_at_the_as_of_date_or_the_end() -> None:
    admins = {a.president: a for a in load_administrations(ADMINISTRATIONS_CSV)}
    assert admins["lasso"].years_in_office(date(2030, 1, 1)) == pytest.approx(913 / 365.25)
    assert admins["noboa"].years_in_office(date(2023, 11, 23)) == 0.0
    assert admins["noboa"].years_in_office(date(2020, 1, 1)) == 0.0
