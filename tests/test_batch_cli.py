"""`llmclaims batch` as users run it: a subprocess against the fault server, killed, resumed,
interrupted, run twice at once, and fed bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from llmclaims.batch_run import _short
from llmclaims.testing import Fault, FaultPlan, article_key

from .conftest import ok
from .test_webpage import site  # noqa: F401  # the local page server

pytestmark = pytest.mark.slow


def environment(tmp_path: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLMCLAIMS_"))}
    return {**base, "LLMCLAIMS_CACHE_DIR": str(tmp_path / "user-cache")}


def command(
    server, out: Path, *inputs: Path | str, cache: Path | None = None, extra: tuple[str, ...] = ()
) -> list[str]:
    args = [
        sys.executable,
        "-m",
        "llmclaims",
        "batch",
        *map(str, inputs),
        "--out",
        str(out),
        "--model",
        "m",
        "--base-url",
        server.base_url,
        *extra,
    ]
    return [*args, "--cache-dir", str(cache)] if cache else [*args, "--no-cache"]


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, capture_output=True, text=True, env=environment(tmp_path), timeout=120
    )


def lines(out: Path) -> list[dict]:
    raw = out.read_bytes()
    assert raw == b"" or raw.endswith(b"\n"), "torn last line"
    return [json.loads(line) for line in raw.splitlines()]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def text(i: int) -> str:
    return (
        f"Story {i}: the council said on Monday that road {i} will reopen in May. Others doubt it."
    )


def records(ids: range) -> list[dict]:
    return [{"id": f"s{i}", "text": text(i), "published": "2024-05-06"} for i in ids]


def test_folders_files_and_jsonl_one_line_each_then_resume_costs_nothing(serve, tmp_path):
    server = serve(ok)
    folder = tmp_path / "articles"
    (folder / "politics").mkdir(parents=True)
    (folder / "a.txt").write_text(text(1))
    (folder / "politics" / "b.txt").write_text(text(2))
    (folder / "notes.md").write_text("not an article")
    single = tmp_path / "single.txt"
    single.write_text(text(3))
    feed = write_jsonl(
        tmp_path / "feed.jsonl",
        [{**r, "url": "https://x.example/" + r["id"]} for r in records(range(4, 7))],
    )
    out = tmp_path / "out.jsonl"
    args = command(
        server, out, folder, single, feed, cache=tmp_path / "cache", extra=("--concurrency", "3")
    )

    first = run(args, tmp_path)

    assert first.returncode == 0, first.stderr
    got = lines(out)
    ids = [line["id"] for line in got]
    assert sorted(ids) == sorted(["a.txt", "politics/b.txt", str(single), "s4", "s5", "s6"])
    by_id = {line["id"]: line for line in got}
    assert by_id["s4"]["url"] == "https://x.example/s4"
    assert by_id["s4"]["summary"]["metadata"]["published"] == "2024-05-06"
    assert by_id["a.txt"]["summary"]["claims"][0]["evidence"][0]["span"]["start"] == 0
    assert "6 of 6 articles" in first.stderr and "6 summarized" in first.stderr
    assert server.count == 6

    again = run(args, tmp_path)  # everything is in OUT: no request, no new line
    assert again.returncode == 0, again.stderr
    assert server.count == 6
    assert lines(out) == got
    assert "6 already there" in again.stderr

    fresh = tmp_path / "fresh.jsonl"  # same cache, new OUT: all cache hits, no request
    third = run(command(server, fresh, folder, single, feed, cache=tmp_path / "cache"), tmp_path)
    assert third.returncode == 0, third.stderr
    assert server.count == 6
    assert all(line["summary"]["metadata"]["cached"] for line in lines(fresh))


def test_sigkill_mid_batch_resumes_without_paying_twice(serve, tmp_path):
    server = serve(ok, latency=0.25)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(40)))
    out = tmp_path / "out.jsonl"
    args = command(server, out, feed, cache=tmp_path / "cache", extra=("--concurrency", "4"))

    process = subprocess.Popen(
        args, env=environment(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 10):
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)

    before = lines(out)  # every line whole and parseable
    finished = {line["id"] for line in before}
    assert 10 <= len(finished) < 40
    requests_before = Counter(server.per_article)

    resumed = run(args, tmp_path)

    assert resumed.returncode == 0, resumed.stderr
    after = lines(out)
    assert Counter(line["id"] for line in after) == Counter(r["id"] for r in records(range(40)))
    assert after[: len(before)] == before  # resuming appends; it never rewrites finished lines
    for i in range(40):
        key = f"s{i}"
        paid = server.requests_for(text(i))
        if key in finished:  # finished before the kill: not one more request
            assert paid == 1 and requests_before[article_key(text(i))] == 1, key
        else:  # in flight at the kill (paid, maybe cached) or never started
            assert paid <= 2, key


def test_a_torn_last_line_is_removed_on_resume(serve, tmp_path):
    server = serve(ok)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(3)))
    out = tmp_path / "out.jsonl"
    assert run(command(server, out, feed, extra=("--concurrency", "1")), tmp_path).returncode == 0
    whole = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(whole[0] + whole[1][: len(whole[1]) // 2])  # as if cut mid-write

    resumed = run(command(server, out, feed), tmp_path)

    assert resumed.returncode == 0, resumed.stderr
    assert "incomplete last line" in resumed.stderr
    assert sorted(line["id"] for line in lines(out)) == ["s0", "s1", "s2"]
    assert server.count == 3 + 2


def test_ctrl_c_stops_cleanly_and_says_how_to_resume(serve, tmp_path):
    server = serve(ok, latency=0.25)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(24)))
    out = tmp_path / "out.jsonl"
    args = command(server, out, feed, cache=tmp_path / "cache", extra=("--concurrency", "3"))
    process = subprocess.Popen(
        args, env=environment(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 4):
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)

    assert process.returncode == 130
    assert "interrupted" in stderr and "Run the same command again to resume" in stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    written = lines(out)
    assert 4 <= len(written) < 24

    resumed = run(args, tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    assert sorted(line["id"] for line in lines(out)) == sorted(f"s{i}" for i in range(24))


def test_two_processes_sharing_one_cache_do_not_corrupt_it(serve, tmp_path):
    server = serve(ok, latency=0.05)
    cache = tmp_path / "cache"
    first = write_jsonl(tmp_path / "first.jsonl", records(range(0, 40)))
    second = write_jsonl(tmp_path / "second.jsonl", records(range(20, 60)))
    processes = [
        subprocess.Popen(
            command(
                server, tmp_path / f"out{n}.jsonl", feed, cache=cache, extra=("--concurrency", "8")
            ),
            env=environment(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, feed in enumerate((first, second))
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    assert sorted(line["id"] for line in lines(tmp_path / "out0.jsonl")) == sorted(
        f"s{i}" for i in range(0, 40)
    )
    assert sorted(line["id"] for line in lines(tmp_path / "out1.jsonl")) == sorted(
        f"s{i}" for i in range(20, 60)
    )
    paid = server.count
    assert paid == 60  # the 20 articles both feeds hold are paid once: one process waits

    everything = write_jsonl(tmp_path / "all.jsonl", records(range(60)))
    third = run(command(server, tmp_path / "out2.jsonl", everything, cache=cache), tmp_path)

    assert third.returncode == 0, third.stderr
    assert server.count == paid  # all 60 from the shared cache: zero requests
    assert all(line["summary"]["metadata"]["cached"] for line in lines(tmp_path / "out2.jsonl"))
    assert "60 from cache" in third.stderr


def test_permanent_faults_are_error_lines_and_retried_only_when_asked(serve, tmp_path):
    plan = FaultPlan(
        [
            Fault("401", 0.15, None),
            Fault("refusal", 0.15, None),
            Fault("length", 0.15, None),
            Fault("invalid", 0.15, None),
        ],
        seed=5,
    )
    server = serve(plan)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(20)))
    out = tmp_path / "out.jsonl"

    first = run(command(server, out, feed, cache=tmp_path / "cache"), tmp_path)

    assert first.returncode == 1, first.stderr  # some articles failed; the batch did not
    assert "Traceback" not in first.stderr
    got = {line["id"]: line for line in lines(out)}
    assert len(got) == 20
    expected = {
        "401": "ProviderError",
        "refusal": "RefusalError",
        "length": "TruncatedOutputError",
        "invalid": "InvalidOutputError",
    }
    for i in range(20):
        fault, line = plan.fault_for(text(i)), got[f"s{i}"]
        if fault is None:
            assert "summary" in line
        else:
            assert line["error"]["type"] == expected[fault.kind]
            assert line["error"]["message"]
    assert {line["error"]["type"] for line in got.values() if "error" in line} == set(
        expected.values()
    )
    assert next(line for line in got.values() if line.get("error", {}).get("status") == 401)

    failures = sum(1 for line in got.values() if "error" in line)
    assert 0 < failures < 20

    paid = server.count
    kept = run(
        command(server, out, feed, cache=tmp_path / "cache", extra=("--no-retry-failed",)), tmp_path
    )
    assert kept.returncode == 1
    assert f"20 already there ({failures} of them failures)" in kept.stderr
    assert server.count == paid  # error lines kept as final: nothing re-requested
    assert {line["id"]: line for line in lines(out)} == got

    retried = run(command(server, out, feed, cache=tmp_path / "cache"), tmp_path)
    assert retried.returncode == 1
    assert server.count > paid  # the failed articles were tried again ...
    assert plan.summary()["articles"] == 20
    after = lines(out)
    assert Counter(line["id"] for line in after) == Counter(list(got))  # ... one line each
    assert sum(1 for line in after if "error" in line) == failures


def test_transient_failures_are_retried_on_rerun_and_replace_their_error_line(serve, tmp_path):
    state = {"healthy": False}
    plan = FaultPlan([Fault("503", 0.3, None)], seed=2)

    def handler(request):
        return ok(request) if state["healthy"] else plan(request)

    server = serve(handler)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(12)))
    out = tmp_path / "out.jsonl"
    args = command(server, out, feed, cache=tmp_path / "cache")

    first = run(args, tmp_path)
    assert first.returncode == 1
    failed = {line["id"] for line in lines(out) if "error" in line}
    assert failed and all(plan.fault_for(text(int(i[1:]))) for i in failed)

    state["healthy"] = True
    before = server.count
    second = run(args, tmp_path)

    assert second.returncode == 0, second.stderr
    after = lines(out)
    assert sorted(line["id"] for line in after) == sorted(f"s{i}" for i in range(12))
    assert all("summary" in line for line in after)
    assert server.count - before == len(failed)  # only the failed ones were requested
    assert not list(tmp_path.glob(".out.jsonl.*"))  # the rewrite left no temporary file


def test_bad_input_becomes_error_lines_and_nothing_else_is_lost(serve, tmp_path):
    server = serve(ok)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n\t ")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (folder / "latin1.txt").write_bytes("Il caffè è buono, disse.".encode("latin-1"))
    (folder / "huge.txt").write_text("Parola. " * 650_000)  # 5.2 MB
    (folder / "good.txt").write_text(text(1))
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        json.dumps({"id": "j1", "text": text(2)}).encode()
        + b"\n"
        + b'{"id": "j2", "text": "unterminated\n'
        + b"\n"
        + b'["not", "an", "object"]\n'
        + json.dumps({"text": "no id here"}).encode()
        + b"\n"
        + json.dumps({"id": "j5", "title": "no text"}).encode()
        + b"\n"
        + '{"id": "j6", "text": "Caffè"}\n'.encode("latin-1")
        + json.dumps({"id": "j7", "text": text(7), "published": "yesterday"}).encode()
        + b"\n"
        + json.dumps({"id": 8, "text": text(8), "published": "2024-02-03"}).encode()
        + b"\n"
    )
    out = tmp_path / "out.jsonl"

    result = run(command(server, out, folder, feed), tmp_path)

    assert result.returncode == 1, result.stderr
    got = {line["id"]: line for line in lines(out)}
    feed_name = feed.as_posix()
    errors = {i: line["error"]["message"] for i, line in got.items() if "error" in line}
    assert set(got) == {
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "latin1.txt",
        "huge.txt",
        "good.txt",
        "j1",
        f"{feed_name}:2",
        f"{feed_name}:4",
        f"{feed_name}:5",
        "j5",
        "j6",
        "j7",
        "8",
    }
    assert "empty" in errors["empty.txt"] and "empty" in errors["blank.txt"]
    assert "binary" in errors["binary.txt"]
    assert "not valid UTF-8" in errors["latin1.txt"]
    assert "too long" in errors["huge.txt"]
    assert "not valid JSON" in errors[f"{feed_name}:2"]
    assert "not a JSON object" in errors[f"{feed_name}:4"]
    assert '"id"' in errors[f"{feed_name}:5"]
    assert '"text"' in errors["j5"]
    assert "not valid UTF-8" in errors["j6"]
    assert "YYYY-MM-DD" in errors["j7"]
    assert {i for i, line in got.items() if "summary" in line} == {"good.txt", "j1", "8"}
    assert all(line["error"]["type"] == "InputError" for line in got.values() if "error" in line)
    assert server.count == 3


def test_duplicate_ids_refuse_to_start(serve, tmp_path):
    server = serve(ok)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(3)) + records(range(1, 2)))
    out = tmp_path / "out.jsonl"

    result = run(command(server, out, feed), tmp_path)

    assert result.returncode == 2
    assert "duplicate article id 's1'" in result.stderr and "feed.jsonl:2" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists() and server.count == 0


@pytest.mark.parametrize(
    ("inputs", "extra", "needle"),
    [
        (["feed.jsonl", "missing.jsonl"], (), "no such file or folder: "),
        (["feed.jsonl"], ("--concurrency", "0"), "whole number >= 1"),
        (["feed.jsonl"], ("--out", "no-such-folder/out.jsonl"), "folder for --out does not"),
    ],
)
def test_usage_errors_are_one_line(serve, tmp_path, inputs, extra, needle):
    server = serve(ok)
    write_jsonl(tmp_path / "feed.jsonl", records(range(1)))
    args = command(server, tmp_path / "out.jsonl", *(tmp_path / i for i in inputs), extra=extra)
    result = run(args, tmp_path)
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
    assert server.count == 0


def test_a_second_batch_on_the_same_out_is_refused(serve, tmp_path):
    server = serve(ok, latency=0.3)
    # 30 articles at 0.3 s each: the first batch is still writing while the second starts up.
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(30)))
    out = tmp_path / "out.jsonl"
    args = command(server, out, feed, extra=("--concurrency", "1"))
    first = subprocess.Popen(args, env=environment(tmp_path), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or not out.read_bytes()):
        time.sleep(0.02)

    second = run(args, tmp_path)

    assert second.returncode == 2
    assert "another llmclaims batch is writing" in second.stderr
    first.communicate(timeout=60)
    assert first.returncode == 0
    assert sorted(line["id"] for line in lines(out)) == sorted(f"s{i}" for i in range(30))


def test_progress_bar_shows_counts_and_tokens(serve, tmp_path):
    server = serve(ok)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(3)))
    result = run(command(server, tmp_path / "out.jsonl", feed, extra=("--progress",)), tmp_path)
    assert result.returncode == 0
    tokens = sum(r.prompt_tokens + 50 for r in server.requests)  # the stub's usage
    assert f"ok=3 failed=0 cached=0 tokens={_short(tokens)}" in result.stderr
    assert "3/3" in result.stderr


# -- pages, URLs and dates in; the source recorded in OUT ---------------------------------------


def test_html_and_url_rows_with_default_date_record_their_source(serve, site, tmp_path):  # noqa: F811
    """Before: a `url` row was an error line, and OUT kept no text, URL or title."""
    from .test_webpage import PAGES

    server = serve(ok)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "it.html").write_bytes((PAGES / "it_news.html").read_bytes())
    feed = write_jsonl(
        tmp_path / "feed.jsonl",
        [
            {"id": "en", "url": f"{site}/en"},
            {"id": "html", "html": (PAGES / "en_news.html").read_text(), "title": "Mine"},
            {"id": "txt", "text": text(1), "url": "https://news.example/1"},
            {"id": "dated", "text": text(2), "published": "2024-02-02"},
            {"id": "gone", "url": f"{site}/missing"},
        ],
    )
    out, cache = tmp_path / "out.jsonl", tmp_path / "cache"
    args = command(server, out, feed, tmp_path / "pages", cache=cache,
                   extra=("--published", "2024-06-01"))  # fmt: skip
    result = run(args, tmp_path)
    assert result.returncode == 1, result.stderr  # one page is gone: its error line, exit 1
    assert "6 of 6 articles" in result.stderr and "5 summarized" in result.stderr
    by_id = {line["id"]: line for line in lines(out)}
    assert "HTTP 404" in by_id["gone"]["error"]["message"]
    summaries = {i: line["summary"] for i, line in by_id.items() if "summary" in line}
    assert {i: s["metadata"]["published"] for i, s in summaries.items()} == {
        "en": "2024-03-14",  # the page's own date
        "html": "2024-03-14",
        "it.html": "2024-01-05",
        "txt": "2024-06-01",  # none of its own: --published
        "dated": "2024-02-02",  # the row's own
    }
    assert summaries["en"]["title"] == "Port strike ends after nine days"
    assert summaries["en"]["url"] == "https://dailyledger.example/business/port-strike-ends"
    assert summaries["html"]["title"] == "Mine"
    assert (summaries["txt"]["url"], summaries["txt"]["title"]) == ("https://news.example/1", None)
    assert summaries["txt"]["text"] == text(1)
    for summary in summaries.values():
        for claim in summary["claims"]:
            for evidence in claim["evidence"]:
                span = evidence["span"]
                assert summary["text"][span["start"] : span["end"]] == span["text"]
    sent = [r.article for r in server.requests]
    # The English page by URL and by HTML is one text with one date: one request for both.
    assert len(sent) == len(set(sent)) == 4
    assert not any("Accetta" in a or "<p>" in a for a in sent)

    again = tmp_path / "again.jsonl"
    result = run(command(server, again, feed, tmp_path / "pages", cache=cache,
                         extra=("--published", "2024-06-01")), tmp_path)  # fmt: skip
    cached = {line["id"]: line["summary"] for line in lines(again) if "summary" in line}
    assert all(s["metadata"]["cached"] for s in cached.values()) and server.count == 4
    assert {i: (s["text"], s["url"], s["title"]) for i, s in cached.items()} == {
        i: (s["text"], s["url"], s["title"]) for i, s in summaries.items()
    }

    # Lines written before summaries carried their source still read in report and export.
    old = tmp_path / "old.jsonl"
    stripped = []
    for line in lines(out):
        for key in ("text", "url", "title"):
            line.get("summary", {}).pop(key, None)
        stripped.append(line)
    write_jsonl(old, stripped)
    for source in (out, old):
        report = tmp_path / f"{source.stem}.html"
        done = run([sys.executable, "-m", "llmclaims", "report", str(source), "-o", str(report)],
                   tmp_path)  # fmt: skip
        assert done.returncode == 0, done.stderr
        page = report.read_text()
        assert all(f">{ident}</a>" in page for ident in summaries), page
        database = tmp_path / f"{source.stem}.db"
        done = run([sys.executable, "-m", "llmclaims", "export", str(source), str(database)],
                   tmp_path)  # fmt: skip
        assert done.returncode == 0 and "6 result lines exported" in done.stderr, done.stderr


@pytest.mark.parametrize(
    ("files", "needle"),
    [
        ({"in/a.pdf": b"%PDF", "in/b.pdf": b"%PDF"}, "holds no article: articles are *.txt"),
        ({"in/feed.jsonl": b"\n"}, "feed.jsonl holds no article"),
    ],
)
def test_an_input_without_articles_is_an_error_not_0_of_0(serve, tmp_path, files, needle):
    server = serve(ok)
    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    target = tmp_path / ("in" if len(files) > 1 else next(iter(files)))
    out = tmp_path / "out.jsonl"
    result = run(command(server, out, target), tmp_path)
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr and "0 of 0" not in result.stderr
    assert not out.exists() and server.count == 0


@pytest.mark.parametrize(
    "routes",
    [
        ("--write-requests", "r.jsonl", "--provider-batch"),
        ("--read-results", "r.jsonl", "--provider-batch"),
        ("--write-requests", "r.jsonl", "--read-results", "s.jsonl"),
    ],
)
def test_answer_routes_are_mutually_exclusive(serve, tmp_path, routes):
    server = serve(ok)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(1)))
    out = tmp_path / "out.jsonl"
    result = run(command(server, out, feed, extra=routes), tmp_path)
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() and server.count == 0


def test_write_requests_says_how_many_requests_it_wrote(serve, tmp_path):
    server = serve(ok)
    feed = write_jsonl(tmp_path / "feed.jsonl", records(range(3)))
    cache = tmp_path / "cache"
    out, requests = tmp_path / "out.jsonl", tmp_path / "requests.jsonl"
    run(command(server, out, write_jsonl(tmp_path / "one.jsonl", records(range(1))),
                cache=cache), tmp_path)  # fmt: skip  # s0 is now cached
    result = run(command(server, tmp_path / "out2.jsonl", feed, cache=cache,
                         extra=("--write-requests", str(requests))), tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"2 requests written to {requests}" in result.stderr
    assert len(requests.read_text().splitlines()) == 2
    assert "1 of 3 articles" in result.stderr and "1 summarized (1 from cache)" in result.stderr
