"""Generalisation: sentences written for this test, in styles the seed articles do not use.

Each row of ``tests/data/sentences_en.csv`` is one small article (usually one sentence) with its publication
date, the events a careful analyst would code from it under ``docs/codebook.md`` (``must``) and what must not
be coded (``must_not``). Expectations state what the text says, not what the extractor happens to do.

Spec grammar, for both columns (``;``-separated)::

    event_type[@date][:status[|status...]][>ACTOR-TARGET | >ACTOR~TARGET][+column=value...]

* ``event_type`` is a codebook type, or ``*`` for any type;
* ``@2018`` compares the ``year`` column; ``@2018-05`` or ``@2018-05-16`` must equal the ``date`` column
  exactly (so it also fixes the precision);
* ``:announced|planned`` accepts any of the listed statuses;
* ``>GTM-ISR`` fixes actor and target, ``>ECU~ISR`` accepts either order (mutual events), ``*`` is a wildcard
  on one side;
* ``+in_jerusalem=true``, ``+amount_usd=15000000``, ``+polarity=-1`` compare further columns.

A ``must`` spec passes when at least one extracted row satisfies all its fields. A ``must_not`` spec fails
when any row satisfies all its fields: a bare type forbids the type, a bare ``*`` forbids any event at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sentence_specs import extracted as _extracted
from sentence_specs import load_rows
from sentence_specs import run as _run
from sentence_specs import show as _show
from sentence_specs import specs as _specs

from analysis.extract.vocabulary import COLUMNS, EVENT_TYPES, STATUSES

DATA = Path(__file__).parent / "data" / "sentences_en.csv"


ROWS = load_rows(DATA)


def run(text: str, published: date) -> list[dict]:
    return _run(text, published, "en")


def extracted(row_id: str) -> tuple[dict, ...]:
    return _extracted(DATA, "en", row_id)


def test_data_file_is_well_formed() -> None:
    assert len(ROWS) >= 40
    assert list(ROWS[0]) == ["id", "sentence", "published", "must", "must_not", "note"]
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for r in ROWS:
        date.fromisoformat(r["published"])
        assert r["sentence"].strip(), r["id"]
        for spec in _specs(r["must"]) + _specs(r["must_not"]):
            assert spec.event_type == "*" or spec.event_type in EVENT_TYPES, (r["id"], spec.text)
            assert all(s in STATUSES for s in spec.statuses), (r["id"], spec.text)
            assert all(col in COLUMNS for col, _ in spec.extras), (r["id"], spec.text)
    covered = {s.event_type for r in ROWS for s in _specs(r["must"])}
    assert covered == set(EVENT_TYPES), (
        f"event types without a positive sentence: {set(EVENT_TYPES) - covered}"
    )


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_sentence(row: dict[str, str]) -> None:
    got = extracted(row["id"])
    problems = []
    for spec in _specs(row["must"]):
        if not any(spec.matches(r) for r in got):
            problems.append(f"missing {spec.text}")
    for spec in _specs(row["must_not"]):
        bad = [r for r in got if spec.matches(r)]
        if bad:
            problems.append(f"forbidden {spec.text} matched {len(bad)} row(s)")
    assert not problems, (
        f"{row['id']}: {row['sentence']!r} (published {row['published']})\n"
        + "\n".join(problems)
        + "\nextracted:\n"
        + _show(got)
    )


def test_quotes_point_into_the_input() -> None:
    bad = []
    for row in ROWS:
        text = row["sentence"]
        for r in extracted(row["id"]):
            if r["quote"] != text[r["start_char"] : r["end_char"]]:
                bad.append((row["id"], r["event_type"], r["start_char"], r["end_char"], r["quote"]))
    assert not bad, bad
