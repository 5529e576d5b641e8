"""Transport retries and validation re-asks, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import socket

import httpx2 as httpx
import openai
import pytest
from tenacity import RetryCallState

import llmclaims
from llmclaims.testing import DROP, HANG, Reply, completion, error_reply
from llmclaims.transport import WaitRetryAfter, retry_after_seconds

from .conftest import SECRET, ok, script

TEXT = "The minister said on Monday that the bridge will reopen in May. Critics disagree."


def make(server, **kw):
    options = {"model": "m", "base_url": server.base_url, "cache": False, "timeout": 5.0}
    return llmclaims.Summarizer(**{**options, **kw})


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_transient_status_is_retried_once_then_succeeds(serve, status):
    server = serve(script(error_reply(status, retry_after="0")))
    summary = make(server).summarize(TEXT)
    assert server.count == 2
    assert summary.metadata.requests == 2
    assert summary.metadata.transport_retries == 1
    assert summary.metadata.reasks == 0


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_permanent_status_is_not_retried(serve, status):
    server = serve(script(*[error_reply(status, f"bad key {SECRET}")] * 5))
    with pytest.raises(llmclaims.ProviderError) as info:
        make(server, api_key=SECRET).summarize(TEXT)
    assert server.count == 1
    assert info.value.status == status
    assert SECRET not in str(info.value)
    assert SECRET[:20] not in str(info.value)


def test_retries_are_bounded_and_sdk_retries_are_off(serve):
    server = serve(lambda r: error_reply(503, retry_after="0"))
    with pytest.raises(llmclaims.ProviderError) as info:
        make(server, retries=2).summarize(TEXT)
    # 1 attempt + 2 retries; the openai SDK's own retries would multiply this.
    assert server.count == 3
    assert info.value.status == 503
    assert info.value.attempts == 3


def test_retry_after_header_is_honoured(serve):
    server = serve(script(error_reply(429, retry_after="0.3")))
    make(server).summarize(TEXT)
    gap = server.requests[1].arrived - server.requests[0].arrived
    assert gap >= 0.3


def test_retry_after_ms_wins_over_retry_after():
    request = httpx.Request("POST", "http://x/v1/chat/completions")
    response = httpx.Response(
        429, headers={"retry-after": "7", "retry-after-ms": "250"}, request=request
    )
    exc = openai.RateLimitError("limited", response=response, body=None)
    assert retry_after_seconds(exc) == 0.25
    response = httpx.Response(429, headers={"retry-after": "7"}, request=request)
    assert retry_after_seconds(openai.RateLimitError("x", response=response, body=None)) == 7


def test_wait_is_capped_and_falls_back_to_jittered_backoff():
    request = httpx.Request("POST", "http://x/v1/chat/completions")
    huge = httpx.Response(429, headers={"retry-after": "3600"}, request=request)
    wait = WaitRetryAfter(cap=10.0)

    def state_with(exc: BaseException, attempt: int) -> RetryCallState:
        state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
        state.attempt_number = attempt
        state.set_exception((type(exc), exc, None))
        return state

    assert wait(state_with(openai.RateLimitError("x", response=huge, body=None), 1)) == 10.0
    waits = [wait(state_with(openai.APIConnectionError(request=request), n)) for n in (1, 2, 8)]
    assert all(0 <= w <= 10.0 for w in waits)
    assert len({round(w, 6) for w in waits}) > 1  # jittered, not a fixed sleep


def test_hanging_request_times_out_and_is_retried(serve):
    server = serve(script(HANG), hang_seconds=5)
    summary = make(server, timeout=0.5).summarize(TEXT)
    assert server.count == 2
    assert summary.metadata.transport_retries == 1


def test_dropped_connection_is_retried(serve):
    server = serve(script(DROP))
    summary = make(server).summarize(TEXT)
    assert server.count == 2
    assert summary.metadata.transport_retries == 1


def test_unreachable_server_gives_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens
    summarizer = llmclaims.Summarizer(
        model="m", base_url=f"http://127.0.0.1:{port}/v1", cache=False, retries=1, timeout=2
    )
    with pytest.raises(llmclaims.ProviderError) as info:
        summarizer.summarize(TEXT)
    assert info.value.status is None
    assert "cannot reach" in str(info.value)
    assert info.value.attempts == 2


def test_invalid_output_is_reasked_with_the_error_and_usage_is_summed(serve):
    server = serve(script(Reply(body=completion('{"language": "en"}'))))
    summary = make(server).summarize(TEXT)
    assert server.count == 2
    assert summary.metadata.reasks == 1
    assert summary.metadata.transport_retries == 0
    # 100 + 50 tokens for the scripted answer, the stub's for the re-ask (its real prompt size)
    assert summary.metadata.usage.total_tokens == 150 + server.requests[1].prompt_tokens + 50
    reask = server.requests[1].json()["messages"]
    assert any("sources" in m["content"] and m["role"] == "user" for m in reask[2:])


def test_reasks_are_bounded(serve):
    server = serve(lambda r: Reply(body=completion("this is not JSON")))
    with pytest.raises(llmclaims.InvalidOutputError) as info:
        make(server, reasks=1).summarize(TEXT)
    assert server.count == 2  # the first answer + exactly one re-ask
    assert "2 attempt(s)" in str(info.value)


def test_dangling_ids_are_removed_with_a_flag_not_paid_for_again(serve):
    def bad(request):
        answer = json.loads(json.dumps(llmclaims.testing.stub_answer(request.article)))
        answer["claims"][0]["source_ids"] = ["S9"]
        return Reply(body=completion(json.dumps(answer)))

    server = serve(script(bad))
    summary = make(server).summarize(TEXT)
    assert server.count == 1
    assert summary.claims[0].source_ids == []
    assert "link_removed:source_ids:S9" in summary.claims[0].flags


def test_duplicate_ids_are_reasked(serve):
    def bad(request):
        answer = json.loads(json.dumps(llmclaims.testing.stub_answer(request.article)))
        answer["sources"].append(dict(answer["sources"][0]))
        return Reply(body=completion(json.dumps(answer)))

    server = serve(script(bad))
    make(server).summarize(TEXT)
    assert server.count == 2
    assert "not unique" in json.dumps(server.requests[1].json()["messages"][2:])


def test_invented_evidence_is_reasked_with_the_failing_quote(serve):
    def invented(request):
        answer = llmclaims.testing.stub_answer(request.article)
        answer["claims"][0]["evidence"] = ["The bridge was sold to a private company."]
        return Reply(body=completion(json.dumps(answer)))

    server = serve(script(invented))
    summary = make(server).summarize(TEXT)
    assert server.count == 2
    followup = json.dumps(server.requests[1].json()["messages"][2:], ensure_ascii=False)
    assert "The bridge was sold to a private company." in followup
    assert all(e.span is not None for c in summary.claims for e in c.evidence)


def test_evidence_still_missing_after_reasks_is_flagged_not_lost(serve):
    def invented(request):
        answer = llmclaims.testing.stub_answer(request.article)
        answer["claims"][0]["evidence"] = ["Nothing like this is in the article at all."]
        return Reply(body=completion(json.dumps(answer)))

    server = serve(invented)
    summary = make(server, reasks=1).summarize(TEXT)
    assert server.count == 2
    assert summary.claims[0].flags == ["ungrounded"]
    assert summary.claims[0].evidence[0].span is None

    strict = make(server, reasks=0, grounding="strict").summarize(TEXT)
    assert strict.claims == []
    assert [(d.kind, d.id) for d in strict.dropped] == [("claim", "C1")]


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (Reply(body=completion(None, refusal="I can't help with that.")), llmclaims.RefusalError),
        (Reply(body=completion('{"lang', finish_reason="length")), llmclaims.TruncatedOutputError),
        (
            Reply(body=completion(None, finish_reason="content_filter")),
            llmclaims.ContentFilteredError,
        ),
    ],
)
def test_unusable_answers_raise_typed_errors_without_retrying(serve, reply, error):
    server = serve(lambda r: reply)
    with pytest.raises(error):
        make(server).summarize(TEXT)
    assert server.count == 1


async def test_async_twin_retries_the_same_way(serve):
    server = serve(script(error_reply(500), DROP))
    summary = await make(server).asummarize(TEXT)
    assert server.count == 3
    assert summary.metadata.transport_retries == 2
    assert summary.claims[0].evidence[0].span.start == 0


def test_one_call_per_article_when_all_goes_well(serve):
    server = serve(ok)
    summary = llmclaims.summarize(TEXT, model="m", base_url=server.base_url, cache=False)
    assert server.count == 1
    assert summary.metadata.requests == 1
    body = server.requests[0].json()
    assert body["model"] == "m"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert "max_retries" not in body


def test_retry_logs_never_show_the_key(serve, caplog):
    server = serve(script(error_reply(429, f"slow down, key {SECRET}", retry_after="0")))
    with caplog.at_level("DEBUG"):
        make(server, api_key=SECRET).summarize(TEXT)
    assert "retrying" in caplog.text
    assert SECRET not in caplog.text and SECRET[:16] not in caplog.text


def test_library_failures_print_nothing_unless_logging_is_configured(tmp_path):
    import subprocess
    import sys

    code = (
        "import llmclaims\n"
        "from llmclaims.testing import FakeOpenAI, Reply, completion\n"
        "with FakeOpenAI(lambda r: Reply(body=completion('not json'))) as s:\n"
        "    try:\n"
        "        llmclaims.summarize('A sentence, he said.', model='m', base_url=s.base_url,\n"
        "                            cache=False, reasks=1)\n"
        "    except llmclaims.InvalidOutputError:\n"
        "        print('typed error')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.stdout.strip() == "typed error"
    assert result.stderr == ""
