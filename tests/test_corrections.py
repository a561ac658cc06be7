"""Analyst corrections: drop, set and add, each with a reason; a row that matches nothing is an error."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import schema
from analysis.build import _csv
from analysis.coding.corrections import CORRECTION_COLUMNS, apply_corrections, load_corrections
from analysis.coding.reconcile import reconcile
from analysis.common.errors import DataError
from analysis.common.paths import DATA, SEEDS
from analysis.corpus.loading import load_corpus
from analysis.extract.engine import mentions_frame
from analysis.extract.vocabulary import COLUMNS

HEADER = ",".join(CORRECTION_COLUMNS) + "\n"


def mention(doc: str, event_type: str, start: int, when: str, precision: str, **extra: object) -> dict:
    row: dict = {c: None for c in COLUMNS}
    row.update(
        doc_id=doc,
        file=f"{doc}.txt",
        event_type=event_type,
        status="happened",
        date=when,
        date_precision=precision,
        year=int(when[:4]) if when else None,
        administration="lasso" if when.startswith("2022") else "",
        actor="ECU",
        target="ISR",
        location="",
        in_jerusalem="",
        quote=f"sentence at {start}.",
        start_char=start,
        end_char=start + 20,
        rule=f"en:{event_type}:test",
        confidence=0.85,
        polarity=1,
        date_text=when,
        date_source="sentence",
        cue="",
        language="en",
    )
    row.update(extra)
    return row


@pytest.fixture
def mentions() -> pd.DataFrame:
    df = pd.DataFrame(
        [
            mention("art", "visit", 100, "2022-05-09", "day"),
            mention("art", "office_opening", 400, "2022-05-12", "day", in_jerusalem="true"),
            mention("art", "diplomatic_ties", 900, "1962", "year"),
            mention("art", "statement", 900, "2022-05", "month", actor="ISR", target="ECU"),
            mention("other", "visit", 100, "2022-05-11", "day"),
        ],
        columns=COLUMNS,
    )
    for col in ("year", "start_char", "end_char"):
        df[col] = df[col].astype("Int64")
    return df


def corrections_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def assert_names(err: DataError, path: Path, line: int, field: str) -> None:
    """The error names this file, this line and this field, in its attributes and in its message."""
    assert (err.file, err.line, err.field) == (str(path), line, field), err
    assert str(path) in str(err) and f"line {line}" in str(err) and f"'{field}'" in str(err)


# ------------------------------------------------------------------------------------------ drop


def test_drop_removes_exactly_the_named_mention(tmp_path: Path, mentions: pd.DataFrame) -> None:
    path = corrections_file(tmp_path, "d1,drop,art,visit,100,ECU,ISR,,,,,,the quoted sentence is a denial")
    out = apply_corrections(mentions, path)
    assert len(out) == len(mentions) - 1
    assert not ((out["doc_id"] == "art") & (out["event_type"] == "visit")).any()
    # the other article's visit at the same offset is untouched
    assert ((out["doc_id"] == "other") & (out["event_type"] == "visit")).sum() == 1


def test_drop_without_actor_and_target_matches_on_doc_type_and_offset(
    tmp_path: Path, mentions: pd.DataFrame
) -> None:
    path = corrections_file(tmp_path, "d1,drop,art,statement,900,,,,,,,,not an official's statement")
    out = apply_corrections(mentions, path)
    assert set(out["event_type"]) == {"visit", "office_opening", "diplomatic_ties"}


# ------------------------------------------------------------------------------------------- set


def test_set_date_recomputes_precision_year_and_administration(
    tmp_path: Path, mentions: pd.DataFrame
) -> None:
    path = corrections_file(
        tmp_path,
        "c2,set,art,diplomatic_ties,900,ECU,ISR,date,1949,,,two other sources,'sixty years ago' is 1949",
        "c3,set,art,visit,100,ECU,ISR,date,2018-03,,,ministry,the visit was in March 2018",
    )
    out = apply_corrections(mentions, path).set_index(["doc_id", "event_type", "start_char"])
    ties = out.loc[("art", "diplomatic_ties", 900)]
    assert (ties["date"], ties["date_precision"], int(ties["year"])) == ("1949", "year", 1949)
    assert ties["administration"] == "background"
    assert ties["date_source"] == "analyst correction"
    assert ties["correction"] == "c2"
    visit = out.loc[("art", "visit", 100)]
    assert (visit["date"], visit["date_precision"], int(visit["year"])) == ("2018-03", "month", 2018)
    assert visit["administration"] == "moreno"
    assert visit["correction"] == "c3"
    # untouched rows carry no correction id
    assert out.loc[("other", "visit", 100), "correction"] == ""


def test_set_status_changes_only_the_named_mention(tmp_path: Path, mentions: pd.DataFrame) -> None:
    path = corrections_file(
        tmp_path, "s1,set,art,office_opening,400,,,status,announced,,,,the article says 'will inaugurate'"
    )
    out = apply_corrections(mentions, path)
    changed = out[out["correction"] == "s1"]
    assert len(changed) == 1 and changed.iloc[0]["status"] == "announced"
    assert (out.loc[out["correction"] == "", "status"] == "happened").all()


# ------------------------------------------------------------------------------------------- add


def test_add_appends_a_cited_mention_with_year_and_administration(
    tmp_path: Path, mentions: pd.DataFrame
) -> None:
    path = corrections_file(
        tmp_path,
        'a1,add,,palestine_recognition,,ECU,PSE,,,happened,2010-12,"MFA communiqué, 24 December 2010",'
        "the corpus only says 'under Correa'",
    )
    out = apply_corrections(mentions, path)
    assert len(out) == len(mentions) + 1
    added = out[out["correction"] == "a1"].iloc[0]
    assert added["event_type"] == "palestine_recognition"
    assert (added["actor"], added["target"], added["status"]) == ("ECU", "PSE", "happened")
    assert (added["date"], added["date_precision"], int(added["year"])) == ("2010-12", "month", 2010)
    assert added["administration"] == "correa"
    assert added["quote"] == "MFA communiqué, 24 December 2010"
    assert added["doc_id"] == "correction:a1"
    assert added["rule"] == "correction:a1"


def test_add_without_a_citation_is_an_error_naming_the_line(tmp_path: Path, mentions: pd.DataFrame) -> None:
    path = corrections_file(
        tmp_path,
        "d1,drop,art,visit,100,ECU,ISR,,,,,,a denial",
        "a1,add,,agreement,,ECU,ISR,,,happened,2019,,we know it happened",
    )
    with pytest.raises(DataError) as info:
        apply_corrections(mentions, path)
    assert_names(info.value, path, 3, "citation")


# ------------------------------------------------------------------------------------ validation


def test_a_correction_matching_no_mention_is_an_error_naming_file_and_line(
    tmp_path: Path, mentions: pd.DataFrame
) -> None:
    path = corrections_file(
        tmp_path,
        "d1,drop,art,visit,100,ECU,ISR,,,,,,a denial",
        "d2,drop,art,visit,101,ECU,ISR,,,,,,the offset moved",
    )
    with pytest.raises(DataError) as info:
        apply_corrections(mentions, path)
    assert_names(info.value, path, 3, "start_char")
    assert "d2" in info.value.message and "matches no mention" in info.value.message


def test_a_set_after_a_drop_of_the_same_mention_is_an_error_naming_both_lines(
    tmp_path: Path, mentions: pd.DataFrame
) -> None:
    path = corrections_file(
        tmp_path,
        "d1,drop,art,visit,100,ECU,ISR,,,,,,a denial",
        "s1,set,art,visit,100,ECU,ISR,status,planned,,,,stale row",
    )
    with pytest.raises(DataError, match="lines 2 and 3") as info:
        apply_corrections(mentions, path)
    assert_names(info.value, path, 3, "action")


def test_actor_and_target_narrow_the_match(tmp_path: Path, mentions: pd.DataFrame) -> None:
    path = corrections_file(tmp_path, "d1,drop,art,statement,900,ECU,ISR,,,,,,wrong direction")
    with pytest.raises(DataError) as info:
        apply_corrections(mentions, path)
    assert_names(info.value, path, 2, "start_char")


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("x1,drop,art,visited,100,,,,,,,,typo in the type", "event_type"),
        ("x1,set,art,visit,100,,,status,done,,,,unknown status", "value"),
        ("x1,set,art,visit,100,,,event_type,tour,,,,unknown type", "value"),
        ("x1,add,,visit,,ECU,ISR,,,occurred,2019,a source,unknown status", "status"),
        ("x1,set,art,visit,100,,,date,2022-13,,,,impossible month", "value"),
        ("x1,set,art,visit,100,,,quote,new words,,,,not settable", "field"),
        ("x1,move,art,visit,100,,,,,,,,unknown action", "action"),
        ("x1,drop,art,visit,,,,,,,,,no offset", "start_char"),
    ],
    ids=[
        "unknown-event_type",
        "unknown-status-set",
        "unknown-event_type-set",
        "unknown-status-add",
        "impossible-date",
        "unsettable-field",
        "unknown-action",
        "no-start_char",
    ],
)
def test_invalid_rows_are_errors_naming_file_line_and_field(
    tmp_path: Path, mentions: pd.DataFrame, row: str, field: str
) -> None:
    path = corrections_file(tmp_path, "d1,drop,art,visit,100,ECU,ISR,,,,,,a denial", row)
    with pytest.raises(DataError) as info:
        apply_corrections(mentions, path)
    assert_names(info.value, path, 3, field)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_row_without_a_reason_is_an_error(tmp_path: Path, reason: str) -> None:
    path = corrections_file(tmp_path, f"d1,drop,art,visit,100,ECU,ISR,,,,,,{reason}")
    with pytest.raises(DataError) as info:
        load_corrections(path)
    assert_names(info.value, path, 2, "reason")


def test_a_file_without_a_reason_column_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "corrections.csv"
    path.write_text(HEADER.replace(",reason", "") + "d1,drop,art,visit,100,ECU,ISR,,,,,\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_corrections(path)
    assert_names(info.value, path, 1, "reason")


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    path = corrections_file(
        tmp_path,
        "d1,drop,art,visit,100,ECU,ISR,,,,,,a denial",
        "d1,drop,art,visit,200,ECU,ISR,,,,,,another",
    )
    with pytest.raises(DataError) as info:
        load_corrections(path)
    assert_names(info.value, path, 3, "id")


def test_the_committed_corrections_apply_to_the_seeds_and_the_chronology_and_each_has_a_reason() -> None:
    from analysis.build import _with_cited
    from analysis.common.administrations import administrations

    rows = load_corrections(DATA / "corrections.csv")
    assert rows and all(r["reason"] for _, r in rows)
    mentions = mentions_frame(load_corpus(SEEDS))
    combined, _, _ = _with_cited(mentions, {}, DATA, administrations())
    out = apply_corrections(combined, DATA / "corrections.csv")
    applied = {c for cell in out["correction"] for c in cell.split(";")} - {""}
    assert applied == {r["id"] for _, r in rows if r["action"] != "drop"}


# --------------------------------------------------------------------- added events downstream


@pytest.fixture(scope="module")
def seed_mentions() -> pd.DataFrame:
    return mentions_frame(load_corpus(SEEDS))


def test_an_added_event_reconciles_into_tables_that_validate(
    tmp_path: Path, seed_mentions: pd.DataFrame
) -> None:
    path = corrections_file(
        tmp_path,
        'a1,add,,palestine_recognition,,ECU,PSE,,,happened,2010-12,"MFA communiqué, 24 December 2010",'
        "the corpus only says 'under Correa'",
    )
    corrected = apply_corrections(seed_mentions, path)
    events, sources = reconcile(corrected)
    assert "correction:a1" in set(sources["doc_id"])
    schema.validate(schema.EVENTS, _csv(events))
    schema.validate(schema.EVENT_SOURCES, _csv(sources))


def test_two_added_events_citing_the_same_article_keep_distinct_mention_ids(
    tmp_path: Path, mentions: pd.DataFrame
) -> None:
    path = corrections_file(
        tmp_path,
        "a1,add,art,visit,,ECU,ISR,,,happened,2010,the article's background paragraph,first visit",
        "a2,add,art,visit,,ECU,ISR,,,happened,2015,the article's background paragraph,second visit",
    )
    _, sources = reconcile(apply_corrections(mentions, path))
    added = sources[sources["rule"].str.startswith("correction:")]
    assert len(added) == 2 and added["event_id"].nunique() == 2
    assert sources["mention_id"].is_unique, list(added["mention_id"])
