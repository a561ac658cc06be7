"""Schemas and the build: every table is described and valid; the build is all-or-nothing and reproducible.

Builds that write run on a copy of ``seeds/`` and ``data/`` in a temporary folder; the real repository is
only read. Full builds take a couple of seconds each, so the unchanged copy is built once per module.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis import build, schema
from analysis.build import BuildResult, build_all, build_data
from analysis.coding.corrections import load_corrections
from analysis.coding.stance import load_codebook, load_labels, load_multipliers, load_params
from analysis.common.administrations import load_administrations
from analysis.common.errors import DataError
from analysis.common.paths import DATA, ROOT, SEEDS

LOADERS: dict[str, Callable[[Path], object]] = {
    "administrations.csv": load_administrations,
    "codebook.csv": load_codebook,
    "status_multipliers.csv": load_multipliers,
    "stance_labels.csv": load_labels,
    "stance_parameters.csv": load_params,
    "corrections.csv": load_corrections,
}


def copy_repo(dest: Path) -> tuple[Path, Path, Path]:
    """Copies of seeds/ and data/ under ``dest``: (seeds, data, figures) for ``build_all``."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEEDS, dest / "seeds")
    shutil.copytree(DATA, dest / "data")
    return dest / "seeds", dest / "data", dest / "figures"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_copy(seeds: Path, data: Path, figures: Path, check: bool = False):
    return build_all(check=check, figures=False, quiet=True, seeds=seeds, data=data, figures_dir=figures)


@pytest.fixture(scope="module")
def unchanged_copy(tmp_path_factory: pytest.TempPathFactory):
    """A copy of the repository checked once with ``build_all(check=True)``: (folders, result, differ)."""
    folders = copy_repo(tmp_path_factory.mktemp("repo"))
    res, differ = build_copy(*folders, check=True)
    return folders, res, differ


@pytest.fixture(scope="module")
def written_copy(tmp_path_factory: pytest.TempPathFactory):
    """A copy whose derived outputs were deleted and then written by ``build_all``: (folders, result)."""
    seeds, data, figures = copy_repo(tmp_path_factory.mktemp("written"))
    for p in derived_outputs(data):
        p.unlink()
    res, differ = build_copy(seeds, data, figures)
    assert differ == []
    return (seeds, data, figures), res


def derived_outputs(data: Path) -> list[Path]:
    return [data / t.path for t in schema.DERIVED] + [data / "datapackage.json"]


# ------------------------------------------------------------------------------ data package


def test_every_csv_in_data_is_described_in_the_datapackage_and_every_resource_exists() -> None:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    paths = [r["path"] for r in pkg["resources"]]
    assert len(paths) == len(set(paths))
    on_disk = sorted(p.name for p in DATA.glob("*.csv"))
    assert on_disk, "no CSV in data/"
    undescribed = sorted(set(on_disk) - set(paths))
    assert not undescribed, f"CSV files in data/ missing from datapackage.json: {undescribed}"
    missing = [p for p in paths if not (DATA / p).is_file()]
    assert not missing, f"datapackage.json resources with no file: {missing}"


def test_each_top_level_resource_lists_the_columns_of_its_file() -> None:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for r in pkg["resources"]:
        if "/" in r["path"]:
            continue  # data/external: copied unchanged, described loosely
        with (DATA / r["path"]).open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert [f["name"] for f in r["schema"]["fields"]] == header, r["path"]


def test_every_schema_table_has_a_resource() -> None:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    paths = {r["path"] for r in pkg["resources"]}
    for t in (*schema.CURATED, *schema.DERIVED):
        assert t.path in paths, t.name


# ------------------------------------------------------------------------------------- validate


