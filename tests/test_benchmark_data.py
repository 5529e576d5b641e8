"""Benchmarks fail loudly when their data is missing, instead of printing zeros and exiting 0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_timex_benchmark_exits_non_zero_without_its_corpora(tmp_path: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/timex_normalization.py",
            "--data-dir",
            str(tmp_path),
            "--json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode != 0
    assert "no gold expressions" in run.stderr
    assert '"accuracy"' not in run.stdout


def test_hedging_benchmark_exits_non_zero_without_its_corpus(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "benchmarks/hedging.py", "--data-dir", str(tmp_path), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "no MEANTIME event mentions" in run.stderr
    assert run.stdout == ""


def test_tokens_benchmark_exits_non_zero_without_its_answers(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "benchmarks/tokens.py", "--manifest", str(tmp_path / "none.json")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "missing" in run.stderr and run.stdout == ""
