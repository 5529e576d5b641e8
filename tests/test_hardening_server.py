"""Misbehaving servers, each a real local HTTP server: answers that are not completions, bodies
that drip or explode, odd Retry-After values, and secrets a server or a URL could leak. Every
case here was misreported, hung or crashed before (see the hardening issue)."""

from __future__ import annotations

import gzip
import json
import urllib.request

import pytest

import llmclaims
from llmclaims.config import resolve
from llmclaims.testing import Reply

from .conftest import SECRET, ok, script

TEXT = "Il governo ha detto ieri che il ponte sarà aperto nel 2026."


def summarize(server, **kw):
    options = {"model": "m", "base_url": server.base_url, "cache": False, "retry_max_wait": 0}
    return llmclaims.summarize(TEXT, **{**options, **kw})


def test_an_error_object_in_a_200_keeps_the_providers_message(serve):
    body = {"error": {"message": "No endpoints found matching your data policy", "code": 404}}
    server = serve(script(*[Reply(body=body)] * 5))
    with pytest.raises(llmclaims.ProviderError, match="No endpoints found") as caught:
        summarize(server)
    assert not isinstance(caught.value, llmclaims.ContentFilteredError)
    assert caught.value.status == 404 and server.count == 1  # not transient: not retried


def test_a_transient_error_object_in_a_200_is_retried(serve):
    body = {"error": {"message": "Provider returned error", "code": 502}}
    server = serve(script(Reply(body=body), ok))
    summary = summarize(server)
    assert summary.claims and server.count == 2
    assert summary.metadata.transport_retries == 1


@pytest.mark.parametrize(
    ("body", "headers", "said"),
    [
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", {"content-type": "text/html"},
         "not JSON: '<html>"),
        (b"upstream connect error", {"content-type": "text/plain"}, "not JSON"),
        (b"null", {}, "is NoneType, not a chat completion"),
        (b"[1, 2]", {}, "is list, not a chat completion"),
        (b'{"id": "x", "object": "chat.completion"}', {}, "without choices"),
        (b'{"choices": "\xff\xfe"}', {}, "not valid UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, {}, "nested too deeply"),
    ],
)  # fmt: skip
def test_a_200_that_is_not_a_completion_is_a_provider_error_saying_what_it_was(
    serve, body, headers, said
):
    server = serve(script(*[Reply(body=body, headers=headers)] * 3))
    with pytest.raises(llmclaims.ProviderError, match="not a chat completion after 3") as caught:
        summarize(server, retries=2)
    assert said in str(caught.value)
    assert server.count == 3  # a proxy's page is transient: retried within the budget


@pytest.mark.parametrize(("status", "advice"), [(413, "too large"), (422, "could not process")])
def test_413_and_422_give_advice_not_failed_after_retries(serve, status, advice):
    server = serve(script(Reply(status=status, body={"error": {"message": "nope"}})))
    with pytest.raises(llmclaims.ProviderError, match=advice) as caught:
        summarize(server)
    assert "after retries" not in str(caught.value)
    assert caught.value.attempts == 1 and server.count == 1


def test_timeout_covers_the_whole_body_not_each_read(serve):
    completion = ok  # the real answer, dripped one byte every 50 ms (about 90 s in all)

    def drip(request):
        reply = completion(request)
        reply.trickle = 0.05
        return reply

    server = serve(drip)
    with pytest.raises(llmclaims.ProviderError, match=r"no complete answer .* within 1s"):
        summarize(server, timeout=1, retries=0)
    assert server.count == 1


def test_a_gzip_bomb_is_refused_at_the_cap(serve):
    bomb = gzip.compress(b" " * (64 << 20))  # 64 MiB of spaces in about 64 kB
    server = serve(script(Reply(body=bomb, headers={"content-encoding": "gzip"})))
    with pytest.raises(llmclaims.ProviderError, match="max_response_bytes=1,048,576"):
        summarize(server, max_response_bytes=1 << 20, retries=0)


