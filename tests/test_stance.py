"""Codebook and stance: curated weights are validated, and each administration's score is what it claims.

Validation tests edit a copy of a curated file in ``tmp_path`` and expect a DataError naming that file, the
edited line and the field. Score tests use hand-made events whose values can be checked by hand; the
sanity test runs the real pipeline on the seeds.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.coding.stance import (
    COMPONENTS,
    coded_events,
    coded_presidents,
    label_for,
    load_codebook,
    load_coding,
    load_labels,
    load_multipliers,
    load_params,
    stance_by_administration,
    stance_by_year,
)
from analysis.common.administrations import administrations
from analysis.common.errors import DataError
from analysis.common.paths import DATA
from analysis.extract.vocabulary import EVENT_TYPES

AS_OF = date(2025, 6, 9)


def edited_copy(tmp_path: Path, name: str, key: str, field: str, value: str) -> tuple[Path, int]:
    """Copy ``data/<name>`` into ``tmp_path`` with ``field`` of the row whose first cell is ``key`` set to
    ``value``; returns the copy and the edited row's line number."""
    rows = list(csv.reader(io.StringIO((DATA / name).read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    idx = next(i for i, r in enumerate(rows) if i > 0 and r[0] == key)
    rows[idx][header.index(field)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path = tmp_path / name
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path, idx + 1  # the header is line 1


def assert_names(err: DataError, path: Path, line: int | None, field: str) -> None:
    assert err.file == str(path), err
    assert err.field == field, err
    assert err.line == line, err
    assert str(path) in str(err) and f"'{field}'" in str(err)
    if line is not None:
        assert f"line {line}" in str(err)


# ------------------------------------------------------------------------------------- codebook


def test_the_committed_codebook_weights_every_event_type_once_with_a_rationale() -> None:
    cb = load_codebook(DATA / "codebook.csv")
    assert sorted(cb.index) == sorted(EVENT_TYPES)
    assert cb["weight"].between(-10, 10).all()
    assert (cb["rationale"].str.len() > 20).all()
    assert set(cb["component"]) <= set(COMPONENTS)


def test_unknown_event_type_in_the_codebook_names_file_line_and_field(tmp_path: Path) -> None:
    path, line = edited_copy(tmp_path, "codebook.csv", "visit_cancelled", "event_type", "visit_canceled")
    with pytest.raises(DataError) as info:
        load_codebook(path)
    assert_names(info.value, path, line, "event_type")


@pytest.mark.parametrize("weight", ["42", "-10.5", "10.01", "nan", "heavy"])
def test_weight_outside_minus_ten_to_ten_names_file_line_and_field(tmp_path: Path, weight: str) -> None:
    path, line = edited_copy(tmp_path, "codebook.csv", "arms_purchase", "weight", weight)
    with pytest.raises(DataError) as info:
        load_codebook(path)
    assert_names(info.value, path, line, "weight")


@pytest.mark.parametrize("weight", ["-10", "10", "0"])
def test_weights_at_the_ends_of_the_scale_are_accepted(tmp_path: Path, weight: str) -> None:
    path, _ = edited_copy(tmp_path, "codebook.csv", "arms_purchase", "weight", weight)
    assert load_codebook(path).loc["arms_purchase", "weight"] == float(weight)


@pytest.mark.parametrize("rationale", ["", "   "])
def test_missing_rationale_names_file_line_and_field(tmp_path: Path, rationale: str) -> None:
    path, line = edited_copy(tmp_path, "codebook.csv", "statement", "rationale", rationale)
    with pytest.raises(DataError) as info:
        load_codebook(path)
    assert_names(info.value, path, line, "rationale")


def test_unknown_component_names_file_line_and_field(tmp_path: Path) -> None:
    path, line = edited_copy(tmp_path, "codebook.csv", "agreement", "component", "economic")
    with pytest.raises(DataError) as info:
        load_codebook(path)
    assert_names(info.value, path, line, "component")


def test_multiplier_with_unknown_status_names_file_line_and_field(tmp_path: Path) -> None:
    path, line = edited_copy(tmp_path, "status_multipliers.csv", "planned", "status", "scheduled")
    with pytest.raises(DataError) as info:
        load_multipliers(path)
    assert_names(info.value, path, line, "status")


# --------------------------------------------------------------------------------------- labels


@pytest.mark.parametrize(("cool_max", "kind"), [("-0.6", "gap"), ("-0.4", "overlap")])
def test_labels_with_a_gap_or_overlap_name_file_line_and_field(
    tmp_path: Path, cool_max: str, kind: str
) -> None:
    # "cool" ends where "neutral" (the next label) begins; move its end to open a gap or an overlap
    path, cool_line = edited_copy(tmp_path, "stance_labels.csv", "cool", "max", cool_max)
    with pytest.raises(DataError) as info:
        load_labels(path)
    assert_names(info.value, path, cool_line + 1, "min")  # the neutral row, the line after cool
    assert "gap or overlap" in info.value.message


def test_label_thresholds_are_min_inclusive_and_the_top_is_closed() -> None:
    labels = load_labels(DATA / "stance_labels.csv")
    assert label_for(-0.5, labels) == "neutral"
    assert label_for(-0.5001, labels) == "cool"
    assert label_for(10.0, labels) == "aligned"
    assert label_for(-10.0, labels) == "adversarial"
    assert label_for(float("nan"), labels) == "no events"


# ----------------------------------------------------------------------------------- parameters


def test_fewer_than_2000_bootstrap_resamples_is_an_error_naming_file_and_field(tmp_path: Path) -> None:
    path, _ = edited_copy(tmp_path, "stance_parameters.csv", "bootstrap_resamples", "value", "1999")
    with pytest.raises(DataError) as info:
        load_params(path)
    assert info.value.file == str(path) and info.value.field == "value"
    assert "2,000" in info.value.message


def test_fewer_than_2000_bootstrap_resamples_names_the_line(tmp_path: Path) -> None:
    path, line = edited_copy(tmp_path, "stance_parameters.csv", "bootstrap_resamples", "value", "1999")
    with pytest.raises(DataError) as info:
        load_params(path)
    assert_names(info.value, path, line, "value")


def test_exactly_2000_bootstrap_resamples_is_accepted(tmp_path: Path) -> None:
    path, _ = edited_copy(tmp_path, "stance_parameters.csv", "bootstrap_resamples", "value", "2000")
    assert load_params(path)["bootstrap_resamples"] == 2000


# ------------------------------------------------------------------------- scores, hand-checked


def event(
    n: int,
    event_type: str,
    admin: str,
    year: int,
    status: str = "happened",
    actor: str = "ECU",
    target: str = "ISR",
    polarity: int = 1,
) -> dict:
    return {
        "event_id": f"e{n:02d}-{event_type}",
        "event_type": event_type,
        "status": status,
        "date": str(year),
        "date_precision": "year",
        "year": year,
        "administration": admin,
        "actor": actor,
        "target": target,
        "polarity": polarity,
        "doc_ids": f"doc{n % 3};doc{n % 4}",
    }


BACKGROUND = [
    event(1, "un_vote", "background", 1947),
    event(2, "diplomatic_ties", "background", 1949),
    event(3, "arms_purchase", "background", 1975),
    event(4, "military_rupture", "background", 1995),
]
CODED_EVENTS = [
    event(10, "military_rupture", "correa", 2010),
    event(11, "diplomatic_downgrade", "correa", 2014),
    event(12, "visit_cancelled", "correa", 2014, status="cancelled"),
    event(13, "statement", "correa", 2014, polarity=-1),
    event(14, "palestine_recognition", "correa", 2010, target="PSE"),
    event(20, "arms_purchase", "moreno", 2019),
    event(21, "military_cooperation", "moreno", 2019, status="announced"),
    event(22, "statement", "moreno", 2019),
    event(30, "visit", "lasso", 2022),
    event(31, "office_opening", "lasso", 2022),
    event(32, "agreement", "lasso", 2022, status="announced"),
    event(33, "un_vote", "lasso", 2022, polarity=-1),
    event(34, "statement", "lasso", 2022, actor="ISR", target="ECU"),  # Israel's words: not coded
    event(40, "visit", "noboa", 2025),
    event(41, "office_opening", "noboa", 2025, status="planned"),
    event(42, "legislative_action", "noboa", 2025),
    event(43, "visit", "noboa", 2025, actor="COL", target="ISR"),  # third country: not coded
]


def events_frame(rows: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(rows)
    df["year"] = df["year"].astype("Int64")
    return df


@pytest.fixture(scope="module")
def coding():
    return load_coding(DATA)


@pytest.fixture(scope="module")
def stance(coding) -> pd.DataFrame:
    return stance_by_administration(events_frame(BACKGROUND + CODED_EVENTS), coding, AS_OF)


def test_values_are_weight_times_multiplier_times_sign(coding) -> None:
    ce = coded_events(events_frame(BACKGROUND + CODED_EVENTS), coding).set_index("event_id")
    assert ce.loc["e10-military_rupture", "value"] == -7.0
    assert ce.loc["e12-visit_cancelled", "value"] == -3.0  # the cancellation is the act
    assert ce.loc["e13-statement", "value"] == -1.5  # signed by the statement
    assert ce.loc["e21-military_cooperation", "value"] == pytest.approx(6.0 * 0.6)
    assert ce.loc["e33-un_vote", "value"] == -2.0
    assert ce.loc["e41-office_opening", "value"] == pytest.approx(5.0 * 0.5)
    assert "e34-statement" not in ce.index and "e43-visit" not in ce.index


def test_score_is_the_mean_value_and_rate_per_year_is_the_sum_over_years_in_office(
    coding, stance: pd.DataFrame
) -> None:
    ce = coded_events(events_frame(BACKGROUND + CODED_EVENTS), coding)
    admins = {a.president: a for a in administrations()}
    assert list(stance["administration"]) == list(coded_presidents())
    for r in stance.itertuples():
        values = ce.loc[ce["administration"] == r.administration, "value"]
        years = admins[r.administration].years_in_office(AS_OF)
        assert r.n_events == len(values)
        assert r.score == pytest.approx(round(values.mean(), 4), abs=1e-9)
        assert r.rate_per_year == pytest.approx(round(values.sum() / years, 4), abs=1e-9)
        assert r.years_in_office == pytest.approx(years, abs=5e-4)
        assert r.score_basis == "mean value per event"
    by = stance.set_index("administration")
    assert by.loc["correa", "score"] == pytest.approx((-7 - 5 - 3 - 1.5 - 3) / 5)
    assert by.loc["lasso", "score"] == pytest.approx((3 + 5 + 2.4 - 2) / 4)


def test_background_events_are_excluded_from_the_four_scores(coding, stance: pd.DataFrame) -> None:
    without = stance_by_administration(events_frame(CODED_EVENTS), coding, AS_OF)
    pd.testing.assert_frame_equal(stance, without)
    coded_ids = {i for ids in stance["event_ids"] for i in ids.split(";")}
    assert not coded_ids & {e["event_id"] for e in BACKGROUND}
    assert set(stance["administration"]) == set(coded_presidents())
    yearly = stance_by_year(events_frame(BACKGROUND + CODED_EVENTS), coding)
    assert yearly["year"].min() >= 2007 and set(yearly["administration"]) <= set(coded_presidents())


def test_components_add_up_to_the_score(stance: pd.DataFrame) -> None:
    for r in stance.itertuples():
        total = sum(getattr(r, c) for c in COMPONENTS)
        assert total == pytest.approx(r.score, abs=2e-4), r.administration  # each rounded to 4 places


def test_bootstrap_interval_contains_the_score(stance: pd.DataFrame) -> None:
    for r in stance.itertuples():
        assert r.ci_low <= r.score <= r.ci_high, r.administration


def test_bootstrap_intervals_are_reproducible_with_the_same_seed(coding, stance: pd.DataFrame) -> None:
    again = stance_by_administration(events_frame(BACKGROUND + CODED_EVENTS), coding, AS_OF)
    pd.testing.assert_frame_equal(stance, again)
    assert again.to_csv(index=False) == stance.to_csv(index=False)


def test_a_different_seed_moves_the_intervals(coding, stance: pd.DataFrame) -> None:
    other = dataclasses.replace(coding, params={**coding.params, "bootstrap_seed": 12345})
    moved = stance_by_administration(events_frame(BACKGROUND + CODED_EVENTS), other, AS_OF)
    pd.testing.assert_series_equal(moved["score"], stance["score"])
    assert not np.array_equal(
        moved[["ci_low", "ci_high"]].to_numpy(), stance[["ci_low", "ci_high"]].to_numpy()
    )


def test_a_single_event_has_a_degenerate_interval_at_its_value(coding) -> None:
    one = stance_by_administration(events_frame([event(50, "visit", "moreno", 2018)]), coding, AS_OF)
    r = one.set_index("administration").loc["moreno"]
    assert r["score"] == r["ci_low"] == r["ci_high"] == 3.0
    assert r["n_events"] == 1


def test_an_administration_without_events_gets_no_score_and_says_so(coding) -> None:
    one = stance_by_administration(events_frame([event(50, "visit", "moreno", 2018)]), coding, AS_OF)
    r = one.set_index("administration").loc["lasso"]
    assert r["n_events"] == 0 and np.isnan(r["score"]) and r["label"] == "no events"


# ------------------------------------------------------------------------ sanity on the seeds


def test_pipeline_puts_correa_lowest_on_the_whole_evidence_and_below_zero_on_the_seeds_alone() -> None:
    from analysis.build import build_data

    tables = build_data(quiet=True).tables
    st = tables["stance"].set_index("administration")
    assert set(st.index) == set(coded_presidents())
    sens = tables["stance_sensitivity"]
    seeds_only = sens[sens["variant"] == "text_only"].set_index("administration")["score"]
    assert seeds_only["correa"] < 0  # the seeds-only score, kept as a variant
    assert st["score"].idxmin() == "correa"
    for admin in ("moreno", "lasso", "noboa"):
        assert st.loc[admin, "score"] > 0, admin
    for admin, r in st.iterrows():
        assert r["ci_low"] <= r["score"] <= r["ci_high"], admin
        assert sum(r[c] for c in COMPONENTS) == pytest.approx(r["score"], abs=2e-4), admin


def test_curated_stance_files_copied_unchanged_still_load(tmp_path: Path) -> None:
    for name in ("codebook.csv", "status_multipliers.csv", "stance_labels.csv", "stance_parameters.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    coding = load_coding(tmp_path)
    assert coding.params["bootstrap_resamples"] >= 2000
