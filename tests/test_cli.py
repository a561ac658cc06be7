"""The ``alignment`` command explains itself, reports what it did, shows progress only on a terminal, and
extracts on every core with the same rows as on one (issue 18, items 3 and 4)."""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import sys
from functools import partial
from pathlib import Path

import pytest

from analysis import build
from analysis.bench import synthetic_corpus, target_line
from analysis.cli import build_parser
from analysis.common.paths import DATA, SEEDS
from analysis.corpus.loading import Source, load_paths, plan_paths
from analysis.extract import parallel
from analysis.extract.engine import mentions_frame as engine_frame

# --- every command explains itself ---------------------------------------------------------------------


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [
        a for a in parser._actions if not isinstance(a, argparse._HelpAction) and a.help != argparse.SUPPRESS
    ]


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_option_and_positional_of_every_subcommand_has_a_help_text(command: str) -> None:
    parser = _subcommands()[command]
    assert parser.description, f"alignment {command} has no description"
    for action in _arguments(parser):
        name = action.option_strings[0] if action.option_strings else action.metavar or action.dest
        assert action.help and len(action.help) > 20, f"alignment {command} {name}: no help text"


@pytest.mark.parametrize(
    ("command", "option", "words"),
    [
        ("evaluate", "--gold", ["CSV", "file, event_type, year"]),
        ("evaluate", "--pred", ["CSV", "alignment extract"]),
        ("extract", "paths", [".txt", "folder"]),
        ("extract", "--manifest", ["CSV", "file", "published"]),
        ("extract", "--max-bytes", ["bytes per article"]),
        ("extract", "--output", ["CSV"]),
        ("extract", "--jobs", ["processes", "cores"]),
        ("corpus", "dir", [".txt", "folder"]),
        ("corpus", "--max-bytes", ["bytes per article"]),
        ("figures", "--formats", ["png", "svg", "pdf", "html", "comma-separated"]),
        ("figures", "--out", ["folder"]),
        ("build", "--jobs", ["processes"]),
        ("bench", "--articles", ["KB"]),
    ],
)
def test_help_texts_name_the_format_or_unit_they_expect(command: str, option: str, words: list[str]) -> None:
    parser = _subcommands()[command]
    (action,) = [a for a in _arguments(parser) if option in a.option_strings or a.dest == option]
    for word in words:
        assert word in action.help, f"alignment {command} {option}: help does not say {word!r}"


@pytest.mark.parametrize("command", ["", *sorted(_subcommands())])
def test_help_of_the_command_and_every_subcommand_exits_0_and_names_the_exit_codes(run_cli, command) -> None:
    result = run_cli(*([command] if command else []), "--help")
    assert result.code == 0
    words = " ".join(result.out.split())  # wrapped to the terminal's width
    assert "exit codes: 0 success, 1 data error" in words and "2 usage error" in words


# --- evaluate checks its inputs ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_predictions(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pred") / "pred.csv"
    from analysis.cli import main

    assert main(["extract", str(SEEDS), "-o", str(out), "--jobs", "1"]) == 0
    return out


def test_evaluate_with_gold_and_predictions_swapped_is_a_usage_error_naming_both_files(
    run_cli, seed_predictions: Path
) -> None:
    gold = Path("tests/gold/seeds.csv").resolve()
    result = run_cli("evaluate", "--gold", seed_predictions, "--pred", gold)
    assert result.code == 2
    assert "swapped" in result.err
    assert f"--gold {seed_predictions} is extractor output" in result.err
    assert f"--pred {gold} is gold annotations" in result.err
    assert result.out == ""


def test_evaluate_in_the_right_order_scores_the_seeds(run_cli, seed_predictions: Path) -> None:
    result = run_cli("evaluate", "--gold", "tests/gold/seeds.csv", "--pred", seed_predictions)
    assert result.code == 0, result.err
    assert "precision" in result.out and "ALL" in result.out


def test_evaluate_with_a_gold_file_missing_a_column_is_a_data_error_naming_file_line_and_field(
    run_cli, tmp_path: Path, seed_predictions: Path
) -> None:
    gold = tmp_path / "gold.csv"
    gold.write_text("file,event_type\na.txt,visit\n", encoding="utf-8")
    result = run_cli("evaluate", "--gold", gold, "--pred", seed_predictions)
    assert result.code == 1
    assert str(gold) in result.err and "line 1" in result.err and "'year'" in result.err
    assert "gold annotations need the columns file, event_type, year" in result.err