@pytest.mark.parametrize("hint", ["nan", "inf", "-inf", "soon"])
def test_a_retry_after_that_is_no_number_is_no_hint_on_the_sync_path(serve, hint):
    limited = Reply(status=429, body={"error": {"message": "slow down"}},
                    headers={"retry-after": hint})  # fmt: skip
    server = serve(script(limited, ok))
    assert summarize(server).claims
    assert server.count == 2


def test_settings_repr_shows_no_credentials_of_the_base_url():
    settings = resolve(model="m", base_url="http://alice:pw-hunter2@127.0.0.1:9/v1?api-key=QKEY42",
                       api_key=SECRET, cache=False)  # fmt: skip
    shown = repr(settings)
    for secret in ("pw-hunter2", "QKEY42", SECRET, "alice"):
        assert secret not in shown


def test_a_malformed_base_url_is_a_configuration_error_without_its_password(tmp_path, capsys):
    url = "http://alice:pw-hunter2@[::1/v1"
    with pytest.raises(llmclaims.ConfigurationError) as caught:
        llmclaims.summarize(TEXT, model="m", base_url=url, cache=False)
    assert "pw-hunter2" not in str(caught.value)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    from llmclaims.cli import main

    assert main(["summarize", str(article), "--model", "m", "--base-url", url]) == 2
    assert "pw-hunter2" not in capsys.readouterr().err


def test_a_key_reflected_by_the_server_reaches_no_part_of_the_error(serve):
    body = {"error": {"message": f"Incorrect API key provided: {SECRET}"}}
    server = serve(script(Reply(status=401, body=body)))
    with pytest.raises(llmclaims.ProviderError) as caught:
        summarize(server, api_key=SECRET)
    seen, chain = set(), []
    error: BaseException | None = caught.value
    while error is not None and id(error) not in seen:  # the chain ends: no cycle
        seen.add(id(error))
        chain.append(error)
        error = error.__cause__ or error.__context__
    assert error is None
    for link in chain:
        assert SECRET not in str(link) and SECRET not in repr(link.args)


def test_a_reflected_key_in_a_200_error_object_is_redacted(serve):
    body = {"error": {"message": f"bad key {SECRET} for this route", "code": 403}}
    server = serve(script(Reply(body=json.dumps(body).encode())))
    with pytest.raises(llmclaims.ProviderError) as caught:
        summarize(server, api_key=SECRET)
    assert SECRET not in str(caught.value) and "[REDACTED]" in str(caught.value)


def test_the_cli_prints_one_line_for_a_failure_after_retries(serve, tmp_path, capsys):
    from llmclaims.cli import main

    server = serve(script(*[Reply(status=503, body={"error": {"message": "busy"}})] * 5))
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    args = ["summarize", str(article), "--model", "m", "--base-url", server.base_url, "--no-cache"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "ProviderError" in err
    assert server.count == 5  # four retries happened, silently


def test_debug_shows_the_traceback_of_a_library_error(tmp_path, capsys, monkeypatch):
    from llmclaims.cli import main

    monkeypatch.setenv("LLMCLAIMS_DEBUG", "1")
    article = tmp_path / "a.txt"
    article.write_bytes(b"")
    assert main(["summarize", str(article), "--model", "m", "--base-url", "http://127.0.0.1:9/v1"])
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "InputError" in err


def test_the_standalone_fake_server_lists_models_and_takes_file_uploads(tmp_path):
    from llmclaims.testing import ServerProcess

    with ServerProcess() as process:
        with urllib.request.urlopen(process.base_url + "/models", timeout=10) as answer:
            assert json.loads(answer.read())["data"][0]["id"] == "fake-model"
        boundary = "llmclaimsboundary"
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="in.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n{{}}\n\r\n'
            f"--{boundary}--\r\n"
        ).encode()
        upload = urllib.request.Request(
            process.base_url + "/files", data=body, method="POST",
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )  # fmt: skip
        with urllib.request.urlopen(upload, timeout=10) as answer:
            assert json.loads(answer.read())["id"].startswith("file-")
