"""Ecuador's arms imports from the SIPRI trade register: Israel's orders, its share per administration, press.

Values are SIPRI trend-indicator values (TIV): a volume index of major weapons, **not US dollars**. Every
``tiv_*`` column and every label produced here says "SIPRI TIV (volume index, not US$)". The register and
the military-expenditure table are copied unchanged into ``data/external/arms/`` (see
``data/external/SOURCES.md``); SIPRI's terms ask for attribution, and the calculations here are ours, not
SIPRI's.

SIPRI gives only the year of an order. An order year is attributed to the administration in office on 1 July
of that year (the one that held office for most of it); years in which two administrations served (2007,
2017, 2021, 2023) are counted in ``n_orders_transition_year`` so the effect of that rule is visible.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.common.administrations import BACKGROUND, Administration, administrations, president_on
from analysis.common.csvio import read_rows
from analysis.common.errors import DataError
from analysis.common.paths import EXTERNAL

ARMS_DIR = EXTERNAL / "arms"
REGISTER_CSV = ARMS_DIR / "sipri_ecuador_imports.csv"
MILEX_CSV = ARMS_DIR / "sipri_milex_ecuador_israel.csv"

TIV_LABEL = "SIPRI TIV (volume index, not US$)"
SIPRI_CREDIT = (
    "Information from the SIPRI Arms Transfers Database, https://www.sipri.org/databases/armstransfers"
)
ISRAEL = "Israel"
OTHER = "other"
#: The day of the year that decides which administration an order year belongs to.
_ATTRIBUTION_DAY = (7, 1)
ORDER_YEAR_ATTRIBUTION = (
    "order year -> administration in office on 1 July of that year (SIPRI gives the year only)"
)

_YEAR = re.compile(r"\d{4}")
_COUNT_FIELDS = ("number_ordered", "number_delivered")
_TIV_FIELDS = ("tiv_per_unit", "tiv_total_order", "tiv_delivered")

REGISTER_COLUMNS = (
    "recipient",
    "supplier",
    "order_year",
    "order_year_uncertain",
    "number_ordered",
    "number_ordered_uncertain",
    "weapon_designation",
    "weapon_description",
    "number_delivered",
    "number_delivered_uncertain",
    "years_of_delivery",
    "delivery_years",
    "delivery_years_uncertain",
    "status",
    "comments",
    "tiv_per_unit",
    "tiv_per_unit_uncertain",
    "tiv_total_order",
    "tiv_total_order_uncertain",
    "tiv_delivered",
    "tiv_delivered_uncertain",
    "line",
)

COLUMN_DESCRIPTIONS: dict[str, str] = {
    "year": "calendar year (order year for tiv_ordered_*, delivery year for tiv_delivered_*)",
    "tiv_ordered_israel": f"Israel's orders placed that year, {TIV_LABEL}",
    "n_orders_israel": "orders from Israel (register rows) in the row's year or administration",
    "n_orders_israel_year_uncertain": "of those, orders whose year SIPRI marks uncertain ('?')",
    "n_orders_israel_tiv_zero": f"of those, orders carried with {TIV_LABEL} of 0 (SIPRI lists no quantity)",
    "tiv_delivered_israel": (
        f"Israel's deliveries that year, {TIV_LABEL}; an order delivered over several years is split equally"
    ),
    "n_orders_delivering_israel": "Israeli orders with a delivery that year",
    "president": "administration; 'background' before 15 Jan 2007",
    "name": "president's name",
    "order_years": "order years attributed to the administration",
    "attribution": "rule that attributes an order year to an administration",
    "n_orders_all": "orders from all suppliers (register rows)",
    "tiv_total_all": f"all suppliers' orders, {TIV_LABEL}",
    "tiv_total_israel": f"Israel's orders, {TIV_LABEL}",
    "israel_share_tiv": f"tiv_total_israel / tiv_total_all ({TIV_LABEL}); NaN where undefined",
    "israel_share_orders": "n_orders_israel / n_orders_all; NaN where there are no orders",
    "n_orders_transition_year": "orders placed in a year shared with another administration",
    "n_orders_year_uncertain": "orders whose year SIPRI marks uncertain ('?')",
    "share_basis": "why the share is a number, a true 0, or undefined",
    "note": "caveats for this row",
    "supplier": "supplier country; 'other' groups the rest",
    "tiv_ordered": f"orders placed that year, {TIV_LABEL}",
    "n_orders": "orders placed that year (register rows)",
}


# ---------------------------------------------------------------------------------------------- loader


def _strip_uncertain(value: str) -> tuple[str, bool]:
    """Value without SIPRI's '?' mark, and whether the mark was there."""
    return value.replace("?", "").strip(), "?" in value


