"""Benchmark: the same articles through `llmclaims batch` and through Ray Data with two actors.

Both run against the fake OpenAI-compatible server (`llmclaims.testing`) in its own process with
a fixed latency per answer and no faults, each with its own fresh cache, so every article costs
one request. The corpus is `--files` JSONL files (a corpus as a data platform holds it: Ray reads
one block per file), the reference Italian article plus a unique line per article.

1. **`llmclaims batch FILES... --concurrency C`**, as a subprocess: wall time of the whole
   command (imports included) against the ideal `articles * latency / C`, and its peak RSS.
2. **Ray Data**: a local cluster (`--cpus`, every process on 127.0.0.1), `read_json` ->
   `map_batches(SummarizeBatch, ActorPoolStrategy(size=A))` with `C / A` requests in flight per
   actor -> `write_parquet`. Wall time of the pipeline (actor start-up included; `ray.init` is
   timed apart) against the same ideal, and the peak RSS (`ru_maxrss`) each Ray worker reports
   from inside its last batch.

Each output is checked: exactly one row per article, all summarized, and the server's request
count equal to the articles; otherwise the script exits 1. Without ray installed it exits 2.

    python benchmarks/ray_vs_batch.py --json           # 2,000 articles at 0.5 s (about 3 min)
    python benchmarks/ray_vs_batch.py --quick --json   # 200 articles at 0.25 s
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
PUBLISHED = "2024-01-05"
KIB = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux


def write_corpus(folder: Path, n: int, files: int) -> list[Path]:
    base = ARTICLE.read_text(encoding="utf-8")
    folder.mkdir()
    paths = [folder / f"part-{k:03d}.jsonl" for k in range(files)]
    handles = [path.open("w", encoding="utf-8") for path in paths]
    for i in range(n):
        record = {"id": f"d{i}", "text": base + f"\n\n(Dispaccio {i}.)", "published": PUBLISHED}
        handles[i % files].write(json.dumps(record, ensure_ascii=False) + "\n")
    for handle in handles:
        handle.close()
    return paths


def run_batch_cli(paths: list[Path], out: Path, cache: Path, url: str, concurrency: int) -> dict:
    command = [
        sys.executable,
        "-m",
        "llmclaims",
        "batch",
        *map(str, paths),
        "--out",
        str(out),
        "--concurrency",
        str(concurrency),
        "--model",
        "bench",
        "--base-url",
        url,
        "--cache-dir",
        str(cache),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLMCLAIMS_"))}
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"llmclaims batch failed ({process.returncode}): {stderr[-2000:]}")
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # The only child waited for so far (the server runs on), so this peak is the command's.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * KIB / 2**20
    return {
        "wall_s": wall,
        "rows": len(lines),
        "ids": len({line["id"] for line in lines}),
        "ok": sum(1 for line in lines if "summary" in line),
        "peak_rss_mb": round(peak, 1),
    }


def run_ray(
    corpus: Path, out: Path, cache: Path, url: str, concurrency: int, actors: int, cpus: int
) -> dict:
    # Ray's switch for a one-machine cluster: every Ray process on the loopback address.
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    import numpy as np
    import ray
    import ray.data

    from llmclaims.ray_data import SummarizeBatch

    class MeasuredSummarizeBatch(SummarizeBatch):
        """Adds the worker's pid and peak RSS so far to each row."""

        def __call__(self, batch: Any) -> Any:
            rows = super().__call__(batch)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * KIB / 2**20
            count = len(rows["id"])
            rows["worker_pid"] = np.full(count, os.getpid())
            rows["worker_peak_rss_mb"] = np.full(count, peak)
            return rows

    start = time.perf_counter()
    ray.init(
        num_cpus=cpus,
        include_dashboard=False,
        log_to_driver=False,
        logging_level="ERROR",
        _node_ip_address="127.0.0.1",
    )
    init_s = time.perf_counter() - start
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        start = time.perf_counter()
        ray.data.read_json(str(corpus)).map_batches(
            MeasuredSummarizeBatch,
            fn_constructor_kwargs={
                "model": "bench",
                "base_url": url,
                "cache_dir": str(cache),
                "concurrency": concurrency // actors,
            },
            batch_size=None,  # one batch per block, i.e. per file
            compute=ray.data.ActorPoolStrategy(size=actors),
            num_cpus=0.5,  # actors wait on HTTP; leave CPU for reading and writing
        ).write_parquet(str(out))
        wall = time.perf_counter() - start
        table = ray.data.read_parquet(str(out)).to_pandas()
    finally:
        ray.shutdown()
    workers = table.groupby("worker_pid")["worker_peak_rss_mb"].max()
    return {
        "init_s": round(init_s, 2),
        "wall_s": wall,
        "rows": len(table),
        "ids": int(table["id"].nunique()),
        "ok": int(table["error_type"].isna().sum()),
        "workers": len(workers),
        "worker_peak_rss_mb": [round(float(v), 1) for v in workers.sort_values()],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, default=32, help="in flight, in total")
    parser.add_argument("--actors", type=int, default=2)
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray cluster")
    parser.add_argument("--files", type=int, default=32)
    parser.add_argument("--quick", action="store_true", help="200 articles at 0.25 s")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.latency, args.files = 200, 0.25, 8
    try:
        import ray  # noqa: F401
    except ImportError:
        print('ray is not installed: pip install "llmclaims[ray]"', file=sys.stderr)
        return 2
    n, ideal = args.articles, args.articles * args.latency / args.concurrency
    results: dict[str, Any] = {
        "articles": n,
        "latency_s": args.latency,
        "concurrency": args.concurrency,
        "actors": args.actors,
        "ideal_s": round(ideal, 2),
    }
    failures = []
    with (
        ServerProcess("--latency", str(args.latency)) as server,
        tempfile.TemporaryDirectory() as work,
    ):
        folder = Path(work)
        paths = write_corpus(folder / "corpus", n, args.files)
        for name in ("batch", "ray"):
            before = server.stats()["requests"]
            if name == "batch":
                figures = run_batch_cli(
                    paths, folder / "out.jsonl", folder / "cache-b", server.base_url,
                    args.concurrency,
                )  # fmt: skip
            else:
                figures = run_ray(
                    folder / "corpus", folder / "out-ray", folder / "cache-r", server.base_url,
                    args.concurrency, args.actors, args.cpus,
                )  # fmt: skip
            figures["requests"] = server.stats()["requests"] - before
            figures["wall_ratio"] = round(figures["wall_s"] / ideal, 3)
            figures["wall_s"] = round(figures["wall_s"], 2)
            results[name] = figures
            if not figures["rows"] == figures["ids"] == figures["ok"] == figures["requests"] == n:
                failures.append(f"{name}: {figures}")
    batch, on_ray = results["batch"], results["ray"]
    print(
        f"{n} articles, {args.latency} s latency, {args.concurrency} in flight; "
        f"ideal {results['ideal_s']} s"
    )
    print(
        f"  llmclaims batch   wall {batch['wall_s']:7.2f} s  ratio {batch['wall_ratio']:.3f}  "
        f"peak RSS {batch['peak_rss_mb']:.1f} MB"
    )
    print(
        f"  Ray Data ({args.actors} actors) wall {on_ray['wall_s']:7.2f} s  ratio "
        f"{on_ray['wall_ratio']:.3f}  (ray.init {on_ray['init_s']:.1f} s apart)  worker peak RSS "
        f"{on_ray['worker_peak_rss_mb']} MB"
    )
    if args.json:
        print(json.dumps(results))
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
