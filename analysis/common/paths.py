"""Paths anchored at the repository root, so notebooks and tests run from any working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # analysis/common/paths.py -> the repository
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
EXTERNAL = DATA / "external"
FIGURES = ROOT / "figures"
NOTEBOOKS = ROOT / "notebooks"
