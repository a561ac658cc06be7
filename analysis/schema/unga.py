"""UN General Assembly tables: the record to 2025 for all four administrations, and Ecuador beside its
region."""

from __future__ import annotations

from analysis.schema.fields import PRESIDENT_ID, F, Table

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
