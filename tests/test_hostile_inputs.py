"""Regression tests for what a hostile-input hunt found: each case once crashed, corrupted output or passed silently."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.coding.stance import load_params
from analysis.common.errors import DataError
from analysis.common.outputs import write_files
from analysis.common.paths import DATA
from analysis.corpus.loading import load_corpus

ARTICLE = "date 2022-05-12\r\rEcuador opened an innovation\roffice in Jerusalem on Thursday during a visit to Israel\r"


def test_quotes_with_old_mac_line_ends_survive_the_csv_round_trip(tmp_path: Path, capsys) -> None:
    article = tmp_path / "mac.txt"
    article.write_bytes(ARTICLE.encode())
    out = tmp_path / "out.csv"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    rows = pd.read_csv(out, keep_default_na=False)
    raw = article.read_bytes().decode()
    assert len(rows) > 0
    for r in rows.itertuples():
        assert raw[int(r.start_char) : int(r.end_char)] == r.quote


def test_extract_refuses_to_overwrite_an_input_article(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ecuador's president visited Israel on Monday.", encoding="utf-8")
    assert main(["extract", str(article), "-o", str(article)]) == 2
    assert article.read_text(encoding="utf-8").startswith("Ecuador")
    assert "overwritten" in capsys.readouterr().err


def test_the_same_article_named_twice_is_extracted_once(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2022-05-12\nEcuador's president Lasso visited Israel on Monday.", encoding="utf-8"
    )
    assert main(["extract", str(article), str(article), str(tmp_path)]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len({(r["event_type"], r["start_char"]) for r in rows}) == len(rows)


def test_an_article_that_no_longer_matches_its_recorded_sha256_is_an_error_naming_the_manifest_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("Ecuador and Israel.", encoding="utf-8")
    digest = hashlib.sha256(b"something else").hexdigest()
    (tmp_path / "manifest.csv").write_text(f"file,sha256\na.txt,{digest}\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_corpus(tmp_path)
    assert info.value.line == 2 and info.value.field == "sha256"


def test_a_failed_write_puts_back_every_file_it_had_already_replaced(tmp_path: Path) -> None:
    first, blocked = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("old", encoding="utf-8")
    blocked.mkdir()  # a folder where a file must go: the second rename fails
    with pytest.raises(DataError):
        write_files({first: b"new", blocked: b"new"})
    assert first.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("bootstrap_resamples", "1e30"),
        ("bootstrap_resamples", "inf"),
        ("bootstrap_resamples", "5000.5"),
        ("ci_level", "2"),
        ("ci_level", "-0.5"),
        ("bootstrap_seed", "-5"),
        ("bootstrap_seed", "nan"),
    ],
)
def test_impossible_bootstrap_parameters_are_errors_naming_the_line(
    tmp_path: Path, parameter: str, value: str
) -> None:
    path = tmp_path / "stance_parameters.csv"
    shutil.copy(DATA / "stance_parameters.csv", path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    line = next(i for i, r in enumerate(rows, start=2) if r["parameter"] == parameter)
    for r in rows:
        if r["parameter"] == parameter:
            r["value"] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(DataError) as info:
        load_params(path)
    assert info.value.line == line and info.value.field == "value"


def test_an_unknown_bootstrap_parameter_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "stance_parameters.csv"
    text = (DATA / "stance_parameters.csv").read_text(encoding="utf-8") + "bootstrap_seeds,3,typo\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_params(path)
    assert info.value.field == "parameter"