def _mark(value: str, path: Path, line: int, field: str) -> bool:
    if value not in ("", "?"):
        raise DataError(f"uncertainty mark must be '?' or blank, got {value!r}", path, line, field)
    return value == "?"


def _year(value: str, path: Path, line: int, field: str) -> tuple[int, bool]:
    text, uncertain = _strip_uncertain(value)
    if not _YEAR.fullmatch(text):
        raise DataError(f"not a year even without SIPRI's '?': {value!r}", path, line, field)
    return int(text), uncertain


def _number(value: str, path: Path, line: int, field: str, integer: bool) -> tuple[float, bool]:
    """Parsed number (NaN when blank or only '?') and the uncertainty flag."""
    text, uncertain = _strip_uncertain(value)
    if not text:
        return math.nan, uncertain
    try:
        number = float(text)
    except ValueError:
        raise DataError(f"not a number even without SIPRI's '?': {value!r}", path, line, field) from None
    if math.isnan(number) or math.isinf(number) or number < 0:
        raise DataError(f"not a non-negative number: {value!r}", path, line, field)
    if integer and number != int(number):
        raise DataError(f"not a whole number: {value!r}", path, line, field)
    return number, uncertain


def load_register(path: Path = REGISTER_CSV) -> pd.DataFrame:
    """SIPRI trade-register rows for Ecuador's imports, every supplier, with '?' kept as boolean flags.

    SIPRI marks uncertain figures with '?', either in the value ("2005?") or in the companion column
    (``year_of_order_uncertain`` etc.); either sets the ``*_uncertain`` flag and the number is kept. A blank
    count stays NaN (SIPRI does not know it). An order year that is not a year once '?' is removed is a
    DataError naming file, line and field. ``line`` is the CSV line, for tracing a figure to its row.
    """
    path = Path(path)
    required = (
        "recipient",
        "supplier",
        "year_of_order",
        "weapon_designation",
        "years_of_delivery",
        *_TIV_FIELDS,
    )
    rows = read_rows(path, required=required)
    out: list[dict[str, object]] = []
    for line, row in rows:
        for field in ("recipient", "supplier", "weapon_designation"):
            if not row[field]:
                raise DataError("blank", path, line, field)
        order_year, year_mark = _year(row["year_of_order"], path, line, "year_of_order")
        record: dict[str, object] = {
            "recipient": row["recipient"],
            "supplier": row["supplier"],
            "order_year": order_year,
            "order_year_uncertain": year_mark
            or _mark(row.get("year_of_order_uncertain", ""), path, line, "year_of_order_uncertain"),
            "weapon_designation": row["weapon_designation"],
            "weapon_description": row.get("weapon_description", ""),
            "status": row.get("status", ""),
            "comments": row.get("comments", ""),
            "line": line,
        }
        for field in _COUNT_FIELDS:
            value, mark = _number(row.get(field, ""), path, line, field, integer=True)
            record[field] = value
            record[f"{field}_uncertain"] = mark or _mark(
                row.get(f"{field}_uncertain", ""), path, line, f"{field}_uncertain"
            )
        for field in _TIV_FIELDS:
            value, mark = _number(row[field], path, line, field, integer=False)
            record[field] = value
            record[f"{field}_uncertain"] = mark
        years: list[int] = []
        years_mark = False
        raw_years = row["years_of_delivery"]
        if raw_years.replace("?", "").strip():
            for part in raw_years.split(";"):
                year, mark = _year(part.strip(), path, line, "years_of_delivery")
                years.append(year)
                years_mark = years_mark or mark
        record["years_of_delivery"] = raw_years
        record["delivery_years"] = tuple(years)
        record["delivery_years_uncertain"] = years_mark
        out.append(record)
    frame = pd.DataFrame(out, columns=list(REGISTER_COLUMNS))
    for field in _COUNT_FIELDS:
        frame[field] = frame[field].astype("Float64").astype("Int64")
    return frame.sort_values(["order_year", "supplier", "line"], kind="stable").reset_index(drop=True)


