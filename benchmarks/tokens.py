"""Benchmark: prompt and answer tokens of the authored answers, and a long article's wall time.

1. **Tokens per article**, for each article of `tests/cassettes/manifest.json` and its authored
   answer (`tests/cassettes/answers/`), counted with real BPE vocabularies that ship inside the
   `bpe-openai` wheel (o200k_base: GPT-4o and later; cl100k_base: GPT-4, GPT-3.5), so nothing is
   downloaded at run time: the article, the prompt exactly as sent (system and user messages,
   `Summarizer.request_body`), the JSON schema sent beside it (`response_format`), and the
   answer as the cassettes send it (`json.dumps(answer, ensure_ascii=False)`). Also the
   characters per token and the answer's tokens per article token, which size the pieces of a
   long article (`llmclaims/chunking.py`).
2. **Splitting cost**: seconds to cut a 1,000,000-character article into pieces (best of 3).
3. **Long-article wall time**: an article of at least 60,000 characters (the reference article
   20 times, each copy's names made unique) against the fake server in its own process
   (`ServerProcess`) at a fixed `--latency` per answer: in pieces, concurrently (the default);
   in pieces, one at a time; and in one request (`context_tokens` large enough for it). Each in
   a fresh cache, median of `--repeat` runs.

    pip install -e ".[bench]"
    python benchmarks/tokens.py            # about 30 s
    python benchmarks/tokens.py --json     # the same, plus a JSON summary as the last line

Exits non-zero when the tokenizer or the data is missing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

MANIFEST = REPO_ROOT / "tests" / "cassettes" / "manifest.json"
REFERENCE = REPO_ROOT / "tests" / "data" / "nk-missiles-russia.it.txt"
ENCODINGS = ("o200k_base", "cl100k_base")


def fail(message: str) -> None:
    print(f"benchmarks/tokens.py: {message}", file=sys.stderr)
    sys.exit(1)


def encoders() -> dict[str, Any]:
    try:
        import bpe_openai
    except ImportError:
        fail("the bpe-openai tokenizer is not installed: pip install -e '.[bench]'")
    return {name: bpe_openai.get_encoding(name) for name in ENCODINGS}


def manifest(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        fail(f"missing {path}")
    entries = json.loads(path.read_text(encoding="utf-8"))
    for entry in entries:
        for key in ("text", "answer"):
            if not (REPO_ROOT / entry[key]).is_file():
                fail(f"missing {entry[key]}")
    if not entries:
        fail("the manifest lists no article")
    return entries


def token_counts(encoding: Any, entries: list[dict[str, str]]) -> list[dict[str, Any]]:
    from llmclaims import Summarizer

    summarizer = Summarizer(model="bench", base_url="http://127.0.0.1:9/v1", cache=False)
    rows = []
    for entry in entries:
        text = (REPO_ROOT / entry["text"]).read_text(encoding="utf-8")
        answer = json.loads((REPO_ROOT / entry["answer"]).read_text(encoding="utf-8"))
        body = summarizer.request_body(text, published=entry["published"])
        messages = "".join(m["content"] for m in body["messages"])
        schema = json.dumps(body.get("response_format", {}), ensure_ascii=False)
        content = json.dumps(answer, ensure_ascii=False)

        def count(s: str) -> int:
            return len(encoding.encode(s))

        article_tokens = count(text)
        answer_tokens = count(content)
        rows.append(
            {
                "article": entry["name"],
                "article_chars": len(text),
                "article_tokens": article_tokens,
                "prompt_tokens": count(messages),
                "schema_tokens": count(schema),
                "answer_tokens": answer_tokens,
                "chars_per_token": round(len(text) / article_tokens, 2),
                "answer_per_article_token": round(answer_tokens / article_tokens, 2),
            }
        )
    return rows


def long_article(copies: int = 20) -> str:
    if not REFERENCE.is_file():
        fail(f"missing {REFERENCE.relative_to(REPO_ROOT)}")
    text = REFERENCE.read_text(encoding="utf-8")
    return "\n\n".join(f"Parte {i}. " + text.replace("Kirby", f"Kirby{i}") for i in range(copies))


def split_seconds() -> tuple[int, int, float]:
    from llmclaims.chunking import DEFAULT_CHUNK_CHARS, split_text

    base = long_article(300)[:999_990]
    best = float("inf")
    for run in range(3):
        text = base + f" ({run})"  # a new text each run: sentence offsets are cached per text
        start = time.perf_counter()
        pieces = split_text(text, DEFAULT_CHUNK_CHARS)
        best = min(best, time.perf_counter() - start)
    return len(text), len(pieces), best


def wall_times(latency: float, repeat: int) -> dict[str, Any]:
    from llmclaims import Summarizer, extract
    from llmclaims.testing import ServerProcess

    text = long_article()
    if len(text) < 60_000:
        fail(f"the long article has {len(text):,} characters, fewer than 60,000")
    results: dict[str, Any] = {"article_chars": len(text), "latency": latency}
    ways = {
        "pieces_concurrent": ({}, extract.CHUNK_CONCURRENCY),
        "pieces_one_at_a_time": ({}, 1),
        "one_request": ({"context_tokens": 1_000_000}, extract.CHUNK_CONCURRENCY),
    }
    default_concurrency = extract.CHUNK_CONCURRENCY
    with ServerProcess("--latency", str(latency)) as server:
        # Warm up (imports, first-call caches), so the first way timed pays no more than the rest.
        Summarizer(model="bench", base_url=server.base_url, cache=False).summarize(
            REFERENCE.read_text(encoding="utf-8"), published="2024-01-05"
        )
        for name, (options, concurrency) in ways.items():
            extract.CHUNK_CONCURRENCY = concurrency
            times, requests = [], []
            try:
                for _ in range(repeat):
                    with tempfile.TemporaryDirectory() as cache:
                        summarizer = Summarizer(
                            model="bench", base_url=server.base_url, cache_dir=cache, **options
                        )
                        before = server.stats()["requests"]
                        start = time.perf_counter()
                        summary = summarizer.summarize(text, published="2024-01-05")
                        times.append(time.perf_counter() - start)
                        requests.append(server.stats()["requests"] - before)
                        summarizer.close()
                        if not summary.claims:
                            fail(f"{name}: the summary has no claim")
            finally:
                extract.CHUNK_CONCURRENCY = default_concurrency
            results[name] = {
                "seconds": round(statistics.median(times), 3),
                "requests": requests[0],
            }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--latency", type=float, default=2.0, help="seconds per answer")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print a JSON summary last")
    parser.add_argument(
        "--manifest", type=Path, default=MANIFEST, help="articles and their authored answers"
    )
    args = parser.parse_args()

    entries = manifest(args.manifest)  # the data first: a missing file fails before anything
    summary: dict[str, Any] = {"tokens": {}}
    for name, encoding in encoders().items():
        rows = token_counts(encoding, entries)
        summary["tokens"][name] = rows
        print(f"\n{name}")
        print(
            f"{'article':32} {'chars':>6} {'article':>7} {'prompt':>7} {'schema':>7} "
            f"{'answer':>7} {'chars/tok':>9} {'answer/article':>14}"
        )
        for r in rows:
            print(
                f"{r['article']:32} {r['article_chars']:6} {r['article_tokens']:7} "
                f"{r['prompt_tokens']:7} {r['schema_tokens']:7} {r['answer_tokens']:7} "
                f"{r['chars_per_token']:9} {r['answer_per_article_token']:14}"
            )
    chars, pieces, seconds = split_seconds()
    summary["split"] = {"chars": chars, "pieces": pieces, "seconds": round(seconds, 4)}
    print(f"\nsplitting {chars:,} characters into {pieces} pieces: {seconds:.3f} s (best of 3)")
    walls = wall_times(args.latency, args.repeat)
    summary["wall"] = walls
    print(
        f"\n{walls['article_chars']:,}-character article, {args.latency} s per answer, "
        f"median of {args.repeat}:"
    )
    for name in ("pieces_concurrent", "pieces_one_at_a_time", "one_request"):
        w = walls[name]
        print(f"  {name:22} {w['seconds']:7.3f} s  {w['requests']} request(s)")
    if args.json:
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
