"""The region figure: Ecuador against the Latin American median, drawn the same way twice, text escaped."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis import figures as F
from analysis.build import build_data
from analysis.figures import region
from analysis.figures.style import _freeze_layout, _save, _style

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def tables():
    return build_data(quiet=True).tables


def _render(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    out = {}
    with _style():
        fig = F._STATIC["region"](tables, F._spec("region"))
        _freeze_layout(fig)
        for fmt in ("png", "svg", "pdf"):
            out[fmt] = _save(fig, fmt)
    out["html"] = F._html_page("region", tables, F.interactive_figure("region", tables))
    return out


def test_region_renders_in_every_format_byte_identical_twice(tables):
    first, second = _render(tables), _render(tables)
    assert first["png"].startswith(b"\x89PNG") and first["pdf"].startswith(b"%PDF")
    assert b"<svg" in first["svg"] and b'id="figure-region"' in first["html"]
    for fmt in first:
        assert hashlib.sha256(first[fmt]).digest() == hashlib.sha256(second[fmt]).digest(), fmt


def test_region_shows_ecuador_the_median_the_band_and_the_roll_call_counts(tables):
    fig = F.static_figure("region", tables)
    labels = [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    assert "Ecuador" in labels and "region median" in labels
    assert any(lab.startswith("middle half of the region") for lab in labels)
    ecu = region.country_years(tables, "ECU")
    counts = [t.get_text() for t in fig.axes[2].texts]
    assert counts == [str(int(n)) for n in ecu["n_roll_calls"]]
    titles = {ax.get_title(loc="left") for ax in fig.axes}
    assert set(region.PEERS.values()) <= titles
    page = F.interactive_figure("region", tables)
    names = {t.name for t in page.data}
    assert {"Ecuador (hollow: partial year)", "region median"} <= names


def test_region_marks_partial_years_hollow_and_names_them_in_the_notes(tables):
    partial = region.partial_years(tables)
    assert partial, "the combined UN data have partial years; the test needs one"
    page = F.interactive_figure("region", tables)
    ecu = next(t for t in page.data if t.name == "Ecuador (hollow: partial year)")
    hollow = [round(x - 0.5) for x, c in zip(ecu.x, ecu.marker.color, strict=True) if c == "white"]
    assert hollow == partial
    note = " ".join(region.notes(tables))
    for year in partial:
        assert f"{year}:" in note


def test_region_html_escapes_text_from_the_tables(tables):
    hostile = dict(tables)
    y = tables["unga_israel_by_year"].copy()
    y["coverage"] = y["coverage"].astype(object)
    y.loc[~y["complete"].astype(bool), "coverage"] = f"partial: {SCRIPT}"
    hostile["unga_israel_by_year"] = y
    page = F._html_page("region", hostile, F.interactive_figure("region", hostile)).decode("utf-8")
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page or "\\u003cscript\\u003e" in page or "&amp;lt;script" in page