def load_milex(path: Path = MILEX_CSV) -> pd.DataFrame:
    """SIPRI military expenditure (constant 2022 US$ m; share of GDP as a fraction), by country and year."""
    path = Path(path)
    rows = read_rows(path, required=("country", "year", "milex_constant2022_usd_m", "milex_share_gdp"))
    out: list[dict[str, object]] = []
    seen: dict[tuple[str, int], int] = {}
    for line, row in rows:
        if not row["country"]:
            raise DataError("blank", path, line, "country")
        if not _YEAR.fullmatch(row["year"]):
            raise DataError(f"not a year: {row['year']!r}", path, line, "year")
        year = int(row["year"])
        key = (row["country"], year)
        if key in seen:
            raise DataError(f"{key[0]} {year} repeats line {seen[key]}", path, line, "year")
        seen[key] = line
        usd, _ = _number(row["milex_constant2022_usd_m"], path, line, "milex_constant2022_usd_m", False)
        share, _ = _number(row["milex_share_gdp"], path, line, "milex_share_gdp", False)
        if share > 1:
            raise DataError(f"share of GDP must be a fraction, got {share}", path, line, "milex_share_gdp")
        out.append(
            {
                "country": row["country"],
                "year": year,
                "milex_constant2022_usd_m": usd,
                "milex_share_gdp": share,
            }
        )
    frame = pd.DataFrame(out, columns=["country", "year", "milex_constant2022_usd_m", "milex_share_gdp"])
    return frame.sort_values(["country", "year"], kind="stable").reset_index(drop=True)


def _register(register: pd.DataFrame | None) -> pd.DataFrame:
    return load_register() if register is None else register


def _israel(register: pd.DataFrame) -> pd.DataFrame:
    return register[register["supplier"] == ISRAEL]


def _register_years(register: pd.DataFrame) -> range:
    """Years the register speaks for: first to last year with an order or a delivery."""
    years = list(register["order_year"].astype(int))
    for ys in register["delivery_years"]:
        years.extend(ys)
    return range(min(years), max(years) + 1)


# ------------------------------------------------------------------------------------ Israel by year


def israel_tiv_by_year(register: pd.DataFrame | None = None) -> pd.DataFrame:
    """Israel's orders and deliveries to Ecuador by year, SIPRI TIV (volume index, not US$).

    One row per year over the register's span, zeros included: the register lists every order it knows, so
    a year without an Israeli row is a true zero for the register (not for the world). The register gives
    an order's delivered TIV in total and its delivery years, not the split by year; the delivered TIV is
    split equally over the listed years (an approximation). Orders SIPRI lists without a quantity carry TIV 0
    and are counted in ``n_orders_israel_tiv_zero``, so they are not mistaken for nothing.
    """
    register = _register(register)
    israel = _israel(register)
    years = _register_years(register)
    ordered = {y: 0.0 for y in years}
    n_orders = dict.fromkeys(years, 0)
    n_uncertain = dict.fromkeys(years, 0)
    n_zero = dict.fromkeys(years, 0)
    delivered = {y: 0.0 for y in years}
    n_delivering = dict.fromkeys(years, 0)
    for r in israel.itertuples(index=False):
        y = int(r.order_year)
        ordered[y] += float(r.tiv_total_order)
        n_orders[y] += 1
        n_uncertain[y] += bool(r.order_year_uncertain)
        n_zero[y] += float(r.tiv_total_order) == 0.0
        if r.delivery_years:
            share = float(r.tiv_delivered) / len(r.delivery_years)
            for dy in r.delivery_years:
                delivered[dy] += share
                n_delivering[dy] += 1
    frame = pd.DataFrame(
        {
            "year": list(years),
            "tiv_ordered_israel": [round(ordered[y], 6) for y in years],
            "n_orders_israel": [n_orders[y] for y in years],
            "n_orders_israel_year_uncertain": [n_uncertain[y] for y in years],
            "n_orders_israel_tiv_zero": [n_zero[y] for y in years],
            "tiv_delivered_israel": [round(delivered[y], 6) for y in years],
            "n_orders_delivering_israel": [n_delivering[y] for y in years],
        }
    )
    frame.attrs["description"] = (
        f"Israel's arms orders and deliveries to Ecuador, {TIV_LABEL}. {SIPRI_CREDIT}."
    )
    return frame


# --------------------------------------------------------------------------- share per administration


def order_year_president(year: int, admins: tuple[Administration, ...] | None = None) -> str:
    """Administration an order year belongs to: the one in office on 1 July of that year."""
    admins = admins if admins is not None else administrations()
    month, day = _ATTRIBUTION_DAY
    return president_on(date(year, month, day), admins) or "unknown"


