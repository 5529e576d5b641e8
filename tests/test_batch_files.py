"""Request and result files: written requests, answered by a local engine, read back."""

from __future__ import annotations

import json
import urllib.request

import pytest

import llmclaims
from llmclaims.batch import Article
from llmclaims.batch_files import read_results, write_requests
from llmclaims.errors import LLMClaimsError, ProviderError
from llmclaims.testing import FakeOpenAI, stub_handler

ARTICLES = [
    Article(id=f"a{n}", text=f"The mayor of town {n} said on Monday that the bridge reopens.")
    for n in range(4)
]


def make(server: FakeOpenAI, tmp_path) -> llmclaims.Summarizer:
    return llmclaims.Summarizer(
        model="m", base_url=server.base_url, cache_dir=tmp_path / "c", retries=0, timeout=5
    )


def run_engine(server: FakeOpenAI, requests_path, results_path, fail: set[str]) -> None:
    """Answer a request file like `vllm run-batch` would, from the local fake server."""
    lines = []
    for raw in requests_path.read_text(encoding="utf-8").splitlines():
        request = json.loads(raw)
        if request["custom_id"] in fail:
            error = {"code": "server_error", "message": "engine crashed"}
            response = {"status_code": 500, "body": {"error": error}}
        else:
            url = server.base_url.rstrip("/") + request["url"].removeprefix("/v1")
            data = json.dumps(request["body"]).encode()
            sent = urllib.request.Request(url, data, {"Content-Type": "application/json"})
            with urllib.request.urlopen(sent, timeout=5) as reply:
                response = {"status_code": reply.status, "body": json.load(reply)}
        lines.append(json.dumps({"custom_id": request["custom_id"], "response": response}))
    results_path.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")


def test_round_trip_answers_every_article_with_errors_as_results(serve, tmp_path):
    server = serve(stub_handler)
    summarizer = make(server, tmp_path)
    requests_path, results_path = tmp_path / "req.jsonl", tmp_path / "res.jsonl"
    assert list(write_requests(ARTICLES, summarizer, requests_path)) == []
    written = [json.loads(x) for x in requests_path.read_text(encoding="utf-8").splitlines()]
    assert [w["custom_id"] for w in written] == [a.id for a in ARTICLES]
    assert not server.requests  # writing requests costs nothing

    run_engine(server, requests_path, results_path, fail={"a2"})
    results = {r.id: r for r in read_results(ARTICLES, summarizer, results_path)}
    assert sorted(results) == [a.id for a in ARTICLES]
    assert isinstance(results["a2"].error, ProviderError)
    assert all(results[i].ok for i in ("a0", "a1", "a3"))
    assert results["a1"].summary.claims[0].evidence[0].span.start == 0

    # answered articles are cached: a second request file holds only the failed one
    settled = list(write_requests(ARTICLES, summarizer, requests_path))
    assert sorted(r.id for r in settled) == ["a0", "a1", "a3"] and all(r.cached for r in settled)
    again = [json.loads(x)["custom_id"] for x in requests_path.read_text().splitlines()]
    assert again == ["a2"]


def test_written_request_is_exactly_the_live_request(serve, tmp_path):
    server = serve(stub_handler)
    list(write_requests(ARTICLES[:1], make(server, tmp_path), tmp_path / "r.jsonl"))
    written = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
    assert written["method"] == "POST" and written["url"] == "/v1/chat/completions"
    make(server, tmp_path / "live").summarize(ARTICLES[0].text)
    assert written["body"] == server.requests[0].json()


def test_unreadable_results_line_is_a_typed_error(serve, tmp_path):
    server = serve(stub_handler)
    path = tmp_path / "res.jsonl"
    path.write_text('{"custom_id": "a0", "response": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(LLMClaimsError, match=r"res\.jsonl:2"):
        list(read_results(ARTICLES, make(server, tmp_path), path))


@pytest.mark.slow
def test_cli_round_trip_into_out_and_resume(serve, tmp_path):
    from .test_batch_cli import command, lines, records, run, write_jsonl

    server = serve(stub_handler)
    source = write_jsonl(tmp_path / "in.jsonl", records(range(3)))
    out, req, res = tmp_path / "out.jsonl", tmp_path / "req.jsonl", tmp_path / "res.jsonl"
    cache = tmp_path / "cache"
    done = run(
        command(server, out, source, cache=cache, extra=("--write-requests", str(req))), tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert not out.exists() or (lines(out) == [] and not server.requests)
    run_engine(server, req, res, fail={"s1"})
    done = run(
        command(server, out, source, cache=cache, extra=("--read-results", str(res))), tmp_path
    )
    by_id = {line["id"]: line for line in lines(out)}
    assert sorted(by_id) == ["s0", "s1", "s2"]
    assert "error" in by_id["s1"] and "summary" in by_id["s0"]
    done = run(
        command(server, out, source, cache=cache, extra=("--write-requests", str(req))), tmp_path
    )
    assert [json.loads(x)["custom_id"] for x in req.read_text().splitlines()] == ["s1"]
