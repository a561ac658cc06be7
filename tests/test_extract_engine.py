"""The extraction engine's invariants over the seeds: provenance, vocabularies, administrations, speed, gates."""

from __future__ import annotations

import csv
import re
import time
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis.common import matching as patterns
from analysis.common.administrations import administration_for
from analysis.common.paths import SEEDS
from analysis.corpus.loading import Document, load_corpus, normalise
from analysis.extract import engine as extract
from analysis.extract.engine import extract_document, mentions_frame
from analysis.extract.rules import en as rules_en
from analysis.extract.vocabulary import COLUMNS, EVENT_TYPES, STATUSES
from analysis.schema import PRECISIONS

SENTENCES = Path(__file__).parent / "data" / "sentences_en.csv"
HELDOUT = Path(__file__).parent / "gold" / "en_heldout"


@pytest.fixture(scope="module")
def seed_docs() -> list[Document]:
    return load_corpus(SEEDS)


@pytest.fixture(scope="module")
def seed_rows(seed_docs: list[Document]) -> list[tuple[Document, dict]]:
    return [(d, r) for d in seed_docs for r in extract_document(d)]


def document(text: str, published: date = date(2022, 5, 12), doc_id: str = "t") -> Document:
    norm, offsets = normalise(text)
    return Document(
        file=f"{doc_id}.txt",
        path=Path(f"{doc_id}.txt"),
        raw=text,
        text=norm,
        offsets=offsets,
        doc_id=doc_id,
        published=published,
        published_precision="day",
        meta={"language": "en"},
    )


def sentence_rows() -> list[dict[str, str]]:
    with SENTENCES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ----------------------------------------------------------------------------------- invariants


def test_the_seeds_yield_mentions_from_every_article(seed_docs, seed_rows) -> None:
    assert len(seed_docs) >= 5
    assert {d.doc_id for d, _ in seed_rows} == {d.doc_id for d in seed_docs}


def test_every_quote_is_the_original_text_at_its_offsets(seed_rows) -> None:
    for doc, r in seed_rows:
        assert 0 <= r["start_char"] < r["end_char"] <= len(doc.raw), r
        assert r["quote"] == doc.raw[r["start_char"] : r["end_char"]], (doc.file, r["start_char"])
        assert r["quote"].strip(), r


def test_event_type_status_and_precision_are_in_their_vocabularies(seed_rows) -> None:
    for _, r in seed_rows:
        assert r["event_type"] in EVENT_TYPES, r
        assert r["status"] in STATUSES, r
        assert r["date_precision"] in PRECISIONS, r
        assert r["rule"].split(":")[1] == r["event_type"], r
        assert 0 <= r["confidence"] <= 1 and r["polarity"] in (-1, 0, 1), r


def test_actor_and_target_are_distinct_three_letter_codes(seed_rows) -> None:
    for _, r in seed_rows:
        assert re.fullmatch(r"[A-Z]{3}", r["actor"]) and re.fullmatch(r"[A-Z]{3}", r["target"]), r
        assert r["actor"] != r["target"], r


def test_administration_follows_the_date_by_the_midpoint_rule_and_is_blank_without_a_date(seed_rows) -> None:
    undated = 0
    for _, r in seed_rows:
        if r["date"]:
            assert r["administration"] == administration_for(r["date"], r["date_precision"]), r
            assert r["year"] == int(r["date"][:4]), r
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", r["date"]), r
            assert r["date_precision"] != "unknown", r
        else:
            undated += 1
            assert r["administration"] == "" and r["year"] is None, r
            assert r["date_precision"] == "unknown", r
    assert undated < len(seed_rows)


def test_mentions_frame_has_the_interface_columns_in_order(seed_docs) -> None:
    df = mentions_frame(seed_docs)
    assert list(df.columns) == COLUMNS
    assert str(df["start_char"].dtype) == "Int64" and str(df["year"].dtype) == "Int64"


# ---------------------------------------------------------------------------------------- speed


