"""The cited chronology (curated input) and the tables coded from the whole evidence: cited mentions, the
shifts between administrations, the evidence table."""

from __future__ import annotations

from analysis.extract.vocabulary import EVENT_TYPES, STATUSES
from analysis.schema.core import _EVENT_CORE
from analysis.schema.fields import DATE_TRUNC, ISO3, PRECISIONS, PRESIDENT_ID, F, Table

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
