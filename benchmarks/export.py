"""Cost of `llmclaims export` on a corpus: wall and CPU seconds, MB per format.

The corpus is the reference Italian article's summary (replayed from its cassette, no network,
with its text stored) copied under N ids, so every article has its 24 claims, 11 sources and full
text. Timed: the first export, a re-run on the same OUT (idempotent: nothing new), and a re-run on
OUT grown by 10%. Run from the repo root:
`python -m benchmarks.export [--articles 1000] [--formats sqlite ...] [--json]`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import vcr

import llmclaims
from llmclaims.article_text import check_article
from llmclaims.cli_export import writer
from tests.recording import VCR_CONFIG, manifest, register

ROOT = Path(__file__).resolve().parents[1]
NAME = "nk-missiles-russia.it"
FORMATS = ("sqlite", "csv", "parquet", "jsonld")


def reference_line() -> dict:
    entry = next((e for e in manifest() if e["name"] == NAME), None)
    path = ROOT / "tests" / "cassettes" / f"{NAME}.json"
    if entry is None or not path.exists():
        raise SystemExit(f"no cassette for {NAME} in tests/cassettes")
    recorder = vcr.VCR(**{**VCR_CONFIG, "record_mode": "none"})
    register(recorder)
    model = json.loads(
        json.loads(path.read_text(encoding="utf-8"))["interactions"][0]["request"]["body"]
    )["model"]
    text = (ROOT / entry["text"]).read_text(encoding="utf-8")
    with recorder.use_cassette(str(path)):
        summary = llmclaims.summarize(
            text,
            published=entry["published"],
            cache=False,
            retries=0,
            model=model,
            api_key="sk-replay-placeholder",
        )
    summary.text = check_article(text)
    return json.loads(summary.model_dump_json())


def size(path: Path) -> int:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        if path.is_dir()
        else (path.stat().st_size)
    )


def timed(fmt: str, out: Path, target: Path) -> tuple[float, float]:
    """Wall and CPU seconds: on a shared machine the CPU figure is the steadier one."""
    wall, cpu = time.perf_counter(), time.process_time()
    writer(fmt)(out, target)
    return round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = reference_line()
    grown = args.articles + args.articles // 10
    lines = [json.dumps({"id": f"a{n:06d}", "summary": summary}) + "\n" for n in range(grown)]
    results: dict[str, object] = {
        "articles": args.articles,
        "claims_per_article": len(summary["claims"]),
    }
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        for fmt in args.formats:
            target = Path(tmp) / f"export.{fmt}"
            out.write_text("".join(lines[: args.articles]), encoding="utf-8")
            for run in ("first", "rerun", "grown_10pct"):
                if run == "grown_10pct":
                    out.write_text("".join(lines), encoding="utf-8")
                wall, cpu = timed(fmt, out, target)
                results[f"{fmt}_{run}_s"], results[f"{fmt}_{run}_cpu_s"] = wall, cpu
            results[f"{fmt}_mb"] = round(size(target) / 1e6, 1)
    if args.json:
        print(json.dumps(results))
    else:
        for key, value in results.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