@pytest.mark.parametrize("table", schema.DERIVED, ids=[t.name for t in schema.DERIVED])
def test_every_committed_derived_table_validates_against_its_schema(table: schema.Table) -> None:
    schema.validate(table, (DATA / table.path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("table", schema.CURATED, ids=[t.name for t in schema.CURATED])
def test_every_curated_table_validates_against_its_schema(table: schema.Table) -> None:
    schema.validate(table, (DATA / table.path).read_text(encoding="utf-8"))


def test_every_derived_table_the_build_renders_validates(unchanged_copy) -> None:
    (_, data, _), res, _ = unchanged_copy
    for t in schema.DERIVED:
        schema.validate(t, res.files[data / t.path].decode("utf-8"))
    assert set(res.tables) >= {t.name for t in schema.DERIVED}


def _replace_cell(text: str, line: int, field: str, value: str) -> str:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows[line - 1][rows[0].index(field)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("field", "value"),
    [("event_type", "embassy_move"), ("actor", "Ecuador"), ("date", "May 2022"), ("n_sources", "0")],
)
def test_validation_names_file_line_and_field_of_a_bad_value(field: str, value: str) -> None:
    text = _replace_cell((DATA / "events.csv").read_text(encoding="utf-8"), 4, field, value)
    with pytest.raises(DataError) as info:
        schema.validate(schema.EVENTS, text)
    assert (info.value.file, info.value.line, info.value.field) == ("data/events.csv", 4, field)


def test_validation_rejects_a_duplicate_primary_key() -> None:
    lines = (DATA / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    with pytest.raises(DataError) as info:
        schema.validate(schema.EVENTS, "".join([*lines, lines[1]]))
    assert info.value.line == len(lines) + 1 and info.value.field == "event_id"


# --------------------------------------------------------------------------- malformed curated


@pytest.mark.parametrize("kind", ["extra-field", "stray-quote"])
@pytest.mark.parametrize("name", sorted(LOADERS))
def test_a_malformed_row_in_a_curated_file_is_a_data_error_with_file_and_line(
    tmp_path: Path, name: str, kind: str
) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines(keepends=True)
    good = lines[1].rstrip("\n")
    bad = good + ",surplus\n" if kind == "extra-field" else 'x,ab"c' + good[good.index(",") :] + "\n"
    path = tmp_path / name
    path.write_text("".join([lines[0], lines[1], bad, *lines[2:]]), encoding="utf-8")
    with pytest.raises(DataError) as info:
        LOADERS[name](path)
    assert (info.value.file, info.value.line) == (str(path), 3)
    assert "malformed CSV" in info.value.message
    assert f"{path} (line 3" in str(info.value)


# ---------------------------------------------------------------------------------------- build


def test_build_all_on_a_copy_writes_every_table(written_copy) -> None:
    (_, data, figures), res = written_copy
    for p in derived_outputs(data):
        assert p.is_file(), p
        assert data / p.name in res.files, p
    for p, payload in res.files.items():
        assert p.is_relative_to(data), p
        assert p.read_bytes() == payload, p
    assert not figures.exists()  # figures=False renders none
    assert not list(data.glob(".*")), "temporary files left behind"


def test_building_twice_gives_byte_identical_files(unchanged_copy, written_copy) -> None:
    # two separate runs, on two copies in different folders: neither the run nor the location changes a byte
    (_, data1, _), first, _ = unchanged_copy
    (_, data2, _), second = written_copy
    a = {p.relative_to(data1): b for p, b in first.files.items()}
    b = {p.relative_to(data2): b for p, b in second.files.items()}
    assert sorted(a) == sorted(b)
    differ = [str(k) for k in a if a[k] != b[k]]
    assert not differ, differ


def test_a_bad_codebook_weight_fails_the_build_naming_file_line_field_and_writes_nothing(
    tmp_path: Path,
) -> None:
    seeds, data, figures = copy_repo(tmp_path)
    codebook = data / "codebook.csv"
    lines = codebook.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, x in enumerate(lines, start=1) if x.startswith("arms_purchase,"))
    assert ",material,6.0,type," in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(",material,6.0,type,", ",material,42,type,")
    codebook.write_text("".join(lines), encoding="utf-8")
    # make the outputs stale so that any write, partial or not, would show
    (data / "events.csv").write_text("stale\n", encoding="utf-8")
    before = snapshot(data)
    with pytest.raises(DataError) as info:
        build_copy(seeds, data, figures)
    err = info.value
    assert (err.file, err.line, err.field) == (str(codebook), line, "weight")
    assert "42" in err.message
    assert snapshot(data) == before, "a failed build changed data/"
    assert not figures.exists()


def test_check_on_an_unchanged_copy_reports_no_differences(unchanged_copy) -> None:
    _, res, differ = unchanged_copy
    assert differ == []
    assert len(res.files) >= len(schema.DERIVED) + 1


def test_check_after_editing_one_derived_csv_reports_exactly_that_file(
    tmp_path: Path, unchanged_copy, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds, data, figures = copy_repo(tmp_path)
    # The render of an identical copy is reused (the two tests above prove it is the same bytes wherever
    # it runs); what is under test here is the comparison build_all(check=True) makes with the disk.
    (_, data0, _), res0, _ = unchanged_copy
    rendered = BuildResult({data / p.relative_to(data0): b for p, b in res0.files.items()}, res0.tables)
    monkeypatch.setattr(build, "build_data", lambda *a, **k: rendered)
    assert build_copy(seeds, data, figures, check=True)[1] == []
    events = data / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"happened", b"planned", 1))
    before = snapshot(data)
    _, differ = build_copy(seeds, data, figures, check=True)
    assert differ == [str(events)]
    assert snapshot(data) == before, "--check wrote files"


def test_cli_build_check_passes_on_the_committed_data(capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    before = snapshot(DATA)
    code = main(["build", "--check", "--no-figures"])
    out, err = capsys.readouterr()
    assert code == 0, f"committed data/ differs from what the code makes from seeds/:\n{err}"
    assert "match" in out
    assert snapshot(DATA) == before
    assert ROOT.is_dir()


def test_the_build_uses_the_administrations_of_its_data_folder(tmp_path: Path) -> None:
    seeds, data, _ = copy_repo(tmp_path)
    table = data / "administrations.csv"
    # Moreno sworn in on 1 January 2016 instead of 24 May 2017: still contiguous, still valid
    table.write_text(table.read_text(encoding="utf-8").replace("2017-05-24", "2016-01-01"), encoding="utf-8")
    res = build_data(seeds, data, quiet=True)
    stance = res.tables["stance"].set_index("administration")
    assert stance.loc["correa", "end"] == "2016-01-01"
    assert stance.loc["moreno", "start"] == "2016-01-01"