@pytest.mark.parametrize(
    "unit",
    [
        "Ecuador and Israel signed an agreement in May 2022 and the president visited Jerusalem, ",
        "the minister said that Ecuador would not open an office in Jerusalem on 12 May 2022 ",
        "a ",
        "Israel, Ecuador, ",
        "((((( [[[[ \"'",
    ],
    ids=["events", "negated", "short-words", "countries", "brackets"],
)
def test_a_200000_character_sentence_without_a_full_stop_extracts_in_bounded_time(unit: str) -> None:
    text = (unit * (200_000 // len(unit) + 1))[:200_000]
    assert "." not in text
    doc = document(text)
    t0 = time.perf_counter()
    rows = list(extract_document(doc))
    elapsed = time.perf_counter() - t0
    # a generous guard against catastrophic backtracking (the benchmark prints the real figure)
    assert elapsed < 10, f"{elapsed:.1f}s"
    for r in rows:
        assert r["quote"] == text[r["start_char"] : r["end_char"]]


# ---------------------------------------------------------------------------------------- gates


def _no_shortcuts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pattern on every sentence: no trigger pass, so no opening words and no required-word gates."""
    monkeypatch.setattr(patterns, "ENABLED", False)


def _arms_amount():
    return next(rx for name, rx in rules_en.RULES["arms_purchase"] if name == "arms_amount")


def test_no_rule_set_keeps_hand_written_gates_every_rule_is_anchored_or_gated(seed_docs) -> None:
    from analysis.corpus.sentences import split_sentences
    from analysis.extract.rules import es as rules_es

    for R in (rules_en, rules_es):
        assert not hasattr(R, "GATES")  # derived from the patterns now: nothing to keep in step by hand
        for rules in R.RULES.values():
            for name, rx in rules:
                assert patterns.anchored(rx) or patterns.gated(rx), (R.LANG, name)
    # the derived gate of the one unanchored English rule skips it on most seed sentences
    amount = _arms_amount()
    assert not patterns.anchored(amount) and patterns.gated(amount)
    texts = [s.text for d in seed_docs for s in split_sentences(d.text, d.body_start)]
    skipped = 0
    for s in texts:
        patterns.scan(s)
        skipped += not patterns.may_match((amount,), s)
    assert 0 < skipped < len(texts)  # otherwise the comparisons below would prove nothing


def test_shortcuts_never_change_the_mentions_of_the_seeds_or_held_out_articles(
    seed_docs, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = seed_docs + load_corpus(HELDOUT)
    fast = mentions_frame(docs)
    _no_shortcuts(monkeypatch)
    slow = mentions_frame(docs)
    assert len(fast) > 0
    pd.testing.assert_frame_equal(fast, slow)


def test_shortcuts_never_change_the_mentions_of_any_test_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = sentence_rows()
    assert rows

    def run() -> list[list[dict]]:
        return [
            list(extract_document(document(r["sentence"], date.fromisoformat(r["published"]), r["id"])))
            for r in rows
        ]

    fast = run()
    _no_shortcuts(monkeypatch)
    slow = run()
    assert sum(map(len, fast)) > 0
    for row, a, b in zip(rows, fast, slow, strict=True):
        assert a == b, row["id"]


def test_a_required_word_gate_skips_a_pattern_only_where_none_of_its_words_occur() -> None:
    amount = _arms_amount()
    assert patterns.gated(amount)  # registered before the scans below, so the pass looks for its words
    without = "Ecuador paid $50 million for the new stadium, officials said."
    with_word = "Ecuador bought $50 million worth of rifles from Israel, officials said."
    patterns.scan(without)
    assert not patterns.may_match((amount,), without)
    assert patterns.finditer(amount, without) == []
    patterns.scan(with_word)
    assert patterns.may_match((amount,), with_word)
    assert [m.span() for m in patterns.finditer(amount, with_word)] == [
        m.span() for m in amount.finditer(with_word)
    ]
    assert patterns.finditer(amount, with_word)


# ---------------------------------------------------------------------------------------- long documents


def _long_document(docs: list[Document], copies: int) -> Document:
    """The bodies of ``docs`` one after another, ``copies`` times: one long article."""
    body = "\n\n".join(d.text[d.body_start :] for d in docs) + "\n\n"
    return document(body * copies, date(2020, 6, 15), "long")


def test_a_long_document_is_scanned_in_bounded_runs(seed_docs, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.corpus.sentences import MAX_SENTENCE

    doc = _long_document(seed_docs, 20)
    spans: list[tuple[int, int]] = []
    real = extract.scan_spans

    def recording(text: str, run: list) -> list:
        spans.append((run[0][0], run[-1][1]))
        return real(text, run)

    monkeypatch.setattr(extract, "scan_spans", recording)
    assert list(extract_document(doc))
    assert len(spans) >= len(doc.text) // extract.RUN_CHARS
    assert all(b - a <= extract.RUN_CHARS + MAX_SENTENCE for a, b in spans)  # a run holds about RUN_CHARS


def test_runs_and_unkept_trigger_passes_never_change_the_mentions(
    seed_docs, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [*seed_docs, *load_corpus(HELDOUT), _long_document(seed_docs, 5)]
    whole = mentions_frame(docs)
    # every sentence its own run, and no skipped sentence's trigger pass kept (each scanned again if read)
    monkeypatch.setattr(extract, "RUN_CHARS", 1)
    monkeypatch.setattr(extract, "_KEPT_SCANS", 0)
    pd.testing.assert_frame_equal(mentions_frame(docs), whole)
