"""UNGA agreement and ideal-point distance: the index pinned on hand-made votes, loader errors, gaps."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.common.errors import DataError
from analysis.common.paths import EXTERNAL
from analysis.external import unga

ROLL_HEADER = "rcid,session,date,unres,short,issue_me\n"
VOTE_HEADER = "rcid,session,date,ecuador,israel,united_states\n"
IDEAL_HEADER = (
    "ccode,iso3c,country,session,nvotes_all,idealpoint_all,q05_all,q50_all,q95_all,"
    "nvotes_me,idealpoint_me,q05_me,q50_me,q95_me,year_session_opens\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def tables(tmp_path: Path, rows: list[tuple[int, int, str, int, str, str, str]]) -> tuple[Path, Path]:
    """Roll-call and vote files from (rcid, session, date, issue_me, ecuador, israel, usa) tuples."""
    calls = ROLL_HEADER + "".join(f"{r},{s},{d},R/{s}/{r},x,{me}\n" for r, s, d, me, *_ in rows)
    votes = VOTE_HEADER + "".join(f"{r},{s},{d},{e},{i},{u}\n" for r, s, d, _, e, i, u in rows)
    return write(tmp_path / "roll_calls.csv", calls), write(tmp_path / "votes.csv", votes)


# ------------------------------------------------------------------------------ the agreement index


def test_agreement_index_scores_same_vote_1_abstention_half_opposed_0() -> None:
    a = ["yes", "no", "abstain", "yes", "abstain", "yes"]
    b = ["yes", "no", "abstain", "abstain", "no", "no"]
    result = unga.agreement_index(a, b)
    assert result.n == 6
    assert result.mean == pytest.approx((1 + 1 + 1 + 0.5 + 0.5 + 0) / 6)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("yes", "yes", 1.0), ("yes", "abstain", 0.5), ("abstain", "no", 0.5), ("yes", "no", 0.0)],
)
def test_agreement_index_each_case(a: str, b: str, expected: float) -> None:
    assert unga.agreement_index([a], [b]) == (expected, 1)


def test_agreement_index_leaves_out_absences_and_non_members_from_mean_and_n() -> None:
    a = pd.Series(["yes", "absent", "yes", "not_member", "no"])
    b = pd.Series(["yes", "yes", "absent", "no", "yes"])
    assert unga.agreement_index(a, b) == (0.5, 2)


def test_agreement_index_with_no_comparable_votes_is_nan_not_zero() -> None:
    result = unga.agreement_index(["absent", "yes"], ["yes", "not_member"])
    assert result.n == 0
    assert math.isnan(result.mean)


def test_agreement_index_rejects_unknown_codes_and_unequal_lengths() -> None:
    with pytest.raises(ValueError, match="unknown vote code"):
        unga.agreement_index(["yes"], ["maybe"])
    with pytest.raises(ValueError, match="differ in length"):
        unga.agreement_index(["yes"], [])


# ------------------------------------------------------------------------------------------ loaders


def test_bad_vote_code_is_a_data_error_naming_file_line_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path / "votes.csv", VOTE_HEADER + "1,62,2007-10-30,yes,no,no\n2,62,2007-10-31,yes,maybe,no\n"
    )
    with pytest.raises(DataError) as info:
        unga.load_votes(path)
    err = info.value
    assert err.file == str(path)
    assert err.line == 3
    assert err.field == "israel"
    assert "maybe" in str(err)


def test_blank_vote_is_an_error_not_an_absence(tmp_path: Path) -> None:
    path = write(tmp_path / "votes.csv", VOTE_HEADER + "1,62,2007-10-30,,no,no\n")
    with pytest.raises(DataError) as info:
        unga.load_votes(path)
    assert (info.value.line, info.value.field) == (2, "ecuador")


def test_voeten_numeric_codes_map_to_words(tmp_path: Path) -> None:
    path = write(tmp_path / "votes.csv", VOTE_HEADER + "1,62,2007-10-30,1,3,2\n2,62,2007-10-31,8,9,1\n")
    votes = unga.load_votes(path)
    assert votes[["ecuador", "israel", "united_states"]].values.tolist() == [
        ["yes", "no", "abstain"],
        ["absent", "not_member", "yes"],
    ]


def test_roll_call_without_date_is_a_data_error(tmp_path: Path) -> None:
    path = write(tmp_path / "roll_calls.csv", ROLL_HEADER + "1,62,2007-10-30,R,x,0\n2,62,,R,x,1\n")
    with pytest.raises(DataError, match="no date") as info:
        unga.load_roll_calls(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 3, "date")


def test_vote_row_without_date_is_a_data_error(tmp_path: Path) -> None:
    path = write(tmp_path / "votes.csv", VOTE_HEADER + "1,62,,yes,no,no\n")
    with pytest.raises(DataError, match="no date") as info:
        unga.load_votes(path)
    assert (info.value.line, info.value.field) == (2, "date")


def test_idealpoint_session_without_date_is_a_data_error(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ideal.csv", IDEAL_HEADER + "130,ECU,Ecuador,62,79,-0.37,-0.57,-0.37,-0.17,,,,,,\n"
    )
    with pytest.raises(DataError, match="no date") as info:
        unga.load_idealpoints(path)
    assert (info.value.line, info.value.field) == (2, "year_session_opens")


def test_idealpoint_year_must_match_session(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ideal.csv", IDEAL_HEADER + "130,ECU,Ecuador,62,79,-0.37,-0.57,-0.37,-0.17,,,,,,2008\n"
    )
    with pytest.raises(DataError, match="opens in 2007") as info:
        unga.load_idealpoints(path)
    assert info.value.field == "year_session_opens"


def test_votes_and_roll_calls_must_pair_up(tmp_path: Path) -> None:
    calls = write(tmp_path / "roll_calls.csv", ROLL_HEADER + "1,62,2007-10-30,R,x,0\n2,62,2007-10-31,R,x,0\n")
    votes = write(tmp_path / "votes.csv", VOTE_HEADER + "1,62,2007-10-30,yes,no,no\n")
    with pytest.raises(DataError, match="no votes") as info:
        unga.load_unga(calls, votes)
    assert (info.value.file, info.value.line, info.value.field) == (str(calls), 3, "rcid")
    votes = write(
        tmp_path / "votes.csv", VOTE_HEADER + "1,63,2007-10-30,yes,no,no\n2,62,2007-10-31,yes,no,no\n"
    )
    with pytest.raises(DataError, match="session 63") as info:
        unga.load_unga(calls, votes)
    assert (info.value.line, info.value.field) == (2, "session")


# ---------------------------------------------------------------------------- per session / administration

HAND_ROWS = [
    # rcid, session, date, issue_me, ecuador, israel, usa
    (1, 61, "2006-11-01", 1, "yes", "no", "no"),
    (2, 62, "2007-10-30", 1, "yes", "no", "no"),  # opposed
    (3, 62, "2007-11-02", 0, "yes", "yes", "abstain"),  # same / half
    (4, 62, "2007-11-03", 0, "absent", "yes", "yes"),  # left out
    (5, 71, "2017-06-01", 1, "abstain", "no", "no"),  # session 71 opened under Correa; vote under Moreno
    (6, 72, "2017-11-01", 0, "yes", "yes", "yes"),
]


def test_sessions_are_attributed_to_the_administration_in_office_when_they_opened() -> None:
    assert [unga.session_president(s) for s in (61, 62, 71, 72, 76, 78, 79)] == [
        "background",
        "correa",
        "correa",
        "moreno",
        "lasso",
        "lasso",
        "noboa",
    ]


def test_agreement_by_session_counts_votes_and_shows_gap_sessions_as_nan(tmp_path: Path) -> None:
    calls, votes = tables(tmp_path, HAND_ROWS)
    table = unga.unga_agreement_by_session(calls, votes, through_session=76)
    assert list(table.columns) == list(unga.SESSION_COLUMNS)
    assert table["session"].tolist() == list(range(61, 77))
    s62 = table.set_index("session").loc[62]
    assert (s62["n_roll_calls"], s62["n_roll_calls_me"]) == (3, 1)
    assert (s62["agree_isr_all"], s62["n_isr_all"]) == (0.5, 2)
    assert (s62["agree_usa_all"], s62["n_usa_all"]) == (0.25, 2)
    assert (s62["agree_isr_me"], s62["n_isr_me"]) == (0.0, 1)
    assert s62["president"] == "correa"
    between = table.set_index("session").loc[65]
    assert between["coverage"] == "no roll calls in the data for this session"
    after = table[table["session"] > 72]
    assert after["coverage"].eq(unga.NO_DATA).all()
    assert after["agree_isr_all"].isna().all() and after["n_isr_all"].isna().all()
    assert table.set_index("session").loc[72, "coverage"].startswith("partial")


def test_lasso_and_noboa_get_no_data_rows_never_zero(tmp_path: Path) -> None:
    calls, votes = tables(tmp_path, HAND_ROWS)
    table = unga.unga_agreement_by_administration(calls, votes).set_index("president")
    assert table.index.tolist() == ["background", "correa", "moreno", "lasso", "noboa"]
    for president in ("lasso", "noboa"):
        row = table.loc[president]
        assert row["coverage"] == "no data (UN data end January 2020)"
        for col in unga.AGREEMENT_COLUMNS:
            assert pd.isna(row[col]), (president, col)
    assert table.loc["moreno", "coverage"].startswith("partial")


def test_agreement_by_administration_pools_the_sessions_it_owns(tmp_path: Path) -> None:
    calls, votes = tables(tmp_path, HAND_ROWS)
    table = unga.unga_agreement_by_administration(calls, votes).set_index("president")
    correa = table.loc["correa"]
    # sessions 62 and 71: rcid 2 (0), rcid 3 (1), rcid 5 (0.5); rcid 4 absent
    assert (correa["agree_isr_all"], correa["n_isr_all"]) == (0.5, 3)
    assert (correa["agree_isr_me"], correa["n_isr_me"]) == (0.25, 2)
    assert correa["sessions"] == "62–71"
    assert correa["attribution"] == unga.SESSION_ATTRIBUTION
    by_date = unga.unga_agreement_by_administration(calls, votes, attribute_by="vote_date").set_index(
        "president"
    )
    assert by_date.loc["correa", "n_isr_all"] == 2  # rcid 5 moves to Moreno
    assert by_date.loc["moreno", "n_isr_all"] == 2


# --------------------------------------------------------------------------------------- ideal points


def test_distance_band_is_the_interval_range_of_the_absolute_difference() -> None:
    assert unga.distance_band(-1.0, -0.5, 2.0, 3.0) == (2.5, 4.0)
    assert unga.distance_band(2.0, 3.0, -1.0, -0.5) == (2.5, 4.0)
    assert unga.distance_band(0.0, 1.0, 0.5, 2.0) == (0.0, 2.0)  # overlapping intervals: may be zero


def test_idealpoint_distance_by_session_marks_missing_and_gap_sessions(tmp_path: Path) -> None:
    text = IDEAL_HEADER + (
        "130,ECU,Ecuador,73,95,-0.5,-0.8,-0.5,-0.3,16,-0.7,-1.3,-0.7,-0.2,2018\n"
        "666,ISR,Israel,73,91,2.5,2.3,2.5,2.7,16,2.7,2.4,2.7,2.9,2018\n"
        "130,ECU,Ecuador,74,91,-0.4,-0.7,-0.4,-0.2,,,,,,2019\n"
    )
    table = unga.idealpoint_distance_by_session(write(tmp_path / "ideal.csv", text), through_session=75)
    assert list(table.columns) == list(unga.IDEALPOINT_COLUMNS)
    rows = table.set_index("session")
    assert rows.loc[73, "distance_all"] == pytest.approx(3.0)
    assert (rows.loc[73, "distance_lo_all"], rows.loc[73, "distance_hi_all"]) == pytest.approx((2.6, 3.5))
    assert rows.loc[73, "distance_me"] == pytest.approx(3.4)
    assert math.isnan(rows.loc[74, "distance_all"])
    assert "no all votes estimate for ISR" in rows.loc[74, "coverage"]
    assert rows.loc[75, "coverage"] == unga.NO_DATA and math.isnan(rows.loc[75, "distance_all"])


# ------------------------------------------------------------------------------------ copied files


def recorded_checksums(prefix: str) -> dict[str, tuple[str, int]]:
    text = (EXTERNAL / "SOURCES.md").read_text(encoding="utf-8")
    found = re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \| (\d+) \|$", text, flags=re.MULTILINE)
    return {name: (sha, int(size)) for name, sha, size in found if name.startswith(prefix)}


def test_unga_files_are_byte_identical_to_the_shared_data_per_sources_md() -> None:
    """Every file under data/external/unga, its since2020/ and region/ folders included, has its sha256 and size."""
    recorded = recorded_checksums("unga/")
    present = sorted(
        p.relative_to(EXTERNAL).as_posix() for p in (EXTERNAL / "unga").rglob("*") if p.is_file()
    )
    assert sorted(recorded) == present, "every file in data/external/unga must be listed in SOURCES.md"
    assert {"unga/since2020/israel_related_votes_2020_2025.csv", "unga/region/roll_calls.csv"} <= set(present)
    for name, (sha, size) in recorded.items():
        payload = (EXTERNAL / name).read_bytes()
        assert len(payload) == size, name
        assert hashlib.sha256(payload).hexdigest() == sha, name


# ------------------------------------------------------------------------------------ real data


@pytest.fixture(scope="module")
def real_votes() -> pd.DataFrame:
    return unga.load_unga()


def test_real_data_has_74_sessions_and_the_documented_counts(real_votes: pd.DataFrame) -> None:
    assert len(real_votes) == 6203
    assert int(real_votes["issue_me"].sum()) == 1061
    assert sorted(real_votes["session"].unique()) == list(range(1, 75))
    assert max(real_votes["date"]).isoformat() == "2020-01-14"
    assert real_votes["ecuador"].value_counts().to_dict() == {
        "yes": 5145,
        "abstain": 547,
        "no": 273,
        "absent": 238,
    }


def test_real_correa_period_matches_provenance_note(real_votes: pd.DataFrame) -> None:
    """PROVENANCE.md: on Palestinian-conflict votes under Correa Ecuador voted yes 160, no 1, absent 1."""
    dates = real_votes["date"].astype(str)
    me = real_votes[real_votes["issue_me"] & (dates >= "2007-01-15") & (dates < "2017-05-24")]
    assert me["ecuador"].value_counts().to_dict() == {"yes": 160, "no": 1, "absent": 1}
    moreno = real_votes[real_votes["issue_me"] & (dates >= "2017-05-24")]
    assert moreno["ecuador"].value_counts().to_dict() == {"yes": 49, "abstain": 1}


def test_real_agreement_tables_are_sane_and_deterministic() -> None:
    sessions = unga.unga_agreement_by_session()
    assert sessions["session"].tolist() == list(range(1, 81))
    assert sessions.loc[sessions["session"] <= 74, "n_roll_calls"].sum() == 6203
    assert sessions.loc[sessions["session"] > 74, "coverage"].eq(unga.NO_DATA).all()
    admins = unga.unga_agreement_by_administration().set_index("president")
    assert admins.loc["correa", "sessions"] == "62–71"
    assert admins.loc["moreno", "sessions"] == "72–75"
    assert admins.loc[["lasso", "noboa"], "coverage"].eq(unga.NO_DATA).all()
    for col in unga.AGREEMENT_COLUMNS:
        value = admins.loc["correa", col]
        assert 0 <= value <= (1 if col.startswith("agree_") else 10_000), col
    pd.testing.assert_frame_equal(unga.unga_agreement_by_session(), sessions)


def test_real_idealpoint_distance_covers_sessions_with_both_countries() -> None:
    table = unga.idealpoint_distance_by_session()
    assert table["session"].tolist() == list(range(1, 81))
    data = table[table["session"] <= 74]
    assert data["distance_all"].notna().sum() == 71  # ISR has sessions 3–74 except 19
    data = data[data["distance_all"].notna()]
    assert (data["distance_lo_all"] <= data["distance_all"]).all()
    assert (data["distance_all"] <= data["distance_hi_all"]).all()
    assert table.loc[table["session"] > 74, "coverage"].eq(unga.NO_DATA).all()
