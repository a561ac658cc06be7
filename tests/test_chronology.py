"""The cited chronology: an unchanged copy, validated like every table, reconciled with the text mentions,
corrected like them; the split correction; the shifts between administrations; the data package as the
Frictionless standard's own implementation reads it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import schema
from analysis.coding.chronology import (
    GROUPS,
    as_mentions,
    load_perspective_groups,
    load_reports,
    load_sources,
    recorded_checksums,
    verify_copy,
)
from analysis.coding.corrections import CORRECTION_COLUMNS, apply_corrections
from analysis.coding.reconcile import reconcile
from analysis.coding.stance import load_coding, stance_by_administration, stance_shifts
from analysis.common.administrations import administrations
from analysis.common.errors import DataError
from analysis.common.paths import DATA
from analysis.extract.vocabulary import COLUMNS

CHRONO = DATA / "chronology"


@pytest.fixture(scope="module")
def built():
    from analysis.build import build_data

    return build_data(quiet=True).tables


# ------------------------------------------------------------------------------------ the copy


def test_the_chronology_files_are_byte_identical_to_their_recorded_checksums() -> None:
    recorded = recorded_checksums(CHRONO)
    present = sorted(p.name for p in CHRONO.iterdir() if p.is_file() and p.name != "SOURCES.md")
    assert sorted(recorded) == present == ["README.md", "reports.csv", "sources.csv"]
    for name, (sha, size) in recorded.items():
        payload = (CHRONO / name).read_bytes()
        assert len(payload) == size, name
        assert hashlib.sha256(payload).hexdigest() == sha, name


def test_a_changed_byte_in_the_copy_is_an_error_naming_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "chronology"
    shutil.copytree(CHRONO, folder)
    path = folder / "reports.csv"
    path.chmod(0o644)
    path.write_bytes(path.read_bytes().replace(b"Quito", b"QUITO", 1))
    with pytest.raises(DataError) as info:
        verify_copy(folder)
    assert info.value.file == str(path) and "sha256" in str(info.value)


# ------------------------------------------------------------------------------------ validation


def edited(tmp_path: Path, report_id: str, field: str, value: str) -> tuple[Path, int]:
    frame = pd.read_csv(CHRONO / "reports.csv", dtype=str, keep_default_na=False)
    line = int(frame.index[frame["report_id"] == report_id][0]) + 2
    frame.loc[frame["report_id"] == report_id, field] = value
    path = tmp_path / "reports.csv"
    frame.to_csv(path, index=False)
    return path, line


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("event_type", "embassy_move"),
        ("status", "rumoured"),
        ("date", "2014-13"),
        ("source_id", "nowhere-2020-x"),
        ("report_id", "biobio-2014-correa-cancela-9"),
        ("polarity", "2"),
        ("locator", "somewhere"),
    ],
)
def test_a_bad_report_is_an_error_naming_file_line_and_field(tmp_path: Path, field: str, value: str) -> None:
    sources = load_sources(CHRONO / "sources.csv")
    path, line = edited(tmp_path, "biobio-2014-correa-cancela-2", field, value)
    with pytest.raises(DataError) as info:
        load_reports(path, sources, administrations())
    expected_field = "source_id" if field == "source_id" else field
    assert (info.value.file, info.value.line, info.value.field) == (str(path), line, expected_field)


def test_the_chronology_tables_validate_against_their_schemas_and_the_reports_all_load() -> None:
    for table in (schema.CHRONOLOGY_SOURCES, schema.CHRONOLOGY_REPORTS, schema.PERSPECTIVE_GROUPS):
        schema.validate(table, (DATA / table.path).read_text(encoding="utf-8"))
    reports = load_reports(CHRONO / "reports.csv", load_sources(CHRONO / "sources.csv"), administrations())
    assert len(reports) == 69


def test_every_source_of_either_kind_has_one_perspective_group_with_a_reason() -> None:
    groups = load_perspective_groups(DATA / "perspective_groups.csv")
    sources = set(load_sources(CHRONO / "sources.csv")["source_id"])
    seeds = set(pd.read_csv(DATA.parent / "seeds" / "manifest.csv")["doc_id"])
    assert set(groups) == sources | seeds
    assert set(groups.values()) == set(GROUPS)


def test_a_perspective_group_outside_the_six_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "groups.csv"
    path.write_text("doc_id,evidence,group,reason\na,text,wires,ok\nb,cited,tabloids,why\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_perspective_groups(path)
    assert (info.value.line, info.value.field) == (3, "group")


# ------------------------------------------------------------------------ the data package


def test_frictionless_validates_the_data_package_and_every_table_it_lists() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    problems = [(t.name, e.type, e.note) for t in report.tasks for e in t.errors] + [
        (None, e.type, e.note) for e in report.errors
    ]
    assert report.valid, problems[:5]
    listed = {r.name for r in report.tasks}
    assert {
        "chronology_reports",
        "chronology_sources",
        "cited_mentions",
        "stance_shifts",
        "evidence",
    } <= listed


def test_every_csv_in_data_is_listed_in_the_data_package() -> None:
    import json

    listed = {
        r["path"] for r in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    }
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv")}
    assert on_disk <= listed, sorted(on_disk - listed)


# ------------------------------------------------------------------- reconciliation across kinds


def text_mention(doc: str, event_type: str, when: str, precision: str, start: int, **extra: object) -> dict:
    row: dict = {c: None for c in COLUMNS}
    row.update(
        doc_id=doc,
        file=f"{doc}.txt",
        event_type=event_type,
        status="happened",
        date=when,
        date_precision=precision,
        year=int(when[:4]) if when else None,
        administration="",
        actor="ECU",
        target="ISR",
        location="",
        in_jerusalem="",
        quote=f"sentence {start} of {doc}.",
        start_char=start,
        end_char=start + 20,
        rule=f"en:{event_type}:test",
        confidence=0.8,
        polarity=1,
        date_source="sentence",
        evidence="text",
        report_id="",
    )
    row.update(extra)
    return row


def cited_report(report_id: str, event_type: str, when: str, precision: str, **extra: object) -> dict:
    row = {
        "doc_id": report_id.rsplit("-", 1)[0],
        "report_id": report_id,
        "event_type": event_type,
        "status": "happened",
        "date": when,
        "date_precision": precision,
        "year": int(when[:4]) if when else None,
        "administration": extra.pop("administration", ""),
        "actor": "ECU",
        "target": "ISR",
        "amount_usd": None,
        "location": "",
        "in_jerusalem": "",
        "polarity": 1,
        "speaker": "",
        "outlet": "Cited Outlet",
        "source_url": "https://example.org/report",
        "perspective": "a test outlet",
        "perspective_group": "wires",
        "language": "es",
        "locator": "para 2",
        "summary": "A summary in the chronology's own words.",
        "date_evidence": "stated",
    }
    row.update(extra)
    return row


def both(text: list[dict], cited: list[dict]) -> pd.DataFrame:
    t = pd.DataFrame(text, columns=[*COLUMNS, "evidence", "report_id"])
    c = as_mentions(pd.DataFrame(cited))
    out = pd.concat([t, c], ignore_index=True)
    for col in ("year", "start_char", "end_char"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    return out


def test_a_seed_report_and_a_chronology_report_of_one_visit_become_one_event_with_both_sources() -> None:
    m = both(
        [text_mention("seed", "visit", "2025-05-04", "day", 10)],
        [cited_report("tv-2025-visit-1", "visit", "2025-05", "month")],
    )
    events, sources = reconcile(m, {"seed": "Seed Outlet"})
    assert len(events) == 1
    ev = events.iloc[0]
    assert (ev["evidence"], ev["n_sources"], ev["n_outlets"]) == ("text+cited", 2, 2)
    assert (ev["n_text_sources"], ev["n_cited_sources"]) == (1, 1)
    cited = sources[sources["evidence"] == "cited"].iloc[0]
    assert cited["quote"] == "" and cited["summary"] and cited["source_url"].startswith("https://")
    assert cited["mention_id"] == "tv-2025-visit-1:visit:ECU-ISR"


def test_a_planned_act_and_one_that_happened_in_the_same_month_stay_two_events() -> None:
    m = both(
        [text_mention("seed", "military_cooperation", "2019", "year", 10)],
        [cited_report("mag-2019-x-1", "military_cooperation", "2019-09", "month", status="planned")],
    )
    events, _ = reconcile(m)
    assert sorted(events["status"]) == ["happened", "planned"]


def test_a_statement_without_a_speaker_does_not_bridge_two_named_speakers() -> None:
    m = both(
        [text_mention("seed", "statement", "2025-05-04", "day", 10, actor="ISR", target="ECU")],
        [
            cited_report(
                "a-2025-x-1", "statement", "2025-05", "month", actor="ISR", target="ECU", speaker="Herzog"
            ),
            cited_report(
                "b-2025-y-1", "statement", "2025", "year", actor="ISR", target="ECU", speaker="Sa'ar, FM"
            ),
        ],
    )
    events, _ = reconcile(m)
    assert len(events) == 2


def test_undated_cited_reports_keep_the_administration_their_text_names() -> None:
    m = both(
        [],
        [
            cited_report("mag-2019-x-1", "arms_purchase", "", "unknown", administration="moreno"),
            cited_report("mag-2019-x-2", "arms_purchase", "", "unknown", administration="correa"),
        ],
    )
    events, _ = reconcile(m)
    assert sorted(events["administration"]) == ["correa", "moreno"]
    assert events["event_id"].is_unique


# ------------------------------------------------------------------------ corrections and split


def corrections(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "corrections.csv"
    path.write_text(",".join(CORRECTION_COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def merged_pair() -> pd.DataFrame:
    return both(
        [text_mention("seed", "military_cooperation", "2019-09-17", "day", 10)],
        [
            cited_report("mag-2019-x-1", "military_cooperation", "2019", "year"),
            cited_report("web-2022-y-3", "military_cooperation", "2019", "year"),
        ],
    )


def test_a_split_correction_takes_a_mention_out_of_the_event_it_was_merged_into(tmp_path: Path) -> None:
    assert len(reconcile(merged_pair())[0]) == 1
    path = corrections(
        tmp_path, "s1,split,mag-2019-x-1,military_cooperation,,,,value,,,,cite,cyber help is another act"
    )
    events, sources = reconcile(apply_corrections(merged_pair(), path))
    assert len(events) == 2
    alone = sources[sources["report_id"] == "mag-2019-x-1"]["event_id"].iloc[0]
    assert (sources["event_id"] == alone).sum() == 1


def test_split_rows_sharing_a_value_form_one_event_of_their_own(tmp_path: Path) -> None:
    path = corrections(
        tmp_path,
        "s1,split,mag-2019-x-1,military_cooperation,,,,value,cyber,,,cite,one act",
        "s2,split,web-2022-y-3,military_cooperation,,,,value,cyber,,,cite,the same act",
    )
    events, _ = reconcile(apply_corrections(merged_pair(), path))
    assert sorted(events["n_sources"]) == [1, 2]


def test_a_set_correction_applies_to_a_cited_report_named_by_its_report_id(tmp_path: Path) -> None:
    path = corrections(tmp_path, "c1,set,web-2022-y-3,military_cooperation,,,,date,2015,,,cite,a slip")
    out = apply_corrections(merged_pair(), path)
    row = out[out["report_id"] == "web-2022-y-3"].iloc[0]
    assert (row["date"], row["date_precision"], row["correction"]) == ("2015", "year", "c1")


def test_a_split_naming_no_report_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = corrections(tmp_path, "s1,split,nobody-2019-z-1,military_cooperation,,,,value,,,,cite,why")
    with pytest.raises(DataError) as info:
        apply_corrections(merged_pair(), path)
    assert (info.value.line, info.value.field) == (2, "start_char")


# ----------------------------------------------------------------------------------- the shifts


def coded_frame(values: dict[str, list[str]]) -> pd.DataFrame:
    rows = []
    for admin, types in values.items():
        for i, t in enumerate(types):
            rows.append(
                {
                    "event_id": f"{admin}-{i}",
                    "event_type": t,
                    "status": "happened",
                    "date": "2019",
                    "date_precision": "year",
                    "year": 2019,
                    "administration": admin,
                    "actor": "ECU",
                    "target": "PSE" if t == "palestine_recognition" else "ISR",
                    "polarity": 1,
                    "doc_ids": f"doc-{admin}-{i}",
                    "outlets": f"out-{i}",
                    "evidence": "cited",
                    "perspectives": "wires",
                }
            )
    df = pd.DataFrame(rows)
    df["year"] = df["year"].astype("Int64")
    return df


def test_each_shift_is_the_difference_of_scores_with_an_interval_around_it_from_the_joint_resamples() -> None:
    coding = load_coding(DATA)
    ev = coded_frame(
        {
            "correa": ["palestine_recognition", "visit", "diplomatic_downgrade"],
            "moreno": ["arms_purchase", "visit", "military_cooperation"],
            "lasso": ["visit", "office_opening"],
            "noboa": ["visit", "visit", "agreement"],
        }
    )
    shifts = stance_shifts(ev, coding)
    st = stance_by_administration(ev, coding, administrations()[-1].start).set_index("administration")[
        "score"
    ]
    assert list(zip(shifts["from"], shifts["to"], strict=True)) == [
        ("correa", "moreno"),
        ("moreno", "lasso"),
        ("lasso", "noboa"),
    ]
    for r in shifts.itertuples(index=False):
        assert r.diff == pytest.approx(st[r.to] - st[r[0]], abs=1e-3)
        assert r.ci_low <= r.diff <= r.ci_high
    assert shifts.equals(
        stance_shifts(ev, coding)
    )  # deterministic: the seed comes from stance_parameters.csv
    assert bool(shifts.iloc[0]["distinguishable"])  # -0.33 to +5: the interval excludes zero


def test_a_shift_between_constant_administrations_has_a_degenerate_interval() -> None:
    coding = load_coding(DATA)
    ev = coded_frame(
        {"correa": ["visit"] * 3, "moreno": ["visit"] * 4, "lasso": ["agreement"], "noboa": ["visit"]}
    )
    shifts = stance_shifts(ev, coding).set_index("to")
    assert (shifts.loc["moreno", "ci_low"], shifts.loc["moreno", "ci_high"]) == (0.0, 0.0)
    assert not shifts.loc["moreno", "distinguishable"]


def test_the_sign_kept_share_counts_the_sensitivity_variants_that_keep_the_shift_s_sign() -> None:
    coding = load_coding(DATA)
    ev = coded_frame(
        {"correa": ["diplomatic_downgrade"], "moreno": ["visit"], "lasso": ["visit"], "noboa": ["visit"]}
    )
    sens = pd.DataFrame(
        [
            {"variant": "baseline", "left_out": "", "administration": a, "score": s}
            for a, s in (("correa", -5), ("moreno", 3))
        ]
        + [
            {"variant": "leave_one_source_out", "left_out": d, "administration": a, "score": s}
            for d, pair in (("x", (-5, 3)), ("y", (4, 3)), ("z", (-1, 2)), ("w", (-1, 2)))
            for a, s in zip(("correa", "moreno"), pair, strict=True)
        ]
    )
    row = stance_shifts(ev, coding, sens).set_index("to").loc["moreno"]
    assert (row["sign_kept_share"], row["n_variants"]) == (0.75, 4)


# ------------------------------------------------------------------------------ the built tables


def test_the_build_rests_each_administration_on_the_whole_evidence(built) -> None:
    st = built["stance"].set_index("administration")
    assert (st["n_events"] >= 8).all(), st["n_events"].to_dict()
    assert (st["n_sources"] >= 4).all(), st["n_sources"].to_dict()
    events = built["events"]
    assert (events["evidence"] == "text+cited").sum() >= 3
    assert set(built["stance_sensitivity"]["variant"]) >= {
        "leave_one_source_out",
        "leave_one_perspective_out",
        "text_only",
        "cited_only",
    }
    left_out = built["stance_sensitivity"].query("variant == 'leave_one_source_out'")["left_out"]
    reporting = set(built["mentions"]["doc_id"]) | set(built["cited_mentions"]["doc_id"])
    assert set(left_out) == reporting and len(reporting) == 35  # 5 seeds, 30 of the 33 chronology sources


def test_overlapping_intervals_with_different_labels_are_flagged_as_not_distinguishable(built) -> None:
    st = built["stance"].set_index("administration")
    for a, r in st.iterrows():
        for b in (x for x in str(r["not_distinguishable_from"]).split(";") if x):
            assert st.loc[b, "label"] != r["label"]
            assert st.loc[b, "ci_low"] <= r["ci_high"] and r["ci_low"] <= st.loc[b, "ci_high"], (a, b)


def test_the_evidence_table_sums_to_each_administration_s_score(built) -> None:
    ev = built["evidence"].drop_duplicates("event_id")
    st = built["stance"].set_index("administration")
    for admin, g in ev.groupby("administration"):
        assert g["contribution"].sum() / len(g) == pytest.approx(st.loc[admin, "score"], abs=1e-3)
        assert np.allclose(g["weight"] * g["multiplier"] * g["sign"], g["contribution"])
    cited = built["evidence"][built["evidence"]["evidence"] == "cited"]
    assert (cited["source_url"].str.startswith("http")).all() and (cited["quote_or_summary"] != "").all()
