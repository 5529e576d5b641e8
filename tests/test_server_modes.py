"""Servers without strict structured outputs: the refusal is advised at once, never retried, and
`tools_strict` really asks for strict function calls. Against a real local server."""

from __future__ import annotations

import pytest

import llmclaims
from llmclaims.testing import Reply, ServedRequest, answer_reply, error_reply, stub_answer

from .conftest import ok

ARTICLE = "The mayor said on Friday that the new tram line will open in 2026."

# Refusals as real servers word them (see llmclaims/transport.py for where each was seen).
LLAMA_CPP_500 = 'response_format type must be one of "text" or "json_object", but got: json_schema'
HOSTED_400 = "response_format `json_schema` is not supported with this model"
TOOLS_400 = "tools are not supported by this model"


@pytest.mark.parametrize(
    ("status", "said", "mode", "advised"),
    [
        (500, LLAMA_CPP_500, "json_schema", "mode='md_json'"),
        (400, HOSTED_400, "json_schema", "mode='md_json'"),
        (400, TOOLS_400, "tools", "mode='json_schema'"),
    ],
)
def test_a_refused_mode_is_advised_after_one_request(serve, status, said, mode, advised):
    server = serve(lambda request: error_reply(status, said))
    with pytest.raises(llmclaims.ProviderError) as raised:
        llmclaims.summarize(
            ARTICLE, model="m", base_url=server.base_url, mode=mode, cache=False, retries=4
        )
    message = str(raised.value)
    assert server.count == 1  # the same refusal on every attempt: not retried
    assert advised in message
    assert f"does not support mode {mode!r}" in message
    assert "try again later" not in message
    assert raised.value.status == status


def test_an_ordinary_500_is_still_retried(serve):
    server = serve(lambda request: error_reply(500, "upstream overloaded"))
    with pytest.raises(llmclaims.ProviderError) as raised:
        llmclaims.summarize(
            ARTICLE, model="m", base_url=server.base_url, cache=False, retries=2, retry_max_wait=0
        )
    assert server.count == 3
    assert "does not support mode" not in str(raised.value)


def test_tools_strict_sends_strict_functions(serve):
    server = serve(ok)
    summary = llmclaims.summarize(
        ARTICLE, model="m", base_url=server.base_url, mode="tools_strict", cache=False
    )
    (request,) = server.requests
    tools = request.json()["tools"]
    assert tools and all(tool["function"]["strict"] is True for tool in tools)
    assert summary.claims  # the strict tool call's arguments parse like any other


def test_plain_tools_mode_does_not_claim_strictness(serve):
    server = serve(ok)
    llmclaims.summarize(ARTICLE, model="m", base_url=server.base_url, mode="tools", cache=False)
    (request,) = server.requests
    assert all("strict" not in tool["function"] for tool in request.json()["tools"])


def test_a_server_ignoring_response_format_is_not_told_to_use_json_schema(serve):
    """Asked for json_schema, answered prose: the advice must not be the mode already in use."""

    def prose(request: ServedRequest) -> Reply:
        return answer_reply(request, "Here is a summary of the article: the mayor spoke.")

    server = serve(prose)
    with pytest.raises(llmclaims.InvalidOutputError) as raised:
        llmclaims.summarize(ARTICLE, model="m", base_url=server.base_url, cache=False, reasks=1)
    message = str(raised.value)
    assert "use mode='json_schema'" not in message
    assert "ignore response_format" in message
    assert server.count == 2


def test_md_json_mode_is_advised_json_schema_when_it_fails(serve):
    def broken(request: ServedRequest) -> Reply:
        answer = stub_answer(request.article)
        answer.pop("claims")
        return answer_reply(request, answer)

    server = serve(broken)
    with pytest.raises(llmclaims.InvalidOutputError) as raised:
        llmclaims.summarize(
            ARTICLE, model="m", base_url=server.base_url, mode="md_json", cache=False, reasks=0
        )
    assert "mode='json_schema' on servers with structured outputs" in str(raised.value)
