"""Table schemas: one definition validates every table on each build and writes ``data/datapackage.json``.

The descriptor follows the Frictionless Data Package / Table Schema standard, so the tables can be read by
other tools; the validator here enforces the same fields, types, enums, required values and keys, and
names the file, line and field of the first problem.
"""

from analysis.schema import core
from analysis.schema.chronology import (
    CHRONOLOGY_REPORTS,
    CHRONOLOGY_SOURCES,
    CITED_MENTIONS,
    EVIDENCE,
    PERSPECTIVE_GROUPS,
    STANCE_SHIFTS,
)
from analysis.schema.core import EVENT_SOURCES, EVENTS, MENTIONS, SENSITIVITY, STANCE, STANCE_YEARLY
from analysis.schema.fields import (
    DATE_TRUNC,
    ISO3,
    PRECISIONS,
    PRESIDENT_ID,
    F,
    Field,
    Table,
    check_foreign_keys,
    datapackage,
    table_from_frame,
    validate,
)
from analysis.schema.unga import (
    UNGA_ISRAEL_BY_ADMINISTRATION,
    UNGA_ISRAEL_BY_YEAR,
    UNGA_ISRAEL_ROLL_CALLS,
    UNGA_REGION,
    UNGA_REGION_RANK,
    UNGA_RULE_COMPARISON,
    UNGA_TABLES,
)

#: every curated input and every derived table, in the order data/datapackage.json lists them
CURATED = (*core.CURATED, CHRONOLOGY_SOURCES, CHRONOLOGY_REPORTS, PERSPECTIVE_GROUPS)
DERIVED = (*core.DERIVED, CITED_MENTIONS, STANCE_SHIFTS, EVIDENCE)

__all__ = [
    "CHRONOLOGY_REPORTS",
    "CHRONOLOGY_SOURCES",
    "CITED_MENTIONS",
    "CURATED",
    "DATE_TRUNC",
    "DERIVED",
    "EVENTS",
    "EVENT_SOURCES",
    "EVIDENCE",
    "ISO3",
    "MENTIONS",
    "PERSPECTIVE_GROUPS",
    "PRECISIONS",
    "PRESIDENT_ID",
    "SENSITIVITY",
    "STANCE",
    "STANCE_SHIFTS",
    "STANCE_YEARLY",
    "UNGA_ISRAEL_BY_ADMINISTRATION",
    "UNGA_ISRAEL_BY_YEAR",
    "UNGA_ISRAEL_ROLL_CALLS",
    "UNGA_REGION",
    "UNGA_REGION_RANK",
    "UNGA_RULE_COMPARISON",
    "UNGA_TABLES",
    "F",
    "Field",
    "Table",
    "check_foreign_keys",
    "datapackage",
    "table_from_frame",
    "validate",
]
