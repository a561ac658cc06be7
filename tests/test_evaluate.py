"""Evaluation: precision, recall and F1 of (file, event_type, year) sets against gold annotations.

Matching: same file, same type, year within one year; a blank gold year matches any year; gold and
predictions are sets; each gold pair is matched at most once.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.common.errors import DataError
from analysis.evaluate import evaluate_files, format_report, read_pairs, score
from analysis.extract.vocabulary import EVENT_TYPES


def counts(report, event_type: str = "ALL") -> tuple[int, int, int]:
    row = report.table.set_index("event_type").loc[event_type]
    return int(row["tp"]), int(row["fp"]), int(row["fn"])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("gold_year", "pred_year", "matched"),
    [
        (2022, 2022, True),
        (2022, 2021, True),
        (2022, 2023, True),
        (2022, 2020, False),
        (2022, 2024, False),
        (None, 1949, True),  # a blank gold year matches any year
        (None, None, True),
        (2022, None, False),  # an undated prediction does not match a dated gold
    ],
)
def test_year_within_one_and_blank_gold_year_matches_any(
    gold_year: int | None, pred_year: int | None, matched: bool
) -> None:
    r = score({("a.txt", "visit", gold_year)}, {("a.txt", "visit", pred_year)})
    assert counts(r) == ((1, 0, 0) if matched else (0, 1, 1))


def test_a_different_file_or_type_never_matches() -> None:
    gold = {("a.txt", "visit", 2022), ("b.txt", "agreement", 2022)}
    pred = {("b.txt", "visit", 2022), ("a.txt", "agreement", 2022)}
    r = score(gold, pred)
    assert counts(r) == (0, 2, 2)
    assert counts(r, "visit") == (0, 1, 1) and counts(r, "agreement") == (0, 1, 1)


def test_each_gold_pair_is_matched_at_most_once() -> None:
    r = score({("a.txt", "visit", 2022)}, {("a.txt", "visit", 2021), ("a.txt", "visit", 2022)})
    assert counts(r) == (1, 1, 0)
    assert r.false_positives == [("a.txt", "visit", 2021)]


def test_an_exact_year_is_never_stolen_by_a_near_one() -> None:
    # 2021 could take gold 2022 (within one) but 2022 has an exact match there
    gold = {("a.txt", "visit", 2022), ("a.txt", "visit", 2020)}
    pred = {("a.txt", "visit", 2021), ("a.txt", "visit", 2022)}
    r = score(gold, pred)
    assert counts(r) == (2, 0, 0)


def test_a_dated_gold_is_preferred_to_a_blank_one_so_both_can_match() -> None:
    gold = {("a.txt", "visit", None), ("a.txt", "visit", 2021)}
    pred = {("a.txt", "visit", 2020), ("a.txt", "visit", 2025)}
    assert counts(score(gold, pred)) == (2, 0, 0)


def test_gold_and_predictions_are_sets(tmp_path: Path) -> None:
    gold = write(tmp_path, "gold.csv", "file,event_type,year\na.txt,visit,2022\na.txt,visit,2022\n")
    pred = write(
        tmp_path,
        "pred.csv",
        "file,event_type,year,status\nseeds/a.txt,visit,2022,happened\na.txt,visit,2022.0,planned\n",
    )
    assert read_pairs(gold) == {("a.txt", "visit", 2022)}
    assert read_pairs(pred) == {("a.txt", "visit", 2022)}  # folder dropped, year read as a number
    assert counts(evaluate_files(gold, pred)) == (1, 0, 0)


def test_predictions_for_files_without_gold_are_not_scored() -> None:
    r = score({("a.txt", "visit", 2022)}, {("a.txt", "visit", 2022), ("zzz.txt", "visit", 2022)})
    assert counts(r) == (1, 0, 0)


def test_ties_within_one_year_are_broken_deterministically_so_both_predictions_match() -> None:
    # per file: gold 2019 and 2021, predictions 2020 and 2022: 2020->2019 and 2022->2021 match both
    files = [f"f{i:03d}.txt" for i in range(100)]
    gold = {(f, "visit", y) for f in files for y in (2019, 2021)}
    pred = {(f, "visit", y) for f in files for y in (2020, 2022)}
    assert counts(score(gold, pred)) == (200, 0, 0)


# ------------------------------------------------------------------------------------ the table


def test_the_table_has_a_row_per_type_present_and_an_all_row_that_sums_them() -> None:
    gold = {("a.txt", "visit", 2022), ("a.txt", "agreement", 2022), ("b.txt", "statement", None)}
    pred = {("a.txt", "visit", 2022), ("a.txt", "office_opening", 2022), ("b.txt", "statement", 2019)}
    r = score(gold, pred)
    t = r.table.set_index("event_type")
    assert list(r.table.columns) == [
        "event_type",
        "gold",
        "predicted",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1",
    ]
    assert list(t.index) == ["visit", "office_opening", "agreement", "statement", "ALL"]  # codebook order
    assert set(t.index) - {"ALL"} <= set(EVENT_TYPES)
    per_type = t.drop(index="ALL")
    for col in ("gold", "predicted", "tp", "fp", "fn"):
        assert t.loc["ALL", col] == per_type[col].sum(), col
    assert counts(r) == (2, 1, 1)
    assert t.loc["ALL", "precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert t.loc["ALL", "recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert t.loc["ALL", "f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert r.false_negatives == [("a.txt", "agreement", 2022)]
    assert r.false_positives == [("a.txt", "office_opening", 2022)]


def test_the_all_row_is_there_even_with_nothing_to_score() -> None:
    r = score(set(), set())
    assert list(r.table["event_type"]) == ["ALL"]
    assert counts(r) == (0, 0, 0)
    assert r.table.iloc[0][["precision", "recall", "f1"]].tolist() == [0.0, 0.0, 0.0]


def test_format_report_lists_the_misses() -> None:
    r = score({("a.txt", "visit", 2022)}, {("a.txt", "agreement", 2022)})
    text = format_report(r)
    assert "ALL" in text and "false positives" in text and "missed gold" in text
    assert isinstance(r.table, pd.DataFrame)


# ----------------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("which", ["gold", "pred"])
def test_an_unknown_event_type_is_a_data_error_naming_file_line_and_field(tmp_path: Path, which: str) -> None:
    good = "file,event_type,year\na.txt,visit,2022\n"
    bad = "file,event_type,year\na.txt,visit,2022\na.txt,embassy_move,2024\n"
    gold = write(tmp_path, "gold.csv", bad if which == "gold" else good)
    pred = write(tmp_path, "pred.csv", bad if which == "pred" else good)
    with pytest.raises(DataError) as info:
        evaluate_files(gold, pred)
    bad_path = gold if which == "gold" else pred
    assert (info.value.file, info.value.line, info.value.field) == (str(bad_path), 3, "event_type")
    assert "embassy_move" in info.value.message


def test_a_year_that_is_not_a_number_is_a_data_error_naming_the_line(tmp_path: Path) -> None:
    gold = write(tmp_path, "gold.csv", "file,event_type,year\na.txt,visit,2022\na.txt,visit,May\n")
    with pytest.raises(DataError) as info:
        read_pairs(gold)
    assert (info.value.line, info.value.field) == (3, "year")


def test_a_gold_file_without_the_year_column_is_a_data_error(tmp_path: Path) -> None:
    gold = write(tmp_path, "gold.csv", "file,event_type\na.txt,visit\n")
    with pytest.raises(DataError) as info:
        read_pairs(gold)
    assert (info.value.line, info.value.field) == (1, "year")


# ----------------------------------------------------------------------- the actor-target pair (issue 17)


def test_with_pair_a_third_countrys_event_does_not_match_an_ecuador_israel_gold_row(tmp_path: Path) -> None:
    gold = write(
        tmp_path,
        "gold.csv",
        "file,event_type,year,note\n"
        "a.txt,office_opening,2018,Ecuador's office\n"
        "a.txt,diplomatic_downgrade,2023,Third country: Bolivia severed relations (actor BOL)\n"
        "a.txt,palestine_recognition,2010,Correa recognised Palestine\n",
    )
    pred = write(
        tmp_path,
        "pred.csv",
        "file,event_type,year,actor,target\n"
        "a.txt,office_opening,2018,PRY,ISR\n"  # Paraguay's embassy: only the plain score matches it
        "a.txt,diplomatic_downgrade,2023,BOL,ISR\n"
        "a.txt,palestine_recognition,2010,ECU,PSE\n",
    )
    assert counts(evaluate_files(gold, pred)) == (3, 0, 0)
    assert counts(evaluate_files(gold, pred, pair=True)) == (2, 1, 1)
    assert read_pairs(pred, pair=True) >= {("a.txt", "office_opening", 2018, "ISR-PRY")}
    assert read_pairs(gold, pair=True) >= {("a.txt", "office_opening", 2018, "ECU-ISR")}


def test_with_pair_the_order_of_actor_and_target_does_not_matter(tmp_path: Path) -> None:
    gold = write(tmp_path, "gold.csv", "file,event_type,year,actor,target\na.txt,visit,2022,ISR,ECU\n")
    pred = write(tmp_path, "pred.csv", "file,event_type,year,actor,target\na.txt,visit,2021,ECU,ISR\n")
    assert counts(evaluate_files(gold, pred, pair=True)) == (1, 0, 0)


def test_the_cli_prints_both_scores_with_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    gold = write(tmp_path, "gold.csv", "file,event_type,year\na.txt,visit,2022\n")
    pred = write(tmp_path, "pred.csv", "file,event_type,year,actor,target\na.txt,visit,2022,COL,ISR\n")
    assert main(["evaluate", "--gold", str(gold), "--pred", str(pred), "--pair"]) == 0
    out = capsys.readouterr().out
    assert "with the actor-target pair required to match" in out
    assert "ISR-COL" not in out and "COL-ISR" in out
