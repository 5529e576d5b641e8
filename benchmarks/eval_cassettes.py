"""Score the authored cassettes against tests/data/gold: a harness check, not a model.

The cassettes' answers were written by hand, and so was most of the gold (the Italian article
entirely, the sources and claims of the two MEANTIME articles), so the figures say whether
the scorer, the matching rules and the gold agree with each other, nothing about any model.
Replays each cassette that has gold (no network), writes the summaries to a results file, and
runs `llmclaims eval` on it; the time the scoring took goes to stderr.
Run from the repo root: `python -m benchmarks.eval_cassettes [--json]`.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import vcr

import llmclaims
from llmclaims.cli import main
from tests.recording import VCR_CONFIG, manifest, register

ROOT = Path(__file__).resolve().parents[1]


def run() -> int:
    gold = ROOT / "tests" / "data" / "gold"
    if not any(gold.glob("*.json")):
        print("no gold in tests/data/gold", file=sys.stderr)
        return 1
    recorder = vcr.VCR(**{**VCR_CONFIG, "record_mode": "none"})
    register(recorder)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cassettes.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for entry in manifest():
                path = ROOT / "tests" / "cassettes" / f"{entry['name']}.json"
                if not (gold / f"{entry['name']}.json").exists():
                    continue
                first = json.loads(path.read_text(encoding="utf-8"))["interactions"][0]
                model = json.loads(first["request"]["body"])["model"]
                with recorder.use_cassette(str(path)):
                    summary = llmclaims.summarize(
                        (ROOT / entry["text"]).read_text(encoding="utf-8"),
                        published=entry["published"],
                        cache=False,
                        retries=0,
                        model=model,
                        api_key="sk-replay-placeholder",
                    )
                line = {"id": entry["name"], "summary": json.loads(summary.model_dump_json())}
                handle.write(json.dumps(line) + "\n")
        started = time.perf_counter()
        code = main(["eval", "--gold", str(gold), "--pred", str(out), *sys.argv[1:2]])
        print(f"scoring: {time.perf_counter() - started:.2f} s", file=sys.stderr)
        return code


if __name__ == "__main__":
    sys.exit(run())