def _transition_years(admins: tuple[Administration, ...]) -> set[int]:
    """Years in which an administration changed (a start day other than 1 January)."""
    return {a.start.year for a in admins if (a.start.month, a.start.day) != (1, 1)}


def _year_span(years: list[int]) -> str:
    return "" if not years else (str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}")


SHARE_COLUMNS = (
    "president",
    "name",
    "order_years",
    "attribution",
    "n_orders_all",
    "n_orders_israel",
    "tiv_total_all",
    "tiv_total_israel",
    "israel_share_tiv",
    "israel_share_orders",
    "n_orders_transition_year",
    "n_orders_year_uncertain",
    "share_basis",
    "note",
)


def israel_share_by_administration(
    register: pd.DataFrame | None = None, admins: tuple[Administration, ...] | None = None
) -> pd.DataFrame:
    """Israel's share of Ecuador's arms orders per administration, SIPRI TIV (volume index, not US$).

    Rows: ``background`` (order years before 2007), then each administration in office order. The share is
    NaN with a note where the register has no order at all for the administration (nothing to divide), and
    a true 0 where other suppliers have orders and Israel none; ``share_basis`` says which. Counts of orders
    and total TIV stand beside every share so a share resting on a few orders is visible.
    """
    register = _register(register)
    admins = admins if admins is not None else administrations()
    last_year = int(register["order_year"].max()) if len(register) else None
    transition = _transition_years(admins)
    owner = register["order_year"].map(lambda y: order_year_president(int(y), admins))
    periods = [(BACKGROUND, "before 15 January 2007 (no coded administration)", None, admins[0].start)]
    periods += [(a.president, a.name, a.start, a.end) for a in admins]
    rows: list[dict[str, object]] = []
    for president, name, start, end in periods:
        orders = register[owner == president]
        israel = _israel(orders)
        first_year = int(register["order_year"].min()) if start is None and len(register) else None
        span = _admin_years(start, end, first_year)
        n_all, n_isr = len(orders), len(israel)
        tiv_all = round(float(orders["tiv_total_order"].sum()), 6)
        tiv_isr = round(float(israel["tiv_total_order"].sum()), 6)
        notes: list[str] = []
        if n_all == 0:
            share_tiv = share_orders = math.nan
            basis = "no orders in the register: share undefined"
            notes.append(
                f"no order from any supplier with an order year in {span} "
                f"(the register's latest order year is {last_year}; it holds orders known by October 2024)"
            )
        else:
            share_orders = n_isr / n_all
            if tiv_all == 0:
                share_tiv = math.nan
                basis = "orders present but their total TIV is 0: TIV share undefined"
            else:
                share_tiv = tiv_isr / tiv_all
                if n_isr == 0:
                    basis = "orders from other suppliers, none from Israel: 0 is the register's figure"
                elif tiv_isr == 0:
                    basis = "Israel has orders in the register, but all with TIV 0: see note"
                else:
                    basis = "Israel has orders in the register"
            zero = israel[israel["tiv_total_order"] == 0]
            for r in zero.itertuples(index=False):
                notes.append(
                    f"Israel's {r.order_year} {r.weapon_designation} order carries {TIV_LABEL} 0 "
                    "(SIPRI lists no quantity ordered), so the TIV share understates it"
                )
            via = orders[orders["comments"].str.contains("via Israeli", case=False, na=False)]
            for r in via.itertuples(index=False):
                notes.append(
                    f"{r.supplier}'s {r.order_year} {r.weapon_designation} order was placed via an Israeli "
                    "company (SIPRI comment) but counts for its supplier"
                )
        n_transition = int(orders["order_year"].isin(transition).sum())
        if n_transition:
            notes.append(f"{n_transition} order(s) from a year shared with another administration")
        notes.append(f"values are {TIV_LABEL}")
        rows.append(
            {
                "president": president,
                "name": name,
                "order_years": span,
                "attribution": ORDER_YEAR_ATTRIBUTION,
                "n_orders_all": n_all,
                "n_orders_israel": n_isr,
                "tiv_total_all": tiv_all if n_all else math.nan,
                "tiv_total_israel": tiv_isr if n_all else math.nan,
                "israel_share_tiv": share_tiv,
                "israel_share_orders": share_orders,
                "n_orders_transition_year": n_transition,
                "n_orders_year_uncertain": int(orders["order_year_uncertain"].sum()),
                "share_basis": basis,
                "note": "; ".join(notes),
            }
        )
    frame = pd.DataFrame(rows, columns=list(SHARE_COLUMNS))
    frame.attrs["description"] = f"Israel's share of Ecuador's arms orders, {TIV_LABEL}. {SIPRI_CREDIT}."
    return frame


