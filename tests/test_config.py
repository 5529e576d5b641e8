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


# -- explicit, typed options ------------------------------------------------------------------


@pytest.mark.parametrize(
    "function", [llmclaims.Summarizer, llmclaims.summarize, llmclaims.asummarize]
)
def test_every_option_is_a_named_keyword_of_the_public_entry_points(function):
    """IDEs and mypy see each option; the list is the one `config.OPTIONS` checks against."""
    import inspect

    from llmclaims.config import OPTIONS

    parameters = inspect.signature(function).parameters
    named = [
        name
        for name, p in parameters.items()
        if p.kind is p.KEYWORD_ONLY and name not in ("published", "url", "title")
    ]
    assert named == list(OPTIONS)
    assert all(parameters[name].annotation != "Any" for name in named)
    assert [p.name for p in parameters.values() if p.kind is p.VAR_KEYWORD] == ["unknown"]


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"reask": 3}, "unknown option 'reask'; the options are: model, base_url"),
        ({"timeout": "x"}, "timeout must be a number of seconds > 0, not 'x'"),
        ({"max_tokens": 2.5}, "max_tokens must be a whole number"),
        ({"temperature": float("nan")}, "temperature must be a number"),
        ({"model": 3}, "model must be a string"),
        ({"cache": "no"}, "cache must be True or False"),
        ({"extra_body": {"max_tokens": 5}}, "none of the fields llmclaims sets"),
        ({"extra_body": {"x": object()}}, "dict of JSON values"),
        ({"extra_body": ["top_k"]}, "extra_body must be a dict"),
    ],
)
@pytest.mark.parametrize("entry", ["Summarizer", "summarize"])
def test_unknown_or_ill_typed_options_are_configuration_errors(kw, match, entry):
    """Before: `reask=3` was a bare TypeError about an internal class; `timeout="x"` passed."""
    kw = {"model": "m", "base_url": "http://127.0.0.1:9/v1", **kw}
    with pytest.raises(llmclaims.ConfigurationError, match=match.replace("(", r"\(")):
        if entry == "Summarizer":
            llmclaims.Summarizer(**kw)
        else:
            llmclaims.summarize(TEXT, **kw)


def test_unknown_option_is_named_before_a_missing_key():
    with pytest.raises(llmclaims.ConfigurationError, match="unknown option 'temprature'"):
        llmclaims.Summarizer(model="gpt-4o-mini", temprature=0)


def test_header_values_are_never_echoed_in_the_error():
    with pytest.raises(llmclaims.ConfigurationError) as caught:
        llmclaims.Summarizer(
            model="m", base_url="http://127.0.0.1:9/v1", extra_headers={"X-Token": 12345678}
        )
    assert "12345678" not in str(caught.value)


def test_none_means_the_default():
    settings = llmclaims.Summarizer(
        model="m", base_url="http://127.0.0.1:9/v1", timeout=None, reasks=None, cache=False
    ).settings
    assert (settings.timeout, settings.reasks) == (120.0, 2)


# -- extra request fields and headers ----------------------------------------------------------

THINKING_OFF = {"chat_template_kwargs": {"enable_thinking": False}}


@pytest.mark.parametrize("mode", ["json_schema", "tools", "md_json"])
def test_extra_body_fields_are_sent_top_level(serve, mode):
    server = serve(ok)
    llmclaims.summarize(
        TEXT, model="m", base_url=server.base_url, cache=False, mode=mode, extra_body=THINKING_OFF
    )
    body = server.requests[0].json()
    assert body["chat_template_kwargs"] == {"enable_thinking": False}
    assert "extra_body" not in body


def test_extra_body_is_in_the_cache_key_and_headers_are_not(serve, tmp_path):
    server = serve(ok)
    common = {"model": "m", "base_url": server.base_url, "cache_dir": tmp_path / "c"}
    first = llmclaims.summarize(TEXT, **common, extra_headers={"X-Proxy-Token": "tok-first-1"})
    again = llmclaims.summarize(TEXT, **common, extra_headers={"X-Proxy-Token": "tok-second-2"})
    assert (first.metadata.cached, again.metadata.cached) == (False, True)
    assert server.count == 1, "a header changes who is asked, not the answer"
    other = llmclaims.summarize(TEXT, **common, extra_body=THINKING_OFF)
    assert other.metadata.cached is False and server.count == 2, "extra_body changes the answer"
    assert llmclaims.summarize(TEXT, **common, extra_body=THINKING_OFF).metadata.cached
    assert server.count == 2
    assert server.requests[0].headers["x-proxy-token"] == "tok-first-1"
    stored = b"".join(p.read_bytes() for p in (tmp_path / "c").rglob("*") if p.is_file())
    assert b"tok-first-1" not in stored and b"tok-second-2" not in stored
    assert b"enable_thinking" not in stored  # the key is a digest; entries hold answers only


def test_extra_body_cannot_be_changed_behind_the_summarizers_back(serve):
    server = serve(ok)
    body = {"top_k": 5}
    summarizer = llmclaims.Summarizer(model="m", base_url=server.base_url, extra_body=body)
    body["top_k"] = 50
    summarizer.summarize(TEXT)
    assert server.requests[0].json()["top_k"] == 5


def test_header_values_never_reach_errors_logs_or_reprs(serve, caplog):
    from llmclaims.testing import error_reply

    token = "proxy-" + "T0k3n" * 6
    replies = iter([error_reply(503, f"busy for {token}"), error_reply(400, f"bad {token}")])
    server = serve(lambda request: next(replies))
    summarizer = llmclaims.Summarizer(
        model="m",
        base_url=server.base_url,
        cache=False,
        retries=1,
        retry_max_wait=0,
        extra_headers={"X-Proxy-Token": token},
    )
    with (
        caplog.at_level("WARNING", logger="llmclaims"),
        pytest.raises(llmclaims.ProviderError) as caught,
    ):
        summarizer.summarize(TEXT)
    assert server.requests[0].headers["x-proxy-token"] == token
    assert "HTTP 400" in str(caught.value)
    assert "retrying" in caplog.text
    for shown in (str(caught.value), caplog.text, repr(summarizer), repr(summarizer.settings)):
        assert token not in shown


def test_batch_request_bodies_carry_extra_fields_top_level(serve):
    """The OpenAI batch file format has no `extra_body`: its fields must be in the body."""
    summarizer = llmclaims.Summarizer(
        model="m",
        base_url="http://127.0.0.1:9/v1",
        cache=False,
        extra_body=THINKING_OFF,
        extra_headers={"X-Proxy-Token": "tok-never-in-a-file"},
    )
    body = summarizer.request_body(TEXT)
    assert body["chat_template_kwargs"] == {"enable_thinking": False}
    assert "extra_body" not in body and "tok-never-in-a-file" not in str(body)
