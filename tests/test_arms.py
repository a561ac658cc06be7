"""SIPRI register: "?" kept as flags, bad years rejected, Israel's share per administration, press."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.common.errors import DataError
from analysis.common.paths import EXTERNAL
from analysis.external import arms

HEADER = (
    "recipient,supplier,year_of_order,year_of_order_uncertain,number_ordered,number_ordered_uncertain,"
    "weapon_designation,weapon_description,number_delivered,number_delivered_uncertain,years_of_delivery,"
    "status,comments,tiv_per_unit,tiv_total_order,tiv_delivered\n"
)


def row(
    supplier: str, year: str, item: str, tiv: float, delivered: str = "", mark: str = "", comments: str = ""
) -> str:
    return (
        f"Ecuador,{supplier},{year},{mark},1,,{item},thing,1,,{delivered},New,{comments},{tiv},{tiv},{tiv}\n"
    )


def register_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "register.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


HAND = [
    row("Israel", "1982", "Kfir C-2", 100.0, "1983; 1984"),
    row("France", "2005", "Mirage", 50.0, "2006"),
    row("Israel", "2008", "Heron", 6.0, "2009"),
    row("Brazil", "2008", "Super Tucano", 81.0, "2010; 2011"),
    row("France", "2017", "Fennec", 1.8, "2018"),
    row("Germany", "2019", "EC145", 19.5, "2020; 2021"),
    row("Israel", "2022", "Tiger-2", 0.0, ""),
    row("Spain", "2023", "C-295", 25.0, ""),
]


@pytest.fixture
def hand_register(tmp_path: Path) -> pd.DataFrame:
    return arms.load_register(register_file(tmp_path, HAND))


# ------------------------------------------------------------------------------------------ loader


def test_question_mark_sets_the_flag_and_keeps_the_number(tmp_path: Path) -> None:
    lines = [
        row("Israel", "2005?", "MAPATS", 3.0, "2005"),  # '?' inside the value
        row("Israel", "2004", "Python-4", 8.5, "2004", mark="?"),  # '?' in the companion column
        "Ecuador,Israel,2001,,50?,,Python-4,BVRAAM,50,?,2004?,New,,0.17,8.5?,8.5\n",
        row("France", "2006", "Exocet", 2.0, "2007"),
    ]
    reg = arms.load_register(register_file(tmp_path, lines)).set_index("line")
    assert len(reg) == 4  # nothing dropped
    assert (reg.loc[2, "order_year"], reg.loc[2, "order_year_uncertain"]) == (2005, True)
    assert (reg.loc[3, "order_year"], reg.loc[3, "order_year_uncertain"]) == (2004, True)
    assert (reg.loc[4, "number_ordered"], reg.loc[4, "number_ordered_uncertain"]) == (50, True)
    assert reg.loc[4, "number_delivered_uncertain"]
    assert (reg.loc[4, "tiv_total_order"], reg.loc[4, "tiv_total_order_uncertain"]) == (8.5, True)
    assert (reg.loc[4, "delivery_years"], reg.loc[4, "delivery_years_uncertain"]) == ((2004,), True)
    assert not reg.loc[5, "order_year_uncertain"]


def test_order_year_that_is_not_a_year_is_a_data_error_naming_file_line_field(tmp_path: Path) -> None:
    path = register_file(
        tmp_path, [row("France", "2005", "Mirage", 5.0), row("Israel", "c. 2005?", "Kfir", 9.0)]
    )
    with pytest.raises(DataError) as info:
        arms.load_register(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 3, "year_of_order")


def test_bad_tiv_and_bad_delivery_year_are_data_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        arms.load_register(register_file(tmp_path, [row("Israel", "2005", "Kfir", 9.0, "2006; soon")]))
    assert (info.value.line, info.value.field) == (2, "years_of_delivery")
    bad_tiv = "Ecuador,Israel,2005,,1,,Kfir,x,1,,2006,New,,1,lots,1\n"
    with pytest.raises(DataError) as info:
        arms.load_register(register_file(tmp_path, [bad_tiv]))
    assert (info.value.line, info.value.field) == (2, "tiv_total_order")


def test_blank_count_stays_unknown_not_zero(tmp_path: Path) -> None:
    line = "Ecuador,Israel,2022,,,,Tiger-2,APC,0,,,New,,0,0,0\n"
    reg = arms.load_register(register_file(tmp_path, [line]))
    assert pd.isna(reg.loc[0, "number_ordered"])
    assert reg.loc[0, "delivery_years"] == ()


# ------------------------------------------------------------------------------------ Israel by year


def test_israel_tiv_by_year_splits_deliveries_and_fills_true_zeros(hand_register: pd.DataFrame) -> None:
    table = arms.israel_tiv_by_year(hand_register).set_index("year")
    assert table.index.tolist() == list(range(1982, 2024))
    assert all(c.startswith(("year", "tiv_", "n_")) for c in table.reset_index().columns)
    assert table.loc[1982, "tiv_ordered_israel"] == 100.0
    assert table.loc[1983, "tiv_delivered_israel"] == table.loc[1984, "tiv_delivered_israel"] == 50.0
    assert table.loc[1990, "tiv_ordered_israel"] == 0.0  # no Israeli row: a true zero for the register
    assert (table.loc[2022, "n_orders_israel"], table.loc[2022, "n_orders_israel_tiv_zero"]) == (1, 1)
    assert table["tiv_delivered_israel"].sum() == pytest.approx(106.0)


# ----------------------------------------------------------------------------- share per administration


def test_israel_share_per_administration_distinguishes_true_zero_from_no_orders(
    hand_register: pd.DataFrame,
) -> None:
    table = arms.israel_share_by_administration(hand_register).set_index("president")
    assert table.index.tolist() == ["background", "correa", "moreno", "lasso", "noboa"]
    assert table.loc["background", "israel_share_tiv"] == pytest.approx(100 / 150)
    correa = table.loc["correa"]
    assert (correa["n_orders_all"], correa["n_orders_israel"], correa["tiv_total_all"]) == (2, 1, 87.0)
    assert correa["israel_share_tiv"] == pytest.approx(6 / 87)
    moreno = table.loc["moreno"]  # 2017 (1 July, Moreno) and 2019 orders, none from Israel
    assert (moreno["n_orders_all"], moreno["israel_share_tiv"]) == (2, 0.0)
    assert moreno["share_basis"].startswith("orders from other suppliers, none from Israel")
    lasso = table.loc["lasso"]  # Tiger-2 with TIV 0 and Spain 2023
    assert lasso["israel_share_tiv"] == 0.0 and lasso["n_orders_israel"] == 1
    assert "TIV 0" in lasso["share_basis"] and "Tiger-2" in lasso["note"]
    noboa = table.loc["noboa"]
    assert math.isnan(noboa["israel_share_tiv"]) and noboa["share_basis"].startswith(
        "no orders in the register"
    )
    assert noboa["note"]
    assert table["note"].str.contains(arms.TIV_LABEL, regex=False).all()


def test_order_years_go_to_the_administration_in_office_on_1_july() -> None:
    assert [arms.order_year_president(y) for y in (2006, 2007, 2016, 2017, 2021, 2023, 2024)] == [
        "background",
        "correa",
        "correa",
        "moreno",
        "lasso",
        "lasso",
        "noboa",
    ]


def test_supplier_series_keep_israel_and_sum_to_the_register(hand_register: pd.DataFrame) -> None:
    table = arms.tiv_by_supplier_and_year(hand_register, top_n=2)
    suppliers = table.drop_duplicates("supplier").sort_values("supplier_rank")["supplier"].tolist()
    assert suppliers == [
        "Israel",
        "Brazil",
        "other",
    ]  # Israel (106) and Brazil (81) lead; France etc. are other
    assert table["tiv_ordered"].sum() == pytest.approx(hand_register["tiv_total_order"].sum())
    assert table["n_orders"].sum() == len(hand_register)
    assert table.groupby("year").size().eq(3).all()


# ------------------------------------------------------------------------------------- reconciliation


def mentions() -> pd.DataFrame:
    base = {"status": "happened", "date_precision": "year", "start_char": 0, "end_char": 10}
    rows = [
        {"doc_id": "a", "event_type": "arms_purchase", "year": 2009, "actor": "ECU", "target": "ISR",
         "amount_usd": 23e6, "quote": "bought Heron drones", "date": "2009"},
        {"doc_id": "b", "event_type": "arms_purchase", "year": 2019, "actor": "ECU", "target": "ISR",
         "amount_usd": 30e6, "quote": "$30 million worth of weapons purchased from Israel in the last year",
         "date": "2019"},
        {"doc_id": "c", "event_type": "arms_purchase", "year": None, "actor": "ISR", "target": "ECU",
         "amount_usd": None, "quote": "Israel sold Kfirs", "date": ""},
        {"doc_id": "d", "event_type": "visit", "year": 2019, "actor": "ECU", "target": "ISR",
         "amount_usd": None, "quote": "visited", "date": "2019"},
        {"doc_id": "e", "event_type": "arms_purchase", "year": 2009, "actor": "ECU", "target": "USA",
         "amount_usd": None, "quote": "US helicopters", "date": "2009"},
    ]  # fmt: skip
    return pd.DataFrame([base | r for r in rows])


def test_reconcile_press_matches_flags_unlisted_and_keeps_undated(hand_register: pd.DataFrame) -> None:
    result = arms.reconcile_press(mentions(), hand_register)
    assert list(result.columns) == list(arms.RECONCILE_COLUMNS)
    # the visit and the ECU–USA purchase are not Israel–Ecuador arms purchases
    assert result["doc_id"].tolist() == ["a", "b", "c"]
    matched, unlisted, undated = (result.iloc[i] for i in range(3))
    assert matched["status"] == "matched" and matched["n_sipri_matches"] == 1
    assert "Heron" in matched["sipri_matches"] and "2008" in matched["sipri_matches"]
    assert arms.TIV_LABEL in matched["sipri_matches"]
    assert unlisted["status"] == "reported in the press, not in the SIPRI register"
    assert unlisted["amount_usd"] == 30e6 and unlisted["sipri_matches"] == ""
    assert "2022 Tiger-2" in unlisted["note"]
    assert undated["status"] == "undated press report; cannot be matched"
    assert pd.isna(undated["year"])


def test_reconcile_press_window_is_plus_minus_one_year(hand_register: pd.DataFrame) -> None:
    frame = mentions().iloc[[0]].copy()
    for year, expected in ((2007, "matched"), (2010, "matched"), (2011, arms.NOT_IN_REGISTER)):
        frame["year"] = year
        assert arms.reconcile_press(frame, hand_register).loc[0, "status"] == expected, year


def test_reconcile_press_reads_blank_year_and_amount_from_an_extractor_csv(
    tmp_path: Path, hand_register: pd.DataFrame
) -> None:
    path = tmp_path / "mentions.csv"
    mentions().to_csv(path, index=False)
    for frame in (pd.read_csv(path), pd.read_csv(path, dtype=str, keep_default_na=False)):
        result = arms.reconcile_press(frame, hand_register)
        assert result["status"].tolist() == [arms.MATCHED, arms.NOT_IN_REGISTER, arms.UNDATED]
        assert result["year"].tolist()[:2] == [2009, 2019]
        assert math.isnan(result.loc[2, "amount_usd"])


def test_reconcile_press_thirty_million_in_2019_is_not_in_the_real_register() -> None:
    result = arms.reconcile_press(mentions().iloc[[1]])
    assert result.loc[0, "status"] == arms.NOT_IN_REGISTER
    assert "2018–2020" in result.loc[0, "note"]


# ------------------------------------------------------------------------------------ copied files


def test_arms_files_are_byte_identical_to_the_shared_data_per_sources_md() -> None:
    text = (EXTERNAL / "SOURCES.md").read_text(encoding="utf-8")
    found = re.findall(r"^\| `(arms/[^`]+)` \| `([0-9a-f]{64})` \| (\d+) \|$", text, flags=re.MULTILINE)
    recorded = {name: (sha, int(size)) for name, sha, size in found}
    present = sorted(p.relative_to(EXTERNAL).as_posix() for p in (EXTERNAL / "arms").iterdir() if p.is_file())
    assert sorted(recorded) == present, "every file in data/external/arms must be listed in SOURCES.md"
    for name, (sha, size) in recorded.items():
        payload = (EXTERNAL / name).read_bytes()
        assert len(payload) == size, name
        assert hashlib.sha256(payload).hexdigest() == sha, name


def test_sources_md_carries_sipri_attribution_terms() -> None:
    text = (EXTERNAL / "SOURCES.md").read_text(encoding="utf-8")
    assert "Information from the SIPRI Arms Transfers Database" in text
    assert "10 per cent" in text and "CC0" in text and "MIT" in text


# --------------------------------------------------------------------------------------- real data


def test_real_register_loads_every_row_with_israel_as_a_supplier() -> None:
    reg = arms.load_register()
    assert len(reg) == 215
    israel = reg[reg["supplier"] == "Israel"]
    assert len(israel) == 16
    assert israel["order_year"].min() == 1974 and israel["order_year"].max() == 2022
    assert reg["order_year_uncertain"].any()
    assert reg["order_year"].between(1953, 2023).all()


def test_real_share_table_is_sane() -> None:
    table = arms.israel_share_by_administration().set_index("president")
    assert table.index.tolist() == ["background", "correa", "moreno", "lasso", "noboa"]
    assert table.loc["correa", "n_orders_israel"] == 2  # Heron and Searcher, 2008
    assert table.loc["moreno", "israel_share_tiv"] == 0.0
    assert table.loc["moreno", "share_basis"].startswith("orders from other suppliers")
    assert math.isnan(table.loc["noboa", "israel_share_tiv"])
    assert table["n_orders_all"].sum() == 215
    assert 0 < table.loc["correa", "israel_share_tiv"] < 0.05
    pd.testing.assert_frame_equal(arms.israel_share_by_administration(), table.reset_index())


def test_every_tiv_column_is_described_as_a_volume_index_not_dollars() -> None:
    tiv_columns = [c for c in arms.COLUMN_DESCRIPTIONS if c.startswith("tiv_")]
    assert tiv_columns
    for col in tiv_columns:
        assert arms.TIV_LABEL in arms.COLUMN_DESCRIPTIONS[col], col
    for frame in (
        arms.israel_tiv_by_year(),
        arms.tiv_by_supplier_and_year(),
        arms.israel_share_by_administration(),
    ):
        assert arms.TIV_LABEL in frame.attrs["description"]
        assert not [c for c in frame.columns if "usd" in c.lower() or "dollar" in c.lower()]


def test_real_milex_has_both_countries() -> None:
    milex = arms.load_milex()
    assert len(milex) == 68
    assert sorted(milex["country"].unique()) == ["Ecuador", "Israel"]
