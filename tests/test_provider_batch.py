"""`--provider-batch`: the OpenAI Batch API flow against the emulated Files and Batches API."""

from __future__ import annotations

import json

import pytest

import llmclaims
from llmclaims.batch import Article
from llmclaims.provider_batch import ProviderBatch
from llmclaims.testing import FakeOpenAI, answer_reply, completion, stub_answer, stub_handler
from llmclaims.testing.batch_api import BatchAPI

ARTICLES = [
    Article(
        id=f"a{n}",
        text=f"The mayor of town {n} said on Monday that the bridge reopens.",
        published="2024-03-04",
    )
    for n in range(6)
]


class Stop(Exception):
    pass


def make(server: FakeOpenAI, tmp_path, **kw) -> llmclaims.Summarizer:
    return llmclaims.Summarizer(
        model="m", base_url=server.base_url, cache_dir=tmp_path / "c", retries=2, timeout=5, **kw
    )


async def collect(runner: ProviderBatch, articles=ARTICLES) -> dict[str, object]:
    return {r.id: r async for r in runner.run(articles)}


async def test_batch_answers_every_article_and_fills_the_cache(serve, tmp_path):
    api = BatchAPI()
    server = serve(api)
    state = tmp_path / "out.jsonl.provider-batch.json"
    results = await collect(ProviderBatch(make(server, tmp_path), state, poll_interval=0))
    assert sorted(results) == [a.id for a in ARTICLES]
    assert all(r.ok and not r.cached for r in results.values())
    claim = results["a3"].summary.claims[0]
    assert claim.evidence[0].span.start == 0 and not claim.flags
    assert len(api.batches) == 1 and api.line_requests == len(ARTICLES)
    assert not state.exists()

    again = await collect(ProviderBatch(make(server, tmp_path), state, poll_interval=0))
    assert all(r.cached for r in again.values())
    assert len(api.batches) == 1 and api.line_requests == len(ARTICLES)  # paid once


async def test_uploaded_requests_are_exactly_the_live_requests(serve, tmp_path):
    api = BatchAPI()
    server = serve(api)
    await collect(
        ProviderBatch(make(server, tmp_path), tmp_path / "s.json", poll_interval=0), ARTICLES[:1]
    )
    uploaded = json.loads(next(iter(api.files.values()))[1].splitlines()[0])
    assert uploaded["url"] == "/v1/chat/completions" and uploaded["method"] == "POST"
    live = serve(stub_handler)
    make(live, tmp_path / "live").summarize(ARTICLES[0].text, published="2024-03-04")
    assert uploaded["body"] == live.requests[0].json()


async def test_interrupted_run_resumes_the_same_batch_without_paying_again(serve, tmp_path):
    api = BatchAPI(polls_to_finish=3)
    server = serve(api)
    state = tmp_path / "state.json"

    def stop_when_polling(message: str) -> None:
        if "in_progress" in message:
            raise Stop

    with pytest.raises(Stop):
        await collect(
            ProviderBatch(
                make(server, tmp_path), state, poll_interval=0, on_status=stop_when_polling
            )
        )
    assert state.exists() and len(api.batches) == 1
    uploads = len(api.files)
    results = await collect(ProviderBatch(make(server, tmp_path), state, poll_interval=0))
    assert len(results) == len(ARTICLES) and all(r.ok for r in results.values())
    assert len(api.batches) == 1 and len(api.files) == uploads + 1  # + the output file only
    assert not state.exists()


async def test_failures_inside_a_batch_become_per_article_errors(serve, tmp_path):
    def chat(request):
        article = request.article
        if "town 1 " in article:
            return llmclaims.testing.error_reply(429, "Rate limit reached")
        if "town 2 " in article:
            return llmclaims.testing.Reply(body=completion(None, refusal="I can't help."))
        if "town 3 " in article:
            return answer_reply(request, "{not json")
        return answer_reply(request, stub_answer(article))

    api = BatchAPI(chat, fail_polls=2)  # the API itself stutters twice while polling
    server = serve(api)
    bad = Article(id="empty", text="   ")
    results = await collect(
        ProviderBatch(make(server, tmp_path), tmp_path / "s.json", poll_interval=0),
        [*ARTICLES, bad],
    )
    assert isinstance(results["a1"].error, llmclaims.ProviderError)
    assert results["a1"].error.status == 429
    assert isinstance(results["a2"].error, llmclaims.RefusalError)
    assert isinstance(results["a3"].error, llmclaims.InvalidOutputError)
    assert isinstance(results["empty"].error, llmclaims.InputError)
    assert {k for k, r in results.items() if r.ok} == {"a0", "a4", "a5"}
    assert api.line_requests == len(ARTICLES)  # the empty article was never uploaded

    retry = await collect(
        ProviderBatch(make(server, tmp_path), tmp_path / "s.json", poll_interval=0)
    )
    assert {k for k, r in retry.items() if r.cached} == {"a0", "a4", "a5"}
    assert api.line_requests == len(ARTICLES) + 3  # only the failures were resubmitted


async def test_expired_batch_names_what_to_do(serve, tmp_path):
    api = BatchAPI(expire_after=4)
    server = serve(api)
    results = await collect(
        ProviderBatch(make(server, tmp_path), tmp_path / "s.json", poll_interval=0)
    )
    expired = [r for r in results.values() if not r.ok]
    assert len(expired) == 2
    assert all("resubmit" in str(r.error) for r in expired)


def test_cli_provider_batch_writes_the_same_out_format_and_resumes(serve, tmp_path):
    from .test_batch_cli import command, lines, records, run, write_jsonl

    api = BatchAPI()
    server = serve(api)
    feed = write_jsonl(tmp_path / "feed.jsonl", [*records(range(4)), {"id": "blank", "text": ""}])
    out = tmp_path / "out.jsonl"
    args = command(
        server,
        out,
        feed,
        cache=tmp_path / "cache",
        extra=("--provider-batch", "--poll-interval", "0"),
    )
    first = run(args, tmp_path)
    assert first.returncode == 1, first.stderr  # the blank article is an error line
    assert "submitted batch batch_0001" in first.stderr
    got = {line["id"]: line for line in lines(out)}
    assert sorted(got) == ["blank", "s0", "s1", "s2", "s3"]
    assert got["blank"]["error"]["type"] == "InputError"
    assert all(got[f"s{i}"]["summary"]["claims"] for i in range(4))
    assert not (tmp_path / "out.jsonl.provider-batch.json").exists()

    again = run(args, tmp_path)
    assert len(api.batches) == 1 and api.line_requests == 4  # nothing paid twice
    assert len(lines(out)) == 5, again.stderr
