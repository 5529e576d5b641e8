"""`llmclaims.ray_data.SummarizeBatch` in `Dataset.map_batches` on a local Ray cluster (every
process on 127.0.0.1) against the fault server in its own process: every article comes
out exactly once, failures are rows, and both resume recipes of the README skip what is done.

The batch formats and bad rows are also checked by calling the class directly, without Ray,
which is quick. The whole file takes about a minute here (46-67 s).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

# Ray's switch for a one-machine cluster: every Ray process binds to the loopback address instead
# of the machine's own (read when ray is imported, so set before the import).
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")

import ray
import ray.data
from ray.data.expressions import col

from llmclaims import ArticleSummary, ConfigurationError
from llmclaims.ray_data import COLUMNS, SummarizeBatch
from llmclaims.testing import Fault, FaultPlan, ServerProcess, article_key, error_reply

from .conftest import SECRET

pytestmark = pytest.mark.slow

FAULTS = ("429+503+drop:0.35:2", "refusal:0.1:all", "401:0.1:all")
SEED = 5  # chosen so each test's articles meet every kind of fault (deterministic)
PLAN = FaultPlan([Fault.parse(spec) for spec in FAULTS], seed=SEED)  # what the server injects
PERMANENT = {"refusal": "RefusalError", "401": "ProviderError"}


def text(i: int, run: str) -> str:
    return f"Dispatch {run}{i}: the ministry said on Monday that the plan would cost 12 million."


def rows(n: int, run: str) -> list[dict]:
    return [
        {"id": f"{run}{i}", "text": text(i, run), "published": "2024-01-05", "url": None}
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def server() -> Iterator[ServerProcess]:
    args = [arg for spec in FAULTS for arg in ("--fault", spec)]
    with ServerProcess(*args, "--seed", str(SEED)) as process:
        yield process


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    home = tmp_path_factory.mktemp("ray-workers")
    ray.init(
        # Logical CPUs (the actors mostly wait on HTTP): two actors of half a CPU, the read and
        # write tasks of one, and Ray's checkpoint filter, an actor of one whole CPU, on a 2-core
        # machine; with num_cpus=2 a checkpointed pipeline waits for a CPU forever.
        num_cpus=4,
        include_dashboard=False,
        log_to_driver=False,
        logging_level="ERROR",
        _node_ip_address="127.0.0.1",
        # The workers' cache secret and default cache live in the test's folders, not the user's.
        runtime_env={
            "env_vars": {
                "XDG_CONFIG_HOME": str(home / "config"),
                "LLMCLAIMS_CACHE_DIR": str(home / "cache"),
            }
        },
    )
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def options(server: ServerProcess, cache: Path, concurrency: int = 4) -> dict:
    return {
        "model": "m",
        "base_url": server.base_url,
        "cache_dir": str(cache),
        "concurrency": concurrency,
        "retry_max_wait": 0,  # the faults' Retry-After is 0; drops back off by nothing either
    }


def summarize(
    dataset: ray.data.Dataset, server: ServerProcess, cache: Path, **kw
) -> ray.data.Dataset:
    return dataset.map_batches(
        SummarizeBatch,
        fn_constructor_kwargs=options(server, cache),
        batch_size=8,
        compute=ray.data.ActorPoolStrategy(size=2),
        num_cpus=0.5,  # actors wait on HTTP; a whole CPU each would leave none for the writes
        **kw,
    )


def requests_for(server: ServerProcess, run: str, n: int) -> Counter[str]:
    per_article = server.stats()["per_article"]
    return Counter({f"{run}{i}": per_article.get(article_key(text(i, run)), 0) for i in range(n)})


def expected_requests(i: int, run: str) -> int:
    fault = PLAN.fault_for(text(i, run))
    if fault is None or fault.attempts is None:  # permanent faults are not retried
        return 1
    return fault.attempts + 1


# -- on the cluster ------------------------------------------------------------------------------


def test_every_article_once_failures_as_rows(cluster, server, tmp_path):
    n = 30
    data = [*rows(n, "a"), {"id": "blank", "text": "   ", "published": None, "url": "u"}]
    out = summarize(ray.data.from_items(data), server, tmp_path / "cache").take_all()

    assert Counter(row["id"] for row in out) == Counter(row["id"] for row in data)
    assert all(set(row) == set(COLUMNS) for row in out)
    got = {row["id"]: row for row in out}
    kinds = Counter()
    for i in range(n):
        row, fault = got[f"a{i}"], PLAN.fault_for(text(i, "a"))
        kind = None if fault is None or fault.attempts is not None else fault.kinds[0]
        kinds[kind or ("transient" if fault else "clean")] += 1
        if kind is None:  # clean or transient: summarized
            assert row["error_type"] is None, row["error_message"]
            summary = ArticleSummary.model_validate_json(row["summary"])
            assert row["claims"] == len(summary.claims) == 1
            assert row["sources"] == 1 and row["tokens"] > 0 and row["cached"] is False
        else:
            assert row["summary"] is None and row["claims"] == 0
            assert row["error_type"] == PERMANENT[kind] and row["error_message"]
    assert all(kinds[k] > 0 for k in ("clean", "transient", "refusal", "401")), kinds
    assert got["blank"]["error_type"] == "InputError"
    assert "empty" in got["blank"]["error_message"] and got["blank"]["url"] == "u"
    # Paid once: a transient fault costs its failed attempts and one answer, nothing is asked twice.
    assert requests_for(server, "a", n) == Counter(
        {f"a{i}": expected_requests(i, "a") for i in range(n)}
    )


def test_pandas_batches_share_the_node_cache(cluster, server, tmp_path):
    n = 12
    data = ray.data.from_items(rows(n, "p"))
    first = summarize(data, server, tmp_path / "cache", batch_format="pandas").take_all()
    paid = requests_for(server, "p", n)
    again = summarize(data, server, tmp_path / "cache", batch_format="pandas").take_all()

    assert sorted(row["id"] for row in first) == sorted(row["id"] for row in again)
    assert len(again) == n
    ok = [row for row in again if row["error_type"] is None]
    assert ok and all(row["cached"] for row in ok)
    assert {row["id"] for row in ok} == {r["id"] for r in first if r["error_type"] is None}
    failed = {row["id"] for row in again if row["error_type"] is not None}
    assert failed  # failures are not cached: only they were asked for again, once each
    assert requests_for(server, "p", n) - paid == Counter(dict.fromkeys(failed, 1))


def test_resume_by_skipping_summarized_ids(cluster, server, tmp_path):
    """The README's recipe for any Ray version: run only the ids without a summary row."""
    n = 24
    out = tmp_path / "summaries"
    articles = ray.data.from_items(rows(n, "r"))
    summarize(articles.limit(10), server, tmp_path / "cache").write_parquet(str(out))  # "crash"
    first = ray.data.read_parquet(str(out)).take_all()
    before = requests_for(server, "r", n)

    done = ray.data.read_parquet(str(out)).filter(expr=col("error_type").is_null())
    done_ids = [row["id"] for row in done.select_columns(["id"]).iter_rows()]
    todo = articles.filter(expr=col("id").not_in(done_ids))
    summarize(todo, server, tmp_path / "cache").write_parquet(str(out))

    final = ray.data.read_parquet(str(out)).take_all()
    summarized = Counter(row["id"] for row in final if row["error_type"] is None)
    assert set(summarized.values()) == {1}  # no id summarized twice
    failed_first = {row["id"] for row in first if row["error_type"] is not None}
    assert failed_first  # the seed gives the first ten a permanent failure to retry
    asked = requests_for(server, "r", n) - before
    assert set(asked) == {row["id"] for row in rows(n, "r")} - set(done_ids)
    assert {row["id"] for row in final} == {f"r{i}" for i in range(n)}


