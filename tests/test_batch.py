"""`summarize_many` against the fault server: nothing lost, nothing paid twice, failures
isolated."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from contextlib import aclosing

import pytest

import llmclaims
from llmclaims.batch import Article, summarize_many
from llmclaims.testing import TRANSIENT, Fault, FaultPlan, Reply, ServedRequest, article_key

from .conftest import ok


def articles(n: int, prefix: str = "a") -> list[Article]:
    return [
        Article(
            id=f"{prefix}{i}",
            text=f"Article {i}: the council said on Monday that road {i} "
            f"will reopen in May. Critics disagree.",
            url=f"https://news.example/{i}",
        )
        for i in range(n)
    ]


def options(server, tmp_path, **kw):
    # Short waits: the plan's 429/503 carry Retry-After: 0; drops, hangs and 5xx use backoff.
    return {
        "model": "m",
        "base_url": server.base_url,
        "cache_dir": tmp_path / "cache",
        "timeout": 1.5,  # whole request; hangs last hang_seconds=3
        "retry_max_wait": 0.05,
        **kw,
    }


async def collect(batch, **kw):
    async with aclosing(summarize_many(batch, **kw)) as results:
        return [r async for r in results]


async def test_200_articles_with_transient_faults_all_succeed_exactly_once(serve, tmp_path):
    # 40% of articles fail their first 2 attempts with a transient fault (429, 5xx, hang, drop,
    # garbled body); 5% first send a schema-invalid answer (re-asked). Keyed by article text,
    # so the outcome is the same on every run: no flakiness, and k=2 <= retries=4.
    plan = FaultPlan(
        [
            Fault((*TRANSIENT, "malformed"), share=0.40, attempts=2),
            Fault("invalid", share=0.05, attempts=1),
        ],
        seed=11,
    )
    server = serve(plan, hang_seconds=3)
    batch = articles(200)

    results = await collect(batch, concurrency=16, **options(server, tmp_path, retries=4))

    assert Counter(r.id for r in results) == Counter(a.id for a in batch)  # each exactly once
    failed = [(r.id, r.error) for r in results if not r.ok]
    assert failed == []
    faulted = [a for a in batch if plan.fault_for(a.text) is not None]
    assert len(faulted) >= 0.30 * len(batch)
    kinds = {plan.kind_for(a.text, n) for a in faulted for n in (1, 2)} - {None}
    assert kinds >= {"429", "500", "502", "503", "hang", "drop", "malformed", "invalid"}
    # Nobody paid more than the faults forced: 1 request, +k per injected fault.
    for article in batch:
        fault = plan.fault_for(article.text)
        expected = 1 + (fault.attempts if fault else 0)
        assert plan.attempts[article_key(article.text)] == expected, article.id
    by_id = {r.id: r for r in results}
    assert by_id["a0"].url == "https://news.example/0"
    retried = [r for r in results if r.summary.metadata.transport_retries]
    assert len(retried) == sum(
        1 for a in batch if (f := plan.fault_for(a.text)) and f.kind != "invalid"
    )


async def test_permanent_faults_become_error_results_not_crashes(serve, tmp_path):
    plan = FaultPlan(
        [
            Fault("refusal", 0.15, None),
            Fault("length", 0.15, None),
            Fault("401", 0.15, None),
            Fault("invalid", 0.15, None),
            Fault("filter", 0.1, None),
        ],
        seed=3,
    )
    server = serve(plan)
    batch = articles(60)

    results = await collect(batch, concurrency=8, **options(server, tmp_path, reasks=1))

    assert sorted(r.id for r in results) == sorted(a.id for a in batch)
    expected = {
        "refusal": llmclaims.RefusalError,
        "length": llmclaims.TruncatedOutputError,
        "401": llmclaims.ProviderError,
        "invalid": llmclaims.InvalidOutputError,
        "filter": llmclaims.ContentFilteredError,
    }
    by_id = {r.id: r for r in results}
    seen = set()
    for article in batch:
        fault, result = plan.fault_for(article.text), by_id[article.id]
        if fault is None:
            assert result.ok and result.error is None
            continue
        seen.add(fault.kind)
        assert result.summary is None
        assert type(result.error) is expected[fault.kind], (article.id, result.error)
        if fault.kind == "401":
            assert result.error.status == 401
    assert seen == set(expected)
    assert any(r.ok for r in results)


async def test_concurrency_is_bounded_and_input_is_pulled_lazily(serve, tmp_path):
    lock, state = threading.Lock(), {"now": 0, "peak": 0}

    def slow(request: ServedRequest) -> Reply:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        try:
            threading.Event().wait(0.05)
            return ok(request)
        finally:
            with lock:
                state["now"] -= 1

    server = serve(slow)
    pulled = []

    def source():
        for article in articles(30):
            pulled.append(article.id)
            yield article

    first_seen_after = None
    count = 0
    async with aclosing(
        summarize_many(source(), concurrency=4, **options(server, tmp_path))
    ) as results:
        async for _ in results:
            count += 1
            if first_seen_after is None:
                first_seen_after = len(pulled)
    assert count == 30
    assert state["peak"] <= 4
    assert first_seen_after <= 5  # streamed: 4 in flight (+1 refill), not all 30 read first


async def test_identical_articles_in_flight_pay_once(serve, tmp_path):
    server = serve(ok, latency=0.2)
    text = "Wire story: the central bank said on Tuesday it will hold rates. Analysts agree."
    batch = [Article(id=f"outlet-{i}", text=text) for i in range(5)]

    results = await collect(batch, concurrency=5, **options(server, tmp_path))

    assert server.count == 1
    assert sorted(r.cached for r in results) == [False, True, True, True, True]
    assert all(r.ok for r in results)


async def test_closing_early_cancels_requests_in_flight(serve, tmp_path):
    server = serve(ok, latency=0.3)
    async with aclosing(
        summarize_many(articles(20), concurrency=4, **options(server, tmp_path))
    ) as results:
        async for _ in results:
            break
    assert asyncio.all_tasks() == {asyncio.current_task()}
    assert server.count <= 6  # the first wave (and a refill), not all 20


async def test_bad_inputs_become_error_results(serve, tmp_path):
    server = serve(ok)
    batch = [
        Article("empty", ""),
        Article("blank", "  \n\t "),
        Article("binary", b"\x89PNG\r\n\x1a\n\x00\x00"),
        Article("latin1", "Caff\xe8 al bar, disse il sindaco.".encode("latin-1")),
        Article("huge", "Parola. " * 700_000),  # 5.6 MB
        Article("bad-date", "The mayor said so on Monday.", published="last week"),
        Article("good", "The mayor said on Monday that the bridge will reopen."),
    ]
    results = {r.id: r for r in await collect(batch, **options(server, tmp_path))}

    assert set(results) == {a.id for a in batch}
    messages = {i: str(r.error) for i, r in results.items() if r.error}
    assert "empty" in messages["empty"] and "empty" in messages["blank"]
    assert "binary" in messages["binary"]
    assert "not valid UTF-8" in messages["latin1"]
    assert "too long" in messages["huge"] and "5,600,000 characters" in messages["huge"]
    assert "YYYY-MM-DD" in messages["bad-date"]
    assert all(isinstance(r.error, llmclaims.InputError) for r in results.values() if r.error)
    assert results["good"].ok
    assert server.count == 1  # bad input never costs a request


async def test_too_long_follows_max_chars(serve, tmp_path):
    server = serve(ok)
    batch = [Article("long", "The mayor said so. " * 20), Article("short", "The mayor said so.")]
    results = {r.id: r for r in await collect(batch, **options(server, tmp_path, max_chars=100))}
    assert isinstance(results["long"].error, llmclaims.InputError)
    assert "too long" in str(results["long"].error)
    assert results["short"].ok


async def test_configuration_errors_raise_before_any_article_is_read():
    pulled = []

    def source():
        pulled.append(1)
        yield Article("x", "text")

    with pytest.raises(llmclaims.ConfigurationError, match="no model"):
        await collect(source())
    with pytest.raises(llmclaims.ConfigurationError, match="concurrency"):
        await collect(source(), concurrency=0, model="m")
    assert pulled == []


async def test_async_sources_and_a_shared_summarizer(serve, tmp_path):
    server = serve(ok)
    summarizer = llmclaims.Summarizer(**options(server, tmp_path))

    async def source():
        for article in articles(5):
            yield article

    first = await collect(source(), summarizer=summarizer)
    again = await collect(articles(5), summarizer=summarizer)
    assert all(r.ok for r in first) and all(r.cached for r in again)
    assert server.count == 5
    summarizer.close()
