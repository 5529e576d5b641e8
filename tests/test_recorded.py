"""Our own prompts on the reference articles, replayed from cassettes (see tests/recording.py).

Offline these replay the cassettes; with `LLMCLAIMS_RECORD=1 ... --record-mode=rewrite` the same
tests call a live model and re-record them. The assertions are what any good answer must
satisfy, so they hold for an authored cassette and for a real recording alike.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator

import pytest

import llmclaims
from llmclaims.testing import Reply, completion

from .conftest import CALL_PASSED
from .recording import CASSETTES, ROOT, SECRET_HEADERS, VCR_CONFIG, manifest

LIVE = os.environ.get("LLMCLAIMS_RECORD") == "1"
LIVE_ENV = {k: os.environ.get(k) for k in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMCLAIMS_MODEL")}
ENTRIES = manifest()


@pytest.fixture
def vcr_config() -> dict:
    return VCR_CONFIG


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[str]:
    """Offline: the cassettes themselves. Re-recording: a staging folder, whose cassette
    replaces the old one only when the test passed (vcr writes it when the test ends, before
    this fixture's teardown) — a bad live answer never deletes or overwrites a good cassette."""
    if not LIVE:
        yield str(CASSETTES)
        return
    staging = tmp_path_factory.mktemp("recording")
    yield str(staging)
    if request.node.stash.get(CALL_PASSED, False):
        for recorded in staging.glob("*.json"):
            shutil.move(str(recorded), CASSETTES / recorded.name)


@pytest.fixture(params=ENTRIES, ids=[e["name"] for e in ENTRIES])
def entry(request: pytest.FixtureRequest) -> dict[str, str]:
    return request.param


@pytest.fixture
def default_cassette_name(entry: dict[str, str]) -> str:
    return entry["name"]


def cassette(entry: dict[str, str]) -> dict:
    return json.loads((CASSETTES / f"{entry['name']}.json").read_text(encoding="utf-8"))


def connection(entry: dict[str, str]) -> dict[str, str | None]:
    if LIVE:
        return {
            "model": LIVE_ENV["LLMCLAIMS_MODEL"] or "gpt-4o-mini",
            "api_key": LIVE_ENV["OPENAI_API_KEY"],
            "base_url": LIVE_ENV["OPENAI_BASE_URL"],
        }
    first = cassette(entry)["interactions"][0]["request"]
    return {"model": json.loads(first["body"])["model"], "api_key": "sk-replay-placeholder"}


def run(entry: dict[str, str]) -> llmclaims.ArticleSummary:
    text = (ROOT / entry["text"]).read_text(encoding="utf-8")
    try:
        return llmclaims.summarize(
            text, published=entry["published"], cache=False, retries=0, **connection(entry)
        )
    except llmclaims.ProviderError as exc:
        pytest.fail(
            f"the request no longer matches {entry['name']}.json ({exc}); the prompt "
            "or schema changed: run `python -m tests.author_cassettes` or re-record"
        )


@pytest.mark.vcr
def test_reference_article_summary_is_grounded_and_linked(entry):
    summary = run(entry)
    text = (ROOT / entry["text"]).read_text(encoding="utf-8")
    assert summary.language == entry["language"]
    assert len(summary.claims) >= 3 and len(summary.sources) >= 2 and summary.timeline
    for item in (*summary.sources, *summary.claims, *summary.timeline):
        assert "ungrounded" not in item.flags, item
        # A careful annotation must raise no trust flag: any flag here is a false alarm.
        # (`date_disagreement` is not an alarm: two readings of a date, both kept visible;
        # nor is `date_unverified`: the library says it could not check the value.)
        alarms = [f for f in item.flags if f not in ("date_disagreement", "date_unverified")]
        assert LIVE or not alarms, (item, alarms)
        for e in item.evidence:
            assert e.span is not None and text[e.span.start : e.span.end] == e.span.text
    source_ids = {s.id for s in summary.sources}
    assert all(set(c.source_ids) <= source_ids for c in summary.claims)
    assert summary.metadata.published.isoformat() == entry["published"]
    assert summary.metadata.requests == len(cassette(entry)["interactions"]) or LIVE
    assert summary.metadata.usage.total_tokens > 0
    for t in summary.timeline:
        if t.value:  # no invented years: each stated year is in the text or the DCT's year
            for year in re.findall(r"\b(\d{4})\b", t.value):
                assert year in t.expression or t.anchored, t


@pytest.mark.vcr
def test_reference_italian_article_hard_spots(entry):
    if entry["name"] != "nk-missiles-russia.it":
        pytest.skip("Italian reference article only")
    summary = run(entry)
    # The newspaper's conditional is a hedge while the spokesperson is certain.
    split = [
        c
        for c in summary.claims
        if c.source and c.source.hedging == "none" and c.author.hedging != "none"
    ]
    assert split, "no claim where the source is certain but the article hedges"
    assert any(
        cue.startswith(("sarebbe", "avrebbe")) or cue.endswith(("rebbe", "rebbero"))
        for c in summary.claims
        for cue in c.author.cues
    )
    # An analyst speaking through another newspaper.
    via = [s for s in summary.sources if s.via]
    assert any(summary.source(s.via).kind == "media" for s in via)
    # A range across the year boundary and a month resolved against the publication date.
    values = {t.value for t in summary.timeline}
    assert "2023-12-30/2024-01-02" in values
    assert "2023-11" in values


@pytest.mark.vcr
def test_reference_spanish_article_hard_spots(entry):
    if entry["name"] != "convoy-valdemora.es":
        pytest.skip("Spanish reference article only")
    summary = run(entry)
    assert summary.metadata.notes == []  # Spanish has a module: every check ran
    # The -ría conditional hedges the article's voice over an organization's firm statement.
    split = [
        c
        for c in summary.claims
        if c.source and c.source.hedging == "none" and c.author.hedging != "none"
    ]
    assert split, "no claim where the source is certain but the article hedges"
    assert any(cue.split()[0].endswith(("ría", "rían")) for c in split for cue in c.author.cues)
    # A denial, an anonymous official speaking through a newspaper.
    assert any(c.source and c.source.polarity == "negative" for c in summary.claims)
    via = [s for s in summary.sources if s.via]
    assert any(summary.source(s.via).kind == "media" for s in via)
    assert any(t.anchored and t.value == "2024-03-05" for t in summary.timeline)


def test_cassettes_are_labelled_and_hold_no_secret():
    for entry in ENTRIES:
        data = cassette(entry)
        assert data["provenance"] in ("authored", "recorded")
        assert data["note"]
        for interaction in data["interactions"]:
            headers = {k.lower(): v for k, v in interaction["request"]["headers"].items()}
            for name in SECRET_HEADERS:
                assert headers.get(name, ["REDACTED"]) == ["REDACTED"], name
            blob = json.dumps(interaction)
            assert not re.search(r"sk-(?!replay|authoring)[A-Za-z0-9]{16,}", blob)


@pytest.mark.slow
def test_re_recording_against_a_bad_endpoint_leaves_the_cassettes_intact(serve, tmp_path):
    import subprocess
    import sys

    before = {p.name: p.read_bytes() for p in CASSETTES.glob("*.json")}
    server = serve(lambda r: Reply(body=completion("this is not the JSON you asked for")))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLMCLAIMS_"))}
    env.update(LLMCLAIMS_RECORD="1", OPENAI_BASE_URL=server.base_url, LLMCLAIMS_MODEL="m",
               LLMCLAIMS_CACHE_DIR=str(tmp_path))  # fmt: skip  # a local server needs no key
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "tests/test_recorded.py", "--record-mode=rewrite",
         "-k", "grounded_and_linked", "-p", "no:randomly"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode != 0, run.stdout[-2000:]  # the bad answers fail the tests ...
    assert server.count >= 1  # ... after really asking the endpoint
    after = {p.name: p.read_bytes() for p in CASSETTES.glob("*.json")}
    assert after == before  # ... and no cassette was deleted or rewritten
