"""Configuration by argument and environment, and the errors when something is missing."""

from __future__ import annotations

import pytest

import llmclaims
from llmclaims.config import is_local

from .conftest import SECRET, ok

TEXT = "Officials said the port reopened on Tuesday."


def test_no_model_is_a_configuration_error():
    with pytest.raises(llmclaims.ConfigurationError, match="LLMCLAIMS_MODEL"):
        llmclaims.summarize(TEXT, api_key=SECRET)


def test_no_key_for_a_remote_endpoint_is_a_configuration_error():
    with pytest.raises(llmclaims.ConfigurationError, match="OPENAI_API_KEY"):
        llmclaims.summarize(TEXT, model="gpt-4o-mini")
    with pytest.raises(llmclaims.ConfigurationError):
        llmclaims.Summarizer(model="m", base_url="https://example.com/v1")


def test_local_server_needs_no_key(serve):
    server = serve(ok)
    summary = llmclaims.summarize(TEXT, model="llama3", base_url=server.base_url, cache=False)
    assert summary.claims
    assert server.requests[0].headers["authorization"] == "Bearer not-needed"


def test_environment_is_read(serve, monkeypatch):
    server = serve(ok)
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("LLMCLAIMS_MODEL", "env-model")
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("LLMCLAIMS_MODE", "tools")
    summarizer = llmclaims.Summarizer(cache=False)
    assert summarizer.settings.model == "env-model"
    assert summarizer.settings.mode == "tools"
    summarizer.summarize(TEXT)
    request = server.requests[0]
    assert request.json()["model"] == "env-model"
    assert request.headers["authorization"] == f"Bearer {SECRET}"
    assert "tools" in request.json()
    assert SECRET not in repr(summarizer) and SECRET not in repr(summarizer.settings)


def test_arguments_override_environment(serve, monkeypatch):
    server = serve(ok)
    monkeypatch.setenv("LLMCLAIMS_MODEL", "env-model")
    llmclaims.summarize(TEXT, model="arg-model", base_url=server.base_url, cache=False)
    assert server.requests[0].json()["model"] == "arg-model"


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"mode": "xml"}, "unknown mode"),
        ({"grounding": "maybe"}, "grounding"),
        ({"retries": -1}, "retries"),
    ],
)
def test_bad_options_are_rejected(kw, match):
    with pytest.raises(llmclaims.ConfigurationError, match=match):
        llmclaims.Summarizer(model="m", base_url="http://127.0.0.1:9/v1", **kw)


def test_endpoint_never_carries_credentials():
    s = llmclaims.Summarizer(
        model="m",
        base_url="https://user:pw@host.example/v1/?api-key=abc",
        api_key=SECRET,
        cache=False,
    ).settings
    assert s.endpoint == "https://host.example/v1"


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:11434/v1", True),
        ("http://127.0.0.1:8000/v1", True),
        ("http://192.168.1.20:8000/v1", True),
        ("http://gpu.local:8000/v1", True),
        ("https://api.openai.com/v1", False),
        ("https://my.openai.azure.com/openai/v1", False),
        (None, False),
    ],
)
def test_is_local(url, local):
    assert is_local(url) is local
