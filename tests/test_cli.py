"""The command line, run as a user runs it: a subprocess, JSON out, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import SECRET, ok


def run(args: list[str], *, env: dict[str, str] | None = None, stdin: bytes | None = None):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLMCLAIMS_"))}
    return subprocess.run(
        [sys.executable, "-m", "llmclaims", *args],
        input=stdin,
        capture_output=True,
        env={**base, **(env or {})},
        timeout=60,
    )


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The council said on Monday that the library will reopen in June.")
    return path


def test_summarize_prints_json(serve, article, tmp_path):
    server = serve(ok)
    result = run(
        [
            "summarize",
            str(article),
            "--model",
            "m",
            "--base-url",
            server.base_url,
            "--published",
            "2024-05-06",
            "--cache-dir",
            str(tmp_path / "c"),
        ]
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["metadata"]["published"] == "2024-05-06"
    assert summary["claims"][0]["evidence"][0]["span"]["start"] == 0
    again = run(
        [
            "summarize",
            str(article),
            "--model",
            "m",
            "--base-url",
            server.base_url,
            "--published",
            "2024-05-06",
            "--cache-dir",
            str(tmp_path / "c"),
        ]
    )
    assert json.loads(again.stdout)["metadata"]["cached"] is True
    assert server.count == 1


def test_stdin_and_no_cache(serve, tmp_path):
    server = serve(ok)
    env = {
        "LLMCLAIMS_MODEL": "m",
        "OPENAI_BASE_URL": server.base_url,
        "LLMCLAIMS_CACHE_DIR": str(tmp_path / "c"),
    }
    for _ in range(2):
        result = run(["summarize", "-", "--no-cache"], env=env, stdin=b"Una frase, disse lui.")
        assert result.returncode == 0, result.stderr
    assert server.count == 2
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    ("args", "env", "code", "needle"),
    [
        (["summarize", "{article}"], {}, 2, "no model given"),
        (["summarize", "{article}", "--model", "gpt-4o-mini"], {}, 2, "OPENAI_API_KEY"),
        (["summarize", "missing.txt", "--model", "m"], {}, 2, "no such file"),
        (["summarize", "{article}", "--published", "yesterday"], {}, 2, "YYYY-MM-DD"),
        (
            ["summarize", "{empty}", "--model", "m", "--base-url", "http://127.0.0.1:9/v1"],
            {},
            1,
            "InputError",
        ),
        (
            [
                "summarize",
                "{article}",
                "--model",
                "m",
                "--base-url",
                "http://127.0.0.1:9/v1",
                "--no-cache",
            ],
            {},
            1,
            "cannot reach",
        ),
    ],
)
def test_failures_are_one_line_without_traceback(article, tmp_path, args, env, code, needle):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    args = [a.format(article=article, empty=empty) for a in args]
    result = run(args, env={"LLMCLAIMS_CACHE_DIR": str(tmp_path / "c"), **env})
    assert result.returncode == code
    assert needle.encode() in result.stderr, result.stderr
    assert b"Traceback" not in result.stderr
    assert result.stdout == b""


def test_provider_error_never_shows_the_key(serve, article, tmp_path):
    from llmclaims.testing import error_reply

    server = serve(lambda r: error_reply(401, f"Incorrect API key provided: {SECRET}"))
    result = run(
        ["summarize", str(article), "--model", "m", "--base-url", server.base_url, "--no-cache"],
        env={"OPENAI_API_KEY": SECRET},
    )
    assert result.returncode == 1
    assert b"401" in result.stderr
    assert SECRET.encode() not in result.stderr and SECRET[:16].encode() not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version():
    import llmclaims

    for args in (["--version"], ["summarize", "--version"], ["batch", "--version"]):
        result = run(args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode().strip() == f"llmclaims {llmclaims.__version__}"


def test_request_knobs_reach_the_request(serve, article, tmp_path):
    """Before: the truncation error advised max_tokens, which the CLI could not set."""
    server = serve(ok)
    knobs = ["--max-tokens", "900", "--temperature", "0.2", "--timeout", "30", "--reasks", "0"]
    result = run(["summarize", str(article), "--model", "m", "--base-url", server.base_url,
                  "--no-cache", *knobs])  # fmt: skip
    assert result.returncode == 0, result.stderr
    body = server.requests[0].json()
    assert (body["max_tokens"], body["temperature"]) == (900, 0.2)


def test_reasks_and_timeout_from_the_command_line(serve, article):
    from llmclaims.testing import Reply, answer_reply

    invalid = serve(lambda request: answer_reply(request, "not json"))
    base = ["summarize", str(article), "--model", "m", "--no-cache"]
    result = run([*base, "--base-url", invalid.base_url, "--reasks", "0"])
    assert result.returncode == 1 and b"after 1 attempt(s) (0 re-ask(s))" in result.stderr
    assert invalid.count == 1
    slow = serve(lambda request: Reply(body=ok(request).body, delay=3.0))
    result = run([*base, "--base-url", slow.base_url, "--timeout", "0.5"])
    assert result.returncode == 1
    assert b"within 0.5s" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("knob", "value"),
    [("--max-tokens", "0"), ("--temperature", "hot"), ("--timeout", "nan"), ("--reasks", "-1")],
)
def test_bad_knob_values_are_usage_errors(article, knob, value):
    result = run(["summarize", str(article), "--model", "m", knob, value])
    assert result.returncode == 2
    assert knob.encode() in result.stderr and b"Traceback" not in result.stderr


def test_batch_files_are_imported_only_by_the_batch_command():
    code = "import sys, llmclaims.cli; print('llmclaims.batch_files' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.stdout.strip() == b"False", result.stderr
