"""The per-article request path after its fixed costs were hoisted out (see llmclaims/request.py):
the same request, the same checks, and the seam for providers' offline batch APIs."""

from __future__ import annotations

import asyncio
import json

import pytest

import llmclaims
from llmclaims.testing import Fault, FaultPlan, answer_reply, completion, stub_answer
from llmclaims.wire import WireArticle

from .conftest import ok, script

TEXT = "The minister said on Monday that the bridge will reopen in May. Critics disagree."


def make(server, **kw):
    options = {"model": "m", "base_url": server.base_url, "cache": False, "timeout": 5.0}
    return llmclaims.Summarizer(**{**options, **kw})


def test_missing_evidence_is_still_reasked_with_the_quotes(serve):
    def invented(request):
        answer = stub_answer(request.article)
        answer["claims"][0]["evidence"] = ["the bridge was never closed"]
        return answer_reply(request, answer)

    server = serve(script(invented))
    summary = make(server).summarize(TEXT)
    assert server.count == 2
    assert summary.metadata.reasks == 1
    assert "the bridge was never closed" in json.dumps(server.requests[1].json()["messages"][2:])
    assert summary.claims[0].evidence[0].span is not None


def test_article_reaches_the_model_exactly_as_given(serve):
    server = serve(ok)
    text = "    Indented first line, said the mayor.\n   \n    {{ 7 * 7 }} and {% raw %}.\n"
    make(server).summarize(text)
    user = server.requests[0].json()["messages"][1]["content"]
    assert f"<article>\n{text}\n</article>" in user


@pytest.mark.parametrize("mode", ["json_schema", "tools"])
def test_the_schema_sent_is_the_wire_schema_every_time(serve, mode):
    server = serve(ok)
    summarizer = make(server, mode=mode)
    summarizer.summarize(TEXT)
    summarizer.summarize(TEXT + " Again.")
    bodies = [r.json() for r in server.requests]
    if mode == "json_schema":
        sent = [b["response_format"]["json_schema"] for b in bodies]
        assert all(s["name"] == "WireArticle" and s["strict"] is True for s in sent)
        schemas = [s["schema"] for s in sent]
    else:
        schemas = [b["tools"][0]["function"]["parameters"] for b in bodies]
        assert bodies[0]["tools"][0]["function"]["name"] == "WireArticle"
    assert schemas[0] == schemas[1]
    expected = WireArticle.model_json_schema()
    assert schemas[0]["properties"] == expected["properties"]
    assert schemas[0]["$defs"] == expected["$defs"]


def test_each_event_loop_gets_its_own_connections(serve):
    # Reusing an async client's pooled connection from an earlier asyncio.run used to fail the
    # first request of every later run (a wasted, retried attempt).
    server = serve(ok)
    summarizer = make(server)
    first = asyncio.run(summarizer.asummarize(TEXT))
    second = asyncio.run(summarizer.asummarize(TEXT + " Later."))
    assert server.count == 2
    assert first.metadata.transport_retries == second.metadata.transport_retries == 0


def test_a_garbled_body_is_a_transport_retry_not_a_reask(serve):
    server = serve(FaultPlan([Fault("malformed", 1.0, attempts=1)]))
    summary = make(server, retry_max_wait=0.01).summarize(TEXT)
    assert server.count == 2
    assert summary.metadata.transport_retries == 1
    assert summary.metadata.reasks == 0


def test_a_body_that_stays_garbled_is_a_provider_error(serve):
    server = serve(FaultPlan([Fault("malformed", 1.0, attempts=None)]))
    with pytest.raises(llmclaims.ProviderError, match="not a chat completion after 3 attempt"):
        make(server, retries=2, retry_max_wait=0.01).summarize(TEXT)
    assert server.count == 3


# -- the seam for offline batch APIs (OpenAI Batch): build the body, parse the answer ---------


@pytest.mark.parametrize("mode", ["json_schema", "tools", "md_json"])
def test_request_body_is_exactly_what_a_live_request_sends(serve, mode):
    server = serve(ok)
    summarizer = make(server, mode=mode, temperature=0.0, max_tokens=4000)
    body = summarizer.request_body(TEXT, published="2024-05-06")
    summarizer.summarize(TEXT, published="2024-05-06")
    assert body == server.requests[0].json()
    assert server.count == 1  # building the body sent nothing


def test_from_completion_gives_the_live_result_and_fills_the_cache(serve, tmp_path):
    server = serve(ok)
    live = make(server).summarize(TEXT, published="2024-05-06")
    offline = llmclaims.Summarizer(model="m", base_url=server.base_url, cache_dir=tmp_path)
    answer = completion(json.dumps(stub_answer(TEXT)))

    summary = offline.from_completion(TEXT, answer, published="2024-05-06")

    assert summary.claims == live.claims and summary.sources == live.sources
    assert summary.metadata.usage.total_tokens == 150
    assert summary.metadata.requests == 1 and not summary.metadata.cached
    again = offline.summarize(TEXT, published="2024-05-06")
    assert again.metadata.cached and server.count == 1  # the batch answer is in the cache
    assert offline.cached(TEXT, published="2024-05-06").claims == summary.claims
    assert offline.cached(TEXT + " Other.", published="2024-05-06") is None
    assert server.count == 1


@pytest.mark.parametrize(
    ("body", "error", "needle"),
    [
        (completion(None, refusal="I can't help."), llmclaims.RefusalError, "refused"),
        (
            completion('{"language": "en", "sou', finish_reason="length"),
            llmclaims.TruncatedOutputError,
            "cut off",
        ),
        (completion('{"language": "en"}'), llmclaims.InvalidOutputError, "sources"),
        (completion("not JSON at all"), llmclaims.InvalidOutputError, "invalid"),
        (
            {"object": "error", "message": "x"},
            llmclaims.InvalidOutputError,
            "not a chat.completion",
        ),
    ],
)
def test_from_completion_refuses_unusable_answers(body, error, needle, tmp_path):
    summarizer = llmclaims.Summarizer(
        model="m", base_url="http://127.0.0.1:9/v1", cache_dir=tmp_path
    )
    with pytest.raises(error, match=needle):
        summarizer.from_completion(TEXT, body)


def test_from_completion_reads_tool_calls_in_tools_mode():
    summarizer = llmclaims.Summarizer(
        model="m", base_url="http://127.0.0.1:9/v1", cache=False, mode="tools"
    )
    body = completion(json.dumps(stub_answer(TEXT)), tool="WireArticle")
    assert summarizer.from_completion(TEXT, body).claims[0].text.startswith("The minister")


def test_request_body_checks_the_article_first():
    summarizer = llmclaims.Summarizer(model="m", base_url="http://127.0.0.1:9/v1", cache=False)
    with pytest.raises(llmclaims.InputError, match="empty"):
        summarizer.request_body("   ")
