"""The extractor's interface: the event types of the codebook (docs/codebook.md), the statuses an event can
have, and the columns of every mention row, in the order ``alignment extract`` writes them. Every later stage
(corrections, reconciliation, schemas, evaluation) reads these names, so they live apart from the engine."""

from __future__ import annotations

EVENT_TYPES = (
    "visit",
    "visit_cancelled",
    "office_opening",
    "arms_purchase",
    "military_cooperation",
    "military_rupture",
    "diplomatic_ties",
    "diplomatic_downgrade",
    "palestine_recognition",
    "un_vote",
    "agreement",
    "legislative_action",
    "statement",
)
STATUSES = ("happened", "announced", "planned", "cancelled")
#: What every event row says, whatever its evidence: mentions, cited reports and events share these columns.
EVENT_FIELDS = (
    "event_type",
    "status",
    "date",
    "date_precision",
    "year",
    "administration",
    "actor",
    "target",
    "amount_usd",
    "location",
    "in_jerusalem",
)
COLUMNS = [
    "doc_id",
    "file",
    *EVENT_FIELDS,
    "quote",
    "start_char",
    "end_char",
    "rule",
    "confidence",
    "polarity",
    "date_text",
    "date_source",
    "cue",
    "language",
]
