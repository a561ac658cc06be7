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

import csv
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from analysis.corpus import Document, normalise
from analysis.extract import COLUMNS, EVENT_TYPES, STATUSES, extract_document

DATA = Path(__file__).parent / "data" / "sentences_en.csv"
_SPEC = re.compile(
    r"(?P<type>\*|[a-z_]+)"
    r"(?:@(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?))?"
    r"(?::(?P<status>[a-z]+(?:\|[a-z]+)*))?"
    r"(?:>(?P<actor>\*|[A-Z]{3})(?P<sep>[-~])(?P<target>\*|[A-Z]{3}))?"
    r"(?P<extras>(?:\+[a-z_]+=[^+]+)*)"
)


@dataclass(frozen=True)
class Spec:
    text: str
    event_type: str
    date: str | None
    statuses: tuple[str, ...]
    actor: str | None
    target: str | None
    ordered: bool
    extras: tuple[tuple[str, str], ...]

    def matches(self, row: dict) -> bool:
        if self.event_type != "*" and row["event_type"] != self.event_type:
            return False
        if self.date is not None:
            if len(self.date) == 4:
                if row["year"] is None or int(row["year"]) != int(self.date):
                    return False
            elif row["date"] != self.date:
                return False
        if self.statuses and row["status"] not in self.statuses:
            return False
        if self.actor is not None and not self._pair_matches(row["actor"], row["target"]):
            return False
        return all(_value_matches(row.get(col), want) for col, want in self.extras)

    def _pair_matches(self, actor: str, target: str) -> bool:
        def side(want: str | None, got: str) -> bool:
            return want in (None, "*") or want == got

        direct = side(self.actor, actor) and side(self.target, target)
        if self.ordered:
            return direct
        return direct or (side(self.actor, target) and side(self.target, actor))


def _value_matches(got: object, want: str) -> bool:
    if got is None or (isinstance(got, float) and math.isnan(got)):
        return want == ""
    if isinstance(got, bool):
        return str(got).lower() == want.lower()
    if isinstance(got, int | float):
        try:
            return math.isclose(float(got), float(want), rel_tol=1e-6)
        except ValueError:
            return False
    return str(got).lower() == want.lower()


def parse_spec(text: str) -> Spec:
    m = _SPEC.fullmatch(text.strip())
    if not m:
        raise ValueError(f"malformed spec {text!r}")
    extras = tuple(tuple(part.split("=", 1)) for part in m.group("extras").split("+") if part)
    return Spec(
        text=text.strip(),
        event_type=m.group("type"),
        date=m.group("date"),
        statuses=tuple(m.group("status").split("|")) if m.group("status") else (),
        actor=m.group("actor"),
        target=m.group("target"),
        ordered=m.group("sep") != "~",
        extras=extras,  # type: ignore[arg-type]
    )


def _specs(field: str) -> list[Spec]:
    return [parse_spec(part) for part in field.split(";") if part.strip()]


@cache
def load_rows() -> tuple[dict[str, str], ...]:
    with DATA.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


ROWS = load_rows()


def run(text: str, published: date) -> list[dict]:
    norm, offsets = normalise(text)
    doc = Document(
        file="t.txt",
        path=Path("t.txt"),
        raw=text,
        text=norm,
        offsets=offsets,
        doc_id="t",
        published=published,
        published_precision="day",
        meta={"language": "en"},
    )
    return list(extract_document(doc))


@cache
def extracted(row_id: str) -> tuple[dict, ...]:
    row = next(r for r in ROWS if r["id"] == row_id)
    return tuple(run(row["sentence"], date.fromisoformat(row["published"])))


def _show(rows: tuple[dict, ...]) -> str:
    if not rows:
        return "  (no rows)"
    return "\n".join(
        f"  {r['event_type']}@{r['date'] or '?'}({r['date_precision']}):{r['status']}>{r['actor']}-{r['target']}"
        f" amount={r['amount_usd']} jerusalem={r['in_jerusalem']} polarity={r['polarity']} rule={r['rule']}"
        for r in rows
    )


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
