"""The UN record to 2025: the copies' readers, the one roll-call table, coverage in words, the rule comparison.

Hand-made folders in ``tmp_path`` hold a few Voeten roll calls (2018 to 14 January 2020) and the UN Digital
Library copies after them; every expected number below is worked out by hand in the comments.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.common.errors import DataError
from analysis.external import unga, unga_israel, unga_since2020

VOETEN_CALLS = "rcid,session,date,unres,short,descr,issue_me\n"
VOETEN_VOTES = "rcid,session,date,ecuador,israel,united_states\n"
ISRAEL_HEADER = "date,resolution,title,ECU,ISR,USA,n_sources_agreeing,sources(see per-source CSVs)\n"
ALL_HEADER = (
    "date,resolution,undl_id,title,yes,no,abstain,non_voting,israel_related,ECU,ISR,USA,link,source\n"
)
ADOPTED = " : resolution / adopted by the General Assembly"

# rcid, session, date, short, descr, issue_me, ecuador, israel, usa
VOETEN = [
    (
        1,
        73,
        "2018-11-30",
        f"The Syrian Golan{ADOPTED}",
        "A/73/251 38 - MIDDLE EAST SITUATION",
        0,
        "yes",
        "no",
        "no",
    ),
    (2, 73, "2018-11-30", f"Jerusalem{ADOPTED}", "", 1, "yes", "no", "no"),
    (
        3,
        73,
        "2018-12-05",
        "",
        "The President: a separate vote on Lebanon, Gaza and Israel",
        1,
        "abstain",
        "no",
        "no",
    ),
    (4, 74, "2019-12-03", "The Syrian Golan", "The Syrian Golan", 0, "abstain", "no", "no"),
    (5, 74, "2019-12-03", "Jerusalem", "Jerusalem", 1, "yes", "no", "abstain"),
    (6, 74, "2020-01-14", "Nuclear disarmament", "Nuclear disarmament", 0, "yes", "no", "no"),
]
# the copies' Middle-East list: date, resolution, title, ECU, ISR, USA
ISRAEL = [
    (
        "2020-12-02",
        "A/RES/75/22",
        f"Peaceful settlement of the question of Palestine{ADOPTED}",
        "A",
        "N",
        "N",
    ),
    ("2020-12-02", "A/RES/75/24", f"The Syrian Golan{ADOPTED}", "Y", "N", "N"),
    (
        "2021-12-01",
        "A/76/L.14",
        "Item 39 - DR A/76/L.14 Peaceful settlement of the question of Palestine",
        "Y",
        "N",
        "N",
    ),
    (
        "2021-12-01",
        "A/RES/76/10",
        f"Peaceful settlement of the question of Palestine{ADOPTED}",
        "Y",
        "N",
        "N",
    ),
    ("2022-11-30", "A/RES/77/26", f"The Syrian Golan{ADOPTED}", "A", "N", "N"),
    ("2022-12-12", "A/RES/77/125", f"The occupied Syrian Golan{ADOPTED}", "X", "N", "N"),
    ("2023-12-07", "A/RES/78/77", f"The occupied Syrian Golan{ADOPTED}", "Y", "N", "N"),
    (
        "2024-05-10",
        "A/RES/ES-10/23",
        f"Admission of new Members to the United Nations{ADOPTED}",
        "Y",
        "N",
        "N",
    ),
]
# every roll call 2019-09 to 2021-12: date, resolution, undl_id, title, yes, no, abstain, israel_related, votes
ALL_VOTES = [
    ("2019-12-03", "A/RES/74/14", "1", f"The Syrian Golan{ADOPTED}", 90, 8, 70, 1, "A", "N", "N"),
    (
        "2020-12-02",
        "A/RES/75/22",
        "2",
        f"Peaceful settlement of the question of Palestine{ADOPTED}",
        145,
        7,
        9,
        1,
        "A",
        "N",
        "N",
    ),
    ("2020-12-02", "A/RES/75/24", "3", f"The Syrian Golan{ADOPTED}", 88, 9, 62, 1, "Y", "N", "N"),
    (
        "2021-12-01",
        "A/76/L.14",
        "4",
        "Item 39 - DR A/76/L.14 Peaceful settlement",
        148,
        9,
        14,
        1,
        "Y",
        "N",
        "N",
    ),
    (
        "2021-12-01",
        "A/RES/76/10",
        "5",
        f"Peaceful settlement of the question of Palestine{ADOPTED}",
        148,
        9,
        14,
        1,
        "Y",
        "N",
        "N",
    ),
    (
        "2021-12-09",
        "A/RES/76/179",
        "6",
        f"Situation of human rights in the temporarily occupied Crimea{ADOPTED}",
        65,
        25,
        85,
        0,
        "A",
        "N",
        "Y",
    ),
]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def israel_rows(rows: list[tuple]) -> str:
    return ISRAEL_HEADER + "".join(f'{d},{r},"{t}",{e},{i},{u},1,copy\n' for d, r, t, e, i, u in rows)


def all_rows(rows: list[tuple]) -> str:
    return ALL_HEADER + "".join(
        f'{d},{r},{k},"{t}",{y},{n},{a},0,{f},{e},{i},{u},link,copy\n'
        for d, r, k, t, y, n, a, f, e, i, u in rows
    )


def make_unga(
    root: Path, israel: list[tuple] = ISRAEL, all_votes: list[tuple] = ALL_VOTES
) -> tuple[Path, Path]:
    """A Voeten folder and a since2020 folder under ``root``: (unga_dir, since_dir)."""
    unga_dir, since = root / "unga", root / "unga" / "since2020"
    calls = VOETEN_CALLS + "".join(
        f'{r},{s},{d},R/{s}/{r},"{short}","{descr}",{me}\n' for r, s, d, short, descr, me, *_ in VOETEN
    )
    votes = VOETEN_VOTES + "".join(f"{r},{s},{d},{e},{i},{u}\n" for r, s, d, _, _, _, e, i, u in VOETEN)
    write(unga_dir / "roll_calls.csv", calls)
    write(unga_dir / "votes_ec_il_us.csv", votes)
    write(since / "israel_related_votes_2020_2025.csv", israel_rows(israel))
    write(since / "all_votes_2019-09_2021-12.csv", all_rows(all_votes))
    return unga_dir, since


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return make_unga(tmp_path)


# ------------------------------------------------------------------------------------ the title rule


@pytest.mark.parametrize(
    ("title", "symbol", "selected"),
    [
        ("The Syrian Golan : resolution", "A/RES/75/24", True),
        ("Oil slick on Libanese shores : resolution", "R/62/188", True),  # Voeten's spelling, 2007 and 2008
        ("Protection of civilians and upholding legal and humanitarian obligations", "A/RES/ES-10/21", True),
        (
            "Situation of human rights in the temporarily occupied Autonomous Republic of Crimea",
            "A/RES/76/179",
            False,
        ),
        ("Financing of the United Nations Interim Force in Lebanon", "A/RES/71/307", False),
        ("Nuclear disarmament", "A/RES/74/45", False),
    ],
)
def test_title_rule_selects_israel_texts_and_es10_but_not_other_occupations(
    title: str, symbol: str, selected: bool
) -> None:
    assert unga_israel.title_rule(title, symbol) is selected


def test_voeten_title_is_short_from_2016_descr_before_and_nothing_for_a_meeting_record() -> None:
    assert (
        unga_israel.voeten_title("Jerusalem : resolution", "A/72/251 37 - MIDDLE EAST SITUATION")
        == "Jerusalem : resolution"
    )
    assert (
        unga_israel.voeten_title("MIDDLE EAST SITUATION", "The Syrian Golan : resolution")
        == "The Syrian Golan : resolution"
    )
    assert unga_israel.voeten_title("", "The Acting President: draft resolution on Gaza") == ""


# ------------------------------------------------------------------------------------ the copies' readers


def test_copies_vote_codes_map_yes_no_abstain_and_non_voting_to_absent(tmp_path: Path) -> None:
    rows = [
        ("2020-12-02", "A/RES/75/1", "Palestine", "Y", "N", "A"),
        ("2020-12-03", "A/RES/75/2", "Gaza", "X", "n", "y"),
    ]
    table = unga_since2020.load_israel_votes(
        write(tmp_path / "israel_related_votes_2020.csv", israel_rows(rows))
    )
    assert table[["ecuador", "israel", "united_states"]].values.tolist() == [
        ["yes", "no", "abstain"],
        ["absent", "no", "yes"],
    ]
    assert table["sources"].tolist() == ["copy", "copy"]


def test_a_missing_country_column_is_a_data_error_naming_it(tmp_path: Path) -> None:
    text = "date,resolution,title,ECU,ISR\n2020-12-02,A/RES/75/1,Palestine,Y,N\n"
    path = write(tmp_path / "israel_related_votes_2020.csv", text)
    with pytest.raises(DataError, match="missing required column 'USA'") as info:
        unga_since2020.load_israel_votes(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 1, "USA")


@pytest.mark.parametrize(("value", "message"), [("", "blank vote"), ("Z", "unknown vote code 'Z'")])
def test_a_blank_or_unknown_vote_is_a_data_error_naming_line_and_country(
    tmp_path: Path, value: str, message: str
) -> None:
    rows = [
        ("2020-12-02", "A/RES/75/1", "Palestine", "Y", "N", "N"),
        ("2020-12-03", "A/RES/75/2", "Gaza", "Y", value, "N"),
    ]
    path = write(tmp_path / "israel_related_votes_2020.csv", israel_rows(rows))
    with pytest.raises(DataError, match=message) as info:
        unga_since2020.load_israel_votes(path)
    assert (info.value.line, info.value.field) == (3, "ISR")


def test_a_date_outside_the_span_in_the_file_name_is_a_data_error(tmp_path: Path) -> None:
    path = write(tmp_path / "all_votes_2025.csv", all_rows([ALL_VOTES[1]]))
    with pytest.raises(DataError, match="outside the span the file name gives") as info:
        unga_since2020.load_all_votes(path)
    assert (info.value.line, info.value.field) == (2, "date")


def test_the_span_comes_from_the_file_name_and_a_name_without_one_is_an_error(tmp_path: Path) -> None:
    span = unga_since2020.file_span(Path("all_votes_2019-09_2021-12.csv"))
    assert (span.first, span.last, span.full_years()) == ((2019, 9), (2021, 12), [2020, 2021])
    assert unga_since2020.file_span(Path("all_votes_2025.csv")).full_years() == [2025]
    with pytest.raises(DataError, match="file name must end with the span"):
        unga_since2020.file_span(tmp_path / "all_votes.csv")


def test_a_draft_record_with_the_adopted_texts_day_and_tally_is_the_same_vote(tmp_path: Path) -> None:
    table = unga_since2020.load_all_votes(write(tmp_path / "all_votes_2021.csv", all_rows(ALL_VOTES[3:])))
    assert unga_since2020.duplicate_drafts(table) == {
        (pd.Timestamp("2021-12-01").date(), "A/76/L.14"): "A/RES/76/10"
    }


# ------------------------------------------------------------------------------------ one roll-call table


def test_one_table_takes_voeten_to_its_last_day_then_the_copies_with_source_and_rule(folders) -> None:
    table = unga_israel.israel_roll_calls(*folders, from_year=2018).set_index("rollcall_id")
    assert table.loc[[f"voeten:{i}" for i in (1, 2, 3, 4, 5)], "rule"].tolist() == [
        "title",
        "issue_me+title",
        "issue_me",  # a meeting record: the title rule is not applied to it
        "title",
        "issue_me+title",
    ]
    assert "voeten:6" not in table.index  # selected by neither rule
    assert not table.loc["voeten:3", "counted"]
    since = table[table["source"] == "since2020"]
    assert len(since) == len(ISRAEL)
    assert since["rule"].eq("title").all()
    draft = table.loc["undl:A/76/L.14:2021-12-01"]
    assert not draft["counted"] and "same vote as A/RES/76/10" in draft["note"]
    assert table["counted"].sum() == 4 + 7
    assert list(table.reset_index().columns) == list(unga_israel.ISRAEL_ROLL_CALL_COLUMNS)


def test_the_copies_must_agree_with_the_all_votes_file_they_overlap(tmp_path: Path) -> None:
    changed = [*ISRAEL[:1], ("2020-12-02", "A/RES/75/24", "The Syrian Golan", "A", "N", "N"), *ISRAEL[2:]]
    unga_dir, since = make_unga(tmp_path, israel=changed)
    with pytest.raises(
        DataError, match=r"abstain here but yes in all_votes_2019-09_2021-12\.csv line 4"
    ) as info:
        unga_israel.israel_roll_calls(unga_dir, since, from_year=2018)
    assert (Path(info.value.file).name, info.value.line, info.value.field) == (
        "israel_related_votes_2020_2025.csv",
        3,
        "ECU",
    )


def test_a_roll_call_the_all_votes_file_flags_must_be_in_the_list(tmp_path: Path) -> None:
    unga_dir, since = make_unga(tmp_path, israel=[r for r in ISRAEL if r[1] != "A/RES/75/24"])
    with pytest.raises(
        DataError, match="A/RES/75/24 on 2020-12-02 is flagged israel_related but missing"
    ) as info:
        unga_israel.israel_roll_calls(unga_dir, since, from_year=2018)
    assert (Path(info.value.file).name, info.value.line, info.value.field) == (
        "all_votes_2019-09_2021-12.csv",
        4,
        "israel_related",
    )


# ------------------------------------------------------------------------------------ measures and coverage


def test_agreement_counts_an_abstention_as_half_and_leaves_absences_out(folders) -> None:
    table = unga_israel.israel_by_administration(*folders, from_year=2018).set_index("president")
    lasso = table.loc["lasso"]
    # 76/10 yes v no (0), 77/26 abstain v no (0.5), 77/125 Ecuador non-voting (left out); the L.14 draft not counted
    assert (lasso["n_roll_calls"], lasso["agree_isr"], lasso["n_isr"]) == (3, 0.25, 2)
    assert (lasso["ecu_yes"], lasso["ecu_abstain"], lasso["ecu_absent"]) == (1, 1, 1)
    assert lasso["abstain_share"] == 0.5 and lasso["distance_isr"] == 0.75
    moreno = table.loc["moreno"]
    # 2018: golan 0, jerusalem 0; 2019: golan 0.5, jerusalem 0; 2020: 75/22 0.5, 75/24 0 -> 1/6; USA: 2019
    # jerusalem yes v abstain (0.5), 2020 75/22 abstain v no (0.5), 2019 golan abstain v no (0.5) -> 1.5/6
    assert moreno["agree_isr"] == pytest.approx(1 / 6) and moreno["n_isr"] == 6
    assert moreno["agree_usa"] == pytest.approx(1.5 / 6)
    assert moreno["abstain_share"] == pytest.approx(2 / 6)
    assert (moreno["n_voeten"], moreno["n_since2020"]) == (4, 2)
    correa = table.loc["correa"]
    assert correa["n_roll_calls"] == 0 and math.isnan(correa["agree_isr"]) and pd.isna(correa["n_isr"])


def test_coverage_says_which_years_are_complete_and_which_months_the_partial_ones_hold(folders) -> None:
    years = unga_israel.israel_by_year(*folders, from_year=2018).set_index("year")
    assert years.loc[2018, "coverage"] == "complete: Voeten's roll calls"
    assert years.loc[2021, "coverage"] == (
        "complete: every roll call of all_votes_2019-09_2021-12.csv, 2019-12-03 to 2021-12-09; "
        "2 of the 2 annual items not in the data"
    )
    assert years.loc[2022, "coverage"].startswith("partial: November–December only")
    assert years.loc[2024, "coverage"].startswith("partial: May only")
    assert years.loc[2020, "annual_missing"] == "Jerusalem"  # in 2018 and 2019, not in 2020
    assert not years.loc[2022, "complete"] and years.loc[2020, "complete"]
    admins = unga_israel.israel_by_administration(*folders, from_year=2018).set_index("president")["coverage"]
    assert admins["moreno"] == (
        "2018–2019 complete (Voeten); 2020–2021 complete (UN Digital Library copies); "
        "annual items (voted in most years 2018–2019) not in the data: 2020 (1)"
    )
    assert admins["lasso"] == (
        "2021 complete (UN Digital Library copies); 2022 partial: November–December only; 2023: no roll calls; "
        "annual items (voted in most years 2018–2019) not in the data: 2021 (2)"
    )
    assert admins["noboa"] == (
        "2023 partial: December only; 2024 partial: May only; nothing after 2024-05-10 (end of the data)"
    )
    assert admins["correa"] == "no roll calls in the data"


def test_december_2023_goes_to_noboa_by_vote_date_and_to_lasso_by_session(folders) -> None:
    by_date = unga_israel.israel_by_administration(*folders, from_year=2018).set_index("president")
    by_session = unga_israel.israel_by_administration(
        *folders, attribute_by="session", from_year=2018
    ).set_index("president")
    assert by_date.loc["noboa", "first_roll_call"] == "2023-12-07"
    # session 78 opened under Lasso in September 2023: by session, its December votes and ES-10/23 (May 2024) go
    # to Lasso, and Noboa's sessions 79 and 80 have no roll calls here
    assert by_session.loc["lasso", "last_roll_call"] == "2024-05-10"
    assert by_session.loc["noboa", "n_roll_calls"] == 0
    with pytest.raises(ValueError, match="attribute_by"):
        unga_israel.israel_by_administration(*folders, attribute_by="month")


def test_rule_comparison_counts_what_each_rule_keeps_and_both_measures(folders) -> None:
    table = unga_israel.rule_comparison(*folders, from_year=2018).set_index(["kind", "period"])
    y2018 = table.loc[("year", "2018")]
    # issue_me keeps rcid 2 (0) and the separate vote 3 (abstain v no: 0.5); the title rule 1 (0) and 2 (0)
    assert (y2018["n_issue_me"], y2018["n_title"], y2018["n_both"]) == (2, 2, 1)
    assert (y2018["n_issue_me_only"], y2018["n_title_only"]) == (1, 1)
    assert (y2018["agree_isr_issue_me"], y2018["agree_isr_title"], y2018["agree_isr_diff"]) == (
        0.25,
        0.0,
        -0.25,
    )
    y2019 = table.loc[("year", "2019")]
    assert (y2019["agree_isr_issue_me"], y2019["agree_isr_title"]) == (0.0, 0.25)
    assert ("year", "2020") not in table.index  # Voeten's last year is partial: no comparison
    moreno = table.loc[("administration", "moreno")]
    assert (moreno["n_issue_me"], moreno["n_title"]) == (3, 4)  # 2, 3, 5 and 1, 2, 4, 5
    assert "Voeten's complete years end 2019" in moreno["note"]


# ------------------------------------------------------------------------------------ the real data


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    return unga_israel.israel_roll_calls()


def test_real_title_rule_reproduces_the_copies_israel_related_flags() -> None:
    for path in sorted(unga_israel.SINCE2020_DIR.glob("all_votes_*.csv")):
        table = unga_since2020.load_all_votes(path)
        ours = [
            unga_israel.title_rule(t, r) for t, r in zip(table["title"], table["resolution"], strict=True)
        ]
        assert ours == table["israel_related"].tolist(), path.name


def test_real_voeten_and_the_copy_agree_on_every_vote_they_both_hold() -> None:
    voeten = unga.load_unga()
    voeten = voeten[voeten["date"].map(lambda d: d.isoformat() >= "2019-09-01")]
    voeten = voeten.assign(resolution=voeten["unres"].map(unga_israel.voeten_symbol))
    copy = unga_since2020.load_all_votes(unga_israel.SINCE2020_DIR / "all_votes_2019-09_2021-12.csv")
    both = voeten.merge(copy, on=["date", "resolution"], suffixes=("_v", "_c"))
    assert len(both) == 91  # every Voeten roll call from September 2019 to 14 January 2020
    for country in ("ecuador", "israel", "united_states"):
        assert (both[f"{country}_v"] == both[f"{country}_c"]).all(), country


def test_real_measure_covers_all_four_administrations(real: pd.DataFrame) -> None:
    since = real[real["source"] == "since2020"]
    assert len(since) == 88 and since["counted"].sum() == 87  # A/76/L.14 repeats A/RES/76/10
    table = unga_israel.israel_by_administration().set_index("president")
    assert table["n_roll_calls"].to_dict() == {"correa": 178, "moreno": 71, "lasso": 31, "noboa": 39}
    assert table["agree_isr"].notna().all() and table["abstain_share"].notna().all()
    assert "2022 partial: November–December only" in table.loc["lasso", "coverage"]
    assert table.loc["noboa", "coverage"].endswith("nothing after 2025-12-15 (end of the data)")


def test_real_measure_does_not_hang_on_the_rule() -> None:
    table = unga_israel.rule_comparison()
    years = table[table["kind"] == "year"]
    assert years["period"].tolist() == [str(y) for y in range(2007, 2020)]
    assert years["agree_isr_diff"].abs().max() <= 0.05
    assert table.loc[table["kind"] == "administration", "agree_isr_diff"].abs().max() <= 0.025