def test_resume_with_ray_checkpointing(cluster, server, tmp_path):
    """The README's recipe with Ray's own checkpointing by id: a re-run over a grown input asks
    only for the new ids."""
    from ray.data.checkpoint import CheckpointConfig

    n = 16
    source = tmp_path / "articles"
    source.mkdir()
    pd.DataFrame(rows(n, "c")[:10]).to_parquet(source / "part-1.parquet")
    out, cache = tmp_path / "summaries", tmp_path / "cache"
    context = ray.data.DataContext.get_current()
    context.checkpoint_config = CheckpointConfig(  # kept after success, so that a finished run
        id_column="id",  # stands in for an interrupted one
        checkpoint_path=str(tmp_path / "checkpoints"),
        delete_checkpoint_on_success=False,
    )
    try:
        summarize(ray.data.read_parquet(str(source)), server, cache).write_parquet(str(out))
        first = requests_for(server, "c", n)
        pd.DataFrame(rows(n, "c")[10:]).to_parquet(source / "part-2.parquet")
        summarize(ray.data.read_parquet(str(source)), server, cache).write_parquet(str(out))
    finally:
        context.checkpoint_config = None
    asked = requests_for(server, "c", n) - first
    assert set(+first) == {f"c{i}" for i in range(10)}
    assert set(asked) == {f"c{i}" for i in range(10, n)}  # error rows were done too
    final = ray.data.read_parquet(str(out)).take_all()
    assert Counter(row["id"] for row in final) == Counter(f"c{i}" for i in range(n))