def _admin_years(start: date | None, end: date, first_year: int | None = None) -> str:
    """Order years whose 1 July falls in [start, end), as text; ``start`` None means from ``first_year``."""
    month, day = _ATTRIBUTION_DAY
    last = end.year if date(end.year, month, day) < end else end.year - 1
    if start is None:
        return f"{first_year}–{last}" if first_year is not None else f"before {last + 1}"
    first = start.year if date(start.year, month, day) >= start else start.year + 1
    return _year_span(list(range(first, last + 1))) if last >= first else "no whole year"


# ----------------------------------------------------------------------------------- supplier chart


def tiv_by_supplier_and_year(
    register: pd.DataFrame | None = None, top_n: int = 5, keep: tuple[str, ...] = (ISRAEL,)
) -> pd.DataFrame:
    """Orders by order year for the top ``top_n`` suppliers (by total TIV), ``keep`` (Israel) and 'other'.

    Long format for a stacked chart, SIPRI TIV (volume index, not US$). Every year of the register's span
    appears for every series, zeros included. Rows sort by year, then by ``supplier_rank`` (largest supplier
    first, Israel in its own rank, 'other' last).
    """
    register = _register(register)
    totals = register.groupby("supplier", sort=True)["tiv_total_order"].sum()
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen = [s for s, _ in ranked[:top_n]]
    chosen += [s for s in keep if s in totals.index and s not in chosen]
    chosen.sort(key=lambda s: (-totals[s], s))
    series = [*chosen, OTHER]
    label = register["supplier"].where(register["supplier"].isin(chosen), OTHER)
    years = _register_years(register)
    rows: list[dict[str, object]] = []
    grouped = register.assign(series=label).groupby(["order_year", "series"])
    tiv = grouped["tiv_total_order"].sum().to_dict()
    count = grouped.size().to_dict()
    for year in years:
        for rank, supplier in enumerate(series, start=1):
            rows.append(
                {
                    "year": year,
                    "supplier": supplier,
                    "supplier_rank": rank,
                    "tiv_ordered": round(float(tiv.get((year, supplier), 0.0)), 6),
                    "n_orders": int(count.get((year, supplier), 0)),
                }
            )
    frame = pd.DataFrame(rows, columns=["year", "supplier", "supplier_rank", "tiv_ordered", "n_orders"])
    frame.attrs["description"] = (
        f"Ecuador's arms orders by supplier and order year, {TIV_LABEL}. {SIPRI_CREDIT}."
    )
    return frame


# ------------------------------------------------------------------------------- press reconciliation

MATCHED = "matched"
NOT_IN_REGISTER = "reported in the press, not in the SIPRI register"
UNDATED = "undated press report; cannot be matched"
RECONCILE_COLUMNS = (
    "doc_id",
    "start_char",
    "end_char",
    "actor",
    "target",
    "mention_status",
    "year",
    "amount_usd",
    "quote",
    "status",
    "n_sipri_matches",
    "sipri_matches",
    "note",
)
_MENTION_COLUMNS = ("doc_id", "event_type", "actor", "target", "year", "quote")


def _mention_year(value: object) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    if not text or text.lower() in ("nan", "<na>"):
        return None
    try:
        number = float(text)
    except ValueError:
        raise DataError(f"mention year is not a year: {value!r}", field="year") from None
    if number != int(number) or not 1000 <= number <= 9999:
        raise DataError(f"mention year is not a year: {value!r}", field="year")
    return int(number)


def _describe(r: object) -> str:
    uncertain = "?" if r.order_year_uncertain else ""
    delivered = f"delivered {r.years_of_delivery}" if r.years_of_delivery else "not delivered"
    text = (
        f"{r.weapon_designation} ({r.weapon_description}), ordered {r.order_year}{uncertain}, {delivered}, "
        f"{TIV_LABEL} {r.tiv_total_order:g}"
    )
    return text + (f"; SIPRI comment: {r.comments}" if r.comments else "")


