"""Shared fixtures: the seed folder, throw-away corpora in ``tmp_path`` and a CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from analysis.common.paths import SEEDS


@pytest.fixture
def seeds_dir() -> Path:
    """The committed seed folder (read only: tests must never write into it)."""
    return SEEDS


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write a corpus folder: ``make_corpus({"a.txt": "text" or b"bytes"}, manifest="file\\na.txt\\n")``.

    ``manifest`` is written verbatim (so line numbers in the tests are exact); ``None`` writes none.
    """
    counter = iter(range(1_000_000))

    def make(
        files: dict[str, str | bytes], manifest: str | bytes | None = None, name: str | None = None
    ) -> Path:
        folder = tmp_path / (name or f"corpus{next(counter)}")
        folder.mkdir(parents=True)
        for fname, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / fname).write_bytes(data)
        if manifest is not None:
            data = manifest.encode("utf-8") if isinstance(manifest, str) else manifest
            (folder / "manifest.csv").write_bytes(data)
        return folder

    return make


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``analysis.cli.main(argv)``; argparse's ``SystemExit`` becomes an exit code like any other."""
    from analysis.cli import main

    def run(*argv: str) -> CliResult:
        capsys.readouterr()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
