"""`llmclaims eval`: score results files and models against gold articles, side by side.

`--pred OUT.jsonl` scores an existing results file; `--model M` first summarizes the gold
articles with that model through `llmclaims batch`'s own path (`batch_run.run_batch`: the
cache, resuming from the results file, one error line per failed article), then scores the
results. Runs are kept in `--runs DIR`, one results file per model and gold corpus (the file
name carries a digest of the gold texts, so changed gold never reuses stale answers); running
the same command again pays for nothing already answered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from .errors import ConfigurationError, InputError
from .evaluation.corpus import evaluate_run
from .evaluation.gold import GoldArticle
from .evaluation.predictions import read_predictions


def _read_gold(path: Path) -> list[GoldArticle]:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise InputError(f"no gold *.json files in {path.name}")
    try:
        return [GoldArticle.model_validate_json(f.read_text(encoding="utf-8")) for f in files]
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read gold {path.name}: {exc}") from exc


class _Runs(argparse.Action):
    """Keep --pred and --model in the order given: that is the order of the table's columns."""

    def __call__(self, parser: Any, namespace: Any, value: Any, option: Any = None) -> None:
        runs = list(getattr(namespace, "runs_order", None) or [])
        runs.append(("pred" if option == "--pred" else "model", value))
        namespace.runs_order = runs


def _gold_inputs(gold: list[GoldArticle], folder: Path) -> Path:
    """The gold texts as a batch input file, named by their digest."""
    lines = [
        json.dumps(
            {"id": a.id, "text": a.text, "published": a.publication_date}, ensure_ascii=False
        )
        for a in gold
    ]
    body = "\n".join(lines) + "\n"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"gold-{digest}.jsonl"
    if not path.exists():
        path.write_text(body, encoding="utf-8")
    return path


def _summarize(gold: list[GoldArticle], model: str, args: argparse.Namespace) -> Path:
    from .batch_run import run_batch

    inputs = _gold_inputs(gold, args.runs)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", model)
    out = args.runs / f"{safe}.{inputs.stem}.jsonl"
    config = {
        "model": model,
        "base_url": args.base_url,
        "mode": args.mode,
        "grounding": args.grounding,
        "cache": not args.no_cache,
        "cache_dir": args.cache_dir,
    }
    tally = run_batch([inputs], out, concurrency=args.concurrency, config=config)
    print(f"llmclaims: {model}: {tally.report(out)}", file=sys.stderr)
    return out


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return "–"
    ci = row["ci95"].get(key)
    return f"{value} [{ci[0]}, {ci[1]}]" if ci else str(value)


def _markdown(rows: list[dict[str, Any]]) -> str:
    skip = {"pred", "ci95", "flag_counts", "per_article"}
    keys = list(dict.fromkeys(k for r in rows for k in r if k not in skip))
    lines = [
        "| figure | " + " | ".join(str(r["pred"]) for r in rows) + " |",
        "|---|" + "---|" * len(rows),
    ]
    lines += ["| " + k + " | " + " | ".join(_cell(r, k) for r in rows) + " |" for k in keys]
    lines.append("")
    lines.append("Brackets: 95% bootstrap interval over articles; –: nothing to score.")
    return "\n".join(lines)


def _run(args: argparse.Namespace) -> int:
    runs = getattr(args, "runs_order", None) or []
    if not runs:
        raise ConfigurationError("give at least one --pred OUT.jsonl or --model M")
    from .batch_run import Interrupted

    gold = _read_gold(args.gold)
    rows = []
    for kind, value in runs:
        try:
            path = Path(value) if kind == "pred" else _summarize(gold, value, args)
        except Interrupted as stop:
            print(
                f"llmclaims: interrupted: {stop.tally.report(args.runs)}. Run the same "
                "command again to resume.",
                file=sys.stderr,
            )
            return stop.code
        name = Path(value).name if kind == "pred" else value
        rows.append(evaluate_run(gold, read_predictions(path), name))
    print(json.dumps(rows, indent=2, ensure_ascii=False) if args.json else _markdown(rows))
    return 1 if any(r["missing"] for r in rows) else 0


def add_parser(commands: Any) -> None:
    """Register `eval` on the CLI's subcommands."""
    parser = commands.add_parser(
        "eval",
        help="score results files or models against gold annotations",
        description="Score results files (from `llmclaims batch`) or models (the gold articles "
        "are summarized first, cached and resumable) against gold articles; several "
        "--pred/--model give one side-by-side table. Exit 1 when an article has no result.",
    )
    parser.add_argument("--gold", type=Path, required=True, help="gold JSON file or folder")
    parser.add_argument("--pred", action=_Runs, metavar="OUT.jsonl", help="a results file")
    parser.add_argument("--model", action=_Runs, metavar="M", help="a model to run and score")
    parser.add_argument("--base-url", help="OpenAI-compatible endpoint for --model")
    parser.add_argument(
        "--runs",
        type=Path,
        default=Path("llmclaims-eval"),
        help="folder for the --model results files (default: ./llmclaims-eval)",
    )
    parser.add_argument(
        "--mode",
        choices=["json_schema", "tools", "tools_strict", "json", "md_json"],
        help="how the schema is enforced (default: json_schema)",
    )
    parser.add_argument("--grounding", choices=["strict", "flag", "keep"], default="flag")
    parser.add_argument("--concurrency", type=int, default=4, help="articles in flight")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--cache-dir", type=Path, help="cache folder (default: per-user cache)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.set_defaults(run=_run)
