"""`llmclaims eval --model` end to end: the gold articles go through the batch path to the
local fake server, which answers each model with crafted extractions, and the scores of the
models and of a results file come out side by side."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from llmclaims.cli import main
from llmclaims.testing import FakeOpenAI, ServedRequest, answer_reply

TEXT = "Kirby said the plant closed. Unions may strike soon."
PLANT = "the plant closed"
STRIKE = "Unions may strike soon"


def at(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"start": start, "end": start + len(quote), "text": quote}


GOLD = {
    "text": TEXT,
    "publication_date": "2024-01-05",
    "annotation": "project",
    "sources": [{"id": "kirby", "name": "Kirby", "kind": "official"}],
    "claims": [
        {
            "evidence": at(PLANT),
            "source": "kirby",
            "author": {"certainty": "certain", "polarity": "positive", "evidential": "reported"},
            "source_factuality": {"certainty": "certain", "polarity": "positive"},
        },
        {
            "evidence": at(STRIKE),
            "author": {"certainty": "possible", "polarity": "positive", "evidential": "direct"},
        },
    ],
}


def fact(certainty: str, evidential: str = "direct") -> dict[str, Any]:
    return {"certainty": certainty, "polarity": "positive", "evidential": evidential, "cues": []}


def answer(both: bool) -> dict[str, Any]:
    """ "good": both gold claims, right sources and factuality; "half": the first claim only,
    credited to the author and read as probable."""
    kirby = {
        "id": "S1",
        "name": "Kirby",
        "kind": "official",
        "named": True,
        "role": None,
        "affiliation": None,
        "via": None,
        "evidence": ["Kirby said"],
    }
    author = {**kirby, "id": "S0", "name": None, "kind": "author", "named": False, "evidence": []}
    first = {
        "id": "C1",
        "text": "The plant closed.",
        "ambiguous": False,
        "source_ids": ["S1"] if both else ["S0"],
        "author": fact("certain", "reported") if both else fact("probable"),
        "source": fact("certain") if both else None,
        "evidence": [PLANT],
    }
    second = {
        "id": "C2",
        "text": "Unions may strike soon.",
        "ambiguous": False,
        "source_ids": ["S0"],
        "author": fact("possible"),
        "source": None,
        "evidence": [STRIKE],
    }
    return {
        "language": "en",
        "sources": [author, kirby],
        "claims": [first, second] if both else [first],
        "timeline": [],
    }


def handler(request: ServedRequest) -> Any:
    return answer_reply(request, answer(request.json()["model"] == "good"))


@pytest.fixture
def gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    # Two articles, so the corpus figures get intervals; their texts differ (identical texts
    # would share one answer) only after the annotated words.
    for ident, tail in (("a1", ""), ("a2", " More later.")):
        article = {**GOLD, "id": ident, "text": TEXT + tail}
        (folder / f"{ident}.json").write_text(json.dumps(article), encoding="utf-8")
    return folder


def test_models_and_a_results_file_side_by_side(
    serve: Callable[..., FakeOpenAI],
    gold_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = serve(handler)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    args = [
        "eval",
        "--gold",
        str(gold_folder),
        "--model",
        "good",
        "--pred",
        str(empty),
        "--model",
        "half",
        "--base-url",
        server.base_url,
        "--runs",
        str(tmp_path / "runs"),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--json",
    ]
    # The empty results file has no line for either article: exit 1 says something is missing.
    assert main(args) == 1
    good, nothing, half = json.loads(capsys.readouterr().out)
    assert [good["pred"], nothing["pred"], half["pred"]] == ["good", "empty.jsonl", "half"]
    # Two requests per model: one per article.
    assert server.count == 4
    # good: both gold claims found, every factuality and the one attribution right.
    assert (good["missing"], good["claim_coverage"], good["attribution_f1"]) == (0, 1.0, 1.0)
    assert good["author_certainty_agreement"] == good["source_certainty_agreement"] == 1.0
    # half: per article 1 of 2 gold claims covered -> 0.5; its one claim is read probable where
    # the gold says certain -> author certainty 0 of 1 (per article, 0 of 2 pooled); it has no
    # source factuality (0 of 1) and credits nobody: attribution P undefined, R = 0 of 1 -> F1 0.
    assert half["claim_coverage"] == 0.5
    assert half["author_certainty_agreement"] == 0.0
    assert half["source_certainty_agreement"] == 0.0
    assert half["attribution_recall"] == 0.0 and half["attribution_precision"] is None
    assert half["attribution_f1"] == 0.0
    # Both articles score alike, so every bootstrap resample gives the same figure.
    assert half["ci95"]["claim_coverage"] == [0.5, 0.5]
    assert half["per_article"]["a1"]["claim_coverage"] == 0.5
    # The results file with no lines scores nothing found: both articles missing.
    assert (nothing["missing"], nothing["claim_coverage"]) == (2, 0.0)
    # The gold texts as a batch input, and one results file per model, named after them.
    inputs = next((tmp_path / "runs").glob("gold-*.jsonl"))
    assert sorted(p.name for p in (tmp_path / "runs").iterdir()) == [
        inputs.name,
        f"good.{inputs.stem}.jsonl",
        f"half.{inputs.stem}.jsonl",
    ]

    # Run again without the cache: the results files are reused, so no request is made and
    # the figures agree.
    assert main([*args[: args.index("--cache-dir")], "--no-cache", "--json"]) == 1
    again = json.loads(capsys.readouterr().out)
    assert server.count == 4
    assert again[0]["claim_coverage"] == good["claim_coverage"]


def test_markdown_table_has_one_column_per_run(
    serve: Callable[..., FakeOpenAI],
    gold_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = serve(handler)
    code = main(
        [
            "eval",
            "--gold",
            str(gold_folder),
            "--model",
            "good",
            "--model",
            "half",
            "--base-url",
            server.base_url,
            "--runs",
            str(tmp_path / "runs"),
            "--no-cache",
        ]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "| figure | good | half |"
    coverage = next(line for line in lines if line.startswith("| claim_coverage |"))
    # good covers 2 of 2 in both articles, half 1 of 2: intervals collapse onto the figure.
    assert coverage == "| claim_coverage | 1.0 [1.0, 1.0] | 0.5 [0.5, 0.5] |"


def test_eval_needs_a_run(gold_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "--gold", str(gold_folder)]) == 2
    assert "--pred" in capsys.readouterr().err
