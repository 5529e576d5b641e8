"""`llmclaims eval`: score results files against gold articles, side by side."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .errors import InputError
from .evaluation.gold import GoldArticle
from .evaluation.predictions import predicted_claim_spans, predicted_timexes, read_predictions
from .evaluation.score import Proportion, TimexScores, claim_coverage, score_timexes


def _read_gold(path: Path) -> list[GoldArticle]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    try:
        return [GoldArticle.model_validate_json(f.read_text(encoding="utf-8")) for f in files]
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read gold {path.name}: {exc}") from exc


def evaluate(gold: list[GoldArticle], pred_path: Path) -> dict[str, Any]:
    """Corpus timeline scores of one results file: spans pooled over all gold articles."""
    predictions = read_predictions(pred_path)
    scores = TimexScores()
    covered = claimed = correct = n_pred = 0
    for article in gold:
        summary = predictions.get(article.id)
        pred = predicted_timexes(summary) if summary is not None else []
        scores = scores + score_timexes(article.timexes, pred)
        spans = predicted_claim_spans(summary) if summary is not None else []
        coverage, precision = claim_coverage([c.evidence for c in article.claims], spans)
        covered, claimed = covered + coverage.hits, claimed + coverage.n
        correct, n_pred = correct + precision.hits, n_pred + precision.n
    low, high = scores.value_accuracy.wilson()
    return {
        "pred": pred_path.name,
        "articles": len(gold),
        "missing": sum(1 for a in gold if a.id not in predictions),
        "timex_strict_f1": round(scores.strict_f1, 4),
        "timex_relaxed_f1": round(scores.relaxed_f1, 4),
        "timex_value_accuracy": round(scores.value_accuracy.value, 4),
        "timex_value_accuracy_ci95": [round(low, 4), round(high, 4)],
        "timex_value_f1": round(scores.value_f1, 4),
        "claim_coverage": round(Proportion(covered, claimed).value, 4) if claimed else None,
        "claim_precision": round(Proportion(correct, n_pred).value, 4) if claimed else None,
    }


def _markdown(rows: list[dict[str, Any]]) -> str:
    keys = [k for k in rows[0] if k != "timex_value_accuracy_ci95"]
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def _run(args: argparse.Namespace) -> int:
    gold = _read_gold(args.gold)
    rows = [evaluate(gold, pred) for pred in args.pred]
    print(json.dumps(rows, indent=2) if args.json else _markdown(rows))
    return 0


def add_parser(commands: Any) -> None:
    """Register `eval` on the CLI's subcommands."""
    parser = commands.add_parser(
        "eval",
        help="score results files against gold annotations",
        description="Score one or more results files (from `llmclaims batch`) against gold "
        "articles; several --pred give one side-by-side table.",
    )
    parser.add_argument("--gold", type=Path, required=True, help="gold JSON file or folder")
    parser.add_argument("--pred", type=Path, action="append", required=True, metavar="OUT.jsonl")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.set_defaults(run=_run)