def test_evaluate_with_predictions_missing_a_column_is_a_data_error_naming_them(run_cli, tmp_path) -> None:
    pred = tmp_path / "pred.csv"
    pred.write_text("file,year\na.txt,2020\n", encoding="utf-8")
    result = run_cli("evaluate", "--gold", "tests/gold/seeds.csv", "--pred", pred)
    assert result.code == 1
    assert str(pred) in result.err and "'event_type'" in result.err and "predictions need" in result.err


# --- build reports what it wrote; --quiet is quiet ----------------------------------------------------------


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Copies of seeds/ and data/; ``alignment build`` in this test writes there (and draws no figures)."""
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(DATA, data)
    monkeypatch.setattr(
        build, "build_all", partial(build.build_all, seeds=seeds, data=data, figures_dir=tmp_path / "figures")
    )
    return seeds, data


def test_build_quiet_prints_nothing_when_all_is_well(run_cli, repo_copy) -> None:
    result = run_cli("build", "--no-figures", "--quiet")
    assert result.code == 0
    assert (result.out, result.err) == ("", "")


def test_build_lists_the_folder_it_wrote_with_its_file_count_and_each_changed_or_new_file(
    run_cli, repo_copy
) -> None:
    _, data = repo_copy
    events = data / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"happened", b"planned", 1))
    (data / "stance.csv").unlink()
    result = run_cli("build", "--no-figures")
    assert result.code == 0, result.err
    assert re.search(rf"{re.escape(str(data))}/: \d+ files, 1 new, 1 changed", result.out), result.out
    assert f"new       {data / 'stance.csv'}" in result.out
    assert f"changed   {data / 'events.csv'}" in result.out
    assert "mentions.csv" not in result.out  # unchanged files are counted, not listed
    assert "[build] extract: 70 mentions" in result.err  # the stage lines stay on stderr

    again = run_cli("build", "--no-figures")
    assert re.search(rf"{re.escape(str(data))}/: \d+ files, unchanged", again.out), again.out


def test_build_writes_only_the_files_whose_bytes_changed(run_cli, repo_copy) -> None:
    _, data = repo_copy
    mentions = data / "mentions.csv"
    before = mentions.stat().st_mtime_ns
    events = data / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"happened", b"planned", 1))
    assert run_cli("build", "--no-figures").code == 0
    assert mentions.stat().st_mtime_ns == before
    assert events.read_bytes() == (DATA / "events.csv").read_bytes()


def test_build_check_with_two_jobs_matches_the_committed_data(run_cli) -> None:
    result = run_cli("build", "--check", "--no-figures", "--jobs", "2")
    assert result.code == 0, result.err
    assert "files match" in result.out


# --- extract and bench report -------------------------------------------------------------------------------


def test_extract_to_a_file_says_on_stderr_where_it_wrote_and_how_many_rows(run_cli, tmp_path) -> None:
    out = tmp_path / "m.csv"
    result = run_cli("extract", SEEDS, "-o", out, "--jobs", "1")
    assert result.code == 0
    assert f"wrote 70 mentions from 5 articles to {out}" in result.err
    assert result.out == ""


def test_bench_suite_runs_from_the_alignment_command(run_cli, monkeypatch) -> None:
    from analysis import bench

    called = []
    monkeypatch.setattr(bench, "suite", lambda: called.append(True))
    assert run_cli("bench", "--suite").code == 0
    assert called == [True]


def test_bench_reports_every_target_as_met_or_not_met_beside_its_figure(run_cli, monkeypatch) -> None:
    from analysis import bench

    monkeypatch.setattr(bench, "large_against_small", lambda: (0.5, 1.0))  # the 2 MB run takes seconds
    result = run_cli("bench", "--articles", "40", "--jobs", "2")
    assert result.code == 0, result.err
    assert "MISSED" not in result.out
    targets = result.out.split("targets:\n", 1)[1].splitlines()
    assert len(targets) == 6
    for line in targets:
        assert "(target " in line and (line.endswith(": met") or line.endswith(": not met")), line
    assert "  a 2 MB article's per-MB rate: 50% of 2 KB articles' (target >= 70%): not met" in targets
    assert "rows identical: yes" in result.out


def test_a_target_line_puts_the_figure_and_the_target_side_by_side() -> None:
    assert target_line("speed", "2.0 MB/s", ">= 1 MB/s", True) == "  speed: 2.0 MB/s (target >= 1 MB/s): met"
    assert target_line("speed", "0.5 MB/s", ">= 1 MB/s", False).endswith("(target >= 1 MB/s): not met")


def test_notebook_runs_pass_on_kernel_errors_but_not_the_unencrypted_tcp_warning(tmp_path, capfd) -> None:
    import nbformat

    from analysis.notebooks import execute

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("import os\nos.write(2, b'kernel says hello\\n')"))
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    execute(path)
    err = capfd.readouterr().err
    assert "kernel says hello" in err
    assert "running over TCP" not in err and "eavesdropping" not in err


# --- progress: on a terminal only ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """300 synthetic articles (about 2 KB each, several chunks of work) with a manifest."""
    folder = tmp_path_factory.mktemp("synthetic")
    synthetic_corpus(folder, 300)
    names = sorted(p.name for p in folder.glob("*.txt"))
    (folder / "manifest.csv").write_text("file\n" + "".join(f"{n}\n" for n in names), encoding="utf-8")
    return folder


def test_extract_shows_no_progress_when_stderr_is_not_a_terminal(run_cli, synthetic, tmp_path, monkeypatch):
    monkeypatch.delenv("ALIGNMENT_PROGRESS", raising=False)
    result = run_cli("extract", synthetic, "-o", tmp_path / "m.csv", "--jobs", "2")
    assert result.code == 0
    assert result.err.splitlines() == [result.err.strip()]  # the one line saying where it wrote
    assert "article/s" not in result.err and "\r" not in result.err


def test_extract_shows_counts_and_rate_when_progress_is_forced(run_cli, synthetic, tmp_path, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_PROGRESS", "1")
    result = run_cli("extract", synthetic, "-o", tmp_path / "m.csv", "--jobs", "2")
    assert result.code == 0
    assert "extract:" in result.err and "/300" in result.err and "article" in result.err
    assert result.err.rstrip().splitlines()[-1].startswith("alignment extract: wrote")


class _FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_extract_shows_progress_on_a_terminal(synthetic, tmp_path, monkeypatch):
    from analysis.cli import main

    monkeypatch.delenv("ALIGNMENT_PROGRESS", raising=False)
    terminal = _FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(synthetic), "-o", str(tmp_path / "m.csv"), "--jobs", "1"]) == 0
    shown = terminal.getvalue()
    assert "/300" in shown and "\r" in shown


def test_build_shows_its_stages_as_a_bar_on_a_terminal_and_not_under_quiet(run_cli, repo_copy, monkeypatch):
    monkeypatch.setenv("ALIGNMENT_PROGRESS", "1")
    result = run_cli("build", "--no-figures")
    assert "build:" in result.err and "stage" in result.err
    quiet = run_cli("build", "--no-figures", "--quiet")
    assert (quiet.out, quiet.err) == ("", "")


# --- extraction on every core ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_jobs_that_is_not_a_positive_whole_number_is_a_usage_error_exit_2(run_cli, value) -> None:
    for command in (["extract", str(SEEDS)], ["build", "--check"], ["bench"]):
        result = run_cli(*command, f"--jobs={value}")
        assert result.code == 2, command
        assert "usage error" in result.err and "--jobs" in result.err


def test_jobs_defaults_to_every_core_this_process_may_use() -> None:
    args = build_parser().parse_args(["extract", "x.txt"])
    assert args.jobs == parallel.default_jobs() >= 1


def test_extract_with_one_and_two_jobs_writes_byte_identical_csv_on_many_articles(
    run_cli, synthetic, tmp_path
):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run_cli("extract", synthetic, "-o", one, "--jobs", "1").code == 0
    assert run_cli("extract", synthetic, "-o", two, "--jobs", "2").code == 0
    assert len(one.read_bytes().splitlines()) > 1000
    assert one.read_bytes() == two.read_bytes()


def test_extract_with_one_and_two_jobs_writes_byte_identical_csv_on_the_seeds(run_cli, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 1)  # one article per chunk: the seeds go to two workers
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run_cli("extract", SEEDS, "-o", one, "--jobs", "1").code == 0
    assert run_cli("extract", SEEDS, "-o", two, "--jobs", "2").code == 0
    assert one.read_bytes() == two.read_bytes()


def test_the_driver_gives_the_same_frame_as_the_engine_over_loaded_documents(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 1)
    expected = engine_frame(load_paths([SEEDS]))
    got = parallel.mentions_frame(parallel.extract_sources(plan_paths([SEEDS]), jobs=2))
    assert got.equals(expected)


def test_with_several_jobs_the_parent_process_never_reads_an_article(synthetic, monkeypatch) -> None:
    import os

    parent, original = os.getpid(), Source.load
    read_here = []

    def load(self, max_bytes=parallel.MAX_BYTES):
        if os.getpid() == parent:
            read_here.append(self.path)
        return original(self, max_bytes)

    monkeypatch.setattr(Source, "load", load)
    results = list(parallel.extract_sources(plan_paths([synthetic]), jobs=2))
    assert len(results) == 300
    assert read_here == []


def test_the_driver_keeps_only_a_few_chunks_per_worker_in_flight(synthetic, monkeypatch) -> None:
    submitted = []

    class Counting(parallel.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            submitted.append(1)
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counting)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 4)  # 75 chunks of the 300 articles
    results = parallel.extract_sources(plan_paths([synthetic]), jobs=2)
    next(results)
    assert len(submitted) == 2 * parallel.IN_FLIGHT
    results.close()


def _bad_corpus(make_corpus) -> Path:
    files = {
        f"{i:03d}.txt": f"date 2020-01-0{1 + i % 9}\nEcuador's president visited Israel.\n" for i in range(40)
    }
    files["020.txt"] = b"Ecuador visited Israel \xe9 in May.\n"  # cp1252: a warning naming the file
    files["030.txt"] = b"\x00\x01binary"
    return make_corpus(files, manifest="file\n" + "".join(f"{n}\n" for n in sorted(files)))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_article_among_many_is_the_same_error_with_any_number_of_jobs(
    run_cli, make_corpus, tmp_path, monkeypatch, jobs
) -> None:
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 200)  # several chunks, so that two workers share them
    folder = _bad_corpus(make_corpus)
    out = tmp_path / "m.csv"
    result = run_cli("extract", folder, "-o", out, "--jobs", jobs)
    assert result.code == 1
    assert f"{folder / '030.txt'}: binary file" in result.err
    assert f"{folder / '020.txt'}: not valid UTF-8" in result.err  # the warning before it, passed on
    assert not out.exists()


def test_warnings_from_workers_arrive_in_article_order(run_cli, make_corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 1)
    files = {f"{i:02d}.txt": f"Ecuador's president visited Israel in May, report {i}.\n" for i in range(12)}
    folder = make_corpus(files, manifest="file\n" + "".join(f"{n}\n" for n in sorted(files)))
    err = {}
    for jobs in ("1", "2"):
        result = run_cli("extract", folder, "-o", tmp_path / f"{jobs}.csv", "--jobs", jobs)
        assert result.code == 0
        err[jobs] = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert len(err["1"]) == 12  # no publication date, one each
    assert err["2"] == err["1"]


def test_extract_for_a_spreadsheet_neutralises_formulas_but_the_default_output_keeps_exact_quotes(
    run_cli, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        'date 2022-05-12\n=HYPERLINK("x") Ecuador opened an innovation office in Jerusalem on Thursday.\n',
        encoding="utf-8",
    )
    exact = run_cli("extract", article)
    safe = run_cli("extract", article, "--for-spreadsheet")
    assert exact.code == safe.code == 0
    exact_rows = list(csv.DictReader(io.StringIO(exact.out)))
    safe_rows = list(csv.DictReader(io.StringIO(safe.out)))
    assert exact_rows and any(r["quote"].startswith("=") for r in exact_rows)
    assert all(not r["quote"].startswith(("=", "+", "-", "@")) for r in safe_rows)
    assert any(r["quote"].startswith("'=") for r in safe_rows)
