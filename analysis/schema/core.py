"""The pipeline's own tables: curated inputs (administrations, codebook, corrections, ...) and what the
build derives from the articles (mentions, events, event sources, stance, sensitivity)."""

from __future__ import annotations

from analysis.extract.vocabulary import EVENT_TYPES, STATUSES
from analysis.schema.fields import DATE_TRUNC, ISO3, PRECISIONS, PRESIDENT_ID, F, Table

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
