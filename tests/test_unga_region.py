"""Ecuador beside its region: the region's readers, quartiles and ranks on a hand-worked case, and the real data.

The hand case has four members with a value (ARG, BRA, ECU, MEX) and one without (VEN, always absent):

    2020, two roll calls     ISR   USA      ECU      ARG      BRA   MEX      VEN
    A/RES/75/22              no    no       yes      abstain  yes   no       absent
    A/RES/75/24              no    abstain  abstain  abstain  yes   absent   absent
    agree_isr                               0.25     0.5      0     1 (n 1)  -
    abstain share                           0.5      1        0     0        -
    agree_usa                               0.5      0.75     0.25  1 (n 1)  -

Quartiles by linear interpolation of [0, 0.25, 0.5, 1]: Q1 = 0 + 0.75 * 0.25 = 0.1875, median 0.375,
Q3 = 0.5 + 0.25 * 0.5 = 0.625. A third 2020 roll call picked only by Voeten's issue_me is left out.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.common.errors import DataError
from analysis.external import unga_israel, unga_region

CALLS_HEADER = "date,session,resolution,title,rule,source,rollcall_id,undl_id,year,israel_vote,checked_against,title_source\n"
VOTES_HEADER = "date,session,resolution,undl_id,title,country_iso3,vote,source,rollcall_id,vote_raw\n"
DISPUTES_HEADER = (
    "date,resolution,title,country_iso3,primary_source,primary_vote,primary_raw,other_source,other_vote,other_raw,"
    "other_prov\n"
)
COUNTRIES = ("ISR", "USA", "ECU", "ARG", "BRA", "MEX", "VEN")
# rollcall id, date, resolution, rule, votes in COUNTRIES order
CALLS = [
    (
        "r1",
        "2020-12-02",
        "A/RES/75/22",
        "title_keyword",
        ("no", "no", "yes", "abstain", "yes", "no", "absent"),
    ),
    (
        "r2",
        "2020-12-02",
        "A/RES/75/24",
        "title_keyword",
        ("no", "abstain", "abstain", "abstain", "yes", "absent", "absent"),
    ),
    ("r3", "2020-06-30", "A/RES/74/300", "voeten_issue_me", ("no", "no", "no", "no", "no", "no", "absent")),
    (
        "r5",
        "2022-12-12",
        "A/RES/77/125",
        "title_keyword",
        ("no", "no", "abstain", "abstain", "yes", "yes", "absent"),
    ),
    (
        "r4",
        "2024-05-10",
        "A/RES/ES-10/23",
        "ES-10_symbol+key_vote(mohazed/GAI)",
        ("no", "no", "absent", "no", "yes", "abstain", "absent"),
    ),
]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def calls_text(calls: list[tuple]) -> str:
    return CALLS_HEADER + "".join(
        f"{d},75,{res},title of {res},{rule},src,{rid},,{d[:4]},{votes[0]},,\n"
        for rid, d, res, rule, votes in calls
    )


def votes_text(calls: list[tuple], skip: tuple[str, str] | None = None) -> str:
    rows = [
        f"{d},75,{res},,title of {res},{iso},{vote},src,{rid},{vote}\n"
        for rid, d, res, _, votes in calls
        for iso, vote in zip(COUNTRIES, votes, strict=True)
        if (rid, iso) != skip
    ]
    return VOTES_HEADER + "".join(rows)


def make_region(
    root: Path, calls: list[tuple] = CALLS, votes: str | None = None, calls_csv: str | None = None
) -> Path:
    folder = root / "region"
    write(folder / "roll_calls.csv", calls_csv if calls_csv is not None else calls_text(calls))
    write(folder / "unga_israel_votes_grulac.csv", votes if votes is not None else votes_text(calls))
    write(
        folder / "source_disagreements.csv",
        DISPUTES_HEADER + "2020-12-02,A/RES/75/22,t,ECU,voeten,yes,yes,undl,absent,,prov\n",
    )
    return folder


@pytest.fixture
def region(tmp_path: Path) -> Path:
    return make_region(tmp_path)


# ------------------------------------------------------------------------------------ per country and year


def test_every_vote_code_is_read_and_the_title_rule_keeps_two_of_the_three_2020_roll_calls(
    region: Path,
) -> None:
    table = unga_region.region_by_year(region).set_index(["year", "country"])
    assert table.loc[(2020, "ECU"), "n_roll_calls"] == 2
    counts = table.loc[(2020, "MEX"), ["n_yes", "n_no", "n_abstain", "n_absent"]].tolist()
    assert counts == [0, 1, 0, 1]
    assert table.loc[(2020, "ARG"), "n_abstain"] == 2


def test_agreement_with_israel_counts_an_abstention_as_half(region: Path) -> None:
    table = unga_region.region_by_year(region).set_index(["year", "country"])
    assert (table.loc[(2020, "ECU"), "agree_isr"], table.loc[(2020, "ECU"), "n_isr"]) == (0.25, 2)
    assert table.loc[(2020, "ARG"), "agree_isr"] == 0.5
    assert (table.loc[(2020, "MEX"), "agree_isr"], table.loc[(2020, "MEX"), "n_isr"]) == (1.0, 1)
    assert table.loc[(2020, "ECU"), "agree_usa"] == 0.5  # yes v no 0, abstain v abstain 1
    assert table.loc[(2020, "ECU"), "abstain_share"] == 0.5
    assert math.isnan(table.loc[(2020, "VEN"), "agree_isr"]) and table.loc[(2020, "VEN"), "n_isr"] == 0


def test_region_quartiles_are_the_hand_computed_ones(region: Path) -> None:
    table = unga_region.region_by_year(region).set_index(["year", "country"])
    quartile = {code: table.loc[(2020, code)] for code in ("LAC_Q1", "LAC_MEDIAN", "LAC_Q3")}
    assert [quartile[c]["agree_isr"] for c in quartile] == [0.1875, 0.375, 0.625]
    assert [quartile[c]["abstain_share"] for c in quartile] == [0.0, 0.25, 0.625]  # of [0, 0, 0.5, 1]
    assert [quartile[c]["agree_usa"] for c in quartile] == [0.4375, 0.625, 0.8125]  # of [0.25, 0.5, 0.75, 1]
    assert quartile["LAC_MEDIAN"]["n_countries"] == 4  # VEN has no value
    assert quartile["LAC_MEDIAN"]["kind"] == "aggregate"
    assert table.loc[(2020, "USA"), "kind"] == "reference"


def test_quartiles_skip_missing_values_and_are_nan_when_none() -> None:
    assert unga_region.quartiles([1.0, math.nan, 0.0, 0.5]) == {
        "LAC_Q1": 0.25,
        "LAC_MEDIAN": 0.5,
        "LAC_Q3": 0.75,
    }
    assert all(math.isnan(v) for v in unga_region.quartiles([math.nan]).values())


def test_ranks_put_the_closest_to_israel_first_and_ties_share_the_best_rank(region: Path) -> None:
    assert unga_region.rank_high_first({"A": 0.5, "B": 0.5, "C": 0.0, "D": math.nan}) == {
        "A": 1,
        "B": 1,
        "C": 3,
    }
    table = unga_region.region_by_year(region).set_index(["year", "country"])
    assert [table.loc[(2020, c), "rank_agree_isr"] for c in ("MEX", "ARG", "ECU", "BRA")] == [1, 2, 3, 4]
    assert pd.isna(table.loc[(2020, "VEN"), "rank_agree_isr"])


def test_disputed_cells_are_counted_in_their_country_year(region: Path) -> None:
    table = unga_region.region_by_year(region).set_index(["year", "country"])
    assert table.loc[(2020, "ECU"), "n_disputed"] == 1
    assert table.loc[(2020, "ARG"), "n_disputed"] == 0


# ------------------------------------------------------------------------------------ per administration


def test_rank_per_administration_pools_its_roll_calls_by_vote_date(region: Path) -> None:
    table = unga_region.region_rank(region).set_index("president")
    moreno = table.loc["moreno"]
    assert (moreno["ecu_agree_isr"], moreno["rank_agree_isr"], moreno["n_ranked"]) == (0.25, 3, 4)
    assert moreno["closer_to_israel"] == "MEX;ARG"
    assert moreno["region_median_agree_isr"] == 0.375
    lasso = table.loc["lasso"]  # ECU and ARG both abstained: tied first
    assert (lasso["rank_agree_isr"], lasso["n_tied"], lasso["closer_to_israel"]) == (1, 1, "")
    noboa = table.loc["noboa"]  # Ecuador did not vote: no rank, never zero
    assert math.isnan(noboa["ecu_agree_isr"]) and pd.isna(noboa["rank_agree_isr"])
    assert noboa["coverage"] == "roll calls per year: 2024: 1; nothing after 2024-05-10 (end of the data)"
    assert table.loc["correa", "coverage"] == "no roll calls in the data"


# ------------------------------------------------------------------------------------ bad input


def test_a_missing_country_column_is_a_data_error_naming_it(tmp_path: Path) -> None:
    votes = votes_text(CALLS).replace("country_iso3", "country")
    folder = make_region(tmp_path, votes=votes)
    with pytest.raises(DataError, match="missing required column 'country_iso3'") as info:
        unga_region.region_by_year(folder)
    assert (Path(info.value.file).name, info.value.line, info.value.field) == (
        "unga_israel_votes_grulac.csv",
        1,
        "country_iso3",
    )


def test_a_roll_call_without_a_countrys_vote_is_a_data_error_naming_both(tmp_path: Path) -> None:
    folder = make_region(tmp_path, votes=votes_text(CALLS, skip=("r2", "VEN")))
    with pytest.raises(DataError, match="roll call r2 has no vote for VEN") as info:
        unga_region.region_by_year(folder)
    assert (Path(info.value.file).name, info.value.line, info.value.field) == (
        "roll_calls.csv",
        3,
        "rollcall_id",
    )


def test_an_unknown_vote_is_a_data_error_naming_line_and_field(tmp_path: Path) -> None:
    lines = votes_text(CALLS).splitlines(keepends=True)
    lines[4] = lines[4].replace(",abstain,src", ",maybe,src")  # r1, ARG
    folder = make_region(tmp_path, votes="".join(lines))
    with pytest.raises(DataError, match="unknown vote 'maybe'") as info:
        unga_region.region_by_year(folder)
    assert (info.value.line, info.value.field) == (5, "vote")


def test_israels_vote_must_match_the_roll_call_file(tmp_path: Path) -> None:
    calls = calls_text(CALLS).replace(
        "A/RES/75/24,title_keyword,src,r2,,2020,no", "A/RES/75/24,title_keyword,src,r2,,2020,yes"
    )
    folder = make_region(tmp_path, calls_csv=calls)
    with pytest.raises(DataError, match="israel_vote yes but") as info:
        unga_region.region_by_year(folder)
    assert (info.value.line, info.value.field) == (3, "israel_vote")


def test_a_vote_for_an_unknown_roll_call_is_a_data_error(tmp_path: Path) -> None:
    votes = votes_text(CALLS) + "2020-12-02,75,A/RES/75/99,,t,ECU,yes,src,r9,yes\n"
    folder = make_region(tmp_path, votes=votes)
    with pytest.raises(DataError, match=r"roll call 'r9' is not in roll_calls\.csv") as info:
        unga_region.region_by_year(folder)
    assert info.value.field == "rollcall_id"


# ------------------------------------------------------------------------------------ the real data


@pytest.fixture(scope="module")
def real_region() -> pd.DataFrame:
    return unga_region.region_by_year()


def test_real_region_has_33_members_and_quartile_rows_every_year(real_region: pd.DataFrame) -> None:
    wide, disputed = unga_region.load_region()
    assert (len(wide), len(unga_region.members(wide)), len(disputed)) == (355, 33, 10)
    years = list(range(2007, 2026))
    assert sorted(set(real_region["year"])) == years
    for year in years:
        rows = real_region[real_region["year"] == year]
        assert (rows["kind"] == "member").sum() == 33
        assert set(rows.loc[rows["kind"] == "aggregate", "country"]) == {"LAC_Q1", "LAC_MEDIAN", "LAC_Q3"}
    median = real_region[real_region["country"] == "LAC_MEDIAN"].set_index("year")
    q1 = real_region[real_region["country"] == "LAC_Q1"].set_index("year")
    q3 = real_region[real_region["country"] == "LAC_Q3"].set_index("year")
    assert ((q1["agree_isr"] <= median["agree_isr"]) & (median["agree_isr"] <= q3["agree_isr"])).all()


def test_real_region_agrees_with_the_one_roll_call_table_on_ecuador() -> None:
    """Same votes on every roll call both hold; the region adds 11 roll calls absent from Voeten's unvotes copy
    (2007-2018, filled from the UN Digital Library) and 79/16 and 79/74 (2024); the title rule agrees."""
    wide, _ = unga_region.load_region()
    wide = wide.assign(date=wide["date"].map(lambda d: d.isoformat()))
    ours = unga_israel.israel_roll_calls()
    ours = ours[~ours["note"].str.startswith("same vote")].rename(
        columns={"rule": "our_rule", "year": "our_year"}
    )
    matched = ours.merge(wide, on="rollcall_id")  # Voeten's rcid is the key in both: voeten:<rcid>
    assert len(matched) == 255
    for ours_col, iso in (("ecuador", "ECU"), ("israel", "ISR"), ("united_states", "USA")):
        assert (matched[ours_col] == matched[iso]).all(), iso
    assert (matched["our_rule"].str.contains("title") == matched["title_rule"]).all()
    both = ours.merge(wide, on=["date", "resolution"], how="outer", indicator=True)
    shared = both[both["_merge"] == "both"]
    assert (shared["ecuador"] == shared["ECU"]).all()  # the copies after 2020 too
    only_region = both[both["_merge"] == "right_only"]
    assert len(only_region) == 13
    assert only_region["rule"].str.contains("gap-fill").sum() == 11
    assert set(only_region.loc[only_region["year"] == 2024, "resolution"]) == {"A/RES/79/16", "A/RES/79/74"}


def test_real_rank_covers_all_four_administrations() -> None:
    table = unga_region.region_rank().set_index("president")
    assert table["rank_agree_isr"].notna().all()
    assert table["n_ranked"].to_dict() == {
        "correa": 33,
        "moreno": 33,
        "lasso": 33,
        "noboa": 32,
    }  # VEN: no votes
    assert (table["rank_agree_isr"] <= table["n_ranked"]).all()
