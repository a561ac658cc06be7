"""Table schemas: one definition validates every table on each build and writes ``data/datapackage.json``.

The descriptor follows the Frictionless Data Package / Table Schema standard, so the tables can be read by
other tools; the validator here enforces the same fields, types, enums, required values and keys, and
names the file, line and field of the first problem.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.common.errors import DataError
from analysis.extract.engine import EVENT_TYPES, STATUSES

PRECISIONS = ["day", "month", "year", "decade", "unknown"]
ISO3 = r"^[A-Z]{3}$"
DATE_TRUNC = r"^\d{4}(-\d{2}(-\d{2})?)?$"
#: President ids come from data/administrations.csv (a foreign key where a table names only presidents);
#: event tables may also say "background" (before the first coded administration).
PRESIDENT_ID = r"^[a-z][a-z0-9_]*$"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, boolean
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None

    def descriptor(self) -> dict:
        d: dict = {"name": self.name, "type": self.type, "description": self.description}
        c: dict = {}
        if self.required:
            c["required"] = True
        if self.enum:
            c["enum"] = list(self.enum)
        if self.pattern:
            c["pattern"] = self.pattern
        if self.minimum is not None:
            c["minimum"] = self.minimum
        if self.maximum is not None:
            c["maximum"] = self.maximum
        if c:
            d["constraints"] = c
        if self.type == "boolean":
            d["trueValues"], d["falseValues"] = ["true", "True"], ["false", "False"]
        return d


@dataclass(frozen=True)
class Table:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (field, resource, field)
    kind: str = "derived"  # derived, curated
    sources: tuple[dict, ...] = field(default_factory=tuple)

    def descriptor(self) -> dict:
        schema: dict = {"fields": [f.descriptor() for f in self.fields], "missingValues": [""]}
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": f, "reference": {"resource": r, "fields": rf}} for f, r, rf in self.foreign_keys
            ]
        d = {
            "name": self.name,
            "path": self.path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": self.title,
            "description": self.description,
            "schema": schema,
        }
        if self.sources:
            d["sources"] = list(self.sources)
        return d


def F(name, type_, description, **kw) -> Field:
    return Field(name, type_, description, **kw)


_PROVENANCE = (
    F(
        "quote",
        "string",
        "the sentence that states the event, exactly as in the original file",
        required=True,
    ),
    F("start_char", "integer", "offset of the quote's first character in the original file", minimum=0),
    F("end_char", "integer", "offset just past the quote's last character in the original file", minimum=0),
)
_EVENT_CORE = (
    F(
        "event_type",
        "string",
        "event type from the codebook (docs/codebook.md)",
        required=True,
        enum=EVENT_TYPES,
    ),
    F("status", "string", "happened, announced, planned or cancelled", required=True, enum=STATUSES),
    F(
        "date",
        "string",
        "when the event happened, ISO truncated to its precision; decade: the central year",
        pattern=DATE_TRUNC,
    ),
    F("date_precision", "string", "day, month, year, decade or unknown", required=True, enum=PRECISIONS),
    F("year", "integer", "year of the date"),
    F(
        "administration",
        "string",
        "Ecuadorian president in office at the midpoint of the date's span; "
        "background before 2007-01-15; blank when the date is unknown",
        pattern=PRESIDENT_ID,
    ),
    F("actor", "string", "ISO 3166 alpha-3 of the country that acts", required=True, pattern=ISO3),
    F("target", "string", "ISO 3166 alpha-3 of the country acted on or with", required=True, pattern=ISO3),
    F("amount_usd", "number", "amount stated in US dollars (arms purchases)", minimum=0),
    F("location", "string", "place the event happened in, as written"),
    F("in_jerusalem", "string", "for offices and embassies: true when in Jerusalem", enum=("true", "false")),
)

MENTIONS = Table(
    "mentions",
    "mentions.csv",
    "Event mentions",
    "Article-level event mentions: the extractor's output over "
    "seeds/, one row per event stated in a sentence, before analyst corrections.",
    (
        F("doc_id", "string", "article id (seeds/manifest.csv)", required=True),
        F("file", "string", "article file in seeds/", required=True),
        *_EVENT_CORE[:10],
        _EVENT_CORE[10],
        *_PROVENANCE,
        F("rule", "string", "the pattern that fired: language:event_type:rule", required=True),
        F("confidence", "number", "rule confidence in [0, 1]", required=True, minimum=0, maximum=1),
        F("polarity", "integer", "+1 support, -1 criticism or rupture, 0 unknown (votes)"),
        F("date_text", "string", "the date expression the date was resolved from"),
        F(
            "date_source",
            "string",
            "where the date came from: sentence, paragraph, publication date, unresolved",
        ),
        F("cue", "string", "the words that triggered the rule"),
        F("language", "string", "language of the article (en, es)"),
    ),
)
EVENTS = Table(
    "events",
    "events.csv",
    "Reconciled events",
    "One row per event in the world, merged from every mention "
    "that reports it (after analyst corrections); sources in event_sources.csv.",
    (
        F(
            "event_id",
            "string",
            "stable id from the event's type, pair and earliest source date",
            required=True,
        ),
        *_EVENT_CORE,
        F("polarity", "integer", "+1 support, -1 criticism or rupture, 0 unknown"),
        F("n_mentions", "integer", "mentions merged into the event", required=True, minimum=1),
        F("n_sources", "integer", "distinct articles reporting it", required=True, minimum=1),
        F("n_outlets", "integer", "distinct outlets reporting it", required=True, minimum=1),
        F("doc_ids", "string", "articles reporting it, ';'-separated", required=True),
        F("outlets", "string", "outlets reporting it, ';'-separated", required=True),
        F("conflicts", "string", "where sources disagree: every value with its sources"),
        F("date_rule", "string", "the rule that chose the date among the sources' values", required=True),
        F("confidence", "number", "1 - product of (1 - mention confidence)", minimum=0, maximum=1),
        F(
            "evidence",
            "string",
            "text (quoted sentences), cited (chronology reports) or text+cited",
            required=True,
            enum=("text", "cited", "text+cited"),
        ),
        F("n_text_sources", "integer", "distinct articles quoting it", required=True, minimum=0),
        F("n_cited_sources", "integer", "distinct chronology sources citing it", required=True, minimum=0),
        F("perspectives", "string", "outlet perspective groups reporting it, ';'-separated"),
    ),
    primary_key=("event_id",),
)
EVENT_SOURCES = Table(
    "event_sources",
    "event_sources.csv",
    "Event sources",
    "Every mention behind every reconciled event: for text evidence its quote and offsets into the original "
    "article, for cited evidence the chronology report's summary, link and paragraph locator.",
    (
        F("event_id", "string", "the reconciled event", required=True),
        F(
            "doc_id",
            "string",
            "article id, chronology source id, or correction:<id> for an analyst-added event",
            required=True,
        ),
        F("file", "string", "article file in seeds/ (text evidence)"),
        F("outlet", "string", "the source's outlet"),
        F("status", "string", "status as this source reports it", required=True, enum=STATUSES),
        F("date", "string", "date as this source reports it", pattern=DATE_TRUNC),
        F("date_precision", "string", "precision of this source's date", required=True, enum=PRECISIONS),
        F("quote", "string", "text evidence: the sentence that states the event, exactly as in the file"),
        *_PROVENANCE[1:],
        F(
            "rule",
            "string",
            "pattern, chronology report or correction that produced the mention",
            required=True,
        ),
        F(
            "mention_id",
            "string",
            "doc_id@start_char:event_type:actor-target (text) or report_id:event_type:actor-target (cited)",
            required=True,
        ),
        F("evidence", "string", "text or cited", required=True, enum=("text", "cited")),
        F("report_id", "string", "cited evidence: the chronology report (data/chronology/reports.csv)"),
        F("source_url", "string", "cited evidence: the source's web address"),
        F("perspective_group", "string", "the source's perspective group (data/perspective_groups.csv)"),
        F("locator", "string", "cited evidence: paragraphs of the source that carry the event"),
        F("summary", "string", "cited evidence: the chronology's one-sentence summary, in its own words"),
    ),
    primary_key=("mention_id",),
    foreign_keys=(("event_id", "events", "event_id"),),
)
_STANCE_STATS = (
    F("score", "number", "mean event value (Goldstein-scale weight x status multiplier x sign)"),
    F("ci_low", "number", "lower bound of the bootstrap interval over events"),
    F("ci_high", "number", "upper bound of the bootstrap interval over events"),
    F("n_events", "integer", "reconciled events coded", required=True, minimum=0),
    F("n_sources", "integer", "distinct articles behind those events", required=True, minimum=0),
    F("material", "number", "material events' share of the score (arms, military cooperation, rupture)"),
    F(
        "diplomatic",
        "number",
        "diplomatic events' share of the score (visits, offices, ties, recalls, "
        "agreements, votes, recognition)",
    ),
    F("rhetorical", "number", "rhetorical events' share of the score (statements, legislative acts)"),
    F("label", "string", "label from data/stance_labels.csv", required=True),
)
STANCE = Table(
    "stance",
    "stance.csv",
    "Stance per administration",
    "Each administration's stance toward Israel: the mean "
    "value per event (headline) and the rate per year in office, with a bootstrap interval and components.",
    (
        F("administration", "string", "president id", required=True, pattern=PRESIDENT_ID),
        F("name", "string", "president's name", required=True),
        F("start", "string", "sworn in", required=True),
        F("end", "string", "successor sworn in", required=True),
        F("years_in_office", "number", "years in office up to the corpus's latest publication date"),
        *_STANCE_STATS,
        F("score_basis", "string", "what the score is (mean value per event)", required=True),
        F("rate_per_year", "number", "sum of event values per year in office"),
        F("event_ids", "string", "the events coded, ';'-separated"),
        F(
            "caution",
            "string",
            "what to know before comparing this score: few events, few years, few articles",
        ),
        F("n_outlets", "integer", "distinct outlets behind those events", required=True, minimum=0),
        F("evidence_mix", "string", "events by kind of evidence: text, cited, text+cited", required=True),
        F(
            "not_distinguishable_from",
            "string",
            "administrations with another label whose interval overlaps this one's, ';'-separated",
        ),
    ),
    primary_key=("administration",),
)
STANCE_YEARLY = Table(
    "stance_yearly",
    "stance_yearly.csv",
    "Stance per year",
    "The stance per calendar year and administration.",
    (
        F("year", "integer", "calendar year", required=True),
        F("administration", "string", "president id", required=True, pattern=PRESIDENT_ID),
        *_STANCE_STATS,
        F("event_ids", "string", "the events coded, ';'-separated"),
    ),
    primary_key=("year", "administration"),
)
SENSITIVITY = Table(
    "stance_sensitivity",
    "stance_sensitivity.csv",
    "Stance sensitivity",
    "Scores and ranking under alternative weightings and with each source left out.",
    (
        F(
            "variant",
            "string",
            "baseline, equal_weights, goldstein_values, material_only, leave_one_source_out, "
            "leave_one_perspective_out, text_only (the seeds-only score), cited_only",
            required=True,
        ),
        F("left_out", "string", "the source or perspective group left out"),
        F("administration", "string", "president id", required=True, pattern=PRESIDENT_ID),
        F("score", "number", "mean event value under the variant"),
        F("n_events", "integer", "events coded under the variant", required=True, minimum=0),
        F("rank", "integer", "1 = warmest toward Israel"),
        F("ranking", "string", "the four administrations from warmest to coolest"),
        F("ranking_as_baseline", "boolean", "whether the ranking equals the baseline's", required=True),
        F("lowest", "string", "the coolest administration under the variant"),
    ),
    primary_key=("variant", "left_out", "administration"),
)

CURATED = (
    Table(
        "administrations",
        "administrations.csv",
        "Administrations",
        "Ecuador's presidents with the day "
        "each was sworn in and the day the successor was; a source on each row.",
        (
            F("president", "string", "president id", required=True),
            F("name", "string", "name", required=True),
            F("start", "string", "sworn in (YYYY-MM-DD)", required=True, pattern=r"^\d{4}-\d{2}-\d{2}$"),
            F(
                "end",
                "string",
                "successor sworn in (exclusive)",
                required=True,
                pattern=r"^\d{4}-\d{2}-\d{2}$",
            ),
            F("source", "string", "where the dates come from", required=True),
        ),
        primary_key=("president",),
        kind="curated",
    ),
    Table(
        "codebook",
        "codebook.csv",
        "Codebook",
        "Weight of each event type on Goldstein's -10..+10 "
        "cooperation-conflict scale, with its PLOVER root, the comparable CAMEO code and published value.",
        (
            F("event_type", "string", "event type", required=True, enum=EVENT_TYPES),
            F("plover_root", "string", "PLOVER root (blank: toward a third party)"),
            F(
                "component",
                "string",
                "material, diplomatic or rhetorical",
                required=True,
                enum=("material", "diplomatic", "rhetorical"),
            ),
            F("weight", "number", "weight toward Israel", required=True, minimum=-10, maximum=10),
            F(
                "signed_by",
                "string",
                "type: the weight's sign; polarity: the event's own sign",
                required=True,
                enum=("type", "polarity"),
            ),
            F(
                "counts_when_actor",
                "string",
                "ECU: only Ecuador's own acts count",
                required=True,
                enum=("ECU", "either"),
            ),
            F("cameo_code", "string", "comparable CAMEO code", required=True),
            F("cameo_label", "string", "CAMEO label", required=True),
            F(
                "cameo_goldstein",
                "number",
                "published Goldstein value of the CAMEO code",
                required=True,
                minimum=-10,
                maximum=10,
            ),
            F("rationale", "string", "why this weight", required=True),
        ),
        primary_key=("event_type",),
        kind="curated",
    ),
    Table(
        "status_multipliers",
        "status_multipliers.csv",
        "Status multipliers",
        "How much an event counts by its status; '*' applies to every type without its own row.",
        (
            F("status", "string", "status", required=True, enum=STATUSES),
            F("event_type", "string", "event type or *", required=True, enum=("*", *EVENT_TYPES)),
            F("multiplier", "number", "multiplier", required=True, minimum=-1, maximum=1),
            F("rationale", "string", "why", required=True),
        ),
        primary_key=("status", "event_type"),
        kind="curated",
    ),
    Table(
        "stance_labels",
        "stance_labels.csv",
        "Stance labels",
        "Thresholds that name a score.",
        (
            F("label", "string", "label", required=True),
            F("min", "number", "from (inclusive)", required=True),
            F("max", "number", "to (exclusive)", required=True),
            F("rationale", "string", "why", required=True),
        ),
        primary_key=("label",),
        kind="curated",
    ),
    Table(
        "stance_parameters",
        "stance_parameters.csv",
        "Stance parameters",
        "Bootstrap settings.",
        (
            F("parameter", "string", "name", required=True),
            F("value", "number", "value", required=True),
            F("rationale", "string", "why", required=True),
        ),
        primary_key=("parameter",),
        kind="curated",
    ),
    Table(
        "corrections",
        "corrections.csv",
        "Analyst corrections",
        "Drop, change or add mentions; applied on "
        "every build after extraction and before reconciliation; each row with a reason.",
        (
            F("id", "string", "correction id", required=True),
            F(
                "action",
                "string",
                "drop, set, split or add",
                required=True,
                enum=("drop", "set", "split", "add"),
            ),
            F(
                "doc_id",
                "string",
                "article of the mention or chronology report_id (drop, set, split) or cited article (add)",
            ),
            F("event_type", "string", "event type of the mention", required=True, enum=EVENT_TYPES),
            F("start_char", "integer", "sentence offset of the mention in the original file"),
            F("actor", "string", "actor of the mention or added event"),
            F("target", "string", "target of the mention or added event"),
            F("field", "string", "field to set"),
            F("value", "string", "new value"),
            F("status", "string", "status of an added event"),
            F("date", "string", "date of an added event"),
            F("citation", "string", "source of the corrected fact"),
            F("reason", "string", "why the correction", required=True),
        ),
        primary_key=("id",),
        kind="curated",
    ),
)
DERIVED = (MENTIONS, EVENTS, EVENT_SOURCES, STANCE, STANCE_YEARLY, SENSITIVITY)

# --- the cited chronology (issue 14): curated copies, cited mentions, shifts and the evidence table ---------
_CHRONO_NOTE = " Copied unchanged from the shared chronology; checksums in data/chronology/SOURCES.md."
CHRONOLOGY_SOURCES = Table(
    "chronology_sources",
    "chronology/sources.csv",
    "Chronology sources",
    "The 33 public reports the cited chronology was coded from." + _CHRONO_NOTE,
    (
        F("source_id", "string", "outlet, year of publication and slug", required=True),
        F("title", "string", "headline as published, or a bracketed description", required=True),
        F("outlet", "string", "publication, with the wire service where the text is a copy", required=True),
        F("url", "string", "the page's address as gathered", required=True, pattern=r"^https?://\S+$"),
        F("published", "string", "publication date, ISO truncated", required=True, pattern=DATE_TRUNC),
        F(
            "published_precision",
            "string",
            "day, month or year",
            required=True,
            enum=("day", "month", "year"),
        ),
        F("published_evidence", "string", "where the publication date comes from", required=True),
        F("language", "string", "en or es", required=True, enum=("en", "es")),
        F("perspective", "string", "the outlet's standpoint, in neutral words", required=True),
    ),
    primary_key=("source_id",),
    kind="curated",
)
CHRONOLOGY_REPORTS = Table(
    "chronology_reports",
    "chronology/reports.csv",
    "Chronology reports",
    "What one source says about one event, coded by hand with a summary and a paragraph locator."
    + _CHRONO_NOTE,
    (
        F("report_id", "string", "source_id-n", required=True),
        F("source_id", "string", "the source (chronology/sources.csv)", required=True),
        F("event_type", "string", "event type from the codebook", required=True, enum=EVENT_TYPES),
        F("status", "string", "happened, announced, planned or cancelled", required=True, enum=STATUSES),
        F("date", "string", "event date, ISO truncated; decade: its first year", pattern=DATE_TRUNC),
        F("date_precision", "string", "day, month, year, decade or unknown", required=True, enum=PRECISIONS),
        F("date_evidence", "string", "how the date follows from the text", required=True),
        F(
            "administration",
            "string",
            "president in office on the date, or background",
            required=True,
            pattern=PRESIDENT_ID,
        ),
        F("actor", "string", "ISO3 of the acting party", required=True, pattern=ISO3),
        F("target", "string", "ISO3 of the other party", required=True, pattern=ISO3),
        F("amount_usd", "number", "US dollar amount stated", minimum=0),
        F("location", "string", "where the event took place"),
        F(
            "in_jerusalem",
            "string",
            "visits and offices: placed in Jerusalem by this source",
            enum=("true", "false"),
        ),
        F("polarity", "integer", "statements and UN votes: 1, -1 or 0", minimum=-1, maximum=1),
        F("speaker", "string", "statements: the official and role"),
        F("summary", "string", "one sentence in the chronology's own words", required=True),
        F("locator", "string", "paragraphs of the source text", required=True),
    ),
    primary_key=("report_id",),
    foreign_keys=(("source_id", "chronology_sources", "source_id"),),
    kind="curated",
)
PERSPECTIVE_GROUPS = Table(
    "perspective_groups",
    "perspective_groups.csv",
    "Outlet perspective groups",
    "Each source of either kind in one of six perspective groups, for leave-one-perspective-out; a reason each.",
    (
        F("doc_id", "string", "seed doc_id or chronology source_id", required=True),
        F("evidence", "string", "text or cited", required=True, enum=("text", "cited")),
        F(
            "group",
            "string",
            "perspective group",
            required=True,
            enum=(
                "israeli_jewish",
                "ecuador_private",
                "ecuador_opposition",
                "state_media",
                "arab_pro_palestinian",
                "wires",
            ),
        ),
        F("reason", "string", "why this group", required=True),
    ),
    primary_key=("doc_id",),
    kind="curated",
)
CITED_MENTIONS = Table(
    "cited_mentions",
    "cited_mentions.csv",
    "Cited mentions",
    "The chronology's reports as mentions beside the text-extracted ones (before analyst corrections): the same "
    "columns where they apply, with link, outlet, perspective, locator and summary in place of quote and offsets.",
    (
        F("doc_id", "string", "chronology source id", required=True),
        F("report_id", "string", "chronology report id", required=True),
        *_EVENT_CORE[:10],
        _EVENT_CORE[10],
        F("polarity", "integer", "+1 support, -1 criticism or a distancing act, 0 mixed or abstention"),
        F("speaker", "string", "statements: the official and role"),
        F("outlet", "string", "the outlet, without the chronology's bracketed note", required=True),
        F("source_url", "string", "the source's web address", required=True),
        F("perspective", "string", "the outlet's standpoint, as the chronology gives it", required=True),
        F("perspective_group", "string", "perspective group (data/perspective_groups.csv)", required=True),
        F("language", "string", "en or es", required=True, enum=("en", "es")),
        F("locator", "string", "paragraphs of the source that carry the event", required=True),
        F("summary", "string", "one sentence in the chronology's own words", required=True),
        F("date_evidence", "string", "how the chronology reached the date"),
    ),
    primary_key=("report_id",),
)
STANCE_SHIFTS = Table(
    "stance_shifts",
    "stance_shifts.csv",
    "Stance shifts between successive administrations",
    "Score of the successor minus score of the predecessor, with a percentile interval from the same joint "
    "bootstrap resamples that give the stance intervals, and how often the sensitivity variants keep its sign.",
    (
        F("from", "string", "the predecessor", required=True, pattern=PRESIDENT_ID),
        F("to", "string", "the successor", required=True, pattern=PRESIDENT_ID),
        F("diff", "number", "score(to) - score(from)"),
        F("ci_low", "number", "lower bound of the joint-bootstrap interval of the difference"),
        F("ci_high", "number", "upper bound of the joint-bootstrap interval of the difference"),
        F("distinguishable", "boolean", "whether the interval excludes zero", required=True),
        F(
            "sign_kept_share",
            "number",
            "share of sensitivity variants whose shift has the same sign",
            minimum=0,
            maximum=1,
        ),
        F(
            "n_variants",
            "integer",
            "sensitivity variants in which both administrations have events",
            minimum=0,
        ),
    ),
    primary_key=("from", "to"),
)
EVIDENCE = Table(
    "evidence",
    "evidence.csv",
    "Evidence per administration",
    "Each coded event of each administration, one row per source: weight x status multiplier x sign = "
    "contribution, the quote (text) or the summary and link (cited), outlet and perspective group.",
    (
        F("administration", "string", "president id", required=True, pattern=PRESIDENT_ID),
        F("event_id", "string", "the reconciled event", required=True),
        F("date", "string", "event date", pattern=DATE_TRUNC),
        F("event_type", "string", "event type", required=True, enum=EVENT_TYPES),
        F("status", "string", "event status", required=True, enum=STATUSES),
        F("actor", "string", "acting country", required=True, pattern=ISO3),
        F("target", "string", "other country", required=True, pattern=ISO3),
        F("weight", "number", "the type's weight (data/codebook.csv)", required=True),
        F("multiplier", "number", "the status multiplier (data/status_multipliers.csv)", required=True),
        F("sign", "integer", "the event's own sign for statements and votes, else 1", required=True),
        F("contribution", "number", "weight x multiplier x sign: the event's value", required=True),
        F("share_of_score", "number", "contribution / events coded: sums to the score over distinct events"),
        F("event_evidence", "string", "the event's evidence: text, cited or text+cited", required=True),
        F("evidence", "string", "this source's kind: text or cited", required=True, enum=("text", "cited")),
        F("doc_id", "string", "article or chronology source", required=True),
        F("outlet", "string", "the source's outlet"),
        F("perspective_group", "string", "the source's perspective group"),
        F("quote_or_summary", "string", "the quoted sentence (text) or the chronology's summary (cited)"),
        F("source_url", "string", "cited evidence: the source's web address"),
        F("where", "string", "character offsets (text) or paragraph locator (cited)"),
    ),
)
CURATED = (*CURATED, CHRONOLOGY_SOURCES, CHRONOLOGY_REPORTS, PERSPECTIVE_GROUPS)
DERIVED = (*DERIVED, CITED_MENTIONS, STANCE_SHIFTS, EVIDENCE)


def table_from_frame(
    name: str,
    path: str,
    title: str,
    description: str,
    df: pd.DataFrame,
    descriptions: dict[str, str],
    primary_key: tuple[str, ...] = (),
    sources: tuple[dict, ...] = (),
) -> Table:
    """A schema for a table whose columns another module documents (UN and SIPRI tables)."""
    fields = []
    for col in df.columns:
        dt = df[col].dtype
        if pd.api.types.is_bool_dtype(dt):
            t = "boolean"
        elif pd.api.types.is_integer_dtype(dt):
            t = "integer"
        elif pd.api.types.is_float_dtype(dt):
            t = "number"
        else:
            t = "string"
        fields.append(Field(col, t, descriptions.get(col, col.replace("_", " "))))
    return Table(name, path, title, description, tuple(fields), primary_key, sources=sources)


_INT = re.compile(r"^-?\d+$")
_NUM = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^(nan|NaN)$")


def validate(table: Table, csv_text: str, label: str | None = None) -> None:
    """Check CSV text against its schema; the first problem is a DataError naming file, line and field."""
    import csv
    import io

    label = label or f"data/{table.path}"
    reader = csv.reader(io.StringIO(csv_text))
    header = next(reader, [])
    names = [f.name for f in table.fields]
    if header != names:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        raise DataError(f"columns differ from the schema (missing {missing}, unexpected {extra})", label, 1)
    keys: dict[tuple, int] = {}
    for line, values in enumerate(reader, start=2):
        if len(values) != len(names):
            raise DataError(f"{len(values)} fields where the schema has {len(names)}", label, line)
        for f, v in zip(table.fields, values, strict=True):
            if v == "":
                if f.required:
                    raise DataError("required value is empty", label, line, f.name)
                continue
            if f.type == "integer" and not _INT.match(v):
                raise DataError(f"not an integer: {v!r}", label, line, f.name)
            if f.type == "number" and not _NUM.match(v):
                raise DataError(f"not a number: {v!r}", label, line, f.name)
            if f.type == "boolean" and v not in ("true", "false", "True", "False"):
                raise DataError(f"not a boolean: {v!r}", label, line, f.name)
            if f.enum and v not in f.enum:
                raise DataError(f"{v!r} is not one of {', '.join(f.enum)}", label, line, f.name)
            if f.pattern and not re.match(f.pattern, v):
                raise DataError(f"{v!r} does not match {f.pattern}", label, line, f.name)
            if f.type in ("integer", "number") and v not in ("nan", "NaN"):
                x = float(v)
                if (f.minimum is not None and x < f.minimum) or (f.maximum is not None and x > f.maximum):
                    raise DataError(f"{v} outside {f.minimum}..{f.maximum}", label, line, f.name)
        if table.primary_key:
            key = tuple(values[names.index(k)] for k in table.primary_key)
            if key in keys:
                raise DataError(
                    f"duplicate primary key {key} (first on line {keys[key]})",
                    label,
                    line,
                    ",".join(table.primary_key),
                )
            keys[key] = line


def check_foreign_keys(tables: dict[str, pd.DataFrame], schemas: dict[str, Table]) -> None:
    for name, t in schemas.items():
        for fld, ref, ref_fld in t.foreign_keys:
            missing = set(tables[name][fld]) - set(tables[ref][ref_fld])
            if missing:
                raise DataError(
                    f"{fld} values not in {ref}.{ref_fld}: {sorted(missing)[:3]}", f"data/{t.path}", None, fld
                )


def datapackage(tables: list[Table], external: list[dict]) -> str:
    """The data package descriptor as deterministic JSON text."""
    pkg = {
        "profile": "tabular-data-package",
        "name": "ecuador-israel-alignment",
        "title": "Ecuador's stance toward Israel: events, stance per administration, external measures",
        "description": "Events extracted from news articles with sentence-level provenance, reconciled, "
        "corrected by analysts and coded per Ecuadorian administration; beside them, UN General "
        "Assembly votes and the SIPRI arms register. Generated by `alignment build`.",
        "licenses": [{"name": "CC-BY-4.0", "title": "Derived tables: Creative Commons Attribution 4.0"}],
        "resources": [t.descriptor() for t in tables] + external,
    }
    return json.dumps(pkg, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# UN General Assembly: the record to 2025 for all four administrations, and Ecuador beside its region (issue 15)
# ---------------------------------------------------------------------------------------------------------------

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
_VOTE = ("yes", "no", "abstain", "absent", "not_member")
_UNGA_SOURCES = (
    {
        "title": "Voeten, UN General Assembly Voting Data (Harvard Dataverse hdl:1902.1/12379), CC0, to 2020-01-14",
        "path": "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
    },
    {
        "title": "UN Dag Hammarskjöld Library, General Assembly Voting Data, via public copies of the UN Digital "
        "Library (data/external/unga/since2020/PROVENANCE.md); non-commercial use, with attribution",
        "path": "https://digitallibrary.un.org/record/4060887",
    },
)
_REGION_SOURCES = (
    {
        "title": "Votes of the 33 GRULAC states, Israel and the USA on Israel-related roll calls 2007-2025, "
        "compiled from Voeten's data and UN Digital Library copies (data/external/unga/region/PROVENANCE.md)",
        "path": "https://digitallibrary.un.org/record/4060887",
    },
)
_SHARE = {"minimum": 0, "maximum": 1}
_COUNT = {"minimum": 0}
_UN_MEASURES = (
    F("ecu_yes", "integer", "Ecuador's yes votes", **_COUNT),
    F("ecu_no", "integer", "Ecuador's no votes", **_COUNT),
    F("ecu_abstain", "integer", "Ecuador's abstentions", **_COUNT),
    F("ecu_absent", "integer", "roll calls where Ecuador is recorded absent or non-voting", **_COUNT),
    F(
        "agree_isr",
        "number",
        "Ecuador's agreement with Israel: 1 same vote, 0.5 when one of the two abstains, 0 opposed, averaged over "
        "the roll calls where both voted yes, no or abstain; blank where there are none",
        **_SHARE,
    ),
    F("n_isr", "integer", "roll calls behind agree_isr", **_COUNT),
    F("agree_usa", "number", "Ecuador's agreement with the USA, scored as agree_isr", **_SHARE),
    F("n_usa", "integer", "roll calls behind agree_usa", **_COUNT),
    F("abstain_share", "number", "Ecuador's abstentions among its votes cast (yes, no, abstain)", **_SHARE),
    F(
        "distance_isr",
        "number",
        "1 - agree_isr: the mean gap between Ecuador's and Israel's votes on a scale yes 1, abstain 0.5, no 0",
        **_SHARE,
    ),
    F("distance_usa", "number", "1 - agree_usa, as distance_isr", **_SHARE),
)

UNGA_ISRAEL_ROLL_CALLS = Table(
    "unga_israel_roll_calls",
    "unga_israel_roll_calls.csv",
    "Israel-related UN roll calls, 2007 on, with Ecuador's, Israel's and the USA's votes",
    "One roll-call table from both sources: Voeten's data to their last day (14 January 2020) and the UN Digital "
    "Library copies after it. A row for every roll call that Voeten's issue code issue_me or the title rule "
    "selects; `counted` marks those the measures use (the title rule, each vote once).",
    (
        F(
            "rollcall_id",
            "string",
            "voeten:<rcid> for Voeten's rows, undl:<symbol>:<date> for the copies'",
            required=True,
        ),
        F("date", "string", "day of the vote", required=True, pattern=_ISO_DATE),
        F("year", "integer", "calendar year of the vote", required=True),
        F(
            "session",
            "integer",
            "UNGA session: Voeten's, else the number in the symbol, else from the date (15 September)",
            required=True,
            minimum=1,
        ),
        F("resolution", "string", "symbol (Voeten's R/62/84 written A/RES/62/84)", required=True),
        F(
            "title",
            "string",
            "title as the source gives it (Voeten: short or descr, whichever holds the title; a separate vote "
            "shows the start of its meeting record)",
        ),
        F(
            "source",
            "string",
            "voeten or since2020 (the UN Digital Library copies)",
            required=True,
            enum=("voeten", "since2020"),
        ),
        F("source_detail", "string", "Voeten's rcid, or the copies the row was read from and how many agree"),
        F(
            "rule",
            "string",
            "which rule selects the roll call: issue_me (Voeten's 'Palestinian conflict' code), title (the title "
            "rule of the newer data: Palestine, Israel, Golan, Middle East, Lebanese shores, Jerusalem, Near East, "
            "Gaza, UNRWA, West Bank in the title, or an ES-10 symbol), both, or the copy's list only",
            required=True,
            enum=("issue_me+title", "issue_me", "title", "copy's list"),
        ),
        F(
            "counted",
            "boolean",
            "whether the measures count it: selected by the title rule and not a second record of the same vote",
            required=True,
        ),
        F("ecuador", "string", "Ecuador's vote", required=True, enum=_VOTE),
        F("israel", "string", "Israel's vote", required=True, enum=_VOTE),
        F("united_states", "string", "the USA's vote", required=True, enum=_VOTE),
        F("note", "string", "why a row is not counted"),
    ),
    primary_key=("rollcall_id",),
    sources=_UNGA_SOURCES,
)
UNGA_ISRAEL_BY_YEAR = Table(
    "unga_israel_by_year",
    "unga_israel_by_year.csv",
    "Ecuador on Israel-related UN roll calls, by year",
    "Ecuador's votes, agreement with Israel and the USA and abstention share per calendar year on the counted "
    "roll calls of unga_israel_roll_calls.csv, with what each year rests on.",
    (
        F("year", "integer", "calendar year", required=True),
        F("president", "string", "administrations in office on the year's roll-call days, ';'-separated"),
        F("source", "string", "voeten, since2020, or both"),
        F("n_roll_calls", "integer", "counted roll calls in the year", required=True, minimum=0),
        F("first_roll_call", "string", "first counted roll call", pattern=_ISO_DATE),
        F("last_roll_call", "string", "last counted roll call", pattern=_ISO_DATE),
        *_UN_MEASURES,
        F(
            "complete",
            "boolean",
            "true when the year rests on every roll call of its source: a Voeten year before 2020, or a whole year "
            "inside the span an all-votes file's name gives; false when only the Middle-East roll calls found in "
            "the copies are there",
            required=True,
        ),
        F(
            "n_annual_missing",
            "integer",
            "annual items (titles found in at least 75% of the complete Voeten years from 2007) not in the year's "
            "data: adopted without a vote, merged, dropped, or missing from the source",
            minimum=0,
        ),
        F("annual_missing", "string", "those items, ';'-separated"),
        F("coverage", "string", "what the year rests on, in words", required=True),
    ),
    primary_key=("year",),
    sources=_UNGA_SOURCES,
)
UNGA_ISRAEL_BY_ADMINISTRATION = Table(
    "unga_israel_by_administration",
    "unga_israel_by_administration.csv",
    "Ecuador on Israel-related UN roll calls, by administration (all four)",
    "Ecuador's record on the counted Israel-related roll calls for Correa, Moreno, Lasso and Noboa, each roll "
    "call attributed to the administration in office on its date; coverage names complete and partial years.",
    (
        F(
            "president",
            "string",
            "president id (data/administrations.csv)",
            required=True,
            pattern=PRESIDENT_ID,
        ),
        F("name", "string", "president's name", required=True),
        F("start", "string", "first day in office", required=True, pattern=_ISO_DATE),
        F("end", "string", "successor's first day (exclusive)", required=True, pattern=_ISO_DATE),
        F("attribution", "string", "how roll calls are attributed to administrations", required=True),
        F("rule", "string", "how roll calls are selected", required=True),
        F("first_roll_call", "string", "first roll call attributed", pattern=_ISO_DATE),
        F("last_roll_call", "string", "last roll call attributed", pattern=_ISO_DATE),
        F("n_roll_calls", "integer", "counted roll calls attributed", required=True, minimum=0),
        F("n_voeten", "integer", "of which from Voeten's data", minimum=0),
        F("n_since2020", "integer", "of which from the UN Digital Library copies", minimum=0),
        *_UN_MEASURES,
        F(
            "coverage",
            "string",
            "what the figures rest on: complete years by source, partial years with the months present, annual "
            "items not in the data, and the end of the data",
            required=True,
        ),
    ),
    primary_key=("president",),
    sources=_UNGA_SOURCES,
)
_RULE_FIELDS = tuple(
    F(
        f"{m}_{r}",
        "number",
        (
            f"{label}, roll calls selected by Voeten's issue_me"
            if r == "issue_me"
            else f"{label}, roll calls selected by the title rule"
            if r == "title"
            else f"{m}_title - {m}_issue_me"
        ),
        **({} if r == "diff" else _SHARE),
    )
    for m, label in (
        ("agree_isr", "Ecuador's agreement with Israel"),
        ("abstain_share", "Ecuador's abstention share"),
        ("agree_usa", "Ecuador's agreement with the USA"),
    )
    for r in ("issue_me", "title", "diff")
)
UNGA_RULE_COMPARISON = Table(
    "unga_rule_comparison",
    "unga_rule_comparison.csv",
    "Voeten's issue code against the title rule",
    "On the years both rules exist (Voeten's complete years from 2007), how many roll calls each keeps and "
    "Ecuador's measures under each, per year and pooled per administration: the measure does not hang on the rule.",
    (
        F(
            "kind",
            "string",
            "year, or administration (pooled over its roll calls in those years)",
            required=True,
            enum=("year", "administration"),
        ),
        F("period", "string", "the year, or the president id", required=True),
        F("n_issue_me", "integer", "roll calls Voeten's issue_me keeps", required=True, minimum=0),
        F("n_title", "integer", "roll calls the title rule keeps", required=True, minimum=0),
        F("n_both", "integer", "roll calls both keep", required=True, minimum=0),
        F(
            "n_issue_me_only",
            "integer",
            "kept by issue_me only (UNIFIL financing, separate votes, displaced persons)",
            required=True,
            minimum=0,
        ),
        F(
            "n_title_only",
            "integer",
            "kept by the title rule only (Syrian Golan, Middle East nuclear texts, oil slick)",
            required=True,
            minimum=0,
        ),
        *_RULE_FIELDS,
        F("note", "string", "the span compared, for administration rows"),
    ),
    primary_key=("kind", "period"),
    sources=_UNGA_SOURCES[:1],
)
_REGION_CODE = r"^([A-Z]{3}|LAC_Q1|LAC_MEDIAN|LAC_Q3)$"
UNGA_REGION = Table(
    "unga_region",
    "unga_region.csv",
    "Latin America and the Caribbean on Israel-related UN roll calls, by country and year",
    "Per year, each of the 33 GRULAC states' votes on the Israel-related roll calls the title rule picks, with "
    "agreement with Israel and the USA (abstention half) and abstention share; the USA as a reference; and rows "
    "LAC_Q1, LAC_MEDIAN, LAC_Q3 holding the region's quartiles of each measure (linear interpolation, numpy's "
    "default), computed measure by measure over the members with a value.",
    (
        F("year", "integer", "calendar year", required=True),
        F(
            "country",
            "string",
            "ISO 3166 alpha-3, or LAC_Q1 / LAC_MEDIAN / LAC_Q3 for the region's first quartile, median and third "
            "quartile",
            required=True,
            pattern=_REGION_CODE,
        ),
        F(
            "kind",
            "string",
            "member (one of the 33), reference (the USA, not in the quartiles), aggregate (a quartile row)",
            required=True,
            enum=("member", "reference", "aggregate"),
        ),
        F("n_roll_calls", "integer", "roll calls in the year", required=True, minimum=0),
        F("n_yes", "integer", "the country's yes votes", minimum=0),
        F("n_no", "integer", "the country's no votes", minimum=0),
        F("n_abstain", "integer", "the country's abstentions", minimum=0),
        F("n_absent", "integer", "roll calls where the country is recorded absent or non-voting", minimum=0),
        F(
            "agree_isr",
            "number",
            "agreement with Israel (1 same, 0.5 one abstains, 0 opposed; absences left out); "
            "for aggregate rows the quartile over the members",
            **_SHARE,
        ),
        F("n_isr", "integer", "roll calls behind agree_isr", minimum=0),
        F(
            "rank_agree_isr",
            "integer",
            "rank among the members that year, 1 = closest to Israel; ties share the best rank",
            minimum=1,
        ),
        F(
            "abstain_share",
            "number",
            "abstentions among the votes cast; for aggregate rows the quartile",
            **_SHARE,
        ),
        F(
            "agree_usa",
            "number",
            "agreement with the USA, scored as agree_isr; for aggregate rows the quartile",
            **_SHARE,
        ),
        F("n_usa", "integer", "roll calls behind agree_usa", minimum=0),
        F("n_countries", "integer", "aggregate rows: members with a value that year", minimum=0),
        F(
            "n_disputed",
            "integer",
            "votes in the row that a second source records differently (the primary kept)",
            minimum=0,
        ),
    ),
    primary_key=("year", "country"),
    sources=_REGION_SOURCES,
)
UNGA_REGION_RANK = Table(
    "unga_region_rank",
    "unga_region_rank.csv",
    "Ecuador's rank in Latin America and the Caribbean, per administration",
    "Ecuador's agreement with Israel and abstention share beside the 33 GRULAC states, pooled over each "
    "administration's Israel-related roll calls (title rule, by vote date), with its rank and the region's quartiles.",
    (
        F(
            "president",
            "string",
            "president id (data/administrations.csv)",
            required=True,
            pattern=PRESIDENT_ID,
        ),
        F("name", "string", "president's name", required=True),
        F("start", "string", "first day in office", required=True, pattern=_ISO_DATE),
        F("end", "string", "successor's first day (exclusive)", required=True, pattern=_ISO_DATE),
        F("attribution", "string", "how roll calls are attributed", required=True),
        F("n_roll_calls", "integer", "roll calls in the period", required=True, minimum=0),
        F("years", "string", "calendar years with roll calls"),
        F("ecu_agree_isr", "number", "Ecuador's agreement with Israel over the period", **_SHARE),
        F("ecu_n_isr", "integer", "roll calls behind it", minimum=0),
        F(
            "rank_agree_isr",
            "integer",
            "Ecuador's rank, 1 = closest to Israel; ties share the best rank",
            minimum=1,
        ),
        F("n_ranked", "integer", "members with a value (Venezuela has none in 2023-2025)", minimum=0),
        F("n_tied", "integer", "other members with the same rank as Ecuador", minimum=0),
        F("closer_to_israel", "string", "members ranked above Ecuador, closest first, ';'-separated"),
        F("region_q1_agree_isr", "number", "the region's first quartile of agreement with Israel", **_SHARE),
        F("region_median_agree_isr", "number", "the region's median agreement with Israel", **_SHARE),
        F("region_q3_agree_isr", "number", "the region's third quartile of agreement with Israel", **_SHARE),
        F("ecu_abstain_share", "number", "Ecuador's abstention share over the period", **_SHARE),
        F(
            "rank_abstain_share",
            "integer",
            "Ecuador's rank by abstention share, 1 = abstained most",
            minimum=1,
        ),
        F("region_median_abstain_share", "number", "the region's median abstention share", **_SHARE),
        F(
            "coverage",
            "string",
            "roll calls per year the period rests on, and the end of the data",
            required=True,
        ),
    ),
    primary_key=("president",),
    sources=_REGION_SOURCES,
)
UNGA_TABLES = (
    UNGA_ISRAEL_ROLL_CALLS,
    UNGA_ISRAEL_BY_YEAR,
    UNGA_ISRAEL_BY_ADMINISTRATION,
    UNGA_RULE_COMPARISON,
    UNGA_REGION,
    UNGA_REGION_RANK,
)
