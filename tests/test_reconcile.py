"""Reconciliation: article-level mentions become one record per real event, keeping every source.

The mention frames are hand-made with the extractor's interface columns (``analysis.extract.engine.COLUMNS``), so
each test states exactly which mentions go in and which events must come out.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.coding.reconcile import DATE_RULE, EVENT_COLUMNS, SOURCE_COLUMNS, mention_id, reconcile
from analysis.extract.vocabulary import COLUMNS


def mention(
    doc: str,
    event_type: str,
    when: str,
    precision: str,
    start: int,
    actor: str = "ECU",
    target: str = "ISR",
    status: str = "happened",
    date_source: str = "sentence",
    **extra: object,
) -> dict:
    """One mention row with every interface column; the quote is unique per (doc, start)."""
    row: dict = {c: None for c in COLUMNS}
    quote = f"[{doc}@{start}] {event_type} {actor}-{target} {when or 'undated'}."
    row.update(
        doc_id=doc,
        file=f"{doc}.txt",
        event_type=event_type,
        status=status,
        date=when,
        date_precision=precision if when else "unknown",
        year=int(when[:4]) if when else None,
        administration="",
        actor=actor,
        target=target,
        amount_usd=None,
        location="",
        in_jerusalem="",
        quote=quote,
        start_char=start,
        end_char=start + len(quote),
        rule=f"en:{event_type}:test",
        confidence=0.8,
        polarity=1,
        date_text=when,
        date_source=date_source if when else "unresolved",
        cue="",
        language="en",
    )
    row.update(extra)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=COLUMNS)
    for col in ("year", "start_char", "end_char"):
        df[col] = df[col].astype("Int64")
    return df


OUTLETS = {"a": "Outlet One", "b": "Outlet One", "c": "Outlet Two", "d": "Outlet Three"}


def only(events: pd.DataFrame, **where: str) -> pd.Series:
    hit = events
    for col, value in where.items():
        hit = hit[hit[col] == value]
    assert len(hit) == 1, f"expected one event where {where}, got {len(hit)}:\n{events.to_string()}"
    return hit.iloc[0]


# ------------------------------------------------------------------------------------- merging


def test_month_and_day_of_the_same_visit_merge_keeping_every_source_and_the_most_precise_date() -> None:
    m = frame(
        mention("a", "visit", "2022-05", "month", 100),
        mention("b", "visit", "2022-05-12", "day", 200),
        mention("c", "visit", "2022", "year", 300),
    )
    events, sources = reconcile(m, OUTLETS)
    assert list(events.columns) == EVENT_COLUMNS
    assert list(sources.columns) == SOURCE_COLUMNS
    ev = only(events, event_type="visit")
    assert (ev["date"], ev["date_precision"], int(ev["year"])) == ("2022-05-12", "day", 2022)
    assert ev["administration"] == "lasso"
    assert ev["n_mentions"] == 3
    assert ev["n_sources"] == 3
    assert ev["doc_ids"] == "a;b;c"
    assert ev["conflicts"] == ""  # the coarser values contain the chosen day: no disagreement
    src = sources[sources["event_id"] == ev["event_id"]].sort_values("doc_id")
    assert list(src["doc_id"]) == ["a", "b", "c"]
    for _, s in src.iterrows():
        orig = m[(m["doc_id"] == s["doc_id"]) & (m["start_char"] == s["start_char"])].iloc[0]
        assert s["quote"] == orig["quote"]
        assert (s["start_char"], s["end_char"]) == (orig["start_char"], orig["end_char"])
        assert (s["date"], s["date_precision"]) == (orig["date"], orig["date_precision"])
        assert s["file"] == orig["file"]
        assert s["outlet"] == OUTLETS[s["doc_id"]]


def test_n_outlets_counts_distinct_outlets_not_articles() -> None:
    # a and b are two articles of the same outlet; c is another outlet
    m = frame(
        mention("a", "agreement", "2022-05", "month", 10),
        mention("b", "agreement", "2022-05-10", "day", 20),
        mention("c", "agreement", "2022-05", "month", 30),
    )
    ev = only(reconcile(m, OUTLETS)[0], event_type="agreement")
    assert ev["n_sources"] == 3
    assert ev["n_outlets"] == 2
    assert ev["outlets"] == "Outlet One;Outlet Two"


def test_an_article_without_an_outlet_counts_as_its_own_outlet() -> None:
    m = frame(mention("x", "visit", "2022-05", "month", 10), mention("y", "visit", "2022-05", "month", 10))
    ev = only(reconcile(m, {})[0], event_type="visit")
    assert (ev["n_sources"], ev["n_outlets"], ev["outlets"]) == (2, 2, "x;y")


def test_two_mentions_in_one_article_count_one_source() -> None:
    m = frame(mention("a", "visit", "2022-05-09", "day", 10), mention("a", "visit", "2022-05", "month", 500))
    ev = only(reconcile(m, OUTLETS)[0], event_type="visit")
    assert (ev["n_mentions"], ev["n_sources"], ev["n_outlets"]) == (2, 1, 1)


def test_since_1949_against_established_in_1950_is_one_event_with_both_values_in_conflicts() -> None:
    m = frame(
        mention("a", "diplomatic_ties", "1949", "year", 40),  # "formal diplomatic ties since 1949"
        mention("c", "diplomatic_ties", "1950", "year", 70),  # "relations established in 1950"
    )
    events, sources = reconcile(m, OUTLETS)
    ev = only(events, event_type="diplomatic_ties")
    assert ev["n_sources"] == 2
    assert "1949" in ev["conflicts"] and "1950" in ev["conflicts"]
    # every value is attributed to the article that states it
    assert "1949 (a)" in ev["conflicts"] and "1950 (c)" in ev["conflicts"]
    assert ev["date"] in ("1949", "1950")
    assert ev["date_precision"] == "year"
    assert ev["administration"] == "background"
    assert set(sources.loc[sources["event_id"] == ev["event_id"], "date"]) == {"1949", "1950"}


def test_date_rule_states_the_rule_on_every_event() -> None:
    m = frame(
        mention("a", "diplomatic_ties", "1949", "year", 40),
        mention("c", "diplomatic_ties", "1950", "year", 70),
        mention("a", "visit", "2022-05-09", "day", 100),
        mention("b", "visit", "", "unknown", 100, actor="ISR", target="ECU"),
    )
    events, _ = reconcile(m, OUTLETS)
    assert set(events["date_rule"]) == {DATE_RULE}
    assert "most precise" in DATE_RULE and "day > month > year > decade" in DATE_RULE


def test_among_equally_precise_disagreeing_dates_the_one_more_sources_state_wins() -> None:
    m = frame(
        mention("a", "visit", "2022-05-09", "day", 10),
        mention("b", "visit", "2022-05-11", "day", 10),
        mention("c", "visit", "2022-05-11", "day", 10),
    )
    ev = only(reconcile(m, OUTLETS)[0], event_type="visit")
    assert ev["date"] == "2022-05-11"
    assert "2022-05-09 (a)" in ev["conflicts"]


def test_a_stated_date_beats_one_borrowed_from_the_publication_date() -> None:
    m = frame(
        mention("a", "office_opening", "2022-05", "month", 10, date_source="publication date"),
        mention("b", "office_opening", "2022-04", "month", 10),
    )
    ev = only(reconcile(m, OUTLETS)[0], event_type="office_opening")
    assert (ev["date"], ev["n_sources"]) == ("2022-04", 2)


# ----------------------------------------------------------------------------------- separating


def test_different_pairs_never_merge_even_on_the_same_day() -> None:
    m = frame(
        mention("a", "visit", "2022-05-09", "day", 10, actor="ECU", target="ISR"),
        mention("b", "visit", "2022-05-09", "day", 10, actor="ISR", target="ECU"),
        mention("c", "visit", "2022-05-09", "day", 10, actor="COL", target="ISR"),
    )
    events, _ = reconcile(m, OUTLETS)
    assert len(events) == 3
    assert set(zip(events["actor"], events["target"], strict=True)) == {
        ("ECU", "ISR"),
        ("ISR", "ECU"),
        ("COL", "ISR"),
    }
    assert (events["n_mentions"] == 1).all()


def test_different_event_types_never_merge() -> None:
    m = frame(
        mention("a", "visit", "2022-05-09", "day", 10),
        mention("a", "statement", "2022-05-09", "day", 10),
    )
    events, _ = reconcile(m, OUTLETS)
    assert sorted(events["event_type"]) == ["statement", "visit"]


def test_incompatible_dates_of_the_same_type_and_pair_stay_separate_events() -> None:
    m = frame(
        mention("a", "visit", "2019-09", "month", 10),
        mention("b", "visit", "2022-05-12", "day", 10),
        mention("c", "visit", "2022-02", "month", 10),  # more than a week from any May day
    )
    events, _ = reconcile(m, OUTLETS)
    assert sorted(events["date"]) == ["2019-09", "2022-02", "2022-05-12"]
    assert events["event_id"].is_unique


# ------------------------------------------------------------------------------ ids and coverage


def _world() -> pd.DataFrame:
    return frame(
        mention("a", "visit", "2022-05", "month", 100),
        mention("b", "visit", "2022-05-12", "day", 200),
        mention("a", "diplomatic_ties", "1949", "year", 40),
        mention("c", "diplomatic_ties", "1950", "year", 70),
        mention("c", "statement", "2019-09-17", "day", 90, actor="ISR", target="ECU"),
        mention("c", "un_vote", "", "unknown", 120),
    )


def _unrelated_article() -> pd.DataFrame:
    """Another article: other types and other pairs than any event of ``_world``."""
    return frame(
        mention("d", "office_opening", "2021", "year", 10, actor="COL", target="ISR"),
        mention("d", "palestine_recognition", "2010-12", "month", 60, actor="ECU", target="PSE"),
        mention("d", "arms_purchase", "2019", "year", 90, actor="COL", target="ISR"),
        mention("d", "un_vote", "", "unknown", 120, actor="EGY", target="ISR"),
    )


def test_event_ids_are_stable_when_an_unrelated_article_is_added() -> None:
    before, _ = reconcile(_world(), OUTLETS)
    after, _ = reconcile(pd.concat([_world(), _unrelated_article()], ignore_index=True), OUTLETS)
    assert len(after) == len(before) + 4
    key = ["event_type", "actor", "target"]
    old = before.set_index(key)["event_id"]
    new = after.set_index(key)["event_id"]
    for k, event_id in old.items():
        assert new[k] == event_id, k
    # the untouched events are identical in every column
    untouched = after[after["event_id"].isin(before["event_id"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(untouched, before, check_dtype=False)


def test_event_ids_are_stable_when_a_later_event_of_the_same_pair_is_added() -> None:
    before, _ = reconcile(_world(), OUTLETS)
    later = frame(mention("d", "visit", "2025-05-04", "day", 10))  # Noboa's visit, three years on
    after, _ = reconcile(pd.concat([_world(), later], ignore_index=True), OUTLETS)
    assert set(before["event_id"]) < set(after["event_id"])
    assert len(after) == len(before) + 1


def test_event_ids_do_not_depend_on_the_order_of_the_mentions() -> None:
    m = pd.concat([_world(), _unrelated_article()], ignore_index=True)
    a, sa = reconcile(m, OUTLETS)
    b, sb = reconcile(m.iloc[::-1].reset_index(drop=True), OUTLETS)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(sa, sb)


def test_every_mention_lands_in_exactly_one_event() -> None:
    m = pd.concat([_world(), _unrelated_article()], ignore_index=True)
    events, sources = reconcile(m, OUTLETS)
    assert len(sources) == len(m)
    assert sources["mention_id"].is_unique
    assert set(sources["mention_id"]) == {mention_id(r) for _, r in m.iterrows()}
    assert set(sources["event_id"]) == set(events["event_id"])
    assert events["event_id"].is_unique
    counts = sources.groupby("event_id").size()
    assert (events.set_index("event_id")["n_mentions"] == counts.reindex(events["event_id"])).all()


def test_undated_mentions_of_a_type_and_pair_form_one_undated_event() -> None:
    m = frame(mention("a", "un_vote", "", "unknown", 10), mention("c", "un_vote", "", "unknown", 20))
    ev = only(reconcile(m, OUTLETS)[0], event_type="un_vote")
    assert (ev["date"], ev["date_precision"], ev["administration"], ev["n_sources"]) == ("", "unknown", "", 2)
    assert pd.isna(ev["year"])


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (("announced", "happened"), "happened"),
        (("announced", "planned"), "announced"),
        (("planned", "cancelled"), "cancelled"),
    ],
)
def test_the_merged_status_is_the_most_advanced_a_source_reports(
    statuses: tuple[str, str], expected: str
) -> None:
    m = frame(
        mention("a", "office_opening", "2022-05", "month", 10, status=statuses[0]),
        mention("b", "office_opening", "2022-05-12", "day", 10, status=statuses[1]),
    )
    assert only(reconcile(m, OUTLETS)[0], event_type="office_opening")["status"] == expected