def _amount(value: object) -> float:
    if value is None or value is pd.NA:
        return math.nan
    text = str(value).strip()
    if not text or text.lower() in ("nan", "<na>"):
        return math.nan
    try:
        return float(text)
    except ValueError:
        raise DataError(f"amount_usd is not a number: {value!r}", field="amount_usd") from None


def reconcile_press(mentions: pd.DataFrame, register: pd.DataFrame | None = None) -> pd.DataFrame:
    """Match press reports of Israel–Ecuador arms purchases to SIPRI register rows with supplier Israel.

    Takes the ``arms_purchase`` mentions between ECU and ISR (either direction). A mention matches a register
    row whose order year, or any delivery year, is within ±1 year of the mention's year (press dates are
    often the delivery, or "in the last year"). Unmatched mentions are kept with status "reported in the
    press, not in the SIPRI register" and a note naming the nearest Israeli orders; mentions without a year
    are kept as "undated press report; cannot be matched". Press amounts are US$; SIPRI TIV is a volume
    index, not US$, so the two are never compared as money.
    """
    missing = [c for c in _MENTION_COLUMNS if c not in mentions.columns]
    if missing:
        raise DataError(f"mentions lack column(s) {', '.join(missing)}", field=missing[0])
    register = _register(register)
    israel = _israel(register).sort_values(["order_year", "line"], kind="stable")
    ecu_isr = (mentions["actor"] == "ECU") & (mentions["target"] == "ISR")
    isr_ecu = (mentions["actor"] == "ISR") & (mentions["target"] == "ECU")
    pair = ecu_isr | isr_ecu
    chosen = mentions[(mentions["event_type"] == "arms_purchase") & pair]
    rows: list[dict[str, object]] = []
    for m in chosen.to_dict("records"):
        year = _mention_year(m.get("year"))
        row: dict[str, object] = {
            "doc_id": m["doc_id"],
            "start_char": m.get("start_char", pd.NA),
            "end_char": m.get("end_char", pd.NA),
            "actor": m["actor"],
            "target": m["target"],
            "mention_status": m.get("status", ""),
            "year": year,
            "amount_usd": _amount(m.get("amount_usd")),
            "quote": m["quote"],
        }
        if year is None:
            row |= {
                "status": UNDATED,
                "n_sipri_matches": 0,
                "sipri_matches": "",
                "note": f"the mention gives no year; the register has {len(israel)} Israeli order(s) "
                f"({_year_span(sorted(set(israel['order_year'].astype(int))))}) it might refer to",
            }
        else:
            near = [_near(r, year) for r in israel.itertuples(index=False)]
            hits = israel[near] if near else israel
            if len(hits):
                row |= {
                    "status": MATCHED,
                    "n_sipri_matches": len(hits),
                    "sipri_matches": " | ".join(_describe(r) for r in hits.itertuples(index=False)),
                    "note": (
                        f"register rows with supplier Israel ordered or delivered within ±1 year of {year}; "
                        f"press amounts are US$, {TIV_LABEL}: not comparable"
                    ),
                }
            else:
                row |= {
                    "status": NOT_IN_REGISTER,
                    "n_sipri_matches": 0,
                    "sipri_matches": "",
                    "note": _nearest_note(israel, year),
                }
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(RECONCILE_COLUMNS))
    frame["n_sipri_matches"] = frame["n_sipri_matches"].astype("int64")
    frame["year"] = frame["year"].astype("Int64")
    frame["amount_usd"] = frame["amount_usd"].astype("float64")
    frame = frame.sort_values(["year", "doc_id", "start_char"], kind="stable", na_position="last")
    return frame.reset_index(drop=True)


def _near(r: object, year: int) -> bool:
    """Order year or any delivery year within ±1 year of ``year``."""
    return abs(int(r.order_year) - year) <= 1 or any(abs(d - year) <= 1 for d in r.delivery_years)


def _nearest_note(israel: pd.DataFrame, year: int) -> str:
    if israel.empty:
        return "the register has no order from Israel at all"
    gaps = (israel["order_year"].astype(int) - year).abs()
    nearest = israel[gaps == gaps.min()]
    described = "; ".join(
        f"{r.order_year} {r.weapon_designation} ({TIV_LABEL} {r.tiv_total_order:g})"
        for r in nearest.itertuples(index=False)
    )
    return (
        f"no register row with supplier Israel ordered or delivered in {year - 1}–{year + 1}; "
        f"nearest Israeli order(s): {described}"
    )
