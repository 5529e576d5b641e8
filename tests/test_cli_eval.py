"""`llmclaims eval` end to end on a hand-made gold article and results file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmclaims.cli import main

TEXT = "On Monday the plant closed. In 2009 it had 900 workers."


def _entry(expression: str, value: str, start: int, end: int) -> dict[str, object]:
    quote = TEXT[start:end]
    return {
        "expression": expression,
        "value": value,
        "granularity": "day",
        "anchored": True,
        "event": "x",
        "claim_ids": [],
        "evidence": [
            {"quote": quote, "span": {"start": start, "end": end, "text": quote, "status": "exact"}}
        ],
    }


def _write(tmp_path: Path, name: str, timeline: list[dict[str, object]]) -> Path:
    summary = {
        "language": "en",
        "sources": [],
        "claims": [],
        "timeline": timeline,
        "metadata": {"model": "m", "endpoint": "e", "mode": "tools", "prompt_version": "1"},
    }
    path = tmp_path / name
    path.write_text(json.dumps({"id": "a1", "summary": summary}) + "\n", encoding="utf-8")
    return path


def test_two_results_files_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monday, y2009 = TEXT.index("Monday"), TEXT.index("2009")
    gold = {
        "id": "a1",
        "text": TEXT,
        "timexes": [
            {"span": {"start": monday, "end": monday + 6}, "type": "DATE", "value": "2024-01-01"},
            {"span": {"start": y2009, "end": y2009 + 4}, "type": "DATE", "value": "2009"},
        ],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    good = _write(
        tmp_path,
        "good.jsonl",
        [_entry("Monday", "2024-01-01", 0, 27), _entry("2009", "2009", 28, len(TEXT))],
    )
    half = _write(tmp_path, "half.jsonl", [_entry("Monday", "2024-01-08", 0, 27)])
    code = main(
        [
            "eval",
            "--gold",
            str(tmp_path / "gold.json"),
            "--pred",
            str(good),
            "--pred",
            str(half),
            "--json",
        ]
    )
    assert code == 0
    good_row, half_row = json.loads(capsys.readouterr().out)
    # good: both spans exact with right values -> every F1 is 1.
    assert (good_row["timex_strict_f1"], good_row["timex_value_f1"]) == (1.0, 1.0)
    # half: 1 of 2 gold found (P = 1, R = 1/2 -> F1 = 2/3), its value wrong -> value F1 = 0.
    assert half_row["timex_relaxed_f1"] == round(2 / 3, 4)
    assert half_row["timex_value_f1"] == 0.0


def test_bad_gold_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gold.json").write_text("{not json", encoding="utf-8")
    pred = tmp_path / "p.jsonl"
    pred.write_text("", encoding="utf-8")
    assert main(["eval", "--gold", str(tmp_path / "gold.json"), "--pred", str(pred)]) == 1
    assert "InputError" in capsys.readouterr().err
