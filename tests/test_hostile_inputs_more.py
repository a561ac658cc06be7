"""Issue 16, second hunt: bad inputs that crashed, named the wrong reason, or passed silently.

Each test proves the rule: an error names file, line and field, the exit code is 1 (data) or 2 (usage), and
nothing is written on failure. Cases whose fix belongs in a file another change owns are xfail, with the
change they need in the reason.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest

from analysis.build import build_all, build_data
from analysis.coding.corrections import CORRECTION_COLUMNS, apply_corrections, load_corrections
from analysis.coding.stance import (
    load_codebook,
    load_coding,
    load_labels,
    load_multipliers,
    stance_by_administration,
)
from analysis.common.administrations import AdministrationWarning, load_administrations
from analysis.common.csvio import read_rows, spreadsheet_safe
from analysis.common.errors import DataError
from analysis.common.paths import DATA, SEEDS
from analysis.corpus import loading
from analysis.corpus.loading import load_corpus, load_paths
from analysis.external import arms, unga
from analysis.extract import actors
from analysis.extract.dates.resolver import DateWarning, find_dates
from analysis.extract.engine import mentions_frame

LASSO = "Ecuador's president Lasso visited Israel {when}.\n"


# ------------------------------------------------------------------- 1. dates at the ends of the calendar


@pytest.mark.parametrize("when", ["yesterday", "two years ago", "last month", "last week"])
def test_a_relative_date_before_year_one_is_left_undated_with_a_warning(
    run_cli, tmp_path: Path, when
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 0001-01-01\n" + LASSO.format(when=when), encoding="utf-8")
    got = run_cli("extract", article)
    assert got.code == 0, got.err
    assert "falls outside the years 1-9999" in got.err and "0001-01-01" in got.err
    rows = pd.read_csv(io.StringIO(got.out), keep_default_na=False)
    # the expression is left undated; the extractor then falls back to the publication month, as for any
    # undated mention
    assert len(rows) == 1 and rows["date"].iloc[0] in ("", "0001-01")


@pytest.mark.parametrize("when", ["tomorrow", "next year", "next month"])
def test_a_relative_date_after_year_9999_is_left_undated(when: str) -> None:
    with pytest.warns(DateWarning, match="outside the years"):
        dates = find_dates(f"Lasso will visit Israel {when}.", date(9999, 12, 31))
    assert dates and all(d.date == "" for d in dates)


def test_a_publication_date_of_9999_is_an_error_naming_the_header_line(run_cli, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("date 9999-12-31\n" + LASSO.format(when="yesterday"), encoding="utf-8")
    got = run_cli("extract", article)
    assert got.code == 1
    assert "a.txt (line 1, field 'date header')" in got.err and "future" in got.err


def _corrections(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "corrections.csv"
    path.write_text(",".join(CORRECTION_COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_correction_that_sets_year_one_dates_the_mention_as_background(tmp_path: Path) -> None:
    path = _corrections(tmp_path, "c1,set,a,visit,10,,,date,0001-01-01,,,,typo kept on purpose")
    mentions = pd.DataFrame(
        [
            {
                "doc_id": "a",
                "event_type": "visit",
                "start_char": 10,
                "end_char": 20,
                "year": None,
                "date_precision": "unknown",
                "actor": "ECU",
                "target": "ISR",
                "date": "",
            }
        ]
    )
    got = apply_corrections(mentions, path)
    assert got["date"].iloc[0] == "0001-01-01" and got["administration"].iloc[0] == "background"


def test_a_correction_that_sets_year_9999_is_an_error_naming_line_and_field(tmp_path: Path) -> None:
    path = _corrections(tmp_path, "c1,set,a,visit,10,,,date,9999-12-31,,,,typo")
    with pytest.raises(DataError, match="future") as info:
        load_corrections(path)
    assert (info.value.line, info.value.field) == (2, "value")


# ------------------------------------------------------------------------- 2. paths the OS will not give


def test_a_symlink_loop_is_named_as_one(run_cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(DataError, match="symlink loop"):
        load_paths([loop])
    got = run_cli("corpus", loop)
    assert got.code == 1 and "symlink loop" in got.err and str(loop) in got.err


def test_extract_names_a_symlink_loop_instead_of_a_traceback(run_cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    got = run_cli("extract", loop)
    assert got.code == 1 and "symlink loop" in got.err


@pytest.mark.parametrize("make", ["one long name", "deep folders"])
def test_a_path_longer_than_the_os_allows_is_an_error_not_a_traceback(run_cli, make: str) -> None:
    long = Path("/tmp/" + "a" * 5000) if make == "one long name" else Path("/tmp/" + "a/" * 3000 + "x.txt")
    for command in ("extract", "corpus"):
        got = run_cli(command, long)
        assert got.code == 1, got.err
        assert "path too long for the operating system" in got.err and "Traceback" not in got.err


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_a_fifo_or_a_device_is_not_a_regular_file(run_cli, tmp_path: Path, special: str) -> None:
    path = Path(special) if special.startswith("/") else tmp_path / "pipe.txt"
    if special == "fifo":
        os.mkfifo(path)
    got = run_cli("extract", path)
    assert got.code == 1 and f"{path}: not a regular file" in got.err
    with pytest.raises(DataError, match="not a regular file"):
        load_paths([path])


def test_an_unreadable_folder_is_an_error_not_an_empty_corpus(make_corpus) -> None:
    folder = make_corpus({"a.txt": "Ecuador."}, manifest=None)
    denied = PermissionError(13, "Permission denied")
    with mock.patch.object(loading.os, "listdir", side_effect=denied), pytest.raises(DataError) as info:
        load_corpus(folder)
    assert "permission denied" in str(info.value) and info.value.file == str(folder)


def test_an_unreadable_folder_for_real_when_not_root(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every folder; the mocked test above covers this")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        with pytest.raises(DataError, match="permission denied"):
            load_corpus(folder)
    finally:
        folder.chmod(0o755)


def test_a_file_name_that_is_not_utf8_is_an_error_naming_the_bytes(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(b"date 2022-05-12\nEcuador's president Lasso visited Israel on Monday.")
    out = tmp_path / "out.csv"
    got = run_cli("extract", folder, "-o", out)
    assert got.code == 1 and "caf\\xe9.txt: file name is not valid UTF-8" in got.err
    assert not out.exists()


# ------------------------------------------------------------------------ 3. malformed published data


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (os.urandom(64) + b"\x85", 1, "not UTF-8"),
        ("rcid,session,date,issue_me\n1,2,2000-01-01,1\n".encode("utf-16"), None, "UTF-16"),
        (b"rcid,session,date,issue_me\n1,2\x00,2000-01-01,1\n", 2, "NUL byte"),
        (b'rcid,session,date,issue_me\n1,2,"2000-01-01,1\n2,3,2001-01-01,0\n', 2, "never closed"),
        (b"rcid,session,date,issue_me\n1,2,2000-01-01\n", 2, "3 fields where the header has 4"),
        (b"rcid,session,date,issue_me\n1,2,12/05/2022,1\n", 2, "not an ISO date"),
    ],
)
def test_a_malformed_or_binary_un_or_sipri_file_is_an_error_naming_file_and_line(
    tmp_path: Path, content: bytes, line: int | None, words: str
) -> None:
    path = tmp_path / "roll_calls.csv"
    path.write_bytes(content)
    for reader in (unga.load_roll_calls, unga.load_votes, unga.load_idealpoints, arms.load_register):
        with pytest.raises(DataError) as info:
            reader(path)
        assert info.value.file == str(path)
        if reader is unga.load_roll_calls:
            assert words in str(info.value) and info.value.line == line


# ------------------------------------------------------------------ builds in a throw-away copy (4, 7)


@pytest.fixture
def copy(tmp_path: Path) -> Callable[[], tuple[Path, Path, Path]]:
    """A throw-away copy of seeds/ and data/ (the build functions take their folders)."""

    def make() -> tuple[Path, Path, Path]:
        seeds, data = tmp_path / "seeds", tmp_path / "data"
        shutil.copytree(SEEDS, seeds)
        shutil.copytree(DATA, data)
        return seeds, data, tmp_path / "figures"

    return make


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_derived_table_replaced_by_a_folder_is_an_error_naming_it_and_nothing_changes(copy) -> None:
    seeds, data, figures = copy()
    (data / "stance.csv").unlink()
    (data / "stance.csv").mkdir()
    before = _digests(data)
    with pytest.raises(DataError) as info:
        build_all(figures=False, quiet=True, seeds=seeds, data=data, figures_dir=figures)
    assert info.value.file == str(data / "stance.csv") and "is a folder" in str(info.value)
    assert _digests(data) == before and (data / "stance.csv").is_dir()


def test_build_check_lists_a_derived_table_replaced_by_a_folder(copy) -> None:
    seeds, data, figures = copy()
    (data / "stance.csv").unlink()
    (data / "stance.csv").mkdir()
    _, differ = build_all(check=True, figures=False, quiet=True, seeds=seeds, data=data, figures_dir=figures)
    assert any(d.endswith("stance.csv") for d in differ)


def test_a_binary_csv_dropped_into_data_external_is_an_error_naming_it(copy) -> None:
    seeds, data, _ = copy()
    (data / "external" / "arms" / "extra.csv").write_bytes(b"\x85\x00\xff" * 100)
    with pytest.raises(DataError) as info:
        build_data(seeds, data, quiet=True)
    assert "extra.csv" in str(info.value)


# --------------------------------------------------------------------------------- 5. absurd amounts


def test_an_absurd_dollar_amount_is_dropped_with_a_warning_naming_the_article(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2020-01-01\nEcuador bought $" + "9" * 400 + " worth of rifles from Israel's IWI.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = mentions_frame(load_paths([article]))
    assert rows["amount_usd"].isna().all()
    assert any("a.txt" in str(w.message) for w in caught)


# ----------------------------------------------------------------------------------- 6. corrections


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        (["c1,set,a,visit,10,,,date,2020,,,,r", "c2,set,a,visit,10,,,date,2021,,,,r"], "field"),
        (["c1,set,a,visit,10,,,date,2020,,,,r", "c2,drop,a,visit,10,,,,,,,,r"], "action"),
        (["c1,drop,a,visit,10,,,,,,,,r", "c2,set,a,visit,10,,,date,2021,,,,r"], "action"),
        (["c1,drop,a,visit,10,,,,,,,,r", "c2,drop,a,visit,10,,,,,,,,r"], "action"),
        (["c1,split,a,visit,10,,,value,x,,,,r", "c2,split,a,visit,10,,,value,y,,,,r"], "action"),
    ],
)
def test_two_corrections_of_the_same_mention_that_conflict_name_both_lines(
    tmp_path: Path, rows: list[str], field: str
) -> None:
    with pytest.raises(DataError, match="lines 2 and 3") as info:
        load_corrections(_corrections(tmp_path, *rows))
    assert (info.value.line, info.value.field) == (3, field)


def test_a_split_then_a_date_on_the_same_mention_is_still_allowed(tmp_path: Path) -> None:
    rows = ["s1,split,a,visit,10,,,value,x,,,,r", "c1,set,a,visit,10,,,date,2020,,,,r"]
    assert len(load_corrections(_corrections(tmp_path, *rows))) == 2


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("c1,set,a;b,visit,10,,,date,2020,,,,r", "doc_id"),
        ("c1;c2,set,a,visit,10,,,date,2020,,,,r", "id"),
        ('c1,set,"a\nb",visit,10,,,date,2020,,,,r', "doc_id"),
        ("c1,set,a\x07b,visit,10,,,date,2020,,,,r", "doc_id"),
        ("c1,set,a,visit,10,,,location,Quito\x1b[31m,,,,r", "value"),
        ('c1,set,a,visit,10,"EC\rU",,date,2020,,,,r', "actor"),
    ],
)
def test_an_id_holding_a_semicolon_or_a_control_character_is_an_error_naming_line_and_field(
    tmp_path: Path, row: str, field: str
) -> None:
    with pytest.raises(DataError) as info:
        load_corrections(_corrections(tmp_path, row))
    assert (info.value.line, info.value.field) == (2, field)


# ------------------------------------------------------------------------ 7. curated tables, duplicated


def _admins_with(tmp_path: Path, edit: Callable[[str], str]) -> Path:
    path = tmp_path / "administrations.csv"
    path.write_text(edit((DATA / "administrations.csv").read_text(encoding="utf-8")), encoding="utf-8")
    return path


def test_ending_the_last_term_early_warns_naming_the_file_and_the_events_left_out(tmp_path: Path) -> None:
    path = _admins_with(tmp_path, lambda t: t.replace("2023-11-23,2029-05-24", "2023-11-23,2025-01-01"))
    admins = load_administrations(path)
    events = pd.read_csv(DATA / "events.csv")
    late = events["date"].fillna("") >= "2025"
    events.loc[late, "administration"] = ""
    left_out = int(late.sum())
    assert left_out > 0
    with pytest.warns(AdministrationWarning) as caught:
        stance_by_administration(events, load_coding(DATA), date(2025, 1, 1), admins)
    message = str(caught[0].message)
    assert str(path) in message and f"{left_out} dated event(s)" in message


def test_the_committed_administrations_leave_no_event_out() -> None:
    admins = load_administrations(DATA / "administrations.csv")
    events = pd.read_csv(DATA / "events.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error", AdministrationWarning)
        stance_by_administration(events, load_coding(DATA), date(2025, 10, 1), admins)


def test_a_president_given_twice_is_an_error_naming_its_line(tmp_path: Path) -> None:
    extra = "noboa,Daniel Noboa,2029-05-24,2033-05-24,second row\n"
    path = _admins_with(tmp_path, lambda t: t + extra)
    with pytest.raises(DataError, match="first on line 5") as info:
        load_administrations(path)
    assert (info.value.file, info.value.line, info.value.field) == (str(path), 6, "president")


def test_a_codebook_row_given_twice_is_an_error_naming_its_line(tmp_path: Path) -> None:
    lines = (DATA / "codebook.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "codebook.csv"
    path.write_text("".join(lines) + lines[1], encoding="utf-8")
    with pytest.raises(DataError, match="first on line 2") as info:
        load_codebook(path)
    assert (info.value.line, info.value.field) == (len(lines) + 1, "event_type")


def test_a_status_multiplier_given_twice_is_an_error_naming_its_line(tmp_path: Path) -> None:
    lines = (DATA / "status_multipliers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "status_multipliers.csv"
    path.write_text("".join(lines) + lines[1], encoding="utf-8")
    with pytest.raises(DataError, match="first on line 2") as info:
        load_multipliers(path)
    assert info.value.line == len(lines) + 1


def test_a_manifest_header_with_file_twice_is_an_error_naming_line_one(run_cli, make_corpus) -> None:
    folder = make_corpus({"a.txt": "Ecuador."}, manifest="file,outlet,file\na.txt,x,b.txt\n")
    got = run_cli("corpus", folder)
    assert got.code == 1
    assert "manifest.csv (line 1, field 'file'): column 'file' appears twice in the header" in got.err


# ------------------------------------------------------------------------ 8. text that looks like a formula


def test_spreadsheet_safe_neutralises_every_formula_start_and_leaves_numbers_alone() -> None:
    df = pd.DataFrame(
        {
            "quote": ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain", ""],
            "weight": [-3.0, 1.5, 0.0, 2.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    safe = spreadsheet_safe(df)
    assert safe["quote"].tolist() == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "plain",
        "",
    ]
    assert safe["weight"].tolist() == df["weight"].tolist()
    assert df["quote"].iloc[0].startswith("=")  # the input frame is not changed


def test_data_csvs_keep_formula_like_quotes_exact(run_cli, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2022-05-12\n=Ecuador's president Lasso visited Israel on Monday.\n", encoding="utf-8"
    )
    got = run_cli("extract", article)
    rows = pd.read_csv(io.StringIO(got.out), keep_default_na=False)
    raw = article.read_text(encoding="utf-8")
    assert all(raw[r.start_char : r.end_char] == r.quote for r in rows.itertuples())


# ------------------------------------------------------- 9. curated files edited by hand, every way


def _admins_edited(tmp_path: Path, edit: Callable[[str], str], encoding: str = "utf-8") -> Path:
    path = tmp_path / "administrations.csv"
    path.write_bytes(edit((DATA / "administrations.csv").read_text(encoding="utf-8")).encode(encoding))
    return path


def _swap_columns(text: str) -> str:
    rows = [r.split(",", 4) for r in text.splitlines()]
    return "".join(",".join([r[2], r[1], r[0], r[3], r[4]]) + "\n" for r in rows)


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("president,name,start,end,source", "president ,name , start,end,source  "),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("source\n", "source,notes\n").replace('"\n', '",extra\n'),
        _swap_columns,
        lambda t: t.replace("Sworn in 2007-01-15", "Sworn in\n2007-01-15"),
    ],
    ids=["spaces in header", "BOM", "Excel CRLF", "extra column", "reordered columns", "quoted newline"],
)
def test_harmless_hand_edits_load_the_same_administrations(tmp_path: Path, edit) -> None:
    got = load_administrations(_admins_edited(tmp_path, edit))
    want = load_administrations(DATA / "administrations.csv")
    assert [(a.president, a.start, a.end) for a in got] == [(a.president, a.start, a.end) for a in want]


@pytest.mark.parametrize(
    ("edit", "line", "field", "words"),
    [
        (lambda t: t.replace("moreno,", ",", 1), 3, "president", "empty president"),
        (lambda t: t.replace("2017-05-24,2021", "24/05/2017,2021"), 3, "start", "not an ISO date"),
        (
            lambda t: t.replace("Sworn in 2007-01-15", "Sworn in\n2007-01-15").replace("moreno,", ",", 1),
            4,
            "president",
            "empty",
        ),
        (
            lambda t: t.replace('"Sworn in 2007-01-15', "Sworn in 2007-01-15").replace('.md"', ".md"),
            2,
            None,
            "fields where the header has",
        ),
        (lambda t: t.replace("president,", "president,president,", 1), 1, "president", "appears twice"),
    ],
    ids=[
        "blank required field",
        "date 24/05/2017",
        "row after a quoted newline",
        "unquoted comma",
        "header twice",
    ],
)
def test_harmful_hand_edits_are_errors_naming_line_and_field(
    tmp_path: Path, edit, line, field, words
) -> None:
    with pytest.raises(DataError, match=words) as info:
        load_administrations(_admins_edited(tmp_path, edit))
    assert (info.value.line, info.value.field) == (line, field)


@pytest.mark.parametrize(
    ("encoding", "words", "line"),
    [("utf-16", "UTF-16", None), ("latin-1", "not UTF-8", 3)],
)
def test_a_curated_file_in_another_encoding_is_an_error_saying_which(
    tmp_path: Path, encoding, words, line
) -> None:
    with pytest.raises(DataError, match=words) as info:
        load_administrations(_admins_edited(tmp_path, lambda t: t, encoding))
    assert info.value.line == line


def test_a_weight_written_with_a_decimal_comma_says_how_to_write_it(tmp_path: Path) -> None:
    text = (
        (DATA / "codebook.csv")
        .read_text(encoding="utf-8")
        .replace("visit,CONSULT,diplomatic,3.0", 'visit,CONSULT,diplomatic,"3,5"', 1)
    )
    path = tmp_path / "codebook.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="decimal with a point") as info:
        load_codebook(path)
    assert (info.value.line, info.value.field) == (2, "weight")


def test_a_nul_byte_in_a_curated_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"a,b\n1,2\n3,\x004\n")
    with pytest.raises(DataError, match="NUL byte") as info:
        read_rows(path)
    assert info.value.line == 3


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        ("ISR,en,name,\n", "term", "blank term"),
        ("PER,en,name,Ecuador\n", "term", "is ECU on line 2 and PER here"),
        ("Peru,en,name,Peru\n", "iso3", "alpha-3"),
    ],
)
def test_a_gazetteer_row_edited_wrong_is_an_error_naming_its_line(
    tmp_path: Path, extra, field, words
) -> None:
    source = Path(actors.__file__).parent / "lexicon" / "countries.csv"
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "countries.csv"
    path.write_text(text + extra, encoding="utf-8")
    with pytest.raises(DataError, match=words) as info:
        actors.read_lexicon(path)
    assert (info.value.line, info.value.field) == (text.count("\n") + 1, field)


def test_a_manifest_header_with_a_capital_letter_names_the_missing_column(run_cli, make_corpus) -> None:
    folder = make_corpus({"a.txt": "Ecuador."}, manifest="File,outlet\na.txt,x\n")
    got = run_cli("corpus", folder)
    assert got.code == 1 and "(line 1, field 'file'): missing required column 'file'" in got.err


@pytest.mark.parametrize("amount", ["1e300", "9" * 400, "inf", "-5"])
def test_a_correction_setting_an_absurd_amount_is_an_error_naming_line_and_field(
    tmp_path: Path, amount
) -> None:
    path = _corrections(tmp_path, f"c1,set,a,arms_purchase,10,,,amount_usd,{amount},,,,r")
    with pytest.raises(DataError, match="amount_usd") as info:
        load_corrections(path)
    assert (info.value.line, info.value.field) == (2, "value")


@pytest.mark.parametrize(("edit", "field"), [(",-10,-3,", "label"), ("rationale", "rationale")])
def test_a_stance_label_row_with_a_blank_name_or_reason_is_an_error(
    tmp_path: Path, edit: str, field: str
) -> None:
    text = (DATA / "stance_labels.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    text[1] = ",-10,-3,why\n" if field == "label" else "adversarial,-10,-3,\n"
    path = tmp_path / "stance_labels.csv"
    path.write_text("".join(text), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_labels(path)
    assert (info.value.line, info.value.field) == (2, field)


@pytest.mark.parametrize(
    ("manifest", "code", "words"),
    [
        (
            b"file,published\na.txt,12/05/2022\n",
            1,
            "(line 2, field 'published'): malformed or impossible date",
        ),
        (b"file,outlet\na.txt,Diario Expreso\xe9\n", 1, "manifest.csv (line 2): not UTF-8"),
        (b"\xef\xbb\xbffile ,outlet\r\na.txt,x\r\n", 0, ""),
        (b"file,outlet\na.txt,x\nb.txt,y\n", 1, "(line 3, field 'file'): file 'b.txt' does not exist"),
        (b"file,language\na.txt,english\n", 1, "(line 2, field 'language')"),
        (b'file,outlet\na.txt,"El\nUniverso"\nc.txt,x\n', 1, "(line 4, field 'file')"),
    ],
    ids=[
        "date 12/05/2022",
        "Latin-1",
        "BOM, space and CRLF",
        "missing file",
        "bad language",
        "quoted newline",
    ],
)
def test_a_manifest_edited_by_hand_loads_or_names_line_and_field(
    run_cli, make_corpus, manifest: bytes, code: int, words: str
) -> None:
    folder = make_corpus({"a.txt": "date 2022-05-12\nEcuador."}, manifest=manifest)
    got = run_cli("corpus", folder)
    assert got.code == code, got.err
    assert words in got.err


def test_an_article_ending_in_upper_case_txt_is_not_skipped_silently(make_corpus) -> None:
    folder = make_corpus(
        {"a.txt": "date 2022-05-12\nEcuador.", "B.TXT": "date 2022-05-12\nIsrael."}, manifest=None
    )
    with pytest.warns(loading.CorpusWarning, match=r"B\.TXT: not read"):
        docs = load_corpus(folder)
    assert [d.file for d in docs] == ["a.txt"]
