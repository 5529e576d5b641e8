"""Benchmark: client CPU per article, batch wall time, cached re-runs and memory of `llmclaims`.

Everything runs against the fake OpenAI-compatible server (`llmclaims.testing`) in a separate
process, so the client's CPU is measured apart from the server's.

1. **CPU per article** (server latency 0): process CPU time of this process per article, median
   over `--cpu-articles` sequential articles, for `Summarizer.asummarize` (default settings,
   cache on, in a fresh cache folder) and for a bare openai SDK call with the same messages and
   the same JSON schema (`chat.completions.create(..., response_format=...)` + `json.loads`).
2. **Batch wall time**: `llmclaims batch` (the library's `run_batch`, in a fresh process, so
   imports are excluded) over `--batch-articles` articles with `--latency` seconds per answer and
   `--concurrency` in flight, against the ideal `articles * latency / concurrency`.
3. **Cached re-run**: the same batch again into a new output file with the same cache (every
   answer from the cache), and a resume into the same output file; the server's request count
   during each (must be 0).
4. **Peak RSS**: a fresh process per size in `--rss-articles`, each running a whole batch
   (latency 0) and reporting `ru_maxrss`; articles are generated into a JSONL file and streamed.

`--answer reference` serves the authored answer for the reference Italian article (33 claims,
cue checks, dates: assembly does real work) instead of the one-claim stub; article texts are the
reference article plus a unique line, so every quote is found and no two articles share a cache
entry. `--quick` scales everything down for a smoke run; `--json` prints a machine-readable
summary as the last line; `--profile N` prints the N most expensive functions (cProfile,
cumulative) of the llmclaims CPU loop.

    python benchmarks/throughput.py                 # full run (about 7 minutes)
    python benchmarks/throughput.py --quick --json  # about a minute
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from llmclaims.testing import ServerProcess  # noqa: E402

ARTICLE = REPO_ROOT / "tests" / "data" / "nk-missiles-russia.it.txt"
REFERENCE_ANSWER = REPO_ROOT / "tests" / "cassettes" / "answers" / "nk-missiles-russia.it.json"
PUBLISHED = "2024-01-05"
TARGETS = {"cpu_ms": 5.0, "wall_ratio": 1.15, "cached_ratio": 0.02}


def article(i: int, run: str = "") -> str:
    """The reference article plus a line that makes each article (and cache key) unique."""
    return ARTICLE.read_text(encoding="utf-8") + f"\n\n(Dispaccio {run}{i}.)"


def write_feed(path: Path, n: int, run: str = "") -> Path:
    base = ARTICLE.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = base + f"\n\n(Dispaccio {run}{i}.)"
            record = {"id": f"d{i}", "text": text, "published": PUBLISHED}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def server_args(answer: str, latency: float) -> list[str]:
    args = ["--latency", str(latency)]
    return [*args, "--answer-file", str(REFERENCE_ANSWER)] if answer == "reference" else args


# -- 1. CPU per article ------------------------------------------------------------------------


async def _llmclaims_cpu(base_url: str, n: int, cache_dir: Path, profile: int) -> list[float]:
    from llmclaims import Summarizer

    summarizer = Summarizer(model="bench", base_url=base_url, cache_dir=cache_dir)
    for i in range(max(n // 10, 5)):  # warm up: imports, connection, first-call caches
        await summarizer.asummarize(article(i, "warm-"), published=PUBLISHED)
    texts = [article(i) for i in range(n)]
    times = []
    profiler = cProfile.Profile() if profile else None
    for text in texts:
        start = time.process_time()
        if profiler:
            profiler.enable()
        await summarizer.asummarize(text, published=PUBLISHED)
        if profiler:
            profiler.disable()
        times.append(time.process_time() - start)
    summarizer.close()
    if profiler:
        report = io.StringIO()
        pstats.Stats(profiler, stream=report).sort_stats("cumulative").print_stats(profile)
        print(report.getvalue())
    return times


async def _bare_cpu(base_url: str, n: int) -> list[float]:
    import openai

    from llmclaims.prompt_files import load_prompt
    from llmclaims.request import render_messages
    from llmclaims.wire import WireArticle

    client = openai.AsyncOpenAI(base_url=base_url, api_key="bench", max_retries=0)
    response_format = {
        "type": "json_schema",
        "json_schema": {
            "name": "WireArticle",
            "schema": WireArticle.model_json_schema(),
            "strict": True,
        },
    }
    prompt = load_prompt()
    from datetime import date

    day = date.fromisoformat(PUBLISHED)
    # Messages rendered outside the timed section: the bare call gets them for free.
    warm = [render_messages(prompt, article(i, "warm-"), day) for i in range(max(n // 10, 5))]
    timed = [render_messages(prompt, article(i), day) for i in range(n)]
    times = []
    for batch, record in ((warm, False), (timed, True)):
        for messages in batch:
            start = time.process_time()
            answer = await client.chat.completions.create(
                model="bench", messages=messages, response_format=response_format
            )
            json.loads(answer.choices[0].message.content or "null")
            if record:
                times.append(time.process_time() - start)
    await client.close()
    return times


def cpu_per_article(n: int, answer: str, profile: int) -> dict[str, Any]:
    with ServerProcess(*server_args(answer, 0.0)) as server, tempfile.TemporaryDirectory() as cache:
        bare = asyncio.run(_bare_cpu(server.base_url, n))
        ours = asyncio.run(_llmclaims_cpu(server.base_url, n, Path(cache), profile))
    bare_ms, ours_ms = statistics.median(bare) * 1000, statistics.median(ours) * 1000
    return {
        "articles": n,
        "llmclaims_ms": round(ours_ms, 2),
        "bare_sdk_ms": round(bare_ms, 2),
        "ratio": round(ours_ms / bare_ms, 2),
        "llmclaims_p90_ms": round(statistics.quantiles(ours, n=10)[-1] * 1000, 2),
    }


# -- 2-4. batches in fresh processes -------------------------------------------------------------


def _child(spec: dict[str, Any]) -> None:
    """Run one batch in this (fresh) process and print its figures as JSON."""
    from llmclaims.batch_run import run_batch

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu, wall = time.process_time(), time.perf_counter()
    tally = run_batch(
        [Path(spec["input"])],
        Path(spec["out"]),
        concurrency=spec["concurrency"],
        progress=False,
        config={"model": "bench", "base_url": spec["base_url"], "cache_dir": spec["cache"]},
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    print(
        json.dumps(
            {
                "wall_s": wall,
                "cpu_s": cpu,
                "ok": tally.ok,
                "failed": tally.failed,
                "cached": tally.cached,
                "skipped": tally.skipped,
                "rss_after_imports_mb": before * scale / 2**20,
                "peak_rss_mb": peak * scale / 2**20,
            }
        )
    )


def run_child(**spec: Any) -> dict[str, Any]:
    result = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in spec.items()}),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"batch child failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def batch_and_rerun(n: int, latency: float, concurrency: int, answer: str) -> dict[str, Any]:
    with (
        ServerProcess(*server_args(answer, latency)) as server,
        tempfile.TemporaryDirectory() as work,
    ):
        folder = Path(work)
        feed = write_feed(folder / "feed.jsonl", n)
        spec = {
            "input": feed,
            "base_url": server.base_url,
            "cache": folder / "cache",
            "concurrency": concurrency,
        }
        first = run_child(out=folder / "out.jsonl", **spec)
        paid = server.stats()["requests"]
        cached = run_child(out=folder / "again.jsonl", **spec)
        after_cached = server.stats()["requests"]
        resumed = run_child(out=folder / "out.jsonl", **spec)
        after_resume = server.stats()["requests"]
        server_cpu = server.stats()["cpu_seconds"]
    ideal = n * latency / concurrency
    return {
        "articles": n,
        "latency_s": latency,
        "concurrency": concurrency,
        "ideal_s": round(ideal, 2),
        "wall_s": round(first["wall_s"], 2),
        "wall_ratio": round(first["wall_s"] / ideal, 3),
        "client_cpu_s": round(first["cpu_s"], 2),
        "client_cpu_ms_per_article": round(first["cpu_s"] / n * 1000, 2),
        "server_cpu_s": round(server_cpu, 2),
        "requests": paid,
        "ok": first["ok"],
        "failed": first["failed"],
        "cached_rerun_s": round(cached["wall_s"], 3),
        "cached_ratio": round(cached["wall_s"] / first["wall_s"], 4),
        "cached_rerun_requests": after_cached - paid,
        "cached_rerun_hits": cached["cached"],
        "resume_s": round(resumed["wall_s"], 3),
        "resume_requests": after_resume - after_cached,
        "resume_skipped": resumed["skipped"],
    }


def peak_rss(sizes: list[int], concurrency: int, answer: str) -> dict[str, Any]:
    figures = {}
    with ServerProcess(*server_args(answer, 0.0)) as server:
        for n in sizes:
            with tempfile.TemporaryDirectory() as work:
                folder = Path(work)
                feed = write_feed(folder / "feed.jsonl", n, run=f"rss{n}-")
                result = run_child(
                    input=feed,
                    out=folder / "out.jsonl",
                    cache=folder / "cache",
                    base_url=server.base_url,
                    concurrency=concurrency,
                )
                out_mb = (folder / "out.jsonl").stat().st_size / 2**20
            figures[str(n)] = {
                "peak_rss_mb": round(result["peak_rss_mb"], 1),
                "rss_after_imports_mb": round(result["rss_after_imports_mb"], 1),
                "out_mb": round(out_mb, 1),
                "wall_s": round(result["wall_s"], 1),
                "ok": result["ok"],
            }
    return figures


# -- report ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cpu-articles", type=int, default=500)
    parser.add_argument("--batch-articles", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--rss-articles",
        default="1000,10000",
        help="comma-separated batch sizes, each measured in a fresh process",
    )
    parser.add_argument("--answer", choices=["stub", "reference"], default="stub")
    parser.add_argument("--skip", default="", help="comma-separated: cpu, batch, rss")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="scale down: 100 CPU articles, 200-article batch at 0.25 s, RSS at 200 and 2000",
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(json.loads(args.child))
        return
    if args.quick:
        args.cpu_articles, args.batch_articles, args.latency = 100, 200, 0.25
        args.rss_articles = "200,2000"
    skip = set(filter(None, args.skip.split(",")))
    results: dict[str, Any] = {"answer": args.answer, "targets": TARGETS}

    if "cpu" not in skip:
        cpu = results["cpu"] = cpu_per_article(args.cpu_articles, args.answer, args.profile)
        print(
            f"CPU per article (median of {cpu['articles']}, server latency 0, "
            f"answer={args.answer}):"
        )
        print(
            f"  llmclaims     {cpu['llmclaims_ms']:6.2f} ms   (p90 {cpu['llmclaims_p90_ms']} ms;"
            f" target <= {TARGETS['cpu_ms']} ms)"
        )
        print(f"  bare openai   {cpu['bare_sdk_ms']:6.2f} ms")
        print(f"  ratio         {cpu['ratio']:6.2f} x")
    if "batch" not in skip:
        batch = results["batch"] = batch_and_rerun(
            args.batch_articles, args.latency, args.concurrency, args.answer
        )
        print(
            f"Batch of {batch['articles']} at {batch['latency_s']} s latency, "
            f"{batch['concurrency']} in flight:"
        )
        print(
            f"  wall          {batch['wall_s']:8.2f} s  ideal {batch['ideal_s']} s  ratio "
            f"{batch['wall_ratio']} (target <= {TARGETS['wall_ratio']})"
        )
        print(
            f"  client CPU    {batch['client_cpu_s']:8.2f} s  "
            f"({batch['client_cpu_ms_per_article']} ms/article, incl. output and cache); "
            f"server CPU {batch['server_cpu_s']} s"
        )
        print(
            f"  requests      {batch['requests']:8d}    ok {batch['ok']}, failed {batch['failed']}"
        )
        print(
            f"  cached re-run {batch['cached_rerun_s']:8.3f} s  = {batch['cached_ratio']:.2%} "
            f"of the first run (target <= {TARGETS['cached_ratio']:.0%}), "
            f"{batch['cached_rerun_requests']} requests, {batch['cached_rerun_hits']} hits"
        )
        print(
            f"  resume (same OUT) {batch['resume_s']:.3f} s, {batch['resume_requests']} "
            f"requests, {batch['resume_skipped']} skipped"
        )
    if "rss" not in skip:
        sizes = [int(s) for s in args.rss_articles.split(",") if s]
        rss = results["rss"] = peak_rss(sizes, args.concurrency, args.answer)
        print("Peak RSS (fresh process per batch, latency 0):")
        for n, figures in rss.items():
            print(
                f"  {int(n):6d} articles  {figures['peak_rss_mb']:7.1f} MB  (after imports "
                f"{figures['rss_after_imports_mb']} MB; OUT {figures['out_mb']} MB; "
                f"{figures['wall_s']} s)"
            )
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        main()
