"""Real recorded provider responses, replayed over real HTTP through the real client.

Every response served here was recorded from a live API by another project (see
`tests/data/peer_cassettes/README.md`) and is read back by `tests/peer_cassettes.py`: gzip,
base64 and `parsed_body` are decoded, hop-by-hop headers dropped, everything else (Retry-After,
x-request-id, Azure's filter fields, Ollama's sparse envelope...) sent as recorded. Each test
checks the outcome AND how many requests the server saw, because a wrong retry decision costs
money or time without changing the outcome.

Where a test needs a successful answer about our article, it keeps a real envelope and swaps
only `choices[0].message.content` for a valid answer ("envelope transplant"), so the parser
still meets every other byte the provider sent.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path

import httpx2 as httpx
import openai
import pytest
import yaml

from llmclaims import (
    ArticleSummary,
    ContentFilteredError,
    ProviderError,
    RefusalError,
    Summarizer,
    TruncatedOutputError,
    Usage,
)
from llmclaims.testing import FakeOpenAI, Reply, ServedRequest, completion, stub_answer
from llmclaims.transport import retry_after_seconds

from .peer_cassettes import (
    CASSETTES,
    SUFFIXES,
    Recorded,
    cassette,
    chat_completions,
    recorded_responses,
    replay_headers,
)

ARTICLE = (
    "The city council approved the new budget on Tuesday. "
    "The mayor said the vote would fund two new schools."
)
API_KEY = "sk-test-" + "Xq7Lm2Pz9R" * 4  # 40 characters after the prefix; never a real key

# Recordings, by what they show. Paths are relative to tests/data/peer_cassettes.
MIRASCOPE = "mirascope/python/tests/e2e"
OPENLLMETRY = "openllmetry/packages/opentelemetry-instrumentation-openai/tests/traces/cassettes"
PYDANTIC_AI = "pydantic-ai/tests/models/cassettes"
RUBY_LLM = "ruby_llm/spec/fixtures/vcr_cassettes"

REFUSAL_GZIP = f"{MIRASCOPE}/output/cassettes/test_refusal/openai_gpt_4o_completions/sync.yaml"
REFUSAL_PARSE = f"{OPENLLMETRY}/test_chat_parse/test_parsed_refused_completion.yaml"
MAX_TOKENS = f"{MIRASCOPE}/output/cassettes/test_max_tokens/openai_gpt_4o_completions/sync.yaml"
MAX_TOKENS_LITELLM = (
    "crewai/lib/crewai/tests/cassettes/llms/litellm/test_litellm_async_with_max_tokens.yaml"
)
MAX_TOKENS_HF = f"{PYDANTIC_AI}/test_huggingface/test_max_completion_tokens.yaml"
LENGTH_GPUSTACK = f"{RUBY_LLM}/chat_text_models_gpustack_qwen3_can_understand_remote_text.yml"
AZURE_FILTER = f"{OPENLLMETRY}/test_azure/test_chat_content_filtering.yaml"
RATE_LIMIT_OPENROUTER = f"{PYDANTIC_AI}/test_openrouter/test_openrouter_errors_raised.yaml"
RATE_LIMIT_AZURE = (
    f"{RUBY_LLM}/chat_real_error_scenarios_azure_grok-4-1-fast-non-reasoning_handles_context_"
    "length_exceeded_errors.yml"
)
SERVER_ERROR = "ruby-openai/spec/fixtures/cassettes/vector_store_file_batches_list.yml"
AUTH_ERROR = f"{MIRASCOPE}/input/cassettes/test_authentication_error/openai_gpt_4o_completions.yaml"
AUTH_ERROR_OLD_SCHEMA = "dd-trace-py/tests/contrib/openai/cassettes/v1/chat_completion_error.yaml"
MODEL_NOT_FOUND = f"{MIRASCOPE}/input/cassettes/test_model_not_found/openai_gpt_4o_completions.yaml"
UNSUPPORTED_PARAM = (
    f"{MIRASCOPE}/input/cassettes/test_call_with_params/openai_gpt_5_mini_completions.yaml"
)
PROMPT_TOO_LONG_OLLAMA = (
    f"{RUBY_LLM}/chat_real_error_scenarios_ollama_cloud_gpt-oss_120b_handles_context_length_"
    "exceeded_errors.yml"
)
TOOL_USE_FAILED_GROQ = f"{PYDANTIC_AI}/test_groq/test_tool_use_failed_error.yaml"
FLAT_ERROR_OLLAMA = (
    "openinference/python/instrumentation/openinference-instrumentation-ollama/tests/"
    "openinference/instrumentation/ollama/cassettes/test_instrumentor/"
    "test_chat_error_records_model_name.yaml"
)
OLLAMA_GEMMA = f"{MIRASCOPE}/input/cassettes/test_ollama_provider/ollama_gemma3_4b.yaml"
OLLAMA_QWEN_REASONING = (
    f"{PYDANTIC_AI}/test_ollama/test_ollama_local_native_output_uses_json_schema.yaml"
)
OLLAMA_QWEN_RUBY = f"{RUBY_LLM}/chat_function_calling_ollama_qwen3_can_use_tools.yml"
OPENAI_SERVICE_TIER = f"{OPENLLMETRY}/test_chat/test_chat_with_service_tier.yaml"
OPENAI_NATIVE_OUTPUT = f"{PYDANTIC_AI}/test_openai/test_openai_native_output.yaml"
OPENAI_HTTPRR = "langchaingo/llms/openai/testdata/TestStructuredOutputObjectSchema.httprr"
OLLAMA_NATIVE_HTTPRR = "langchaingo/llms/ollama/testdata/TestWithFormat.httprr"
GPUSTACK_TOOLS = f"{RUBY_LLM}/chat_function_calling_gpustack_qwen3_can_use_tools.yml"


# -- replay machinery ---------------------------------------------------------------------------


def recorded(relative: str, index: int = 0, *, chat_only: bool = True) -> Recorded:
    """One recorded response (by default among those to POST .../chat/completions)."""
    path = cassette(relative)
    responses = chat_completions(path) if chat_only else recorded_responses(path)
    return responses[index]


def to_reply(item: Recorded | Reply) -> Reply:
    if isinstance(item, Reply):
        return item
    # FakeOpenAI always sends its own `content-type: application/json` (every body served here
    # is JSON): the recorded one is dropped so the header is not sent twice.
    return Reply(item.status, item.body, replay_headers(item, drop={"content-type"}))


class Replay:
    """A FakeOpenAI handler serving recorded responses in order.

    With `repeat=True` the last response is served again for every further request; otherwise
    a request beyond the script gets a 418 (never retried), which the count assertions expose.
    """

    def __init__(self, items: Sequence[Recorded | Reply], *, repeat: bool = False) -> None:
        self.replies = [to_reply(item) for item in items]
        self.repeat = repeat
        self.arrivals: list[float] = []

    def __call__(self, request: ServedRequest) -> Reply:
        self.arrivals.append(time.monotonic())
        if request.index < len(self.replies):
            return self.replies[request.index]
        if self.repeat:
            return self.replies[-1]
        return Reply(418, {"error": {"message": "no more recorded responses", "type": "test"}})


def transplant(envelope: Recorded, content: str) -> Recorded:
    """The recorded envelope with only `choices[0].message.content` replaced.

    Done on the bytes, not by re-serialising, so every other byte the provider sent (key order,
    whitespace, unknown fields, escapes) reaches the client unchanged.
    """
    old = envelope.json()["choices"][0]["message"]["content"]
    assert isinstance(old, str) and old, "the envelope must carry a non-empty string content"
    spellings = {json.dumps(old).encode(), json.dumps(old, ensure_ascii=False).encode()}
    found = [s for s in spellings if envelope.body.count(s) == 1]
    assert found, "cannot locate the recorded content uniquely in the body"
    body = envelope.body.replace(found[0], json.dumps(content).encode(), 1)
    result = dataclasses.replace(envelope, body=body)
    restored = result.json()
    restored["choices"][0]["message"]["content"] = old
    assert restored == envelope.json(), "the transplant changed more than the content"
    return result


def valid_answer(relative: str, index: int = 0) -> Recorded:
    """A real envelope carrying a valid answer about ARTICLE."""
    return transplant(recorded(relative, index), json.dumps(stub_answer(ARTICLE)))


def run(server: FakeOpenAI, *, via: str = "sync", **options: object) -> ArticleSummary:
    """Summarize ARTICLE against the replay server, sync or async."""
    settings: dict[str, object] = {"retries": 2, "reasks": 2, "timeout": 5.0}
    settings.update(options)
    summarizer = Summarizer(
        model="recorded-model",
        base_url=server.base_url,
        api_key=API_KEY,
        cache=False,
        **settings,
    )
    if via == "async":
        return asyncio.run(summarizer.asummarize(ARTICLE))
    return summarizer.summarize(ARTICLE)


VIA = pytest.mark.parametrize("via", ["sync", "async"])


def expect_failure(
    error: type[Exception],
    items: Sequence[Recorded | Reply],
    *,
    via: str = "sync",
    repeat: bool = False,
    **options: object,
) -> tuple[Exception, FakeOpenAI]:
    with FakeOpenAI(Replay(items, repeat=repeat)) as server, pytest.raises(error) as caught:
        run(server, via=via, **options)
    return caught.value, server


# -- answers that carry no usable content: typed error, one request, no re-ask ----------------


@VIA
@pytest.mark.parametrize(
    ("relative", "index"),
    [
        pytest.param(REFUSAL_GZIP, 0, id="mirascope-gpt4o-gzip"),
        pytest.param(REFUSAL_PARSE, 0, id="openllmetry-2024-no-annotations"),
        pytest.param(REFUSAL_PARSE, 1, id="openllmetry-2026-gzip"),
    ],
)
def test_refusal_raises_refusal_error_after_one_request(relative: str, index: int, via: str):
    refusal = recorded(relative, index)
    assert refusal.json()["choices"][0]["message"]["refusal"]  # the recording is a refusal
    error, server = expect_failure(RefusalError, [refusal], via=via, repeat=True)
    assert server.count == 1
    assert "can't assist" in str(error)  # the model's own words reach the caller


@VIA
@pytest.mark.parametrize(
    "relative",
    [
        pytest.param(MAX_TOKENS, id="mirascope-gpt4o"),
        pytest.param(MAX_TOKENS_LITELLM, id="crewai-gpt4o-mini-placeholder-headers"),
        pytest.param(MAX_TOKENS_HF, id="huggingface-retry-after-on-200"),
        pytest.param(LENGTH_GPUSTACK, id="gpustack-reasoning-content"),
    ],
)
def test_finish_reason_length_raises_truncated_after_one_request(relative: str, via: str):
    truncated = recorded(relative)
    assert truncated.json()["choices"][0]["finish_reason"] == "length"
    started = time.monotonic()
    _, server = expect_failure(TruncatedOutputError, [truncated], via=via, repeat=True)
    assert server.count == 1
    # HF sends `retry-after: 30` on this 200: it must not make anyone wait.
    assert time.monotonic() - started < 5


@VIA
def test_azure_content_filter_without_message_raises_content_filtered(via: str):
    filtered = recorded(AZURE_FILTER, 0)
    choice = filtered.json()["choices"][0]
    assert "message" not in choice and choice["finish_reason"] == "content_filter"
    error, server = expect_failure(ContentFilteredError, [filtered], via=via, repeat=True)
    assert server.count == 1
    assert "content_filter" in str(error)


# -- transient errors: retried, Retry-After honoured --------------------------------------------

TRANSIENT = [
    pytest.param(RATE_LIMIT_OPENROUTER, True, id="openrouter-429-int-code"),
    pytest.param(RATE_LIMIT_AZURE, True, id="azure-429-retry-after-ms"),
    pytest.param(SERVER_ERROR, False, id="openai-500-server-error"),
]


@VIA
@pytest.mark.parametrize(("relative", "chat_only"), TRANSIENT)
def test_transient_error_then_answer_succeeds_with_one_retry(
    relative: str, chat_only: bool, via: str
):
    error = recorded(relative, chat_only=chat_only)
    assert error.status in (429, 500)
    answer = Reply(body=completion(json.dumps(stub_answer(ARTICLE))))
    with FakeOpenAI(Replay([error, answer])) as server:
        summary = run(server, via=via, retry_max_wait=0.2)
    assert server.count == 2
    assert summary.metadata.transport_retries == 1
    assert summary.metadata.requests == 2
    assert summary.metadata.usage == Usage(
        prompt_tokens=100, completion_tokens=50, total_tokens=150
    )


@VIA
@pytest.mark.parametrize(("relative", "chat_only"), TRANSIENT)
def test_transient_error_every_time_gives_provider_error_after_all_attempts(
    relative: str, chat_only: bool, via: str
):
    error = recorded(relative, chat_only=chat_only)
    raised, server = expect_failure(
        ProviderError, [error], via=via, repeat=True, retries=2, retry_max_wait=0.2
    )
    assert server.count == 3
    assert raised.status == error.status
    assert raised.attempts == 3


def test_azure_retry_after_ms_zero_wins_over_retry_after_one_second():
    """Azure sends `Retry-After: 1` and `Retry-After-Ms: 0`: the precise hint must win."""
    error = recorded(RATE_LIMIT_AZURE)
    assert error.headers["retry-after"] == "1" and error.headers["retry-after-ms"] == "0"
    replay = Replay([error, Reply(body=completion(json.dumps(stub_answer(ARTICLE))))])
    with FakeOpenAI(replay) as server:
        run(server)  # default wait cap (60 s): a 1 s wait would show
    assert server.count == 2
    assert replay.arrivals[1] - replay.arrivals[0] < 0.9


def status_error(item: Recorded, *, drop: Sequence[str] = ()) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(
        item.status, headers=replay_headers(item, drop=drop), content=item.body, request=request
    )
    return openai.APIStatusError("recorded", response=response, body=item.json())


def test_retry_after_seconds_reads_the_recorded_azure_headers():
    error = recorded(RATE_LIMIT_AZURE)
    assert retry_after_seconds(status_error(error)) == 0.0
    assert retry_after_seconds(status_error(error, drop=["retry-after-ms"])) == 1.0


def test_retry_after_seconds_is_none_without_a_hint():
    assert retry_after_seconds(status_error(recorded(RATE_LIMIT_OPENROUTER))) is None
    assert retry_after_seconds(status_error(recorded(SERVER_ERROR, chat_only=False))) is None


# -- permanent errors: one request, the status, the provider's words, never the key -----------


@VIA
@pytest.mark.parametrize(
    ("relative", "said"),
    [
        pytest.param(AUTH_ERROR, "Incorrect API key provided", id="openai-401"),
        pytest.param(
            AUTH_ERROR_OLD_SCHEMA, "Incorrect API key provided", id="openai-401-old-vcrpy-schema"
        ),
        pytest.param(MODEL_NOT_FOUND, "does not exist", id="openai-404-model-not-found"),
        pytest.param(UNSUPPORTED_PARAM, "Unsupported parameter", id="openai-400-unsupported"),
        pytest.param(PROMPT_TOO_LONG_OLLAMA, "prompt too long", id="ollama-cloud-400"),
        pytest.param(TOOL_USE_FAILED_GROQ, "Tool call validation failed", id="groq-400"),
        pytest.param(FLAT_ERROR_OLLAMA, "not found", id="ollama-404-error-is-a-string"),
    ],
)
def test_permanent_error_is_not_retried(relative: str, said: str, via: str):
    error = recorded(relative, chat_only=False)
    assert 400 <= error.status < 500
    raised, server = expect_failure(ProviderError, [error], via=via, repeat=True, retries=2)
    assert server.count == 1
    assert raised.status == error.status
    assert raised.attempts == 1
    assert said in str(raised)
    assert server.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    assert API_KEY not in str(raised)


@VIA
def test_401_echoing_the_full_key_is_redacted(via: str):
    """OpenAI masks the key it echoes; a proxy that does not must not leak it through us."""
    error = recorded(AUTH_ERROR)
    assert b"invalid-*****2345" in error.body
    echoing = dataclasses.replace(
        error, body=error.body.replace(b"invalid-*****2345", API_KEY.encode())
    )
    raised, server = expect_failure(ProviderError, [echoing], via=via, repeat=True)
    assert server.count == 1 and raised.status == 401
    assert API_KEY not in str(raised)
    assert API_KEY[8:] not in str(raised)


# -- real success envelopes, real content swapped in --------------------------------------------


@VIA
@pytest.mark.parametrize(
    ("relative", "index"),
    [
        pytest.param(OLLAMA_GEMMA, 0, id="ollama-gemma3-minimal"),
        pytest.param(OLLAMA_QWEN_REASONING, 0, id="ollama-qwen3-reasoning-parsed-body"),
        pytest.param(OLLAMA_QWEN_RUBY, 1, id="ollama-qwen3-ruby-binary-body"),
        pytest.param(OPENAI_SERVICE_TIER, 0, id="openai-gpt5-service-tier-null-fingerprint"),
        pytest.param(OPENAI_NATIVE_OUTPUT, 1, id="openai-gpt4o-json-schema-parsed-body"),
        pytest.param(OPENAI_HTTPRR, 0, id="openai-gpt4o-httprr-http2"),
        pytest.param(GPUSTACK_TOOLS, 1, id="gpustack-usage-extras-duplicate-headers"),
        pytest.param(AZURE_FILTER, 1, id="azure-filter-results-not-filtered"),
    ],
)
def test_real_envelope_with_valid_content_parses(relative: str, index: int, via: str):
    answer = valid_answer(relative, index)
    envelope = answer.json()
    with FakeOpenAI(Replay([answer])) as server:
        summary = run(server, via=via)
    assert server.count == 1
    usage = envelope["usage"]
    assert summary.metadata.usage == Usage(
        prompt_tokens=usage["prompt_tokens"],
        completion_tokens=usage["completion_tokens"],
        total_tokens=usage["total_tokens"],
    )
    assert summary.metadata.model == envelope["model"]
    assert summary.metadata.requests == 1
    assert summary.metadata.transport_retries == 0
    assert [c.text for c in summary.claims] == [
        "The city council approved the new budget on Tuesday."
    ]


def test_transplant_keeps_every_other_byte():
    envelope = recorded(OLLAMA_GEMMA)
    answer = valid_answer(OLLAMA_GEMMA)
    prefix, _, suffix = envelope.body.partition(b'"4200 + 42 = 4242\\n"')
    assert answer.body.startswith(prefix) and answer.body.endswith(suffix)
    assert b"fp_ollama" in answer.body and b"logprobs" not in answer.body


# -- the loader itself --------------------------------------------------------------------------


def all_cassettes() -> list[Path]:
    return sorted(p for p in CASSETTES.rglob("*") if p.suffix in SUFFIXES)


@pytest.mark.parametrize("path", all_cassettes(), ids=lambda p: str(p.relative_to(CASSETTES)))
def test_loader_reads_every_supported_cassette(path: Path):
    responses = recorded_responses(path)
    assert responses
    for response in responses:
        assert isinstance(response.status, int) and 100 <= response.status < 600
        assert isinstance(response.body, bytes) and response.body
        kind = response.headers.get("content-type", "application/json")
        if "ndjson" in kind:
            assert all(json.loads(line) for line in response.body.splitlines() if line)
        elif "json" in kind:
            json.loads(response.body)  # decoded: no gzip, base64 or YAML tree left


def test_loader_covers_the_test_cassettes():
    used = {
        value
        for name, value in globals().items()
        if name.isupper() and isinstance(value, str) and value.endswith(SUFFIXES)
    }
    on_disk = {str(p.relative_to(CASSETTES)) for p in all_cassettes()}
    assert used <= on_disk
    assert on_disk == used, f"unused cassettes kept: {sorted(on_disk - used)}"


def test_loader_decodes_gzip_binary_bodies():
    raw = yaml.safe_load(cassette(REFUSAL_GZIP).read_text())
    assert raw["interactions"][0]["response"]["body"]["string"][:2] == b"\x1f\x8b"
    refusal = recorded(REFUSAL_GZIP)
    assert refusal.headers["content-encoding"] == "gzip"  # as recorded; not replayed
    assert "content-encoding" not in replay_headers(refusal)
    assert refusal.json()["object"] == "chat.completion"


def test_loader_decodes_ruby_binary_bodies():
    text = cassette(GPUSTACK_TOOLS).read_text()
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.safe_load(text)  # Ruby's `!binary` tag needs the loader's constructor
    answer = recorded(GPUSTACK_TOOLS, 1)
    assert "15°C" in answer.json()["choices"][0]["message"]["content"]
    assert answer.headers["server"] == "uvicorn, uvicorn"  # recorded twice, joined


def test_loader_redumps_parsed_body():
    error = recorded(RATE_LIMIT_OPENROUTER)
    assert error.status == 429
    assert error.json()["error"]["code"] == 429  # an int, as OpenRouter sends it
    assert len(chat_completions(cassette(RATE_LIMIT_OPENROUTER))) == 3


def test_loader_reads_old_vcrpy_httpx_schema():
    (error,) = recorded_responses(cassette(AUTH_ERROR_OLD_SCHEMA))
    assert error.status == 401
    assert error.json()["error"]["code"] == "invalid_api_key"
    assert error.headers["x-request-id"] == "55f4f12fef392b7fbc0c647e97a8e6b2"


def test_loader_reads_httprr_including_chunked_framing():
    (answer,) = recorded_responses(cassette(OPENAI_HTTPRR))
    assert (answer.status, answer.method) == (200, "POST")
    assert answer.json()["system_fingerprint"] == "fp_46bff0e0c8"
    (stream,) = recorded_responses(cassette(OLLAMA_NATIVE_HTTPRR))
    lines = [json.loads(line) for line in stream.body.splitlines()]
    assert lines[-1]["done"] is True
    assert "".join(line["message"]["content"] for line in lines).startswith('{"answer"')


def test_chat_completions_skips_other_recorded_calls():
    path = cassette(LENGTH_GPUSTACK)
    assert [r.method for r in recorded_responses(path)] == ["GET", "POST"]
    assert [r.uri for r in chat_completions(path)] == ["<GPUSTACK_API_BASE>/chat/completions"]