# -- the class alone -----------------------------------------------------------------------------


def test_numpy_and_pandas_batches_keep_their_format(serve, tmp_path):
    server = serve()
    summarize_batch = SummarizeBatch(
        model="m", base_url=server.base_url, cache_dir=tmp_path / "cache", concurrency=2
    )
    published = np.array(["2024-01-05", "NaT", "2024-01-06"], dtype="datetime64[D]")
    batch = {
        "id": np.array([1, 2, 3]),  # numbers become string ids
        "text": np.array([text(i, "n") for i in range(3)], dtype=object),
        "published": published,
    }
    out = summarize_batch(batch)
    assert isinstance(out, dict) and list(out) == list(COLUMNS)
    assert sorted(out["id"]) == ["1", "2", "3"]
    assert out["claims"].dtype == np.int64 and out["cached"].dtype == bool
    dates = {
        i: ArticleSummary.model_validate_json(s).metadata.published
        for i, s in zip(out["id"], out["summary"], strict=True)
    }
    assert dates == {"1": date(2024, 1, 5), "2": None, "3": date(2024, 1, 6)}

    frame = pd.DataFrame(
        {
            "id": ["x", "y", "z"],
            "text": [text(0, "n"), None, float("nan")],
            "published": [pd.Timestamp("2024-01-05"), pd.NaT, None],
        }
    )
    result = summarize_batch(frame)
    assert isinstance(result, pd.DataFrame) and list(result.columns) == list(COLUMNS)
    by_id = result.set_index("id")
    assert bool(by_id.loc["x", "cached"])  # the same article as id 1 above
    assert (
        by_id.loc["y", "error_message"]
        == by_id.loc["z", "error_message"]
        == ("the row has no text")
    )
    assert by_id.loc["y", "error_type"] == "InputError"
    summarize_batch.close()


def test_bad_configuration_and_missing_columns_fail_at_once(serve, tmp_path):
    with pytest.raises(ConfigurationError, match="model"):
        SummarizeBatch(cache_dir=tmp_path / "cache")
    with pytest.raises(ConfigurationError, match="concurrency"):
        SummarizeBatch(model="m", base_url=serve().base_url, concurrency=0)
    summarize_batch = SummarizeBatch(model="m", base_url=serve().base_url, cache=False)
    with pytest.raises(ConfigurationError, match="'text' column"):
        summarize_batch({"id": np.array(["a"]), "body": np.array(["x"])})
    with pytest.raises(ConfigurationError, match="batch_format"):
        summarize_batch(pa.table({"id": ["a"], "text": ["x"]}))
    summarize_batch.close()


def test_error_rows_never_carry_the_api_key(serve, tmp_path):
    server = serve(lambda request: error_reply(401, f"Incorrect API key provided: {SECRET}"))
    summarize_batch = SummarizeBatch(
        model="m", base_url=server.base_url, api_key=SECRET, cache_dir=tmp_path / "cache"
    )
    out = summarize_batch({"id": np.array(["a"]), "text": np.array([text(0, "k")])})
    summarize_batch.close()
    assert out["error_type"].tolist() == ["ProviderError"]
    assert "Incorrect API key" in out["error_message"][0]
    assert SECRET not in out["error_message"][0] and SECRET[8:] not in out["error_message"][0]


def test_importing_llmclaims_never_imports_ray_or_this_module():
    code = "import sys, llmclaims; print(sorted({'ray', 'llmclaims.ray_data'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
