"""The sentence-spec grammar shared by the English and Spanish generalisation tests.

A spec says what a sentence must (or must not) yield: ``event_type[@date][:status|status][>ACTOR-TARGET]``
(``~`` for either order, ``*`` for any country) followed by ``+column=value`` checks.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from analysis.corpus.loading import Document, normalise
from analysis.extract.engine import extract_document

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


def specs(field: str) -> list[Spec]:
    return [parse_spec(part) for part in field.split(";") if part.strip()]


def run(text: str, published: date, lang: str = "en") -> list[dict]:
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
        meta={"language": lang},
    )
    return list(extract_document(doc))


def show(rows: tuple[dict, ...]) -> str:
    if not rows:
        return "  (no rows)"
    return "\n".join(
        f"  {r['event_type']}@{r['date'] or '?'}({r['date_precision']}):{r['status']}>{r['actor']}-{r['target']}"
        f" amount={r['amount_usd']} jerusalem={r['in_jerusalem']} polarity={r['polarity']} rule={r['rule']}"
        for r in rows
    )


@cache
def load_rows(path: Path) -> tuple[dict[str, str], ...]:
    """The rows of a sentences file (id, sentence, published, must, must_not, note)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@cache
def extracted(path: Path, lang: str, row_id: str) -> tuple[dict, ...]:
    """What the extractor yields for one row of a sentences file, computed once per test session."""
    row = next(r for r in load_rows(path) if r["id"] == row_id)
    return tuple(run(row["sentence"], date.fromisoformat(row["published"]), lang))
