"""The text-coded stance beside the UN and SIPRI measures: the UN figures now reach all four administrations."""

from __future__ import annotations

import pandas as pd

from analysis.common.paths import DATA
from analysis.external.validation import validation_table


def test_real_validation_carries_un_figures_for_all_four_administrations() -> None:
    names = ("stance", "unga_israel_by_administration", "idealpoint_distance", "arms_share_by_administration")
    tables = {n: pd.read_csv(DATA / f"{n}.csv") for n in (*names, "unga_region_rank")}
    table = validation_table(tables).set_index("administration")
    assert table["un_agree_isr_me"].notna().all()
    assert table["un_region_rank"].notna().all()
    assert (table.loc[["moreno", "lasso", "noboa"], "un_same_direction"] != "no data").all()
    pd.testing.assert_frame_equal(
        table.reset_index(),
        pd.read_csv(DATA / "validation.csv").fillna({"note": ""}),  # an empty note is read back as NaN
        check_dtype=False,
        atol=1e-9,
    )
